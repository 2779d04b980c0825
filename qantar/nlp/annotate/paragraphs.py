"""Read the whole page: every line is text to read except page furniture.

A stored web page is more than its article body. Headlines, section labels ("RUSSIA / FSU
POLITICS"), bylines ("by Alex Teddy", "Author:" and a name under it), datelines ("ALMATY, Jan 6
(Agency) –"), captions and credits, lists of signatories or defendants one per line, and a last
paragraph cut off mid-sentence all name people, bodies and places, and all are read. What is left
out is furniture, recognised by features of the line itself and of its neighbours, never by
whether it ends with punctuation:

- bare URLs, image file names and media-player time codes;
- lines that are a navigation, share, subscribe, comment, download or advertising phrase, that
  start with a call such as "Read more:" or "Subscribe to", or that carry a cookie, browser or
  legal notice (the phrase lists are data: ``nlp/patterns/furniture.yml``, English and Russian);
- rows of share buttons (a line of network names: "Facebook Twitter Telegram");
- a list header alone on its line ("Related", "Popular", "Читайте также") and the titles listed
  under it;
- menus: a line of three or more menu words ("HOME | NEWS | POLITICS") or a *run* of short,
  link-like lines (a few words, no sentence end, not a date or byline) that are mostly menu words
  or place names ("Armenia", "Azerbaijan", "Politics", "Economy" one per line). A section label
  or a lone place standing above a headline is not a run and stays, and neither is a list of
  names (names are not menu words) nor a list introduced by a sentence ending in a colon.

Each kept line is its own paragraph, so entities never cross a line break.

:func:`parse_pieces` cuts an overlong line into pieces a parser can take (spaCy needs about a
gigabyte of memory per 100,000 characters), at sentence ends where it can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from qantar.exceptions import ConfigError
from qantar.model import Span

#: The longest piece :func:`parse_pieces` makes by default, in characters.
PIECE_LIMIT = 5_000
#: A link-like line has at most this many words.
LINK_WORDS = 6
#: A run of link-like lines is a menu when it has at least this many lines...
MENU_RUN = 4
#: ...at least this many of them menu words or places, and menu words or places make at least half.
MENU_ITEMS = 3
#: Titles listed under a "Related" header have at most this many words...
LISTED_TITLE_WORDS = 20
#: ...and at most this many of them are dropped under one header.
LISTED_TITLES = 12
#: A line starting with a call ("Read more: ...") is furniture up to this many words.
CALL_WORDS = 30

_MARKS = "•·▪►▸▶-–—*|>›»«<‹:;,.…!?()[]\"'“”„ \t\u00a0"
_SEPARATORS = re.compile(r"\s*[|•·/]\s*|\s{2,}")
_SENTENCE_END = re.compile(r"[.!?;…](?=\s|$)")
_NOT_PROSE = re.compile(
    r"^(?:https?://\S+|www\.\S+|\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?"
    r"|(?:\d{1,2}:\d{2}(?::\d{2})?[\s/]*)+)$",
    re.IGNORECASE,
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]"
    r"|октябр[ья]|ноябр[ья]|декабр[ья]"
)
#: A date or time on the line: a dateline or a timestamp, never a menu entry.
_DATE = re.compile(
    rf"\b\d{{1,2}}[:./]\d{{2}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}\s+(?:{_MONTHS})\b"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b",
    re.IGNORECASE,
)
#: A byline or author line: it names a person, so it is never part of a menu.
_BYLINE = re.compile(r"^(?:by|author|authors|автор|авторы|текст|фото)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Cues:
    lines: frozenset[str]
    starts: re.Pattern[str]
    contains: re.Pattern[str]
    list_headers: frozenset[str]
    menu_items: frozenset[str]
    share_words: frozenset[str]


def _phrases(data: dict[str, object], key: str) -> list[str]:
    found = data.get(key) or []
    if not isinstance(found, list) or not all(isinstance(p, str) for p in found):
        raise ConfigError(f"qantar/nlp/patterns/furniture.yml: '{key}' must be a list of phrases")
    return [" ".join(p.casefold().split()) for p in found]


@cache
def _cues() -> _Cues:
    """The phrase lists of ``nlp/patterns/furniture.yml``, read once per process."""
    try:
        source = resources.files("qantar.nlp").joinpath("patterns", "furniture.yml")
        data = yaml.safe_load(source.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot read qantar/nlp/patterns/furniture.yml: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError("qantar/nlp/patterns/furniture.yml must be a mapping of lists")

    def alternation(key: str) -> str:
        phrases = sorted(_phrases(data, key), key=len, reverse=True)
        return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)

    return _Cues(
        lines=frozenset(_phrases(data, "lines")),
        starts=re.compile(rf"^(?:{alternation('starts')})(?=$|[\s\W])", re.IGNORECASE),
        contains=re.compile(rf"(?<!\w)(?:{alternation('contains')})(?!\w)", re.IGNORECASE),
        list_headers=frozenset(_phrases(data, "list_headers")),
        menu_items=frozenset(_phrases(data, "menu_items")),
        share_words=frozenset(_phrases(data, "share_words")),
    )


def _key(text: str) -> str:
    """The line folded for matching: marks and outer punctuation gone, spaces collapsed."""
    return " ".join(text.strip(_MARKS).casefold().split())


def _is_place(text: str) -> bool:
    from qantar.nlp.lexicon import load_lexicon

    found = load_lexicon().lookup(text.strip(_MARKS))
    return found is not None and found[0] == "place"


def _is_menu_item(text: str) -> bool:
    key = _key(text)
    if not key:
        return False
    if key in _cues().menu_items:
        return True
    # A place as the whole line, in any case ("KAZAKHSTAN" is a menu entry like "Kazakhstan").
    stripped = text.strip(_MARKS)
    return _is_place(stripped) or (stripped.isupper() and _is_place(stripped.title()))


def _is_menu_line(text: str) -> bool:
    """Three or more menu words on one line: "HOME | NEWS | POLITICS", "NEWS  WORLD  SPORT"."""
    parts = [p for p in _SEPARATORS.split(text.strip()) if p.strip(_MARKS)]
    if len(parts) < 3 and text.isupper():
        parts = text.split()
    return len(parts) >= 3 and all(_is_menu_item(p) for p in parts)


def _is_share_row(text: str) -> bool:
    words = [w for w in re.split(r"[\s|•·/,]+", _key(text)) if w]
    return bool(words) and all(w in _cues().share_words for w in words)


def _is_furniture(text: str) -> bool:
    """Whether the line, by itself, is page furniture."""
    cues = _cues()
    if _NOT_PROSE.match(text):
        return True
    key = _key(text)
    if not key or key in cues.lines:
        return True
    lead = text.lstrip(_MARKS.replace(":", ""))
    if cues.starts.match(lead) and len(text.split()) <= CALL_WORDS:
        return True
    return bool(cues.contains.search(text)) or _is_share_row(text) or _is_menu_line(text)


def _is_link_like(text: str) -> bool:
    """A short line that could be the text of a link: a few words, no sentence end, no date."""
    words = text.strip(_MARKS).split()
    return (
        0 < len(words) <= LINK_WORDS
        and not _SENTENCE_END.search(text.rstrip("\"'”»)"))
        and not _DATE.search(text)
        and not _BYLINE.match(text.strip(_MARKS))
        and any(c.isalpha() for c in text)
    )


def _is_listed_title(text: str) -> bool:
    """A line that can be one title in a list of links: not a paragraph of several sentences."""
    return len(text.split()) <= LISTED_TITLE_WORDS and not re.search(r"[.!?…]\s+\W*[A-ZА-ЯЁ]", text)


@dataclass
class _Line:
    span: Span
    text: str
    blank_before: bool
    drop: bool = False


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    previous_blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            lines.append(_Line(Span(start, start + len(stripped)), stripped, previous_blank))
        previous_blank = not stripped
        offset += len(raw) + 1
    return lines


def _drop_listed(lines: list[_Line], blank_lines: bool) -> None:
    """Drop each list header ("Related", "Popular") and the titles listed under it."""
    headers = _cues().list_headers
    index = 0
    while index < len(lines):
        if _key(lines[index].text) not in headers:
            index += 1
            continue
        lines[index].drop = True
        index += 1
        listed = 0
        while index < len(lines) and listed < LISTED_TITLES:
            line = lines[index]
            if listed and blank_lines and line.blank_before:
                break
            if _key(line.text) in headers or not _is_listed_title(line.text):
                break
            line.drop = True
            listed += 1
            index += 1


def _drop_menus(lines: list[_Line]) -> None:
    """Drop runs of link-like lines that are mostly menu words or places."""
    index = 0
    while index < len(lines):
        if not (lines[index].drop or _is_link_like(lines[index].text)):
            index += 1
            continue
        end = index
        while end < len(lines) and (lines[end].drop or _is_link_like(lines[end].text)):
            end += 1
        run = lines[index:end]
        items = sum(1 for line in run if line.drop or _is_menu_item(line.text))
        introduced = (
            index > 0
            and lines[index - 1].text.endswith(":")
            and (len(lines[index - 1].text.split()) > 2)
        )
        if (
            len(run) >= MENU_RUN
            and items >= MENU_ITEMS
            and 2 * items >= len(run)
            and not (introduced)
        ):
            for line in run:
                line.drop = True
        index = end


def prose_paragraphs(text: str) -> list[Span]:
    """Spans of the lines worth reading, in order, each line its own paragraph, blanks trimmed.

    Every line is kept except page furniture (see the module documentation).
    """
    lines = _lines(text)
    for line in lines:
        line.drop = _is_furniture(line.text)
    _drop_listed(lines, blank_lines=any(line.blank_before for line in lines[1:]))
    _drop_menus(lines)
    return [line.span for line in lines if not line.drop]


#: Where a piece may end: a sentence end followed by a space, a semicolon, or a line break.
_PIECE_END = re.compile(r"(?:[.!?…]+[\"'”»)]*|;)(?=\s)|\n")
#: Words whose full stop does not end a sentence (titles, initials, months, Russian short forms).
_ABBREVIATIONS_WORDS = (
    "mr mrs ms dr gen col lt sgt st no vs etc jan feb mar apr jun jul aug sep sept oct nov "
    "dec г гг ул им обл р-н т тыс млн млрд руб ст ч п"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_WORDS.split())


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group(0) in ("\n", ";") or not match.group(0).startswith("."):
        return True
    word = re.search(r"([\w-]+)\.$", text[max(0, match.start() - 12) : match.start() + 1])
    if word is None:
        return True
    stem = word.group(1)
    return len(stem) > 1 and stem.casefold() not in _ABBREVIATIONS


def parse_pieces(text: str, line: Span, limit: int = PIECE_LIMIT) -> list[Span]:
    """``line`` (a span of ``text``) cut into pieces of at most ``limit`` characters.

    Each piece ends at the last sentence end (". ", "! ", "? ", ";", a line break) that keeps it
    within the limit, else at the last whitespace, else at the limit itself. Pieces are trimmed of
    surrounding whitespace and never empty; a line within the limit is one piece.
    """
    if limit < 1:
        raise ValueError("the piece limit must be at least one character")
    pieces: list[Span] = []
    start, end = line.start, line.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > limit:
        stop = start + limit
        cut = -1
        for match in _PIECE_END.finditer(text, start, stop):
            if match.end() > start and _ends_sentence(text, match):
                cut = match.end()
        if cut <= start:
            space = max(text.rfind(" ", start, stop + 1), text.rfind("\t", start, stop + 1))
            cut = space if space > start else stop
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append(Span(start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append(Span(start, end))
    return pieces
