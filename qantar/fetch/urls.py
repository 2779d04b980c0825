"""Read a list of URLs, one a line, and put each URL in one canonical spelling.

A list assembled by hand or pasted from a spreadsheet holds blank lines, comments, the same
article twice (once with ``#comments`` anchor, once with an upper-case host) and the odd line
that is not a URL at all. Blank lines and ``#`` comments are skipped; a bad line is kept with
its line number so the user can find and fix it, and never stops the rest of the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from qantar.exceptions import InputError
from qantar.ingest.files import ReadProblem, decode_text, read_bytes

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRAILING_COMMENT = re.compile(r"\s+#.*$")


class BadUrl(ValueError):
    """A string that qantar cannot fetch; the message says why in plain words."""


def normalise_url(text: str) -> str:
    """``text`` as an absolute http(s) URL in canonical form, or raise :class:`BadUrl`.

    The scheme and host are lower-cased, a default port and the ``#fragment`` dropped (the
    server never sees it) and an empty path made ``/``. The path and query are kept as given:
    servers may treat their case and order as meaningful.
    """
    text = text.strip()
    if not text or any(char.isspace() for char in text):
        raise BadUrl(f"{text!r} is not a URL (one URL per line, without spaces)")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise BadUrl(f"{text!r} is not an http or https URL")
    try:
        host = parts.hostname
        port = parts.port
    except ValueError:
        raise BadUrl(f"{text!r} has an invalid host or port") from None
    if not host:
        raise BadUrl(f"{text!r} has no host name")
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The ``host[:port]`` of a canonical URL: the unit of politeness (delay, robots.txt)."""
    return urlsplit(url).netloc


@dataclass(frozen=True)
class ListedUrl:
    """A usable line of a URL file."""

    line: int
    url: str
    """Canonical form (see :func:`normalise_url`)."""


@dataclass(frozen=True)
class BadLine:
    """A line that is not a usable URL, with its number and why."""

    line: int
    text: str
    reason: str


@dataclass
class UrlList:
    """The URLs of one file, each once (first line wins), and its unusable lines."""

    path: str
    urls: list[ListedUrl] = field(default_factory=list)
    bad: list[BadLine] = field(default_factory=list)
    duplicates: int = 0
    """Lines naming a URL already listed above them."""


def parse_url_lines(text: str, path: str = "-") -> UrlList:
    """Parse the text of a URL file (see the module docstring) named ``path`` in messages."""
    found = UrlList(path=path)
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        line = _TRAILING_COMMENT.sub("", line)  # "https://x/a   # note"
        try:
            url = normalise_url(line)
        except BadUrl as error:
            found.bad.append(BadLine(number, line, str(error)))
            continue
        if url in seen:
            found.duplicates += 1
            continue
        seen.add(url)
        found.urls.append(ListedUrl(number, url))
    return found


def read_url_file(path: str | Path) -> UrlList:
    """The URLs listed in a file; raises :class:`InputError` when the file cannot be read or
    lists nothing at all (an empty list is almost always the wrong file)."""
    try:
        text = decode_text(read_bytes(Path(path)))
    except ReadProblem as problem:
        raise InputError(str(path), problem.reason) from None
    found = parse_url_lines(text, str(path))
    if not found.urls and not found.bad:
        raise InputError(
            str(path), "lists no URLs (put one http or https URL on each line; # starts a comment)"
        )
    return found
