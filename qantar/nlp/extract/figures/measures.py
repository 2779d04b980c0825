"""Which codebook measure a stated number is, from what it counts and the clause it stands in.

The codebook (``figure_measures`` in ``qantar/codebook.yml``) gives each measure lemma lists: the
nouns it counts, the cue words its clause must hold, the words that rule it out, or a currency.
:mod:`.counting` has already split the sentence's words into the number's counted phrase, its
own clause (``scope``) and the clause above (``wider``); here a measure fits when

- its noun stands in the counted phrase or right after the number, or it counts people and the
  number counts people (a people noun, or a bare number the clause counts);
- its cue stands in the scope (or, only when no measure's cue does, in the wider clause);
- none of its ``not`` words stands in the scope.

Among the measures that fit, the one whose cue is nearest in the clause structure wins, then the
codebook's order (specific before general): "12 officers died and 317 were injured" reads each
number's own verb, and "compensation totaling $76,000 for damage" is a payment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from qantar.codebook import load_codebook
from qantar.nlp.annotate.types import Token
from qantar.nlp.extract.figures.counting import Count, people_nouns
from qantar.nlp.normalize.quantities import Quantity
from qantar.nlp.reading.cues import LemmaCues, compile_cues

_PREFIX = "codebook.figure_measures"
#: The distance given a measure named by its noun alone: "32 criminal cases open in
#: connection to acts of terrorism" are terrorism cases, wherever "terrorism" stands.
FAR = 99


@dataclass(frozen=True)
class Measure:
    code: str
    noun: LemmaCues
    cue: LemmaCues | None
    excluded: LemmaCues
    people: bool
    currency: str | None


def _cues(spec: dict[str, object], key: str, language: str, name: str) -> LemmaCues:
    lists = spec.get(key) or {}
    words = lists.get(language, []) if isinstance(lists, dict) else []
    return compile_cues(name, [str(w) for w in words or []])


@cache
def measures(language: str) -> tuple[Measure, ...]:
    """The codebook's figure measures with their lemma cues, in codebook order."""
    language = language if language in ("en", "ru") else "en"
    found = []
    for code, spec in load_codebook()["figure_measures"].items():
        extra = spec.extra
        cue = _cues(extra, "cue", language, f"{_PREFIX}.{code}.cue") if "cue" in extra else None
        found.append(
            Measure(
                code=code,
                noun=_cues(extra, "noun", language, f"{_PREFIX}.{code}.noun"),
                cue=cue,
                excluded=_cues(extra, "not", language, f"{_PREFIX}.{code}.not"),
                people=bool(extra.get("people")),
                currency=extra.get("currency"),
            )
        )
    return tuple(found)


def runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """``tokens`` (in text order) cut where an index is skipped, so a phrase never spans a gap."""
    found: list[list[Token]] = []
    for token in tokens:
        if found and found[-1][-1].index + 1 == token.index:
            found[-1].append(token)
        else:
            found.append([token])
    return found


def has(cues: LemmaCues, tokens: Sequence[Token]) -> bool:
    """Whether any entry of ``cues`` stands in ``tokens`` (trying is not firing: only the
    measure chosen has its words counted, :func:`_record`)."""
    return bool(cues) and any(cues.find(run, record=False) for run in runs(tokens))


def _hits(cues: LemmaCues, tokens: Sequence[Token]) -> list[int]:
    """The last word of each hit, the head of an English or Russian phrase ("pre-trial
    detention", "массовых беспорядков")."""
    if not cues:
        return []
    return [hit.last for run in runs(tokens) for hit in cues.find(run, record=False)]


def _record(m: Measure, count: Count, cue_words: Sequence[Token]) -> None:
    """Count the words that decided measure ``m`` as fired rules (``qantar eval --rules``)."""
    for cues, words in ((m.noun, (*count.noun_phrase, *count.qualifiers, *count.after)),) + (
        ((m.cue, cue_words),) if m.cue is not None else ()
    ):
        for run in runs(words):
            cues.record(cues.find(run, record=False))


def _path(tokens: Sequence[Token], index: int) -> list[int]:
    chain = [index]
    while tokens[chain[-1]].head != chain[-1] and len(chain) < len(tokens):
        chain.append(tokens[chain[-1]].head)
    return chain


def tree_distance(tokens: Sequence[Token], a: int, b: int) -> int:
    """Steps between two tokens of a sentence through their nearest common head."""
    up_a, up_b = _path(tokens, a), _path(tokens, b)
    common = set(up_a) & set(up_b)
    if not common:
        return len(up_a) + len(up_b)
    return min(up_a.index(c) + up_b.index(c) for c in common)


def _counts_people(count: Count, language: str) -> bool:
    if count.noun is None:
        return count.core
    return bool(people_nouns(language).has(count.noun))


def _nounless(count: Count) -> bool:
    """The number counts no noun of its own: "36 – mass unrest", "19 из них", "of the police,
    7 died"; what it counts then stands after it or elsewhere in its clause."""
    return (
        (count.noun is None and count.core)
        or (count.noun is not None and count.noun.pos == "PRON")
        or (count.noun is None and bool(count.after))
    )


def _noun_fits(m: Measure, count: Count, language: str, head: Count | None) -> bool:
    if has(m.noun, count.noun_phrase) or has(m.noun, count.qualifiers):
        return True
    if _nounless(count) and has(m.noun, count.after):
        return True
    done_to = m.cue is not None and has(m.cue, count.predicates)
    if m.people and (_counts_people(count, language) or done_to):
        return True  # a people noun, or what the measure's verb was done to ("14 nurses")
    # a part of a count just stated ("875 cases: 44 of them on terrorism") counts its noun
    return head is not None and (
        has(m.noun, head.noun_phrase) or (m.people and _counts_people(head, language))
    )


def measure_of(
    q: Quantity,
    count: Count,
    language: str,
    head: Count | None = None,
    tokens: Sequence[Token] = (),
) -> str | None:
    """The codebook measure that fits ``q`` read as ``count``; ``head`` is the count a
    sub-count divides ("of them", "из них"). None when no measure fits."""
    after = count.after if _nounless(count) else ()
    fitting: list[tuple[int, int, int, str]] = []
    deciding: dict[str, tuple[Measure, Sequence[Token]]] = {}
    for order, m in enumerate(measures(language)):
        if m.currency:
            if q.currency != m.currency:
                continue
        elif q.currency or not _noun_fits(m, count, language, head):
            continue
        if has(m.excluded, count.scope):
            continue
        # nearest first: right after a nounless number, the verb beside it, the rest of its
        # clause, the other clauses it is an argument of, the count it divides, the clauses
        # above; within one, the cue nearest the number in the tree (then codebook order)
        levels: list[Sequence[Token]] = [
            after,
            count.adjacent,
            count.scope,
            count.shared,
            (*head.counted, *head.adjacent, *head.scope) if head is not None else (),
            count.wider,
        ]
        if m.cue is None:  # a measure its noun alone names yields to one its clause names
            level, distance = (0 if has(m.noun, after) else 2), FAR
            deciding[m.code] = (m, ())
        else:
            found = next(
                ((i, hits) for i, words in enumerate(levels) if (hits := _hits(m.cue, words))),
                None,
            )
            if found is None:
                continue
            level, hits = found
            near = [tree_distance(tokens, count.anchor.index, h) for h in hits] if tokens else []
            distance = min(near) if near and level in (1, 2) else 0
            deciding[m.code] = (m, levels[level])
        fitting.append((level, distance, order, m.code))
    if not fitting:
        return None
    chosen = min(fitting)[3]
    _record(*deciding[chosen][:1], count, deciding[chosen][1])
    return chosen
