"""Read JSON Lines exports: one article per line, its text and metadata in one object.

Media monitoring tools, scrapers and spreadsheets export collections this way, so a user who
already has hundreds of articles need not split them into files and write a manifest. Each line
is read on its own: a line that is not JSON, or has no text, is reported with its line number
and skipped, and the other lines are stored.

A line looks like::

    {"text": "...", "url": "https://...", "title": "...", "outlet": "...", "author": "...",
     "published": "2023-07-11", "language": "ru", "name": "tleuzhanova-verdict"}

Only ``text`` is required; ``html`` may stand in for it (a saved page, read like an HTML file).
``date`` is taken for ``published``, a time after the date is dropped (``2023-07-11T09:30Z``),
and a list of ``authors`` is joined. Other keys are ignored. A line without a date takes the
one its page states, else the one its ``url`` states (``/2022/01/13/``, ``/2023/04/``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qantar.exceptions import InputError
from qantar.ingest.dates import date_precision, url_date
from qantar.ingest.files import ReadProblem, decode_text, normalise_text, read_bytes
from qantar.ingest.html import extract_article
from qantar.ingest.language import detect_language
from qantar.ingest.manifest import metadata_problem
from qantar.model import Document, Source, make_document_id

JSONL_SUFFIXES = (".jsonl", ".ndjson")

_TIME_AFTER_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d")
_TEXT_FIELDS = ("url", "title", "outlet", "author", "published", "published_precision")


def _string(value: Any) -> str | None:
    """A cell as stripped text: numbers as written, lists joined, empty as ``None``."""
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value if item not in (None, ""))
    if value is None or isinstance(value, dict | bool):
        return None
    return str(value).strip() or None


def _cells(record: dict[str, Any]) -> dict[str, str | None]:
    cells = {name: _string(record.get(name)) for name in _TEXT_FIELDS}
    cells["author"] = cells["author"] or _string(record.get("authors"))
    published = cells["published"] or _string(record.get("date"))
    if published and (match := _TIME_AFTER_DATE.match(published)):
        published = match.group(1)
    cells["published"] = published
    for name in ("language", "published_precision"):
        value = _string(record.get(name))
        cells[name] = value.lower() if value else None
    return cells


def _text(record: dict[str, Any]) -> tuple[str, str, str | None, str | None]:
    """The article's text, its format, and a title and date found in its HTML."""
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        return normalise_text(text), "jsonl", None, None
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        article = extract_article(html)
        return article.text, "html", article.title, article.published
    raise ReadProblem('has no "text" (or "html") field with an article in it')


def _document(
    record: dict[str, Any], path: Path, display: str, line: int, default: tuple[str, str] | None
) -> Document:
    cells = _cells(record)
    problem = metadata_problem("this line", cells)
    if problem is not None:
        raise ReadProblem(problem)
    text, format, page_title, page_date = _text(record)
    published = cells["published"] or page_date
    precision = cells["published_precision"] if cells["published"] else None
    if published and precision is None:
        precision = date_precision(published)
    if published is None and (from_url := url_date(cells["url"])) is not None:
        published, precision = from_url
    if published is None and default is not None:
        published, precision = default
    name = _string(record.get("name")) or _string(record.get("id")) or f"{path.name}:{line}"
    title = cells["title"] or page_title
    source = Source(
        path=f"{display}:{line}",
        url=cells["url"],
        title=title,
        outlet=cells["outlet"],
        author=cells["author"],
        published=published,
        published_precision=precision,
    )
    return Document(
        id=make_document_id(text),
        name=name,
        text=text,
        language=cells["language"] or detect_language(text),
        format=format,
        title=title,
        published=published,
        published_precision=precision,
        sources=[source],
    )


def read_jsonl(
    path: Path, display: str, default: tuple[str, str] | None = None
) -> Iterator[Document | InputError]:
    """One :class:`Document` or :class:`InputError` per non-blank line of ``path``.

    ``default`` is the ``(date, precision)`` for lines without a date (``--published``)."""
    try:
        content = decode_text(read_bytes(path))
    except ReadProblem as problem:
        yield InputError(display, problem.reason)
        return
    found = False
    for line, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        found = True
        where = f"{display} line {line}"
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            yield InputError(where, f"is not valid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(where, "is not a JSON object; write one {...} per line")
            continue
        try:
            yield _document(record, path, display, line, default)
        except ReadProblem as problem:
            yield InputError(where, problem.reason)
    if not found:
        yield InputError(display, "file has no articles (no non-blank lines)")
