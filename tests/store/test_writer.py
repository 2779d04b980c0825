"""save_document, add_sources, is_current and run records."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from qantar.exceptions import StoreError
from qantar.model import Mention, Source
from qantar.store import (
    add_sources,
    counts,
    document_facts,
    finish_run,
    get_document,
    is_current,
    list_runs,
    save_document,
    snapshot,
    start_run,
    writer,
)
from qantar.store.schema import facts

from .helpers import PIPELINE, TEXT_A, TEXT_B, make_doc, make_fact, new_store, person


@pytest.fixture(params=["memory", "file"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    store = new_store(request.param, tmp_path)
    yield store
    store.dispose()


def test_round_trip(engine: Engine) -> None:
    doc = make_doc(TEXT_A, "a.txt", title="Former security chief detained")
    fact = person(doc, "Karim Massimov", "Masimov", roles=("former security chief",))
    save_document(engine, doc, [fact], PIPELINE, None)

    stored = get_document(engine, doc.id)
    assert stored is not None
    assert (stored["name"], stored["text"], stored["title"]) == ("a.txt", TEXT_A, doc.title)
    assert stored["pipeline"] == PIPELINE
    assert (stored["language"], stored["published"]) == ("en", "2022-01-06")
    assert [s["path"] for s in stored["sources"]] == ["/corpus/a.txt"]

    [read] = document_facts(engine, doc.id)
    assert read["id"] == fact.id
    assert read["record"] == fact.record
    assert (read["span_start"], read["span_end"]) == (0, len("Karim Massimov"))
    assert read["sentence"] == fact.provenance.sentence
    assert read["extractor"] == "people.v1"
    assert read["mentions"] == [
        {"start": m.start, "end": m.end, "text": m.text} for m in fact.mentions
    ]


def test_ids_are_deterministic(engine: Engine) -> None:
    first = make_doc(TEXT_A, "a.txt")
    again = make_doc(TEXT_A, "a.txt")
    assert first.id == again.id
    assert person(first, "Karim Massimov").id == person(again, "Karim Massimov").id
    save_document(engine, first, [person(first, "Karim Massimov")], PIPELINE)
    save_document(engine, again, [person(again, "Karim Massimov")], PIPELINE)
    assert counts(engine)["documents"] == 1
    assert [f["id"] for f in document_facts(engine, first.id)] == [
        person(first, "Karim Massimov").id
    ]


def test_resave_replaces_stale_facts_and_keeps_created_at(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = make_doc(TEXT_A, "a.txt")
    kept = person(doc, "Karim Massimov", "Masimov")
    stale = make_fact(doc, "place", "Almaty", extractor="places.v0")
    monkeypatch.setattr(writer, "now_iso", lambda: "2022-01-06T00:00:00.000000+00:00")
    save_document(engine, doc, [kept, stale], "old")

    added = make_fact(doc, "place", "Almaty", {"name": "Almaty", "type": "city"}, key="almaty city")
    monkeypatch.setattr(writer, "now_iso", lambda: "2022-01-07T00:00:00.000000+00:00")
    save_document(engine, doc, [kept, added], "new")

    assert {f["id"] for f in document_facts(engine, doc.id)} == {kept.id, added.id}
    with engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(select(facts))}
    assert rows[kept.id].created_at == "2022-01-06T00:00:00.000000+00:00"
    assert rows[kept.id].updated_at == "2022-01-07T00:00:00.000000+00:00"
    assert rows[added.id].created_at == "2022-01-07T00:00:00.000000+00:00"
    # The stale fact's mentions went with it; the kept fact's two mentions remain.
    assert len(snapshot(engine)["mentions"]) == 3
    assert is_current(engine, doc.id, "new")


def test_duplicate_text_keeps_every_source(engine: Engine) -> None:
    doc = make_doc(TEXT_A, "a.txt", path="/corpus/a.txt")
    save_document(engine, doc, [], PIPELINE)
    add_sources(
        engine, doc.id, [Source(path="/mirror/copy-of-a.txt"), Source(url="https://example.org/a")]
    )
    add_sources(engine, doc.id, [Source(path="/mirror/copy-of-a.txt", outlet="Mirror")])
    save_document(engine, doc, [], PIPELINE)  # re-saving does not drop the extra sources

    stored = get_document(engine, doc.id)
    assert stored is not None
    assert [(s["path"], s["url"], s["outlet"]) for s in stored["sources"]] == [
        (None, "https://example.org/a", None),
        ("/corpus/a.txt", None, "Test Wire"),
        ("/mirror/copy-of-a.txt", None, "Mirror"),
    ]


def test_add_sources_needs_the_document(engine: Engine) -> None:
    with pytest.raises(StoreError, match="no document doc-missing in the store"):
        add_sources(engine, "doc-missing", [Source(path="/x.txt")])


def test_is_current(engine: Engine) -> None:
    doc = make_doc(TEXT_A, "a.txt")
    assert not is_current(engine, doc.id, PIPELINE)
    save_document(engine, doc, [], PIPELINE)
    assert is_current(engine, doc.id, PIPELINE)
    assert not is_current(engine, doc.id, "people.v2+places.v1")
    assert not is_current(engine, "doc-other", PIPELINE)


def test_failure_midway_writes_nothing_of_the_document(engine: Engine) -> None:
    doc = make_doc(TEXT_A, "a.txt")
    good = person(doc, "Karim Massimov", "Masimov")
    bad = make_fact(doc, "place", "Almaty", {"name": "Almaty", "seen": {1, 2}})  # a set: not JSON
    with pytest.raises(StoreError, match=r"cannot save document a.txt .*not JSON serializable"):
        save_document(engine, doc, [good, bad], PIPELINE)
    assert all(rows == [] for rows in snapshot(engine).values())
    assert not is_current(engine, doc.id, PIPELINE)


def test_failed_resave_keeps_the_previous_version(engine: Engine) -> None:
    doc = make_doc(TEXT_A, "a.txt")
    save_document(engine, doc, [person(doc, "Karim Massimov")], PIPELINE)
    before = snapshot(engine)
    bad = make_fact(doc, "place", "Almaty", {"when": object()})
    with pytest.raises(StoreError):
        save_document(engine, doc, [bad], "people.v2")
    assert snapshot(engine) == before
    assert is_current(engine, doc.id, PIPELINE)


def test_fact_of_another_document_is_refused(engine: Engine) -> None:
    doc, other = make_doc(TEXT_A, "a.txt"), make_doc(TEXT_B, "b.txt")
    with pytest.raises(StoreError, match="belongs to document"):
        save_document(engine, doc, [person(other, "Karim Masimov")], PIPELINE)
    assert counts(engine)["documents"] == 0


def _limit_variables(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)


def test_batches_stay_under_the_variable_limit(tmp_path: Path) -> None:
    engine = new_store("file", tmp_path)
    # This SQLite allows 32,766 variables; cap new connections at the old 999 default so that
    # an unbatched insert of 1,200 facts or 2,000 mentions would fail here.
    event.listen(engine, "connect", _limit_variables)
    engine.dispose()
    with engine.connect() as conn, pytest.raises(OperationalError, match="too many SQL variables"):
        conn.execute(
            text("SELECT " + ", ".join(f":p{i}" for i in range(1000))),
            {f"p{i}": i for i in range(1000)},
        )

    body = " ".join(f"w{i:04d}" for i in range(2000))
    doc = make_doc(body, "long.txt")
    many = []
    for i in range(1200):
        fact = make_fact(doc, "place", f"w{i:04d}")
        if i < 800:  # 800 facts with two mentions and 400 with one: 2,000 mentions
            at = doc.text.index(f"w{i + 1200:04d}")
            fact.mentions.append(Mention(at, at + 5, f"w{i + 1200:04d}"))
        many.append(fact)
    save_document(engine, doc, many, PIPELINE)
    assert counts(engine)["facts"] == {"place": 1200}
    assert counts(engine)["mentions"] == 2000

    # Shrinking to 100 facts deletes 1,100 stale ids, more than one IN list may hold.
    save_document(engine, doc, many[:100], PIPELINE)
    assert counts(engine)["facts"] == {"place": 100}
    assert counts(engine)["mentions"] == 200
    engine.dispose()


def test_runs_are_recorded(engine: Engine) -> None:
    run_id = start_run(engine, "build", PIPELINE)
    [run] = list_runs(engine)
    assert (run["id"], run["status"], run["finished_at"]) == (run_id, "running", None)
    finish_run(
        engine, run_id, "interrupted", documents_seen=3, documents_processed=1, note="ctrl-c"
    )
    [run] = list_runs(engine)
    assert run["status"] == "interrupted"
    assert run["documents_seen"] == 3
    assert (run["documents_processed"], run["documents_skipped"]) == (1, 0)
    assert run["note"] == "ctrl-c"
    assert run["finished_at"] >= run["started_at"]


def test_finish_run_checks_its_arguments(engine: Engine) -> None:
    run_id = start_run(engine, "build", PIPELINE)
    with pytest.raises(ValueError, match="not 'done'"):
        finish_run(engine, run_id, "done")
    with pytest.raises(ValueError, match="unknown run counters"):
        finish_run(engine, run_id, "ok", documents=1)
    with pytest.raises(StoreError, match="no run nope"):
        finish_run(engine, "nope", "ok")
