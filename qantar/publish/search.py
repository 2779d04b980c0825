"""Full-text search over the articles and over the facts drawn from them.

Articles are searched by the store's full-text index (SQLite FTS5 or PostgreSQL tsvector).
Facts are searched by their sentence and by their record's text, folded the way names are
(case, accents, Cyrillic and Latin: "Масимов" finds "Massimov"), and people by any spelling.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy.engine import Engine

from qantar.nlp.normalize.names import skeleton
from qantar.publish.lines import summary
from qantar.publish.state import memo, memoised
from qantar.resolve import list_entities
from qantar.store import dialect
from qantar.store.queries import list_facts, search

SEARCHED_KINDS = ("verdict", "figure", "event", "quote", "harm")
"""Fact kinds searched by content; person, organization and place are searched as entities."""


@memoised
def search_all(engine: Engine, query: str, limit: int = 50) -> dict[str, Any]:
    """Documents, people and facts that match ``query`` (at most ``limit`` of each).

    Raises:
        ValueError: an empty query.
    """
    query = query.strip()
    if not query:
        raise ValueError("type some words to search for")
    wanted = skeleton(query)
    documents = [
        {**hit, "parts": snippet_parts(hit["snippet"])} for hit in search(engine, query, limit)
    ]
    people = [
        p
        for p in list_entities(engine, "person")
        if any(wanted in skeleton(s) for s in p["spellings"])
    ][:limit]
    facts = [
        {**fact, "summary": summary(fact["kind"], fact["record"])}
        for folded, fact in _folded_facts(engine)
        if wanted and wanted in folded
    ]
    return {
        "query": query,
        "documents": documents,
        "people": people,
        "facts": facts[:limit],
        "facts_found": len(facts),
    }


def snippet_parts(snippet: str) -> list[dict[str, Any]]:
    """A search snippet as parts, ``{"text", "hit"}``, so a page can mark the matched words
    without trusting the snippet as HTML."""
    parts = []
    for match in _MARKED.finditer(snippet):
        plain, hit = match.group("plain"), match.group("hit")
        if plain:
            parts.append({"text": plain, "hit": False})
        if hit:
            parts.append({"text": hit, "hit": True})
    return parts


def _folded_facts(engine: Engine) -> list[tuple[str, dict[str, Any]]]:
    """Every searched fact with its folded text, folded once per state of the store."""

    def fold() -> list[tuple[str, dict[str, Any]]]:
        found = []
        for kind in SEARCHED_KINDS:
            for fact in list_facts(engine, kind):
                record = json.dumps(fact["record"], ensure_ascii=False)
                found.append((skeleton(f"{fact['sentence']} {record}"), fact))
        return found

    return memo(engine, "search-facts", fold)


_MARKED = re.compile(
    rf"(?P<plain>[^{re.escape(dialect.SNIPPET_START)}]*)"
    rf"(?:{re.escape(dialect.SNIPPET_START)}(?P<hit>[^{re.escape(dialect.SNIPPET_END)}]*)"
    rf"{re.escape(dialect.SNIPPET_END)})?"
)
