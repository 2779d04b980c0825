"""Court outcomes, one record per defendant or unnamed group (``verdicts.v2``).

The reader walks the document's sentences in order on the shared reading layer
(:mod:`qantar.nlp.reading`): :mod:`.clauses` reads each verdict clause from the parse,
:mod:`.lists` reads what has no verdict verb of its own (gapped terms, names listed after a
counted group, list lines), and the document state carries the trial being told (court, city,
date, defendants) from sentence to sentence within a short reach, so "She was given five
years", "Each was given ..." and "The others got suspended terms" attach to it. :mod:`.drafts`
adds the clauses up into one verdict per defendant. The record has the shape of SCHEMA.md
``verdicts`` plus ``term_range`` (a shared "four to eight years"), ``appeal`` and
``additional_outcomes`` (a ban next to a prison term).
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from qantar.model import Fact, Mention, Span
from qantar.names import skeleton
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.verdicts.clauses import ClauseReader, VerdictClause
from qantar.nlp.extract.verdicts.cues import verdict_cues
from qantar.nlp.extract.verdicts.defendants import Defendant
from qantar.nlp.extract.verdicts.drafts import (
    DATE_REACH,
    Draft,
    Terms,
    absorb_groups,
    merge,
    merge_retold_groups,
    nearby_date,
    spread_terms,
)
from qantar.nlp.extract.verdicts.lists import ListReader
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.reading.follow import StateFollower
from qantar.nlp.reading.state import DocumentState, Trial
from qantar.nlp.rule_log import fired
from qantar.nlp.within_document import PersonCluster

NAME = "verdicts"
VERSION = 2
KIND = "verdict"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places")


class _Reader:
    """Reads one document's verdicts; see the module docstring."""

    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        self.reading = context.reading
        self.cues = verdict_cues(context.annotation.doc.language)
        self.clauses = ClauseReader(context, self.reading, self.cues)
        self.lists = ListReader(context, self.reading, self.cues, self.clauses.finder)
        self.state = DocumentState()
        named = [
            (e.start, e.end, e.normal or e.text)
            for e in context.entities
            if e.kind in ("person", "organization")
        ]
        self.follower = StateFollower(self.reading, self.state, named, context.dates)
        paragraphs = [p.start for p in context.annotation.paragraphs]
        self.sentences = [
            (bisect.bisect_right(paragraphs, s.start) - 1, index, s)
            for index, s in enumerate(context.annotation.sentences)
        ]
        self.drafts: list[Draft] = []
        self.by_person: dict[int, Draft] = {}
        self.previous: VerdictClause | None = None
        self.cities: list[tuple[int, int, str]] = []

    # -- the walk ---------------------------------------------------------------------------

    def read(self) -> list[Draft]:
        for paragraph, index, sentence in self.sentences:
            self.follower.sentence(index, paragraph, sentence)
            found = [
                verdict
                for clause in self.reading.clauses_of(index)
                if (verdict := self.clauses.read(clause, paragraph)) is not None
            ]
            taken = {i for v in found for i in self.reading.subtree(v.clause.predicate)}
            found += self.clauses.nominal(index, paragraph, taken)
            for verdict in found:
                others = {
                    id(d.person)
                    for v in found
                    if v is not verdict
                    for d in v.defendants
                    if d.person is not None
                }
                self.apply(verdict, sentence, others)
            if not found:
                for verdict in self.lists.list_line(index, paragraph, self.trial_near(paragraph)):
                    self.apply(verdict, sentence, set())
                self.open_trial(index, paragraph)
            self.apply_plea(index, paragraph, sentence)
        kept = merge_retold_groups(absorb_groups(self.drafts))
        self.date_the_rest(kept)
        self.place_the_rest(kept)
        return kept

    def open_trial(self, index: int, paragraph: int) -> None:
        """ "A, B and C stood trial in Semey", "В Семее судили A, B и C": a trial told before
        any verdict. Its people become the trial's defendants, with no record until a later
        sentence gives them one ("Each was given six years", "Остальные получили ...")."""
        for clause in self.reading.clauses_of(index):
            people = self.clauses.on_trial(clause)
            if not people:
                continue
            trial = self.state.new_trial(paragraph)
            trial.city = self.clauses.city_of_clause(clause)
            for person in people:
                draft = self.by_person.get(id(person.person)) or self.new_draft(
                    VerdictClause.for_trial(clause, paragraph), person
                )
                self.by_person.setdefault(id(person.person), draft)
                trial.defendants.append(draft)
            fired("verdicts.trial_opened")
            return

    def trial_near(self, paragraph: int) -> Trial | None:
        return self.state.trial.get(paragraph)

    # -- one verdict clause -----------------------------------------------------------------

    def apply(self, verdict: VerdictClause, sentence: Span, claimed: set[int]) -> None:
        if verdict.statistic:
            fired("verdicts.statistic")
            return
        paragraph = verdict.paragraph
        trial = self.trial_for(verdict)
        outcome = verdict.outcome
        previous = self.previous
        if verdict.same_outcome_as_before and previous is not None and not verdict.terms:
            outcome = previous.outcome or outcome
        charges = verdict.charges
        if not charges and verdict.same_charges_as_before:
            charges = trial.charges  # "for the same crime": the trial's charges
        targets = self.resolve(verdict, trial, sentence)
        if not targets:
            return
        spread = spread_terms(verdict, [d for d, _ in targets])
        if verdict.same_term_as_before and not verdict.terms and previous is not None:
            last = [d for d in self.drafts if d.clause is previous]
            if last:
                spread = [Terms(last[-1].term_months, last[-1].term_range)] * len(targets)
        for (defendant, existing), terms in zip(targets, spread, strict=True):
            draft = self.add(verdict, defendant, existing, outcome, terms, charges)
            if draft is not None and draft not in trial.defendants:
                trial.defendants.append(draft)
        for person, months, own_outcome in self.lists.gapped(verdict, sentence, claimed):
            gapped_outcome = own_outcome or outcome
            draft = self.add(verdict, person, None, gapped_outcome, Terms(months, None), charges)
            if draft is not None:
                self.adopt(draft, trial)
        trial.charges = trial.charges or charges
        if verdict.outcome:
            self.previous = verdict
        if verdict.city:
            self.cities.append((paragraph, verdict.span.start, verdict.city))

    def trial_for(self, verdict: VerdictClause) -> Trial:
        """The trial this clause tells of: the one held, unless the clause names another court,
        city or day, which opens a new one. What the clause names fills the trial, and what the
        trial knows fills the clause (the lead's date reaches defendants named later)."""
        paragraph = verdict.paragraph
        trial = self.state.trial.get(paragraph)
        differs = (
            verdict.appeal is None
            and trial is not None
            and (
                (verdict.city and trial.city and verdict.city != trial.city)
                or (verdict.court and trial.court and verdict.court != trial.court)
                or (verdict.date and trial.date and verdict.date.value != trial.date.value)
            )
        )
        if trial is None or differs:
            trial = self.state.new_trial(paragraph)
        else:
            self.state.trial.set(trial, paragraph)  # told again: it stays within reach
        if verdict.appeal is not None:
            return trial  # an appeal is another hearing: its court and day are not the trial's
        trial.city = trial.city or verdict.city
        trial.court = trial.court or verdict.court
        trial.date = trial.date or verdict.date
        if verdict.appeal is None:
            narrated = (
                self.state.narrative_date.get(paragraph) if verdict.family != "list" else None
            )
            verdict.date = verdict.date or trial.date or narrated
            verdict.city = verdict.city or trial.city
            verdict.court = verdict.court or trial.court
        return trial

    def resolve(
        self, verdict: VerdictClause, trial: Trial, sentence: Span
    ) -> list[tuple[Defendant, Draft | None]]:
        """Each defendant of the clause with the draft it continues, if it points back."""
        out: list[tuple[Defendant, Draft | None]] = []
        for d in verdict.defendants:
            if d.person is not None:
                out.append((d, None))
            elif d.back in ("one", "one_or_group"):
                last = self.last_person(verdict, trial, only_defendants=d.back != "one")
                if last is not None:
                    out.append((d, last))
                elif d.back == "one_or_group":
                    out.append((Defendant(d.start, d.end, None, 1), None))
            elif d.back == "they":
                out.extend(self.they(verdict, trial, sentence))
            elif d.back in ("all", "rest"):
                known = list(trial.defendants)
                if d.back == "rest":
                    known = [k for k in known if k.term_months is None and k.clause is not verdict]
                if d.count and sum(k.count for k in known) != d.count:
                    known = self.recent_summing_to(d.count)
                if known:
                    fired(f"verdicts.back_reference.{d.back}")
                    out.extend((d, k) for k in known)
                elif d.count:  # "the five defendants", first told here
                    out.extend(self.named_group(verdict, d, sentence))
            else:
                out.extend(self.named_group(verdict, d, sentence))
        return out

    def they(
        self, verdict: VerdictClause, trial: Trial, sentence: Span
    ) -> list[tuple[Defendant, Draft | None]]:
        """ "They", "them": the defendants already read in this sentence, else the people
        the sentence before names together, else the trial's defendants."""
        here = [k for k in trial.defendants if k.clause.clause.sentence == verdict.clause.sentence]
        if here:
            return [(Defendant(verdict.span.start, verdict.span.start), k) for k in here]
        listed = self.lists.named_before(verdict, sentence)
        if len(listed) > 1:
            fired("verdicts.back_reference.previous_sentence")
            return [(p, None) for p in listed]
        return [(Defendant(verdict.span.start, verdict.span.start), k) for k in trial.defendants]

    def recent_summing_to(self, count: int) -> list[Draft]:
        """ "The seven officers" after three were jailed in one trial and four in another: the
        most recent verdicts whose defendants add up to the count, if any do."""
        total, chosen = 0, []
        for draft in reversed(self.drafts):
            total += draft.count
            chosen.append(draft)
            if total == count:
                return chosen[::-1]
            if total > count:
                break
        return []

    def named_group(
        self, verdict: VerdictClause, group: Defendant, sentence: Span
    ) -> list[tuple[Defendant, Draft | None]]:
        """A counted group, or the people the text goes on to list for it (after a colon, in
        the next sentence, one per line below); the group keeps only those left unnamed."""
        named = [
            replace(person, named_in=(group.start, group.end))
            for person in self.lists.names_for(verdict, group, sentence)
        ]
        left = group.count - len(named)
        out: list[tuple[Defendant, Draft | None]] = [(p, None) for p in named]
        if left > 0:
            out.append((Defendant(group.start, group.end, None, left, group.definite), None))
        return out

    def last_person(
        self, verdict: VerdictClause, trial: Trial, only_defendants: bool = False
    ) -> Draft | None:
        """ "He", "she", "the officer": a defendant already read in this sentence, else whoever
        was named last before the clause (a defendant of the trial or a person of this or the
        paragraph before)."""
        here: list[Draft] = [
            k
            for k in trial.defendants
            if k.person is not None and k.clause.clause.sentence == verdict.clause.sentence
        ]
        if here:
            return here[-1]
        paragraphs = self.context.annotation.paragraphs
        first = paragraphs[max(verdict.paragraph - 1, 0)].start
        people = [
            (m, person)
            for m, person in self.context.people_between(first, verdict.span.start)
            if not {r.lower() for r in person.roles} & self.cues.court_roles
            and not self.clauses.finder.titled(m.start, m.end)  # "an ally of X": not X
        ]
        named = [k for k in trial.defendants if k.person is not None]
        if only_defendants:
            return named[-1] if named else None
        if not people:
            return named[-1] if named else None
        mention, person = people[-1]
        draft = self.by_person.get(id(person))
        return draft or self.new_draft(verdict, Defendant(mention.start, mention.end, person))

    def new_draft(self, verdict: VerdictClause, defendant: Defendant) -> Draft:
        """An empty draft for a person a pronoun names, filled by the clause that named them."""
        draft = Draft(defendant.person, 1, "", verdict)
        draft.spans.append((defendant.start, defendant.end))
        return draft

    def add(
        self,
        verdict: VerdictClause,
        defendant: Defendant,
        existing: Draft | None,
        outcome: str | None,
        terms: Terms,
        charges: list[str],
    ) -> Draft | None:
        person: PersonCluster | None = defendant.person
        if existing is None and person is not None:
            existing = self.by_person.get(id(person))
        if existing is not None and existing.outcome:
            merge(existing, verdict, outcome or existing.outcome, terms, charges)
            existing.spans.append((defendant.start, defendant.end))
            return existing
        if outcome is None:
            return None  # an appeal about a verdict this article does not report
        draft = existing or Draft(person, defendant.count, outcome, verdict)
        draft.outcome = outcome
        draft.spans.append((defendant.start, defendant.end))
        if defendant.named_in is not None:
            draft.spans.append(defendant.named_in)
        merge(draft, verdict, outcome, terms, charges)
        return self.adopt(draft, None)

    def adopt(self, draft: Draft, trial: Trial | None) -> Draft:
        if draft not in self.drafts:
            self.drafts.append(draft)
        if draft.person is not None:
            self.by_person.setdefault(id(draft.person), draft)
        if trial is not None and draft not in trial.defendants:
            trial.defendants.append(draft)
        return draft

    # -- pleas, dates and places for the rest -----------------------------------------------

    def apply_plea(self, index: int, paragraph: int, sentence: Span) -> None:
        value = self.lists.plea(index)
        if value is None:
            return
        targets = [
            self.by_person[id(p)]
            for _m, p in self.context.people_between(sentence.start, sentence.end)
            if id(p) in self.by_person
        ]
        trial = self.state.trial.get(paragraph)
        if not targets and trial is not None:
            targets = list(trial.defendants)
        charges = self.lists.plea_charges(index)  # "признала вину в участии в беспорядках"
        for draft in targets:
            draft.pleaded_guilty = value
            if charges and not draft.charges:
                draft.charges = list(charges)

    def date_the_rest(self, drafts: list[Draft]) -> None:
        """A verdict still without a date takes the date of a nearby sentence about verdicts
        ("On July 11, the judge read the verdicts"), never from further than DATE_REACH."""
        anchors: list[tuple[int, DateMention]] = []
        for paragraph, index, _sentence in self.sentences:
            for clause in self.reading.clauses_of(index):
                own = self.reading.own_tokens(clause)
                if not self.cues.date_words.find(own):
                    continue
                dates = [
                    d
                    for d in self.clauses.dates_in(own)
                    if d.precision == "day" and d.value and not d.end_value
                ]
                if dates:
                    anchors.append((paragraph, dates[0]))
        starts = [p.start for p in self.context.annotation.paragraphs]
        for draft in drafts:
            if draft.date is not None or draft.appeal is not None:
                continue
            told = sorted({bisect.bisect_right(starts, s) - 1 for s, _e in draft.spans})
            dated = [d for p in told if (d := nearby_date(p, anchors)) is not None]
            draft.date = dated[0] if dated else None

    def place_the_rest(self, drafts: list[Draft]) -> None:
        """A verdict with no city is in the city of the nearest verdict within reach."""
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
        if not draft.outcome:
            continue
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
