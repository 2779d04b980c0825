"""Scoring gold against itself is perfect: on the shared seeds and on generated documents.

A scorer that cannot give full marks to the gold itself would put a ceiling under every
extractor; these tests guard the pairing and matching rules against that.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qantar.codebook import values
from qantar.evaluate import load_gold, score
from qantar.evaluate.compare import fold, normalize_text

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "seeds.json"


def reordered(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An independent copy with documents and records in reverse order.

    Reversed so that ties in pairing cannot simply follow the order of the lists: scoring must
    find the right partner for each record, not the one at the same position.
    """
    copy = json.loads(json.dumps(gold))
    return [{k: v[::-1] if isinstance(v, list) else v for k, v in d.items()} for d in copy[::-1]]


def assert_perfect(gold: list[dict[str, Any]]) -> None:
    for produced in (gold, reordered(gold)):
        result = score(gold, produced)
        for record_type, numbers in result["types"].items():
            if any(doc.get(record_type) for doc in gold):
                assert numbers["f1"] == 1.0, (record_type, numbers)
                assert numbers["fp"] == numbers["fn"] == 0
        for name, numbers in result["attributes"].items():
            if numbers["total"]:
                assert numbers["accuracy"] == 1.0, (name, numbers)


@pytest.mark.skipif(not SEEDS.exists(), reason="needs the shared gold next to the repository")
def test_seeds_score_perfectly_against_themselves() -> None:
    gold = load_gold(SEEDS)
    assert len(gold) >= 5
    assert_perfect(gold)
    result = score(gold, gold)
    assert result["attributes"]["quotes.speaker"]["total"] > 0
    assert result["attributes"]["verdicts.date"]["total"] > 0


# Small alphabets and ranges on purpose: colliding names, nested quotes and shared dates are
# where one-to-one pairing can go wrong, and they are rare with free text.
SPELLINGS = ["Massimov", "Masimov", "Масимов", "Kaisar", "the Kaisar's", "Almaty", "Алматы"]
names = st.one_of(
    st.sampled_from(SPELLINGS),
    st.text("abkzhАБК -'", min_size=1, max_size=8).filter(lambda n: fold(n) is not None),
)
texts = st.text("ab .“”", min_size=1, max_size=14).filter(lambda t: bool(normalize_text(t)))
days = st.dates(date(2022, 1, 1), date(2022, 2, 28)).map(lambda d: d.isoformat())
iso_dates = st.one_of(st.none(), days, days.map(lambda d: d[:7]), days.map(lambda d: d[:4]))
event_dates = st.one_of(iso_dates, st.fixed_dictionaries({"start": iso_dates, "end": iso_dates}))
numbers = st.one_of(st.integers(0, 3), st.floats(allow_nan=False, allow_infinity=False))
figure_values = st.one_of(numbers, st.lists(numbers, min_size=2, max_size=2))


@st.composite
def documents(draw: st.DrawFn, name: str) -> dict[str, Any]:
    people = draw(
        st.lists(st.fixed_dictionaries({"name": names, "variants": st.lists(names, max_size=2)}))
    )
    speakers = st.one_of(st.none(), names, *(st.just(p["name"]) for p in people))
    verdict = st.fixed_dictionaries(
        {
            "defendant": speakers,
            "count": st.one_of(st.none(), st.integers(1, 3)),
            "outcome": st.sampled_from(values("verdict_outcomes")[:2]),
            "term_months": st.one_of(st.none(), st.integers(0, 2)),
            "charges": st.lists(texts, max_size=2),
            "date": iso_dates,
            "city": st.one_of(st.none(), names),
        }
    )
    figure = st.fixed_dictionaries(
        {
            "measure": st.sampled_from(values("figure_measures")[:2]),
            "value": figure_values,
            "as_of": iso_dates,
            "source_type": st.sampled_from(values("source_types")[:2]),
        }
    )
    event = st.fixed_dictionaries(
        {
            "date": event_dates,
            "type": st.sampled_from(values("event_types")[:2]),
            "place": st.one_of(st.none(), names),
        }
    )
    quote = st.fixed_dictionaries({"text": texts, "speaker": speakers})
    return {
        "doc": name,
        "people": people,
        "organizations": draw(st.lists(st.fixed_dictionaries({"name": names}), max_size=4)),
        "places": draw(st.lists(names, max_size=4)),
        "verdicts": draw(st.lists(verdict, max_size=4)),
        "figures": draw(st.lists(figure, max_size=4)),
        "events": draw(st.lists(event, max_size=4)),
        "quotes": draw(st.lists(quote, max_size=4)),
    }


corpora = st.lists(st.sampled_from(["a.txt", "b.txt", "c.txt"]), unique=True).flatmap(
    lambda doc_names: st.tuples(*(documents(n) for n in doc_names)).map(list)
)


@settings(max_examples=150, deadline=None)
@given(corpora)
def test_generated_gold_scores_perfectly_against_itself(gold: list[dict[str, Any]]) -> None:
    assert_perfect(gold)


@settings(max_examples=100, deadline=None)
@given(corpora, corpora)
def test_counts_add_up_for_any_pair_of_corpora(
    gold: list[dict[str, Any]], produced: list[dict[str, Any]]
) -> None:
    result = score(gold, produced)
    gold_names = {doc["doc"] for doc in gold}
    for record_type, numbers in result["types"].items():
        expected = sum(len(doc[record_type]) for doc in gold)
        made = sum(len(doc[record_type]) for doc in produced if doc["doc"] in gold_names)
        assert numbers["tp"] + numbers["fn"] == expected
        assert numbers["tp"] + numbers["fp"] == made
        assert all(0.0 <= numbers[k] <= 1.0 for k in ("precision", "recall", "f1"))
    for numbers in result["attributes"].values():
        assert 0 <= numbers["correct"] <= numbers["total"]
