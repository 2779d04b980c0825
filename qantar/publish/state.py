"""Answers computed once per state of the store and shared by pages: a loaded Corpus, findings.

Conflicts, the timeline and the figure charts read the whole store through a Corpus; loading
it on every request would make each of those pages cost a full read. The cache key is a cheap
fingerprint of everything that changes what the Corpus holds (documents, facts, reviewers'
decisions, entities), so a build or a review shows at the next request, never a stale page.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from qantar.analyze import Corpus
from qantar.store.schema import (
    decisions,
    documents,
    entities,
    fact_reviews,
    facts,
    runs,
    sources,
)

T = TypeVar("T")
P = ParamSpec("P")

MAX_ENTRIES = 256
"""Cached answers kept at most; past it the cache starts again (filters are open-ended)."""

_lock = threading.Lock()
_cache: dict[tuple[int, Hashable], tuple[tuple[Any, ...], Any]] = {}


def fingerprint(engine: Engine) -> tuple[Any, ...]:
    """What changes when the store's content does: counts and latest update times of every
    table a page reads."""
    with engine.connect() as conn:
        return (
            *conn.execute(select(func.count(), func.max(documents.c.updated_at))).one(),
            *conn.execute(select(func.count(), func.max(facts.c.updated_at))).one(),
            *conn.execute(select(func.count(), func.max(fact_reviews.c.created_at))).one(),
            *conn.execute(
                select(
                    func.count(), func.max(decisions.c.created_at), func.max(decisions.c.undone_at)
                )
            ).one(),
            *conn.execute(select(func.count(), func.max(entities.c.updated_at))).one(),
            # A build that only finds known texts in new files adds sources and a run, and
            # changes no document row: the pages still name the new outlet.
            conn.scalar(select(func.count()).select_from(sources)),
            *conn.execute(select(func.count(), func.max(runs.c.finished_at))).one(),
        )


def memo(engine: Engine, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``'s result, reused while the store is unchanged; one entry per ``key``
    (a page and its filters), so memory stays bounded by the pages asked for."""
    state = fingerprint(engine)
    slot = (id(engine), key)
    with _lock:
        cached = _cache.get(slot)
        if cached is not None and cached[0] == state:
            return cast(T, cached[1])
    value = compute()
    with _lock:
        if len(_cache) > MAX_ENTRIES:
            _cache.clear()
        _cache[slot] = (state, value)
    return value


def memoised(function: Callable[Concatenate[Engine, P], T]) -> Callable[Concatenate[Engine, P], T]:
    """Decorate a page-data function of ``(engine, *args, **kwargs)`` so that its answer is
    reused while the store is unchanged. Arguments must be hashable (names, filters, flags).
    Callers must not change the answer they get: it is shared."""

    @functools.wraps(function)
    def wrapper(engine: Engine, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (function.__qualname__, args, tuple(sorted(kwargs.items())))
        return memo(engine, key, lambda: function(engine, *args, **kwargs))

    return cast(Callable[Concatenate[Engine, P], T], wrapper)


def corpus(engine: Engine) -> Corpus:
    """The store loaded as a Corpus, reused while the store is unchanged."""
    return memo(engine, "corpus", lambda: Corpus(engine))
