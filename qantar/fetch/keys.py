"""Name the files a URL is saved under: readable, safe on every file system, deterministic.

A name such as ``tengrinews.kz-kazakhstan-news-sud-v-almaty-3f0c2a91be`` tells a person
browsing the folder which site and article a file holds, and the same URL gives the same name
on every run and machine, so a re-run finds what is already saved. The readable part is the
host and path transliterated to ASCII (anyascii: a Cyrillic slug stays legible) with every
other character made ``-``, cut to a length every file system accepts; it can collide (two
query strings, case-only differences on a case-insensitive disk), so a short hash of the whole
URL follows it and keeps distinct URLs apart.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

from anyascii import anyascii

HASH_CHARS = 10
"""Hex digits of SHA-256 kept: 40 bits, so a clash is unlikely below a million URLs."""
READABLE_CHARS = 80
_UNSAFE = re.compile(r"[^a-z0-9.]+")
_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cgi|pdf|txt)$", re.IGNORECASE)
"""Extensions that say nothing once the file has its own (``article.html`` -> ``article``)."""
_DOTS = re.compile(r"\.{2,}")
KEY_PATTERN = re.compile(
    rf"^[a-z0-9][a-z0-9.-]{{0,{READABLE_CHARS - 1}}}-[0-9a-f]{{{HASH_CHARS}}}$"
)
"""Every key matches this (the tests hold :func:`url_key` to it)."""


def url_key(url: str) -> str:
    """The file name stem for ``url`` (give it a canonical URL: see ``normalise_url``)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    port = f"-{parts.port}" if parts.port else ""
    path = _EXTENSION.sub("", parts.path)
    readable = anyascii(unquote(f"{host}{port}{path}")).lower()
    readable = _DOTS.sub(".", _UNSAFE.sub("-", readable))
    readable = readable[:READABLE_CHARS].strip("-.") or "page"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:HASH_CHARS]
    return f"{readable}-{digest}"
