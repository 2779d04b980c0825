"""Check publication dates and say how precise they are.

Dates reach the ingest stage from three places (a manifest cell, a page's metadata and the
``--published`` option) and all of them end up in :attr:`Document.published`, which later
stages use to resolve "on July 11" into a full date. One check here keeps a typo such as
``2022-13-01`` from turning into a wrong year far downstream.
"""

from __future__ import annotations

import re
from datetime import date

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
