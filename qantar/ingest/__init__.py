"""Ingest: turn files and folders of articles into :class:`~qantar.model.Document` objects.

Inputs are articles in English or Russian as plain text, HTML, PDF (page numbers kept) or
JSON Lines (one article per line with its metadata), optionally described by a manifest CSV
(``file,url,title,outlet,author,published,published_precision,language``).

* :func:`iter_inputs` yields one :class:`Document` or one :class:`InputError` per file, in
  sorted order, so one unreadable file is reported without stopping the batch. It raises
  only when the whole batch cannot start: an unusable manifest or a bad ``published`` date.
* :func:`merge_duplicates` folds the same article found twice into one document with both
  sources, since a document's id is the hash of its text.
* :func:`detect_language` tells ``ru`` from ``en`` by counting Cyrillic letters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from qantar.exceptions import InputError
from qantar.ingest.dates import date_precision
from qantar.ingest.files import INPUT_SUFFIXES, walk_folder
from qantar.ingest.jsonl import JSONL_SUFFIXES, read_jsonl
from qantar.ingest.language import detect_language
from qantar.ingest.manifest import Manifest, ManifestEntry, load_manifest
from qantar.ingest.reader import Published, read_document
from qantar.model import Document

__all__ = ["detect_language", "iter_inputs", "merge_duplicates"]

_NO_INPUTS = "folder has no " + ", ".join(INPUT_SUFFIXES[:-1]) + f" or {INPUT_SUFFIXES[-1]} files"


@dataclass(frozen=True)
class _Item:
    """One planned input: a file to read, or an error already known (missing path)."""

    display: str
    path: Path | None = None
    entry: ManifestEntry | None = None
    error: InputError | None = None


def _parse_published(published: str | None) -> Published | None:
    if published is None:
        return None
    precision = date_precision(published.strip())
    if precision is None:
        raise InputError(
            "--published", f"{published!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return Published(published.strip(), precision)


def _from_paths(paths: Sequence[Path]) -> Iterator[_Item]:
    for path in paths:
        if path.is_dir():
            files = walk_folder(path)
            if not files:
                yield _Item(str(path), error=InputError(str(path), _NO_INPUTS))
            for file in files:
                yield _Item(str(file), path=file)
        elif path.exists():
            yield _Item(str(path), path=path)
        else:
            yield _Item(str(path), error=InputError(str(path), "no such file or directory"))


def _from_manifests(manifests: Sequence[Manifest]) -> Iterator[_Item]:
    for manifest in manifests:
        for row in manifest.blank_rows:
            where = f"{manifest.path} row {row}"
            yield _Item(where, error=InputError(where, "manifest row has no file name"))
        for entry in manifest.entries:
            display = str(entry.path)
            if entry.path.exists():
                yield _Item(display, path=entry.path, entry=entry)
            else:
                reason = f"no such file or directory (listed in {manifest.path.name})"
                yield _Item(display, error=InputError(display, reason))


def _plan(paths: Sequence[Path], manifests: Sequence[Manifest]) -> list[_Item]:
    """Every input once (a file reached twice, e.g. by folder and by name, is read once),
    sorted by the name it is shown under so runs over the same inputs match."""
    items = _from_paths(paths) if paths else _from_manifests(manifests)
    seen: set[Path] = set()
    planned: list[_Item] = []
    for item in items:
        if item.path is not None:
            key = item.path.resolve()
            if key in seen:
                continue
            seen.add(key)
            if item.entry is None:
                found = (manifest.lookup(item.path) for manifest in manifests)
                item = replace(item, entry=next((e for e in found if e is not None), None))
        planned.append(item)
    return sorted(planned, key=lambda item: item.display)


def _read(items: list[_Item], published: Published | None) -> Iterator[Document | InputError]:
    default = (published.date, published.precision) if published else None
    for item in items:
        if item.error is not None:
            yield item.error
        elif item.path is not None and item.path.suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl(item.path, item.display, default)
        elif item.path is not None:
            yield read_document(item.path, item.display, item.entry, published)


def iter_inputs(
    paths: Sequence[str | Path],
    manifest: str | Path | None = None,
    published: str | None = None,
) -> Iterator[Document | InputError]:
    """Read articles from files and folders, one :class:`Document` or :class:`InputError` each.

    ``paths`` may name files (read whatever their type) and folders (walked recursively for
    .txt, .text, .md, .html, .htm, .pdf, .jsonl and .ndjson, skipping hidden files and CSVs).
    A JSON Lines file gives one document or error per line. A ``.csv`` among
    ``paths`` is a manifest, like ``manifest``. Manifest rows give metadata to the files they
    match, by path relative to the manifest's folder or by base name; with manifests and no
    other paths, the files the manifests list are read. A document's publication date is its
    manifest row's, else its page's, else the one its URL states (``/2022/01/13/`` a day,
    ``/2023/04/`` a month); ``published`` (YYYY, YYYY-MM or YYYY-MM-DD) is the date of
    documents that have none of these.

    Raises :class:`InputError` at once, before anything is read, for a bad ``published``
    value or an unusable manifest (missing, undecodable, or without a ``file`` column).
    """
    default = _parse_published(published)
    given = [Path(path) for path in paths]
    manifest_paths = [Path(manifest)] if manifest is not None else []
    manifest_paths += [path for path in given if path.suffix.lower() == ".csv"]
    unique = {path.resolve(): path for path in reversed(manifest_paths)}  # first one wins
    manifests = [load_manifest(path) for path in reversed(unique.values())]
    inputs = [path for path in given if path.suffix.lower() != ".csv"]
    return _read(_plan(inputs, manifests), default)


def merge_duplicates(items: Iterable[Document]) -> list[Document]:
    """One document per distinct text, in first-seen order, keeping every source.

    The first copy's name and metadata are kept and later copies' sources are appended.
    The input documents are left unchanged.
    """
    merged: dict[str, Document] = {}
    for document in items:
        first = merged.get(document.id)
        if first is None:
            merged[document.id] = replace(document, sources=list(document.sources))
        else:
            first.sources.extend(document.sources)
    return list(merged.values())
