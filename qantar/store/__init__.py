"""The store: documents, sources, facts with provenance, and runs, in SQLite or PostgreSQL.

Open it with :func:`open_store`, write with the :mod:`~qantar.store.writer` functions, read
with the :mod:`~qantar.store.queries` functions and list verdicts, events and the named dead
with the :mod:`~qantar.store.records` ones; all of them take the returned engine.
"""

from qantar.dates import date_interval
from qantar.store.db import open_store
from qantar.store.queries import (
    counts,
    document_facts,
    fact_sources,
    get_document,
    list_facts,
    list_runs,
    search,
    snapshot,
)
from qantar.store.records import (
    list_events,
    list_figures,
    list_verdicts,
    list_victims,
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
    "date_interval",
    "document_facts",
    "fact_sources",
    "finish_run",
    "get_document",
    "is_current",
    "list_events",
    "list_figures",
    "list_facts",
    "list_runs",
    "list_verdicts",
    "list_victims",
    "make_source_id",
    "open_store",
    "save_document",
    "search",
    "snapshot",
    "start_run",
]
