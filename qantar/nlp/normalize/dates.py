"""Date mentions in English and Russian text, resolved to ISO dates at their own precision.

Why not ``dateparser.search_dates``: over whole articles it returns junk such as "we", "may",
"now" and the opening quote of "“20,000" (shared/notes/nlp-dependencies.md, section 4). Mentions
are found here with one regular expression built from ``nlp/patterns/dates.yml``
(:mod:`qantar.nlp.normalize.date_rules`) and normalised with plain :mod:`datetime`.

Why not the publication date alone: a year-less "January 7" in an article published in July 2023
about the January 2022 unrest is 2022-01-07, while "July 11" in the same article is 2023-07-11.
So a year-less mention (a day or a month) takes, in this order:

a. the year of the nearest mention of the same month that names its year ("January 2022",
   "January 5, 2022") within :data:`REACH`, the nearest one before it, else the nearest after;
b. the year the document's title gives the same month: a title "... December 1 to December 31,
   2022" dates "December 1" in the text;
c. the year that puts it on or before the reference date (the publication date, else the
   text's dateline; see below), which needs a month or day precision;
d. nothing: ``value`` is None. Never the nearest year mentioned: "sentenced on March 18" in a
   passage about "January 2022" may well be March 2023. A date is never invented, nor a day
   made up for "last month".

Relative phrases count from the reference date ("yesterday", "last year", "on Monday") or from
the previous day-precision mention ("the following day", "that evening", "overnight", "four
days later"); where the anchor is unknown they stay in the list with ``value`` None. Counted
months and years ("18 months ago", "a year and a half later") are approximate in prose and
always stay None; "two months after his arrest" counts from an event and is not reported.

The reference date is the publication date. A document without one at day precision may
state its own date in a dateline: a full date with its year near the top, standing before the
story ("ALMATY, Jan. 10, 2022 (Reuters) -", "Астана. 10 января 2022 года. КазТАГ -", a line
"Posted March 3, 2023"); that date stands in for it. A paragraph opening with a dateline of its
own ("Update: January 17, 2022 - As of today ...") was written that day, so the relative
phrases in it count from that date. A date inside the lead's first sentence ("On January 2,
2022, a protest began") is an event, not the day of writing, and anchors nothing: "last year"
in a story written a year later would come out a year early.
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

    def covers(self, other: date) -> bool:
        """Whether ``other`` falls within this date at its precision (same year, month...)."""
        if self.precision == "day":
            return other == self.day
        if self.precision == "month":
            return (other.year, other.month) == (self.day.year, self.day.month)
        return other.year == self.day.year


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
#: How far into the text (characters) a dateline may stand: after a headline and a byline.
LEAD = 500

_WORD = re.compile(r"[^\W\d_]+")
# What may follow a dateline's date: the end of the line, a dash, colon, bracket or bar
# ("(Reuters) -"), a time ("14:35"), a full stop or comma before a capital or the line's end
# ("20 марта 2022. КазТАГ"), or "by" and a name.
_DATELINE_END = re.compile(
    r"[ \t]*(?:$|\n|[-–—|()/•·:]|\d{1,2}[:.]\d\d"
    r"|[.,;][ \t]*(?:$|\n|[-–—(]|\d{1,2}[:.]\d\d|[A-ZА-ЯЁ])|(?:by|от)\s)"
)


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


@dataclass(frozen=True)
class _Dateline:
    """A full date standing before the story in its paragraph: the day that text was written."""

    start: int  # where the date ends (relative phrases after it count from it) ...
    end: int  # ... up to the end of its paragraph
    day: date


def _datelines(readings: list[Reading], text: str) -> list[_Dateline]:
    """Every dateline in ``text``: at the top ("ALMATY, Jan. 10, 2022 (Reuters) -") or opening
    a later paragraph ("Update: January 17, 2022 - ...").

    Before the date, on its line, only capitalised words (a city, an agency) and labels
    ("Posted", "By", "Update", then "on"/"in"/"at") may stand; any other lower-case word, or a
    capitalised preposition ("On", "В"), makes it a date in a sentence. After it comes the end
    of the line, a dash or bracket, a time, or a full stop before a capital."""
    grammar = load_date_grammar()
    found: list[_Dateline] = []
    for r in readings:
        if r.precision != "day" or r.year is None or r.end_day is not None:
            continue
        if r.month is None or r.day is None or r.anchor is not None:
            continue
        line = text[text.rfind("\n", 0, r.start) + 1 : r.start]
        label = False
        for word in _WORD.findall(line):
            key = word.casefold()
            if key in grammar.dateline_labels:
                label = True
            elif not (label and key in grammar.dateline_after_labels) and (
                word[0].islower() or key in grammar.dateline_stops
            ):
                break  # a word of a sentence: the date is an event in it
        else:
            if _DATELINE_END.match(text, r.end):
                end = text.find("\n", r.end)
                found.append(
                    _Dateline(r.end, len(text) if end < 0 else end, date(r.year, r.month, r.day))
                )
    return found


def _reference(published: _Published | None, datelines: list[_Dateline]) -> _Published | None:
    """The date relative phrases and year-less days count from: the publication date, or the
    top dateline's date where the publication date is missing or less precise (and agrees)."""
    if published is not None and published.precision == "day":
        return published
    top = next((d for d in datelines if d.start <= LEAD), None)
    if top is None or (published is not None and not published.covers(top.day)):
        return published
    return _Published(top.day, "day")


class _Context:
    """The years a document names, for giving year-less mentions a year (rules a to c)."""

    def __init__(
        self,
        readings: list[Reading],
        published: _Published | None,
        title: list[Reading],
        datelines: list[_Dateline],
    ) -> None:
        self.published = published
        self.datelines = datelines
        self.by_month = self._months(readings)
        self.title_months: dict[int, int] = {}
        for month, found in self._months(title).items():
            if len({year for _, year in found}) == 1:  # "January 2022 to January 2023": no
                self.title_months[month] = found[0][1]

    def _months(self, readings: list[Reading]) -> dict[int, list[tuple[int, int]]]:
        """Month -> ``(offset, year)`` of each mention that names the month and its year."""
        by_month: dict[int, list[tuple[int, int]]] = {}
        for r in readings:
            year = self.written_year(r)
            if year is not None and r.month is not None:
                by_month.setdefault(r.month, []).append((r.start, year))
        return by_month

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
        if r.month in self.title_months:
            return self.title_months[r.month]
        pub = self.published
        if pub is None or pub.precision == "year":
            return None  # never the nearest year in the text: it may be another year's story
        later = (r.month, r.day or 1) > (pub.day.month, pub.day.day)
        if pub.precision == "month":
            later = r.month > pub.day.month
        elif later and _days_ahead(pub.day, r.month, r.day) <= SOON:
            later = False  # "in effect until 19 January", written on 14 January
        return pub.day.year - 1 if later else pub.day.year


def _relative(r: Reading, ctx: _Context, previous: str | None) -> str | None:
    """The value of a relative mention, from the publication date or the previous day mention."""
    if r.offset is None and r.weekday is None:
        return None
    pub = ctx.published
    # A paragraph opening with its own dateline ("Update: January 17, 2022 - As of today")
    # was written that day, whatever the publication date of the page.
    for line in ctx.datelines:
        if line.start <= r.start < line.end:
            pub = _Published(line.day, "day")
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


def _readings(text: str) -> list[Reading]:
    grammar = load_date_grammar()
    return [r for m in grammar.pattern.finditer(text) if (r := read(m, text, grammar)) is not None]


def find_dates(
    text: str, language: str = "en", published: str | None = None, title: str | None = None
) -> list[DateMention]:
    """Every date mention of one document's text, in order, each resolved using the whole text
    (and its title) as context.

    ``published`` is the publication date at any ISO precision ("2023-07-13", "2023-07",
    "2023") or None. ``title`` is the document's headline, read only for the years it gives
    months (rule b); its own mentions are not returned, since offsets point into ``text``.
    ``language`` ("en" or "ru") is accepted for symmetry with the other extractors; both
    grammars always apply, because English reports quote Russian captions.
    """
    del language
    readings = _readings(text)
    datelines = _datelines(readings, text)
    reference = _reference(_published(published), datelines)
    ctx = _Context(readings, reference, _readings(title) if title else [], datelines)
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
