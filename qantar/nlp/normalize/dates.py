"""Date mentions in English and Russian text, resolved to ISO dates at their own precision.

Why not ``dateparser.search_dates``: over whole articles it returns junk such as "we", "may",
"now" and the opening quote of "“20,000" (shared/notes/nlp-dependencies.md, section 4). Mentions
are found here with one regular expression built from ``nlp/patterns/dates.yml``
(:mod:`qantar.nlp.normalize.date_rules`) and normalised with plain :mod:`datetime`.

Why not the publication date alone: a year-less "January 7" in an article published in July 2023
about the January 2022 unrest is 2022-01-07, while "July 11" in the same article is 2023-07-11.
So a year-less mention takes, in this order:

a. the year of the nearest mention of the same month that names its year ("January 2022",
   "January 5, 2022"), the nearest one before it, else the nearest one after;
b. the year that puts it on or before the publication date (needs a month or day precision
   publication date);
c. the year nearest to it in the text (no publication date, or only its year);
d. nothing: ``value`` is None. A date is never invented, nor a day made up for "last month".

Relative phrases count from the publication date ("yesterday", "last year", "on Monday") or
from the previous day-precision mention ("the following day", "that evening", "overnight",
"four days later"); where the anchor is unknown they stay in the list with ``value`` None.
Counted months and years ("18 months ago", "a year and a half later") are approximate in prose
and always stay None; "two months after his arrest" counts from an event and is not reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from qantar.nlp.normalize.date_rules import Reading, load_date_grammar, read

_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", re.DOTALL)


@dataclass(frozen=True)
class DateMention:
    """A date written in a text and the ISO date it stands for."""

    start: int  # character offsets into the text passed in
    end: int
    text: str
    value: str | None  # ISO at its precision: "2022-01-07", "2022-01", "2022"; None: unresolved
    end_value: str | None  # the end of a span ("January 5-6", "between 1991 and 2019"), else None
    precision: str  # "day", "month" or "year"
    relative: bool  # True for "the following day", "last year", "overnight", "yesterday", ...


@dataclass(frozen=True)
class _Published:
    day: date  # the first day of the month or year when less precise
    precision: str


def _published(value: str | None) -> _Published | None:
    """Parse ``published`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); ValueError if malformed."""
    if not value:
        return None
    match = _PUBLISHED.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"published must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = match.groups()
    parsed = date(int(year), int(month or 1), int(day or 1))
    return _Published(parsed, "day" if day else "month" if month else "year")


#: How far (characters, about two paragraphs) a "January 2022" lends its year to a bare
#: "January 7". Further away the article has usually moved on, and the publication date rules.
REACH = 1500
#: Days after publication that a year-less date may still lie in the publication year:
#: reports name deadlines and hearings that are days away ("until 19 January").
SOON = 31


def _days_ahead(published: date, month: int, day: int | None) -> int:
    try:
        return (date(published.year, month, day or 1) - published).days
    except ValueError:
        return SOON + 1


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text at the precision given, or None for a date that does not exist."""
    if year is None or not 1 <= year <= 9999:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _shift(start: date, days: int) -> str | None:
    """``start`` moved by ``days``, as ISO; None past the ends of the calendar."""
    try:
        return (start + timedelta(days=days)).isoformat()
    except OverflowError:
        return None


class _Context:
    """The years a document names, for giving year-less mentions a year (rules a to c)."""

    def __init__(self, readings: list[Reading], published: _Published | None) -> None:
        self.published = published
        self.by_month: dict[int, list[tuple[int, int]]] = {}
        self.years: list[tuple[int, int]] = []
        for r in readings:
            year = self.written_year(r)
            if year is None:
                continue
            if r.month is not None:
                self.by_month.setdefault(r.month, []).append((r.start, year))
            if r.year is not None:
                self.years.append((r.start, r.year))
            if r.end_year is not None:
                self.years.append((r.start, r.end_year))

    def written_year(self, r: Reading) -> int | None:
        """The year a mention names itself: digits, or "last year" with a publication date."""
        if r.year is not None:
            return r.year
        if r.year_offset is not None and self.published is not None:
            return self.published.day.year + r.year_offset
        return None

    def year_for(self, r: Reading) -> int | None:
        """A year for a month or day mention that may not name one (rules a to d)."""
        if r.year is not None or r.year_offset is not None or r.month is None:
            return self.written_year(r)
        same_month = [m for m in self.by_month.get(r.month, []) if abs(m[0] - r.start) <= REACH]
        if same_month:
            i = bisect_left(same_month, (r.start, -1))
            return same_month[i - 1][1] if i > 0 else same_month[i][1]
        pub = self.published
        if pub is not None and pub.precision != "year":
            later = (r.month, r.day or 1) > (pub.day.month, pub.day.day)
            if pub.precision == "month":
                later = r.month > pub.day.month
            elif later and _days_ahead(pub.day, r.month, r.day) <= SOON:
                later = False  # "in effect until 19 January", written on 14 January
            return pub.day.year - 1 if later else pub.day.year
        limit = pub.day.year if pub is not None else 9999
        years = [(abs(pos - r.start), pos > r.start, y) for pos, y in self.years if y <= limit]
        return min(years)[2] if years else None


def _relative(r: Reading, ctx: _Context, previous: str | None) -> str | None:
    """The value of a relative mention, from the publication date or the previous day mention."""
    if r.offset is None and r.weekday is None:
        return None
    pub = ctx.published
    if r.anchor == "previous":
        return _shift(date.fromisoformat(previous), r.offset or 0) if previous else None
    if pub is None:
        return None
    if r.unit == "year":
        return _iso(pub.day.year + (r.offset or 0))
    if r.unit == "month" and pub.precision != "year":
        months = pub.day.year * 12 + pub.day.month - 1 + (r.offset or 0)
        return _iso(months // 12, months % 12 + 1)
    if pub.precision != "day" or r.unit == "month":
        return None
    if r.weekday is not None:
        back = (pub.day.weekday() - r.weekday) % 7
        return _shift(pub.day, -(back or (7 if r.strict else 0)))
    return _shift(pub.day, r.offset or 0)


def _resolve(r: Reading, ctx: _Context, previous: str | None) -> tuple[str | None, str | None]:
    """``(value, end_value)`` of one mention."""
    if r.anchor is not None:
        return _relative(r, ctx, previous), None
    if r.precision == "year":
        return _iso(r.year), _iso(r.end_year)
    year = ctx.year_for(r)
    if r.precision == "month":
        return _iso(year, r.month), None
    value = _iso(year, r.month, r.day)
    end_value = _iso(year, r.month, r.end_day) if r.end_day is not None else None
    if r.end_day is not None and (value is None or end_value is None):
        return None, None
    return value, end_value


def find_dates(text: str, language: str = "en", published: str | None = None) -> list[DateMention]:
    """Every date mention of one document's text, in order, each resolved using the whole text
    as context.

    ``published`` is the publication date at any ISO precision ("2023-07-13", "2023-07",
    "2023") or None. ``language`` ("en" or "ru") is accepted for symmetry with the other
    extractors; both grammars always apply, because English reports quote Russian captions.
    """
    del language
    grammar = load_date_grammar()
    readings = [
        r for m in grammar.pattern.finditer(text) if (r := read(m, text, grammar)) is not None
    ]
    ctx = _Context(readings, _published(published))
    mentions: list[DateMention] = []
    previous: str | None = None
    for r in readings:
        value, end_value = _resolve(r, ctx, previous)
        relative = r.anchor is not None or r.year_offset is not None
        mentions.append(
            DateMention(
                r.start, r.end, text[r.start : r.end], value, end_value, r.precision, relative
            )
        )
        if r.precision == "day":
            previous = end_value or value
    return mentions
