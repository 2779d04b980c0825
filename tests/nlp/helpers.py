"""Run the real pipeline (spaCy or natasha, loaded once per process) over text written in a test."""

from __future__ import annotations

from functools import cache
from typing import Any

from qantar.model import Document, make_document_id
from qantar.nlp.pipeline import Pipeline
from qantar.nlp.records import document_record
from qantar.settings import Settings


@cache
def pipeline() -> Pipeline:
    return Pipeline(Settings.from_env({}))


def extract(text: str, *, language: str = "en", published: str | None = None) -> dict[str, Any]:
    """The SCHEMA.md record of one text, as ``qantar extract`` would print it."""
    doc = Document(
        id=make_document_id(text),
        name="test.txt",
        text=text,
        language=language,
        published=published,
        published_precision="day" if published and len(published) == 10 else None,
    )
    [(document, facts)] = list(pipeline().run([doc]))
    return document_record(document, facts)


def names(records: list[dict[str, Any]], key: str = "name") -> set[str]:
    return {str(r[key]) for r in records}
