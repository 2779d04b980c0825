"""The extraction pipeline: annotate documents by language, then run every extractor.

Models load once per process and lazily, on the first document of their language, so
``qantar eval`` on English text never loads natasha and a store that is already current never
loads spaCy at all.

Every document is on its own: :meth:`Pipeline.outcomes` gives each one its facts or the
:class:`~qantar.exceptions.InputError` that stopped it (a work limit exceeded, or a failure in
an annotator or extractor), and the other documents of the batch go on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from qantar.exceptions import InputError
from qantar.model import Document, Fact, stable_hash
from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.budget import Budget
from qantar.nlp.context import DocumentContext
from qantar.nlp.lexicon import load_lexicon
from qantar.nlp.registry import EXTRACTORS, Extractor, check_order
from qantar.settings import Settings

log = logging.getLogger(__name__)

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

    def budget(self, doc: Document) -> Budget:
        """A fresh work budget for ``doc`` from the settings' limits."""
        return Budget.for_document(doc.name, self.settings)

    def extract_one(self, annotation: Annotation, budget: Budget | None = None) -> list[Fact]:
        """Every fact of one annotated document, extractor by extractor, within ``budget``."""
        rule_log.set_document(annotation.doc.name)
        budget = budget or self.budget(annotation.doc)
        budget.check_tokens(len(annotation.tokens))
        context = DocumentContext(annotation, self.lexicon, budget=budget)
        facts: list[Fact] = []
        for extractor in self.extractors:
            found = extractor.run(context)
            context.facts[extractor.name] = found
            facts.extend(found)
            budget.check_time()
        return facts

    def outcomes(self, docs: Iterable[Document]) -> Iterator[tuple[Document, Outcome]]:
        """Each document with its facts, or with the error that stopped it, in input order.

        A chunk whose annotation fails is annotated again one document at a time, so only the
        document at fault is lost. Only ``Exception`` is caught: Ctrl+C still stops the run."""
        iterator = iter(docs)
        while chunk := list(islice(iterator, CHUNK)):
            budgets = {id(doc): self.budget(doc) for doc in chunk}
            readable: list[Document] = []
            refused: dict[int, InputError] = {}
            for doc in chunk:
                try:
                    budgets[id(doc)].check_text(len(doc.text))
                    readable.append(doc)
                except InputError as error:
                    refused[id(doc)] = error
            annotated = self._annotate_isolated(readable)
            for doc in chunk:
                read = refused.get(id(doc)) or annotated[id(doc)]
                if isinstance(read, Annotation):
                    yield doc, self._extract_isolated(read, budgets[id(doc)])
                else:
                    yield doc, read

    def run(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Fact]]]:
        """Yield each document with its facts; the first document that fails raises its error
        (:meth:`outcomes` reports it and goes on)."""
        for doc, outcome in self.outcomes(docs):
            if isinstance(outcome, InputError):
                raise outcome
            yield doc, outcome

    def _annotate_isolated(self, docs: list[Document]) -> dict[int, Annotation | InputError]:
        try:
            return {id(a.doc): a for a in self.annotate(docs)}
        except Exception:
            if len(docs) == 1:
                return {id(docs[0]): _failure(docs[0], "cannot be annotated", sys.exc_info()[1])}
        found: dict[int, Annotation | InputError] = {}
        for doc in docs:  # one at a time, so only the document at fault is lost
            found.update(self._annotate_isolated([doc]))
        return found

    def _extract_isolated(self, annotation: Annotation, budget: Budget) -> Outcome:
        try:
            return self.extract_one(annotation, budget)
        except InputError as error:
            return error
        except Exception as error:
            return _failure(annotation.doc, "extraction failed", error)


Outcome = list[Fact] | InputError
"""What the pipeline made of one document: its facts, or why it has none."""


def _failure(doc: Document, what: str, error: BaseException | None) -> InputError:
    """An unexpected failure on one document, worded for the user and logged in full."""
    log.error("%s: %s", doc.name, what, exc_info=error)
    detail = f"{type(error).__name__}: {error}"[:200] if error else "unknown error"
    return InputError(
        doc.name,
        f"{what} ({detail}); the rest of the batch was stored. This is a fault in qantar: "
        "please report it with this file",
    )
