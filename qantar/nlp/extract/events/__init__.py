"""Dated happenings, typed from the codebook (``events.v1``).

A sentence becomes an event when it holds an event cue ("rallies ... began", "set fire",
"state of emergency") and a date: its own, the one nearest the cue, or (for a sentence without
one) the day the narrative is on. Chronological reports name a day once ("On the morning of
5 January ...") and then tell what happened that day over several paragraphs, so a day stays
current for :data:`CARRY_REACH` paragraphs until another day is named. A statement needs a date
of its own: "said" is everywhere and a carried day would date every quote; only a statement
opened by a same-time connective ("On the night of 6 January, ... In parallel, the president
appealed ...") takes the day its paragraph has just named, and a sentence that opens by moving
the story on ("Soon after the events, ...") takes no narrative day at all.

One event per (type, date) per document: the others are the same happening told again. Its
actors are everyone those sentences name, and its evidence is the sentence naming most of them
(the first on a tie), so that "who did it" and the sentence shown agree. Verdict events come
from the verdicts extractor, so a verdict and its event agree. Deaths, injuries and torture of
named people are read by :mod:`qantar.nlp.extract.harm`.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from qantar.model import Fact, Mention, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events.cues import EventCues, event_cues
from qantar.nlp.extract.quote_spans import find_quote_spans
from qantar.nlp.normalize.dates import DateMention

NAME = "events"
VERSION = 2
KIND = "event"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places", "verdicts")

#: How many paragraphs a named day stays the day the narrative is on.
CARRY_REACH = 3
#: Types that need a date of their own in the sentence.
OWN_DATE_ONLY = frozenset({"statement", "verdict", "death"})
#: Whether a sentence yields one event (its first cue) or one per event type it names.
ONE_TYPE_PER_SENTENCE = False
#: Words before a date that make it a limit ("until 19 January"), not the day being told.
_LIMIT = re.compile(r"\b(?:until|till|through|before|by|до|по)\s+(?:\w+\s+)?(?:on\s+)?$", re.I)
_SPOKEN_ON = re.compile(
    r"\b(?:said|says|announced|reported|stated|told\s+\w+|briefed|заявил\w*|сообщил\w*|"
    r"объявил\w*)\s+(?:(?:\w+\s+){0,3}?(?:on|в)\s+)?$",
    re.I,
)
_LOCATIVE = re.compile(r"(?<!\w)(?:в|во|in|at)\s+(?:\w+\s+)?$", re.IGNORECASE)
_RIGHT_AFTER = re.compile(r"\s+(?:on|в|,)?\s*")
#: Types read from other extractors, not from cue words.
FROM_OTHER_EXTRACTORS = frozenset({"verdict"})


def date_value(mention: DateMention) -> str | dict[str, str] | None:
    """The SCHEMA.md form of a date: an ISO string, or a start/end span."""
    if mention.value and mention.end_value:
        return {"start": mention.value, "end": mention.end_value}
    return mention.value


def _nearest(dates: list[DateMention], offset: int) -> DateMention:
    return min(dates, key=lambda d: (abs(d.start - offset), d.start > offset))


def _date_for(
    code: str,
    cue: tuple[int, int],
    own: list[DateMention],
    carried: tuple[int, DateMention] | None,
    text: str,
    same_time: bool = False,
) -> DateMention | None:
    """The date of an event cue: the sentence's nearest, else the narrative's day.

    A statement is dated only by a date before its verb or right after it ("said on July
    18"): in "X said that during the January 5 protest" the date belongs to the protest.
    """
    if code in OWN_DATE_ONLY:
        own = [d for d in own if d.start < cue[0] or _RIGHT_AFTER.fullmatch(text[cue[1] : d.start])]
    if code != "statement":  # "said on 15 January that 225 had died": the day of the saying
        own = [d for d in own if not _SPOKEN_ON.search(text, max(0, d.start - 30), d.start)]
    if own:
        return _nearest(own, cue[0])
    if carried and (code not in OWN_DATE_ONLY or (same_time and code == "statement")):
        return carried[1]
    return None


def _is_headline(sentence: str) -> bool:
    """A title or heading: no closing punctuation and mostly capitalised words."""
    words: list[str] = [w for w in re.findall(r"[^\W\d_][\w’'-]*", sentence) if len(w) > 3]
    if not words or sentence.rstrip().endswith((".", "!", "?", "”", '"', "»")):
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= max(2.0, len(words) * 0.6)


def place_of(context: DocumentContext, span: Span) -> str | None:
    """The place the span says something happened in, as its city where it is a site in one.

    A place after a locative preposition ("в Таразе", "in Almaty") is preferred over one that
    only qualifies a name ("суд ... Жамбылской области"); else the first place named.
    """
    places = [e for e in context.entities if e.kind == "place" and span.start <= e.start < span.end]
    located = [e for e in places if _LOCATIVE.search(context.text, max(0, e.start - 8), e.start)]
    for entity in (located or places)[:1]:
        name = entity.canonical or entity.normal or entity.text
        return context.lexicon.city_of(name) or name
    return None


def _setting(context: DocumentContext, offset: int) -> str | None:
    """The last city-level place named up to ``offset``: where a court story is set."""
    for entity in reversed(context.entities):
        if entity.kind == "place" and entity.start < offset:
            name = entity.canonical or entity.normal or entity.text
            if name != context.lexicon.home_country:
                return context.lexicon.city_of(name) or name
    return None


def _actors(context: DocumentContext, span: Span) -> list[str]:
    names: list[str] = []
    for person in context.people:
        if any(span.start <= m.start < span.end for m in person.mentions):
            names.append(person.name)
    for entity in context.entities:
        if entity.kind == "organization" and span.start <= entity.start < span.end:
            name = entity.canonical or entity.text
            if name not in names:
                names.append(name)
    return names


class _Events:
    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        self.found: dict[str, tuple[dict[str, Any], Span, list[Mention]]] = {}
        self.evidence: dict[str, Mention] = {}
        """Per event key, the cue whose sentence is the evidence (names the most actors)."""

    def add(self, record: dict[str, Any], span: Span, cue: tuple[int, int]) -> None:
        key = f"{record['type']}:{record['date']}"
        mention = Mention(cue[0], cue[1], self.context.text[cue[0] : cue[1]])
        if key not in self.found:
            self.found[key] = (record, span, [mention])
            self.evidence[key] = mention
            return
        kept, _span, mentions = self.found[key]
        mentions.append(mention)
        if kept.get("place") is None:
            kept["place"] = record.get("place")
        known = list(kept["actors"])
        kept["actors"] = known + [a for a in record["actors"] if a not in known]
        if len(record["actors"]) > len(known) and record["type"] != "verdict":
            kept["summary"] = record["summary"]
            self.evidence[key] = mention

    def read_sentences(self) -> None:
        context, text = self.context, self.context.text
        cues = event_cues(context.annotation.doc.language)
        starts = [p.start for p in context.annotation.paragraphs]
        quotes = [(q.start, q.end) for q in find_quote_spans(text)]
        carried: tuple[int, DateMention] | None = None
        carried_last: tuple[int, DateMention] | None = None
        for sentence in context.annotation.sentences:
            paragraph = bisect.bisect_right(starts, sentence.start) - 1
            own = [
                d
                for d in context.dates
                if sentence.start <= d.start < sentence.end
                and d.value
                and d.precision != "year"
                and not any(a <= d.start < b for a, b in quotes)
            ]
            if carried and paragraph - carried[0] > CARRY_REACH:
                carried = carried_last = None
            if not _is_headline(sentence.slice(text)):
                found = self.cues_in(sentence, cues, quotes)
                opens_same_time = cues.same_time.match(text, sentence.start, sentence.end)
                same_time = bool(carried and carried[0] == paragraph and opens_same_time)
                moved_on = not opens_same_time and bool(
                    cues.moved_on.match(text, sentence.start, sentence.end)
                )
                back = carried_last if cues.back_then.match(text, sentence.start) else None
                for code, cue in found[: 1 if ONE_TYPE_PER_SENTENCE else None]:
                    dates, narrative_day = own, back or (None if moved_on else carried)
                    if cues.charge.search(text, max(sentence.start, cue[0] - 80), cue[0]):
                        # a charge is dated only by its own words: "по делу о поджоге ... 5 января"
                        dates, narrative_day = [d for d in own if d.start > cue[1]], None
                    date = _date_for(code, cue, dates, narrative_day, text, same_time)
                    if date is None:
                        continue
                    record = {
                        "date": date_value(date),
                        "type": code,
                        # a statement's place is where it was said, rarely written; the
                        # places in it are what it is about ("death toll in Kazakhstan")
                        "place": None if code == "statement" else place_of(context, sentence),
                        "actors": _actors(context, sentence),
                        "summary": sentence.slice(text).strip()[:240],
                    }
                    self.add(record, sentence, cue)
            narrative = [d for d in own if not _LIMIT.search(text, max(0, d.start - 12), d.start)]
            if narrative:
                days = [d for d in narrative if d.precision == "day"]
                carried = (paragraph, days[0]) if days else None
                carried_last = (paragraph, max(days, key=lambda d: d.start)) if days else None

    def cues_in(
        self, sentence: Span, cues: EventCues, quotes: list[tuple[int, int]]
    ) -> list[tuple[str, tuple[int, int]]]:
        """The first cue of each event type in the sentence, outside quotations."""
        text = self.context.text
        ruled_out = [m.span() for m in cues.not_events.finditer(text, sentence.start, sentence.end)]
        spans = [
            (code, cue.span())
            for code, pattern in cues.types
            if code not in FROM_OTHER_EXTRACTORS
            for cue in pattern.finditer(text, sentence.start, sentence.end)
            if not any(a <= cue.start() < b for a, b in quotes + ruled_out)
        ]
        found: list[tuple[str, tuple[int, int]]] = []
        for code, (start, end) in spans:
            # "задержан по подозрению" (arrest) holds "задержан" (detention): the longer cue wins
            inside = any(
                a <= start and end <= b and (b - a) > (end - start) for _c, (a, b) in spans
            )
            if not inside and code not in {c for c, _s in found}:
                found.append((code, (start, end)))
        return found

    def read_verdicts(self) -> None:
        for fact in self.context.facts.get("verdicts", []):
            verdict = fact.record
            if not verdict.get("date"):
                continue
            record = {
                "date": verdict["date"],
                "type": "verdict",
                # the court's city, else the place the story of the trial is set in
                "place": verdict.get("city") or _setting(self.context, fact.provenance.end),
                "actors": [verdict["defendant"]] if verdict.get("defendant") else [],
                "summary": fact.provenance.sentence[:240],
            }
            p = fact.provenance
            sentence = self.context.annotation.sentence_at(p.start)
            self.add(record, sentence, (p.start, p.end))


def extract(context: DocumentContext) -> list[Fact]:
    """One ``event`` fact per (type, date) of the document."""
    label = f"{NAME}.v{VERSION}"
    events = _Events(context)
    events.read_verdicts()
    events.read_sentences()
    facts = []
    for key, (record, _sentence, mentions) in events.found.items():
        evidence = events.evidence[key]
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
