"""Check publication dates and say how precise they are.

Dates reach the ingest stage from three places (a manifest cell, a page's metadata and the
``--published`` option) and all of them end up in :attr:`Document.published`, which later
stages use to resolve "on July 11" into a full date. One check here keeps a typo such as
``2022-13-01`` from turning into a wrong year far downstream.

A fourth place is the article's URL, read when none of the others gives a date: news sites
file pages under ``/2022/01/13/`` or ``/news/2022-01-10/`` (a day) and ``/2023/04/`` (a month).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

PRECISIONS = frozenset({"day", "month", "year", "approximate"})
"""The values a manifest's ``published_precision`` column may hold."""

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_PRECISION_BY_PARTS = {1: "year", 2: "month", 3: "day"}


def date_precision(value: str) -> str | None:
    """``"year"``, ``"month"`` or ``"day"`` for a real ``YYYY``/``YYYY-MM``/``YYYY-MM-DD``
    date; ``None`` for anything else (other formats, or impossible dates like ``2022-02-30``).
    """
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    parts = 1 + (month is not None) + (day is not None)
    return _PRECISION_BY_PARTS[parts]


#: The earliest date a URL may give: older "dates" in paths are ids or report numbers.
_URL_EARLIEST = datetime(1995, 1, 1)
#: A year and a month as whole path segments: ``/2023/04/``, ``/2023-08/``, ``/2022/1``; not
#: when a day follows that htmldate refused (``/2022/02/30/``: the path is not a date at all).
_URL_MONTH = re.compile(r"(?:^|/)((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])(?=/|$)(?!/\d\d?(?:/|$))")


def url_date(url: str | None, today: date | None = None) -> tuple[str, str] | None:
    """``(date, precision)`` that a URL's path states, or ``None``.

    A full date anywhere in the path (``/2022/01/13/``, ``/news/2022-01-10/``) is read by
    htmldate's URL rule, at day precision; a year and a month standing as path segments of
    their own (``/2023/04/slug``) give the month. Nothing is fetched, and dates before 1995 or
    after ``today`` (numbers that only look like dates) are refused.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = parts.path
    latest = datetime.combine(today or date.today(), datetime.max.time())
    options = Extractor(
        extensive=False, max=latest, min=_URL_EARLIEST, original=True, format="%Y-%m-%d"
    )
    found = extract_url_date(path, options)
    if found is not None and date_precision(found) == "day":
        return found, "day"
    match = _URL_MONTH.search(path)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not _URL_EARLIEST.date() <= date(year, month, 1) <= latest.date():
        return None
    return f"{year:04d}-{month:02d}", "month"
