"""Figures: every number stated about the events, with its measure, source and date.

The reader (``figures.v3``) walks the sentences on the shared reading layer
(:mod:`qantar.nlp.reading`): which numbers are counts and of what comes from the parse of each
number's clause (:mod:`.numbers`, :mod:`.counting`, :mod:`.measures`, the codebook's
``figure_measures``); who gives them from the speaker or body the text credits
(:mod:`.sources`); ``as_of`` from the sentence's frame ("as of 10 January", "said on July 18",
:mod:`.dating`) or, failing that, the dated statement that gives them (:mod:`.statements`),
never the publication date by default; what the count covers from :mod:`.scope`.

A sentence of figures that names no source continues the source and date of the figures just
before it ("More than 349 remain in detention, X said. There are 32 criminal cases open ...");
one figure counted twice in a document is one record.
"""

from __future__ import annotations

import bisect
from typing import Any

from qantar.model import Fact, Mention, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.figures.counting import Count
from qantar.nlp.extract.figures.dating import as_of_date
from qantar.nlp.extract.figures.numbers import excluded, measured
from qantar.nlp.extract.figures.scope import period, place
from qantar.nlp.extract.figures.sources import UNKNOWN, Source, find_source, is_anaphoric
from qantar.nlp.extract.figures.statements import StatementFollower
from qantar.nlp.normalize.quantities import Quantity, find_quantities, split_change

NAME = "figures"
VERSION = 3
KIND = "figure"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places", "quotes", "verdicts")

#: Sentences a source and date carry over to later figures that name none.
CARRY_REACH = 2


def _names_anyone(context: DocumentContext, sentence: Span) -> bool:
    """Whether a sentence names a person or body (then it is not a bare continuation)."""
    return any(
        e.kind in ("person", "organization") and sentence.start <= e.start < sentence.end
        for e in context.entities
    )


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
    previous_counts: list[Count] = []
    last_index = -10
    last_figures: list[Fact] = []
    statements = StatementFollower(context)
    paragraphs = [p.start for p in context.annotation.paragraphs]
    for index, sentence in enumerate(context.annotation.sentences):
        paragraph = bisect.bisect_right(paragraphs, sentence.start) - 1
        if index - last_index > CARRY_REACH:
            previous, previous_counts = None, []
        statement = statements.sentence(index, paragraph, sentence)
        if statement is not None and statement.back:
            for fact in last_figures:  # "Об этом в субботу, 22 января, сообщает ..."
                if fact.record["as_of"] is None:
                    fact.record["as_of"] = statement.date
            statements.credit({f.record["attributed_to"] for f in last_figures} - {None})
        quantities = [
            c
            for q in find_quantities(text, language, sentence.start, sentence.end)
            for c in split_change(text, q)
        ]
        numbers_out = excluded(context, sentence) if quantities else []
        figures = measured(context, quantities, numbers_out, previous_counts)
        previous_counts = [count for _, _, count in figures] or previous_counts
        if not figures:
            continue
        last_index = index
        dates = [d for d in context.dates if sentence.start <= d.start < sentence.end and d.value]
        as_of = as_of_date(text, dates, sentence, language)
        source = find_source(context, sentence, figures[0][0].start)
        anaphoric = source is not None and is_anaphoric(context, source)
        if source is not None and previous is not None and anaphoric:
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
        as_of = as_of or statements.date_for(paragraph, source.name, anaphoric)
        previous = (source, as_of) if source is not UNKNOWN or as_of else None
        narrowed = period(context, sentence, as_of)
        last_figures = []
        for position, (q, measure, _) in enumerate(figures):
            scope = {"place": place(context, sentence, q, quantities), "period": narrowed}
            # "X said 230 died, while the ministry said 225": each side its own source
            own = find_source(context, sentence, q.start) if position else None
            named_here = own is not None and own.name and own.name in sentence.slice(text)
            given_by = own if own and named_here and not is_anaphoric(context, own) else source
            record = _record(q, measure, given_by, as_of, sentence.slice(text).strip(), scope)
            key = f"{measure}:{record['value']}"
            if key in found:
                kept = found[key].record
                if kept["attributed_to"] is None and given_by.name is not None:
                    kept.update(attributed_to=given_by.name, source_type=given_by.kind)
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
            last_figures.append(found[key])
    return list(found.values())
