"""Named people reported killed, injured or tortured (``harm.v1``).

The authorities never published a full list of the dead; monitors assemble one from reports
such as "the son of X ... died as a result of gunshot wounds" or a defendant who says he was
tortured into confessing. Each such report becomes a ``harm`` fact: who (a named person, or a
relative of one: "son of X"), what (death, injury, torture), when and where if the sentence
says, the circumstance ("as a result of gunshot wounds") and who is said to be responsible
("by security forces"), as the text states it and never more.

The victim is the person named nearest before the cue in the same clause, or right after
"death of"/"killing of", or the person a pronoun just before the cue points back to ("he had
been tortured"). A speech verb or a number of people between the name and the cue breaks the
link: in "Tokayev said 225 people died" Tokayev is not a victim.
"""

from __future__ import annotations

import re

from qantar.model import Fact, Mention, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events import date_value, place_of
from qantar.nlp.extract.events.cues import event_cues
from qantar.nlp.lexicon import CuePattern
from qantar.nlp.normalize.names import skeleton

NAME = "harm"
VERSION = 1
KIND = "harm"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places")

#: Characters a victim's name may stand before the cue (room for an appositive).
REACH = 140
_RELATIVE = re.compile(
    r"(?:the\s+|his\s+|her\s+|a\s+)?(?:\w+\s+)?(son|daughter|brother|sister|wife|husband|father|"
    r"mother|nephew|niece|grandson|granddaughter|relative|cousin|uncle|aunt)\s+of\s+$",
    re.IGNORECASE,
)
_BREAK = re.compile(
    r"\b(?:said|says|told|according|reported|claimed|stated|that|while|but|whereas|"
    r"заявил\w*|сказал\w*|сообщил\w*)\b|[;:]|\d|\b(?:people|persons|men|women|человек)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|she|they|он|она|они)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_AFTER = re.compile(r"^\s+(?:of\s+)?$", re.IGNORECASE)
_STOP = re.compile(r"[.;,–—]|\s+(?:and|but|after|while|when|а|но)\s", re.IGNORECASE)


def _victim(context: DocumentContext, sentence: Span, cue: re.Match[str]) -> str | None:
    text = context.text
    mentions = [
        (m.start, m.end, p) for m, p in context.people_between(sentence.start, sentence.end)
    ]
    if cue.group(0).lower().endswith(" of"):  # "death of X"
        after = [m for m in mentions if m[0] >= cue.end() and _AFTER.match(text[cue.end() : m[0]])]
        return after[0][2].name if after else None
    before = [m for m in mentions if m[1] <= cue.start() and cue.start() - m[1] <= REACH]
    if not before:
        return None
    start, end, person = before[-1]
    gap = text[end : cue.start()]
    pronoun = _PRONOUN.search(gap)
    if _BREAK.search(gap) and not pronoun:
        return None
    if text[end : end + 2] in ("'s", "’s"):
        return None
    relative = _RELATIVE.search(text, sentence.start, start)
    if relative and relative.end() == start:
        return f"{relative.group(1).lower()} of {person.name}"
    return person.name


def _phrase_after(
    context: DocumentContext, pattern: CuePattern, start: int, end: int
) -> str | None:
    m = pattern.search(context.text, start, end)
    if not m:
        return None
    stop = _STOP.search(context.text, m.end(), end)
    phrase = context.text[m.start() : stop.start() if stop else end].strip()
    return phrase or None


def _responsible(context: DocumentContext, pattern: CuePattern, sentence: Span) -> str | None:
    """Who the sentence blames, in its own words ("by security forces"); None if nobody."""
    m = pattern.search(context.text, sentence.start, sentence.end)
    return m.group(0) if m else None


def extract(context: DocumentContext) -> list[Fact]:
    """One ``harm`` fact per named person and harm type in the document."""
    label = f"{NAME}.v{VERSION}"
    cues = event_cues(context.annotation.doc.language)
    found: dict[str, Fact] = {}
    for sentence in context.annotation.sentences:
        for code, pattern in cues.harm:
            for cue in pattern.finditer(context.text, sentence.start, sentence.end):
                victim = _victim(context, sentence, cue)
                if victim is None:
                    continue
                key = f"{code}:{skeleton(victim)}"
                mention = Mention(cue.start(), cue.end(), cue.group(0))
                if key in found:
                    found[key].mentions.append(mention)
                    continue
                dates = [
                    d for d in context.dates if sentence.start <= d.start < sentence.end and d.value
                ]
                record = {
                    "type": code,
                    "person": victim,
                    "date": date_value(dates[0]) if dates else None,
                    "place": place_of(context, sentence),
                    "circumstance": _phrase_after(
                        context, cues.circumstance, cue.end(), sentence.end
                    ),
                    "responsible": _responsible(context, cues.responsible, sentence),
                }
                found[key] = Fact(
                    kind=KIND,
                    key=key,
                    record=record,
                    provenance=context.provenance(cue.start(), cue.end(), label),
                    mentions=[mention],
                )
    deaths = {
        (f.record["person"], f.provenance.sentence)
        for k, f in found.items()
        if k.startswith("death:")
    }
    return [  # "died of gunshot wounds" is a death, not also an injury
        f
        for k, f in found.items()
        if not (k.startswith("injury:") and (f.record["person"], f.provenance.sentence) in deaths)
    ]
