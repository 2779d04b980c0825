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
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
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
    # Page starts of a paginated source, [[offset, label], ...]; null for articles without pages.
    Column("pages", JSON, nullable=True),
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
    # The page label the fact's span starts on (PDF reports); null for sources without pages.
    Column("page", Unicode(32), nullable=True),
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
    # Which process runs it: a build killed outright (SIGKILL, power cut) cannot close its own
    # run, so a later reader who finds its process gone shows it as interrupted.
    Column("host", Unicode(KEY_LEN), nullable=True),
    Column("pid", Integer, nullable=True),
)

migrations = Table(
    "migrations",
    metadata,
    Column("name", Unicode(KEY_LEN), primary_key=True),
    Column("applied_at", Unicode(TIME_LEN), nullable=False),
)

# --- Resolution: which records (person, organization and place facts) are one entity. ---
# Derived tables (entities, entity_members, match_pairs) are recomputed by every resolution;
# judgements and decisions are the reviewers' own and are never rewritten, only marked undone.

entities = Table(
    "entities",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),
    Column("kind", Unicode(32), nullable=False, index=True),
    Column("name", UnicodeText, nullable=False),
    # Set when this entity was merged into another: old links follow it to the survivor.
    Column("merged_into", Unicode(KEY_LEN), nullable=True),
    Column("created_at", Unicode(TIME_LEN), nullable=False),
    Column("updated_at", Unicode(TIME_LEN), nullable=False),
)

entity_members = Table(
    "entity_members",
    metadata,
    # The fact id of a person, organization or place record. No foreign key: re-extraction
    # replaces facts, and the next resolution rewrites this table to match.
    Column("record_id", Unicode(KEY_LEN), primary_key=True),
    Column("entity_id", Unicode(KEY_LEN), nullable=False, index=True),
    # The entity the record first belonged to: an undone merge gives it back its old id.
    Column("origin_id", Unicode(KEY_LEN), nullable=False),
    Column("kind", Unicode(32), nullable=False),
    Column("doc_id", Unicode(KEY_LEN), nullable=False, index=True),
    Column("name", UnicodeText, nullable=False),
    Column("name_key", UnicodeText, nullable=False),
)

match_pairs = Table(
    "match_pairs",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),  # stable_hash(kind, left_key, right_key)
    Column("kind", Unicode(32), nullable=False, index=True),
    Column("left_key", UnicodeText, nullable=False),
    Column("right_key", UnicodeText, nullable=False),
    Column("left_name", UnicodeText, nullable=False),
    Column("right_name", UnicodeText, nullable=False),
    Column("score", Float, nullable=False),
    Column("features", JSON, nullable=False),
    Column("conflict", UnicodeText, nullable=True),
    Column("outcome", UnicodeText, nullable=False),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),
    Column("action", Unicode(16), nullable=False),  # merge or split
    Column("kind", Unicode(32), nullable=False),
    Column("user", Unicode(KEY_LEN), nullable=False),
    Column("created_at", Unicode(TIME_LEN), nullable=False),
    Column("summary", UnicodeText, nullable=False),
    Column("note", UnicodeText, nullable=True),
    Column("undone_at", Unicode(TIME_LEN), nullable=True),
    Column("undone_by", Unicode(KEY_LEN), nullable=True),
)

judgements = Table(
    "judgements",
    metadata,
    Column(
        "decision_id",
        Unicode(KEY_LEN),
        ForeignKey("decisions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("left_id", Unicode(KEY_LEN), nullable=False),
    Column("right_id", Unicode(KEY_LEN), nullable=False),
    Column("positive", Boolean, nullable=False),
    # Where each record was and what it was called, so a judgement finds its records again
    # when re-extraction gives them new ids (a fuller name found, say).
    Column("left_doc", Unicode(KEY_LEN), nullable=False),
    Column("left_name", UnicodeText, nullable=False),
    Column("right_doc", Unicode(KEY_LEN), nullable=False),
    Column("right_name", UnicodeText, nullable=False),
    PrimaryKeyConstraint("decision_id", "left_id", "right_id"),
)

RESOLUTION_TABLES = (entities, entity_members, match_pairs, decisions, judgements)
"""The tables migration ``0002_resolution`` adds."""

# A fingerprint of each document's text for finding republished copies (qantar.analyze.copies).
# Computed once when a build stores the text, so comparing thousands of documents does not
# re-read them all; ``scheme`` names how it was made, and a new scheme computes them again.
signatures = Table(
    "signatures",
    metadata,
    Column(
        "doc_id",
        Unicode(KEY_LEN),
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("scheme", Unicode(64), nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

# --- Review: reviewers and their decisions on single facts. ---
# Never rewritten by a build: a review names its fact by id (ids are deterministic, so a re-run
# keeps them) and by where the fact sits (document, kind, sentence, span), so it finds the fact
# again when a new extractor version gives it a new key.

users = Table(
    "users",
    metadata,
    Column("name", Unicode(KEY_LEN), primary_key=True),
    Column("password_hash", UnicodeText, nullable=False),  # argon2id, with its own salt
    Column("created_at", Unicode(TIME_LEN), nullable=False),
)

fact_reviews = Table(
    "fact_reviews",
    metadata,
    Column("id", Unicode(KEY_LEN), primary_key=True),
    # No foreign key: re-extraction may delete the fact row; the review is kept regardless.
    Column("fact_id", Unicode(KEY_LEN), nullable=False, index=True),
    Column("doc_id", Unicode(KEY_LEN), nullable=False, index=True),
    Column("kind", Unicode(32), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("sentence", UnicodeText, nullable=False),
    Column("action", Unicode(16), nullable=False),  # accept, reject, correct
    Column("status_before", Unicode(16), nullable=False),
    Column("status_after", Unicode(16), nullable=False),
    Column("record_before", JSON, nullable=False),
    # The record the public sees after this decision; null when it is the extracted one.
    Column("record_after", JSON, nullable=True),
    Column("user", Unicode(KEY_LEN), nullable=False),
    Column("created_at", Unicode(TIME_LEN), nullable=False),
    Column("note", UnicodeText, nullable=True),
)

REVIEW_TABLES = (users, fact_reviews)
"""The tables migration ``0004_reviews`` adds."""

RUN_COUNTS = ("documents_seen", "documents_processed", "documents_skipped", "errors")
"""The integer counters :func:`qantar.store.writer.finish_run` accepts."""
