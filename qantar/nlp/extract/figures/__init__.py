"""Figures: every number stated about the events, with its measure and source (``figures.v1``).

A quantity becomes a figure when a codebook measure fits it (``figure_measures`` in
``qantar/codebook.yml``, read in order, specific before general): the measure's noun follows the
number ("238 people", "20,000 local and foreign “bandits”"), its cue stands in the sentence
("died", "pre-trial detention"), or the number is a sum in the measure's currency ("$2-3bn" and
"damage"). A number no measure fits is left out, never forced; numbers that are dates, terms
or the defendants of a verdict ("three men each got ...") are not figures.

``as_of`` is the day the figure refers to when the sentence frames it ("On 17 January, it was
reported that ...", "said on July 18", "By the morning of 11 January"), never a date of
something else in the sentence. A sentence of figures that names no source continues the
source and date of the figures just before it ("More than 349 remain in detention, X said.
There are 32 criminal cases open ..."); one figure counted twice in a document is one record.

``scope`` says what the count covers when the sentence narrows it: a ``place`` ("in Taraz, 15
died") other than the home country, and a ``period`` of a month, a year or a span ("July has
seen 100 convictions", "in 2022"). Counts of different scopes are not compared with each other
(:mod:`qantar.analyze`), so July's convictions never contradict the total to date.
"""

from __future__ import annotations

import re
from typing import Any

from qantar.model import Fact, Mention, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.figures.dating import as_of_date
from qantar.nlp.extract.figures.measures import SUB_COUNT_AFTER, measure_of
from qantar.nlp.extract.figures.sources import UNKNOWN, Source, find_source, is_anaphoric
from qantar.nlp.normalize.quantities import Quantity, find_quantities, split_change
from qantar.nlp.normalize.terms import find_terms

NAME = "figures"
VERSION = 2
KIND = "figure"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places", "quotes", "verdicts")

#: Sentences a source and date carry over to later figures that name none.
CARRY_REACH = 2
_PERIOD_BEFORE = re.compile(
    r"(?:^\s*|\b(?:in|during|throughout|for|over|в|во|за|на\s+протяжении)\s+(?:the\s+)?"
    r"(?:month\s+of\s+|year\s+of\s+|course\s+of\s+)?)$",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|across|throughout|в|во)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.I)
_NOT_A_COUNT_AFTER = re.compile(
    # a share ("6%"), an ordinal ("19th") or a part of a whole ("six of the deaths were ...")
    r"\s*(?:%|percent|per\s+cent|процент\w*|th\b|st\b|nd\b|rd\b|of\s+(?:the|them|these|those)\b)"
)
#: "один из осуждённых", "одного из адвокатов": one member of a group, not a count of one.
_ONE_OF = re.compile(r"\s+из\s+(?!них\b)", re.IGNORECASE)
_SUB_COUNT = re.compile(r"\s*(?:of\s+(?:them|these|those|whom)|из\s+них)\b", re.IGNORECASE)
_SUB_COUNT_BEFORE = re.compile(
    r"\b(?:of\s+(?:them|whom)|including|из\s+них|в\s+том\s+числе)[\s,:—–-]*$", re.IGNORECASE
)


def _period(context: DocumentContext, sentence: Span, as_of: str | None) -> Any:
    """The period a sentence narrows its figures to: a month, a year or a span other than the
    date of the count ("July has seen 100 convictions"), else None."""
    text = context.text
    for d in context.dates:
        if not (sentence.start <= d.start < sentence.end and d.value) or d.value == as_of:
            continue
        if (d.precision != "day" or d.end_value) and _PERIOD_BEFORE.search(
            text[sentence.start : d.start]
        ):
            return {"start": d.value, "end": d.end_value} if d.end_value else d.value
    return None


def _place(context: DocumentContext, sentence: Span, q: Quantity, others: list[Quantity]) -> Any:
    """The place a sentence narrows figure ``q`` to (not the home country), else None.

    A place counts only with no sub-count between it and ``q``: in "230 died across the
    country, 139 of them in Almaty", Almaty is where the 139 died, not the 230 (but in "ten
    shot dead in four incidents in Almaty" it is where the ten died).
    """
    text = context.text
    home = context.lexicon.home_country
    for entity in context.entities:
        if entity.kind != "place" or not sentence.start <= entity.start < sentence.end:
            continue
        name = entity.canonical or entity.normal or entity.text
        low, high = sorted((q.start, entity.start))
        between = any(
            o is not q
            and low <= o.start < high
            and (
                _SUB_COUNT.match(text, o.end)
                or _SUB_COUNT_BEFORE.search(text, max(sentence.start, o.start - 20), o.start)
            )
            for o in others
        )
        if (
            name != home
            and not between
            and _PLACE_BEFORE.search(text, sentence.start, entity.start)
        ):
            return name
    return None


def _names_anyone(context: DocumentContext, sentence: Span) -> bool:
    """Whether a sentence names a person or body (then it is not a bare continuation)."""
    return any(
        e.kind in ("person", "organization") and sentence.start <= e.start < sentence.end
        for e in context.entities
    )


def _excluded(context: DocumentContext, sentence: Span) -> list[tuple[int, int]]:
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


def _record(
    q: Quantity,
    measure: str,
    source: Source,
    as_of: str | None,
    sentence: str,
    scope: dict[str, Any],
) -> dict[str, Any]:
    value: Any = list(q.value) if isinstance(q.value, tuple) else q.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        value = [int(v) if v.is_integer() else v for v in value]
    return {
        "measure": measure,
        "value": value,
        "qualifier": q.qualifier,
        "currency": q.currency,
        "as_of": as_of,
        "attributed_to": source.name,
        "source_type": source.kind,
        "scope": scope,
        "text": sentence,
    }


def extract(context: DocumentContext) -> list[Fact]:
    """One ``figure`` fact per (measure, value) stated in the document."""
    label = f"{NAME}.v{VERSION}"
    text, language = context.text, context.annotation.doc.language
    found: dict[str, Fact] = {}
    previous: tuple[Source, str | None] | None = None
    last_index = -10
    for index, sentence in enumerate(context.annotation.sentences):
        if index - last_index > CARRY_REACH:
            previous = None
        quantities = [
            c
            for q in find_quantities(text, language, sentence.start, sentence.end)
            for c in split_change(text, q)
        ]
        excluded = _excluded(context, sentence) if quantities else []
        figures = []
        for i, q in enumerate(quantities):
            if any(a < q.end and q.number_start < b for a, b in excluded):
                continue
            if _NOT_A_COUNT_AFTER.match(text, q.end) or (
                q.value == 1 and _ONE_OF.match(text, q.end)
            ):
                continue
            head = quantities[i - 1] if i and SUB_COUNT_AFTER.match(text, q.end) else None
            measure = measure_of(text, q, sentence, language, head)
            if measure:
                figures.append((q, measure))
        if not figures:
            continue
        last_index = index
        dates = [d for d in context.dates if sentence.start <= d.start < sentence.end and d.value]
        as_of = as_of_date(text, dates, sentence, language)
        source = find_source(context, sentence, figures[0][0].start)
        if source is not None and previous is not None and is_anaphoric(context, source):
            source, as_of = previous[0], as_of or previous[1]  # "по информации ведомства"
        if (
            source is None
            and previous is not None
            and as_of is None
            and not _names_anyone(context, sentence)
        ):
            source, carried = previous
            as_of = as_of or carried
        elif source is not None and previous is not None and source.name == previous[0].name:
            as_of = as_of or previous[1]
        source = source or UNKNOWN
        previous = (source, as_of) if source is not UNKNOWN or as_of else None
        period = _period(context, sentence, as_of)
        for q, measure in figures:
            scope = {"place": _place(context, sentence, q, quantities), "period": period}
            record = _record(q, measure, source, as_of, sentence.slice(text).strip(), scope)
            key = f"{measure}:{record['value']}"
            if key in found:
                kept = found[key].record
                if kept["attributed_to"] is None and source.name is not None:
                    kept.update(attributed_to=source.name, source_type=source.kind)
                if kept["as_of"] is None and as_of is not None:
                    kept["as_of"] = as_of  # the headline's count, dated in the text below it
                continue
            found[key] = Fact(
                kind=KIND,
                key=key,
                record=record,
                provenance=context.provenance(q.start, q.end, label),
                mentions=[Mention(q.start, q.end, q.text)],
            )
    return list(found.values())
