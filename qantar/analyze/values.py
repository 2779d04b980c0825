"""Numbers as the ranges they stand for, so that hedged figures compare fairly.

"At least 238" is every count from 238 up; "some 227" is 227; "about 2,000" is 1,500 to 2,500
(half its rounding); "2-3bn" is the range it states. Two figures *agree* when their ranges
meet. The hedges and their meaning live in ``codebook.yml`` (``value_qualifiers``).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from qantar.codebook import setting

Range = tuple[float, float]


@cache
def _hedges() -> dict[str, str]:
    meanings = {}
    for meaning, words in setting("value_qualifiers").items():
        for word in words:
            meanings[str(word).casefold()] = str(meaning)
    return meanings


def value_range(value: Any, qualifier: str | None = None) -> Range | None:
    """The range of counts a stated value covers, or None if it is not a number or range."""
    if isinstance(value, list) and len(value) == 2 and all(_is_number(v) for v in value):
        low, high = sorted(float(v) for v in value)
        return low, high
    if not _is_number(value):
        return None
    number = float(value)
    meaning = _hedges().get((qualifier or "").casefold())
    if meaning == "lower_bound":
        return number, math.inf
    if meaning == "upper_bound":
        return 0.0, number
    if meaning == "approximate":
        slack = _rounding(number) / 2
        return number - slack, number + slack
    return number, number


def agree(a: Range, b: Range) -> bool:
    """Whether two ranges have a count in common."""
    return a[0] <= b[1] and b[0] <= a[1]


def show_value(value: Any, qualifier: str | None = None) -> str:
    """A value as a reader writes it: ``at least 238``, ``2,000,000,000-3,000,000,000``."""
    text = "-".join(_number(v) for v in value) if isinstance(value, list) else _number(value)
    return f"{qualifier} {text}" if qualifier else text


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _rounding(number: float) -> float:
    """The unit a round number is rounded to: 2,000 -> 1,000; 227 -> 0 (not rounded)."""
    if not number.is_integer() or number == 0:
        return 0.0
    unit = 1
    whole = int(abs(number))
    while whole % (unit * 10) == 0:
        unit *= 10
    return float(unit) if unit > 1 else 0.0


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
