"""Builders for ingest tests: small invented articles written into a temporary folder.

The texts are made up for the tests; none is taken from the shared corpus.
"""

from __future__ import annotations

from pathlib import Path

from qantar.exceptions import InputError
from qantar.ingest import iter_inputs
from qantar.model import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

EN_TEXT = (
    "A court in Shymkent fined a blogger on Monday for a post about the January protests.\n"
    "His lawyer said the fine would be appealed."
)
EN_TEXT_2 = "Officials in Aktau said the square would reopen next week after repairs."
RU_TEXT = (
    "Суд в Караганде в среду оштрафовал местного активиста за пост о январских событиях.\n"
    "Адвокат сообщила, что защита обжалует решение."
)

MANIFEST_HEADER = "file,url,title,outlet,author,published,published_precision,language\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """Write ``content`` (text as UTF-8) to ``folder/name``, creating folders as needed."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def read_all(
    paths: list[str | Path], manifest: str | Path | None = None, published: str | None = None
) -> tuple[list[Document], list[InputError]]:
    """Run :func:`iter_inputs` and split its items into documents and errors, keeping order."""
    documents: list[Document] = []
    errors: list[InputError] = []
    for item in iter_inputs(paths, manifest=manifest, published=published):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            documents.append(item)
    return documents, errors


def read_one(path: Path) -> Document | InputError:
    """The single item :func:`iter_inputs` yields for one file."""
    items = list(iter_inputs([path]))
    assert len(items) == 1, items
    return items[0]
