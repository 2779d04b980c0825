"""The times facts refer to: as_of days, publication days, scopes and gaps."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from qantar.analyze.periods import (
    EARLIEST,
    LATEST,
    apart,
    case_period,
    gap_days,
    interval,
    refers_to,
    same_event_window,
    scope_period,
    show_date,
)
from qantar.dates import Interval

D = date


@pytest.mark.parametrize(
    ("as_of", "published", "expected"),
    [
        ("2022-01-10", "2022-08-01", (D(2022, 1, 10), D(2022, 1, 10))),
        ("2022-01", "2022-08-01", (D(2022, 1, 1), D(2022, 1, 31))),
        ("2022-01-10", None, (D(2022, 1, 10), D(2022, 1, 10))),
        (
            {"start": "2022-01-05", "end": "2022-01-10"},
            None,
            (D(2022, 1, 5), D(2022, 1, 10)),
        ),
        (None, "2022-01-06", (EARLIEST, D(2022, 1, 6))),
        (None, "2022-02", (EARLIEST, D(2022, 2, 28))),
        ("not a date", "2022-01-06", (EARLIEST, D(2022, 1, 6))),
        (None, None, (EARLIEST, LATEST)),
        (None, "sometime", (EARLIEST, LATEST)),
    ],
)
def test_refers_to(as_of: Any, published: Any, expected: Interval) -> None:
    """as_of when given; else anything up to the publication day; else all of time."""
    assert refers_to(as_of, published) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((D(2022, 1, 1), D(2022, 1, 1)), (D(2022, 1, 1), D(2022, 1, 1)), False),
        ((D(2022, 1, 1), D(2022, 1, 1)), (D(2022, 1, 2), D(2022, 1, 2)), True),
        ((D(2022, 1, 1), D(2022, 1, 31)), (D(2022, 1, 15), D(2022, 1, 15)), False),
        ((D(2022, 1, 1), D(2022, 1, 31)), (D(2022, 1, 31), D(2022, 2, 5)), False),
        ((EARLIEST, D(2022, 1, 6)), (D(2022, 8, 20), D(2022, 8, 20)), True),
        ((EARLIEST, LATEST), (D(2022, 8, 20), D(2022, 8, 20)), False),
    ],
)
def test_apart(a: Interval, b: Interval, expected: bool) -> None:
    """Intervals are apart only when they share no day, in either order."""
    assert apart(a, b) is expected
    assert apart(b, a) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((D(2022, 1, 6), D(2022, 1, 6)), (D(2022, 1, 6), D(2022, 1, 6)), 0),
        ((D(2022, 1, 6), D(2022, 1, 6)), (D(2022, 1, 7), D(2022, 1, 7)), 1),
        ((D(2022, 1, 1), D(2022, 1, 6)), (D(2022, 1, 13), D(2022, 1, 20)), 7),
        ((D(2022, 1, 1), D(2022, 1, 31)), (D(2022, 1, 20), D(2022, 3, 1)), 0),
        ((D(2022, 1, 6), D(2022, 1, 6)), (D(2022, 2, 5), D(2022, 2, 5)), 30),
    ],
)
def test_gap_days(a: Interval, b: Interval, expected: int) -> None:
    """Days from the end of the earlier interval to the start of the later one."""
    assert gap_days(a, b) == expected
    assert gap_days(b, a) == expected


def test_case_settings_come_from_the_codebook() -> None:
    """codebook.yml: the case runs 2022-01-02..2022-01-11; one happening within 7 days."""
    assert case_period() == (D(2022, 1, 2), D(2022, 1, 11))
    assert same_event_window() == timedelta(days=7)


@pytest.mark.parametrize(
    "period",
    [
        "2022-01",
        "2022",
        {"start": "2022-01-02", "end": "2022-01-11"},
        {"start": "2021-12", "end": "2022-02"},
        None,
        "January",
    ],
)
def test_scope_covering_the_whole_case_is_no_scope(period: Any) -> None:
    """A month or year that holds the whole case (or no readable period) narrows nothing."""
    assert scope_period(period) is None


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("2022-01-05", (D(2022, 1, 5), D(2022, 1, 5))),
        ("2022-07", (D(2022, 7, 1), D(2022, 7, 31))),
        ("2023", (D(2023, 1, 1), D(2023, 12, 31))),
        ({"start": "2022-01-03", "end": "2022-01-11"}, (D(2022, 1, 3), D(2022, 1, 11))),
        ({"start": "2022-01-02", "end": "2022-01-10"}, (D(2022, 1, 2), D(2022, 1, 10))),
    ],
)
def test_shorter_scope_is_an_interval(period: Any, expected: Interval) -> None:
    """A period short of the whole case, or outside it, is kept as its interval."""
    assert scope_period(period) == expected


@pytest.mark.parametrize("value", ["2022-13", "2022-02-30", "soon", 20220106, ""])
def test_malformed_dates_have_no_interval(value: Any) -> None:
    """interval() turns the store's ValueError into None."""
    assert interval(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-01-06", "2022-01-06"),
        ("2022-01", "2022-01"),
        ({"start": "2022-01-05", "end": "2022-01-10"}, "2022-01-05..2022-01-10"),
        (None, "undated"),
        ("", "undated"),
    ],
)
def test_show_date(value: Any, expected: str) -> None:
    """Dates keep their precision; a span is start..end; nothing is "undated"."""
    assert show_date(value) == expected
