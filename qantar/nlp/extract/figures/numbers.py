"""Which numbers of a sentence are figures, and of which measure.

Numbers that are dates, terms of a sentence, the defendants of a verdict ("three men each
got ..."), articles of a code ("Article 256, Part 2"), shares, ordinals, ages, differences
("100 more than in June"), a word for one ("one of the detainees") or a group named before
("those five protesters") are not counts. A number cut off by the end of the passage is not
recorded: what it counted is lost. Every other number is read by :mod:`.counting` and given
the measure that fits it (:mod:`.measures`), or left out when none does, never forced.

A part of a count just stated ("Of them, 57 ...", "из них 71 ...", "including 19 ...") divides
that count: it may take its noun, its cue words and, failing all else, its measure.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qantar.model import Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.figures.counting import Count, read_count
from qantar.nlp.extract.figures.measures import measure_of
from qantar.nlp.extract.verdicts.clauses import ClauseReader
from qantar.nlp.extract.verdicts.cues import verdict_cues
from qantar.nlp.normalize.numbers import parse_number
from qantar.nlp.normalize.quantities import Quantity
from qantar.nlp.normalize.terms import find_terms
from qantar.nlp.reading.cues import cue_list
from qantar.nlp.reading.document import Reading

_NOT_A_COUNT_AFTER = re.compile(
    # a share ("6%"), an ordinal ("19th"), "one another"
    r"\s*(?:%|percent|per\s+cent|процент\w*|th\b|st\b|nd\b|rd\b|another\b)"
    # a difference ("100 more than in June"), a word the number is part of ("one-sided"), an age
    r"|\s+(?:more|fewer|less)\s+than\b|-[^\W\d]|\s+years?\s+old\b|\s+(?:лет|года?)\s+от\s+роду\b"
)


def excluded(context: DocumentContext, sentence: Span) -> list[tuple[int, int]]:
    """Spans whose numbers are not figures: dates, terms and verdict defendants."""
    spans = [(d.start, d.end) for d in context.dates if sentence.start <= d.start < sentence.end]
    language = context.annotation.doc.language
    spans += [
        (t.start, t.end) for t in find_terms(context.text, language, sentence.start, sentence.end)
    ]
    for verdict in context.facts.get("verdicts", []):  # "sentenced three people to jail"
        spans += [
            (m.start, m.end) for m in verdict.mentions if sentence.start <= m.start < sentence.end
        ]
    return spans


def _is_statute(reading: Reading, q: Quantity, language: str) -> bool:
    """Whether the number is an article or part of a code ("Article 256, Part 2", "ч. 2 ст.
    272"): the word before it is one of ``numbers.yml`` ``statute_words``."""
    before = reading.tokens_between(max(0, q.start - 12), q.start)
    words = [t for t in before if t.text not in (".", ",")][-1:]
    return bool(words) and cue_list("numbers", "statute_words", language).has(words[0])


_CONVICTED = "convicted"


def _tried(context: DocumentContext, count: Count) -> bool:
    """Whether the number counts the defendants of one trial: the verdict reader reads its
    clause as a verdict, not as court statistics (a hedged, large or broken-down count)."""
    if count.clause is None:
        return False
    reader = ClauseReader(context, context.reading, verdict_cues(context.annotation.doc.language))
    verdict = reader.read(count.clause, 0)
    if verdict is None or verdict.statistic:
        return False
    groups = [d for d in verdict.defendants if d.person is None]
    if any(d.start <= count.anchor.start < d.end for d in groups):
        return True  # the reader's own group
    # "вынесли приговор четырём участникам", then the four verdicts one by one (SCHEMA rule 4)
    named = [f for f in context.facts.get("verdicts", []) if f.record.get("defendant")]
    value = parse_number(count.anchor.text, context.annotation.doc.language)
    return not groups and value is not None and 1 < value <= len(named)


def _is_sub_count(reading: Reading, count: Count, language: str) -> bool:
    """Whether the number is a part of a count just stated: "of them, 57", "из них 71",
    "including 19", "six of whom" (a cue of ``numbers.yml`` ``sub_count`` next to it)."""
    tokens = reading.sentence_tokens(count.anchor.sentence)
    if not tokens:
        return False
    first = tokens[0].index
    at = count.anchor.index - first
    window = tokens[max(0, at - 4) : at + 4]
    return bool(cue_list("numbers", "sub_count", language).find(window))


def measured(
    context: DocumentContext,
    quantities: list[Quantity],
    excluded: list[tuple[int, int]],
    before: list[Count],
) -> list[tuple[Quantity, str, Count]]:
    """The quantities of one sentence that are figures, each with its measure and reading.

    ``before`` are the counts of the last sentence with figures: a sub-count at the start of
    a sentence ("Of them, 57 ...") divides the count stated there."""
    text, language = context.text, context.annotation.doc.language
    reading = context.reading
    numbers = {t.index for q in quantities for t in reading.tokens_between(q.number_start, q.end)}
    read: list[tuple[Quantity, Count]] = []
    for q in quantities:
        if any(a < q.end and q.number_start < b for a, b in excluded):
            continue
        if _NOT_A_COUNT_AFTER.match(text, q.end) or _is_statute(reading, q, language):
            continue
        if q.value == 1 and not any(c.isdigit() for c in q.text):
            continue  # "one of the detainees", "ещё одно дело": a word for one is not a count
        if not text[q.end :].strip():
            continue  # the passage ends on the number: what it counted is cut off
        count = read_count(reading, q, numbers)
        if count is not None and not count.referring:  # "those five protesters"
            read.append((q, count))
    found: list[tuple[Quantity, str, Count]] = []
    for q, count in read:
        # the words that say what another number counts say nothing about this one
        theirs = {t.index for _, c in read if c is not count for t in c.counted} - {
            t.index
            for t in count.counted  # "с 60 до 120 тенге за литр": a shared noun
        }
        count = replace(
            count,
            scope=tuple(t for t in count.scope if t.index not in theirs),
            adjacent=tuple(t for t in count.adjacent if t.index not in theirs),
            shared=tuple(t for t in count.shared if t.index not in theirs),
            wider=tuple(t for t in count.wider if t.index not in theirs),
        )
        heads = [c for _, _, c in found] or before
        head = heads[-1] if heads and _is_sub_count(reading, count, language) else None
        measure = measure_of(q, count, language, head, reading.tokens)
        if measure == _CONVICTED and _tried(context, count):
            continue  # "суд вынес приговор четырём жителям": a trial, not a statistic
        if measure is None and head is not None:
            # "Of them, 57 were women": a part of the count takes its measure
            measure = next((m for _, m, c in found if c is head), None)
        if measure:
            found.append((q, measure, count))
    return found
