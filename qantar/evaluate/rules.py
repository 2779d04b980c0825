"""Per record type: when a produced record matches a gold one, and which attributes are checked.

A rule set is built per gold document because two rules depend on that document's ``people``:
a verdict's defendant may be named by any spelling the article uses for that person, and a
quote's speaker is only scored when the gold speaker is one of those people (not a label such
as "protesters", which an extractor cannot be expected to reproduce word for word).

Ranks are only for ordering candidate pairs (see :mod:`qantar.evaluate.pairing`): the match
itself is yes/no, and the bonuses make exact matches and agreeing attributes pair first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from qantar.evaluate.compare import (
    any_overlap,
    date_matches,
    date_score,
    fold,
    name_keys,
    overlap_score,
    values_equal,
)

Record = Any  # a JSON object, or a plain string for places
Check = Callable[[Record, Record], bool | None]  # None: this pair does not count for the attribute

ATTRIBUTES = (
    "verdicts.date",
    "verdicts.charges",
    "figures.as_of",
    "figures.source_type",
    "events.place",
    "quotes.speaker",
)


@dataclass(frozen=True)
class Rules:
    """How one record type is matched and which attributes of a matched pair are checked."""

    rank: Callable[[Record, Record], float | None]
    attributes: dict[str, Check]


def rules_for(record_type: str, people: list[dict[str, Any]]) -> Rules:
    """The rules for ``record_type`` inside a gold document whose people are ``people``."""
    if record_type in ("people", "organizations", "places"):
        return Rules(_rank_named, {})
    if record_type == "verdicts":
        return _verdict_rules(people)
    if record_type == "figures":
        return Rules(
            _rank_figure,
            {
                "figures.as_of": lambda g, p: date_matches(g.get("as_of"), p.get("as_of")),
                "figures.source_type": lambda g, p: g.get("source_type") == p.get("source_type"),
            },
        )
    if record_type == "events":
        return Rules(_rank_event, {"events.place": _same_place})
    if record_type == "quotes":
        return _quote_rules(people)
    raise ValueError(f"unknown record type {record_type!r}")


def person_keys(people: Iterable[dict[str, Any]], name: object) -> set[str]:
    """Every folded spelling of the gold people that ``name`` refers to (empty if none)."""
    key = fold(name)
    keys: set[str] = set()
    for person in people:
        spellings = name_keys(person.get("name"), person.get("variants", []))
        if key in spellings:
            keys |= spellings
    return keys


def _name(record: Record) -> object:
    return record if isinstance(record, str) else record.get("name")


def _rank_named(gold: Record, produced: Record) -> float | None:
    key = fold(_name(produced))
    variants = [] if isinstance(gold, str) else gold.get("variants", [])
    if key is None or key not in name_keys(_name(gold), variants):
        return None
    return 2.0 if key == fold(_name(gold)) else 1.0


def _verdict_rules(people: list[dict[str, Any]]) -> Rules:
    def charges_ok(gold: Record, produced: Record) -> bool:
        gold_charges, produced_charges = gold.get("charges", []), produced.get("charges", [])
        if not gold_charges:
            return not produced_charges
        return any_overlap(gold_charges, produced_charges)

    def rank(gold: Record, produced: Record) -> float | None:
        if gold.get("outcome") != produced.get("outcome"):
            return None
        defendant = produced.get("defendant")
        if gold.get("defendant") is None:
            group = (gold.get("count"), fold(gold.get("city")))
            if group != (produced.get("count"), fold(produced.get("city"))):
                return None
            exact = defendant is None
        else:
            if gold.get("term_months") != produced.get("term_months"):
                return None
            keys = person_keys(people, gold["defendant"]) | name_keys(gold["defendant"])
            if fold(defendant) not in keys:
                return None
            exact = fold(defendant) == fold(gold["defendant"])
        return (
            1.0
            + 0.5 * exact
            + date_score(gold.get("date"), produced.get("date"))
            + charges_ok(gold, produced)
        )

    return Rules(
        rank,
        {
            "verdicts.date": lambda g, p: date_matches(g.get("date"), p.get("date")),
            "verdicts.charges": charges_ok,
        },
    )


def _rank_figure(gold: Record, produced: Record) -> float | None:
    if gold["measure"] != produced.get("measure"):
        return None
    if not values_equal(gold["value"], produced.get("value")):
        return None
    same_source = bool(gold.get("source_type") == produced.get("source_type"))
    return 1.0 + date_score(gold.get("as_of"), produced.get("as_of")) + same_source


def _rank_event(gold: Record, produced: Record) -> float | None:
    if gold["type"] != produced.get("type"):
        return None
    if not date_matches(gold.get("date"), produced.get("date")):
        return None
    return 1.0 + date_score(gold.get("date"), produced.get("date")) + _same_place(gold, produced)


def _same_place(gold: Record, produced: Record) -> bool:
    return fold(gold.get("place")) == fold(produced.get("place"))


def _quote_rules(people: list[dict[str, Any]]) -> Rules:
    def speaker_ok(gold: Record, produced: Record) -> bool | None:
        keys = person_keys(people, gold.get("speaker"))
        if not keys:
            return None  # a label such as "protesters": not scored
        return fold(produced.get("speaker")) in keys

    def rank(gold: Record, produced: Record) -> float | None:
        score = overlap_score(gold["text"], produced.get("text", ""))
        if score is None:
            return None
        return score + 0.5 * (fold(gold.get("speaker")) == fold(produced.get("speaker")))

    return Rules(rank, {"quotes.speaker": speaker_ok})
