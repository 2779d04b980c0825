"""Which codebook measure a stated number is: its noun, its cue, its currency.

A measure's noun follows the number ("238 человек", "20,000 local “bandits”"); a count whose
noun comes first is written with a head word ("число погибших достигло 225", "the number of
detainees rose to 9,900"), the head words listed in ``patterns/numbers.yml``. A sub-count ("875
уголовных дел: 44 из них касаются терроризма") takes its noun from the count it divides.

A measure's cue must stand in the same clause as the number, not merely in the sentence: in
"осуждены 46 человек, ещё 12 обвиняемых остаются под стражей" the custody cue belongs to the 12,
and in "875 уголовных дел: 44 из них касаются терроризма" terrorism belongs to the 44. Clauses
are split where news prose joins two statements of fact: a colon, a semicolon, or a comma
before a contrastive or additive conjunction ("а", "но", "ещё", "while", "but").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qantar.codebook import load_codebook
from qantar.model import Span
from qantar.nlp.lexicon import CuePattern, cue_pattern, phrase_pattern, read_patterns
from qantar.nlp.normalize.quantities import Quantity

_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:а|но|однако|ещё|еще|и\s+ещё|и\s+еще|while|whereas|but)\b", re.IGNORECASE
)
#: "44 из них ...", "six of them ...": a part of the count just stated.
SUB_COUNT_AFTER = re.compile(r"\s*(?:из\s+них|of\s+them|of\s+whom)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    code: str
    noun: re.Pattern[str] | None
    noun_before: re.Pattern[str] | None
    cue: CuePattern | None
    currency: str | None


@cache
def _count_heads(language: str) -> str:
    heads = read_patterns("numbers.yml").get("count_heads", {}).get(language, [])
    return phrase_pattern(heads).pattern if heads else ""


@cache
def measures(language: str) -> tuple[Measure, ...]:
    """The codebook's figure measures with their cue patterns, in codebook order."""
    language = language if language in ("en", "ru") else "en"
    heads = _count_heads(language)
    found = []
    for code, spec in load_codebook()["figure_measures"].items():
        noun = spec.extra.get("noun", {}).get(language)
        cue = spec.extra.get("cue", {}).get(language)
        noun_pattern = before_pattern = None
        if noun:
            words = phrase_pattern(noun).pattern
            noun_pattern = re.compile(
                rf"^\s*(?:[–—-]\s*)?(?:из\s+них\s+|of\s+them\s+)?(?:[\w’'-]+\s+){{0,3}}?"
                rf"[“\"‘']?(?:{words})",
                re.IGNORECASE,
            )
            if heads:
                before_pattern = re.compile(rf"{heads}\s+(?:{words})", re.IGNORECASE)
        found.append(
            Measure(
                code,
                noun_pattern,
                before_pattern,
                cue_pattern(cue, f"codebook.figure_measures.{code}.cue") if cue else None,
                spec.extra.get("currency"),
            )
        )
    return tuple(found)


def clause_of(text: str, sentence: Span, offset: int) -> tuple[int, int]:
    """The clause of the sentence holding ``offset``, as (start, end)."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if m.end() <= offset:
            start = m.end()
        elif m.start() >= offset:
            end = m.start()
            break
    return start, end


def _noun_first(text: str, q: Quantity, clause: tuple[int, int], m: Measure) -> bool:
    """ "Число погибших ... достигло 225": the head and noun before, nothing counted after."""
    if m.noun_before is None or not re.match(r"\s*(?:[,.;:]|$)", text[q.end : clause[1]]):
        return False
    return m.noun_before.search(text, clause[0], q.start) is not None


def measure_of(
    text: str, q: Quantity, sentence: Span, language: str, head: Quantity | None = None
) -> str | None:
    """The first codebook measure that fits ``q``; ``head`` is the count a sub-count divides."""
    after = text[q.end : min(q.end + 60, sentence.end)]
    head_after = text[head.end : min(head.end + 60, sentence.end)] if head else None
    clause = clause_of(text, sentence, q.start)
    for m in measures(language):
        if m.currency:
            if q.currency != m.currency:
                continue
        elif (
            q.currency
            or m.noun is None
            or not (
                m.noun.match(after)
                or (head_after is not None and m.noun.match(head_after))
                or _noun_first(text, q, clause, m)
            )
        ):
            continue
        if m.cue and not m.cue.search(text, *clause):
            continue
        return m.code
    return None
