"""The unrest itself, where a text dates it: one protest event per document.

Articles about the trials name the unrest in passing ("the protests of January 2022", "the
January 2022 mass protests", "январские события 2022 года", "the January riots" in a text of
2022). That is a dated happening, told once whatever the number of mentions: the mention read
at the finest precision wins (a month over a bare year). The date is the one in the noun's own
phrase ("the unrest that roiled the country in early January 2022" included); a month word on
the noun ("January riots", "январских событий") gives the month when the phrase has only a
year or no date, the year then coming from the phrase, the sentence or the publication date.

A mention dated outside the case's period (codebook ``case.period``) is not this unrest: a
month word resolved with a later publication year ("the January events" in a 2023 text) would
otherwise put the unrest a year late.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qantar.codebook import setting
from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events.cues import EventCues
from qantar.nlp.extract.events.dating import ClauseDates
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.rule_log import fired

_PRECISION = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True)
class UnrestMention:
    """A noun naming the unrest, and the date its phrase gives it."""

    noun: Token
    date: str
    precision: str
    span: Span


@cache
def _period() -> tuple[str, str]:
    period = setting("case")["period"]
    return str(period["start"]), str(period["end"])


def in_period(value: str) -> bool:
    """Whether a date at its own precision overlaps the case's period."""
    start, end = _period()
    size = len(value)
    return start[:size] <= value <= end[:size]


class UnrestReader:
    """Finds the dated mentions of the unrest in one document."""

    def __init__(self, context: DocumentContext, cues: EventCues, dates: ClauseDates) -> None:
        self.context = context
        self.reading = context.reading
        self.cues = cues
        self.dates = dates

    def best(self) -> UnrestMention | None:
        """The mention at the finest precision, the first on a tie."""
        found = [m for m in self.mentions() if in_period(m.date)]
        if not found:
            return None
        fired("events.unrest")
        return max(found, key=lambda m: (_PRECISION[m.precision], -m.noun.index))

    def mentions(self) -> list[UnrestMention]:
        found = []
        for token in self.reading.tokens:
            if token.pos not in ("NOUN", "PROPN") or not self.cues.unrest_nouns.has(token):
                continue
            mention = self._dated(token)
            if mention is not None:
                found.append(mention)
        return found

    def _dated(self, noun: Token) -> UnrestMention | None:
        phrase = [self.reading.tokens[i] for i in self.reading.subtree(noun.index)]
        span = Span(phrase[0].start, phrase[-1].end)
        dates = [d for d in self.dates.in_tokens(phrase) + self._adjacent(phrase) if d.value]
        month = self._month(noun)
        finest = max(dates, key=lambda d: _PRECISION[d.precision], default=None)
        if finest is not None and (finest.precision != "year" or month is None):
            return UnrestMention(noun, str(finest.value), finest.precision, span)
        if month is None:
            return None
        year = self._year(finest, noun)
        if year is None:
            return None
        return UnrestMention(noun, f"{year}-{month:02d}", "month", span)

    def _adjacent(self, phrase: list[Token]) -> list[DateMention]:
        """A date right after the phrase, a preposition at most between ("Unrest in January",
        "беспорядков в январе"), whatever the parser hung it on."""
        tokens = self.reading.tokens
        last = phrase[-1]
        for token in tokens[last.index + 1 : last.index + 4]:
            if token.sentence != last.sentence:
                return []
            if any(d.start == token.start for d in self.dates.dates):
                return self.dates.in_tokens([token])  # no limit word before it
            if token.pos not in ("ADP", "DET"):
                return []
        return []

    def _month(self, noun: Token) -> int | None:
        """The month a word on the noun names ("January riots", "protests of January",
        "январских событий"); a month further down its phrase is not its own ("a
        demonstration to honour those who died in Bloody January")."""
        tokens = self.reading.tokens
        near = [
            t
            for t in self.reading.sentence_tokens(noun.sentence)
            if t.head == noun.index
            or (tokens[t.head].head == noun.index and tokens[t.head].pos == "ADP")
            or (t.head != t.index and tokens[t.head].head == noun.index and t.dep == "pobj")
        ]
        for token in near:
            for number, words in enumerate(self.cues.months, start=1):
                if token.pos in ("ADJ", "NOUN", "PROPN") and words.has(token):
                    return number
        return None

    def _year(self, in_phrase: DateMention | None, noun: Token) -> str | None:
        """The year for a month word: the phrase's, the sentence's, else the publication's."""
        if in_phrase is not None and in_phrase.value:
            return in_phrase.value[:4]
        sentence = self.reading.sentence_tokens(noun.sentence)
        years = {d.value[:4] for d in self.dates.in_tokens(sentence) if d.value}
        if len(years) == 1:
            return years.pop()
        published = self.context.annotation.doc.published
        return published[:4] if published else None
