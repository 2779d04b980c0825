"""Builders for store tests: small made-up documents and facts, and a store to put them in.

The texts are invented for the tests; none is taken from the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from qantar.model import Document, Fact, Mention, Provenance, Source, make_document_id
from qantar.store import open_store

PIPELINE = "people.v1+places.v1"

TEXT_A = (
    "Karim Massimov, a former security chief, was detained in Almaty on Thursday. "
    "Masimov's lawyer said the charges were unfounded."
)
TEXT_B = (
    "A court in Taldykorgan heard that Karim Masimov had signed the order. "
    "Reporters waited outside the courthouse."
)
TEXT_C = "Протестующие собрались на площади в Алматы."


def store_url(kind: str, tmp_path: Path) -> str:
    """``memory`` or ``file`` (in a folder that does not exist yet, so its creation is tested)."""
    if kind == "memory":
        return "sqlite://"
    return f"sqlite:///{tmp_path / 'nested' / 'qantar.db'}"


def new_store(kind: str, tmp_path: Path) -> Engine:
    return open_store(store_url(kind, tmp_path))


def make_doc(
    text: str, name: str, *, title: str | None = None, path: str | None = None
) -> Document:
    sources = [Source(path=path or f"/corpus/{name}", outlet="Test Wire")]
    return Document(
        id=make_document_id(text),
        name=name,
        text=text,
        language="ru" if any("а" <= ch <= "я" for ch in text) else "en",
        title=title,
        published="2022-01-06",
        published_precision="day",
        sources=sources,
    )


def make_fact(
    doc: Document,
    kind: str,
    surface: str,
    record: dict[str, Any] | None = None,
    *,
    key: str | None = None,
    extractor: str = "people.v1",
    also: tuple[str, ...] = (),
) -> Fact:
    """A fact about ``surface`` (which must occur in the text), mentioned there and at ``also``."""
    start = doc.text.index(surface)
    end = start + len(surface)
    sentence_end = doc.text.find(". ", end)
    sentence = doc.text[: sentence_end + 1] if sentence_end >= 0 else doc.text
    mentions = [Mention(start, end, surface)]
    for other in also:
        at = doc.text.index(other)
        mentions.append(Mention(at, at + len(other), other))
    return Fact(
        kind=kind,
        key=key or surface.lower(),
        record=record if record is not None else {"name": surface},
        provenance=Provenance(doc.id, start, end, sentence, extractor),
        mentions=mentions,
    )


def person(doc: Document, name: str, *variants: str, roles: tuple[str, ...] = ()) -> Fact:
    record = {"name": name, "variants": list(variants), "roles": list(roles)}
    return make_fact(doc, "person", name, record, also=variants)
