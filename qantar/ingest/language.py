"""Tell English from Russian by counting Cyrillic letters.

qantar reads only English and Russian articles, so telling the two apart needs no language
model: an article is Russian when most of its letters are Cyrillic. Kazakh in Cyrillic script
would also come out as ``ru``; the tool does not handle it, and a manifest ``language`` column
overrides this guess when a reader knows better. The rule is plain on purpose: it is fast,
has no dependencies, never changes between versions, and gives the same answer for the same
text, so a document's language is reproducible.
"""

from __future__ import annotations


def _is_cyrillic(char: str) -> bool:
    """Cyrillic and Cyrillic Supplement blocks (covers Russian and Kazakh letters)."""
    return "\u0400" <= char <= "\u052f"


def detect_language(text: str) -> str:
    """``"ru"`` when more than half of the letters in ``text`` are Cyrillic, else ``"en"``.

    Text with no letters at all is ``"en"``, the tool's default language.
    """
    letters = 0
    cyrillic = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if _is_cyrillic(char):
                cyrillic += 1
    return "ru" if letters and cyrillic * 2 > letters else "en"
