"""Reviewers' decisions: merge entities, split one, undo either. Never destructive.

A decision is stored as judgements between *records* (facts), with who and when, and the
store is then resolved again. Because judgements name records and not entity ids, they keep
working when new articles join a cluster; because each judgement also keeps its records'
document and name, it finds them again after re-extraction. Undo marks the decision undone
and resolves again; nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Engine

from qantar.exceptions import EntityError
from qantar.nlp.normalize.names import skeleton
from qantar.resolve.entities import find_entity, member_spellings
from qantar.resolve.resolver import ResolveReport, resolve
from qantar.store.resolution import member_records, record_decision, undo_decision


def _pair(left: dict[str, Any], right: dict[str, Any], positive: bool) -> dict[str, Any]:
    return {
        "left_id": left["record_id"],
        "right_id": right["record_id"],
        "positive": positive,
        "left_doc": left["doc_id"],
        "left_name": left["name"],
        "right_doc": right["doc_id"],
        "right_name": right["name"],
    }


def merge(
    engine: Engine,
    names: Sequence[str],
    user: str,
    note: str | None = None,
    kind: str | None = None,
) -> tuple[str, ResolveReport]:
    """Record that the entities ``names`` pick out are one, and resolve again.

    Returns the decision id and the new resolution's report.

    Raises:
        EntityError: fewer than two distinct entities, a name fits none or several, or the
            entities are of different kinds.
    """
    entities = [find_entity(engine, name, kind) for name in names]
    distinct = {e["id"]: e for e in entities}
    if len(distinct) < 2:
        raise EntityError(
            f"{' and '.join(map(repr, names))} are already one entity ({entities[0]['id']}); "
            "nothing to merge"
        )
    kinds = {e["kind"] for e in distinct.values()}
    if len(kinds) > 1:
        raise EntityError(f"cannot merge entities of different kinds ({', '.join(sorted(kinds))})")
    firsts = [member_records(engine, None, [entity_id])[0] for entity_id in distinct]
    pairs = [_pair(firsts[0], other, positive=True) for other in firsts[1:]]
    summary = " = ".join(f"{e['name']} ({e['id']})" for e in distinct.values())
    decision = record_decision(engine, "merge", kinds.pop(), user, summary, pairs, note)
    return decision, resolve(engine)


def _selected(member: dict[str, Any], part: str) -> bool:
    return part in (member["record_id"], member["doc_name"], member["doc_id"]) or any(
        skeleton(s) == skeleton(part) for s in member_spellings(member)
    )


def split(
    engine: Engine,
    name: str,
    parts: Sequence[str],
    user: str,
    note: str | None = None,
) -> tuple[str, ResolveReport]:
    """Take the records ``parts`` select out of the entity ``name`` picks out, and resolve again.

    A part is a record (fact) id, a document name or id, or a spelling; the records it selects
    become a separate entity, kept apart from the rest by negative judgements.

    Raises:
        EntityError: the name fits no entity or several, a part selects nothing, or the parts
            select every record.
    """
    entity = find_entity(engine, name)
    members = member_records(engine, None, [entity["id"]])
    chosen = [m for m in members if any(_selected(m, part) for part in parts)]
    unmatched = [p for p in parts if not any(_selected(m, p) for m in members)]
    listing = "; ".join(f"{m['record_id']} {m['name']} in {m['doc_name']}" for m in members)
    if unmatched:
        raise EntityError(
            f"{', '.join(map(repr, unmatched))} selects none of {entity['name']}'s records: "
            + listing
        )
    rest = [m for m in members if m not in chosen]
    if not rest:
        raise EntityError(f"the parts select every record of {entity['name']}; leave some behind")
    pairs = [_pair(a, b, positive=False) for a in chosen for b in rest]
    taken = ", ".join(sorted({m["name"] for m in chosen}))
    summary = f"{taken} split from {entity['name']} ({entity['id']})"
    decision = record_decision(engine, "split", entity["kind"], user, summary, pairs, note)
    return decision, resolve(engine)


def undo(engine: Engine, decision_id: str, user: str) -> tuple[dict[str, Any], ResolveReport]:
    """Mark a decision undone and resolve again; returns the decision row and the report."""
    row = undo_decision(engine, decision_id, user)
    return row, resolve(engine)
