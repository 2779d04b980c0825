"""Find input files and turn their bytes into text, or into a plain reason why not.

Every character span a later stage records points into the text returned here, so decoding
changes nothing but line endings (``\\r\\n`` and ``\\r`` become ``\\n``), a leading byte-order
mark and whitespace at the very end of the file. Those three differ between editors and
operating systems for the same article; keeping them would give one article two ids.

Problems are raised as :class:`ReadProblem` carrying only the reason; the caller knows how the
user named the file and builds the :class:`~qantar.exceptions.InputError` from both.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

INPUT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".pdf", ".jsonl", ".ndjson")
"""File types taken when walking a folder (a file named directly is always read)."""
HTML_SUFFIXES = (".html", ".htm")

_SAMPLE = 8192
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v")
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)", re.DOTALL
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class ReadProblem(Exception):
    """A file cannot be used; ``reason`` is one plain-English clause saying why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def walk_folder(folder: Path) -> list[Path]:
    """Input files under ``folder``, recursively and sorted.

    Hidden files and folders (``.git``, editor backups such as ``.article.txt.swp``) are
    skipped, and so are CSV files: a manifest lying next to the articles is not an article.
    Symbolic links to folders are not followed, so a link loop cannot hang the walk.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES):
                found.append(Path(root) / name)
    return sorted(found)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, with the usual operating-system failures worded for a reader."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadProblem("no such file or directory") from None
    except IsADirectoryError:
        raise ReadProblem("is a folder, not a file") from None
    except PermissionError:
        raise ReadProblem("permission denied; check the file's permissions") from None
    except OSError as error:
        detail = (error.strerror or type(error).__name__).lower()
        raise ReadProblem(f"cannot read the file ({detail})") from None


def _utf16_bom(data: bytes) -> bool:
    return data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def is_binary(data: bytes) -> bool:
    """Whether ``data`` looks like an image, PDF, archive or other non-text file.

    Text never holds NUL bytes (UTF-16 with a byte-order mark excepted: Windows Notepad
    saves "Unicode" that way) and rarely more than a stray control character.
    """
    if _utf16_bom(data):
        return False
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls * 20 > len(sample)  # more than 5%


def looks_like_html(data: bytes) -> bool:
    """Whether a file starts like an HTML page (a saved page is often named ``.txt``)."""
    head = data[:_SAMPLE].removeprefix(codecs.BOM_UTF8).lower()
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page names in ``<meta charset>``, if Python knows it."""
    match = _META_CHARSET.search(data[:_SAMPLE])
    if match is None:
        return None
    name = match.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _plausible(text: str) -> bool:
    """Whether a cp1251 decoding reads as prose rather than byte soup.

    cp1251 maps almost every byte to some character, so a successful decode proves little.
    Prose is mostly letters; symbols (``¤``, ``¦``, ``±``) and control characters are rare.
    """
    letters = odd = visible = 0
    for char in text:
        if char.isspace():
            continue
        visible += 1
        category = unicodedata.category(char)
        if category[0] == "L":
            letters += 1
        elif category[0] not in "MNP":
            odd += 1
    return visible > 0 and letters * 2 >= visible and odd * 20 <= visible


def _detected(data: bytes) -> str | None:
    """The text as charset-normalizer decodes it, if its best guess reads as prose.

    It weighs byte statistics against each candidate encoding's language model, so it tells
    KOI8-R from cp1251 and Mac Cyrillic, and cp1252 from Latin-1, where a fixed order of tries
    cannot: all of them decode almost any byte string without error."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 256 * 1024])
    best = matches.best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    # Where cp1251 reads as cleanly as the best guess, take it: Mac Cyrillic shares its lower
    # case and differs in a few capitals, and cp1251 is by far the commoner of the two.
    encoding = next(
        (m.encoding for m in matches if m.encoding == "cp1251" and m.chaos <= best.chaos),
        best.encoding,
    )
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if _plausible(text) and _latin_or_cyrillic(text) else None


def _latin_or_cyrillic(text: str) -> bool:
    """Whether every letter is Latin or Cyrillic: qantar reads English and Russian, and the
    legacy encodings of both give nothing else, so a guess that yields one Thai or Korean
    letter is a wrong guess."""
    return all(char < "\u0250" or "\u0400" <= char <= "\u052f" for char in text if char.isalpha())


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode a file: UTF-8 (BOM stripped), then ``declared``, then the encoding
    charset-normalizer detects, then cp1251, in each case only if the result reads as prose.

    UTF-8 comes first because bytes that decode as UTF-8 almost never are anything else, and a
    page's own ``<meta charset>`` is next. Detection covers the legacy encodings of older
    Russian and Western files (cp1251, KOI8-R, cp1252...); cp1251 stays as the last try for
    short Russian texts that give detection too little to go on. Anything else is refused
    rather than guessed, since a wrong guess gives silent mojibake downstream.
    """
    if _utf16_bom(data):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadProblem("cannot decode as UTF-16; convert it to UTF-8") from None
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    detected = _detected(data)
    if detected is not None:
        return detected
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text
    raise ReadProblem("cannot tell its text encoding; convert it to UTF-8")


def normalise_text(text: str) -> str:
    """Unify line endings and drop whitespace at the end; nothing else is touched."""
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip()
