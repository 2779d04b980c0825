"""`qantar verdicts`, `qantar events` and `qantar victims`: text lines, JSON and plain errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from qantar.cli import _term, cli
from qantar.store import open_store

from .store.test_records import fill


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'q.db'}"
    engine = open_store(url)
    fill(engine)
    engine.dispose()
    return url


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def test_verdicts_prints_one_line_each_with_its_sentence(db: str) -> None:
    result = run("verdicts", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2023  Taraz  7 people  suspended 2–3 years  (mass unrest)",
        "    “Seven people received suspended terms in Taraz that year.” (a-verdicts.txt)",
        "2023-04  Астана  Карим Масимов  prison 18 years  appeal upheld",
        "    “Апелляция оставила приговор Карим Масимов без изменений.” (b-verdicts.txt)",
        "2023-04-24  Astana  Karim Massimov  prison 18 years  (treason; abuse of power)",
        "    “A military court in Astana sentenced Karim Massimov to 18 years on 24 April 2023.”"
        " (a-verdicts.txt)",
        "2023-07-11  Almaty  Aigerim Tleuzhanova  prison 4 years",
        "    “In Almaty, Aigerim Tleuzhanova was sentenced to four years on 11 July 2023.”"
        " (a-verdicts.txt)",
        "no date  Алматы  Ерлан Сапаров  fine",
        "    “Ерлан Сапаров оштрафован в Алматы.” (b-verdicts.txt)",
    ]
    assert result.stderr == ""


def test_verdicts_filters_and_json(db: str) -> None:
    result = run("verdicts", "--person", "Масимов", "--since", "2023-04-10", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["record"]["defendant"], r["record"]["date"]) for r in rows] == [
        ("Карим Масимов", "2023-04"),
        ("Karim Massimov", "2023-04-24"),
    ]
    assert set(rows[0]) == {
        "id",
        "doc_id",
        "doc_name",
        "kind",
        "key",
        "record",
        "span_start",
        "span_end",
        "sentence",
        "extractor",
        "page",
        "mentions",
        "review",
    }
    assert rows[0]["review"] == {"status": "extracted", "by": None, "at": None}
    fines = run("verdicts", "--outcome", "fine", "--city", "Almaty", "--db", db)
    assert fines.stdout.splitlines()[0] == "no date  Алматы  Ерлан Сапаров  fine"


def test_events_lines(db: str) -> None:
    result = run("events", "--type", "death", "--place", "Алматы", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "2022-01  Алматы  death  Аскар Нурланов: Аскар Нурланов  (застрелен)",
        "    “В январе в Алматы был застрелен Аскар Нурланов.” (d-events.txt)",
        "2022-01-06  Almaty  death  Askar Nurlanov: Askar Nurlanov  "
        "(shot near the akimat; responsible: security forces)",
        "    “Askar Nurlanov was shot near the akimat.” (c-events.txt)",
        "2022-01-06  Almaty  death  An unnamed man died",
        "    “An unnamed man died the same day.” (c-events.txt)",
    ]
    span = run("events", "--until", "2022-01-05", "--place", "Zhanaozen", "--db", db)
    assert span.stdout.splitlines()[0] == (
        "2022-01-02..2022-01-05  Zhanaozen  protest  Protests spread  (actors: protesters)"
    )


def test_events_json(db: str) -> None:
    result = run("events", "--person", "Masimov", "--json", "--db", db)
    [row] = json.loads(result.stdout)
    assert row["record"] == {
        "date": "2022-01-08",
        "place": None,
        "actors": ["Massimov"],
        "summary": "arrested",
        "type": "arrest",
    }
    assert row["doc_name"] == "c-events.txt"


def test_victims_lines_and_json(db: str) -> None:
    result = run("victims", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Askar Nurlanov  2022-01, 2022-01-06  Алматы, Almaty  (2 sources)",
        "    also: Аскар Нурланов",
        "    circumstance: застрелен; shot near the akimat",
        "    responsible: security forces",
        "    “В январе в Алматы был застрелен Аскар Нурланов.” "
        "(d-events.txt, Example News, https://example.org/nurlanov)",
        "    “Askar Nurlanov was shot near the akimat.” (c-events.txt, Test Wire)",
        "Dana Serikova  2022-01-07  Талдыкорган  (2 sources)",
        "    also: Дана Серикова",
        "    circumstance: of her wounds",
        "    “Дана Серикова погибла в Талдыкоргане 7 января.” "
        "(d-events.txt, Example News, https://example.org/nurlanov)",
        "    “Dana Serikova died of her wounds, her family said.” (c-events.txt, Test Wire)",
    ]
    rows = json.loads(run("victims", "--json", "--db", db).stdout)
    assert [(r["name"], len(r["sources"])) for r in rows] == [
        ("Askar Nurlanov", 2),
        ("Dana Serikova", 2),
    ]


@pytest.mark.parametrize("command", ["verdicts", "events"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_a_malformed_date_is_a_bad_parameter(db: str, command: str, option: str) -> None:
    result = run(command, option, "5 January", "--db", db)
    assert result.exit_code == 2
    assert (
        f"Error: Invalid value for '{option}': must be a date such as 2022-01-05, 2022-01 or "
        "2022, not '5 January'"
    ) in result.stderr
    assert result.stdout == ""


def test_since_after_until_is_a_usage_error(db: str) -> None:
    result = run("verdicts", "--since", "2024", "--until", "2023", "--db", db)
    assert result.exit_code == 2
    assert "Error: since (2024) is after until (2023), so nothing could match" in result.stderr


def test_an_unknown_outcome_lists_the_choices(db: str) -> None:
    result = run("verdicts", "--outcome", "jail", "--db", db)
    assert result.exit_code == 2
    assert "'jail' is not one of 'prison', 'restricted_freedom'" in result.stderr


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (("verdicts", "--person", "Nobody"), "verdicts"),
        (("events", "--since", "2030"), "events"),
        (("victims",), "named victims"),
    ],
)
def test_nothing_matched_says_how_to_fill_the_store(
    db: str, tmp_path: Path, args: tuple[str, ...], what: str
) -> None:
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    for url in (db, empty) if what != "named victims" else (empty,):
        result = run(*args, "--db", url)
        assert result.exit_code == 0
        assert result.stdout == ""
        assert result.stderr == (
            f"no {what} matched; add articles to the store with 'qantar build PATH'\n"
        )
    as_json = run(*args, "--json", "--db", empty)
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ({"term_months": 43}, "3 years 7 months"),
        ({"term_months": 48}, "4 years"),
        ({"term_months": 12}, "1 year"),
        ({"term_months": 13}, "1 year 1 month"),
        ({"term_months": 6}, "6 months"),
        ({"term_months": None}, ""),
        ({"term_range": [48, 96]}, "4–8 years"),
        ({"term_range": [3, 9]}, "3–9 months"),
        ({"term_range": [6, 18]}, "6 months – 1 year 6 months"),
        ({"term_range": [48, 96], "term_months": 60}, "4–8 years"),
    ],
)
def test_terms_in_words(record: dict[str, Any], words: str) -> None:
    assert _term(record) == words
