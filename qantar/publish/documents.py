"""A document as a page: its text with every extracted fact marked, and the facts beside it.

Facts overlap (a verdict spans a sentence, the defendant's name inside it is a person fact),
and HTML marks cannot cross, so the text is cut at every fact boundary into segments; each
segment lists the facts that cover it and links to the narrowest one. Entity facts are marked
where their names occur (their mentions), other facts over their evidence span.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from qantar.exceptions import NotFoundError
from qantar.publish.lines import summary
from qantar.publish.state import memoised
from qantar.store.queries import document_catalog, document_facts, get_document
from qantar.store.resolution import RESOLVED_KINDS, memberships


@memoised
def document_list(engine: Engine) -> list[dict[str, Any]]:
    """Every document with its outlet, date and URL, newest first (undated last)."""
    catalog = document_catalog(engine)
    rows = [
        {
            "id": doc["id"],
            "name": doc["name"],
            "title": doc["title"],
            "language": doc["language"],
            "published": doc["published"],
            "outlet": (doc["outlets"] or [None])[0],
            "url": (doc["urls"] or [None])[0],
        }
        for doc in catalog.values()
    ]
    dated = sorted((r for r in rows if r["published"]), key=lambda r: r["published"], reverse=True)
    return dated + [r for r in rows if not r["published"]]


@memoised
def document_page(engine: Engine, ref: str, include_rejected: bool = False) -> dict[str, Any]:
    """The document (id or file name), its facts with summaries and entity ids, and its text
    as paragraphs of segments: ``{"text", "facts": [ids], "kinds": [kinds], "link": id}``.

    Raises:
        NotFoundError: no document has this id or name.
    """
    doc = get_document(engine, ref)
    if doc is None:
        raise NotFoundError(f"no document {ref!r}; the documents page lists them")
    facts = document_facts(engine, doc["id"], include_rejected=include_rejected)
    members = memberships(engine)
    for fact in facts:
        fact["summary"] = summary(fact["kind"], fact["record"])
        member = members.get(fact["id"]) if fact["kind"] in RESOLVED_KINDS else None
        fact["entity_id"] = member["entity_id"] if member else None
    text = doc.pop("text")
    return {
        "document": doc,
        "facts": facts,
        "kinds": sorted({fact["kind"] for fact in facts}),
        "paragraphs": paragraphs(text, facts, doc.get("pages") or []),
    }


def marks(facts: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Where each fact is marked: its mentions for entities, else its evidence span."""
    found = []
    for fact in facts:
        if fact["kind"] in RESOLVED_KINDS and fact["mentions"]:
            found += [(m["start"], m["end"], fact) for m in fact["mentions"]]
        else:
            found.append((fact["span_start"], fact["span_end"], fact))
    return [(start, end, fact) for start, end, fact in found if end > start]


def paragraphs(
    text: str, facts: list[dict[str, Any]], pages: list[list[Any]] | None = None
) -> list[list[dict[str, Any]]]:
    """``text`` split at blank lines (or single newlines) into paragraphs of segments.

    ``pages`` (``[[offset, label], ...]`` of a PDF) cut the text too: the segment that opens a
    page carries its ``page`` label, so a reader can check a citation against the printed page.
    """
    spans = marks(facts)
    page_starts = {int(start): str(label) for start, label in pages or []}
    cuts = {0, len(text), *(start for start in page_starts if start < len(text))}
    for start, end, _fact in spans:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    for index, char in enumerate(text):
        if char == "\n":
            cuts.update((index, index + 1))
    points = sorted(cuts)
    result: list[list[dict[str, Any]]] = [[]]
    for start, end in zip(points, points[1:], strict=False):
        piece = text[start:end]
        if piece == "\n" and start not in page_starts:
            if result[-1]:
                result.append([])
            continue
        # The narrowest mark first: a name inside a verdict's sentence links to the name.
        around = sorted((e - s, f["id"], f) for s, e, f in spans if s <= start and end <= e)
        covering = [f for _width, _id, f in around]
        result[-1].append(
            {
                "text": piece,
                "facts": [f["id"] for f in covering],
                "kinds": sorted({f["kind"] for f in covering}),
                "link": covering[0]["id"] if covering else None,
                "page": page_starts.get(start),
            }
        )
    return [paragraph for paragraph in result if paragraph]
