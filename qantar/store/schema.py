"""The store's tables, in SQLAlchemy Core (no ORM: rows are plain mappings in and out).

One document row per distinct text, any number of sources (files, URLs) per document, and one
fact row per extracted record with the provenance needed to show the exact sentence. Mentions
are the individual occurrences of a fact's subject in the text.

Timestamps are stored as timezone-aware UTC ISO 8601 strings (``2022-01-05T10:00:00.000000+00:00``)
and not as ``DateTime(timezone=True)``: SQLite has no timestamp type, and SQLAlchemy stores a
SQLite DateTime without its offset, so the same value would read back naive on SQLite and aware
on PostgreSQL. A fixed-width UTC string reads back identically on both and sorts correctly as
text.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Unicode,
    UnicodeText,
)

KEY_LEN = 255
"""Length of id-like columns; ids are short hashes, names and signatures stay well below this."""

TIME_LEN = 32
"""``len("2022-01-05T10:00:00.000000+00:00")``."""

RUN_STATUSES = ("running", "ok", "failed", "interrupted")
"""Allowed values of ``runs.status``."""

metadata = MetaData()


def now_iso() -> str:
    """The current time as a fixed-width UTC ISO string (see the module docstring for why)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


documents = Table(
    "documents",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),
    Column("name", Unicode(KEY_LEN), nullable=False, index=True),
    Column("language", Unicode(16), nullable=False),
    Column("format", Unicode(16), nullable=False),
    Column("title", UnicodeText, nullable=True),
    Column("published", Unicode(TIME_LEN), nullable=True),
    Column("published_precision", Unicode(16), nullable=True),
    Column("text", UnicodeText, nullable=False),
    # The extractor signature that last processed this text; null until extracted. Comparing it
    # with the current signature is how an unchanged re-run knows it can skip the document.
    Column("pipeline", UnicodeText, nullable=True),
    Column("created_at", Unicode(TIME_LEN), nullable=False),
    Column("updated_at", Unicode(TIME_LEN), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    # stable_hash(doc_id, path, url): the same file seen again updates its row, adds none.
    Column("id", Unicode(KEY_LEN), primary_key=True),
    Column(
        "doc_id",
        Unicode(KEY_LEN),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("path", UnicodeText, nullable=True),
    Column("url", UnicodeText, nullable=True),
    Column("title", UnicodeText, nullable=True),
    Column("outlet", UnicodeText, nullable=True),
    Column("author", UnicodeText, nullable=True),
    Column("published", Unicode(TIME_LEN), nullable=True),
    Column("published_precision", Unicode(16), nullable=True),
)

facts = Table(
    "facts",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),
    Column(
        "doc_id",
        Unicode(KEY_LEN),
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("kind", Unicode(32), nullable=False, index=True),
    Column("key", UnicodeText, nullable=False),
    Column("record", JSON, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("sentence", UnicodeText, nullable=False),
    Column("extractor", Unicode(KEY_LEN), nullable=False),
    # No foreign key to runs: facts saved outside a recorded run (tests, library use) have none.
    Column("run_id", Unicode(KEY_LEN), nullable=True),
    Column("created_at", Unicode(TIME_LEN), nullable=False),
    Column("updated_at", Unicode(TIME_LEN), nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column(
        "fact_id",
        Unicode(KEY_LEN),
        ForeignKey("facts.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # Denormalised so a document's mentions can be replaced with one DELETE.
    Column("doc_id", Unicode(KEY_LEN), nullable=False, index=True),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", UnicodeText, nullable=False),
    PrimaryKeyConstraint("fact_id", "span_start"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),
    Column("command", Unicode(KEY_LEN), nullable=False),
    Column("pipeline", UnicodeText, nullable=True),
    Column("started_at", Unicode(TIME_LEN), nullable=False),
    Column("finished_at", Unicode(TIME_LEN), nullable=True),
    Column("status", Unicode(16), nullable=False),
    Column("documents_seen", Integer, nullable=False, default=0),
    Column("documents_processed", Integer, nullable=False, default=0),
    Column("documents_skipped", Integer, nullable=False, default=0),
    Column("errors", Integer, nullable=False, default=0),
    Column("note", UnicodeText, nullable=True),
)

migrations = Table(
    "migrations",
    metadata,
    Column("name", Unicode(KEY_LEN), primary_key=True),
    Column("applied_at", Unicode(TIME_LEN), nullable=False),
)

RUN_COUNTS = ("documents_seen", "documents_processed", "documents_skipped", "errors")
"""The integer counters :func:`qantar.store.writer.finish_run` accepts."""
