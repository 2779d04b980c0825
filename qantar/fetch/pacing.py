"""Keep requests to one host apart: one at a time, with a pause between them.

Politeness is per host, not per run: two sites can be fetched at once, but a news site gets
one request after another with ``delay`` seconds between the end of one and the start of the
next, however many threads hold URLs for it (a redirect can send any thread to any host).
A robots.txt ``Crawl-delay`` lengthens the pause for its host only.

Waits use an :class:`threading.Event`, so stopping a run (Ctrl-C) cuts every pause short.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stopped(Exception):
    """The run was asked to stop while waiting for a turn."""


class Pacer:
    """Turns at each host: held for the length of one request, spaced by a delay."""

    def __init__(self, delay: float, stop: threading.Event | None = None) -> None:
        self.delay = delay
        self.stop = stop or threading.Event()
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """Space requests to ``host`` by ``seconds`` (never less than the run's own delay)."""
        with self._guard:
            self._delays[host] = max(self.delay, seconds)

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` unless the run stops first (then raise :class:`Stopped`)."""
        if seconds > 0 and self.stop.wait(seconds):
            raise Stopped
        if self.stop.is_set():
            raise Stopped

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        """Hold ``host`` for one request: wait until its pause is over, release when done."""
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            last = self._last.get(host)
            if last is not None:
                self.sleep(last + self._delays.get(host, self.delay) - time.monotonic())
            elif self.stop.is_set():
                raise Stopped
            try:
                yield
            finally:
                self._last[host] = time.monotonic()
