"""robots.txt, read once per site and obeyed for every URL and every redirect hop.

The rules follow RFC 9309 (2022), which settled what crawlers had done differently:

* 2xx: the file is parsed with protego (Google-compatible wildcards and longest match) and
  its rules for ``qantar`` (or ``*``) apply; a ``Crawl-delay`` lengthens the pause between
  requests to that host, up to ``max_wait``.
* 4xx other than 429 (404 and 410 above all, also 401 and 403): the site publishes no rules,
  so everything is allowed.
* 429, 5xx, a timeout or no connection (after the usual retries): the rules exist but cannot
  be read, so nothing on the site is fetched in this run. Guessing "allowed" would mean
  crawling a site whose owner may have said no, just because their server was busy. Each URL
  on the site fails with the reason, and since failures are not cached the next run tries
  again.

The file is fetched through the same client (so it is paced, retried and identified like any
request) and kept per ``scheme://host:port`` for the run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from qantar.fetch.client import Client, FetchFailure
from qantar.fetch.options import ROBOTS_AGENT

MAX_ROBOTS_BYTES = 512 * 1024
"""RFC 9309 asks crawlers to parse at least 500 KiB; the rest of a larger file is ignored."""
ROBOTS_REDIRECTS = 5
"""RFC 9309: follow at least five consecutive redirects for robots.txt."""
DISALLOWED = "disallowed by robots.txt"


@dataclass(frozen=True)
class _Rules:
    """What a site's robots.txt says: parsed rules, or none (all allowed), or unreadable."""

    parsed: Protego | None = None
    unreadable: str | None = None
    """Why the file could not be read, worded for each URL of the site (none is fetched)."""


class Robots:
    """robots.txt rules per site, fetched on first use and kept for the run."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, _Rules] = {}

    def check(self, url: str) -> None:
        """Return if ``url`` may be fetched; else raise :class:`FetchFailure` saying why."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        rules = self._site(site, parts.netloc)
        if rules.unreadable is not None:
            raise FetchFailure(rules.unreadable)
        if rules.parsed is not None and not rules.parsed.can_fetch(url, ROBOTS_AGENT):
            raise FetchFailure(DISALLOWED)

    def _site(self, site: str, host: str) -> _Rules:
        with self._guard:
            lock = self._locks.setdefault(site, threading.Lock())
        with lock:  # one thread fetches; others for the same site wait for its answer
            if site not in self._rules:
                self._rules[site] = self._fetch(site, host)
            return self._rules[site]

    def _fetch(self, site: str, host: str) -> _Rules:
        try:
            response = self.client.get(f"{site}/robots.txt", max_redirects=ROBOTS_REDIRECTS)
        except FetchFailure as failure:
            status = failure.status
            if status is not None and 400 <= status < 500 and status != 429:
                return _Rules()
            if status is None:  # the host itself is out of reach: say that first
                return _Rules(unreadable=f"{failure.reason} (asking for robots.txt)")
            reason = f"robots.txt cannot be read ({failure.reason}), so the site is not fetched"
            return _Rules(unreadable=reason)
        text = response.content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        parsed = Protego.parse(text)
        delay = parsed.crawl_delay(ROBOTS_AGENT)
        if delay:
            options = self.client.options
            self.client.pacer.set_delay(host, min(float(delay), options.max_wait))
        return _Rules(parsed=parsed)
