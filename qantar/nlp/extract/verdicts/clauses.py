"""Read one sentence about a court outcome: who, what outcome, how long, when, where, for what.

A sentence can hold two outcomes ("X was jailed for five years, while Y received three"), so it
is first cut into clauses at the joints between them. In each clause the defendants stand where
the grammar puts them: before a passive trigger ("X was sentenced", "X received"), after an
active one ("a court sentenced X", "the sentencing of seven people", "handed down to X"), or
after a companion phrase ("along with Y and Z"). Dates, places and outcomes inside a relative
clause that does not hold the trigger (", who claimed ... on January 5,") describe something
else and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from qantar.model import Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.verdicts.charges import find_charges
from qantar.nlp.extract.verdicts.cues import VerdictCues, verdict_cues
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.normalize.numbers import parse_number
from qantar.nlp.normalize.terms import TermMention, find_terms
from qantar.resolve.within_document import PersonCluster

#: Where a sentence may be cut into two verdict clauses.
_JOINT = re.compile(r";\s+|,\s+(?:while|whereas|and|but|а|и|но|тогда как)\s+", re.IGNORECASE)
_TO = re.compile(r"\s*(?:to\s+)?")
_NEGATED = re.compile(
    r"\b(?:none|no\s+one|nobody|not|never|neither|nor|никто|ни\s+один|не)\b(?:\W+\w+){0,4}\W*$",
    re.I,
)
_OWN_CASE = re.compile(r"['’]s?\s+(?:\w+\s+)?(?:sentence|term|conviction|appeal|verdict)", re.I)
_ONE = frozenset({"a", "an", "one", "один", "одного", "одну", "одна"})
_POSSESSIVE = re.compile(r"^['’]s?\b")
#: Where the defendants named after an active trigger end (else at the charges).
_AFTER_STOP = re.compile(r"[.;]")


@dataclass
class Defendant:
    """A named person or an unnamed group standing trial in one clause."""

    start: int
    end: int
    person: PersonCluster | None = None
    count: int = 1
    definite: bool = False  # "those five protesters": the document names them elsewhere


@dataclass
class VerdictClause:
    """What one clause says about one court outcome."""

    span: Span
    defendants: list[Defendant]
    outcome: str | None
    extra_outcomes: list[str]
    terms: list[TermMention]
    date: DateMention | None
    city: str | None
    court: str | None
    charges: list[str]
    same_outcome_as_before: bool = False
    same_term_as_before: bool = False
    same_charges_as_before: bool = False
    appeal: str | None = None
    pleaded_guilty: bool | None = None
    paragraph: int = 0
    trigger: tuple[int, int] = (0, 0)
    notes: list[str] = field(default_factory=list)


def _clauses(text: str, sentence: Span, cues: VerdictCues) -> Iterator[Span]:
    """Cut a sentence at joints where both sides hold a trigger."""
    start = sentence.start
    for joint in _JOINT.finditer(text, sentence.start, sentence.end):
        left = cues.trigger.search(text, start, joint.start())
        right = cues.trigger.search(text, joint.end(), sentence.end)
        if left and right and right.start() > joint.end():  # "..., and sentenced": one clause
            yield Span(start, joint.start())
            start = joint.end()
    yield Span(start, sentence.end)


def _aside_spans(text: str, span: Span, cues: VerdictCues) -> list[Span]:
    """Relative clauses in ``span`` that hold no trigger: they describe something else."""
    return [
        Span(m.start(), m.end())
        for m in cues.relative_clause.finditer(text, span.start, span.end)
        if not cues.trigger.search(text, m.start(), m.end())
    ]


def _inside(offset: int, spans: list[Span]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _outcomes(
    text: str, span: Span, cues: VerdictCues, trigger: int, asides: list[Span]
) -> list[str]:
    """Outcome codes in the clause, the one nearest after the trigger first."""
    found: list[tuple[int, str]] = []
    for code, pattern in cues.outcomes:
        for m in pattern.finditer(text, span.start, span.end):
            if _inside(m.start(), asides) or cues.contrast.search(text, span.start, m.start()):
                continue
            distance = m.start() - trigger if m.start() >= trigger else 10_000 + trigger - m.start()
            found.append((distance, code))
    ordered: list[str] = []
    for _, code in sorted(found):
        if code not in ordered:
            ordered.append(code)
    if "suspended" in ordered and "prison" in ordered:
        # "лишения свободы условно", "a suspended prison term": the prison term is suspended
        ordered.remove("prison")
    return ordered


def _zones(
    text: str, span: Span, cues: VerdictCues, trigger: re.Match[str], language: str, limit: int
) -> list[list[Span]]:
    """Where the defendants of this clause are named: the likely place, then the other side.

    "X was sentenced": before; "a court sentenced X", "handed down to X": after. When the
    likely side names nobody ("X was found guilty and sentenced") the other side is read.
    """
    if language == "ru":
        return [[span]]
    before = text[span.start : trigger.start()]
    active = cues.active_trigger.fullmatch(trigger.group(0)) and not cues.passive_before.search(
        before
    )
    speech = list(re.finditer(r"\b(?:said|says|told\s+\w+|reported)(?:\s+that)?\b|:", before))
    before_zone = Span(span.start + speech[-1].end() if speech else span.start, trigger.start())
    lead = _TO.match(text, trigger.end())
    after_start = lead.end() if lead else trigger.end()
    end = _AFTER_STOP.search(text, after_start, limit)
    after_zone = Span(after_start, end.start() if end else limit)
    first, second = (after_zone, before_zone) if active else (before_zone, after_zone)
    companion = cues.companions.search(text, trigger.end(), span.end)
    extra = [Span(companion.end(), span.end)] if companion else []
    return [[first, *extra], [second, *extra]]


def _defendants(
    context: DocumentContext, zones: list[Span], asides: list[Span], cues: VerdictCues
) -> list[Defendant]:
    text = context.text
    found: list[Defendant] = []
    seen: set[int] = set()
    for person in context.people:
        if {r.lower() for r in person.roles} & cues.court_roles:
            continue
        for m in person.mentions:
            if not any(z.start <= m.start and m.end <= z.end for z in zones):
                continue
            if _inside(m.start, asides) or _is_possessor(text, m.end):
                continue
            if id(person) not in seen:
                seen.add(id(person))
                found.append(Defendant(m.start, m.end, person))
    named = bool(found)
    for zone in zones:
        for g in cues.group.finditer(text, zone.start, zone.end):
            if _inside(g.start(), asides) or any(d.start <= g.start() < d.end for d in found):
                continue
            if named and g.group("number").lower() in _ONE:
                continue  # "X, a journalist, ...": a role of the person, not a second defendant
            if any(d.start < g.end("number") and g.start("number") < d.end for d in context.dates):
                continue  # "11 июля приговорил активиста": a day, not eleven activists
            number = parse_number(g.group("number"), context.annotation.doc.language)
            if number is None or number != int(number) or number < 1:
                continue
            found.append(Defendant(g.start(), g.end(), None, int(number), bool(g.group("det"))))
    return sorted(found, key=lambda d: d.start)


def _is_possessor(text: str, end: int) -> bool:
    """ "Masimov's deputies": not a defendant; "Masimov's sentence was upheld": one."""
    if not _POSSESSIVE.match(text[end : end + 2]):
        return False
    return not _OWN_CASE.match(text, end)


def _first_found(
    context: DocumentContext, alternatives: list[list[Span]], asides: list[Span]
) -> list[Defendant]:
    cues = verdict_cues(context.annotation.doc.language)
    for zones in alternatives:
        found = _defendants(context, zones, asides, cues)
        if found:
            return found
    return []


def _pick_date(dates: list[DateMention], charges: Span, asides: list[Span]) -> DateMention | None:
    """The verdict's own date: one before the charges, else one right after them.

    A date further into or after the charges dates the offence ("on charges of treason over
    ... unrest in January 2022"); one that ends the charge phrase ("for stealing weapons on
    July 11") is how reporters attach the verdict's day.
    """
    usable = [d for d in dates if d.value and not _inside(d.start, asides)]
    usable.sort(key=lambda d: d.relative)  # "on 14 July" over "a day earlier"
    before = [d for d in usable if d.start < charges.start]
    closing = [d for d in usable if charges.end <= d.start <= charges.end + 4]
    chosen = before or closing
    return chosen[0] if chosen else None


def _place(context: DocumentContext, span: Span, charges_at: int, asides: list[Span]) -> str | None:
    """The city of the first place named before the charges (else within them)."""
    cities = []
    for e in context.entities:
        if e.kind != "place" or not span.start <= e.start < span.end or _inside(e.start, asides):
            continue
        city = context.lexicon.city_of(e.canonical or e.normal or e.text)
        if city:
            cities.append((e.start >= charges_at, e.start, city))
    return min(cities)[2] if cities else None


def _court(context: DocumentContext, span: Span) -> str | None:
    for e in context.entities:
        if e.kind == "organization" and span.start <= e.start < span.end:
            name = e.canonical or e.normal or e.text
            if re.search(r"\bcourt\b|\bсуд\b", name, re.IGNORECASE):
                return name
    return None


def read_clauses(context: DocumentContext, sentence: Span, paragraph: int) -> list[VerdictClause]:
    """Every verdict clause of one sentence (most sentences have none)."""
    text, language = context.text, context.annotation.doc.language
    cues = verdict_cues(language)
    clauses = []
    for span in _clauses(text, sentence, cues):
        trigger = cues.trigger.search(text, span.start, span.end)
        if trigger is None:
            continue
        asides = _aside_spans(text, span, cues)
        outcomes = _outcomes(text, span, cues, trigger.start(), asides)
        terms = [
            t
            for t in find_terms(text, language, span.start, span.end)
            if not _inside(t.start, asides)
        ]
        dates = [d for d in context.dates if span.start <= d.start < span.end]
        charges, charges_span = find_charges(
            text, span, cues, trigger.start(), stops=[d.start for d in dates]
        )
        charges_at = charges_span.start
        same_charges = bool(cues.same_charges.search(text, span.start, span.end))
        if same_charges:
            charges = []  # "on the same charge": the previous verdict's, filled in later
        main = [o for o in outcomes if o != "ban"]
        clause = VerdictClause(
            span=span,
            defendants=_first_found(
                context, _zones(text, span, cues, trigger, language, charges_at), asides
            ),
            outcome=(main or outcomes)[0] if outcomes else None,
            extra_outcomes=["ban"] if main and "ban" in outcomes else [],
            terms=terms,
            date=_pick_date(dates, charges_span, asides),
            city=_place(context, span, charges_at, asides),
            court=_court(context, span),
            charges=charges,
            same_outcome_as_before=bool(
                cues.same_as_before.search(text, span.start, span.end)
                or cues.same_term_as_before.search(text, span.start, span.end)
            ),
            same_term_as_before=bool(cues.same_term_as_before.search(text, span.start, span.end)),
            same_charges_as_before=same_charges,
            appeal=_appeal(text, span, cues),
            pleaded_guilty=plea(text, span, cues),
            paragraph=paragraph,
            trigger=(trigger.start(), trigger.end()),
        )
        clauses.append(clause)
    return clauses


def _appeal(text: str, span: Span, cues: VerdictCues) -> str | None:
    if not cues.appeal_words.search(text, span.start, span.end):
        return None
    for status, pattern in cues.appeal_status:
        if pattern.search(text, span.start, span.end):
            return status
    return None


def plea(text: str, span: Span, cues: VerdictCues) -> bool | None:
    """True for "admitted their guilt", False for "none of them pleaded guilty", else None."""
    if cues.pleaded_not_guilty.search(text, span.start, span.end):
        return False
    admitted = cues.pleaded_guilty.search(text, span.start, span.end)
    if admitted is None:
        return None
    return not _NEGATED.search(text, max(span.start, admitted.start() - 40), admitted.start())
