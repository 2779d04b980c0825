"""Writing to the store: documents with their facts, sources, and run records.

A document is saved in ONE transaction with everything derived from it (sources, facts,
mentions, full-text row). An interrupted build therefore leaves each document either as it
was before or fully replaced, never half-written, and resuming it simply redoes the documents
whose ``pipeline`` signature is not current.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError, StatementError

from qantar.exceptions import StoreError
from qantar.model import Document, Fact, Source, stable_hash
from qantar.store import dialect
from qantar.store.liveness import ABANDONED_NOTE, HOST, abandoned_runs
from qantar.store.schema import RUN_COUNTS, RUN_STATUSES, documents, mentions, now_iso, runs
from qantar.store.schema import facts as facts_table
from qantar.store.schema import sources as sources_table


def make_source_id(doc_id: str, source: Source) -> str:
    """Deterministic source id: the same file or URL seen again updates its row."""
    return stable_hash(doc_id, source.path or "", source.url or "")


def is_current(engine: Engine, doc_id: str, pipeline: str) -> bool:
    """Whether ``doc_id`` is stored and was last extracted with exactly ``pipeline``.

    A build calls this before extracting, so an unchanged re-run (or the resumption of an
    interrupted one) redoes no work, while a new extractor version redoes everything.
    """
    with engine.connect() as conn:
        query = select(documents.c.pipeline).where(documents.c.id == doc_id)
        return conn.scalar(query) == pipeline


def add_sources(engine: Engine, doc_id: str, sources: Sequence[Source]) -> None:
    """Record more places an already stored document was found (the same text from another file).

    Raises:
        StoreError: the document is not in the store.
    """
    with engine.begin() as conn:
        if conn.scalar(select(documents.c.id).where(documents.c.id == doc_id)) is None:
            raise StoreError(f"no document {doc_id} in the store; save it before adding sources")
        _upsert_sources(conn, doc_id, sources)


def save_document(
    engine: Engine,
    doc: Document,
    facts: Sequence[Fact],
    pipeline: str,
    run_id: str | None = None,
) -> None:
    """Store ``doc`` with exactly ``facts`` as its facts, in one transaction.

    Facts are upserted by their deterministic id, so an unchanged fact keeps its ``created_at``;
    facts this document had before but that are not in ``facts`` (an older extractor's
    output) are deleted, and its mentions and full-text row are replaced. Two facts with the same
    id are one fact: the later one wins.

    Raises:
        StoreError: a fact belongs to another document, or the database refused a write (for
            example a record that is not JSON-serialisable); nothing of ``doc`` was written.
    """
    unique = _unique_facts(doc, facts)
    now = now_iso()
    fact_rows = [_fact_row(fact, run_id, now) for fact in unique.values()]
    mention_rows = _mention_rows(doc.id, unique.values())
    try:
        with engine.begin() as conn:
            row = _document_row(doc, pipeline, now)
            dialect.upsert(conn, documents, [row], ["id"], preserve=["created_at"])
            _upsert_sources(conn, doc.id, doc.sources)
            # Mentions go first: they reference facts, some of which are about to be deleted.
            conn.execute(delete(mentions).where(mentions.c.doc_id == doc.id))
            dialect.upsert(conn, facts_table, fact_rows, ["id"], preserve=["created_at"])
            stored = set(
                conn.scalars(select(facts_table.c.id).where(facts_table.c.doc_id == doc.id))
            )
            for part in _slices(sorted(stored - unique.keys())):
                conn.execute(delete(facts_table).where(facts_table.c.id.in_(part)))
            dialect.insert(conn, mentions, mention_rows)
            dialect.index_document(conn, doc.id, doc.title, doc.text)
    except SQLAlchemyError as exc:
        detail = str(exc.orig) if isinstance(exc, StatementError) and exc.orig else str(exc)
        raise StoreError(f"cannot save document {doc.name} ({doc.id}): {detail}") from exc


def start_run(engine: Engine, command: str, pipeline: str | None) -> str:
    """Record the start of a command that changes the store and return the run's id.

    Runs of this host left ``running`` by a process that no longer exists are closed as
    ``interrupted`` first: their process was killed before it could say so."""
    run_id = uuid.uuid4().hex
    row = {"id": run_id, "command": command, "pipeline": pipeline, "status": "running"}
    with engine.begin() as conn:
        for abandoned in abandoned_runs(conn):
            conn.execute(
                update(runs)
                .where(runs.c.id == abandoned, runs.c.status == "running")
                .values(status="interrupted", note=ABANDONED_NOTE)
            )
        conn.execute(runs.insert().values(started_at=now_iso(), host=HOST, pid=os.getpid(), **row))
    return run_id


def finish_run(
    engine: Engine, run_id: str, status: str, *, note: str | None = None, **counts: int
) -> None:
    """Close a run with its final ``status`` and counters (``documents_seen`` and so on).

    Raises:
        ValueError: ``status`` or a counter name is not one the ``runs`` table knows.
        StoreError: there is no run ``run_id``.
    """
    if status not in RUN_STATUSES or status == "running":
        raise ValueError(f"a run finishes as ok, failed or interrupted, not {status!r}")
    unknown = sorted(set(counts) - set(RUN_COUNTS))
    if unknown:
        raise ValueError(f"unknown run counters {unknown}; expected some of {list(RUN_COUNTS)}")
    values: dict[str, Any] = {"status": status, "finished_at": now_iso(), **counts}
    if note is not None:
        values["note"] = note
    with engine.begin() as conn:
        result = conn.execute(update(runs).where(runs.c.id == run_id).values(**values))
        if result.rowcount == 0:
            raise StoreError(f"no run {run_id} in the store")


def _unique_facts(doc: Document, facts: Sequence[Fact]) -> dict[str, Fact]:
    unique: dict[str, Fact] = {}
    for fact in facts:
        if fact.provenance.doc_id != doc.id:
            raise StoreError(
                f"fact {fact.id} belongs to document {fact.provenance.doc_id}, "
                f"not to {doc.name} ({doc.id}); nothing was saved"
            )
        unique[fact.id] = fact
    return unique


def _document_row(doc: Document, pipeline: str, now: str) -> dict[str, Any]:
    return {
        "id": doc.id,
        "name": doc.name,
        "language": doc.language,
        "format": doc.format,
        "title": doc.title,
        "published": doc.published,
        "published_precision": doc.published_precision,
        "text": doc.text,
        "pages": [[page.start, page.label] for page in doc.pages] or None,
        "pipeline": pipeline,
        "created_at": now,
        "updated_at": now,
    }


def _upsert_sources(conn: Connection, doc_id: str, sources: Sequence[Source]) -> None:
    rows = {
        make_source_id(doc_id, source): {
            "id": make_source_id(doc_id, source),
            "doc_id": doc_id,
            "path": source.path,
            "url": source.url,
            "title": source.title,
            "outlet": source.outlet,
            "author": source.author,
            "published": source.published,
            "published_precision": source.published_precision,
        }
        for source in sources
    }
    if rows:
        dialect.upsert(conn, sources_table, list(rows.values()), ["id"])


def _fact_row(fact: Fact, run_id: str | None, now: str) -> dict[str, Any]:
    prov = fact.provenance
    return {
        "id": fact.id,
        "doc_id": prov.doc_id,
        "kind": fact.kind,
        "key": fact.key,
        "record": fact.record,
        "span_start": prov.start,
        "span_end": prov.end,
        "sentence": prov.sentence,
        "extractor": prov.extractor,
        "page": prov.page,
        "run_id": run_id,
        "created_at": now,
        "updated_at": now,
    }


def _mention_rows(doc_id: str, facts: Iterable[Fact]) -> list[dict[str, Any]]:
    # (fact_id, span_start) is the primary key: a repeated offset is the same mention.
    rows: dict[tuple[str, int], dict[str, Any]] = {}
    for fact in facts:
        for mention in fact.mentions:
            rows.setdefault(
                (fact.id, mention.start),
                {
                    "fact_id": fact.id,
                    "doc_id": doc_id,
                    "span_start": mention.start,
                    "span_end": mention.end,
                    "text": mention.text,
                },
            )
    return list(rows.values())


def _slices(values: Sequence[str]) -> Iterator[Sequence[str]]:
    """Chunks for ``IN (...)`` lists, which bind one variable per value."""
    size = dialect.MAX_VARIABLES - 1
    for offset in range(0, len(values), size):
        yield values[offset : offset + size]
