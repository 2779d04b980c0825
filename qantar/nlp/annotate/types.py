"""What the language annotators hand to the extractors: sentences and named-entity spans.

English (spaCy) and Russian (natasha) annotators both produce an :class:`Annotation`, so the
extractors are written once. Labels follow spaCy's scheme (``PERSON``, ``ORG``, ``GPE``,
``LOC``, ``FAC``, ``NORP``); natasha's ``PER``/``ORG``/``LOC`` are mapped onto it.
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


@dataclass
class Annotation:
    """A document with its prose paragraphs, sentences and entity spans (all sorted)."""

    doc: Document
    paragraphs: list[Span]
    sentences: list[Span]
    entities: list[EntitySpan] = field(default_factory=list)

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
