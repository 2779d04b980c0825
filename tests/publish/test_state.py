"""Page answers are reused while the store is unchanged, and never once it has changed."""

from __future__ import annotations

from pathlib import Path

from qantar.model import Document, Source, make_document_id
from qantar.publish.documents import document_list
from qantar.publish.state import fingerprint
from qantar.store import add_sources, open_store, save_document


def test_a_new_source_of_a_known_text_shows_at_the_next_request(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    text = "A court in Almaty sentenced a journalist."
    doc = Document(
        id=make_document_id(text),
        name="a.txt",
        text=text,
        language="en",
        sources=[Source(path="a.txt")],
    )
    save_document(engine, doc, [], "test")
    before = fingerprint(engine)
    assert document_list(engine)[0]["outlet"] is None
    assert document_list(engine) is document_list(engine), "unchanged store: reused"
    # The same text found again under an outlet: no document row changes, only its sources.
    add_sources(engine, doc.id, [Source(path="copy/a.txt", outlet="Example Outlet")])
    assert fingerprint(engine) != before
    assert document_list(engine)[0]["outlet"] == "Example Outlet"
