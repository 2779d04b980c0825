"""Turn one input file into a :class:`Document`, or into an :class:`InputError` saying why not.

Reading never raises for a bad file: a batch of hundreds of articles should not stop at the
one saved as a PDF. The caller gets the error as a value, reports it and carries on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qantar.exceptions import InputError
from qantar.ingest.dates import url_date
from qantar.ingest.files import (
    HTML_SUFFIXES,
    ReadProblem,
    declared_charset,
    decode_text,
    is_binary,
    looks_like_html,
    normalise_text,
    read_bytes,
)
from qantar.ingest.html import extract_article
from qantar.ingest.language import detect_language
from qantar.ingest.manifest import ManifestEntry
from qantar.ingest.pdf import is_pdf, read_pdf
from qantar.model import Document, Page, Source, make_document_id


@dataclass(frozen=True)
class Published:
    """A publication date with its precision (``day``, ``month``, ``year`` or ``approximate``)."""

    date: str
    precision: str


@dataclass(frozen=True)
class _Content:
    text: str
    format: str
    title: str | None = None
    published: Published | None = None
    pages: list[Page] = field(default_factory=list)


def _content(path: Path) -> _Content:
    data = read_bytes(path)
    if not data:
        raise ReadProblem("file is empty")
    if path.suffix.lower() == ".pdf" or is_pdf(data):
        if not is_pdf(data):
            raise ReadProblem("named .pdf but is not a PDF file")
        pdf = read_pdf(data)
        # A file's creation date is near its publication but not stated by the publisher.
        created = Published(pdf.created, "approximate") if pdf.created else None
        return _Content(pdf.text, "pdf", pdf.title, created, pdf.pages)
    if is_binary(data):
        raise ReadProblem("binary file (not text or HTML)")
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(data):
        article = extract_article(decode_text(data, declared_charset(data)))
        published = Published(article.published, "day") if article.published else None
        return _Content(article.text, "html", article.title, published)
    decoded = decode_text(data)
    if not decoded:  # nothing but a byte-order mark
        raise ReadProblem("file is empty")
    text = normalise_text(decoded)
    if not text:
        raise ReadProblem("file contains only whitespace")
    return _Content(text, "text")


def _published(
    entry: ManifestEntry | None, content: _Content, default: Published | None
) -> Published | None:
    """The manifest's date first (a person checked it), then the page's, then the one its URL
    states (``/2022/01/13/``: day; ``/2023/04/``: month), then ``--published``."""
    if entry is not None and entry.published is not None:
        return Published(entry.published, entry.published_precision or "approximate")
    if content.published is not None:
        return content.published
    from_url = url_date(entry.url) if entry is not None else None
    return Published(*from_url) if from_url is not None else default


def read_document(
    path: Path,
    display: str,
    entry: ManifestEntry | None = None,
    default_published: Published | None = None,
) -> Document | InputError:
    """Read ``path`` (named ``display`` in sources and errors) with its manifest row, if any."""
    try:
        content = _content(path)
        if entry is not None and entry.problem is not None:
            raise ReadProblem(entry.problem)
    except ReadProblem as problem:
        return InputError(display, problem.reason)
    published = _published(entry, content, default_published)
    source = entry.source(display) if entry is not None else Source(path=display)
    return Document(
        id=make_document_id(content.text),
        name=path.name,
        text=content.text,
        language=(entry.language if entry else None) or detect_language(content.text),
        format=content.format,
        title=(entry.title if entry else None) or content.title,
        published=published.date if published else None,
        published_precision=published.precision if published else None,
        sources=[source],
        pages=content.pages,
    )
