"""Throughput: articles per second of a full `qantar build` against bare spaCy `nlp.pipe`.

Both run in this process over the same texts (the shared corpus, repeated to --copies with a
marker line so each copy is a new document). The ratio says how much qantar's ingest,
extraction and storage cost on top of the NLP model itself.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from qantar.build import build, read_documents
from qantar.model import make_document_id
from qantar.nlp.annotate.english import load_spacy
from qantar.nlp.annotate.paragraphs import prose_paragraphs
from qantar.settings import Settings
from qantar.store import open_store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=4, help="copies of each corpus article")
    args = parser.parse_args()
    base, _ = read_documents([], CORPUS / "manifest.csv", None)
    docs = []
    for n in range(args.copies):
        for doc in base:
            text = f"{doc.text}\n\nCopy {n}."
            docs.append(replace(doc, id=make_document_id(text), text=text, name=f"{n}-{doc.name}"))
    settings = Settings()
    nlp = load_spacy(settings.spacy_model)  # loaded once, outside both timings

    start = time.perf_counter()
    paragraphs = [p.slice(d.text) for d in docs for p in prose_paragraphs(d.text)]
    for _ in nlp.pipe(paragraphs, batch_size=settings.batch_size):
        pass
    bare = len(docs) / (time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(f"sqlite:///{folder}/bench.db")
        start = time.perf_counter()
        build(engine, docs, settings)
        full = len(docs) / (time.perf_counter() - start)

    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} articles, {words} words")
    print(f"bare nlp.pipe : {bare:8.2f} articles/s")
    print(f"qantar build  : {full:8.2f} articles/s")
    print(f"ratio build/bare: {full / bare:.2f}")


if __name__ == "__main__":
    main()
