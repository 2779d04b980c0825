"""English annotation with spaCy: sentences, entities and parsed tokens per prose paragraph.

The pipeline is loaded once per process (``load_spacy``) and fed paragraphs through
``nlp.pipe``: per-paragraph input keeps entities from running across lines of page furniture
and lets spaCy batch the work. Offsets are shifted back to document coordinates here, so no
extractor ever deals with paragraph-relative positions; token heads are made document-wide
indices the same way.

A paragraph longer than ``paragraphs.PIECE_LIMIT`` characters (a PDF page or a scraped page
that lost its line breaks) is cut into pieces at sentence ends first (``parse_pieces``): spaCy
refuses texts over ``nlp.max_length`` and needs about a gigabyte of memory per 100,000
characters to parse. Sentences and entities then never cross a cut.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from qantar.exceptions import ConfigError
from qantar.model import Document, Span
from qantar.nlp.annotate.paragraphs import PIECE_LIMIT, parse_pieces, prose_paragraphs
from qantar.nlp.annotate.types import Annotation, EntitySpan, Token

#: Components we never use. The lemmatizer is used (the reading layer matches cues by lemma).
_UNUSED: tuple[str, ...] = ()


@cache
def load_spacy(model: str, *, lemmatizer: bool = True) -> Any:
    """Load an installed spaCy pipeline by package name, once per process.

    ``lemmatizer=False`` leaves the lemmatizer out; only the throughput bench uses it, to show
    what lemmas cost.
    """
    import spacy

    exclude = list(_UNUSED) if lemmatizer else [*_UNUSED, "lemmatizer"]
    try:
        return spacy.load(model, exclude=exclude)
    except OSError as error:
        raise ConfigError(
            f"the spaCy pipeline '{model}' is not installed; run 'make install' or set "
            f"QANTAR_SPACY_MODEL to an installed pipeline ({error.__class__.__name__})"
        ) from None


def parse_spans(text: str, limit: int, paragraphs: list[Span] | None = None) -> list[Span]:
    """The prose paragraphs of ``text`` (or ``paragraphs``) in order, each one longer than
    ``limit`` characters cut into pieces by :func:`parse_pieces`."""
    spans: list[Span] = []
    for paragraph in prose_paragraphs(text) if paragraphs is None else paragraphs:
        if paragraph.end - paragraph.start <= limit:
            spans.append(paragraph)
        else:
            spans.extend(parse_pieces(text, paragraph, limit))
    return spans


def annotate_english(
    docs: Iterable[Document], *, model: str, batch_size: int = 64
) -> Iterator[Annotation]:
    """Annotate documents in order; paragraphs of all documents share spaCy batches."""
    nlp = load_spacy(model)
    limit = min(PIECE_LIMIT, nlp.max_length)
    for doc in docs:
        paragraphs = prose_paragraphs(doc.text)
        pieces = parse_spans(doc.text, limit, paragraphs)
        sentences: list[Span] = []
        entities: list[EntitySpan] = []
        tokens: list[Token] = []
        sentence_tokens: list[tuple[int, int]] = []
        texts = (p.slice(doc.text) for p in pieces)
        for piece, parsed in zip(pieces, nlp.pipe(texts, batch_size=batch_size), strict=True):
            base = piece.start
            offset = len(tokens)  # document index of the piece's first token
            for sent in parsed.sents:
                number = len(sentences)
                sentences.append(Span(base + sent.start_char, base + sent.end_char))
                sentence_tokens.append((offset + sent.start, offset + sent.end))
                for token in sent:
                    start = base + token.idx
                    tokens.append(
                        Token(
                            index=offset + token.i,
                            start=start,
                            end=start + len(token.text),
                            text=token.text,
                            lemma=token.lemma_.lower(),
                            pos=token.pos_,
                            dep=token.dep_.lower(),
                            head=offset + token.head.i,
                            sentence=number,
                            morph=str(token.morph),
                        )
                    )
            for ent in parsed.ents:
                entities.append(
                    EntitySpan(base + ent.start_char, base + ent.end_char, ent.text, ent.label_)
                )
        yield Annotation(
            doc=doc,
            paragraphs=paragraphs,
            sentences=sentences,
            entities=entities,
            tokens=tokens,
            sentence_tokens=sentence_tokens,
        )
