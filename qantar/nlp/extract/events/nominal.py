"""Happenings a noun names with a date of its own phrase.

"In a televised address on 7 January", "по делу о погроме и поджоге акимата 5 января 2022
года", "the 1986 protests": the noun is a happening of the type whose ``nouns`` list names it
(``patterns/events.yml``), and the date in its own phrase dates it. A noun dated only by the
sentence around it is no event ("sentenced on Monday over the arson" does not date the
arson). Coordinated nouns share the phrase's date ("погром и поджог ... 5 января").

The only date of a clause that itself tells a happening is that happening's, wherever the
parser hung it. The unrest itself is read once per document by :mod:`.unrest`: a protest noun
dated within the case's period at less than a day is left to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events.clauses import ClauseTyper, match_covering
from qantar.nlp.extract.events.cues import EventCues
from qantar.nlp.extract.events.dating import ClauseDates, nearest
from qantar.nlp.extract.events.unrest import in_period
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.reading.cues import LemmaCues
from qantar.nlp.rule_log import fired

#: How many tokens before a noun a multi-word entry may start ("state of emergency": "state").
_ENTRY_REACH = 3


@dataclass(frozen=True)
class NominalEvent:
    code: str
    date: DateMention
    noun: Token
    span: Span


class NominalReader:
    """Finds the dated happening nouns of one sentence (see the module docstring)."""

    def __init__(
        self, context: DocumentContext, cues: EventCues, dates: ClauseDates, typer: ClauseTyper
    ) -> None:
        self.context = context
        self.reading = context.reading
        self.cues = cues
        self.dates = dates
        self.typer = typer

    def read(self, sentence: int) -> list[NominalEvent]:
        tokens = self.reading.sentence_tokens(sentence)
        found = []
        for position, token in enumerate(tokens):
            if token.pos != "NOUN" or self._quoted(token) or self._has_subject(token):
                continue
            for construction in self.cues.nouns:
                entry = self._entry(construction.nouns, tokens, position)
                if entry is None:
                    continue
                event = self._dated(construction.code, token)
                if event is not None:
                    fired(f"{construction.nouns.name}.{entry}")
                    found.append(event)
                break
        return found

    def _entry(self, nouns: LemmaCues, tokens: list[Token], position: int) -> str | None:
        for at in range(max(position - _ENTRY_REACH, 0), position + 1):
            entry = match_covering(nouns, tokens, at, tokens[position].index)
            if entry is not None:
                return entry
        return None

    def _has_subject(self, token: Token) -> bool:
        """A "noun" with a subject is a verb the tagger missed ("a correspondent reports")."""
        return any(
            self.reading.tokens[c].dep in ("nsubj", "nsubjpass")
            for c in self.reading.children(token.index)
        )

    def _quoted(self, token: Token) -> bool:
        owner = self.reading.owner(token.index)
        return owner >= 0 and self.reading.clauses[owner].quoted

    def _dated(self, code: str, noun: Token) -> NominalEvent | None:
        first = self.reading.conjuncts(noun.index)[0]
        owner = self.reading.owner(noun.index)
        phrase = [
            self.reading.tokens[i]
            for i in self.reading.subtree(first)
            if self.reading.owner(i) == owner and i not in self._nested(first)
        ]
        dates = self.dates.in_tokens(phrase) or self._trailing(phrase, owner)
        date = nearest(dates, noun.start)
        if date is None or date.value is None or self._the_clause_date(owner, date):
            return None
        if code == "protest" and date.precision != "day" and in_period(date.value):
            return None  # the unrest itself, told once (:mod:`.unrest`)
        if code != "protest" and date.precision == "year":
            return None  # "the law of 2014" names the law, not a day it was passed
        return NominalEvent(code, date, noun, Span(phrase[0].start, phrase[-1].end))

    def _the_clause_date(self, owner: int, date: DateMention) -> bool:
        """The only date of a clause that tells a happening itself is that happening's, even
        where the parser hung it on a noun ("задержали по подозрению в организации беспорядков
        7 марта": the detention's day, not the riots'). What a statement is about may be dated
        by it ("сообщила о поджоге магазина 5 января")."""
        if owner < 0:
            return False
        clause = self.reading.clauses[owner]
        if self.dates.own(clause) != [date]:
            return False
        event = self.typer.read(clause)
        # what a statement is about keeps the date too ("сообщила о поджоге ... 5 января")
        return event is not None and event.code != "statement"

    def _nested(self, head: int) -> set[int]:
        """Tokens under another happening noun inside the phrase: "закон об амнистии для
        участников январских событий 2022 года" does not date the law by the events."""
        nested: set[int] = set()
        for index in self.reading.subtree(head):
            token = self.reading.tokens[index]
            if index != head and token.pos == "NOUN" and self.cues.unrest_nouns.has(token):
                nested.update(self.reading.subtree(index))
        return nested

    def _trailing(self, phrase: list[Token], owner: int) -> list[DateMention]:
        """A date right after the phrase, in the same clause, when that clause has a date of
        its own before its verb: "огласил в четверг приговор по делу о поджоге акимата в
        Таразе 5 января" (the court sat on Thursday; the arson was on 5 January)."""
        if owner < 0 or not phrase:
            return []
        clause = self.reading.clauses[owner]
        own = self.reading.own_tokens(clause)
        framing = [t for t in own if t.index < clause.predicate]
        if not self.dates.in_tokens(framing):
            return []
        after = [t for t in own if t.index > phrase[-1].index]
        run: list[Token] = []
        for token in after[:4]:
            if token.pos in ("PUNCT", "VERB", "AUX"):
                break
            run.append(token)
        return [d for d in self.dates.in_tokens(run) if d.start > phrase[-1].start]
