"""format_table(): the exact text, so CI logs and closing notes stay comparable between runs."""

from __future__ import annotations

from qantar.evaluate import format_table, score

from .helpers import TOKAYEV, doc


def test_format_table_exact_text() -> None:
    gold = [doc(people=[TOKAYEV], places=["Almaty", "Taraz"], quotes=[{"text": "Enough."}])]
    produced = [
        doc(
            people=[{"name": "Tokayev"}, {"name": "Almas Kaisar"}],
            places=["Almaty"],
            quotes=[{"text": "enough", "speaker": None}],
        )
    ]
    assert format_table(score(gold, produced)) == (
        "1 document scored\n"
        "\n"
        "type                P       R      F1  tp  fp  fn\n"
        "people         0.5000  1.0000  0.6667   1   1   0\n"
        "organizations  0.0000  0.0000  0.0000   0   0   0\n"
        "places         1.0000  0.5000  0.6667   1   0   1\n"
        "verdicts       0.0000  0.0000  0.0000   0   0   0\n"
        "figures        0.0000  0.0000  0.0000   0   0   0\n"
        "events         0.0000  0.0000  0.0000   0   0   0\n"
        "quotes         1.0000  1.0000  1.0000   1   0   0\n"
        "\n"
        "attribute            accuracy  correct/total\n"
        "verdicts.date             n/a            0/0\n"
        "verdicts.charges          n/a            0/0\n"
        "figures.as_of             n/a            0/0\n"
        "figures.source_type       n/a            0/0\n"
        "events.place              n/a            0/0\n"
        "quotes.speaker            n/a            0/0\n"
    )


def test_format_table_counts_documents_and_widens_columns() -> None:
    many = [doc(f"{i}.txt", places=["Almaty"] * 100) for i in range(12)]
    table = format_table(score(many, many))
    assert table.startswith("12 documents scored\n")
    assert "places         1.0000  1.0000  1.0000  1200   0   0\n" in table
