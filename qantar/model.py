"""The data qantar passes between stages: documents, mentions and facts with provenance.

A *fact* is one record of the shared/gold/SCHEMA.md kinds (a person, an organization, a place,
a quote, later verdicts, figures and events) found in one document. Its id is a hash of the
document id, the kind and a ``key`` that says what makes it *this* fact (for a person, the
folded name), so re-extracting the same text gives the same ids: a re-run updates rows instead
of adding new ones, and a reviewer's decision keyed by fact id survives it.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Any


def stable_hash(*parts: str, length: int = 16) -> str:
    """A short, deterministic hex digest of ``parts`` (joined with a separator no text holds)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def make_document_id(text: str) -> str:
    """Documents are identified by their text: the same article from two sources is one document."""
    return "doc-" + stable_hash(text)


def make_fact_id(doc_id: str, kind: str, key: str) -> str:
    """Deterministic fact id: document, kind and key, never the extractor's version or a time."""
    return f"{kind[:3]}-" + stable_hash(doc_id, kind, key, length=20)


@dataclass(frozen=True)
class Source:
    """One place a document was found: a file on disk, a URL, a row of a manifest."""

    path: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: str | None = None


@dataclass(frozen=True)
class Page:
    """Where one page of a paginated source (a PDF report) begins in the document's text.

    ``label`` is the page's printed number when the file defines one (a report whose cover and
    contents are numbered i-iv starts its "page 1" on the fifth sheet), else its position from 1,
    because a reader checks a citation against the number printed on the page."""

    start: int
    label: str


@dataclass
class Document:
    """An article's text with what is known about it."""

    id: str
    """``make_document_id(text)``."""
    name: str
    """File name (or URL tail); the ``doc`` key of the extract output."""
    text: str
    """Plain text; every character span in a fact points into it."""
    language: str
    """``en`` or ``ru``."""
    format: str = "text"
    """``text``, ``html``, ``pdf`` or ``jsonl``: what the text was taken from."""
    title: str | None = None
    published: str | None = None
    """ISO date at its precision (``2023-07-13``, ``2023-07`` or ``2023``)."""
    published_precision: str | None = None
    """As in the manifest: ``day``, ``month``, ``year`` or ``approximate``."""
    sources: list[Source] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    """Page starts in text order; empty for sources without pages."""

    def page_at(self, offset: int) -> str | None:
        """The label of the page holding character ``offset``, or ``None`` without pages."""
        index = bisect.bisect_right(self.pages, offset, key=lambda page: page.start)
        return self.pages[index - 1].label if index else None


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read and by what: enough to show the reader the exact sentence."""

    doc_id: str
    start: int
    end: int
    sentence: str
    extractor: str
    """Name and version of the component, e.g. ``people.v1``."""
    page: str | None = None
    """The page label the span starts on, for paginated sources (``"12"`` cites page 12)."""


@dataclass(frozen=True)
class Mention:
    """One occurrence of a fact's subject in the text (a name, an acronym, a surname)."""

    start: int
    end: int
    text: str


@dataclass
class Fact:
    """One extracted record in the SCHEMA.md shape, with its provenance."""

    kind: str
    """``person``, ``organization``, ``place``, ``quote``, ``verdict``, ``figure`` or ``event``."""
    key: str
    """What makes this fact unique within its document; hashed into :attr:`id`."""
    record: dict[str, Any]
    """The SCHEMA.md record (``{"name": ..., "variants": [...], "roles": [...]}`` for a person)."""
    provenance: Provenance
    mentions: list[Mention] = field(default_factory=list)

    @property
    def id(self) -> str:
        return make_fact_id(self.provenance.doc_id, self.kind, self.key)
