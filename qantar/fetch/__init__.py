"""Fetch: download news articles politely from a list of URLs or RSS/Atom feeds.

Library first: :func:`fetch_urls` takes URLs (or a :class:`UrlList` read from a file with
:func:`read_url_file`), saves every article page in a folder beside a ``manifest.csv`` that
``qantar build`` reads, and returns a :class:`FetchReport` with one :class:`Outcome` per URL
(saved, cached, failed with a reason, or a feed read). A failing URL never stops the run.

Politeness is not optional: robots.txt is obeyed (:mod:`~qantar.fetch.robots`), requests to one
host go one at a time with a pause between them (:mod:`~qantar.fetch.pacing`), every request
is identified, bounded in time and retried with backoff only when the trouble may pass
(:mod:`~qantar.fetch.client`), and nothing already saved is fetched again
(:mod:`~qantar.fetch.folder`).

Modules: ``urls`` (the list), ``keys`` (file names), ``options``, ``pacing``, ``client``,
``robots``, ``feeds``, ``pages`` (what a response is and what to keep), ``folder`` (files,
index, manifest), ``run`` (the schedule and the report).
"""

from __future__ import annotations

from qantar.fetch.folder import INDEX, MANIFEST
from qantar.fetch.keys import url_key
from qantar.fetch.options import FetchOptions, default_user_agent
from qantar.fetch.run import CACHED, FAILED, FEED, SAVED, FetchReport, Outcome, fetch_urls
from qantar.fetch.urls import BadUrl, UrlList, normalise_url, parse_url_lines, read_url_file

__all__ = [
    "CACHED",
    "FAILED",
    "FEED",
    "INDEX",
    "MANIFEST",
    "SAVED",
    "BadUrl",
    "FetchOptions",
    "FetchReport",
    "Outcome",
    "UrlList",
    "default_user_agent",
    "fetch_urls",
    "normalise_url",
    "parse_url_lines",
    "read_url_file",
    "url_key",
]
