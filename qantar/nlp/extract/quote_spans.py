"""Find quotations in text: “double”, "straight", «guillemets» and ‘single’ (or 'single') quotes.

Single quotes double as apostrophes (Let’s, Kazakhstan's), so a single-quoted quote must open
after a space or punctuation and close before one, and an inner ’ followed by a letter is an
apostrophe, not the end of the quote.

Texts copied from the web are untidy, so an opening mark without its own closing mark is
still a quotation: closed by the next closing mark of another kind (“…" or «…”), or, with no
mark left in the paragraph, running to the paragraph's end (a passage cut off mid-quote, or
a quotation that goes on into the next paragraph and closes only there). Such a quote is
``closed=False`` when nothing closes it, so the reader can ask for a speaker before keeping it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS = (
    re.compile(r"“([^“”]+)”"),
    re.compile(r"«([^«»]+)»"),
    re.compile(r'(?<![\w])"([^"\n]+)"'),
    re.compile(r"(?<![\w’])‘((?:[^‘’\n]|’(?=\w))+)’(?!\w)"),
    re.compile(r"(?<![\w'])'((?:[^'\n]|'(?=\w))+)'(?!\w)"),
)
_LETTER = re.compile(r"[^\W\d_]")
#: A mark that opens a quotation: a curly or angle one anywhere, a straight one before a word.
_OPENING = re.compile(r'[“«„]|(?<![\w.,!?])"(?=\w)')
#: Marks that may close a quotation opened by a mark of another kind.
_CLOSING = re.compile(r'[”»“"]')


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the quote marks, ``text`` is what is inside."""

    start: int
    end: int
    text: str
    closed: bool = True
    """False for a quotation that nothing closes (it runs to the end of its paragraph)."""

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
    for quote in _unpaired(text, start, stop, list(found.values())):
        found[(quote.start, quote.end)] = quote
    return sorted(found.values(), key=lambda q: (q.start, -q.end))


def _unpaired(text: str, start: int, stop: int, paired: list[QuoteSpan]) -> list[QuoteSpan]:
    """Quotations whose opening mark has no closing mark of its own kind."""
    used = {q.start for q in paired} | {q.end - 1 for q in paired}
    spans: list[QuoteSpan] = []
    position = start
    while True:
        opening = _OPENING.search(text, position, stop)
        if opening is None:
            return spans
        at = opening.start()
        position = at + 1
        if at in used or any(q.start < at < q.end - 1 for q in paired + spans):
            continue
        closing = next(
            (m for m in _CLOSING.finditer(text, at + 1, stop) if m.start() not in used), None
        )
        end = closing.end() if closing is not None else stop
        inner = text[at + 1 : closing.start() if closing is not None else stop].strip()
        if not _LETTER.search(inner):
            continue
        spans.append(QuoteSpan(at, end, inner, closed=closing is not None))
        if closing is not None:
            used.add(closing.start())
        position = end
