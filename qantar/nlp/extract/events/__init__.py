"""Dated happenings, typed from the codebook (``events.v3``).

One event per happening, read from the clause that tells it, on the shared reading layer
(:mod:`qantar.nlp.reading`): :mod:`.clauses` decides whether a clause tells a happening and of
which type (by lemma, from ``patterns/events.yml``), and :mod:`.dating` reads the dates the
clause owns. A clause without a date of its own takes, in this order:

1. its parent's, when it is coordinated with it or completes it without being reported ("On 5
   January, Tokayev dissolved the cabinet and sacked officials": both on 5 January);
2. the last date the sentence before named, when the sentence opens by pointing back to it
   ("At the time, the embassy tweeted ...", "Тогда он заявил ...");
3. the day the narrative is on (the document state's narrated day, held within its reach of
   paragraphs), for a main or coordinated clause that is not reported, unless the sentence opens
   by moving the story on ("Soon after the events, ..."). A statement, a death and a verdict
   need their own date here: "said" is everywhere and a carried day would date every quote;
   only a statement opened by a same-time connective ("In parallel, the president appealed
   ...") takes the day just told.

A relative or participle clause, a charge and what someone is said to have said are dated only
by their own words, never by the sentence around them: in "sentenced on Monday over the riots
that killed dozens", the killing is not on Monday. The unrest itself, where a text dates it,
is one protest event (:mod:`.unrest`). Verdict events come from the verdicts extractor, so a
verdict and its event agree. One event per (type, date) per document (:mod:`.found`).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from qantar.model import Fact, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events.clauses import ClauseTyper, EventClause
from qantar.nlp.extract.events.cues import EventCues, event_cues
from qantar.nlp.extract.events.dating import ClauseDates, date_value, nearest
from qantar.nlp.extract.events.found import FoundEvents, actors, place_of, setting
from qantar.nlp.extract.events.nominal import NominalReader
from qantar.nlp.extract.events.unrest import UnrestReader
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.reading.follow import StateFollower
from qantar.nlp.reading.state import DocumentState
from qantar.nlp.reading.types import SUBJECT, Clause

__all__ = ["date_value", "extract", "place_of"]

NAME = "events"
VERSION = 3
KIND = "event"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places", "verdicts")

#: Types that need a date of their own (or their parent's): never the narrated day.
OWN_DATE_ONLY = frozenset({"statement", "verdict", "death"})
#: Clause kinds that take their parent's date when they have none.
SHARES_PARENT_DATE = frozenset({"coordinate", "complement"})
#: Clause kinds that may take the narrated day.
NARRATED = frozenset({"main", "coordinate"})


def _is_headline(sentence: str) -> bool:
    """A title or heading: no closing punctuation and mostly capitalised words."""
    words: list[str] = [w for w in re.findall(r"[^\W\d_][\w’'-]*", sentence) if len(w) > 3]
    if not words or sentence.rstrip().endswith((".", "!", "?", "”", '"', "»")):
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= max(2.0, len(words) * 0.6)


class _Reader:
    """Reads one document's events; see the module docstring."""

    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        self.reading = context.reading
        self.cues: EventCues = event_cues(context.annotation.doc.language)
        self.dates = ClauseDates(context, self.cues)
        self.typer = ClauseTyper(context, self.cues)
        self.nominal = NominalReader(context, self.cues, self.dates, self.typer)
        self.found = FoundEvents(context)
        self.state = DocumentState()
        named = [
            (e.start, e.end, e.normal or e.text)
            for e in context.entities
            if e.kind in ("person", "organization")
        ]
        self.follower = StateFollower(self.reading, self.state, named, self.dates.dates)
        self.last_named: DateMention | None = None
        """The last date the sentence before named, for a sentence that points back to it."""

    def read(self) -> None:
        starts = [p.start for p in self.context.annotation.paragraphs]
        for index, sentence in enumerate(self.context.annotation.sentences):
            paragraph = bisect.bisect_right(starts, sentence.start) - 1
            self.read_sentence(index, paragraph, sentence)
        mention = UnrestReader(self.context, self.cues, self.dates).best()
        if mention is not None:
            record = self.record("protest", mention.date, mention.span, mention.span)
            record["place"] = record["place"] or self.context.lexicon.home_country
            self.found.add(record, (mention.noun.start, mention.noun.end))

    def read_sentence(self, index: int, paragraph: int, sentence: Span) -> None:
        text = self.context.text
        clauses = self.reading.clauses_of(index)
        own = {c.index: self.dates.own(c) for c in clauses}
        tokens = self.reading.sentence_tokens(index)
        opener = tokens[:4]
        same_time = self.cues.same_time.match_at(opener, 0) is not None if opener else False
        moved_on = (
            not same_time and bool(opener) and self.cues.moved_on.match_at(opener, 0) is not None
        )
        back = self.last_named if opener and self.cues.back_then.match_at(opener, 0) else None
        narrated = self.state.narrative_date.get(paragraph)
        headline = _is_headline(sentence.slice(text))
        for clause in clauses:
            event = self.typer.read(clause)
            if event is None:
                continue
            date = self.date_of(event, own, back, None if moved_on or headline else narrated)
            if date is None and same_time and event.code == "statement" and not headline:
                date = narrated
            if date is None:
                continue
            record = self.record(event.code, date_value(date), clause.span, sentence)
            if not record["actors"]:
                record["actors"] = self.shared_actors(clause)
            self.found.add(record, event.cue)
        for nominal in self.nominal.read(index):
            record = self.record(nominal.code, date_value(nominal.date), nominal.span, sentence)
            self.found.add(record, (nominal.noun.start, nominal.noun.end))
        self.follower.sentence(index, paragraph, sentence)
        self.narrate(index, clauses, own, paragraph)
        named = [d for d in self.dates.in_tokens(tokens)]
        if named:
            self.last_named = named[-1]

    def date_of(
        self,
        event: EventClause,
        own: dict[int, list[DateMention]],
        back: DateMention | None,
        narrated: DateMention | None,
    ) -> DateMention | None:
        clause = event.clause
        predicate = self.reading.tokens[clause.predicate]
        found = nearest(own.get(clause.index, []), predicate.start)
        if found is not None:
            return found
        found = nearest(self.dates.fronted(clause), predicate.start)
        if found is not None:
            return found
        parent = self._dating_parent(clause)
        if parent is not None:
            inherited = nearest(own.get(parent.index, []), predicate.start)
            if inherited is not None:
                return inherited
        if clause.reported or clause.kind not in NARRATED:
            return None
        if back is not None:
            return back
        return None if event.code in OWN_DATE_ONLY else narrated

    def _dating_parent(self, clause: Clause) -> Clause | None:
        """The clause whose date this one shares: coordinated, completed unreported, or
        happening with it ("as people protested")."""
        if clause.parent is None:
            return None
        if clause.kind not in SHARES_PARENT_DATE and not self.typer.simultaneous(clause):
            return None
        parent = self.reading.clauses[clause.parent]
        if clause.kind == "complement" and clause.reported:
            return None
        return parent

    def narrate(
        self, index: int, clauses: list[Clause], own: dict[int, list[DateMention]], paragraph: int
    ) -> None:
        """A day a main clause of the narrative gives is the day the story is on, and so is
        the day of a line that is a date alone ("5 January." heading what follows)."""
        if not clauses:
            days = [
                d
                for d in self.dates.in_tokens(self.reading.sentence_tokens(index))
                if d.precision == "day" and self._alone(d)
            ]
            if days:
                self.state.narrative_date.set(days[0], paragraph)
            return
        for clause in clauses:
            if clause.kind not in NARRATED or clause.reported or self.typer.speaks(clause):
                continue
            days = [d for d in own[clause.index] if d.precision == "day"]
            if days:
                self.state.narrative_date.set(days[0], paragraph)
                return

    def _alone(self, date: DateMention) -> bool:
        """Whether the date is all its sentence says."""
        sentence = self.context.annotation.sentence_at(date.start)
        rest = (
            self.context.text[sentence.start : date.start]
            + self.context.text[date.end : sentence.end]
        )
        return not any(ch.isalnum() for ch in rest)

    def shared_actors(self, clause: Clause) -> list[str]:
        """The subject a clause shares with the one before it, standing outside its span:
        "X resigned on January 6 and was arrested a day later" is X's arrest."""
        tokens = self.reading.tokens
        for argument in clause.role(SUBJECT):
            below = self.reading.subtree(argument.head)
            if tokens[below[0]].start >= clause.span.start:
                continue  # inside the clause's span: already read
            found = actors(self.context, Span(tokens[below[0]].start, tokens[below[-1]].end))
            if found:
                return found
        return []

    def record(self, code: str, date: Any, span: Span, sentence: Span) -> dict[str, Any]:
        text = self.context.text
        return {
            "date": date,
            "type": code,
            # a statement's place is where it was said, rarely written; the places in it
            # are what it is about ("death toll in Kazakhstan")
            # the clause's own place, else one its sentence names ("в центре Шымкента ...,
            # магазины были разграблены")
            "place": None if code == "statement" else place_of(self.context, span, sentence),
            "actors": actors(self.context, span),
            "summary": sentence.slice(text).strip()[:240],
        }

    def read_verdicts(self) -> None:
        for fact in self.context.facts.get("verdicts", []):
            verdict = fact.record
            if not verdict.get("date"):
                continue
            record = {
                "date": verdict["date"],
                "type": "verdict",
                # the court's city, else the place the story of the trial is set in
                "place": verdict.get("city") or setting(self.context, fact.provenance.end),
                "actors": [verdict["defendant"]] if verdict.get("defendant") else [],
                "summary": fact.provenance.sentence[:240],
            }
            p = fact.provenance
            self.found.add(record, (p.start, p.end))


def extract(context: DocumentContext) -> list[Fact]:
    """One ``event`` fact per (type, date) of the document."""
    label = f"{NAME}.v{VERSION}"
    reader = _Reader(context)
    reader.read_verdicts()
    reader.read()
    facts = []
    for key, (record, mentions) in reader.found.found.items():
        evidence = reader.found.evidence[key]
        facts.append(
            Fact(
                kind=KIND,
                key=key,
                record=record,
                provenance=context.provenance(evidence.start, evidence.end, label),
                mentions=mentions,
            )
        )
    return facts
