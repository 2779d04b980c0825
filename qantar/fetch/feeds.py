"""Recognise RSS and Atom feeds and turn them into the article links they list.

A feed is recognised by its Content-Type or, since many servers send feeds as ``text/xml``
or even ``text/html``, by the name of its root element (``rss``, ``feed``, ``rdf:RDF``),
read after any XML declaration, comments and doctype. feedparser reads every RSS and Atom
dialect. It is given the bytes as a stream: given a string, it would fetch it as a URL or
open it as a file, out of reach of the politeness rules here.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser

from qantar.fetch.urls import BadUrl, normalise_url

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
)
_ROOT = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?\s*
    (?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*
    <(?:[A-Za-z_][\w.-]*:)?(rss|feed|rdf)[\s/>]""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)
_SNIFF = 4096
_PARSER_PLACE = re.compile(r"^<unknown>:\d+:\d+:")
"""The XML parser's "<unknown>:LINE:COLUMN:" prefix: a position in feedparser's input, not
in the feed as served, so it would only mislead."""


class FeedProblem(Exception):
    """A feed that cannot be read; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: its article link, and the title and date the feed gives it."""

    url: str
    title: str | None
    published: str | None
    """``YYYY-MM-DD`` or ``None``."""


def is_feed(media_type: str, content: bytes) -> bool:
    """Whether a response is an RSS or Atom feed (by Content-Type, else by its root element)."""
    return media_type in FEED_TYPES or _ROOT.match(content[:_SNIFF]) is not None


def _day(value: object) -> str | None:
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def feed_items(content: bytes, url: str, media_type: str = "") -> list[FeedItem]:
    """The items of the feed at ``url`` that link to an http(s) page, each link once, in feed
    order. Relative links are resolved against ``url``; items without a link are left out.

    Raises :class:`FeedProblem` when nothing can be read from it.
    """
    headers = {"content-location": url}
    if media_type:
        headers["content-type"] = media_type
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    if parsed.get("bozo") and not parsed.entries:
        detail = _PARSER_PLACE.sub("", str(parsed.get("bozo_exception") or "")).strip()
        raise FeedProblem(f"feed cannot be read ({detail})" if detail else "feed cannot be read")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link")
        try:
            link_url = normalise_url(urljoin(url, link)) if isinstance(link, str) else None
        except BadUrl:
            link_url = None
        if link_url is None or link_url in seen:
            continue
        seen.add(link_url)
        published = _day(entry.get("published_parsed")) or _day(entry.get("updated_parsed"))
        items.append(FeedItem(link_url, _text(entry.get("title")), published))
    return items
