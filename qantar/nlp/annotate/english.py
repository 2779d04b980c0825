"""English annotation with spaCy: sentences and entities per prose paragraph.

The pipeline is loaded once per process (``load_spacy``) and fed paragraphs through
``nlp.pipe``: per-paragraph input keeps entities from running across lines of page furniture
and lets spaCy batch the work. Offsets are shifted back to document coordinates here, so no
extractor ever deals with paragraph-relative positions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from qantar.exceptions import ConfigError
from qantar.model import Document, Span
from qantar.nlp.annotate.paragraphs import prose_paragraphs
from qantar.nlp.annotate.types import Annotation, EntitySpan

#: Components we never use; disabling them saves about a fifth of the time.
_UNUSED = ("lemmatizer",)


@cache
def load_spacy(model: str) -> Any:
    """Load an installed spaCy pipeline by package name, once per process."""
    import spacy

    try:
        return spacy.load(model, exclude=list(_UNUSED))
    except OSError as error:
        raise ConfigError(
            f"the spaCy pipeline '{model}' is not installed; run 'make install' or set "
            f"QANTAR_SPACY_MODEL to an installed pipeline ({error.__class__.__name__})"
        ) from None


def annotate_english(
    docs: Iterable[Document], *, model: str, batch_size: int = 64
) -> Iterator[Annotation]:
    """Annotate documents in order; paragraphs of all documents share spaCy batches."""
    nlp = load_spacy(model)
    for doc in docs:
        paragraphs = prose_paragraphs(doc.text)
        sentences: list[Span] = []
        entities: list[EntitySpan] = []
        texts = (p.slice(doc.text) for p in paragraphs)
        for paragraph, parsed in zip(
            paragraphs, nlp.pipe(texts, batch_size=batch_size), strict=True
        ):
            base = paragraph.start
            for sent in parsed.sents:
                sentences.append(Span(base + sent.start_char, base + sent.end_char))
            for ent in parsed.ents:
                entities.append(
                    EntitySpan(base + ent.start_char, base + ent.end_char, ent.text, ent.label_)
                )
        yield Annotation(doc=doc, paragraphs=paragraphs, sentences=sentences, entities=entities)
