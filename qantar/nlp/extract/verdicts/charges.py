"""The offences a verdict names: quoted articles of the code, or the words after "for".

Reporters name charges in three ways: quoted ("for “participating in mass riots”"), as a
phrase after an opener ("on charges of high treason", "accused of an attempt to seize the
airport", "for spreading false information"), or as a noun phrase before "charges" ("on public
disorder charges"). The charge is cut where the clause moves on: at a date, a place ("in the
northern city of ..."), a dash, "after", or ", and". A hedge naming who alleges the charge
("for what the state alleged was their ...") is dropped, since the charge is what they alleged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qantar.model import Span
from qantar.nlp.extract.verdicts.cues import VerdictCues
from qantar.nlp.normalize.russian_phrases import nominative_charges
from qantar.nlp.normalize.terms import find_terms

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")

_QUOTED = re.compile(r"\s*[“\"«„]([^”\"»“]{3,200})[”\"»“]")
_QUOTE_JOINT = re.compile(r"\s*(?:,|and|as well as|и|а также)?\s*(?=[“\"«„])", re.IGNORECASE)
_NOUN_CHARGES = re.compile(r"\bon\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s+charges?\b", re.IGNORECASE)
_STOP = re.compile(
    r",\s+(?:and|but|who|which|while|а|но|который|которая|которые)\b|[;:]|\s[–—-]\s|\.(?:\s|$)"
    r"|\s+(?:after|before|because|when|during|following|over\s+what|после|перед|во\s+время)\b"
    r"|\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:city|province|region|town|village|district)\b"
    r"|,\s+(?:ranging\s+)?(?:the|a|an)\s+[\w-]+\s+(?:said|says)\b",
    re.IGNORECASE,
)
_NOT_A_CHARGE = re.compile(
    r"^(?:\d|life\b|the\s+(?:first|same|rest)\b|years?\b|months?\b|someone\b|him\b|her\b|them\b)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"[\s,]+(?:on|in|at|of|the|and|to|from|unchanged|intact|in\s+force|на|в|и)?\s*$", re.I
)


def _quoted(text: str, start: int, end: int) -> list[str]:
    found: list[str] = []
    position = start
    while True:
        m = _QUOTED.match(text, position, end)
        if not m:
            return found
        found.append(m.group(1).strip(" .,"))
        joint = _QUOTE_JOINT.match(text, m.end(), end)
        if not joint:
            return found
        position = joint.end()


def _phrase(
    text: str, start: int, end: int, cues: VerdictCues, stops: Sequence[int]
) -> tuple[str, int]:
    limit = min([s for s in stops if start < s <= end] + [end])
    stop = _STOP.search(text, start, limit)
    cut = stop.start() if stop else limit
    phrase = cues.charge_hedges.sub("", text[start:cut].strip(), count=1)
    phrase = _TRAILING.sub("", phrase).strip(' ,.“”"')
    if len(phrase) < 3 or _NOT_A_CHARGE.match(phrase) or _starts_with_term(phrase, cues):
        return "", cut
    return phrase, cut


def find_charges(
    text: str,
    clause: Span,
    cues: VerdictCues,
    start: int,
    stops: Sequence[int] = (),
    before: int | None = None,
    elsewhere: Sequence[Span] = (),
) -> tuple[list[str], Span]:
    """The charges named in ``clause`` from ``start`` (the predicate) on, and where they stand.

    ``stops`` are offsets where a charge phrase must end: the starts of dates and of the
    clauses embedded after the predicate ("... of abuse of office and sentenced to ..."). The
    span is empty at ``clause.end`` when no charge is named, so callers can tell text before
    the charges (where the verdict's own date and place stand) from text inside or after them.
    ``before`` is where a charge named ahead of the predicate may begin (a participle or
    relative clause about the defendant: "X, обвинявшуюся в поджоге, суд оправдал").
    ``elsewhere`` are stretches that belong to other clauses: no charge opens inside them.
    """
    noun = _NOUN_CHARGES.search(text, start, clause.end)
    for opener in cues.charge_openers.finditer(text, start, clause.end):
        if noun and noun.start() < opener.start():
            break
        if any(e.start <= opener.start() < e.end for e in elsewhere):
            continue
        quoted = _quoted(text, opener.end(), clause.end)
        if quoted:
            return quoted, Span(opener.start(), _quoted_end(text, opener.end(), clause.end))
        phrase, cut = _phrase(text, opener.end(), clause.end, cues, stops)
        if phrase:
            return _named(phrase), Span(opener.start(), cut)
    if noun:
        return [noun.group(1)], Span(noun.start(), noun.end())
    ahead = Span(clause.start if before is None else before, clause.end)
    return _preceding(text, ahead, cues, start, stops), Span(clause.end, clause.end)


def _preceding(
    text: str, clause: Span, cues: VerdictCues, start: int, stops: Sequence[int]
) -> list[str]:
    """A charge in a clause about the defendant before the trigger ("X, которому вменяли
    поджог, суд оправдал"): it ends at that clause's comma. Its span is not returned, since
    the verdict's own date and place stand after it."""
    for opener in cues.preceding_charge_openers.finditer(text, clause.start, start):
        comma = text.find(",", opener.end(), start)
        end = comma if comma != -1 else start
        phrase, _cut = _phrase(text, opener.end(), end, cues, stops)
        if phrase:
            return _named(phrase)
    return []


def _named(phrase: str) -> list[str]:
    """A Russian charge in the nominative, split into its parallel offences."""
    return nominative_charges(phrase) if _CYRILLIC.search(phrase) else [phrase]


def _starts_with_term(phrase: str, cues: VerdictCues) -> bool:
    """ "for eight years each": the term, not a charge."""
    return any(t.start == 0 for t in find_terms(phrase, "ru" if _CYRILLIC.search(phrase) else "en"))


def _quoted_end(text: str, start: int, end: int) -> int:
    position = start
    while m := _QUOTED.match(text, position, end):
        position = m.end()
        joint = _QUOTE_JOINT.match(text, position, end)
        if not joint or not _QUOTED.match(text, joint.end(), end):
            break
        position = joint.end()
    return position
