"""What both clause readers share: the draft of a clause, and turning drafts into clauses.

The English and Russian readers differ in how they read a parse (:mod:`.english`, :mod:`.russian`)
but not in what comes of it: a draft per predicate, each hung on the nearest predicate above it,
numbered in text order and handed out as :class:`~.types.Clause` objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from qantar.model import Span
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.reading.tree import ancestors
from qantar.nlp.reading.types import Argument, Clause


@dataclass
class ClauseDraft:
    """A clause being read: its predicate, kind, lemma, arguments and flags."""

    predicate: int
    kind: str
    lemma: str
    arguments: list[Argument] = field(default_factory=list)
    negated: bool = False
    passive: bool = False


def nearest_predicates(annotation: Annotation, order: Sequence[int]) -> dict[int, int | None]:
    """For each predicate, the nearest predicate above it in the parse (None: a main clause)."""
    predicates = set(order)
    return {
        index: next((a for a in ancestors(annotation, index) if a in predicates), None)
        for index in order
    }


def assemble(
    annotation: Annotation,
    order: Sequence[int],
    drafts: Mapping[int, ClauseDraft],
    parents: Mapping[int, int | None],
    quoted: Sequence[bool],
    said: Mapping[int, bool],
    spans: Mapping[int, Span],
) -> list[Clause]:
    """The clauses of the drafts, numbered in text order of their predicates.

    ``quoted`` tells per token whether it stands inside quotation marks, ``said`` per
    predicate whether its clause is what someone says; a quoted clause is reported too."""
    tokens = annotation.tokens
    numbers = {index: number for number, index in enumerate(order)}
    clauses: list[Clause] = []
    for index in order:
        draft = drafts[index]
        parent = parents[index]
        clauses.append(
            Clause(
                index=numbers[index],
                sentence=tokens[index].sentence,
                predicate=index,
                lemma=draft.lemma,
                arguments=tuple(sorted(draft.arguments, key=lambda a: a.head)),
                negated=draft.negated,
                passive=draft.passive,
                kind=draft.kind,
                parent=None if parent is None else numbers[parent],
                quoted=quoted[index],
                reported=quoted[index] or said[index],
                span=spans[index],
            )
        )
    return clauses
