"""Russian annotation with natasha: sentences and entities per prose paragraph.

The twin of :mod:`qantar.nlp.annotate.english`, so the extractors never ask which language they
read. natasha is the one Russian NER on PyPI that works offline (its slovnet and navec weights
ship inside the package; shared/notes/nlp-dependencies.md, section 2), and it is fast enough to
run per paragraph, which keeps entities from running across lines of page furniture. Offsets
are shifted back to document coordinates here.

Every entity carries its nominative in :attr:`EntitySpan.normal`, because Russian declines
names and the extractors must see ``Кариму Масимову`` and ``Карим Масимов`` as one person.
natasha's own normalisation leaves unknown Kazakh surnames in the case they were read in, so
person names go through :func:`qantar.nlp.normalize.russian_names.normalize_people`, which
also lets the mentions of one document settle each other's gender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from qantar.model import Document, Span
from qantar.nlp.annotate.paragraphs import prose_paragraphs
from qantar.nlp.annotate.types import Annotation, EntitySpan
from qantar.nlp.normalize.russian_names import morph_vocab, normalize_people
from qantar.nlp.normalize.russian_phrases import nominative_phrase

#: natasha's labels onto the spaCy scheme the extractors use (see ``types``). natasha's LOC
#: covers countries and cities, which spaCy calls GPE, and our Russian news names little else.
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


@dataclass(frozen=True)
class NatashaModels:
    """The natasha components annotation needs, built once (see :func:`load_natasha`)."""

    segmenter: Any
    embedding: Any
    ner_tagger: Any
    morph_tagger: Any
    morph_vocab: Any


@cache
def load_natasha() -> NatashaModels:
    """Build natasha's models once per process (about a second; nothing is downloaded).

    The morphology vocabulary is the pymorphy2 analyzer the name rules use as well, so its
    dictionaries are loaded only once."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return NatashaModels(
        segmenter=Segmenter(),
        embedding=embedding,
        ner_tagger=NewsNERTagger(embedding),
        morph_tagger=NewsMorphTagger(embedding),
        morph_vocab=morph_vocab(),
    )


@dataclass
class _Found:
    start: int
    end: int
    text: str
    label: str
    natasha_normal: str


def _parse_paragraph(models: NatashaModels, text: str) -> Any:
    """natasha's ``Doc`` for one paragraph, segmented and tagged for entities.

    The morphology tagger runs only when there are entities to normalise: it is the slowest
    step and most lines of a page have none."""
    from natasha import Doc

    parsed = Doc(text)
    parsed.segment(models.segmenter)
    parsed.tag_ner(models.ner_tagger)
    if parsed.spans:
        parsed.tag_morph(models.morph_tagger)
        for span in parsed.spans:
            span.normalize(models.morph_vocab)
    return parsed


#: "Комитета национальной безопасности (КНБ)": natasha takes name and acronym as one span.
_TRAILING_ACRONYM = re.compile(r"^(.*\S)\s*\(([A-ZА-ЯЁ][A-ZА-ЯЁа-яё]{1,9})\)$")


def _split_acronym(f: _Found) -> list[_Found]:
    """An organization written "Name (ACRONYM)" as two mentions, the name and the acronym."""
    match = _TRAILING_ACRONYM.match(f.text)
    if f.label != "ORG" or match is None or not match.group(2)[:2].isupper():
        return [f]
    name, acronym = match.group(1), match.group(2)
    at = f.start + match.start(2)
    return [
        _Found(f.start, f.start + len(name), name, f.label, ""),
        _Found(at, at + len(acronym), acronym, f.label, ""),
    ]


def _entities(found: list[_Found]) -> list[EntitySpan]:
    """Entity spans with nominatives; person names are settled together for the document,
    organization names by their head noun (natasha would inflect every word)."""
    found = [part for f in found for part in _split_acronym(f)]
    people = [(f.text, f.natasha_normal) for f in found if f.label == "PERSON"]
    people_normals = iter(normalize_people(people))
    entities = []
    for f in found:
        if f.label == "PERSON":
            normal = next(people_normals)
        elif f.label == "ORG":
            normal = nominative_phrase(f.text)
        else:
            normal = f.natasha_normal
        if normal == f.text:
            normal = ""  # the surface form is already the dictionary form
        entities.append(EntitySpan(f.start, f.end, f.text, f.label, normal))
    return entities


def annotate_russian(docs: Iterable[Document]) -> Iterator[Annotation]:
    """Annotate Russian documents in order, one :class:`Annotation` per document."""
    models = load_natasha()
    for doc in docs:
        paragraphs = prose_paragraphs(doc.text)
        sentences: list[Span] = []
        found: list[_Found] = []
        for paragraph in paragraphs:
            base = paragraph.start
            parsed = _parse_paragraph(models, paragraph.slice(doc.text))
            sentences.extend(Span(base + s.start, base + s.stop) for s in parsed.sents)
            for span in parsed.spans:
                label = LABELS.get(span.type)
                if label is not None:
                    start, end = base + span.start, base + span.stop
                    found.append(_Found(start, end, span.text, label, span.normal or ""))
        yield Annotation(
            doc=doc, paragraphs=paragraphs, sentences=sentences, entities=_entities(found)
        )
