"""Score produced records against gold: precision, recall and F1 per type, attribute accuracy.

``score(gold, produced)`` returns exactly this shape (pinned by tests/evaluate/test_score.py)::

    {
      "documents": 5,                       # gold documents scored
      "types": {                            # all seven, always, in this order
        "people": {"tp": 7, "fp": 2, "fn": 1,
                   "precision": 0.7778, "recall": 0.875, "f1": 0.8235},
        "organizations": {...}, "places": {...}, "verdicts": {...},
        "figures": {...}, "events": {...}, "quotes": {...}
      },
      "attributes": {                       # all six, always, in this order
        "verdicts.date": {"correct": 3, "total": 4, "accuracy": 0.75},
        "verdicts.charges": {...}, "figures.as_of": {...}, "figures.source_type": {...},
        "events.place": {...},
        "quotes.speaker": {"correct": 0, "total": 0, "accuracy": None}
      }
    }

Counts are micro-averaged: tp, fp and fn are summed over documents before the ratios are taken,
so a long article weighs more than a short one, as it holds more facts to get right. Ratios are
rounded to 4 places and are 0.0 when undefined (nothing produced, nothing in gold). Attribute
accuracy is over matched pairs only (a missed verdict already costs recall; it should not also
cost date accuracy) and is None when no pair was measured, so "not measured" differs from
"all wrong".

Documents are paired by their ``doc`` file name. A gold document with no produced counterpart
counts all its records as false negatives; a produced document absent from gold is ignored, so a
run over a larger corpus can be scored against the annotated part of it.

``score(..., details=True)`` adds two keys for debugging an extractor:
``"misses": {type: {doc: {"gold": [unmatched gold records], "produced": [unmatched produced]}}}``
and ``"attribute_misses": {attribute: {doc: [{"gold": record, "produced": record}]}}``,
listing only documents where something was missed.
"""

from __future__ import annotations

from typing import Any

from qantar.evaluate.gold import RECORD_TYPES, check_documents
from qantar.evaluate.pairing import pair
from qantar.evaluate.rules import ATTRIBUTES, Rules, rules_for

Document = dict[str, Any]


def score(
    gold: list[Document], produced: list[Document], *, details: bool = False
) -> dict[str, Any]:
    """Compare produced documents with gold documents; see the module docstring for the shape.

    Both lists are checked first (:func:`~qantar.evaluate.gold.check_documents`), so a malformed
    record raises :class:`~qantar.exceptions.GoldError` rather than a KeyError mid-way.
    """
    gold_docs = check_documents(gold, "gold")
    produced_by_name = {doc["doc"]: doc for doc in check_documents(produced, "produced")}
    counts = {record_type: [0, 0, 0] for record_type in RECORD_TYPES}  # tp, fp, fn
    checked = {attribute: [0, 0] for attribute in ATTRIBUTES}  # correct, total
    misses: dict[str, dict[str, Any]] = {record_type: {} for record_type in RECORD_TYPES}
    wrong: dict[str, dict[str, list[Any]]] = {attribute: {} for attribute in ATTRIBUTES}

    for gold_doc in gold_docs:
        name = gold_doc["doc"]
        produced_doc = produced_by_name.get(name, {})
        for record_type in RECORD_TYPES:
            gold_items: list[Any] = gold_doc[record_type]
            produced_items: list[Any] = produced_doc.get(record_type, [])
            rules = rules_for(record_type, gold_doc["people"])
            pairs = _match(rules, gold_items, produced_items)
            tally = counts[record_type]
            tally[0] += len(pairs)
            tally[1] += len(produced_items) - len(pairs)
            tally[2] += len(gold_items) - len(pairs)
            for g, p in pairs:
                for attribute, check in rules.attributes.items():
                    verdict = check(gold_items[g], produced_items[p])
                    if verdict is None:
                        continue
                    checked[attribute][0] += verdict
                    checked[attribute][1] += 1
                    if not verdict:
                        entry = {"gold": gold_items[g], "produced": produced_items[p]}
                        wrong[attribute].setdefault(name, []).append(entry)
            matched_gold = {g for g, _ in pairs}
            matched_produced = {p for _, p in pairs}
            missed = {
                "gold": [x for i, x in enumerate(gold_items) if i not in matched_gold],
                "produced": [x for i, x in enumerate(produced_items) if i not in matched_produced],
            }
            if missed["gold"] or missed["produced"]:
                misses[record_type][name] = missed

    result: dict[str, Any] = {
        "documents": len(gold_docs),
        "types": {record_type: _ratios(*counts[record_type]) for record_type in RECORD_TYPES},
        "attributes": {attribute: _accuracy(*checked[attribute]) for attribute in ATTRIBUTES},
    }
    if details:
        result["misses"] = misses
        result["attribute_misses"] = wrong
    return result


def _match(rules: Rules, gold: list[Any], produced: list[Any]) -> list[tuple[int, int]]:
    return pair(len(gold), len(produced), lambda g, p: rules.rank(gold[g], produced[p]))


def _ratios(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 from counts, 0.0 where a ratio has nothing to divide by."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def _accuracy(correct: int, total: int) -> dict[str, Any]:
    return {
        "correct": correct,
        "total": total,
        "accuracy": round(correct / total, 4) if total else None,
    }
