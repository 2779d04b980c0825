"""Shared fixtures: paths to ../shared read in place, and one extraction of the seed corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "seeds.json"


@pytest.fixture(scope="session")
def seed_extraction() -> list[tuple[Any, list[Any]]]:
    """(document, facts) for the five shared articles, extracted once per session."""
    from qantar.build import read_documents
    from qantar.nlp.pipeline import Pipeline
    from qantar.settings import Settings

    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    docs, errors = read_documents([], CORPUS / "manifest.csv", None)
    assert not errors
    return list(Pipeline(Settings(db_url="sqlite://")).run(docs))


@pytest.fixture(scope="session")
def seed_records(seed_extraction: list[tuple[Any, list[Any]]]) -> list[dict[str, Any]]:
    """The pipeline's SCHEMA.md output for the five shared articles."""
    from qantar.nlp.records import document_record

    return [document_record(doc, facts) for doc, facts in seed_extraction]


@pytest.fixture(scope="session")
def seed_store(
    seed_extraction: list[tuple[Any, list[Any]]], tmp_path_factory: pytest.TempPathFactory
) -> str:
    """A SQLite store (its URL) holding the five shared articles, resolved. Read-only: tests
    that record decisions copy it first (:func:`copy_store`)."""
    from qantar.resolve import resolve
    from qantar.store import open_store, save_document

    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    engine = open_store(url)
    for doc, facts in seed_extraction:
        save_document(engine, doc, facts, "seed")
    resolve(engine)
    engine.dispose()
    return url
