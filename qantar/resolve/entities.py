"""Entities as users see them: listed with spellings and documents, found by any spelling.

A user types a name the way their source spells it: "Massimov", "Мәсімов", "K. Masimov" or an
id from a link. :func:`find_entities` answers with every entity that name can mean, using the
same comparison as resolution, so a lookup never disagrees with the clustering.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy.engine import Engine

from qantar.exceptions import EntityError
from qantar.nlp.lexicon import load_lexicon
from qantar.nlp.normalize.names import skeleton
from qantar.resolve.bodies import body_name
from qantar.resolve.compare import compare_names
from qantar.resolve.person_names import parse_person_name
from qantar.store.queries import record_strings
from qantar.store.resolution import RESOLVED_KINDS, entity_rows, member_records

LOOKUP_SCORE = 0.7
"""A typed name finds an entity at this score, below the merge threshold: a lookup lists
what a name may mean ("Тлеужан" finds Aigerim Tleuzhanova), it does not merge anything."""
PLURALS = {"person": "people", "organization": "organizations", "place": "places"}


def _record(member: dict[str, Any]) -> dict[str, Any]:
    return member["record"] if isinstance(member["record"], dict) else {}


def member_spellings(member: dict[str, Any]) -> list[str]:
    """A member record's name and the other spellings its document uses."""
    return [member["name"], *record_strings(_record(member).get("variants"))]


def summarize(entity: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    """One entity's listing: ``id``, ``kind``, ``name``, ``spellings``, ``roles``,
    ``documents``, ``mentions`` and ``records`` (the fact ids it groups)."""
    spellings: set[str] = set()
    roles: set[str] = set()
    for member in members:
        spellings.update(member_spellings(member))
        roles.update(record_strings(_record(member).get("roles")))
    return {
        "id": entity["id"],
        "kind": entity["kind"],
        "name": entity["name"],
        "spellings": sorted(spellings),
        "roles": sorted(roles),
        "documents": sorted({m["doc_name"] for m in members}),
        "mentions": sum(m["mentions"] for m in members),
        "records": [m["record_id"] for m in members],
    }


def list_entities(engine: Engine, kind: str = "person") -> list[dict[str, Any]]:
    """Every current entity of ``kind``, most documents first, then by name."""
    if kind not in RESOLVED_KINDS:
        raise EntityError(f"unknown kind {kind!r}; use one of {', '.join(RESOLVED_KINDS)}")
    entities = entity_rows(engine, kind)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for member in member_records(engine, kind):
        grouped[member["entity_id"]].append(member)
    found = [summarize(entities[e], members) for e, members in grouped.items() if e in entities]
    found.sort(key=lambda e: (-len(e["documents"]), e["name"].casefold(), e["id"]))
    return found


def current_id(engine: Engine, entity_id: str) -> str | None:
    """The id an entity goes by now (following merges), or None if it was never issued."""
    known = entity_rows(engine)
    seen: set[str] = set()
    while entity_id in known and known[entity_id]["merged_into"] and entity_id not in seen:
        seen.add(entity_id)
        entity_id = known[entity_id]["merged_into"]
    return entity_id if entity_id in known else None


def _name_matches(query: str, kind: str, spellings: list[str]) -> float:
    """How well a typed name fits an entity's spellings: 0 when it does not fit."""
    folded = skeleton(query)
    if any(skeleton(s) == folded for s in spellings):
        return 1.0
    if kind == "person":
        parsed = parse_person_name(query)
        best = 0.0
        for spelling in spellings:
            other = parse_person_name(spelling)
            if parsed and other:
                match = compare_names(parsed, other)
                if match.conflict is None and match.score >= LOOKUP_SCORE:
                    best = max(best, match.score)
        return best
    lexicon = load_lexicon()
    key = body_name(query, [], None, lexicon).key
    return 0.9 if any(body_name(s, [], None, lexicon).key == key for s in spellings) else 0.0


def find_entities(engine: Engine, query: str, kind: str | None = None) -> list[dict[str, Any]]:
    """Entities ``query`` can mean: an entity id (old ids follow merges), a record (fact) id,
    or a name in any spelling or alphabet; best fit first."""
    kinds = [kind] if kind else list(RESOLVED_KINDS)
    query = query.strip()
    live = current_id(engine, query)
    scored: list[tuple[float, dict[str, Any]]] = []
    for each in kinds:
        for entity in list_entities(engine, each):
            if entity["id"] == live or query in entity["records"]:
                return [entity]
            score = _name_matches(query, each, entity["spellings"])
            if score:
                scored.append((score, entity))
    best = max((score for score, _ in scored), default=0.0)
    # An exact spelling beats a fuzzy fit: "Abish" means the Abish, not every Abishev too.
    return [e for score, e in sorted(scored, key=lambda p: -p[0]) if score == best or best < 1.0]


def find_entity(engine: Engine, query: str, kind: str | None = None) -> dict[str, Any]:
    """The one entity ``query`` means.

    Raises:
        EntityError: no entity fits, or several do (the message lists them with their ids).
    """
    found = find_entities(engine, query, kind)
    what = PLURALS.get(kind or "", "entities")
    if not found:
        raise EntityError(
            f"no {what} match {query!r}; `qantar people` lists the names in the store"
        )
    if len(found) > 1:
        listing = "; ".join(
            f"{e['id']} {e['name']} ({len(e['documents'])} document"
            f"{'s' * (len(e['documents']) != 1)})"
            for e in found
        )
        raise EntityError(
            f"{query!r} can mean {len(found)} {what}: {listing}. Give the id instead."
        )
    return found[0]
