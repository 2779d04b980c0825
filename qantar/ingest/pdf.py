"""Read the text of a PDF report, page by page, so a fact can cite "page 12".

NGO and UN reports come as PDFs. Their text layer holds one line per printed line, words split
by end-of-line hyphens, and the running header and page number on every page. The extractors
read one paragraph per line (see :mod:`qantar.nlp.annotate.paragraphs`), so the lines of each
paragraph are joined here, hyphenation undone, and page furniture dropped; paragraphs are then
separated by blank lines exactly like a plain-text article. The start of each page in that text
is kept as a :class:`~qantar.model.Page`, labelled with the number printed on it where the file
defines page labels.

pypdf is pure Python and reads the text layer only. A scanned report has none, and a
password-protected one cannot be opened; both are refused with what to do instead, because an
empty document stored in their place would look like an article with nothing in it.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from statistics import median
from typing import Any

from qantar.ingest.files import ReadProblem
from qantar.model import Page

PDF_MAGIC = b"%PDF-"

#: A page needs this many letters to count as having text (a scan may carry a stray stamp).
MIN_LETTERS_PER_PAGE = 20
NO_TEXT_LAYER = (
    "PDF has no text layer (a scanned image?); run OCR on it first "
    "(for example `ocrmypdf in.pdf out.pdf`) and add the result"
)
ENCRYPTED = (
    "PDF is password-protected; save an unprotected copy "
    "(for example `qpdf --decrypt --password=... in.pdf out.pdf`) and add that"
)

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft"})
_CLOSING = tuple('.!?…:;"”»)')
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|стр\.?|страница|с\.)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:of|из|/)\s*\d{1,4})?\s*[-–—]?$",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:[•▪◦●\-–—*]\s|\d{1,2}[.)]\s|\(\w\)\s)")
_GENERATED_TITLE = re.compile(r"^(?:microsoft \w+ - |untitled\b)", re.IGNORECASE)


@dataclass(frozen=True)
class PdfText:
    """The readable text of a PDF, its page starts, and the title and date its metadata give."""

    text: str
    pages: list[Page]
    title: str | None
    created: str | None
    """``YYYY-MM-DD`` from the file's creation date, when it has one."""


def is_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-``; some tools put a few junk bytes before it."""
    return PDF_MAGIC in data[:1024]


def _open(data: bytes) -> Any:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadProblem(ENCRYPTED)
        return reader
    except DependencyError:
        raise ReadProblem(ENCRYPTED) from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ReadProblem(f"cannot read the PDF; it may be damaged ({_short(error)})") from None


def _short(error: Exception) -> str:
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return message[:120]


_COLUMN_GAP = re.compile(r"\S {6,}\S")


def _two_columns(text: str) -> bool:
    """Whether a layout rendering set two columns side by side (a wide gap inside many lines)."""
    lines = [line for line in text.split("\n") if len(line.strip()) > 20]
    return bool(lines) and sum(bool(_COLUMN_GAP.search(line.strip())) for line in lines) * 3 > len(
        lines
    )


def _page_text(page: Any) -> str:
    """A page's text, laid out so that the space between paragraphs shows as blank lines.

    pypdf's layout mode places text where it stands on the page, which keeps those gaps but
    runs two columns together line by line; such a page is read in content order instead."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - layout mode is stricter; plain mode still reads the page
        text = ""
    if not text.strip() or _two_columns(text):
        text = page.extract_text() or ""
    return str(text)


def _page_texts(reader: Any) -> list[str]:
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    texts = []
    try:
        for page in reader.pages:
            try:
                texts.append(_page_text(page))
            except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
                texts.append("")  # one unreadable page does not lose the report
    except FileNotDecryptedError:
        raise ReadProblem(ENCRYPTED) from None
    except PyPdfError as error:
        raise ReadProblem(f"cannot read the PDF; it may be damaged ({_short(error)})") from None
    return texts


def _labels(reader: Any, count: int) -> list[str]:
    """Printed page numbers where the PDF defines them, else 1, 2, 3..."""
    try:
        labels = [str(label) for label in reader.page_labels]
    except Exception:  # noqa: BLE001 - a broken label tree only costs the printed numbers
        labels = []
    if len(labels) != count or not all(labels):
        labels = [str(number) for number in range(1, count + 1)]
    return labels


def _metadata(reader: Any) -> tuple[str | None, str | None]:
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - metadata is optional; the text is what matters
        return None, None
    if info is None:
        return None, None
    title = " ".join(str(info.title or "").split()) or None
    if title and _GENERATED_TITLE.match(title):
        title = None
    created = None
    try:
        when = info.creation_date
    except Exception:  # noqa: BLE001 - malformed dates are common in PDF metadata
        when = None
    if isinstance(when, datetime):
        created = when.date().isoformat()
    return title, created


def _shape(line: str) -> str:
    """A line with its digits hidden, so "Report 2023 | 7" and "Report 2023 | 8" match."""
    return re.sub(r"\d+", "#", line.casefold())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Shapes of header and footer lines: near the top or bottom of most pages."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edges = {_shape(line) for line in lines[:2] + lines[-2:]}
        seen.update(edges)
    return {shape for shape, count in seen.items() if count * 2 >= len(pages)}


def _clean_lines(text: str) -> list[str]:
    return [" ".join(line.translate(_LIGATURES).split()) for line in text.split("\n")]


def _join(left: str, right: str) -> str:
    """Two lines of one paragraph as one: an end-of-line hyphen before a lower-case letter
    was a word break and goes; before a capital ("Kassym-\\nJomart") it was a real hyphen."""
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if len(left) > 1 and left[-1] == "-" and left[-2].isalpha() and right[:1].isalpha():
        return left[:-1] + right if right[0].islower() else left + right
    return f"{left} {right}"


def _paragraphs(lines: list[str], width: float) -> list[str]:
    """Lines grouped into paragraphs: a paragraph ends at a blank line, at a line that closes
    a sentence well short of the usual width, or at a heading (a short line without closing
    punctuation); a list item always starts a new one."""
    paragraphs: list[str] = []
    current = ""
    for line in lines + [""]:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and _LIST_ITEM.match(line):
            paragraphs.append(current)
            current = ""
        current = _join(current, line) if current else line
        ends_sentence = line.endswith(_CLOSING)
        short = len(line) < 0.8 * width
        if short and (ends_sentence or len(line.split()) <= 8):
            paragraphs.append(current)
            current = ""
    return paragraphs


def _continues(previous: str, following: str) -> bool:
    """Whether a page's last paragraph runs on into the next page's first one."""
    return not previous.endswith(_CLOSING) and following[:1].islower()


def read_pdf(data: bytes) -> PdfText:
    """The text of a PDF with its page starts; raises :class:`ReadProblem` when there is none."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would break progress bars
    reader = _open(data)
    raw = _page_texts(reader)
    labels = _labels(reader, len(raw))
    pages = [[line for line in _clean_lines(text)] for text in raw]
    running = _running_lines([[line for line in page if line] for page in pages])
    lengths = [len(line) for page in pages for line in page if len(line) >= 20]
    width = median(lengths) if lengths else 60.0
    text = ""
    starts: list[Page] = []
    readable = 0
    for lines, label in zip(pages, labels, strict=True):
        if sum(char.isalpha() for line in lines for char in line) < MIN_LETTERS_PER_PAGE:
            continue
        readable += 1
        kept = [
            line
            for line in lines
            if not line or (_shape(line) not in running and not _PAGE_NUMBER.match(line))
        ]
        paragraphs = _paragraphs(kept, width)
        if not paragraphs:
            continue
        if text and _continues(text, paragraphs[0]):
            text += " "
        elif text:
            text += "\n\n"
        starts.append(Page(len(text), label))
        text += "\n\n".join(paragraphs)
    if not readable:
        raise ReadProblem(NO_TEXT_LAYER)
    title, created = _metadata(reader)
    return PdfText(text=text, pages=starts, title=title, created=created)
