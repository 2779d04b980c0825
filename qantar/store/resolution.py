"""Reading and writing resolution: entities, their members, scored pairs, and judgements.

The derived tables are replaced as a whole by :func:`save_resolution`, in one transaction, so
a reader never sees half a resolution. Decisions and their judgements are only ever added or
marked undone (with who and when): a reviewer's work is never deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from qantar.exceptions import StoreError
from qantar.store import dialect
from qantar.store.reviews import apply_reviews
from qantar.store.schema import (
    decisions,
    documents,
    entities,
    entity_members,
    facts,
    judgements,
    match_pairs,
    mentions,
    now_iso,
)

RESOLVED_KINDS = ("person", "organization", "place")
"""Fact kinds whose records are resolved into entities."""


def named_records(engine: Engine, kinds: Sequence[str] = RESOLVED_KINDS) -> list[dict[str, Any]]:
    """Every person, organization and place fact: ``id``, ``kind``, ``doc_id``, ``doc_name``
    and ``record``, in a stable order (kind, document name, fact id). Facts a reviewer
    rejected are left out, and corrected ones carry the reviewer's record."""
    columns = ("id", "kind", "doc_id", "record", "sentence", "span_start", "span_end")
    query = (
        select(*(facts.c[name] for name in columns), documents.c.name.label("doc_name"))
        .join(documents, documents.c.id == facts.c.doc_id)
        .where(facts.c.kind.in_(list(kinds)))
        .order_by(facts.c.kind, documents.c.name, facts.c.id)
    )
    with engine.connect() as conn:
        found = [dict(row._mapping) for row in conn.execute(query)]
        return [
            {key: fact[key] for key in ("id", "kind", "doc_id", "record", "doc_name")}
            for fact in apply_reviews(conn, found)
        ]


def memberships(engine: Engine) -> dict[str, dict[str, Any]]:
    """The last resolution's ``entity_members`` rows by record id."""
    with engine.connect() as conn:
        rows = conn.execute(select(entity_members))
        return {row.record_id: dict(row._mapping) for row in rows}


def entity_rows(engine: Engine, kind: str | None = None) -> dict[str, dict[str, Any]]:
    """Every ``entities`` row (current and merged away) by id."""
    query = select(entities)
    if kind is not None:
        query = query.where(entities.c.kind == kind)
    with engine.connect() as conn:
        return {row.id: dict(row._mapping) for row in conn.execute(query)}


def save_resolution(
    engine: Engine,
    entity_list: Sequence[dict[str, Any]],
    members: Sequence[dict[str, Any]],
    pairs: Sequence[dict[str, Any]],
) -> None:
    """Replace the derived tables with a new resolution, in one transaction.

    ``entity_list`` rows are upserted (``created_at`` kept), so an entity id once issued stays
    in the table, current or merged away; ``members`` and ``pairs`` replace what was there.
    """
    now = now_iso()
    rows = [{**row, "created_at": now, "updated_at": now} for row in entity_list]
    try:
        with engine.begin() as conn:
            dialect.upsert(conn, entities, rows, ["id"], preserve=["created_at"])
            conn.execute(delete(entity_members))
            conn.execute(delete(match_pairs))
            if members:
                conn.execute(entity_members.insert(), list(members))
            if pairs:
                conn.execute(match_pairs.insert(), list(pairs))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot save the resolution: {exc}") from exc


def record_decision(
    engine: Engine,
    action: str,
    kind: str,
    user: str,
    summary: str,
    pairs: Sequence[dict[str, Any]],
    note: str | None = None,
) -> str:
    """Store one merge or split with its judgements; returns the new decision id.

    Each pair: ``left_id``, ``right_id``, ``positive``, ``left_doc``, ``left_name``,
    ``right_doc``, ``right_name``.
    """
    decision_id = "dec-" + uuid.uuid4().hex[:12]
    row = {
        "id": decision_id,
        "action": action,
        "kind": kind,
        "user": user,
        "created_at": now_iso(),
        "summary": summary,
        "note": note,
    }
    with engine.begin() as conn:
        conn.execute(decisions.insert().values(**row))
        conn.execute(judgements.insert(), [{**pair, "decision_id": decision_id} for pair in pairs])
    return decision_id


def undo_decision(engine: Engine, decision_id: str, user: str) -> dict[str, Any]:
    """Mark a decision undone (kept, with who undid it and when) and return its row.

    Raises:
        StoreError: there is no such decision, or it is already undone.
    """
    with engine.begin() as conn:
        row = conn.execute(select(decisions).where(decisions.c.id == decision_id)).first()
        if row is None:
            raise StoreError(
                f"no decision {decision_id!r}; `qantar judgements` lists the decisions and ids"
            )
        if row.undone_at is not None:
            raise StoreError(f"decision {decision_id} was already undone at {row.undone_at}")
        stamp = {"undone_at": now_iso(), "undone_by": user}
        conn.execute(update(decisions).where(decisions.c.id == decision_id).values(**stamp))
        return {**dict(row._mapping), **stamp}


def list_decisions(engine: Engine, include_undone: bool = True) -> list[dict[str, Any]]:
    """Decisions, oldest first, each with its ``judgements`` list."""
    query = select(decisions).order_by(decisions.c.created_at, decisions.c.id)
    if not include_undone:
        query = query.where(decisions.c.undone_at.is_(None))
    with engine.connect() as conn:
        found = [dict(row._mapping) for row in conn.execute(query)]
        pairs: dict[str, list[dict[str, Any]]] = {row["id"]: [] for row in found}
        for judged in conn.execute(select(judgements).order_by(judgements.c.left_id)):
            if judged.decision_id in pairs:
                pairs[judged.decision_id].append(dict(judged._mapping))
    for decision in found:
        decision["judgements"] = pairs[decision["id"]]
    return found


def pair_rows(engine: Engine, kind: str | None = None) -> list[dict[str, Any]]:
    """The scored pairs of the last resolution, best score first."""
    query = select(match_pairs).order_by(match_pairs.c.score.desc(), match_pairs.c.id)
    if kind is not None:
        query = query.where(match_pairs.c.kind == kind)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def member_records(
    engine: Engine, kind: str | None = None, entity_ids: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Members with their facts: every ``entity_members`` column plus ``record``, ``doc_name``
    and ``mentions`` (how often the text names the record), ordered by entity then document."""
    counted = (
        select(mentions.c.fact_id, func.count().label("n")).group_by(mentions.c.fact_id).subquery()
    )
    query = (
        select(entity_members, facts.c.record, documents.c.name.label("doc_name"), counted.c.n)
        .join(facts, facts.c.id == entity_members.c.record_id)
        .join(documents, documents.c.id == entity_members.c.doc_id)
        .outerjoin(counted, counted.c.fact_id == entity_members.c.record_id)
        .order_by(entity_members.c.entity_id, documents.c.name, entity_members.c.record_id)
    )
    if kind is not None:
        query = query.where(entity_members.c.kind == kind)
    if entity_ids is not None:
        query = query.where(entity_members.c.entity_id.in_(list(entity_ids)))
    with engine.connect() as conn:
        rows = []
        for row in conn.execute(query):
            found = dict(row._mapping)
            found["mentions"] = max(1, int(found.pop("n") or 0))
            rows.append(found)
        return rows
