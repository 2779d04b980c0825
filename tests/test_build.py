"""Builds: interrupted-then-resumed equals one clean build; unchanged re-runs do no work."""

from __future__ import annotations

from pathlib import Path

import pytest

from qantar.build import build, read_documents
from qantar.model import Document
from qantar.settings import Settings
from qantar.store import open_store, snapshot

from .conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_docs() -> list[Document]:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    docs, errors = read_documents([], CORPUS / "manifest.csv", None)
    assert not errors and len(docs) == 5
    return docs


def test_interrupted_build_resumes_to_the_same_store(
    tmp_path: Path, corpus_docs: list[Document]
) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'clean.db'}")
    clean = open_store(settings.db_url)
    build(clean, corpus_docs, settings)

    interrupted = open_store(f"sqlite:///{tmp_path / 'interrupted.db'}")
    stored: list[str] = []

    def stop_after_two(doc: Document) -> None:
        stored.append(doc.name)
        if len(stored) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(interrupted, corpus_docs, settings, progress=stop_after_two)
    assert len(snapshot(interrupted)["documents"]) == 2
    resumed = build(interrupted, corpus_docs, settings)
    assert (resumed.skipped, resumed.processed) == (2, 3)
    assert snapshot(interrupted) == snapshot(clean)


def test_unchanged_rerun_does_no_work(tmp_path: Path, corpus_docs: list[Document]) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'store.db'}")
    engine = open_store(settings.db_url)
    first = build(engine, corpus_docs, settings)
    again = build(engine, corpus_docs, settings)
    assert first.processed == 5 and first.facts > 100
    assert (again.processed, again.skipped) == (0, 5)
