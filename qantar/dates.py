"""Dates as intervals: articles give dates at day, month or year precision.

"2023-04" is all of April 2023, so it overlaps "2023-04-10"; comparing dates means comparing
the first and last day each one covers. Records (:mod:`qantar.store.records`), the analyses
(:mod:`qantar.analyze`), the pages (:mod:`qantar.publish`) and the command line all read dates
this way, so the type lives at the base of the package, beside :mod:`qantar.model`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

DATE_EXAMPLE = "a date such as 2022-01-05, 2022-01 or 2022"
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")

Interval = tuple[date, date]


def date_interval(value: Any, what: str = "the date") -> Interval | None:
    """The first and last day a date covers: ``"2023-04"`` is 2023-04-01..2023-04-30.

    ``value`` is an ISO date at day, month or year precision, a ``{"start", "end"}`` span of
    those (start's first day to end's last day), or ``None`` (no date, so no interval).

    Raises:
        ValueError: ``value`` is not one of those; the message names ``what`` it was.
    """
    if value is None:
        return None
    if isinstance(value, dict):
        start = date_interval(value.get("start"), what)
        end = date_interval(value.get("end"), what)
        if start is not None and end is not None and start[0] <= end[1]:
            return start[0], end[1]
    elif isinstance(value, str) and (match := _ISO.fullmatch(value.strip())):
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        try:
            if month is None:
                return date(year, 1, 1), date(year, 12, 31)
            if day is None:
                return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            return date(year, month, day), date(year, month, day)
        except ValueError:
            pass  # 2023-13 or 2023-02-30: reported below like any other malformed date
    raise ValueError(f"{what} must be {DATE_EXAMPLE}, not {value!r}")


def lenient_interval(value: Any) -> Interval | None:
    """A record's date as an interval; a malformed or missing one counts as undated, not as
    an error (records are extracted data, not user input)."""
    try:
        return date_interval(value)
    except ValueError:
        return None


def show_date(value: Any, missing: str = "undated") -> str:
    """A record date as text: ``2022-01-06``, ``2022-01``, ``2022-01-05..2022-01-10``, else
    ``missing``."""
    if isinstance(value, dict):
        return f"{value.get('start')}..{value.get('end')}"
    return str(value) if value else missing
