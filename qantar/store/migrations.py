"""Named schema migrations, each applied once and recorded in the ``migrations`` table.

A migration is a function of an open connection. It runs in the same transaction as the insert
of its name, so a crash leaves it either fully applied and recorded or not applied at all, and
the next :func:`migrate` retries it. Append new migrations at the end; never rename or reorder
one that has shipped, because its name is what marks it as done in existing stores.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Table, inspect, select, text
from sqlalchemy.engine import Connection, Engine

from qantar.store import dialect
from qantar.store.schema import (
    RESOLUTION_TABLES,
    REVIEW_TABLES,
    documents,
    facts,
    metadata,
    migrations,
    now_iso,
    runs,
    signatures,
)

Migration = Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    """Every table of :mod:`qantar.store.schema` plus the full-text index."""
    metadata.create_all(conn)
    dialect.setup_fts(conn)


def _resolution(conn: Connection) -> None:
    """Entities, their members, scored pairs, and reviewers' decisions and judgements."""
    metadata.create_all(conn, tables=list(RESOLUTION_TABLES))


def _signatures(conn: Connection) -> None:
    """Text fingerprints for finding republished copies of one article."""
    metadata.create_all(conn, tables=[signatures])


def _reviews(conn: Connection) -> None:
    """Reviewers (hashed passwords) and their decisions on single facts."""
    metadata.create_all(conn, tables=list(REVIEW_TABLES))


def _add_missing_columns(conn: Connection, table: Table, names: set[str]) -> None:
    """Add the columns ``names`` of ``table`` that the store lacks; a store made by
    :func:`_initial` at a later version already has them."""
    have = {column["name"] for column in inspect(conn).get_columns(table.name)}
    for column in table.columns:
        if column.name not in have and column.name in names:
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(text(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"))


def _pages(conn: Connection) -> None:
    """Page starts on documents and the page a fact cites (PDF reports)."""
    for table in (documents, facts):
        _add_missing_columns(conn, table, {"pages", "page"})


def _run_owner(conn: Connection) -> None:
    """The host and process of each run, so a killed build can be told from a running one."""
    _add_missing_columns(conn, runs, {"host", "pid"})


MIGRATIONS: tuple[tuple[str, Migration], ...] = (
    ("0001_initial", _initial),
    ("0002_resolution", _resolution),
    ("0003_signatures", _signatures),
    ("0004_reviews", _reviews),
    ("0005_pages", _pages),
    ("0006_run_owner", _run_owner),
)
"""Every migration in the order it must run."""


def applied(engine: Engine) -> list[str]:
    """Names of the migrations already recorded in the store (read-only)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(migrations.name):
            return []  # a new store: the first migration creates the table
        return list(conn.scalars(select(migrations.c.name).order_by(migrations.c.name)))


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration in order and return the names applied by this call."""
    done: list[str] = []
    recorded = set(applied(engine))
    for name, migration in MIGRATIONS:
        if name in recorded:
            continue
        with engine.begin() as conn:
            # Another process may have applied it since we looked; the check inside the
            # transaction keeps a concurrent open from running it twice.
            if inspect(conn).has_table(migrations.name):
                query = select(migrations.c.name).where(migrations.c.name == name)
                if conn.scalar(query) is not None:
                    continue
            migration(conn)
            conn.execute(migrations.insert().values(name=name, applied_at=now_iso()))
        done.append(name)
    return done
