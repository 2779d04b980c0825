"""What the language annotators hand to the extractors: sentences, tokens and entity spans.

English (spaCy) and Russian (natasha) annotators both produce an :class:`Annotation`, so the
extractors are written once. Labels follow spaCy's scheme (``PERSON``, ``ORG``, ``GPE``,
``LOC``, ``FAC``, ``NORP``); natasha's ``PER``/``ORG``/``LOC`` are mapped onto it.

Tokens carry the lemma and the dependency parse, because the reading layer
(:mod:`qantar.nlp.reading`) matches cues by lemma and reads clauses from the parse; both
languages' annotators fill them, each with its own parser's relation names (spaCy's ClearNLP
labels such as ``nsubjpass``; natasha's Universal Dependencies labels such as ``nsubj:pass``).
The per-language clause readers know which is which; nothing above them does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from qantar.model import Document, Span


@dataclass(frozen=True)
class EntitySpan:
    """A named-entity span with document-level character offsets."""

    start: int
    end: int
    text: str
    label: str
    normal: str = ""
    """The name in its dictionary form where the annotator knows it (Russian nominative:
    ``Тлеужановой`` -> ``Тлеужанова``); empty when the surface form is already that."""


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark with its lemma and its place in the dependency parse."""

    index: int
    """Position in :attr:`Annotation.tokens`."""
    start: int
    end: int
    text: str
    lemma: str
    """Dictionary form in lower case ("sentenced" -> "sentence", "приговорён" -> "приговорить")."""
    pos: str
    """Universal part of speech: NOUN, PROPN, VERB, AUX, ADJ, NUM, ADP, PRON, PUNCT, ..."""
    dep: str
    """The relation to the head as the language's parser names it, in lower case."""
    head: int
    """Index of the head token in :attr:`Annotation.tokens`; a sentence's root points to itself."""
    sentence: int
    """Index of the sentence in :attr:`Annotation.sentences`."""
    morph: str = ""
    """Universal Dependencies features, "Case=Dat|Number=Sing" (empty where unknown)."""

    def feature(self, name: str) -> str:
        """One morphological feature ("Case" -> "Dat"), or "" when the token has none."""
        for part in self.morph.split("|"):
            key, _, value = part.partition("=")
            if key == name:
                return value
        return ""


@dataclass
class Annotation:
    """A document with its prose paragraphs, sentences, tokens and entity spans (all sorted).

    ``tokens`` cover every sentence in order; ``sentence_tokens[i]`` is the ``(first, last+1)``
    token range of sentence ``i``. Annotators that do not parse leave both empty.
    """

    doc: Document
    paragraphs: list[Span]
    sentences: list[Span]
    entities: list[EntitySpan] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    sentence_tokens: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding ``offset`` (or the nearest one before it)."""
        if not self.sentences:
            return Span(0, len(self.doc.text))
        index = max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)
        return self.sentences[index]

    def sentence_text(self, offset: int) -> str:
        return self.sentence_at(offset).slice(self.doc.text).strip()
