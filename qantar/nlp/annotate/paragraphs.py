"""Find the prose in a document and leave out page furniture.

Text taken from web pages keeps menus, section lists and footers ("Armenia", "Azerbaijan",
"Nagorno Karabakh" one per line). Fed to NER they become false places and, when lines run
together, false people ("Alexander Thompson\\nArmenia"). Menus come in *runs* of short lines,
while headings, bylines and captions stand alone between paragraphs; so a short line is dropped
only when a neighbouring line is short too. Lists of links ("Related", "Popular") are lines
set directly under one another with no blank line and no closing punctuation, where prose
paragraphs end with a full stop; such lines are dropped whatever their length. Each kept line is
its own paragraph, so entities never cross a line break.
"""

from __future__ import annotations

import re

from qantar.model import Span

#: A line shorter than this many words, with no closing punctuation, is "short".
SHORT_LINE_WORDS = 8
_CLOSING = tuple('.!?…"”»):;')
#: Photo captions sit in blocks under image lines but name people, places and agencies.
_CAPTION = re.compile(
    r"\s\|\s|\b(?:Photo|Image|Source|Фото|Источник)\b\s*(?:by\b|:)", re.IGNORECASE
)
_NOT_PROSE = re.compile(r"^(https?://\S+|\S+\.(jpe?g|png|gif|webp|svg))$", re.IGNORECASE)


def _is_short(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) < SHORT_LINE_WORDS and not stripped.endswith(_CLOSING)


def prose_paragraphs(text: str) -> list[Span]:
    """Spans of the lines worth reading, in order, with surrounding blanks trimmed."""
    lines: list[Span] = []
    in_block: list[bool] = []  # the line touches another non-blank line (no blank between)
    offset = 0
    previous_blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(Span(start, start + len(stripped)))
            in_block.append(not previous_blank)
            if not previous_blank and len(in_block) > 1:
                in_block[-2] = True
        previous_blank = not stripped
        offset += len(raw) + 1
    kept: list[Span] = []
    for index, line in enumerate(lines):
        body = line.slice(text)
        if _NOT_PROSE.match(body):
            continue
        if _CAPTION.search(body):
            kept.append(line)
            continue
        if in_block[index] and not body.endswith(_CLOSING) and _has_blank_lines(text):
            continue
        if _is_short(body):
            neighbours = [
                lines[i].slice(text) for i in (index - 1, index + 1) if 0 <= i < len(lines)
            ]
            if any(_is_short(n) for n in neighbours):
                continue
        kept.append(line)
    return kept


def _has_blank_lines(text: str) -> bool:
    """Whether paragraphs are separated by blank lines at all (else every line is a block)."""
    return "\n\n" in text or "\n \n" in text
