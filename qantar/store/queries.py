"""Reading from the store, for the CLI and the web app.

Every function opens its own short connection and returns plain dicts and lists (JSON-ready,
never SQLAlchemy Row objects), so callers need no knowledge of the schema or the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from qantar.exceptions import StoreError
from qantar.store import dialect
from qantar.store.liveness import ABANDONED_NOTE, is_abandoned
from qantar.store.reviews import apply_reviews
from qantar.store.schema import (
    documents,
    entities,
    entity_members,
    facts,
    mentions,
    runs,
    sources,
)

_FACT_COLUMNS = (
    "id",
    "doc_id",
    "kind",
    "key",
    "record",
    "span_start",
    "span_end",
    "sentence",
    "extractor",
    "page",
)


def get_document(engine: Engine, ref: str) -> dict[str, Any] | None:
    """A document by id, or else by name (its file base name), with a ``sources`` list.

    Two texts can share a file name (same name in two folders); by name, the most recently
    updated one is returned. The dict has every ``documents`` column.
    """
    with engine.connect() as conn:
        row = conn.execute(select(documents).where(documents.c.id == ref)).first()
        if row is None:
            by_name = select(documents).where(documents.c.name == ref)
            by_name = by_name.order_by(documents.c.updated_at.desc(), documents.c.id)
            row = conn.execute(by_name).first()
        if row is None:
            return None
        doc = dict(row._mapping)
        found = conn.execute(select(sources).where(sources.c.doc_id == doc["id"]))
        doc["sources"] = sorted((dict(source._mapping) for source in found), key=_source_order)
        return doc


def document_facts(
    engine: Engine, doc_id: str, kind: str | None = None, include_rejected: bool = False
) -> list[dict[str, Any]]:
    """The facts of one document in text order, each with its decoded record and mentions.

    Each dict: ``id``, ``doc_id``, ``doc_name``, ``kind``, ``key``, ``record``, ``span_start``,
    ``span_end``, ``sentence``, ``extractor``, ``mentions`` (``start``, ``end``, ``text``) and
    ``review`` (``status``, ``by``, ``at``). Reviewers' decisions apply: a corrected fact shows
    the corrected record (the extracted one is ``extracted_record``), and facts a reviewer
    rejected are left out unless ``include_rejected``.
    """
    where = facts.c.doc_id == doc_id
    if kind is not None:
        where = where & (facts.c.kind == kind)
    with engine.connect() as conn:
        return _facts(conn, where, include_rejected)


def list_facts(
    engine: Engine,
    kind: str,
    doc_ids: Collection[str] | None = None,
    include_rejected: bool = False,
) -> list[dict[str, Any]]:
    """Every fact of ``kind`` across documents (or only those of ``doc_ids``), ordered by
    document name then text position, reviewed as in :func:`document_facts`."""
    where = facts.c.kind == kind
    if doc_ids is not None:
        where = where & facts.c.doc_id.in_(sorted(doc_ids))
    with engine.connect() as conn:
        return _facts(conn, where, include_rejected)


def get_fact(engine: Engine, fact_id: str) -> dict[str, Any] | None:
    """One fact by id as :func:`document_facts` gives it, rejected or not; None if unknown."""
    with engine.connect() as conn:
        found = _facts(conn, facts.c.id == fact_id, include_rejected=True)
    return found[0] if found else None


def document_catalog(engine: Engine, with_text: bool = False) -> dict[str, dict[str, Any]]:
    """Every document by id: ``id``, ``name``, ``title``, ``language``, ``published``,
    ``outlets`` and ``urls`` (from its sources, in a stable order, once each) and, if asked,
    ``text``. What analysis needs to cite a document and to compare documents' texts."""
    columns = [documents.c[name] for name in ("id", "name", "title", "language", "published")]
    if with_text:
        columns.append(documents.c.text)
    found: dict[str, dict[str, Any]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(*columns).order_by(documents.c.name, documents.c.id)):
            found[row.id] = {**row._mapping, "outlets": [], "urls": []}
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in conn.execute(select(sources)):
            by_doc[row.doc_id].append(dict(row._mapping))
    for doc_id, doc_sources in by_doc.items():
        if doc_id not in found:
            continue
        for source in sorted(doc_sources, key=_source_order):
            for field, plural in (("outlet", "outlets"), ("url", "urls")):
                if source[field] and source[field] not in found[doc_id][plural]:
                    found[doc_id][plural].append(source[field])
    return found


def fact_sources(engine: Engine, kind: str) -> dict[str, list[dict[str, Any]]]:
    """The sources of every document holding a fact of ``kind``, by document id.

    Lets a listing of facts say which outlet and URL each came from with one query (a
    subquery on the facts, so no variable-length ``IN`` list) instead of one per document.
    Each source has every ``sources`` column; a document's sources are in a stable order.
    """
    holding = select(facts.c.doc_id).where(facts.c.kind == kind)
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with engine.connect() as conn:
        for row in conn.execute(select(sources).where(sources.c.doc_id.in_(holding))):
            by_doc[row.doc_id].append(dict(row._mapping))
    return {doc_id: sorted(found, key=_source_order) for doc_id, found in by_doc.items()}


def search(engine: Engine, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over titles and texts, best match first.

    Each dict: ``id``, ``name``, ``title``, ``snippet`` (matched words between
    :data:`~qantar.store.dialect.SNIPPET_START` and ``SNIPPET_END``). The query is free text:
    search-syntax characters (``"``, ``*``, ``AND(``) are searched for, not interpreted.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    try:
        with engine.connect() as conn:
            return dialect.search(conn, query, limit)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot search the store for {query!r}: {exc}") from exc


def counts(engine: Engine) -> dict[str, Any]:
    """How much the store holds: ``documents``, ``sources``, ``mentions``, ``runs`` (ints) and
    ``facts`` (a dict from kind to count)."""
    with engine.connect() as conn:
        per_kind = conn.execute(select(facts.c.kind, func.count()).group_by(facts.c.kind))
        return {
            "documents": _count(conn, documents),
            "sources": _count(conn, sources),
            "facts": {kind: n for kind, n in sorted(per_kind.tuples())},
            "mentions": _count(conn, mentions),
            "runs": _count(conn, runs),
        }


def list_runs(engine: Engine, limit: int = 20) -> list[dict[str, Any]]:
    """The most recent runs first, each with every ``runs`` column.

    A run still marked ``running`` whose process is gone is shown as ``interrupted`` (the
    store is only read here; the next build records it)."""
    query = select(runs).order_by(runs.c.started_at.desc(), runs.c.id).limit(limit)
    with engine.connect() as conn:
        found = [dict(row._mapping) for row in conn.execute(query)]
    for run in found:
        if run["status"] == "running" and is_abandoned(run["host"], run["pid"]):
            run.update(status="interrupted", note=ABANDONED_NOTE)
    return found


def snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """The store's content in a comparable form: every row, sorted, minus times and run ids.

    Two stores built from the same input by the same pipeline have equal snapshots however
    the builds went (interrupted and resumed, or re-run), entity ids included, which is what
    the tests check.
    """
    with engine.connect() as conn:
        return {
            "documents": _rows(conn, documents, exclude={"created_at", "updated_at"}),
            "sources": _rows(conn, sources),
            "facts": _rows(conn, facts, exclude={"run_id", "created_at", "updated_at"}),
            "mentions": _rows(conn, mentions),
            "entities": _rows(conn, entities, exclude={"created_at", "updated_at"}),
            "entity_members": _rows(conn, entity_members),
        }


def _facts(
    conn: Connection, where: ColumnElement[bool], include_rejected: bool = False
) -> list[dict[str, Any]]:
    query = (
        select(*(facts.c[name] for name in _FACT_COLUMNS), documents.c.name.label("doc_name"))
        .join(documents, documents.c.id == facts.c.doc_id)
        .where(where)
        .order_by(documents.c.name, facts.c.doc_id, facts.c.span_start, facts.c.id)
    )
    found = [dict(row._mapping) for row in conn.execute(query)]
    # One query for all mentions (joined on the same condition) instead of one per fact.
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    mention_query = (
        select(mentions.c.fact_id, mentions.c.span_start, mentions.c.span_end, mentions.c.text)
        .join(facts, facts.c.id == mentions.c.fact_id)
        .where(where)
        .order_by(mentions.c.fact_id, mentions.c.span_start)
    )
    for fact_id, start, end, text in conn.execute(mention_query).tuples():
        spans[fact_id].append({"start": start, "end": end, "text": text})
    for fact in found:
        fact["mentions"] = spans.get(fact["id"], [])
    return apply_reviews(conn, found, include_rejected)


def _source_order(source: dict[str, Any]) -> tuple[str, str, str]:
    return (source["path"] or "", source["url"] or "", source["id"])


def record_strings(value: Any) -> list[str]:
    """The non-blank text items of a record field that should be a list of strings (or one
    string): records are JSON, so a field may hold anything."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str) and item.strip()]


def _count(conn: Connection, table: Table) -> int:
    return int(conn.scalar(select(func.count()).select_from(table)) or 0)


def _rows(conn: Connection, table: Table, exclude: Collection[str] = ()) -> list[dict[str, Any]]:
    columns = [column for column in table.c if column.name not in exclude]
    rows = [dict(row._mapping) for row in conn.execute(select(*columns))]
    # Sorted in Python, not by ORDER BY: text collation differs between databases.
    keys = [column.name for column in table.primary_key.columns]
    return sorted(rows, key=lambda row: tuple(row[key] for key in keys))
