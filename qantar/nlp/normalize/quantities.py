"""Stated quantities: a number or range with its hedge, scale and currency, in one regex pass.

Why not a number library: the numbers that matter here come hedged and scaled ("more than
4,500", "nearly 10,000", "$2-3bn" = [2e9, 3e9], "up to $46mn", "более 4,5 тысячи") and no
library keeps the hedge or reads a range with a shared scale (shared/notes/nlp-dependencies.md,
section 4). Number words come from :mod:`qantar.nlp.normalize.numbers`, scales from its table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qantar.nlp.normalize.numbers import NUMBER_WORD_PATTERN, number_tables, parse_number

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\u00a0| )\d{3}(?!\d)|\d+(?:[.,]\d+)?"
_HEDGES = (
    "a little more than|a little over|more than|over|nearly|almost|at least|up to|some|about|"
    "around|approximately|roughly|fewer than|less than|under|close to|as many as|exactly|"
    "более чем|более|свыше|около|почти|не менее|не более|до|порядка|примерно|больше|меньше"
)
_NONE_BEFORE = re.compile(r"(?<!\w)(?:ни|not|no)\s+$", re.IGNORECASE)
_CURRENCY_BEFORE = r"\$|US\$|USD\s?|€|₸"
_CURRENCY_AFTER = (
    r"(?:US\s+|U\.S\.\s+)?dollars|долларов\s+США|долларов|доллара|tenge|тенге|euros?|евро"
)


@dataclass(frozen=True)
class Quantity:
    """A number stated in text, with what qualifies it."""

    start: int
    end: int
    text: str
    value: float | tuple[float, float]
    qualifier: str | None  # "more than", "up to", ...
    currency: str | None  # "USD", "KZT", "EUR"
    number_start: int  # where the digits or number words begin (after a hedge or "$")


@cache
def _pattern() -> re.Pattern[str]:
    scales = "|".join(re.escape(s) for s in sorted(number_tables().scale, key=len, reverse=True))
    number = rf"(?:{_DIGITS}|{NUMBER_WORD_PATTERN})"
    return re.compile(
        rf"(?<![\w.,$])(?:(?P<hedge>{_HEDGES})\s+)?(?P<cur>{_CURRENCY_BEFORE})?"
        rf"(?:(?P<between>between|from|от|между)\s+)?"
        rf"(?P<low>{number})(?:(?:\s*[-–]\s*|\s+(?:to|and|до|и)\s+)(?P<high>{number}))?"
        rf"(?:\s*(?P<scale>{scales}))?(?![\w]|[.,]\d)(?:\s+(?P<cur_after>{_CURRENCY_AFTER}))?",
        re.IGNORECASE,
    )


def _currency(before: str | None, after: str | None) -> str | None:
    mark = (before or after or "").strip().lower()
    if not mark:
        return None
    if mark in ("$", "us$", "usd") or "dollar" in mark or "доллар" in mark:
        return "USD"
    if mark in ("₸", "tenge", "тенге"):
        return "KZT"
    return "EUR"


def _number(text: str, language: str) -> float | None:
    return parse_number(text, "ru" if re.search(r"\d,\d{1,2}$", text) else language)


def find_quantities(
    text: str, language: str = "en", start: int = 0, end: int | None = None
) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, in order."""
    found = []
    for m in _pattern().finditer(text, start, len(text) if end is None else end):
        if m.group("high") and re.search(r"\s(?:and|и)\s", m.group(0)) and not m.group("between"):
            continue  # "45 cases ... and 15": two numbers, not a range
        low = _number(m.group("low"), language)
        high = _number(m.group("high"), language) if m.group("high") else None
        if low is None or (m.group("high") and high is None):
            continue
        if _NONE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "ни один из 40 свидетелей": not one, none
        scale = number_tables().scale.get(m.group("scale").lower(), 1) if m.group("scale") else 1
        value: float | tuple[float, float] = low * scale
        if high is not None:
            if high <= low:
                continue  # "5-2" is a score or a list, not a range
            value = (low * scale, high * scale)
        number_start = m.start("cur") if m.group("cur") else m.start("low")
        found.append(
            Quantity(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                value=value,
                qualifier=m.group("hedge").lower() if m.group("hedge") else None,
                currency=_currency(m.group("cur"), m.group("cur_after")),
                number_start=number_start,
            )
        )
    return _hedged_scales(text, start, len(text) if end is None else end, found)


#: A hedged scale word standing for its own value: "более тысячи участников", "nearly a
#: thousand". Without a hedge, "тысячи людей" means thousands, not a count, and is left alone.
_HEDGED_SCALE = re.compile(
    rf"(?<!\w)(?P<hedge>{_HEDGES})\s+(?:a\s+)?(?P<scale>тысяч[аиу]|thousand)(?!\w)", re.IGNORECASE
)


def _hedged_scales(text: str, start: int, end: int, found: list[Quantity]) -> list[Quantity]:
    extra = []
    for m in _HEDGED_SCALE.finditer(text, start, end):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        extra.append(
            Quantity(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                value=1000.0,
                qualifier=m.group("hedge").lower(),
                currency=None,
                number_start=m.start("scale"),
            )
        )
    return sorted(found + extra, key=lambda q: q.start)


#: Russian "с X до Y" after a price or count changes ("подорожал с 60 до 120 тенге") is a
#: before and an after, two values; a range is written "от X до Y".
_CHANGE_FROM = re.compile(r"(?<!\w)(?:с|со)\s+$", re.IGNORECASE)


def split_change(text: str, q: Quantity) -> list[Quantity]:
    """``q`` as its before and after values when it is a Russian "с X до Y" change, else [q]."""
    if not isinstance(q.value, tuple) or not _CHANGE_FROM.search(
        text, max(0, q.start - 4), q.start
    ):
        return [q]
    link = re.search(r"\s+до\s+", q.text)
    if link is None:
        return [q]
    low, high = q.value
    first = Quantity(
        q.start,
        q.start + link.start(),
        q.text[: link.start()],
        low,
        q.qualifier,
        q.currency,
        q.number_start,
    )
    second_start = q.start + link.end()
    second = Quantity(
        second_start, q.end, q.text[link.end() :], high, None, q.currency, second_start
    )
    return [first, second]
