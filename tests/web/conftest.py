"""The web app in process: an app over a copy of the seed store, a reviewer, HTTP clients.

Tests that only read share one app (``reader``) over one copy; tests that write get a fresh copy
each (``engine``, ``app``, ``client``), so no test sees another's decisions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import Engine, make_url

from qantar.review import add_user
from qantar.store import open_store
from qantar.web import create_app

from .helpers import REVIEWER, SECRET, Reviewer, TestClient, sign_in


def copy_store(url: str, folder: Path) -> str:
    """A copy of the SQLite store at ``url`` in ``folder`` (its URL): SQLite's backup API, so
    a WAL file's pages come along and the original is only read."""
    source = make_url(url).database
    assert source, f"not a SQLite file URL: {url}"
    target = folder / "copy.db"
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def shared_engine(seed_store: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """One copy of the seed store for the tests that only read."""
    engine = open_store(copy_store(seed_store, tmp_path_factory.mktemp("web-read")))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def reader(shared_engine: Engine) -> Iterator[TestClient]:
    """An anonymous client of an app over the shared copy (never signs in, never writes)."""
    with TestClient(create_app(shared_engine, SECRET)) as client:
        yield client


@pytest.fixture
def engine(seed_store: str, tmp_path: Path) -> Iterator[Engine]:
    """A fresh copy of the seed store that this test may write to."""
    found = open_store(copy_store(seed_store, tmp_path))
    yield found
    found.dispose()


@pytest.fixture
def reviewer(engine: Engine) -> Reviewer:
    """Reviewer ana, made with the library's add_user."""
    add_user(engine, REVIEWER.name, REVIEWER.password)
    return REVIEWER


@pytest.fixture
def app(engine: Engine) -> FastAPI:
    return create_app(engine, SECRET)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """A client with no session yet (a reader)."""
    with TestClient(app) as found:
        yield found


@pytest.fixture
def signed_in(client: TestClient, reviewer: Reviewer) -> TestClient:
    """``client`` signed in as the reviewer through the sign-in form."""
    answer = sign_in(client, reviewer.name, reviewer.password)
    assert answer.status_code == 303, answer.text
    return client
