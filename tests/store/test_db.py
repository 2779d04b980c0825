"""Opening the store: folders, connection settings, migrations and plain-worded errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import Connection

from qantar.exceptions import StoreError
from qantar.store import counts, migrations, open_store, save_document
from qantar.store.schema import migrations as migrations_table

from .helpers import PIPELINE, TEXT_A, make_doc, person, store_url

HINT = "; check QANTAR_DB_URL or --db"


def test_file_store_creates_its_folder_and_sets_sqlite_up(tmp_path: Path) -> None:
    url = store_url("file", tmp_path)
    engine = open_store(url)
    assert (tmp_path / "nested" / "qantar.db").is_file()
    with engine.connect() as conn:
        assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
        assert conn.scalar(text("PRAGMA foreign_keys")) == 1
        tables = set(inspect(conn).get_table_names())
    expected = {"documents", "sources", "facts", "mentions", "runs", "migrations", "document_fts"}
    expected |= {"entities", "entity_members", "match_pairs", "decisions", "judgements"}
    assert expected <= tables
    engine.dispose()


def test_migrations_run_once(tmp_path: Path) -> None:
    url = store_url("file", tmp_path)
    first = open_store(url)
    doc = make_doc(TEXT_A, "a.txt")
    save_document(first, doc, [person(doc, "Karim Massimov")], PIPELINE)
    with first.connect() as conn:
        before = [tuple(row) for row in conn.execute(select(migrations_table))]
    first.dispose()

    second = open_store(url)
    with second.connect() as conn:
        after = [tuple(row) for row in conn.execute(select(migrations_table))]
    assert after == before
    assert [name for name, _ in after] == [name for name, _ in migrations.MIGRATIONS]
    assert migrations.migrate(second) == []
    assert counts(second)["facts"] == {"person": 1}  # reopening kept the data
    second.dispose()


def test_a_store_from_before_pages_gains_the_page_columns_and_keeps_its_facts(
    tmp_path: Path,
) -> None:
    url = store_url("file", tmp_path)
    engine = open_store(url)
    doc = make_doc(TEXT_A, "a.txt")
    save_document(engine, doc, [person(doc, "Karim Massimov")], PIPELINE)
    with engine.begin() as conn:  # what a store made before 0005_pages looks like
        conn.execute(text("ALTER TABLE facts DROP COLUMN page"))
        conn.execute(text("ALTER TABLE documents DROP COLUMN pages"))
        conn.execute(text("DELETE FROM migrations WHERE name = '0005_pages'"))
    engine.dispose()

    reopened = open_store(url)
    with reopened.connect() as conn:
        assert "page" in {c["name"] for c in inspect(conn).get_columns("facts")}
        assert "pages" in {c["name"] for c in inspect(conn).get_columns("documents")}
    assert "0005_pages" in migrations.applied(reopened)
    assert counts(reopened)["facts"] == {"person": 1}
    reopened.dispose()


def test_a_failing_migration_leaves_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(conn: Connection) -> None:
        conn.execute(text("CREATE TABLE half_done (id INTEGER)"))
        raise RuntimeError("disk on fire")

    url = store_url("file", tmp_path)
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, ("9999_broken", broken)))
    with pytest.raises(RuntimeError):
        open_store(url)
    monkeypatch.undo()  # reopen with the real list: those before 9999 were committed
    engine = open_store(url)
    with engine.connect() as conn:
        assert not inspect(conn).has_table("half_done")  # the DDL was rolled back with it
    assert migrations.applied(engine) == [name for name, _ in migrations.MIGRATIONS]
    engine.dispose()


def test_unwritable_folder_raises_a_plain_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    url = f"sqlite:///{blocker / 'sub' / 'qantar.db'}"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith(f"cannot open the store at {url}: not a directory: ")
    assert message.endswith(HINT)


def test_unopenable_database_file_raises_a_plain_store_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}"  # a folder, not a file
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert (
        str(caught.value) == f"cannot open the store at {url}: unable to open database file{HINT}"
    )


def test_malformed_url_raises_a_store_error() -> None:
    with pytest.raises(
        StoreError, match=r"^cannot open the store at not a url: .*check QANTAR_DB_URL"
    ):
        open_store("not a url")


def test_password_is_hidden_in_the_message() -> None:
    with pytest.raises(StoreError) as caught:
        open_store("nosuchdb://user:secret@localhost/qantar")
    assert "secret" not in str(caught.value)
    assert str(caught.value).startswith(
        "cannot open the store at nosuchdb://user:***@localhost/qantar: "
    )
