"""One document as the reading layer sees it: tokens, clauses, and the questions extractors ask.

Built once per document (``DocumentContext.reading``) from the annotation: the clauses come
from the language's clause reader (:mod:`.english` over spaCy's parse, :mod:`.russian` over
natasha's), and everything here is language-neutral. Extractors never look at parser labels;
they ask for a clause's arguments, the tokens that belong to a clause and not to a clause
embedded in it, the conjuncts of a head ("A, B and C"), and the tokens between two offsets.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cached_property

from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.reading import tree
from qantar.nlp.reading.types import Clause


class Reading:
    """Tokens and clauses of one annotated document."""

    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation
        self.tokens = annotation.tokens
        self._starts = [t.start for t in self.tokens]

    @cached_property
    def clauses(self) -> list[Clause]:
        """Every clause of the document, in text order of their predicates."""
        if not self.tokens:
            return []
        if self.annotation.doc.language == "ru":
            from qantar.nlp.reading.russian import russian_clauses

            return russian_clauses(self.annotation)
        from qantar.nlp.reading.english import english_clauses

        return english_clauses(self.annotation)

    @cached_property
    def _clauses_by_sentence(self) -> dict[int, list[Clause]]:
        grouped: dict[int, list[Clause]] = {}
        for clause in self.clauses:
            grouped.setdefault(clause.sentence, []).append(clause)
        return grouped

    @cached_property
    def _clause_by_predicate(self) -> dict[int, Clause]:
        return {c.predicate: c for c in self.clauses}

    def clauses_of(self, sentence: int) -> list[Clause]:
        return self._clauses_by_sentence.get(sentence, [])

    def sentence_tokens(self, sentence: int) -> list[Token]:
        if sentence >= len(self.annotation.sentence_tokens):
            return []
        first, end = self.annotation.sentence_tokens[sentence]
        return self.tokens[first:end]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens that start in ``[start, end)`` (character offsets)."""
        return self.tokens[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def token_at(self, offset: int) -> Token | None:
        """The token covering character ``offset``, if any."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and self.tokens[index].start <= offset < self.tokens[index].end:
            return self.tokens[index]
        return None

    def subtree(self, index: int) -> list[int]:
        """The token and everything it governs, in text order."""
        return tree.subtree(self.annotation, index)

    def conjuncts(self, index: int) -> list[int]:
        """The token and the heads coordinated with it ("A, B and C"), in text order."""
        return tree.conjuncts(self.annotation, index)

    def children(self, index: int) -> list[int]:
        return tree.children(self.annotation)[index]

    def embedded(self, clause: Clause) -> Iterator[Clause]:
        """Clauses nested directly in ``clause``."""
        for other in self.clauses_of(clause.sentence):
            if other.parent == clause.index:
                yield other

    @cached_property
    def _owners(self) -> list[int]:
        """For each token, the index of the clause it belongs to (-1: none).

        A token belongs to the clause of the nearest predicate at or above it; a token under
        no predicate (a dateline, a subject the parser made the root) belongs to the first
        main clause of its sentence."""
        owners = [-1] * len(self.tokens)
        by_predicate = self._clause_by_predicate
        for token in self.tokens:
            current, seen = token.index, set()
            while current not in by_predicate and current not in seen:
                seen.add(current)
                current = self.tokens[current].head
            if current in by_predicate:
                owners[token.index] = by_predicate[current].index
            else:
                main = [c for c in self.clauses_of(token.sentence) if c.parent is None]
                owners[token.index] = main[0].index if main else -1
        return owners

    def owner(self, index: int) -> int:
        """The index of the clause token ``index`` belongs to (-1: none)."""
        return self._owners[index]

    def own_tokens(self, clause: Clause) -> list[Token]:
        """The clause's tokens without those of the clauses embedded in it.

        "X, who was arrested in May, was sentenced on July 11": the verdict clause's own
        tokens hold "July 11" and not "May". A clause made up for a noun (index -1) owns the
        noun's subtree."""
        if clause.index < 0:
            return [self.tokens[i] for i in self.subtree(clause.predicate)]
        owners = self._owners
        return [t for t in self.sentence_tokens(clause.sentence) if owners[t.index] == clause.index]
