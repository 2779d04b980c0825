"""What a figure's count covers when its sentence narrows it: a place, a period.

``scope.place`` is a place other than the home country the sentence counts in ("in Taraz, 15
died"); ``scope.period`` a month, a year or a span other than the day of the count ("July has
seen 100 convictions", "in 2022"). Counts of different scopes are not compared with each other
(:mod:`qantar.analyze`), so July's convictions never contradict the total to date.
"""

from __future__ import annotations

import re
from typing import Any

from qantar.model import Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.normalize.quantities import Quantity

_PERIOD_BEFORE = re.compile(
    r"(?:^\s*|\b(?:in|during|throughout|for|over|в|во|за|на\s+протяжении)\s+(?:the\s+)?"
    r"(?:month\s+of\s+|year\s+of\s+|course\s+of\s+)?)$",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|в|во)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)
_SUB_COUNT = re.compile(r"\s*(?:of\s+(?:them|these|those|whom)|из\s+них)\b", re.IGNORECASE)
_SUB_COUNT_BEFORE = re.compile(
    r"\b(?:of\s+(?:them|whom)|including|из\s+них|в\s+том\s+числе)[\s,:—–-]*$", re.IGNORECASE
)


def period(context: DocumentContext, sentence: Span, as_of: str | None) -> Any:
    """The period a sentence narrows its figures to: a month, a year or a span other than the
    date of the count ("July has seen 100 convictions"), else None."""
    text = context.text
    for d in context.dates:
        if not (sentence.start <= d.start < sentence.end and d.value) or d.value == as_of:
            continue
        if (d.precision != "day" or d.end_value) and _PERIOD_BEFORE.search(
            text[sentence.start : d.start]
        ):
            return {"start": d.value, "end": d.end_value} if d.end_value else d.value
    return None


def place(context: DocumentContext, sentence: Span, q: Quantity, others: list[Quantity]) -> Any:
    """The place a sentence narrows figure ``q`` to (not the home country), else None.

    A place counts only with no sub-count between it and ``q``: in "230 died across the
    country, 139 of them in Almaty", Almaty is where the 139 died, not the 230 (but in "ten
    shot dead in four incidents in Almaty" it is where the ten died).
    """
    text = context.text
    home = context.lexicon.home_country
    for entity in context.entities:
        if entity.kind != "place" or not sentence.start <= entity.start < sentence.end:
            continue
        name = entity.canonical or entity.normal or entity.text
        low, high = sorted((q.start, entity.start))
        between = any(
            o is not q
            and low <= o.start < high
            and (
                _SUB_COUNT.match(text, o.end)
                or _SUB_COUNT_BEFORE.search(text, max(sentence.start, o.start - 20), o.start)
            )
            for o in others
        )
        if (
            name != home
            and not between
            and _PLACE_BEFORE.search(text, sentence.start, entity.start)
        ):
            return name
    return None
