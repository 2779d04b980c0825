"""Stated numbers as the ranges of counts they cover, and how they are shown."""

from __future__ import annotations

import math
from typing import Any

import pytest

from qantar.analyze.values import Range, agree, show_value, value_range

INF = math.inf


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (238, None, (238.0, 238.0)),
        (238, "", (238.0, 238.0)),
        (12.5, None, (12.5, 12.5)),
        (0, None, (0.0, 0.0)),
        (238, "exactly", (238.0, 238.0)),
        ([2, 3], None, (2.0, 3.0)),
        ([3, 2], None, (2.0, 3.0)),
        ([2_000_000_000, 3e9], None, (2e9, 3e9)),
        ([2, 3], "about", (2.0, 3.0)),
    ],
)
def test_exact_numbers_and_ranges(value: Any, qualifier: str | None, expected: Range) -> None:
    """A bare number is itself; a stated range is its bounds, in order."""
    assert value_range(value, qualifier) == expected


@pytest.mark.parametrize(
    "qualifier", ["at least", "more than", "over", "as many as", "более", "Более", "AT LEAST"]
)
def test_lower_bound_hedges(qualifier: str) -> None:
    """A lower bound ("at least 238") is every count from 238 up, in any letter case."""
    assert value_range(238, qualifier) == (238.0, INF)


@pytest.mark.parametrize("qualifier", ["nearly", "up to", "almost", "почти"])
def test_upper_bound_hedges(qualifier: str) -> None:
    """An upper bound ("nearly 10,000") is any count up to 10,000."""
    assert value_range(10_000, qualifier) == (0.0, 10_000.0)


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (2000, "about", (1500.0, 2500.0)),
        (2000, "около", (1500.0, 2500.0)),
        (10_000, "around", (5000.0, 15_000.0)),
        (230, "roughly", (225.0, 235.0)),
        (227, "some", (227.0, 227.0)),
        (2.5, "about", (2.5, 2.5)),
        (0, "approximately", (0.0, 0.0)),
    ],
)
def test_approximate_values_span_half_their_rounding(
    value: float, qualifier: str, expected: Range
) -> None:
    """A round number hedged spans half its rounding unit; an unround one is itself."""
    assert value_range(value, qualifier) == expected


@pytest.mark.parametrize(
    "value",
    [None, "238", "many", True, False, [True, 2], [1, 2, 3], [1], [1, "x"], {"value": 1}],
)
def test_non_numbers_have_no_range(value: Any) -> None:
    """Words, booleans and malformed lists are not counts."""
    assert value_range(value) is None
    assert value_range(value, "at least") is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((238.0, 238.0), (238.0, 238.0), True),
        ((238.0, INF), (238.0, 238.0), True),
        ((238.0, INF), (227.0, 227.0), False),
        ((1500.0, 2500.0), (2500.0, 2500.0), True),
        ((1500.0, 2500.0), (2501.0, 2501.0), False),
        ((0.0, 225.0), (225.0, INF), True),
        ((2.0, 3.0), (4.0, 5.0), False),
        ((2.0, 3.0), (1.0, 10.0), True),
    ],
)
def test_agree(a: Range, b: Range, expected: bool) -> None:
    """Ranges agree when they share a count, in either order."""
    assert agree(a, b) is expected
    assert agree(b, a) is expected


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (238, None, "238"),
        (238, "at least", "at least 238"),
        (2_000_000, None, "2,000,000"),
        (2.0, None, "2"),
        (2.5, None, "2.5"),
        ([2e9, 3e9], None, "2,000,000,000-3,000,000,000"),
        ([2, 3], "about", "about 2-3"),
        ("dozens", None, "dozens"),
        (None, None, "None"),
    ],
)
def test_show_value(value: Any, qualifier: str | None, expected: str) -> None:
    """Values are written with thousands separators and their hedge in front."""
    assert show_value(value, qualifier) == expected
