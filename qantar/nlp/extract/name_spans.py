"""Cut a candidate span to the name it gives, or reject it: what trimming punctuation cannot.

- A title is never part of a person's name (SCHEMA convention 2): "Colonel X", "Judge X",
  "Head of State X" are X; nor are initials written without dots ("KK Masimov" is Masimov,
  whom the document names in full elsewhere).
- A bracket opened and not closed inside a span means the tagger ran across it ("Rinat
  Kambetov (Almaty", "Четыре организации (Международное партнерство ..."): the longest piece
  is the name.
- A name that is only the first half of a compound adjective ("Russia-led troops", "the
  Kazakh-Kyrgyz border") modifies a noun and names nothing by itself.
"""

from __future__ import annotations

import re

from qantar.nlp import rule_log
from qantar.nlp.lexicon import Lexicon

_INITIALS = re.compile(r"[A-ZА-ЯЁ]{1,3}")
_BRACKETS = re.compile(r"\s*[()]\s*")


def _pieces(text: str, start: int, end: int) -> tuple[int, int]:
    """The longest piece of a span cut at an unbalanced bracket; after an opening quote that
    is not closed, the quoted name ("Правозащитная сеть «Открытый мониторинг")."""
    piece = text[start:end]
    for opening, closing in ("«»", "“”"):
        at = piece.rfind(opening)
        if at > 0 and closing not in piece[at:] and at + 1 < len(piece):
            return start + at + 1, end
    if piece.count("(") == piece.count(")"):
        return start, end
    best, cursor = (start, start), start
    for m in _BRACKETS.finditer(text, start, end):
        if m.start() - cursor > best[1] - best[0]:
            best = (cursor, m.start())
        cursor = m.end()
    if end - cursor > best[1] - best[0]:
        best = (cursor, end)
    return best


def _without_title(text: str, start: int, end: int, lexicon: Lexicon) -> int:
    """The start of a person span after any leading titles and dotless initials."""
    titles = sorted(lexicon.titles, key=len, reverse=True)
    while True:
        piece = text[start:end]
        words = piece.split()
        if len(words) < 2:
            return start
        title = next((t for t in titles if piece.startswith(t + " ")), None)
        if title is not None and len(title.split()) < len(words):
            start += len(title) + 1
        elif words[0] in lexicon.not_first_names or _INITIALS.fullmatch(words[0]):
            start += len(words[0])
        else:
            return start
        rule_log.fired("names.title_trimmed")
        while start < end and text[start].isspace():
            start += 1


def _titled_person(text: str, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where the person's name starts in a span the tagger took for a body because a title
    opens it ("Head of State Kassym-Jomart Tokayev" read as "State Kassym-Jomart Tokayev"):
    after the title, two or three words ending in a surname. None when it is no such span."""
    after = _without_title(text, start, end, lexicon)
    words = text[after:end].split()
    if after == start or not 2 <= len(words) <= 3 or not lexicon.has_surname_ending(words[-1]):
        return None
    return after if all(w[:1].isupper() for w in words) else None


def clean_span(
    text: str, start: int, end: int, kind: str, lexicon: Lexicon
) -> tuple[int, int, str] | None:
    """The span and kind of the name a candidate gives, or None when it names nothing by itself."""
    start, end = _pieces(text, start, end)
    if end <= start:
        return None
    if kind != "person" and re.match(r"-[a-zа-яё]", text[end : end + 2]):
        return None  # "Russia-led"
    parts = text[start:end].split("-")
    if len(parts) > 1 and all(lexicon.is_not_name(p) for p in parts):
        return None  # "Kazakh-Kyrgyz"
    if kind == "person":
        return _without_title(text, start, end, lexicon), end, kind
    if kind in ("organization", "unknown") and (after := _titled_person(text, start, end, lexicon)):
        return after, end, "person"
    return start, end, kind
