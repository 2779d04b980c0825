"""Court outcomes, one record per defendant or unnamed group (``verdicts.v1``).

Reading happens in two steps: :mod:`.clauses` reads each sentence on its own, then
:mod:`.drafts` adds the sentences of a document up into verdicts. The record has the shape of
SCHEMA.md ``verdicts`` plus ``term_range`` (a shared "four to eight years"), ``appeal`` and
``additional_outcomes`` (a ban from office next to a prison term).
"""

from __future__ import annotations

import bisect
import re

from qantar.model import Fact, Mention, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.verdicts.clauses import Defendant, VerdictClause, plea, read_clauses
from qantar.nlp.extract.verdicts.cues import verdict_cues
from qantar.nlp.extract.verdicts.drafts import (
    DATE_REACH,
    LIST_REACH,
    Draft,
    Terms,
    absorb_groups,
    merge,
    nearby_date,
    spread_terms,
)
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.normalize.names import skeleton

NAME = "verdicts"
VERSION = 1
KIND = "verdict"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places")

_PRONOUN = re.compile(r"\b(?:he|she|him|her|он|она|его|её)\b", re.I)
_PLURAL = re.compile(
    r"\b(?:they|them|all|none|both|each|the\s+\w+\s+(?:defendants|accused)|они|никто|все|"
    r"подсудимы\w*|обвиняемы\w*)\b",
    re.I,
)


class _Reader:
    """Reads one document's verdicts; see the module docstrings for the rules."""

    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        self.cues = verdict_cues(context.annotation.doc.language)
        paragraphs = context.annotation.paragraphs
        self.sentences = [
            (bisect.bisect_right([p.start for p in paragraphs], s.start) - 1, s)
            for s in context.annotation.sentences
        ]
        self.drafts: list[Draft] = []
        self.by_person: dict[int, Draft] = {}
        self.cities: list[tuple[int, int, str]] = []  # (paragraph, offset, city) of each clause

    def people_in(self, span: Span) -> list[Defendant]:
        """One defendant per person named in the span (not judges or lawyers), in text order."""
        found: dict[int, Defendant] = {}
        for m, person in self.context.people_between(span.start, span.end):
            if id(person) in found or {r.lower() for r in person.roles} & self.cues.court_roles:
                continue
            found[id(person)] = Defendant(m.start, m.end, person)
        return list(found.values())

    def listed(self, paragraph: int, count: int) -> list[Defendant]:
        """The people of the nearest sentence that lists exactly ``count`` of them."""
        options = []
        for p, sentence in self.sentences:
            if abs(p - paragraph) <= LIST_REACH:
                people = self.people_in(sentence)
                if len(people) == count:
                    options.append((abs(p - paragraph), sentence.start, people))
        return min(options, key=lambda o: (o[0], o[1]))[2] if options else []

    def expand(self, clause: VerdictClause) -> list[Defendant]:
        defendants: list[Defendant] = []
        for d in clause.defendants:
            people = self.listed(clause.paragraph, d.count) if d.definite else []
            defendants.extend(people or [d])
        return defendants

    def back_reference(self, clause: VerdictClause) -> list[Defendant]:
        """ "Его признали виновным в ...": a clause naming nobody, whose pronoun (or "женщину")
        before or right after the trigger points back to the last person named before it, in
        this paragraph or the one before (a reader looks no further back)."""
        text, trigger_end = self.context.text, clause.trigger[1]
        before = self.cues.back_references.search(text, clause.span.start, trigger_end)
        after = self.cues.back_references.match(text, trigger_end + 1, clause.span.end)
        if before is None and (after is None or text[trigger_end] != " "):
            return []
        paragraphs = self.context.annotation.paragraphs
        first = paragraphs[max(clause.paragraph - 1, 0)].start
        named = [
            Defendant(m.start, m.end, person)
            for m, person in self.context.people_between(first, clause.span.start)
            if not {r.lower() for r in person.roles} & self.cues.court_roles
        ]
        return named[-1:]

    def add_charges(self, clause: VerdictClause) -> None:
        """A clause with charges but no outcome ("Его признали виновным в краже") adds the
        charges to the verdict already read for the person it names or points back to."""
        if not clause.charges:
            return
        for defendant in self.expand(clause) or self.back_reference(clause):
            draft = self.by_person.get(id(defendant.person))
            if draft is not None:
                draft.fill_from(clause, clause.charges)

    def read(self) -> list[Draft]:
        previous: tuple[str, list[str], list[Draft]] | None = None
        for paragraph, sentence in self.sentences:
            clauses = read_clauses(self.context, sentence, paragraph)
            self.cities.extend((paragraph, c.span.start, c.city) for c in clauses if c.city)
            if not clauses:
                self.apply_plea(sentence, paragraph, previous[2] if previous else [])
            for clause in clauses:
                outcome = clause.outcome
                if outcome is None and clause.same_outcome_as_before and previous:
                    outcome = previous[0]
                if outcome is None and clause.terms:
                    outcome = self.cues.default_outcome
                if outcome is None and not clause.appeal:
                    self.add_charges(clause)
                    continue
                charges = clause.charges
                if not charges and clause.same_charges_as_before and previous:
                    charges = previous[1]
                defendants = self.expand(clause) or self.back_reference(clause)
                spread = spread_terms(clause, defendants)
                if clause.same_term_as_before and not clause.terms and previous:
                    last = previous[2][-1]
                    spread = [Terms(last.term_months, last.term_range)] * len(defendants)
                added = [
                    self.add(clause, d, outcome, terms, charges)
                    for d, terms in zip(defendants, spread, strict=True)
                ]
                drafts = [d for d in added if d is not None]
                if drafts and outcome:
                    previous = (outcome, charges, drafts)
        kept = absorb_groups(self.drafts)
        self.date_the_rest(kept)
        self.place_the_rest(kept)
        return kept

    def place_the_rest(self, drafts: list[Draft]) -> None:
        """A verdict whose clause names no city is in the city of the nearest verdict sentence
        before it (else after it) within reach: "Суд в Таразе огласил приговор ... Ещё один
        обвиняемый оправдан" is a Taraz acquittal. Like dates, never from further away."""
        for draft in drafts:
            if draft.city is not None:
                continue
            here, at = draft.clause.paragraph, draft.clause.span.start
            near = [
                (offset > at, abs(offset - at), city)
                for paragraph, offset, city in self.cities
                if abs(paragraph - here) <= DATE_REACH
            ]
            if near:
                draft.city = min(near)[2]

    def add(
        self,
        clause: VerdictClause,
        defendant: Defendant,
        outcome: str | None,
        terms: Terms,
        charges: list[str],
    ) -> Draft | None:
        person = defendant.person
        if person is not None and id(person) in self.by_person:
            draft = self.by_person[id(person)]
            merge(draft, clause, outcome or draft.outcome, terms, charges)
            draft.spans.append((defendant.start, defendant.end))
            return draft
        if outcome is None:
            return None  # an appeal about a verdict this article does not report
        draft = Draft(person, defendant.count, outcome, clause, definite=defendant.definite)
        draft.spans.append((defendant.start, defendant.end))
        merge(draft, clause, outcome, terms, charges)
        if outcome == "ban" and clause.appeal is None:
            draft.outcome = "ban"
        self.drafts.append(draft)
        if person is not None:
            self.by_person[id(person)] = draft
        return draft

    def apply_plea(self, sentence: Span, paragraph: int, previous: list[Draft]) -> None:
        """A plea sentence: its named people, else the defendants its pronoun points back to.

        "He"/"she" is the previous clause's defendant; "none of them", "all five", "they"
        are all defendants of the paragraph that reported the previous verdict.
        """
        text = self.context.text
        value = plea(text, sentence, self.cues)
        if value is None:
            return
        named = [self.by_person.get(id(d.person)) for d in self.people_in(sentence)]
        targets = [d for d in named if d is not None]
        if not targets and previous and _PLURAL.search(text, sentence.start, sentence.end):
            last = previous[-1].clause.paragraph
            targets = [d for d in self.drafts if d.clause.paragraph == last]
        elif not targets and _PRONOUN.search(text, sentence.start, sentence.end):
            targets = previous
        for draft in targets:
            draft.pleaded_guilty = value

    def date_the_rest(self, drafts: list[Draft]) -> None:
        anchors: list[tuple[int, DateMention]] = []
        text = self.context.text
        for paragraph, sentence in self.sentences:
            if self.cues.date_words.search(text, sentence.start, sentence.end):
                dates = [
                    d
                    for d in self.context.dates
                    if sentence.start <= d.start < sentence.end
                    and d.precision == "day"
                    and not d.end_value
                ]
                if dates:
                    anchors.append((paragraph, dates[0]))
        for draft in drafts:
            if draft.date is None:
                draft.date = nearby_date(draft.clause.paragraph, anchors)


def _record(draft: Draft) -> dict[str, object]:
    return {
        "defendant": draft.person.name if draft.person else None,
        "count": draft.count,
        "outcome": draft.outcome,
        "term_months": draft.term_months,
        "term_range": list(draft.term_range) if draft.term_range else None,
        "charges": draft.charges,
        "date": draft.date.value if draft.date else None,
        "city": draft.city,
        "court": draft.court,
        "pleaded_guilty": draft.pleaded_guilty,
        "appeal": draft.appeal,
        "additional_outcomes": draft.extra_outcomes,
    }


def extract(context: DocumentContext) -> list[Fact]:
    """One ``verdict`` fact per defendant (or unnamed group) of the document."""
    label = f"{NAME}.v{VERSION}"
    facts = []
    for draft in _Reader(context).read():
        record = _record(draft)
        if draft.person is not None:
            key = skeleton(draft.person.name)
        else:
            key = f"group:{draft.count}:{draft.clause.span.start}"
        start, end = draft.spans[0]
        facts.append(
            Fact(
                kind=KIND,
                key=key,
                record=record,
                provenance=context.provenance(start, end, label),
                mentions=[Mention(s, e, context.text[s:e]) for s, e in sorted(set(draft.spans))],
            )
        )
    return facts
