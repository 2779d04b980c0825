"""score(): matching rules per type, one-to-one pairing, document pairing and the result shape."""

from __future__ import annotations

from typing import Any

import pytest

from qantar.evaluate import score
from qantar.evaluate.rules import ATTRIBUTES
from qantar.exceptions import GoldError

from .helpers import MASSIMOV, TOKAYEV, attribute, counts, doc

TYPES = ["people", "organizations", "places", "verdicts", "figures", "events", "quotes"]


def test_result_shape_is_pinned() -> None:
    result = score([doc(people=[TOKAYEV])], [doc(people=[{"name": "Tokayev"}])])
    assert list(result) == ["documents", "types", "attributes"]
    assert result["documents"] == 1
    assert list(result["types"]) == TYPES
    assert list(result["attributes"]) == list(ATTRIBUTES)
    assert result["types"]["people"] == {
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
    }
    assert result["types"]["places"] == {
        "tp": 0,
        "fp": 0,
        "fn": 0,
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }
    assert result["attributes"]["quotes.speaker"] == {"correct": 0, "total": 0, "accuracy": None}


def test_ratios_are_micro_averaged_and_rounded() -> None:
    gold = [doc("a", people=[TOKAYEV, MASSIMOV]), doc("b", people=[{"name": "Berik Asylov"}])]
    produced = [
        doc("a", people=[{"name": "Tokayev"}, {"name": "Almas Kaisar"}]),
        doc("b", people=[{"name": "Berik Assylov"}]),
    ]
    assert score(gold, produced)["types"]["people"] == {
        "tp": 2,
        "fp": 1,
        "fn": 1,
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
    }


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        ([MASSIMOV], ["Karim Masimov"], (1, 0, 0)),
        ([MASSIMOV], ["Masimov"], (1, 0, 0)),  # a variant, spelt differently
        ([MASSIMOV], ["Карим Масимов"], (1, 0, 0)),  # Cyrillic against Latin
        ([TOKAYEV], ["Kassym-Zhomart Tokayev"], (1, 0, 0)),
        ([TOKAYEV], ["Касым-Жомарт Токаев"], (1, 0, 0)),
        ([TOKAYEV], ["Tokayev's"], (1, 0, 0)),
        ([TOKAYEV], ["Nazarbayev"], (0, 1, 1)),
        ([MASSIMOV], ["Karim Massimov", "Masimov"], (1, 1, 0)),  # a duplicate is a false positive
        ([MASSIMOV, TOKAYEV], ["Tokayev", "Massimov"], (2, 0, 0)),
        ([MASSIMOV], [], (0, 0, 1)),
        ([], ["Karim Massimov"], (0, 1, 0)),
    ],
)
def test_people(gold: list[Any], produced: list[str], expected: tuple[int, int, int]) -> None:
    assert counts("people", gold, [{"name": name} for name in produced]) == expected


CSTO = {"name": "Collective Security Treaty Organization", "variants": ["CSTO"]}


@pytest.mark.parametrize(
    ("produced", "expected"),
    [
        ("the CSTO", (1, 0, 0)),
        ("Collective Security Treaty Organisation", (0, 1, 1)),  # not a listed variant
        ("CSTO’s", (1, 0, 0)),
    ],
)
def test_organizations(produced: str, expected: tuple[int, int, int]) -> None:
    assert counts("organizations", [CSTO], [{"name": produced}]) == expected


@pytest.mark.parametrize(
    ("produced", "expected"),
    [
        (["Almaty"], (1, 0, 0)),
        ([{"name": "Алматы"}], (1, 0, 0)),  # produced places may be objects
        (["almaty", "Almaty"], (1, 1, 0)),
        (["Astana"], (0, 1, 1)),
    ],
)
def test_places(produced: list[Any], expected: tuple[int, int, int]) -> None:
    assert counts("places", ["Almaty"], produced) == expected


def verdict(**fields: Any) -> dict[str, Any]:
    record = {"defendant": "Karim Massimov", "count": 1, "outcome": "prison", "term_months": 216}
    return {**record, **fields}


GROUP = verdict(defendant=None, count=7, outcome="probation", term_months=None, city="Oskemen")


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        (verdict(), verdict(defendant="Masimov"), (1, 0, 0)),  # any spelling of the person
        (verdict(), verdict(defendant="Карим Масимов"), (1, 0, 0)),
        (verdict(), verdict(outcome="suspended"), (0, 1, 1)),
        (verdict(), verdict(term_months=215), (0, 1, 1)),
        (verdict(), verdict(term_months=None), (0, 1, 1)),
        (verdict(term_months=None), verdict(term_months=None), (1, 0, 0)),
        (verdict(), verdict(defendant="Tokayev"), (0, 1, 1)),
        (verdict(), verdict(defendant=None), (0, 1, 1)),
        (GROUP, {**GROUP, "city": "oskemen"}, (1, 0, 0)),
        (GROUP, {**GROUP, "count": 6}, (0, 1, 1)),
        (GROUP, {**GROUP, "city": "Semey"}, (0, 1, 1)),
        (GROUP, {**GROUP, "outcome": "prison"}, (0, 1, 1)),
    ],
)
def test_verdicts(
    gold: dict[str, Any], produced: dict[str, Any], expected: tuple[int, int, int]
) -> None:
    assert counts("verdicts", [gold], [produced], people=[MASSIMOV]) == expected


def test_verdict_defendant_variants_come_from_the_gold_people() -> None:
    # "Massimov" is not the gold defendant's spelling, only a variant in the people list.
    gold, produced = verdict(), verdict(defendant="Massimov")
    assert counts("verdicts", [gold], [produced], people=[]) == (0, 1, 1)
    assert counts("verdicts", [gold], [produced], people=[MASSIMOV]) == (1, 0, 0)


@pytest.mark.parametrize(
    ("name", "gold", "produced", "expected"),
    [
        ("verdicts.date", verdict(date="2023-04"), verdict(date="2023-04-24"), (1, 1)),
        ("verdicts.date", verdict(date="2023-04-24"), verdict(date="2023-04"), (0, 1)),
        ("verdicts.date", verdict(date=None), verdict(date=None), (1, 1)),
        ("verdicts.date", verdict(date=None), verdict(date="2023-04-24"), (0, 1)),
        ("verdicts.charges", verdict(charges=[]), verdict(), (1, 1)),
        ("verdicts.charges", verdict(charges=[]), verdict(charges=["treason"]), (0, 1)),
        ("verdicts.charges", verdict(charges=["high treason"]), verdict(charges=[]), (0, 1)),
        (
            "verdicts.charges",
            verdict(charges=["high treason", "abuse of office"]),
            verdict(charges=["bribery", "Treason."]),
            (1, 1),
        ),
        ("verdicts.charges", verdict(charges=["treason"]), verdict(charges=["bribery"]), (0, 1)),
        ("verdicts.date", verdict(), verdict(outcome="fine"), (0, 0)),  # unmatched: not measured
    ],
)
def test_verdict_attributes(
    name: str, gold: dict[str, Any], produced: dict[str, Any], expected: tuple[int, int]
) -> None:
    assert attribute(name, "verdicts", [gold], [produced], people=[MASSIMOV]) == expected


def figure(**fields: Any) -> dict[str, Any]:
    record = {"measure": "deaths", "value": 238, "as_of": None, "source_type": "official"}
    return {**record, **fields}


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        (figure(), figure(value=238.0), (1, 0, 0)),
        (figure(), figure(value=239), (0, 1, 1)),
        (figure(), figure(measure="injured"), (0, 1, 1)),
        (figure(value=[2e9, 3e9]), figure(value=[2_000_000_000, 3_000_000_000]), (1, 0, 0)),
        (figure(value=[2e9, 3e9]), figure(value=3e9), (0, 1, 1)),
        (figure(), figure(source_type="independent", as_of="2022-01-10"), (1, 0, 0)),
    ],
)
def test_figures(
    gold: dict[str, Any], produced: dict[str, Any], expected: tuple[int, int, int]
) -> None:
    assert counts("figures", [gold], [produced]) == expected


@pytest.mark.parametrize(
    ("name", "gold", "produced", "expected"),
    [
        ("figures.as_of", figure(), figure(), (1, 1)),
        ("figures.as_of", figure(as_of="2022-01"), figure(as_of="2022-01-17"), (1, 1)),
        ("figures.as_of", figure(as_of="2022-01-17"), figure(as_of="2022-01"), (0, 1)),
        ("figures.as_of", figure(), figure(as_of="2022-01-17"), (0, 1)),
        ("figures.source_type", figure(), figure(), (1, 1)),
        ("figures.source_type", figure(), figure(source_type="unknown"), (0, 1)),
    ],
)
def test_figure_attributes(
    name: str, gold: dict[str, Any], produced: dict[str, Any], expected: tuple[int, int]
) -> None:
    assert attribute(name, "figures", [gold], [produced]) == expected


def event(date: Any = "2022-01-05", type_: str = "protest", place: Any = "Almaty") -> Any:
    return {"date": date, "type": type_, "place": place}


SPAN = {"start": "2022-01-05", "end": "2022-01-10"}


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        (event(), event(), (1, 0, 0)),
        (event(date="2022-01"), event(), (1, 0, 0)),
        (event(), event(date="2022-01"), (0, 1, 1)),
        (event(), event(date="2022-01-06"), (0, 1, 1)),
        (event(), event(type_="clash"), (0, 1, 1)),
        (event(), event(place="Astana"), (1, 0, 0)),  # place is an attribute, not a key
        (event(date=SPAN), event(date=dict(SPAN)), (1, 0, 0)),
        (event(date=SPAN), event(date={**SPAN, "end": "2022-01-09"}), (0, 1, 1)),
        (event(date=SPAN), event(date="2022-01-05"), (0, 1, 1)),
        (event(date=None), event(date=None), (1, 0, 0)),
    ],
)
def test_events(gold: Any, produced: Any, expected: tuple[int, int, int]) -> None:
    assert counts("events", [gold], [produced]) == expected


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        (event(), event(place="Алматы"), (1, 1)),
        (event(), event(place="Astana"), (0, 1)),
        (event(place=None), event(place=None), (1, 1)),
        (event(place=None), event(), (0, 1)),
        (event(), event(place=None), (0, 1)),
    ],
)
def test_event_place(gold: Any, produced: Any, expected: tuple[int, int]) -> None:
    assert attribute("events.place", "events", [gold], [produced]) == expected


def test_events_prefer_the_exact_date_when_two_gold_events_compete() -> None:
    gold = [event(date="2022-01"), event(date="2022-01-05")]
    produced = [event(date="2022-01-05"), event(date="2022-01")]
    assert counts("events", gold, produced) == (2, 0, 0)


def quote(text: str, speaker: str | None = "Kassym-Jomart Tokayev") -> dict[str, Any]:
    return {"text": text, "speaker": speaker}


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        ([quote("Order has been restored.")], [quote("order has been restored")], (1, 0, 0)),
        ([quote("Order has been restored in all regions.")], [quote("restored")], (1, 0, 0)),
        ([quote("Order has been restored.")], [quote("Roads are open again.")], (0, 1, 1)),
        ([quote("Order has been restored.")], [quote("Order was restored")], (0, 1, 1)),
        # one produced fragment overlapping two gold quotes pairs with only one of them
        (
            [quote("We leave the square tonight."), quote("The square is ours")],
            [quote("the square")],
            (1, 0, 1),
        ),
    ],
)
def test_quotes(gold: list[Any], produced: list[Any], expected: tuple[int, int, int]) -> None:
    assert counts("quotes", gold, produced, people=[TOKAYEV]) == expected


def test_quotes_pair_so_that_most_quotes_match() -> None:
    # "we leave the square" overlaps both gold quotes and best the long one; greedy pairing
    # would spend it there and leave "the square tonight" (which fits only the long one) unpaired.
    gold = [quote("We leave the square tonight"), quote("We leave")]
    produced = [quote("we leave the square"), quote("the square tonight")]
    assert counts("quotes", gold, produced, people=[TOKAYEV]) == (2, 0, 0)


@pytest.mark.parametrize(
    ("gold_speaker", "produced_speaker", "expected"),
    [
        ("Kassym-Jomart Tokayev", "Tokayev", (1, 1)),
        ("Tokayev", "Kassym-Zhomart Tokayev", (1, 1)),  # gold names him by a variant
        ("Kassym-Jomart Tokayev", "Nazarbayev", (0, 1)),
        ("Kassym-Jomart Tokayev", None, (0, 1)),
        ("protesters", "protesters", (0, 0)),  # a label, not a named person: not scored
        ("Tokayev's spokesman", "Tokayev", (0, 0)),
    ],
)
def test_quote_speaker_scored_only_for_named_gold_speakers(
    gold_speaker: str, produced_speaker: str | None, expected: tuple[int, int]
) -> None:
    gold, produced = quote("Order is restored", gold_speaker), quote("Order is restored")
    produced["speaker"] = produced_speaker
    result = attribute("quotes.speaker", "quotes", [gold], [produced], people=[TOKAYEV])
    assert result == expected


def test_empty_produced_gives_zero_recall() -> None:
    gold = [doc(people=[TOKAYEV], events=[event()], quotes=[quote("Order is restored")])]
    result = score(gold, [doc()])
    for record_type in ("people", "events", "quotes"):
        assert result["types"][record_type]["recall"] == 0.0
        assert result["types"][record_type]["fn"] == 1
    assert score(gold, [])["types"] == result["types"]


def test_documents_pair_by_name() -> None:
    gold = [doc("a.txt", places=["Almaty"]), doc("b.txt", places=["Astana"])]
    produced = [
        doc("b.txt", places=["Astana"]),
        doc("not-in-gold.txt", places=["Aktobe", "Taraz"]),  # ignored entirely
    ]
    result = score(gold, produced)
    assert result["documents"] == 2
    places = result["types"]["places"]
    assert (places["tp"], places["fp"], places["fn"]) == (1, 0, 1)


def test_same_item_in_another_document_does_not_match() -> None:
    result = score([doc("a.txt", places=["Almaty"])], [doc("b.txt", places=["Almaty"])])
    assert result["types"]["places"]["tp"] == 0


def test_details_list_what_was_missed() -> None:
    gold = [doc("a.txt", places=["Almaty", "Taraz"], figures=[figure()])]
    produced = [doc("a.txt", places=["Almaty", "Astana"], figures=[figure(as_of="2022-01")])]
    assert "misses" not in score(gold, produced)
    result = score(gold, produced, details=True)
    assert result["misses"]["places"] == {"a.txt": {"gold": ["Taraz"], "produced": ["Astana"]}}
    assert result["misses"]["people"] == {}
    assert result["attribute_misses"]["figures.as_of"] == {
        "a.txt": [{"gold": figure(), "produced": figure(as_of="2022-01")}]
    }
    assert result["attribute_misses"]["figures.source_type"] == {}


def test_malformed_input_raises_gold_error() -> None:
    with pytest.raises(GoldError, match=r"produced: document 1 \('a.txt'\): places\[0\]"):
        score([doc(places=["Almaty"])], [doc(places=[7])])


@pytest.mark.parametrize(
    ("record_type", "gold", "produced", "left_over"),
    [
        # the exact spelling wins over a variant of another record
        ("people", [TOKAYEV, {"name": "Tokayev"}], [{"name": "Tokayev"}], TOKAYEV),
        # the same date precision wins over a date that only matches at the gold's precision
        (
            "figures",
            [figure(as_of="2022-01"), figure(as_of="2022-01-17")],
            [figure(as_of="2022-01-17")],
            figure(as_of="2022-01"),
        ),
        # the whole quote wins over a longer quote that merely contains it
        (
            "quotes",
            [quote("We leave the square tonight"), quote("the square")],
            [quote("the square")],
            quote("We leave the square tonight"),
        ),
        # the defendant's own spelling wins over a variant of the same person
        (
            "verdicts",
            [verdict(defendant="Massimov"), verdict()],
            [verdict()],
            verdict(defendant="Massimov"),
        ),
    ],
)
def test_exact_matches_are_preferred(
    record_type: str, gold: list[Any], produced: list[Any], left_over: Any
) -> None:
    gold_doc = doc(**{record_type: gold})
    gold_doc.setdefault("people", [TOKAYEV, MASSIMOV])
    result = score([gold_doc], [doc(**{record_type: produced})], details=True)
    assert result["misses"][record_type]["a.txt"] == {"gold": [left_over], "produced": []}
