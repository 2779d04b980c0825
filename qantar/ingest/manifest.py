"""Read a manifest: a CSV that says where each article came from and when it was published.

The text of a news article rarely says its own URL, outlet or date, yet every record qantar
makes must cite them, so they travel beside the files in a CSV (see
``shared/corpus/manifest.csv``): ``file,url,title,outlet,author,published,
published_precision,language``. Only ``file`` is required; empty cells mean "unknown".

A manifest that cannot be read at all fails the whole batch, because the user asked for its
metadata and would otherwise get documents without dates or sources. A single bad row fails
only the file it describes: its problem is kept and reported for that file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from qantar.exceptions import InputError
from qantar.ingest.dates import PRECISIONS, date_precision
from qantar.ingest.files import ReadProblem, decode_text, read_bytes
from qantar.model import Source

LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class ManifestEntry:
    """One row of a manifest. ``row`` is its spreadsheet row number (the header is row 1)."""

    row: int
    file: str
    path: Path
    """``file`` joined to the manifest's folder."""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    published_precision: str | None = None
    language: str | None = None
    problem: str | None = None
    """Why this row cannot be used, worded for the reader; ``None`` when it is fine."""

    def source(self, path: str) -> Source:
        """The :class:`Source` for a file read at ``path`` with this row's metadata."""
        return Source(
            path=path,
            url=self.url,
            title=self.title,
            outlet=self.outlet,
            author=self.author,
            published=self.published,
            published_precision=self.published_precision,
        )


@dataclass
class Manifest:
    """A loaded manifest, able to find the row for a file."""

    path: Path
    entries: list[ManifestEntry] = field(default_factory=list)
    blank_rows: list[int] = field(default_factory=list)
    """Rows with an empty ``file`` cell."""
    _by_path: dict[Path, ManifestEntry] = field(default_factory=dict)
    _by_name: dict[str, ManifestEntry | None] = field(default_factory=dict)

    def add(self, entry: ManifestEntry) -> None:
        """Index a row; when a file is listed twice the first row wins."""
        self.entries.append(entry)
        self._by_path.setdefault(entry.path.resolve(), entry)
        name = entry.path.name
        if name not in self._by_name:
            self._by_name[name] = entry
        elif (other := self._by_name[name]) is not None and other.path != entry.path:
            self._by_name[name] = None  # one base name in two folders: the name is ambiguous

    def lookup(self, file: Path) -> ManifestEntry | None:
        """The row for ``file``: by its path relative to the manifest's folder, else by base
        name (so a manifest still applies when its articles were moved or copied elsewhere).
        """
        entry = self._by_path.get(file.resolve())
        return entry if entry is not None else self._by_name.get(file.name)


def metadata_problem(where: str, cells: dict[str, str | None]) -> str | None:
    """Why the metadata of one row (``published``, ``published_precision``, ``language``)
    cannot be used, worded for the reader; ``None`` when it is fine. Shared with JSON Lines."""
    published = cells.get("published")
    precision = cells.get("published_precision")
    language = cells.get("language")
    if published is not None and date_precision(published) is None:
        return f"{where} has published date {published!r}; use YYYY, YYYY-MM or YYYY-MM-DD"
    if precision is not None and precision not in PRECISIONS:
        return f"{where} has published_precision {precision!r}; use day, month, year or approximate"
    if language is not None and language not in LANGUAGES:
        return f"{where} has language {language!r}; qantar reads only en and ru"
    return None


def _entry(manifest_path: Path, row: int, cells: dict[str, str | None]) -> ManifestEntry:
    file = (cells.get("file") or "").replace("\\", "/")  # Windows-made manifests
    published = cells.get("published")
    precision = cells.get("published_precision") if published else None
    problem = metadata_problem(f"manifest row {row}", cells)
    if published is not None and precision is None and problem is None:
        precision = date_precision(published)
    return ManifestEntry(
        row=row,
        file=file,
        path=manifest_path.parent / file,
        url=cells.get("url"),
        title=cells.get("title"),
        outlet=cells.get("outlet"),
        author=cells.get("author"),
        published=published,
        published_precision=precision,
        language=cells.get("language"),
        problem=problem,
    )


def _fail(path: Path, reason: str) -> InputError:
    return InputError(str(path), f"{reason}, so nothing was read")


def load_manifest(path: Path) -> Manifest:
    """Load a manifest, or raise :class:`InputError` if it is unusable (the batch stops)."""
    try:
        text = decode_text(read_bytes(path))
    except ReadProblem as problem:
        raise _fail(path, f"cannot use the manifest: {problem.reason}") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if "file" not in header:
            found = ", ".join(name for name in header if name) or "none"
            raise _fail(
                path,
                f"manifest has no 'file' column (columns found: {found}); its first line "
                "must name the columns, one of them 'file'",
            )
        manifest = Manifest(path=path)
        for row, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue  # blank line
            cells = {
                name: value.strip() or None for name, value in zip(header, values, strict=False)
            }
            for name in ("language", "published_precision"):
                if value := cells.get(name):
                    cells[name] = value.lower()
            if cells.get("file") is None:
                manifest.blank_rows.append(row)
            else:
                manifest.add(_entry(path, row, cells))
    except csv.Error as error:
        raise _fail(path, f"manifest is not valid CSV ({error})") from None
    return manifest
