"""Small builders for evaluation tests: documents and one-type scoring in one line."""

from __future__ import annotations

from typing import Any

from qantar.evaluate import score

TOKAYEV = {"name": "Kassym-Jomart Tokayev", "variants": ["Tokayev"]}
MASSIMOV = {"name": "Karim Massimov", "variants": ["Massimov"]}


def doc(name: str = "a.txt", /, **records: list[Any]) -> dict[str, Any]:
    """A document in the SCHEMA.md shape; record lists not given stay absent (they default)."""
    return {"doc": name, **records}


def counts(
    record_type: str,
    gold: list[Any],
    produced: list[Any],
    people: list[dict[str, Any]] | None = None,
) -> tuple[int, int, int]:
    """(tp, fp, fn) for one record type in a one-document corpus."""
    result = one_doc(record_type, gold, produced, people)["types"][record_type]
    return result["tp"], result["fp"], result["fn"]


def one_doc(
    record_type: str,
    gold: list[Any],
    produced: list[Any],
    people: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Full scores for a one-document corpus holding ``gold`` and ``produced`` records."""
    gold_doc = doc(**{record_type: gold})
    if people is not None:
        gold_doc["people"] = people
    return score([gold_doc], [doc(**{record_type: produced})])


def attribute(
    name: str,
    record_type: str,
    gold: list[Any],
    produced: list[Any],
    people: list[dict[str, Any]] | None = None,
) -> tuple[int, int]:
    """(correct, total) of one attribute in a one-document corpus."""
    result = one_doc(record_type, gold, produced, people)["attributes"][name]
    return result["correct"], result["total"]
