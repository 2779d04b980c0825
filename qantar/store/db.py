"""Opening the store: one call that yields a ready, migrated engine or a plain-worded error."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from qantar.exceptions import StoreError
from qantar.store import dialect
from qantar.store.migrations import migrate

# Keep Cyrillic readable in the record column (and a little smaller) instead of \u escapes.
_json_dumps = functools.partial(json.dumps, ensure_ascii=False)


def open_store(url: str) -> Engine:
    """Connect to the store at ``url`` and apply any pending migrations.

    ``url`` is a SQLAlchemy URL: ``sqlite:///qantar.db`` (a file, whose folder is created if
    missing), ``sqlite://`` (in memory: for tests and one-off scripts, since each thread gets its
    own empty database) or ``postgresql://...``.
    The engine is returned to the caller, who owns it and may ``dispose()`` it; nothing is
    cached at module level, so tests can open as many independent stores as they like.

    Raises:
        StoreError: the URL is malformed, its driver is missing, or the database cannot be
            opened or migrated; the message names the URL (password hidden) and the setting.
    """
    try:
        parsed = make_url(url)
    except SQLAlchemyError as exc:
        raise StoreError(_message(url, str(exc))) from exc
    shown = parsed.render_as_string(hide_password=True)
    engine: Engine | None = None
    try:
        engine = create_engine(parsed, json_serializer=_json_dumps)
        if dialect.is_sqlite(engine):
            _create_parent(parsed)
        dialect.configure_engine(engine)
        migrate(engine)
    except (SQLAlchemyError, OSError, ImportError) as exc:
        if engine is not None:
            engine.dispose()
        raise StoreError(_message(shown, _detail(exc))) from exc
    return engine


def _create_parent(url: URL) -> None:
    """Make the folder of a SQLite file, so ``--db out/new.db`` works on a fresh checkout."""
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return  # in memory, or a sqlite URI whose path SQLite itself interprets
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _detail(exc: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's statement dump and background link."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror.lower()}: {exc.filename}" if exc.filename else exc.strerror.lower()
    return str(exc)


def _message(where: str, detail: str) -> str:
    return f"cannot open the store at {where}: {detail}; check QANTAR_DB_URL or --db"
