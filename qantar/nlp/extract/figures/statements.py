"""The dated statements a document reports, which date the figures they give.

A figure is ``as_of`` the day its sentence frames ("as of 10 January"); failing that, SCHEMA
dates it by the statement that gives it, where the text dates that statement. News dates a
statement in three ways, and each sets the statement the reader holds (with its source and a
reach in paragraphs, as the document state does for everything else):

- a clause of saying or publishing with a date of its own: "5 мая ОБСЕ выпустило отчёт",
  "Last August, the prosecutor's office put the number at 238", "said on Monday";
- the same clause pointing back at what was just said ("Об этом в субботу, 22 января, сообщает
  агентство со ссылкой на министерство", "This was announced on Friday by ..."): it dates the
  figures just before it as well as those after it;
- a dateline with a date that opens a paragraph ("(Берлин, 20 декабря 2022 г.) –"), the form of
  an organization's own press release: its date is the statement's.

A figure takes the held date only when its source is that statement's source, a word standing
for it ("в отчёте", "the report"), or the statement names nobody (a dateline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qantar.model import Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.reading.cues import cue_list
from qantar.nlp.reading.state import Held
from qantar.nlp.reading.types import SUBJECT, Clause

#: How many paragraphs after the one it was made in a dated statement still dates figures:
#: those its source is credited for, and any figure (a dateline, "по информации ведомства").
SAME_SOURCE_REACH = 3
STATEMENT_REACH = 1
#: A dateline with a date: "(Berlin, 20 December 2022) –", "ALMATY, Jan 5 —".
_DATELINE_AFTER = re.compile(r"\s*(?:г\.|года)?\s*\)?\s*[–—-]")
_DATELINE_START = 40
#: How a date's word hangs on a verb through one more word: "in [the] August", "субботу, 22".
_TIME_RELATIONS = ("obl", "npadvmod", "appos", "nmod:tmod")


@dataclass(frozen=True)
class Statement:
    """A statement the text dates: when it was made and by whom (None: the document itself)."""

    date: str
    source: str | None
    back: bool
    """It points back at what was just said ("об этом", "this was announced")."""
    sources: frozenset[str] = frozenset()
    """Who the text credits for the figures it dated ("X reports, citing the ministry": the
    ministry), so the figures after it from them take its date too."""


class StatementFollower:
    """Finds dated statements sentence by sentence and holds the latest within its reach."""

    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        language = context.annotation.doc.language
        self.saying = cue_list("reading", "speech_verbs", language)
        self.publishing = cue_list("reading", "publication_verbs", language)
        self.back_references = cue_list("reading", "back_references", language)
        self.held = Held[Statement](SAME_SOURCE_REACH)

    def sentence(self, index: int, paragraph: int, span: Span) -> Statement | None:
        """Take in sentence ``index``; returns the statement it makes, if it dates one."""
        found = self._dateline(paragraph, span) or self._dated_clause(index)
        if found is not None:
            self.held.set(found, paragraph)
        return found

    def credit(self, sources: set[str]) -> None:
        """The figures the held statement just dated back are credited to ``sources``."""
        held = self.held.value
        if held is not None and sources:
            self.held.value = replace(held, sources=held.sources | frozenset(sources))

    def date_for(self, paragraph: int, source: str | None, anaphoric: bool) -> str | None:
        """The held statement's date for a figure of ``source``, if that statement gives it."""
        held = self.held.get(paragraph)
        if held is None:
            return None
        if source in ({held.source} | held.sources) - {None}:
            return held.date
        near = paragraph - self.held.paragraph <= STATEMENT_REACH
        return held.date if near and (held.source is None or anaphoric) else None

    def _dateline(self, paragraph: int, span: Span) -> Statement | None:
        paragraphs = self.context.annotation.paragraphs
        if not 0 <= paragraph < len(paragraphs) or span.start != paragraphs[paragraph].start:
            return None
        text = self.context.text
        for date in self.context.dates:
            if (
                span.start <= date.start < span.start + _DATELINE_START
                and date.value
                and date.precision == "day"
                and _DATELINE_AFTER.match(text, date.end)
                and "(" in text[span.start : date.start]
            ):
                return Statement(date.value, None, back=False)
        return None

    def _dated_clause(self, index: int) -> Statement | None:
        reading = self.context.reading
        tokens = reading.tokens
        for clause in reading.clauses_of(index):
            predicate = tokens[clause.predicate]
            if not (self.saying.has(predicate) or self.publishing.has(predicate)):
                continue
            own = reading.own_tokens(clause)
            date = self._date_of(clause)
            source = self._subject_name(clause)
            if date is None or date.value is None or source is None:
                continue  # a statement nobody is named as making dates nobody's figures
            back = bool(self.back_references.find(own))
            return Statement(date.value, source, back)
        return None

    def _date_of(self, clause: Clause) -> DateMention | None:
        """A date that modifies the predicate itself ("said on July 18", "5 мая выпустило",
        "Last August, X put"), not a noun in the clause ("the January 5 protest")."""
        reading = self.context.reading
        tokens = reading.tokens
        for date in self.context.dates:
            if date.precision not in ("day", "month") or date.end_value:
                continue
            inside = reading.tokens_between(date.start, date.end)
            if not inside or inside[0].sentence != tokens[clause.predicate].sentence:
                continue
            for token in inside:
                head = tokens[token.head]
                if token.head == clause.predicate or (
                    head.head == clause.predicate
                    and (head.pos == "ADP" or head.dep in _TIME_RELATIONS)
                ):
                    return date
        return None

    def _subject_name(self, clause: Clause) -> str | None:
        reading = self.context.reading
        for argument in clause.role(SUBJECT):
            covered = [reading.tokens[i] for i in reading.subtree(argument.head)]
            start, end = covered[0].start, covered[-1].end
            for entity in self.context.entities:
                if entity.kind in ("person", "organization") and start <= entity.start < end:
                    return entity.canonical or entity.normal or entity.text
            if reading.tokens[argument.head].pos in ("NOUN", "PROPN"):
                # a body the tagger does not know ("министерство экономики"): as written
                return self.context.text[start:end]
        return None
