"""Russian direct speech set off by dashes instead of quotation marks.

Two constructions of the written language:

- a paragraph that opens with a dash is speech, up to the author's words, which start at a
  dash after a comma, "!", "?" or "…" and run to the next such dash or to the end of their
  sentence; a dash that opens a sentence starts speech again:
  "— Мы не виновны, — сказал адвокат. — Будем обжаловать.";
- a sentence of speech with no mark before it, framed by a dash and a verb of saying after
  it: "Приговор будет обжалован, — отметил адвокат."

Only the shapes are found here; whether the author's words hold a verb of saying (so that the
dashes frame speech and not a list or an aside) is the extractor's question, asked of the
reading layer's lemmas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qantar.nlp.extract.quote_spans import QuoteSpan

_DASH = "—–"
#: A dash that switches between speech and the author's words: after , ! ? … (and spaces).
_TOGGLE = re.compile(rf"(?<=[,!?…])\s+[{_DASH}]\s+")
#: A dash that opens speech again after the author's sentence ends: ". — ".
_REOPEN = re.compile(rf"(?<=[.])\s+[{_DASH}]\s+")
_OPENING = re.compile(rf"\s*[{_DASH}]\s+")
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
_TRAILING = ",;:—– \t"


@dataclass(frozen=True)
class DashSpeech:
    """Speech set off by dashes in one paragraph, and the author's words around it."""

    speech: list[QuoteSpan]
    authors: list[tuple[int, int]]
    """Character ranges of the author's words ("сказал адвокат")."""


def _speech(text: str, start: int, end: int) -> QuoteSpan | None:
    inner = text[start:end].strip().rstrip(_TRAILING).strip()
    if not any(ch.isalpha() for ch in inner):
        return None
    first = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    return QuoteSpan(first, first + len(inner), inner)


def dash_led(text: str, start: int, end: int) -> DashSpeech | None:
    """The speech and author's words of a paragraph that opens with a dash, else None."""
    opening = _OPENING.match(text, start, end)
    if opening is None:
        return None
    speech: list[QuoteSpan] = []
    authors: list[tuple[int, int]] = []
    position, speaking = opening.end(), True
    while position < end:
        if speaking:
            switch = _TOGGLE.search(text, position, end)
            stop = switch.start() if switch else end
            found = _speech(text, position, stop)
            if found is not None:
                speech.append(found)
            if switch is None:
                break
            position, speaking = switch.end(), False
            continue
        toggle = _TOGGLE.search(text, position, end)
        reopen = _REOPEN.search(text, position, end)
        sentence_end = _SENTENCE_END.search(text, position, end)
        stops = [m.start() for m in (toggle, sentence_end) if m is not None]
        author_end = min(stops) if stops else end
        authors.append((position, author_end))
        if toggle is not None and toggle.start() == author_end:
            position, speaking = toggle.end(), True
        elif reopen is not None and reopen.start() == author_end + 1:
            position, speaking = reopen.end(), True
        else:
            break  # the author's narration goes on: no more speech in this paragraph
    return DashSpeech(speech, authors)


#: Speech before a framing dash in a sentence with no quotation marks: "..., — сказал X".
_FRAMED = re.compile(rf"(?<=[,!?…])\s+[{_DASH}]\s+(?=[а-яё])")


def dash_framed(text: str, start: int, end: int) -> list[tuple[QuoteSpan, int]]:
    """Sentences of ``text[start:end]`` (a paragraph that does not open with a dash) that
    end their speech at ", — <lower-case word>": each speech with where the author's words
    start. The sentence must hold no quotation marks (those are read as quotes)."""
    found: list[tuple[QuoteSpan, int]] = []
    sentence_start = start
    for frame in _FRAMED.finditer(text, start, end):
        while True:
            stop = _SENTENCE_END.search(text, sentence_start, frame.start())
            if stop is None:
                break
            sentence_start = stop.end()
        stretch = text[sentence_start : frame.start()]
        if any(mark in stretch for mark in '«»“”"„') or any(d in stretch for d in _DASH):
            continue
        speech = _speech(text, sentence_start, frame.start())
        if speech is not None:
            found.append((speech, frame.end()))
    return found
