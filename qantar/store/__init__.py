"""The store: documents, sources, facts with provenance, and runs, in SQLite or PostgreSQL.

Open it with :func:`open_store`, write with the :mod:`~qantar.store.writer` functions and read
with the :mod:`~qantar.store.queries` functions; all of them take the returned engine.
"""

from qantar.store.db import open_store
from qantar.store.queries import (
    counts,
    document_facts,
    get_document,
    list_facts,
    list_runs,
    people,
    search,
    snapshot,
)
from qantar.store.writer import (
    add_sources,
    finish_run,
    is_current,
    make_source_id,
    save_document,
    start_run,
)

__all__ = [
    "add_sources",
    "counts",
    "document_facts",
    "finish_run",
    "get_document",
    "is_current",
    "list_facts",
    "list_runs",
    "make_source_id",
    "open_store",
    "people",
    "save_document",
    "search",
    "snapshot",
    "start_run",
]
