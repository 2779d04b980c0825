"""Throughput: a full `qantar build` against bare spaCy `nlp.pipe`, and what lemmas cost.

All runs are in this process over the same texts (the shared corpus, repeated to --copies with
a marker line so each copy is a new document). The build/bare ratio says how much qantar's
ingest, extraction and storage cost on top of the NLP model itself. The bare pipeline is timed
twice, with and without spaCy's lemmatizer (both loaded before any timing, runs interleaved,
best of --repeat), so the lemmatizer's share of the model's time is measured, not guessed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from qantar.build import build, read_documents
from qantar.model import make_document_id
from qantar.nlp.annotate.english import load_spacy, parse_spans
from qantar.nlp.annotate.paragraphs import PIECE_LIMIT
from qantar.settings import Settings
from qantar.store import open_store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def _pipe_seconds(nlp: Any, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=4, help="copies of each corpus article")
    parser.add_argument("--repeat", type=int, default=3, help="bare runs per configuration")
    args = parser.parse_args()
    base, _ = read_documents([], CORPUS / "manifest.csv", None)
    docs = []
    for n in range(args.copies):
        for doc in base:
            text = f"{doc.text}\n\nCopy {n}."
            docs.append(replace(doc, id=make_document_id(text), text=text, name=f"{n}-{doc.name}"))
    settings = Settings()
    # Loaded once, outside every timing.
    with_lemmas = load_spacy(settings.spacy_model)
    without_lemmas = load_spacy(settings.spacy_model, lemmatizer=False)

    paragraphs = [p.slice(d.text) for d in docs for p in parse_spans(d.text, PIECE_LIMIT)]
    words = sum(len(p.split()) for p in paragraphs)
    timings: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(max(args.repeat, 1)):
        timings["with"].append(_pipe_seconds(with_lemmas, paragraphs, settings.batch_size))
        timings["without"].append(_pipe_seconds(without_lemmas, paragraphs, settings.batch_size))
    bare_seconds = min(timings["with"])
    plain_seconds = min(timings["without"])

    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(f"sqlite:///{folder}/bench.db")
        start = time.perf_counter()
        build(engine, docs, settings)
        full = len(docs) / (time.perf_counter() - start)

    bare = len(docs) / bare_seconds
    print(f"{len(docs)} articles, {words} words in prose paragraphs")
    print(f"components    : {', '.join(with_lemmas.pipe_names)}")
    print(f"bare nlp.pipe, with lemmatizer   : {words / bare_seconds:8.0f} words/s")
    print(f"bare nlp.pipe, without lemmatizer: {words / plain_seconds:8.0f} words/s")
    print(f"ratio with/without lemmatizer    : {plain_seconds / bare_seconds:.3f}")
    print(f"bare nlp.pipe : {bare:8.2f} articles/s")
    print(f"qantar build  : {full:8.2f} articles/s")
    print(f"ratio build/bare: {full / bare:.2f}")


if __name__ == "__main__":
    main()
