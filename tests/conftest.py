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
def seed_records() -> list[dict[str, Any]]:
    """The pipeline's SCHEMA.md output for the five shared articles (run once per session)."""
    from qantar.build import read_documents
    from qantar.nlp.pipeline import Pipeline
    from qantar.nlp.records import document_record
    from qantar.settings import Settings

    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    docs, errors = read_documents([], CORPUS / "manifest.csv", None)
    assert not errors
    return [document_record(d, f) for d, f in Pipeline(Settings(db_url="sqlite://")).run(docs)]
