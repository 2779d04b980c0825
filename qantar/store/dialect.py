"""Everything that differs between SQLite and PostgreSQL, in one place.

The rest of the store is dialect-neutral SQLAlchemy Core; any SQL that only one database
understands (PRAGMAs, FTS5, ``to_tsvector``) lives here, so supporting PostgreSQL means reading
one module. SQLite is the tested default; the PostgreSQL branches are written to the same
contract and kept deliberately simple.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Table, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

MAX_VARIABLES = 999
"""Most bound variables one statement may use: SQLite's historical default limit (builds before
3.32, and some distributions still, compile it in). PostgreSQL allows 65,535, so one batch
size serves both."""

SNIPPET_START = "["
SNIPPET_END = "]"
"""Plain-text markers around matched words in search snippets. Not HTML, so a caller that
forgets to escape a snippet cannot inject markup taken from an article."""

# PostgreSQL: the 'simple' configuration lower-cases without stemming, which treats English and
# Russian text alike; the same expression is used by the index and the query so the index is used.
_PG_VECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

_WORD = re.compile(r"\w")


def is_sqlite(bind: Engine | Connection) -> bool:
    """Whether ``bind`` talks to SQLite (any driver)."""
    return bind.dialect.name == "sqlite"


def configure_engine(engine: Engine) -> None:
    """Per-connection settings; on SQLite, foreign keys, WAL and real transactions.

    SQLite leaves foreign keys off unless every connection asks, and WAL lets the web app read
    while a build writes. Python's ``sqlite3`` (before 3.12) only opens a transaction before
    INSERT/UPDATE/DELETE, so a migration's CREATE TABLE would commit on its own; handing BEGIN
    to SQLAlchemy makes DDL and the migration record one transaction, as on PostgreSQL.
    """
    if not is_sqlite(engine):
        return
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # sqlite3 stops emitting BEGIN; see _sqlite_begin
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")  # an in-memory database answers "memory"
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def batches(rows: Sequence[Mapping[str, Any]]) -> Iterator[Sequence[Mapping[str, Any]]]:
    """Split ``rows`` so that no multi-row statement binds more than :data:`MAX_VARIABLES`.

    One statement per row is slow (thousands of round trips for a long article's mentions) and
    one statement for all rows fails once rows x columns passes SQLite's limit, so rows go in
    slices of ``MAX_VARIABLES // columns``, as nomenklatura's ``insert_statements`` does.
    """
    if not rows:
        return
    size = max(1, MAX_VARIABLES // len(rows[0]))
    for offset in range(0, len(rows), size):
        yield rows[offset : offset + size]


def upsert(
    conn: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    preserve: Sequence[str] = (),
) -> None:
    """Insert ``rows``, updating the existing row wherever ``keys`` collide.

    Every column present in the rows is overwritten except ``keys`` and ``preserve`` (e.g.
    ``created_at``, which must keep the time the row was first written). All rows must have the
    same columns and distinct keys: PostgreSQL refuses to update one row twice in a statement.
    Rows are sent in batches under the bound-variable limit, inside the caller's transaction.
    """
    construct = sqlite.insert if is_sqlite(conn) else postgresql.insert
    for batch in batches(rows):
        stmt = construct(table).values(list(batch))
        kept = set(keys) | set(preserve)
        changes = {name: stmt.excluded[name] for name in batch[0] if name not in kept}
        if changes:
            final = stmt.on_conflict_do_update(index_elements=list(keys), set_=changes)
        else:
            final = stmt.on_conflict_do_nothing(index_elements=list(keys))
        conn.execute(final)


def insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Plain multi-row INSERT of ``rows`` in batches under the bound-variable limit."""
    for batch in batches(rows):
        conn.execute(table.insert().values(list(batch)))


def setup_fts(conn: Connection) -> None:
    """Create the full-text index (run once, by the first migration).

    SQLite: an FTS5 table holding a copy of each document's title and text, refreshed by
    :func:`index_document`. PostgreSQL: a GIN expression index over the documents table itself,
    which the database keeps current with no extra writes.
    """
    if is_sqlite(conn):
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS document_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        conn.exec_driver_sql(
            f"CREATE INDEX IF NOT EXISTS documents_fts_idx ON documents USING GIN ({_PG_VECTOR})"
        )


def index_document(conn: Connection, doc_id: str, title: str | None, body: str) -> None:
    """Replace the full-text entry of one document (no-op on PostgreSQL: see :func:`setup_fts`)."""
    if not is_sqlite(conn):
        return
    # doc_id is UNINDEXED, so this delete scans the FTS table; at the corpus sizes qantar
    # handles (thousands of articles) that costs less than keeping a rowid mapping in sync.
    conn.execute(text("DELETE FROM document_fts WHERE doc_id = :doc_id"), {"doc_id": doc_id})
    conn.execute(
        text("INSERT INTO document_fts (doc_id, title, text) VALUES (:doc_id, :title, :text)"),
        {"doc_id": doc_id, "title": title or "", "text": body},
    )


def fts5_query(query: str) -> str:
    """Turn free text into an FTS5 query that matches all its words and cannot be a syntax error.

    Each whitespace-separated word becomes a quoted string (inner quotes doubled), so ``AND``,
    ``(``, ``*``, ``NEAR`` and stray ``"`` are searched for as text rather than parsed. Words
    with no letter or digit are dropped: they tokenize to nothing. Returns "" when nothing is
    left to search for.
    """
    words = [word for word in query.split() if _WORD.search(word)]
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def search(conn: Connection, query: str, limit: int) -> list[dict[str, Any]]:
    """Documents matching ``query``, best first: ``id``, ``name``, ``title``, ``snippet``."""
    if is_sqlite(conn):
        match = fts5_query(query)
        if not match:
            return []
        sql = text(
            "SELECT d.id, d.name, d.title,"
            " snippet(document_fts, -1, :start, :end, '…', 16) AS snippet"
            " FROM document_fts JOIN documents AS d ON d.id = document_fts.doc_id"
            " WHERE document_fts MATCH :match"
            " ORDER BY bm25(document_fts), d.id LIMIT :limit"
        )
        params: dict[str, Any] = {"match": match}
    else:
        if not query.strip():
            return []
        # plainto_tsquery ignores operators, so user input needs no quoting here.
        sql = text(
            "SELECT d.id, d.name, d.title,"
            " ts_headline('simple', d.text, q,"
            " 'StartSel=' || :start || ', StopSel=' || :end || ', MaxWords=24, MinWords=8')"
            " AS snippet"
            f" FROM documents AS d, plainto_tsquery('simple', :query) AS q"
            f" WHERE {_PG_VECTOR} @@ q"
            f" ORDER BY ts_rank({_PG_VECTOR}, q) DESC, d.id LIMIT :limit"
        )
        params = {"query": query}
    params.update(start=SNIPPET_START, end=SNIPPET_END, limit=limit)
    return [dict(row._mapping) for row in conn.execute(sql, params)]
