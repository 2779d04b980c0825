"""The Russian golden gate: our own Russian test set (tests/fixtures/russian, written for the
project with gold in the SCHEMA.md shape) is scored like the shared seeds, and its floors in
tests/golden/baseline_ru.json may only go up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qantar.evaluate import load_gold, score
from qantar.evaluate.baseline import check, read_baseline

RUSSIAN = Path(__file__).parent / "fixtures" / "russian"
BASELINE = Path(__file__).parent / "golden" / "baseline_ru.json"


@pytest.fixture(scope="module")
def russian_scores() -> dict[str, Any]:
    from qantar.build import read_documents
    from qantar.nlp.pipeline import Pipeline
    from qantar.nlp.records import document_record
    from qantar.settings import Settings

    docs, errors = read_documents([], RUSSIAN / "manifest.csv", None)
    assert not errors and all(doc.language == "ru" for doc in docs)
    records = [
        document_record(doc, facts)
        for doc, facts in Pipeline(Settings(db_url="sqlite://")).run(docs)
    ]
    return score(load_gold(RUSSIAN / "gold.json"), records)


def test_russian_scores_hold_their_floors(russian_scores: dict[str, Any]) -> None:
    failures = check(russian_scores, read_baseline(BASELINE))
    assert not failures, "\n".join(failures)


def test_issue_acceptance_figures_for_russian(russian_scores: dict[str, Any]) -> None:
    types = russian_scores["types"]
    assert russian_scores["documents"] == 12
    assert types["people"]["f1"] >= 0.85
    assert types["verdicts"]["f1"] >= 0.80


def test_the_set_is_our_own_words() -> None:
    """No sentence of the Russian set appears in the shared corpus or the demo articles."""
    ours = {
        sentence.strip()
        for path in (RUSSIAN / "articles").glob("*.txt")
        for sentence in path.read_text(encoding="utf-8").split(".")
        if len(sentence.split()) >= 6
    }
    others = Path(__file__).parents[1] / "examples" / "articles"
    for path in others.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert not [s for s in ours if s in text], path.name
