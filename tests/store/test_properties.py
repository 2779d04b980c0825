"""Property: any JSON-able record survives a save and a read unchanged."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from qantar.model import Fact, Provenance
from qantar.store import document_facts, open_store, save_document

from .helpers import PIPELINE, TEXT_A, make_doc

_values = st.recursive(
    st.text() | st.integers(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
_records = st.dictionaries(st.text(), _values, max_size=6)


@settings(max_examples=60, deadline=None)
@given(records=st.lists(_records, min_size=1, max_size=5))
def test_records_round_trip(records: list[dict[str, Any]]) -> None:
    engine = open_store("sqlite://")  # a fresh in-memory store per example
    doc = make_doc(TEXT_A, "a.txt")
    saved = [
        Fact("figure", f"key-{i}", record, Provenance(doc.id, i, i + 1, TEXT_A[:20], "figures.v1"))
        for i, record in enumerate(records)
    ]
    save_document(engine, doc, saved, PIPELINE)
    read = document_facts(engine, doc.id)
    assert [(f["id"], f["record"]) for f in read] == [(f.id, f.record) for f in saved]
    engine.dispose()
