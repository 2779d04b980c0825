"""Who gives a figure, and whether that source is official, independent or unknown.

The text names a source in a few ways: "according to X", "X said" (or "claimed", "X's
statement"), or by quoting X. The source's kind comes from ``patterns/sources.yml``: state
bodies and office titles are official; journalists, NGOs and witnesses independent. A person is
official when the document gives them an office ("President Tokayev", "prosecutor general
Eldos Kilymzhanov"), independent otherwise. Nobody named means unknown, never a guess.

Russian news adds three habits: the impersonal "как сообщили в областном суде" (the body after
the verb), the headline "Генпрокуратура: ..." (the body before a colon), and an anaphoric
"по информации ведомства" that stands for the body just named (``anaphoric`` in the YAML).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qantar.model import Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.lexicon import CuePattern, cue_pattern, read_patterns

#: Characters a person's name may stand before the speech verb that attributes to them.
SPEAKER_REACH = 80
_PHRASE_END = re.compile(r"[,;.:“”\"(]|\s[–—]\s|\s+(?:that|which|who)\b")
_NOUN_PHRASE_BEFORE = re.compile(
    r"(?:^|\b)(?:the|a|an)\s+((?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s*$", re.IGNORECASE
)
_WORD_BEFORE = re.compile(r"(?:^|\s)(\w+)\s+(?:также\s+|ранее\s+)?$")
#: "как сообщили в областном суде": an impersonal speech verb followed by the body that spoke.
_IN_BODY_AFTER = re.compile(r"\s+(?:в|во)\s+([^,;.:«»“”\"()]{3,80})")
#: A headline of the form "Генпрокуратура: ..." / "Police: ..." names who says what follows.
_HEADLINE_SOURCE = re.compile(r"\s*([^\s:,.]+(?:\s+[^\s:,.]+){0,3})\s*:\s")
_PASSIVE = re.compile(r"\b(?:it\s+)?(?:was|were|is|has\s+been)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class SourceCues:
    official: CuePattern
    independent: CuePattern
    before_source: CuePattern
    speech_verbs: CuePattern
    anaphoric: CuePattern


@cache
def source_cues(language: str) -> SourceCues:
    """The cues of ``patterns/sources.yml`` for ``en`` or ``ru``."""
    data = read_patterns("sources.yml")
    language = language if language in ("en", "ru") else "en"

    def words(key: str) -> CuePattern:
        return cue_pattern(data.get(key, {}).get(language, []), f"sources.{key}")

    return SourceCues(
        words("official"),
        words("independent"),
        words("before_source"),
        words("speech_verbs"),
        words("anaphoric"),
    )


@dataclass(frozen=True)
class Source:
    """Who the text says gives a figure."""

    name: str | None
    kind: str  # codebook source_types: official, independent, unknown


UNKNOWN = Source(None, "unknown")


def _person_kind(context: DocumentContext, name: str, cues: SourceCues) -> str:
    text = context.text
    for person in context.people:
        if person.name != name:
            continue
        if cues.official.search(" ".join(person.roles)):
            return "official"
        for m in person.mentions:  # "President Tokayev", "prosecutor general Eldos Kilymzhanov"
            before = text[max(0, m.start - 40) : m.start]
            if re.search(rf"(?:{cues.official.pattern})(?:\s+general)?\s+$", before, re.I):
                return "official"
    return "independent"


def _phrase_kind(phrase: str, cues: SourceCues) -> str:
    if cues.official.search(phrase):
        return "official"
    if cues.independent.search(phrase):
        return "independent"
    return "unknown"


def _person_before(context: DocumentContext, sentence: Span, offset: int) -> str | None:
    before = [
        (m.end, person.name)
        for m, person in context.people_between(sentence.start, offset)
        if m.end <= offset and offset - m.end <= SPEAKER_REACH
    ]
    return max(before)[1] if before else None


def _body_before(context: DocumentContext, sentence: Span, offset: int) -> str | None:
    """An organization named just before the speech verb ("Human Rights Watch said")."""
    for e in reversed(context.entities):
        if e.kind == "organization" and sentence.start <= e.start and e.end <= offset:
            if offset - e.end <= 12:
                return e.canonical or e.normal or e.text
            return None
    return None


def _person_after(context: DocumentContext, start: int, end: int) -> str | None:
    found = context.people_between(start, end)
    return found[0][1].name if found else None


def is_anaphoric(context: DocumentContext, source: Source) -> bool:
    """Whether the source is a word standing for the body just named ("ведомство")."""
    cues = source_cues(context.annotation.doc.language)
    return bool(source.name and cues.anaphoric.fullmatch(source.name.strip()))


def _headline_source(context: DocumentContext, sentence: Span, cues: SourceCues) -> Source | None:
    """The speaker of a "Body: claim" sentence, a news headline convention."""
    m = _HEADLINE_SOURCE.match(context.text, sentence.start, sentence.end)
    if not m:
        return None
    name = m.group(1)
    named = any(
        e.kind in ("organization", "person") and m.start(1) <= e.start < m.end(1)
        for e in context.entities
    )
    kind = _phrase_kind(name, cues)
    if any(p.name == name for p in context.people):
        kind = _person_kind(context, name, cues)
    return Source(name, kind) if named or kind != "unknown" else None


def find_source(context: DocumentContext, sentence: Span, offset: int) -> Source | None:
    """The source the sentence names for a figure at ``offset``; None when it names none."""
    text = context.text
    cues = source_cues(context.annotation.doc.language)
    for quote in context.facts.get("quotes", []):
        p = quote.provenance
        if p.start <= offset < p.end and quote.record.get("speaker"):
            speaker = str(quote.record["speaker"])
            return Source(speaker, _person_kind(context, speaker, cues))
    opener = cues.before_source.search(text, sentence.start, sentence.end)
    if opener:
        stop = _PHRASE_END.search(text, opener.end(), sentence.end)
        phrase = text[opener.end() : stop.start() if stop else sentence.end].strip()
        person = _person_after(context, opener.end(), opener.end() + len(phrase) + 1)
        if person:
            return Source(person, _person_kind(context, person, cues))
        phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
        if phrase:
            return Source(phrase, _phrase_kind(phrase, cues))
        return Source(
            opener.group(0), _phrase_kind(opener.group(0), cues)
        )  # "По официальным данным"
    for verb in cues.speech_verbs.finditer(text, sentence.start, sentence.end):
        before = text[sentence.start : verb.start()]
        if _PASSIVE.search(before):
            continue  # "it was reported that": nobody named
        person = _person_before(context, sentence, verb.start())
        if person:
            return Source(person, _person_kind(context, person, cues))
        body = _body_before(context, sentence, verb.start())
        if body:
            return Source(body, _phrase_kind(body, cues))
        after = _IN_BODY_AFTER.match(text, verb.end(), sentence.end)
        if after and _phrase_kind(after.group(1), cues) != "unknown":
            return Source(after.group(1).strip(), _phrase_kind(after.group(1), cues))
        noun = _NOUN_PHRASE_BEFORE.search(before[-60:]) or _WORD_BEFORE.search(before[-40:])
        if noun and _phrase_kind(noun.group(1), cues) != "unknown":
            return Source(noun.group(1), _phrase_kind(noun.group(1), cues))
    return _headline_source(context, sentence, cues)
