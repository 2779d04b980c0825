"""Take the article out of a saved web page: body text, title and publication date.

News pages are mostly furniture (menus, sidebars, footers full of links) and the extractors
downstream would read every place name in a region menu as a mention. trafilatura keeps only
the article body; htmldate finds when it was published from meta tags, ``<time>`` elements
and the byline. Authors are not taken from the page: trafilatura's author field is unreliable
(it glues dates onto names), so authors come only from a manifest.

Nothing here may reach the network. htmldate downloads its input when given a string that
looks like a URL, so both libraries get an already parsed tree, never the raw string.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from typing import Any

import htmldate
import trafilatura
from trafilatura.utils import load_html

from qantar.ingest.dates import date_precision
from qantar.ingest.files import ReadProblem, normalise_text

NO_ARTICLE = "HTML page has no article text"


@dataclass(frozen=True)
class Article:
    """What one page yields: the body text, and title and date when the page states them."""

    text: str
    title: str | None
    published: str | None
    """``YYYY-MM-DD`` (day precision) or ``None``."""


def _parse(html: str) -> Any:
    """An lxml tree of the page; trafilatura's loader repairs common breakage and never fetches."""
    try:
        return load_html(html)
    except ValueError:  # e.g. lxml refusing the input outright
        return None


def _clean(value: object) -> str | None:
    """A stripped, single-line string, or ``None`` for missing or blank values."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _title(tree: Any) -> str | None:
    """The page's headline from its metadata (og:title, JSON-LD, ``<h1>``), else ``<title>``."""
    metadata = trafilatura.extract_metadata(deepcopy(tree), extensive=False)
    title = _clean(getattr(metadata, "title", None))
    return title or _clean(tree.findtext(".//title"))


def _published(tree: Any) -> str | None:
    """The original publication date (not the last update), checked before it is trusted."""
    found = htmldate.find_date(
        deepcopy(tree), extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
    )
    if isinstance(found, str) and date_precision(found) == "day":
        return found
    return None


def _only_links(text: str, tree: Any) -> bool:
    """Whether the extracted text is nothing but the text of the page's links.

    On a page that is all menus (a section front, an error page) trafilatura falls back to
    returning the menu entries; that is navigation, not an article.
    """
    links = {_clean(anchor.text_content()) for anchor in tree.iter("a")}
    rest = " ".join(text.split())
    for link in sorted((link for link in links if link), key=len, reverse=True):
        rest = rest.replace(link, " ")
    return not any(char.isalpha() for char in rest)


def extract_article(html: str) -> Article:
    """The article in ``html``; raises :class:`ReadProblem` when the page has none."""
    tree = _parse(html)
    if tree is None:
        raise ReadProblem(NO_ARTICLE)
    body = trafilatura.extract(
        deepcopy(tree),
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=False,
    )
    text = normalise_text(body) if isinstance(body, str) else ""
    if not text.strip() or _only_links(text, tree):
        raise ReadProblem(NO_ARTICLE)
    return Article(text=text, title=_title(tree), published=_published(tree))
