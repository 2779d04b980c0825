"""Russian annotation with natasha: sentences, parsed tokens and entities per prose paragraph.

The twin of :mod:`qantar.nlp.annotate.english`, so the extractors never ask which language they
read. natasha is the one Russian NER on PyPI that works offline (its slovnet and navec weights
ship inside the package; shared/notes/nlp-dependencies.md, section 2), and it is fast enough to
run per paragraph, which keeps entities from running across lines of page furniture. Offsets
are shifted back to document coordinates here.

Every paragraph is tagged for morphology and parsed for syntax (natasha's Universal
Dependencies parser), and every token is lemmatized with the shared pymorphy2 vocabulary, so
:attr:`Annotation.tokens` feeds the reading layer (:mod:`qantar.nlp.reading.russian`). The
parse costs about two thirds more CPU time (see :func:`annotate_russian`).

Every entity carries its nominative in :attr:`EntitySpan.normal`, because Russian declines
names and the extractors must see ``Кариму Масимову`` and ``Карим Масимов`` as one person.
natasha's own normalisation leaves unknown Kazakh surnames in the case they were read in, so
person names go through :func:`qantar.nlp.normalize.russian_names.normalize_people`, which
also lets the mentions of one document settle each other's gender.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from qantar.model import Document, Span
from qantar.nlp.annotate.paragraphs import prose_paragraphs
from qantar.nlp.annotate.types import Annotation, EntitySpan, Token
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
    syntax_parser: Any
    morph_vocab: Any


@cache
def load_natasha() -> NatashaModels:
    """Build natasha's models once per process (about a second; nothing is downloaded).

    The morphology vocabulary is the pymorphy2 analyzer the name rules use as well, so its
    dictionaries are loaded only once."""
    from natasha import (
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    embedding = NewsEmbedding()
    return NatashaModels(
        segmenter=Segmenter(),
        embedding=embedding,
        ner_tagger=NewsNERTagger(embedding),
        morph_tagger=NewsMorphTagger(embedding),
        syntax_parser=NewsSyntaxParser(embedding),
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
    """natasha's ``Doc`` for one paragraph: segmented, tagged for entities and morphology,
    parsed, and lemmatized."""
    from natasha import Doc

    parsed = Doc(text)
    parsed.segment(models.segmenter)
    parsed.tag_ner(models.ner_tagger)
    parsed.tag_morph(models.morph_tagger)
    parsed.parse_syntax(models.syntax_parser)
    for token in parsed.tokens:
        try:
            token.lemmatize(models.morph_vocab)
        except ValueError:
            # pymorphy2 names every letter to tell Latin from Cyrillic, and a character
            # without a Unicode name ("𗀀") raises; such a word is its own lemma
            token.lemma = token.text
    for span in parsed.spans:
        span.normalize(models.morph_vocab)
    return parsed


def _morph(feats: dict[str, str] | None) -> str:
    """natasha's features as "Case=Dat|Number=Sing", in natasha's (alphabetical) order."""
    return "|".join(f"{key}={value}" for key, value in (feats or {}).items())


def _tokens(parsed: Any, base: int, first: int, sentence: int) -> list[Token]:
    """The tokens of one parsed paragraph in document coordinates.

    ``first`` is the document index of the paragraph's first token and ``sentence`` that of
    its first sentence. natasha names tokens "<sentence>_<position>" within the paragraph,
    heads alike, and gives a sentence root the head "<sentence>_0": the root points to itself
    here, as does a head natasha names but never gave (it has not happened; a guard).
    natasha's parser does not always give a tree (see :func:`_break_cycles`)."""
    rows = [(number, token) for number, sent in enumerate(parsed.sents) for token in sent.tokens]
    index_of = {token.id: first + at for at, (_, token) in enumerate(rows)}
    tokens = []
    for at, (number, token) in enumerate(rows):
        index = first + at
        tokens.append(
            Token(
                index=index,
                start=base + token.start,
                end=base + token.stop,
                text=token.text,
                lemma=(token.lemma or token.text).lower(),
                pos=token.pos or "X",
                dep=(token.rel or "dep").lower(),
                head=index_of.get(token.head_id, index),
                sentence=sentence + number,
                morph=_morph(token.feats),
            )
        )
    return _break_cycles(tokens)


def _break_cycles(tokens: list[Token]) -> list[Token]:
    """The tokens with every head cycle cut, so each sentence is a tree.

    natasha's parser now and then makes two words each other's head ("«Решение незаконно»":
    "Решение" under "незаконно" and "незаконно" under "Решение"), and a walk up the heads
    would never end. The first word of a cycle met is hung on its sentence's root (itself
    when the sentence has none) with the relation "dep", UD's "unspecified"."""
    fixed = list(tokens)
    roots: dict[int, int] = {}
    for token in fixed:
        if token.head == token.index:
            roots.setdefault(token.sentence, token.index)
    offset = fixed[0].index if fixed else 0
    done: set[int] = set()
    for token in fixed:
        path: list[int] = []
        current = token.index
        while current not in done and current not in path:
            path.append(current)
            head = fixed[current - offset].head
            if head == current:
                break
            current = head
        else:
            if current in path:  # a cycle: cut it at the word where the walk came back
                cut = fixed[current - offset]
                root = roots.setdefault(cut.sentence, cut.index)
                dep = "root" if root == cut.index else "dep"
                fixed[current - offset] = replace(cut, head=root, dep=dep)
        done.update(path)
    return fixed


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
    """Annotate Russian documents in order, one :class:`Annotation` per document.

    Sentences come from natasha's segmenter, one per parsed sentence, so
    ``sentence_tokens[i]`` is the token range of ``sentences[i]``.

    Cost: the morphology tagger on every paragraph (it used to run only where there were
    entities), the syntax parser and the lemmas take CPU throughput on the Russian dev texts
    and fixtures from about 3,300 to about 2,000 words a second (single-threaded BLAS; the
    parser is about a quarter of the time, the tagger a fifth, lemmas 3%)."""
    models = load_natasha()
    for doc in docs:
        paragraphs = prose_paragraphs(doc.text)
        sentences: list[Span] = []
        tokens: list[Token] = []
        sentence_tokens: list[tuple[int, int]] = []
        found: list[_Found] = []
        # An overlong paragraph (over paragraphs.PIECE_LIMIT, 5,000 characters) is to be cut
        # here with paragraphs.parse_pieces before parsing, as the English annotator does.
        for paragraph in paragraphs:
            base = paragraph.start
            parsed = _parse_paragraph(models, paragraph.slice(doc.text))
            first = len(tokens)
            tokens.extend(_tokens(parsed, base, first, len(sentences)))
            for sent in parsed.sents:
                sentences.append(Span(base + sent.start, base + sent.stop))
                sentence_tokens.append((first, first + len(sent.tokens)))
                first += len(sent.tokens)
            for span in parsed.spans:
                label = LABELS.get(span.type)
                if label is not None:
                    start, end = base + span.start, base + span.stop
                    found.append(_Found(start, end, span.text, label, span.normal or ""))
        yield Annotation(
            doc=doc,
            paragraphs=paragraphs,
            sentences=sentences,
            entities=_entities(found),
            tokens=tokens,
            sentence_tokens=sentence_tokens,
        )
