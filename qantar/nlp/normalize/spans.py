"""Trim entity spans to the name itself, keeping character offsets exact.

NER spans carry articles, possessives, quotes and generic nouns ("the Nur Otan party",
"Kassym-Jomart Tokayev’s", "Kazakhstan’s National Security Committee"). Every trim moves the
span's start or end so that ``text[start:end]`` is still exactly the cleaned name.
"""

from __future__ import annotations

import re

# Russian particles and conjunctions that open a sentence in capitals ("Ни Сейтказиев, ни
# Тлеужан ..."): the NER takes them into the name, but no name starts with one (an initial
# has a dot: "А. Иванов").
_LEADING = re.compile(r"^(?:[\s•·*\-–—“”\"'‘’«»(\[]+|(?:the|The|Ни|И|А|Но|Ведь|Даже)\s+)+")
_TRAILING = re.compile(r"(?:[\s“”\"'‘’«»)\].,;:!?]+|[’']s)+$")
_POSSESSIVE_PREFIX = re.compile(r"[A-Z][\w-]*[’']s\s+(?=[A-Z])")
_GENERIC_TAIL = re.compile(
    r"\s+(?:party|movement|group|organi[sz]ation|agency|city|region|province|oblast|district)$"
)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles, bullets and quotes, and trailing punctuation and possessives."""
    piece = text[start:end]
    while True:
        before = piece
        lead = _LEADING.match(piece)
        if lead and lead.end() < len(piece):
            start += lead.end()
            piece = piece[lead.end() :]
        tail = _TRAILING.search(piece)
        if tail and tail.start() > 0:
            end -= len(piece) - tail.start()
            piece = piece[: tail.start()]
        if piece == before:
            return start, end


def trim_body(text: str, start: int, end: int) -> tuple[int, int]:
    """Also drop a possessive owner in front and a lower-case generic noun at the end.

    Used for organizations and places: "Kazakhstan’s National Security Committee" is the
    committee, "the Nur Otan party" is Nur Otan.
    """
    start, end = trim(text, start, end)
    prefix = _POSSESSIVE_PREFIX.match(text, start, end)
    if prefix and prefix.end() < end:
        start = prefix.end()
    tail = _GENERIC_TAIL.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    while True:
        words = text[start:end].rsplit(" ", 1)
        if len(words) == 2 and words[1] in ("of", "and", "for", "the", "in"):
            end = start + len(words[0])
            continue
        return trim(text, start, end)
