"""The extraction pipeline: annotate documents by language, then run every extractor.

Models load once per process and lazily, on the first document of their language, so
``qantar eval`` on English text never loads natasha and a store that is already current never
loads spaCy at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from qantar.model import Document, Fact, stable_hash
from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.context import DocumentContext
from qantar.nlp.lexicon import load_lexicon
from qantar.nlp.registry import EXTRACTORS, Extractor, check_order
from qantar.settings import Settings

#: Bump when annotation itself changes in a way that changes facts (paragraphing, NER inputs).
ANNOTATION_VERSION = 2
#: Documents annotated together; larger chunks batch spaCy better but hold more text in memory.
CHUNK = 16


class Pipeline:
    """Runs annotators and extractors over documents; see :meth:`run`."""

    def __init__(self, settings: Settings, extractors: Sequence[Extractor] = EXTRACTORS) -> None:
        check_order(extractors)
        self.settings = settings
        self.extractors = tuple(extractors)
        self.lexicon = load_lexicon()

    @property
    def signature(self) -> str:
        """Identifies everything that shapes the output; stored with each extracted document."""
        parts = [
            f"annotation.v{ANNOTATION_VERSION}",
            self.settings.spacy_model,
            self.lexicon.digest,
            *(e.label for e in self.extractors),
        ]
        return stable_hash(*parts, length=12)

    def annotate(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        """Annotations in the order of ``docs``."""
        by_id: dict[int, Annotation] = {}
        english = [d for d in docs if d.language != "ru"]
        russian = [d for d in docs if d.language == "ru"]
        if english:
            from qantar.nlp.annotate.english import annotate_english

            for annotation in annotate_english(
                english, model=self.settings.spacy_model, batch_size=self.settings.batch_size
            ):
                by_id[id(annotation.doc)] = annotation
        if russian:
            from qantar.nlp.annotate.russian import annotate_russian

            for annotation in annotate_russian(russian):
                by_id[id(annotation.doc)] = annotation
        for doc in docs:
            yield by_id[id(doc)]

    def extract_one(self, annotation: Annotation) -> list[Fact]:
        """Every fact of one annotated document, extractor by extractor."""
        rule_log.set_document(annotation.doc.name)
        context = DocumentContext(annotation, self.lexicon)
        facts: list[Fact] = []
        for extractor in self.extractors:
            found = extractor.run(context)
            context.facts[extractor.name] = found
            facts.extend(found)
        return facts

    def run(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        """Yield each document with its facts, working through ``docs`` in chunks."""
        iterator = iter(docs)
        while chunk := list(islice(iterator, CHUNK)):
            for annotation in self.annotate(chunk):
                yield annotation.doc, self.extract_one(annotation)
