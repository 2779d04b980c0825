"""The events of one document as they are found: one per (type, date), with place and actors.

A happening told twice ("Masimov was detained on Thursday" and, later, "the KNB detained him
on 6 January") is one event: the key is its type and date. Its actors are everyone the telling
clauses name, and its evidence is the telling that names most of them (the first on a tie), so
that "who did it" and the sentence shown agree.
"""

from __future__ import annotations

import re
from typing import Any

from qantar.model import Mention, Span
from qantar.nlp.context import DocumentContext

_LOCATIVE = re.compile(r"(?<!\w)(?:в|во|in|at)\s+(?:\w+\s+)?$", re.IGNORECASE)


def place_of(context: DocumentContext, span: Span, wider: Span | None = None) -> str | None:
    """The place the span says something happened in, as its city where it is a site in one.

    A place after a locative preposition ("в Таразе", "in Almaty") is preferred over one that
    only qualifies a name ("суд ... Жамбылской области"), first in ``span``, then in ``wider``
    (its sentence); else the first place named in either.
    """
    spans = [span] if wider is None else [span, wider]
    found = [
        [e for e in context.entities if e.kind == "place" and s.start <= e.start < s.end]
        for s in spans
    ]
    located = [
        [e for e in places if _LOCATIVE.search(context.text, max(0, e.start - 8), e.start)]
        for places in found
    ]
    for entity in ([*sum(located, []), *sum(found, [])])[:1]:
        name = entity.canonical or entity.normal or entity.text
        return context.lexicon.city_of(name) or name
    return None


def setting(context: DocumentContext, offset: int) -> str | None:
    """The last city-level place named up to ``offset``: where a court story is set."""
    for entity in reversed(context.entities):
        if entity.kind == "place" and entity.start < offset:
            name = entity.canonical or entity.normal or entity.text
            if name != context.lexicon.home_country:
                return context.lexicon.city_of(name) or name
    return None


def actors(context: DocumentContext, span: Span) -> list[str]:
    """The people and bodies named in the span, people first."""
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


def event_key(record: dict[str, Any]) -> str:
    return f"{record['type']}:{record['date']}"


class FoundEvents:
    """The document's events by key, with every cue that told each."""

    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        self.found: dict[str, tuple[dict[str, Any], list[Mention]]] = {}
        self.evidence: dict[str, Mention] = {}
        """Per event key, the cue whose sentence is the evidence (names the most actors)."""

    def __contains__(self, key: str) -> bool:
        return key in self.found

    def add(self, record: dict[str, Any], cue: tuple[int, int]) -> None:
        key = event_key(record)
        mention = Mention(cue[0], cue[1], self.context.text[cue[0] : cue[1]])
        if key not in self.found:
            self.found[key] = (record, [mention])
            self.evidence[key] = mention
            return
        kept, mentions = self.found[key]
        mentions.append(mention)
        if kept.get("place") is None:
            kept["place"] = record.get("place")
        known = list(kept["actors"])
        kept["actors"] = known + [a for a in record["actors"] if a not in known]
        if len(record["actors"]) > len(known) and record["type"] != "verdict":
            kept["summary"] = record["summary"]
            self.evidence[key] = mention
