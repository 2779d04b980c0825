"""Read functions: documents, facts, the people grouping, search, counts and snapshots."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from qantar.exceptions import StoreError
from qantar.model import Document, Fact
from qantar.resolve import list_entities, resolve
from qantar.store import (
    counts,
    dialect,
    document_facts,
    get_document,
    is_current,
    list_facts,
    save_document,
    search,
    snapshot,
)

from .helpers import PIPELINE, TEXT_A, TEXT_B, TEXT_C, make_doc, make_fact, new_store, person

TEXT_D = "Lawyer Aigul Nurova told reporters in Almaty that the hearing was closed."


@pytest.fixture(params=["memory", "file"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    store = new_store(request.param, tmp_path)
    yield store
    store.dispose()


def corpus() -> list[tuple[Document, list[Fact]]]:
    a = make_doc(TEXT_A, "a.txt", title="Security chief detained")
    b = make_doc(TEXT_B, "b.txt", title="Hearing in Taldykorgan")
    c = make_doc(TEXT_C, "c.txt", title="Площадь")
    d = make_doc(TEXT_D, "d.txt")
    return [
        (
            a,
            [
                make_fact(a, "place", "Almaty"),
                person(a, "Karim Massimov", "Masimov", roles=("former security chief",)),
            ],
        ),
        (
            b,
            [
                person(b, "Karim Masimov", roles=("signatory",)),
                make_fact(b, "place", "Taldykorgan"),
            ],
        ),
        (c, [make_fact(c, "place", "Алматы")]),
        (d, [person(d, "Aigul Nurova", roles=("lawyer",)), make_fact(d, "place", "Almaty")]),
    ]


def build(engine: Engine, docs: Sequence[tuple[Document, list[Fact]]]) -> list[str]:
    """A minimal build loop: skip current documents, save the rest; returns the names saved."""
    saved = []
    for doc, doc_facts in docs:
        if not is_current(engine, doc.id, PIPELINE):
            save_document(engine, doc, doc_facts, PIPELINE, "run-1")
            saved.append(doc.name)
    return saved


def test_get_document_by_id_or_name(engine: Engine) -> None:
    build(engine, corpus())
    by_name = get_document(engine, "b.txt")
    assert by_name is not None and by_name["text"] == TEXT_B
    assert get_document(engine, by_name["id"]) == by_name
    assert get_document(engine, "missing.txt") is None


def test_document_facts_in_text_order_and_by_kind(engine: Engine) -> None:
    build(engine, corpus())
    doc_id = make_doc(TEXT_A, "a.txt").id
    found = document_facts(engine, doc_id)
    assert [(f["kind"], f["record"]["name"]) for f in found] == [
        ("person", "Karim Massimov"),
        ("place", "Almaty"),
    ]
    assert [f["span_start"] for f in found] == sorted(f["span_start"] for f in found)
    assert [f["kind"] for f in document_facts(engine, doc_id, kind="place")] == ["place"]
    assert document_facts(engine, "doc-missing") == []


def test_list_facts_across_documents(engine: Engine) -> None:
    build(engine, corpus())
    places = list_facts(engine, "place")
    assert [(f["doc_name"], f["record"]["name"]) for f in places] == [
        ("a.txt", "Almaty"),
        ("b.txt", "Taldykorgan"),
        ("c.txt", "Алматы"),
        ("d.txt", "Almaty"),
    ]


def test_people_fold_spellings_across_documents(engine: Engine) -> None:
    build(engine, corpus())
    resolve(engine)
    found = [
        {k: v for k, v in row.items() if k not in ("id", "records")}
        for row in list_entities(engine)
    ]
    assert found == [
        {
            "kind": "person",
            "name": "Karim Massimov",
            "spellings": ["Karim Masimov", "Karim Massimov", "Masimov"],
            "roles": ["former security chief", "signatory"],
            "documents": ["a.txt", "b.txt"],
            "mentions": 3,
        },
        {
            "kind": "person",
            "name": "Aigul Nurova",
            "spellings": ["Aigul Nurova"],
            "roles": ["lawyer"],
            "documents": ["d.txt"],
            "mentions": 1,
        },
    ]


def test_search_finds_words_with_a_snippet(engine: Engine) -> None:
    build(engine, corpus())
    [hit] = search(engine, "lawyer Nurova")
    assert (hit["name"], hit["title"]) == ("d.txt", None)
    assert "[Nurova]" in hit["snippet"] and "[Lawyer]" in hit["snippet"]
    assert {h["name"] for h in search(engine, "almaty")} == {"a.txt", "d.txt"}
    assert [h["name"] for h in search(engine, "алматы")] == ["c.txt"]  # case folded in Cyrillic
    assert [h["name"] for h in search(engine, "Taldykorgan")] == ["b.txt"]  # title and text
    assert search(engine, "Astana") == []
    assert len(search(engine, "almaty", limit=1)) == 1


BOTH_ALMATY = {"a.txt", "d.txt"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', set()),
        ("AND(", set()),
        ("*", set()),
        ("", set()),
        ("almaty (", BOTH_ALMATY),  # a word with no letters is dropped
        ('"almaty', BOTH_ALMATY),  # an unbalanced quote is part of the word
        ("^almaty*", BOTH_ALMATY),
        ("title:almaty", set()),  # not a column filter: "title" is not in the texts
        ("almaty AND(", set()),  # "and" is a word to find, not an operator: no text has it
        ("NEAR(almaty closed)", set()),  # the phrase "near almaty", not the NEAR operator
        ("Almaty, closed.", {"d.txt"}),
    ],
)
def test_search_syntax_characters_are_text(engine: Engine, query: str, expected: set[str]) -> None:
    build(engine, corpus())
    assert {hit["name"] for hit in search(engine, query)} == expected


def test_search_index_follows_resaves(engine: Engine) -> None:
    doc, doc_facts = corpus()[0]
    save_document(engine, doc, doc_facts, PIPELINE)
    doc.title = "Renamed headline"
    save_document(engine, doc, doc_facts, PIPELINE)
    assert [h["title"] for h in search(engine, "Massimov")] == ["Renamed headline"]
    assert search(engine, "headline") and not search(engine, "chief detained security Renamed x")


def test_search_rejects_a_useless_limit(engine: Engine) -> None:
    with pytest.raises(ValueError):
        search(engine, "almaty", limit=0)


def test_search_errors_become_store_errors(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    build(engine, corpus())
    monkeypatch.setattr(dialect, "fts5_query", lambda query: query)  # unquoted: FTS5 syntax error
    with pytest.raises(StoreError, match="cannot search the store for 'AND\\('"):
        search(engine, "AND(")


def test_counts(engine: Engine) -> None:
    build(engine, corpus())
    assert counts(engine) == {
        "documents": 4,
        "sources": 4,
        "facts": {"person": 3, "place": 4},
        "mentions": 8,
        "runs": 0,
    }


def test_interrupted_then_resumed_build_equals_a_clean_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = corpus()
    clean = new_store("memory", tmp_path)
    assert build(clean, docs) == ["a.txt", "b.txt", "c.txt", "d.txt"]

    interrupted = new_store("file", tmp_path)
    real_index = dialect.index_document

    def crash_on_c(conn: object, doc_id: str, title: str | None, body: str) -> None:
        if body == TEXT_C:
            raise KeyboardInterrupt  # the user presses ctrl-c while c.txt is being written
        real_index(conn, doc_id, title, body)  # type: ignore[arg-type]

    monkeypatch.setattr(dialect, "index_document", crash_on_c)
    with pytest.raises(KeyboardInterrupt):
        build(interrupted, docs)
    assert counts(interrupted)["documents"] == 2  # a and b committed; nothing of c
    monkeypatch.undo()

    assert build(interrupted, docs) == ["c.txt", "d.txt"]
    assert snapshot(interrupted) == snapshot(clean)
    assert build(interrupted, docs) == []  # an unchanged re-run redoes nothing
    clean.dispose()
    interrupted.dispose()
