"""Decide what a response is and what to keep of it: an article page, a PDF or plain text.

What is saved is chosen so that ``qantar build DIR/manifest.csv`` reads exactly the article:

* an HTML page is kept twice, the bytes as received (``.html``, the evidence of what the site
  served) and the article text trafilatura takes out of it (``.txt``, what the manifest lists);
  a page with no article (a menu, an error page, garbage) is a failure, not a file;
* a PDF is kept as received (``.pdf``); reading its text is the ingest stage's work;
* plain text is kept decoded as UTF-8 (``.txt``), so the charset the server declared in its
  headers, which a file cannot carry, is applied once here.

Anything else (images, archives, JSON) fails with its Content-Type.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, replace

from qantar.fetch.client import FetchFailure, Response
from qantar.fetch.feeds import FeedItem, is_feed
from qantar.ingest.files import (
    ReadProblem,
    declared_charset,
    decode_text,
    is_binary,
    looks_like_html,
    normalise_text,
)
from qantar.ingest.html import extract_article
from qantar.ingest.language import detect_language
from qantar.ingest.pdf import is_pdf

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})


@dataclass(frozen=True)
class Page:
    """What to save of one response: files by suffix, and what the manifest says about it."""

    kind: str
    """``html``, ``pdf`` or ``text``."""
    files: dict[str, bytes]
    """Suffix (``.html``, ``.txt``, ``.pdf``) to the bytes saved under it."""
    main: str
    """The suffix of the file the manifest lists (the one ``qantar build`` reads)."""
    title: str | None = None
    published: str | None = None
    """``YYYY-MM-DD`` (day precision) or ``None``."""
    language: str | None = None


def kind_of(response: Response) -> str:
    """``pdf``, ``feed``, ``html``, ``text`` or ``other``: the Content-Type first, then the
    bytes (servers often send a generic or wrong type)."""
    content, media = response.content, response.media_type
    if media == "application/pdf" or is_pdf(content):
        return "pdf"
    if is_feed(media, content):
        return "feed"
    if media in HTML_TYPES or looks_like_html(content):
        return "html"
    if media in TEXT_TYPES or (media in ("", "application/octet-stream") and content):
        return "text" if not is_binary(content) else "other"
    return "other"


def _charset(response: Response) -> str | None:
    """The charset the headers declare, else the page's ``<meta charset>``, if Python knows it."""
    if response.charset:
        try:
            return codecs.lookup(response.charset).name
        except LookupError:
            pass
    return declared_charset(response.content)


def _html(response: Response) -> Page:
    try:
        article = extract_article(decode_text(response.content, _charset(response)))
    except ReadProblem as problem:
        raise FetchFailure(problem.reason) from None
    text = article.text.encode("utf-8") + b"\n"
    return Page(
        kind="html",
        files={".html": response.content, ".txt": text},
        main=".txt",
        title=article.title,
        published=article.published,
        language=detect_language(article.text),
    )


def _text(response: Response) -> Page:
    try:
        text = normalise_text(decode_text(response.content, _charset(response)))
    except ReadProblem as problem:
        raise FetchFailure(problem.reason) from None
    if not text:
        raise FetchFailure("response has no text")
    return Page(
        kind="text",
        files={".txt": text.encode("utf-8") + b"\n"},
        main=".txt",
        language=detect_language(text),
    )


def read_page(response: Response, kind: str, item: FeedItem | None = None) -> Page:
    """The page to save for a response of ``kind`` (not ``feed``); the feed item that linked
    to it, if any, gives the title and date the page does not state.

    Raises :class:`FetchFailure` for a page with no article, undecodable text or an
    unsupported type.
    """
    if not response.content:
        raise FetchFailure("response is empty")
    if kind == "pdf":
        page = Page("pdf", {".pdf": response.content}, ".pdf")
    elif kind == "html":
        page = _html(response)
    elif kind == "text":
        page = _text(response)
    else:
        media = response.media_type or "no Content-Type"
        raise FetchFailure(f"not an article: {media} (qantar reads HTML, PDF and plain text)")
    if item is None:
        return page
    return replace(page, title=page.title or item.title, published=page.published or item.published)
