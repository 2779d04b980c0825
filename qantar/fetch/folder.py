"""The output folder: saved pages, the manifest ``qantar build`` reads, and the fetch index.

``DIR/.fetch-index.jsonl`` remembers, one JSON object a line, every URL saved in the folder:
the URL as listed, the URL finally answered, the files written and the manifest row. It is what
makes a second run fetch nothing twice: a URL in the index whose file is still on disk is
"cached". Lines are appended as pages are saved, so a run that is interrupted or crashes
keeps what it saved; the last line for a URL wins, a half-written last line is ignored, and
the file is rewritten with one line per URL at the end of each run. Failures are never
recorded, so they are tried again next time.

``DIR/manifest.csv`` is rewritten at the end of every run (also an interrupted one), merged
with the rows already there: a row for a file saved in this run replaces the old one, other
rows (another run's, or rows a person corrected by hand) are kept as they are. Rows are
sorted by file, so the same folder always gives the same manifest.

Every file is written to a temporary name and renamed into place, so neither a page nor the
manifest is ever left half written.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from qantar.exceptions import InputError
from qantar.fetch.keys import url_key
from qantar.fetch.pages import Page

MANIFEST = "manifest.csv"
INDEX = ".fetch-index.jsonl"
"""Hidden, so that ``qantar build DIR`` (which walks folders for JSON Lines articles and skips
hidden files) never takes the index for articles."""
COLUMNS = (
    "file",
    "url",
    "title",
    "outlet",
    "author",
    "published",
    "published_precision",
    "language",
)
"""The manifest columns :mod:`qantar.ingest.manifest` reads."""


@dataclass(frozen=True)
class Saved:
    """One URL saved in the folder (a line of the index)."""

    url: str
    """The URL as listed (canonical form): the cache key."""
    final_url: str
    file: str
    """The file the manifest lists, relative to the folder."""
    files: list[str]
    """Every file written for it (the listed one, and the raw page beside extracted text)."""
    kind: str
    fetched: str
    """When, as ISO 8601 UTC."""
    row: dict[str, str] = field(default_factory=dict)
    """Its manifest row."""


def outlet_of(url: str) -> str:
    """The outlet a URL belongs to: its host name without ``www.``."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def manifest_row(file: str, url: str, page: Page) -> dict[str, str]:
    """The manifest row for a saved page; empty cells are unknowns."""
    return {
        "file": file,
        "url": url,
        "title": page.title or "",
        "outlet": outlet_of(url),
        "author": "",
        "published": page.published or "",
        "published_precision": "day" if page.published else "",
        "language": page.language or "",
    }


def _write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class OutputFolder:
    """The folder pages are saved in; safe to save into from several threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.manifest = path / MANIFEST
        self.index_path = path / INDEX
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InputError(
                str(path), f"cannot make the output folder ({error.strerror})"
            ) from None
        self._header, self._rows = self._read_manifest()
        self.index = self._read_index()
        self.fresh: dict[str, Saved] = {}
        """Saved in this run, by URL."""
        self.reused: dict[str, Saved] = {}
        """Found saved by an earlier run, by URL."""
        self._stale: set[str] = set()
        """Files an earlier run listed for a URL now saved under another file."""
        self._lock = threading.Lock()

    def _read_manifest(self) -> tuple[list[str], dict[str, dict[str, str]]]:
        """The existing manifest's columns and rows by file, checked before anything is
        fetched: a manifest this run could not merge with is never overwritten."""
        if not self.manifest.exists():
            return list(COLUMNS), {}
        try:
            text = self.manifest.read_text(encoding="utf-8-sig")
            reader = csv.DictReader(io.StringIO(text, newline=""))
            header = [name.strip() for name in reader.fieldnames or []]
            rows = {}
            for values in reader:
                row = {
                    name.strip(): (value or "").strip() for name, value in values.items() if name
                }
                if row.get("file"):
                    rows[row["file"]] = row
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            reason = f"cannot read the existing manifest ({error}); move it away or fix it"
            raise InputError(str(self.manifest), reason) from None
        if "file" not in header:
            reason = "the existing manifest has no 'file' column; move it away or fix it"
            raise InputError(str(self.manifest), reason)
        return list(COLUMNS) + [name for name in header if name not in COLUMNS], rows

    def _read_index(self) -> dict[str, Saved]:
        found: dict[str, Saved] = {}
        if not self.index_path.exists():
            return found
        for line in self.index_path.read_text(encoding="utf-8").splitlines():
            try:
                saved = Saved(**json.loads(line))
            except (ValueError, TypeError):
                continue  # a line cut short by a crash, or written by a different version
            found[saved.url] = saved
        return found

    def cached(self, url: str) -> Saved | None:
        """The earlier save of ``url``, if the index has it and its files are still there."""
        saved = self.index.get(url)
        if saved is None or not all((self.path / name).is_file() for name in saved.files):
            return None
        with self._lock:
            self.reused[url] = saved
        return saved

    def save(self, url: str, final_url: str, page: Page) -> Saved:
        """Write a page's files under the key of ``url`` and record it in the index."""
        key = url_key(url)
        for suffix, data in page.files.items():
            _write_atomic(self.path / f"{key}{suffix}", data)
        file = f"{key}{page.main}"
        saved = Saved(
            url=url,
            final_url=final_url,
            file=file,
            files=sorted(f"{key}{suffix}" for suffix in page.files),
            kind=page.kind,
            fetched=datetime.now(UTC).isoformat(timespec="seconds"),
            row=manifest_row(file, final_url, page),
        )
        line = json.dumps(asdict(saved), ensure_ascii=False, sort_keys=True) + "\n"
        with self._lock:
            earlier = self.index.get(url)
            if earlier is not None and earlier.file != file:  # e.g. a page that became a PDF
                self._stale.add(earlier.file)
            with self.index_path.open("a", encoding="utf-8") as stream:
                stream.write(line)
            self.index[url] = saved
            self.fresh[url] = saved
        return saved

    def finish(self) -> None:
        """Write the merged manifest and the compacted index."""
        with self._lock:
            rows = {file: row for file, row in self._rows.items() if file not in self._stale}
            for saved in self.reused.values():
                rows.setdefault(saved.file, saved.row)  # keep a row someone may have edited
            for saved in self.fresh.values():
                rows[saved.file] = saved.row
            out = io.StringIO(newline="")
            writer = csv.DictWriter(out, self._header, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            for file in sorted(rows):
                writer.writerow({name: rows[file].get(name, "") for name in self._header})
            _write_atomic(self.manifest, out.getvalue().encode("utf-8"))
            lines = (
                json.dumps(asdict(self.index[url]), ensure_ascii=False, sort_keys=True) + "\n"
                for url in sorted(self.index)
            )
            _write_atomic(self.index_path, "".join(lines).encode("utf-8"))
            self._rows = rows
