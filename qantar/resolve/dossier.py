"""A person's dossier: every fact about them across documents, each with its source sentence.

Facts name people in their own fields (a verdict's ``defendant``, a quote's ``speaker``, an
event's ``actors``, a figure's ``attributed_to``, a harm's ``person``). Within one document a
field value belongs to the person whose record in *that document* carries the same name or a
spelling of it; this is what ties "Tleuzhanova" in one verdict to the entity that also holds
"Aigerim Tleuzhan" from another outlet. A value that only contains the name ("son of Eldar
Tuimebayev") is listed too, marked as related rather than about the person.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy.engine import Engine

from qantar.nlp.normalize.names import skeleton
from qantar.resolve.compare import compare_names
from qantar.resolve.entities import find_entity, member_spellings
from qantar.resolve.person_names import parse_person_name
from qantar.store.queries import fact_sources, list_facts, record_strings
from qantar.store.resolution import list_decisions, member_records, pair_rows

PERSON_FIELDS: dict[str, dict[str, str]] = {
    "verdict": {"defendant": "defendant"},
    "quote": {"speaker": "speaker"},
    "event": {"actors": "actor", "person": "named"},
    "figure": {"attributed_to": "gave the figure"},
    "harm": {"person": "victim", "responsible": "held responsible"},
}
"""Per fact kind, the record fields that name a person, and the role that gives them."""


def _refers(value: str, spellings: Iterable[str]) -> str | None:
    """``"same"`` if ``value`` names the person, ``"related"`` if it contains their full name."""
    folded = skeleton(value)
    spellings = list(spellings)
    if any(skeleton(s) == folded for s in spellings):
        return "same"
    parsed = parse_person_name(value)
    for spelling in spellings:
        other = parse_person_name(spelling)
        if parsed and other and parsed.has_given_name and compare_names(parsed, other).merges:
            return "same"
    padded = f" {folded} "
    if any(" " in skeleton(s) and f" {skeleton(s)} " in padded for s in spellings):
        return "related"
    return None


def person_facts(engine: Engine, members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts of other kinds that name one of ``members`` (person records) in their document."""
    spellings: dict[str, set[str]] = defaultdict(set)
    for member in members:
        spellings[member["doc_id"]].update(member_spellings(member))
    found = []
    for kind, fields in PERSON_FIELDS.items():
        outlets = fact_sources(engine, kind)
        for fact in list_facts(engine, kind, spellings.keys()):
            names = spellings.get(fact["doc_id"])
            if not names:
                continue
            roles = []
            for field, role in fields.items():
                for value in record_strings(fact["record"].get(field)):
                    how = _refers(value, names)
                    if how:
                        roles.append(role if how == "same" else f"{role} (related: {value})")
            if roles:
                source = (outlets.get(fact["doc_id"]) or [{}])[0]
                found.append(
                    {
                        "kind": kind,
                        "roles": sorted(set(roles)),
                        "fact_id": fact["id"],
                        "record": fact["record"],
                        "sentence": fact["sentence"],
                        "doc_name": fact["doc_name"],
                        "page": fact.get("page"),
                        "outlet": source.get("outlet"),
                        "url": source.get("url"),
                    }
                )
    order = list(PERSON_FIELDS)
    found.sort(
        key=lambda f: (order.index(f["kind"]), str(f["record"].get("date") or "~"), f["doc_name"])
    )
    return found


def why_merged(engine: Engine, members: list[dict[str, Any]]) -> list[str]:
    """Plain-worded reasons the records of one entity are together."""
    keys = {m["name_key"] for m in members}
    reasons = []
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for member in members:
        by_key[member["name_key"]].append(member)
    for key, same in sorted(by_key.items()):
        docs = sorted({m["doc_name"] for m in same})
        names = sorted({m["name"] for m in same})
        if len(same) > 1:
            reasons.append(
                f"{' = '.join(names)}: the same name after folding ({key}), "
                f"in {len(docs)} documents"
            )
    kind = members[0]["kind"] if members else None
    for pair in pair_rows(engine, kind):
        if pair["left_key"] in keys and pair["right_key"] in keys and pair["outcome"] == "merged":
            details = "; ".join(
                f"{f['feature']} {f['outcome']} ({f['detail']})" for f in pair["features"]
            )
            reasons.append(
                f"{pair['left_name']} = {pair['right_name']}: {details}; score {pair['score']:.2f}"
            )
    records = {m["record_id"] for m in members}
    for decision in list_decisions(engine, include_undone=False):
        if any(j["left_id"] in records or j["right_id"] in records for j in decision["judgements"]):
            reasons.append(
                f"{decision['action']} by {decision['user']} at {decision['created_at'][:16]} "
                f"({decision['id']}): {decision['summary']}"
            )
    return reasons


def dossier(engine: Engine, query: str) -> dict[str, Any]:
    """Everything the store says about the person ``query`` names (any spelling, or an id).

    Returns ``entity`` (the listing of :func:`~qantar.resolve.entities.summarize`), ``why``
    (reasons the records are one person) and ``facts`` (verdicts, quotes, events, figures and
    harms naming them, each with ``roles``, ``record``, ``sentence``, ``doc_name``, ``outlet``,
    ``url`` and ``fact_id``).

    Raises:
        EntityError: the name fits no person or several.
    """
    entity = find_entity(engine, query, "person")
    members = member_records(engine, "person", [entity["id"]])
    return {
        "entity": entity,
        "why": why_merged(engine, members),
        "facts": person_facts(engine, members),
    }
