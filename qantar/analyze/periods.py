"""When a fact holds: the time a figure refers to, a ruling's day, an event's date.

Articles give dates at day, month or year precision, so every date is an interval (see
:func:`qantar.dates.date_interval`). A figure with no ``as_of`` still cannot refer to
a time after its article was published: its interval runs from the start of time to the
publication day. Two facts are *apart in time* only when their intervals do not meet.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from qantar.codebook import setting
from qantar.dates import Interval, show_date
from qantar.dates import lenient_interval as interval

__all__ = [
    "Interval",
    "apart",
    "case_period",
    "gap_days",
    "interval",
    "refers_to",
    "same_event_window",
    "scope_period",
    "show_date",
]

EARLIEST = date.min
LATEST = date.max


def refers_to(as_of: Any, published: Any) -> Interval:
    """The time a figure refers to: its ``as_of``, else anything up to its publication day."""
    stated = interval(as_of)
    if stated is not None:
        return stated
    issued = interval(published)
    return (EARLIEST, issued[1] if issued else LATEST)


def apart(a: Interval, b: Interval) -> bool:
    """Whether two intervals have no day in common."""
    return a[1] < b[0] or b[1] < a[0]


def gap_days(a: Interval, b: Interval) -> int:
    """Days between two intervals (0 when they meet)."""
    if not apart(a, b):
        return 0
    return (max(a[0], b[0]) - min(a[1], b[1])).days


@cache
def case_period() -> Interval:
    """The case's core days (``codebook.yml`` ``case.period``)."""
    period = setting("case")["period"]
    found = interval({"start": str(period["start"]), "end": str(period["end"])})
    assert found is not None, "codebook.yml case.period must be two ISO dates"
    return found


def same_event_window() -> timedelta:
    """How far apart two reports of one happening may date it (``case.same_event_days``)."""
    return timedelta(days=int(setting("case")["same_event_days"]))


def scope_period(value: Any) -> Interval | None:
    """A figure's ``scope.period`` as an interval; None when it covers the whole case."""
    found = interval(value)
    if found is None:
        return None
    core = case_period()
    return None if found[0] <= core[0] and core[1] <= found[1] else found
