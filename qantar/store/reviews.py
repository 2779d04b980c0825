"""Reviewers' decisions on single facts: accept, reject, correct; and how reads apply them.

The extracted facts are never edited. A decision is a new ``fact_reviews`` row with who, when,
the status and record before and after; the latest decision on a fact is what every reader
sees (:func:`apply_reviews`, called by :func:`qantar.store.queries.list_facts` and friends): a
rejected fact is left out of public lists but kept, a corrected one shows the reviewer's record.

Decisions survive re-extraction because they live in their own table and name their fact by
its deterministic id. When a new extractor version gives a fact a new key (so a new id), the
decision finds it again by where it sits: the same document, kind and sentence, and the same
span if the sentence holds several facts of that kind.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from qantar.exceptions import ReviewError
from qantar.store.schema import fact_reviews, facts, now_iso

ACTIONS = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
"""Each review action and the status it gives the fact."""

EXTRACTED = "extracted"
"""The status of a fact no reviewer has decided on."""


def apply_reviews(
    conn: Connection, found: list[dict[str, Any]], include_rejected: bool = False
) -> list[dict[str, Any]]:
    """Give each fact dict its ``review`` (status, by, at, decisions) and the reviewed record.

    A corrected fact's ``record`` becomes the reviewer's record and the extracted one is kept
    as ``extracted_record``. Rejected facts are dropped unless ``include_rejected``.
    """
    latest = _latest_reviews(conn, found)
    kept = []
    for fact in found:
        review = latest.get(fact["id"])
        if review is None:
            fact["review"] = {"status": EXTRACTED, "by": None, "at": None}
        else:
            fact["review"] = {
                "status": review["status_after"],
                "by": review["user"],
                "at": review["created_at"],
            }
            if review["record_after"] is not None:
                fact["extracted_record"] = fact["record"]
                fact["record"] = review["record_after"]
        if include_rejected or fact["review"]["status"] != "rejected":
            kept.append(fact)
    return kept


def review_fact(
    engine: Engine,
    fact: dict[str, Any],
    action: str,
    user: str,
    record: dict[str, Any] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Record ``user``'s decision on ``fact`` (a dict as the queries return it, with its
    ``review``) and return the new ``fact_reviews`` row.

    ``record`` is required to ``correct`` and must differ from what the fact shows now.

    Raises:
        ReviewError: an unknown action, a correction without a new record, or a decision that
            would change nothing (accepting an accepted fact, rejecting a rejected one).
    """
    if action not in ACTIONS:
        raise ReviewError(f"a review is one of {', '.join(ACTIONS)}, not {action!r}")
    status = fact["review"]["status"]
    current = fact["record"]
    extracted = fact.get("extracted_record", current)
    after: dict[str, Any] | None = current if current != extracted else None
    if action == "correct":
        if not isinstance(record, dict):
            raise ReviewError("a correction needs the corrected record (a JSON object)")
        if record == current:
            raise ReviewError("the corrected record is the same as the one shown; nothing changed")
        after = record if record != extracted else None
    elif ACTIONS[action] == status:
        raise ReviewError(f"fact {fact['id']} is already {status}; nothing changed")
    row = {
        "id": "rev-" + uuid.uuid4().hex[:16],
        "fact_id": fact["id"],
        "doc_id": fact["doc_id"],
        "kind": fact["kind"],
        "span_start": fact["span_start"],
        "span_end": fact["span_end"],
        "sentence": fact["sentence"],
        "action": action,
        "status_before": status,
        "status_after": ACTIONS[action],
        "record_before": current,
        "record_after": after,
        "user": user,
        "created_at": now_iso(),
        "note": note or None,
    }
    with engine.begin() as conn:
        conn.execute(fact_reviews.insert().values(**row))
    return row


def fact_history(engine: Engine, fact: dict[str, Any]) -> list[dict[str, Any]]:
    """Every decision on ``fact``, oldest first: the audit log shown beside it."""
    with engine.connect() as conn:
        return _reviews_by_fact(conn, [fact]).get(fact["id"], [])


def list_reviews(engine: Engine, limit: int = 100) -> list[dict[str, Any]]:
    """The most recent decisions on facts, newest first, each a ``fact_reviews`` row."""
    query = select(fact_reviews).order_by(fact_reviews.c.created_at.desc()).limit(limit)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def _latest_reviews(conn: Connection, found: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {fact_id: rows[-1] for fact_id, rows in _reviews_by_fact(conn, found).items()}


def _reviews_by_fact(
    conn: Connection, found: Iterable[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """The decisions on each of ``found``, oldest first: by fact id, else by anchor."""
    found = list(found)
    if not found:
        return {}
    doc_ids = sorted({fact["doc_id"] for fact in found})
    rows = _rows_for_documents(conn, doc_ids)
    if not rows:
        return {}
    by_id: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_id[row["fact_id"]].append(row)
    result = {fact["id"]: by_id[fact["id"]] for fact in found if fact["id"] in by_id}
    stored = _stored_fact_ids(conn, sorted(by_id))
    orphans = {fact_id: reviews for fact_id, reviews in by_id.items() if fact_id not in stored}
    if orphans:
        # Candidates come from the store, not from ``found``: reading one fact must re-attach
        # exactly as reading the whole document does (no guessing because the others are unread).
        wanted = {fact["id"] for fact in found}
        placed = _reattach(orphans, _unreviewed_facts(conn, orphans, set(by_id)))
        result.update({fid: reviews for fid, reviews in placed.items() if fid in wanted})
    return result


def _unreviewed_facts(
    conn: Connection, orphans: dict[str, list[dict[str, Any]]], reviewed: set[str]
) -> list[dict[str, Any]]:
    """The stored facts of the orphaned decisions' documents with no decision of their own."""
    doc_ids = sorted({reviews[0]["doc_id"] for reviews in orphans.values()})
    columns = ("id", "doc_id", "kind", "sentence", "span_start", "span_end")
    found: list[dict[str, Any]] = []
    for offset in range(0, len(doc_ids), 500):
        query = select(*(facts.c[name] for name in columns)).where(
            facts.c.doc_id.in_(doc_ids[offset : offset + 500])
        )
        found += [dict(row._mapping) for row in conn.execute(query) if row.id not in reviewed]
    return found


def _reattach(
    orphans: dict[str, list[dict[str, Any]]], unreviewed: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Give the decisions on facts that no longer exist to the facts now in their place."""
    by_anchor: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for fact in unreviewed:
        by_anchor[fact["doc_id"], fact["kind"], fact["sentence"]].append(fact)
    result: dict[str, list[dict[str, Any]]] = {}
    for reviews in orphans.values():
        first = reviews[0]
        candidates = by_anchor.get((first["doc_id"], first["kind"], first["sentence"]), [])
        same_span = [
            fact
            for fact in candidates
            if (fact["span_start"], fact["span_end"]) == (first["span_start"], first["span_end"])
        ]
        chosen = same_span or (candidates if len(candidates) == 1 else [])
        if len(chosen) == 1 and chosen[0]["id"] not in result:
            result[chosen[0]["id"]] = reviews
    return result


def _rows_for_documents(conn: Connection, doc_ids: list[str]) -> list[dict[str, Any]]:
    query = select(fact_reviews).order_by(fact_reviews.c.created_at, fact_reviews.c.id)
    if len(doc_ids) <= 500:
        query = query.where(fact_reviews.c.doc_id.in_(doc_ids))
    wanted = set(doc_ids)
    return [dict(row._mapping) for row in conn.execute(query) if row.doc_id in wanted]


def _stored_fact_ids(conn: Connection, fact_ids: list[str]) -> set[str]:
    stored: set[str] = set()
    for offset in range(0, len(fact_ids), 500):
        part = fact_ids[offset : offset + 500]
        stored.update(conn.scalars(select(facts.c.id).where(facts.c.id.in_(part))))
    return stored
