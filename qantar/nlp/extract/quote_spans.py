"""Find quotations in text: “double”, "straight", «guillemets» and ‘single’ quotes.

Single curly quotes double as apostrophes (Let’s, Kazakhstan’s), so a ‘…’ quote must open
after a space or punctuation and close before one, and an inner ’ followed by a letter is an
apostrophe, not the end of the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = (
    re.compile(r"“([^“”]+)”"),
    re.compile(r"«([^«»]+)»"),
    re.compile(r'(?<![\w])"([^"\n]+)"'),
    re.compile(r"(?<![\w’])‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)"),
)
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the quote marks, ``text`` is what is inside."""

    start: int
    end: int
    text: str

    @property
    def inner_start(self) -> int:
        return self.start + 1


def find_quote_spans(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """Every quotation in ``text[start:end]``, nested ones included, sorted by position."""
    stop = len(text) if end is None else end
    found: dict[tuple[int, int], QuoteSpan] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text, start, stop):
            inner = m.group(1).strip()
            if _LETTER.search(inner):
                found[(m.start(), m.end())] = QuoteSpan(m.start(), m.end(), inner)
    return sorted(found.values(), key=lambda q: (q.start, -q.end))
