"""Fixtures: a live local news site per test, and fetch options fast enough for tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qantar.fetch import FetchOptions
from tests.fetch.site import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    """A fresh site on 127.0.0.1 (empty request log), shut down after the test."""
    site = Site()
    server, thread = serve(site)
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def fast() -> FetchOptions:
    """No pauses and tiny backoff: politeness is tested on its own, with real delays."""
    return FetchOptions(timeout=2.0, retries=3, delay=0.0, backoff=0.01, workers=2)
