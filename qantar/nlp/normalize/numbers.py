"""Numbers written as digits or as words, in English and Russian.

Why our own grammar: court reports write lengths as words in every grammatical case
("к восьми годам", "трём", "двадцати пяти") and as "three-and-a-half", "a dozen", "1,200".
``number_parser`` gets the Russian cases right but returns None for "полтора", "a dozen",
"1,200" and "three-and-a-half", is not a project dependency, and cannot give us a regex to
find numbers in one pass. A table of word forms (``patterns/numbers.yml``, data in one place)
gives both: :func:`parse_number` for a value and :data:`NUMBER_WORD_PATTERN` for other
modules to build patterns with.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from qantar.exceptions import ConfigError

PATTERN_FILE = "numbers.yml"
_HYPHEN = "\u2010\u2011-"  # "-" last, so it is literal inside [...]
_SEP = rf"(?:\s+|[{_HYPHEN}])"  # between the words of one number: space or hyphen
_THIN_SPACES = " \u00a0\u202f"  # thousands separators in "20 000"

# Digits: "1,200" / "20,000.5", "20 000", then plain "8", "15.6" or "15,6".
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    rf"|\d{{1,3}}(?:[{_THIN_SPACES}]\d{{3}})+(?!\d)"
    r"|\d+(?:[.,]\d+)?"
)


@dataclass(frozen=True)
class NumberTables:
    """Word forms folded to lower case with "ё" as "е", each mapped to its value."""

    words: dict[str, float]
    multipliers: dict[str, int]
    articles: frozenset[str]
    scale: dict[str, int]
    pattern: str  # the regex source behind NUMBER_WORD_PATTERN
    half: str  # the regex source of "… and a half" after a number


def fold(word: str) -> str:
    """Case-folded with "ё" as "е": the key every word table is looked up by.

    casefold, not lower: the regex matches case-insensitively, so "ſix" (long s) matches too.
    """
    return word.casefold().replace("ё", "е")


def _read() -> dict[str, Any]:
    try:
        text = resources.files("qantar.nlp").joinpath("patterns", PATTERN_FILE).read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot read qantar/nlp/patterns/{PATTERN_FILE}: {error}") from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key), dict) for key in ("en", "ru", "en_multipliers", "scale")
    ):
        raise ConfigError(
            f"qantar/nlp/patterns/{PATTERN_FILE} must map en, ru, en_multipliers and scale"
        )
    return data


def _trie(node: dict[str, Any]) -> str:
    """A regex for the words in a trie, one branch per distinct next letter, longest first."""
    branches = [
        ("[её]" if char == "е" else re.escape(char)) + _trie(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    group = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or "" in node else branches[0]
    return group + "?" if "" in node else group


def words_pattern(forms: list[str]) -> str:
    """Any one of ``forms`` as a whole word; "е"/"ё" match each other.

    Written as a trie ("s(?:ix(?:t(?:een|y))?|even…)") rather than a flat "six|sixteen|…":
    the regex engine then rejects a word after one letter instead of trying every form,
    which keeps a whole-article scan in the millisecond range.
    """
    root: dict[str, Any] = {}
    for form in {fold(f) for f in forms}:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie(root) + r")(?!\w)"


def _by_class(table: dict[Any, list[str]], low: float, high: float) -> str:
    return words_pattern(
        [str(f) for value, forms in table.items() if low <= float(value) <= high for f in forms]
    )


def _build(data: dict[str, Any]) -> NumberTables:
    try:
        en: dict[Any, list[str]] = {int(v): list(f) for v, f in data["en"].items()}
        ru: dict[Any, list[str]] = {int(v): list(f) for v, f in data["ru"].items()}
        ru_half = [str(f) for f in data["ru_one_and_half"]]
        multipliers = {fold(str(w)): int(v) for w, v in data["en_multipliers"].items()}
        articles = frozenset(fold(str(a)) for a in data["en_articles"])
        halves = [str(h).split() for h in data["half_suffixes"]]
        scale = {fold(str(w)): int(v) for w, v in data["scale"].items()}
    except (KeyError, TypeError, ValueError) as error:
        raise ConfigError(f"qantar/nlp/patterns/{PATTERN_FILE}: bad entry ({error})") from None
    words: dict[str, float] = {
        fold(str(f)): float(v) for t in (en, ru) for v, fs in t.items() for f in fs
    }
    words.update((fold(f), 1.5) for f in ru_half)

    art = words_pattern(sorted(articles))
    mult = words_pattern(sorted(multipliers))
    en_unit, en_teen, en_tens = _by_class(en, 1, 9), _by_class(en, 10, 19), _by_class(en, 20, 90)
    en_low = rf"(?:{en_tens}(?:{_SEP}{en_unit})?|{en_teen}|{en_unit})"
    english = rf"(?:(?:{en_unit}|{art})\s+)?{mult}(?:\s+(?:and\s+)?{en_low})?"
    english += rf"|{en_low}|{_by_class(en, 0, 0)}"
    ru_low = rf"(?:{_by_class(ru, 20, 90)}(?:\s+{_by_class(ru, 1, 9)})?"
    ru_low += rf"|{_by_class(ru, 10, 19)}|{_by_class(ru, 1, 9)})"
    russian = rf"{_by_class(ru, 100, 900)}(?:\s+{ru_low})?|{ru_low}"
    russian += rf"|{words_pattern(ru_half)}|{_by_class(ru, 0, 0)}"
    half = "|".join(_SEP + _SEP.join(map(re.escape, h)) for h in halves)
    pattern = rf"(?i:(?<![\w.,])(?:{_DIGITS}|{english}|{russian})(?:{half})?(?!\w|[.,]\d))"
    return NumberTables(words, multipliers, articles, scale, pattern, half)


@cache
def number_tables() -> NumberTables:
    """The word tables and pattern, read from ``patterns/numbers.yml`` once per process."""
    return _build(_read())


#: One number expression in either language, e.g. "1,200", "twenty-five", "a dozen",
#: "three-and-a-half", "двадцати пяти", "полтора". A bare "a"/"an" is not matched: it would
#: match every article; callers that want "a year" handle the article themselves. The pattern
#: has no groups and carries its own case-insensitive flag, so it can be embedded as is.
NUMBER_WORD_PATTERN: str = number_tables().pattern

_NUMBER = re.compile(NUMBER_WORD_PATTERN)
_HALF_TAIL = re.compile(rf"(?i:{number_tables().half})$")


def _parse_digits(text: str, language: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    if re.fullmatch(rf"\d{{1,3}}(?:[{_THIN_SPACES}]\d{{3}})+", text):
        return float(re.sub(rf"[{_THIN_SPACES}]", "", text))
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    # "15,6" is a decimal in Russian; in English a comma is a thousands separator, so a comma
    # not followed by exactly three digits means this is not one number.
    if language == "ru" and re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    return None


def _parse_words(text: str) -> float | None:
    """Add the words up; the regex has already checked their order ("twenty five", not
    "five twenty"), so "a hundred and five" = 1 * 100 + 5."""
    tables = number_tables()
    value = 0.0
    for word in re.split(rf"[\s{_HYPHEN}]+", fold(text)):
        if word in tables.multipliers:
            value = (value or 1.0) * tables.multipliers[word]
        elif word in tables.articles:
            value += 1.0
        elif word in tables.words:
            value += tables.words[word]
        elif word != "and":
            return None  # a case-insensitive match that folds differently
    return value


def parse_number(text: str, language: str = "en") -> float | None:
    """The value of one number expression, or None when ``text`` is not exactly one number.

    'eight' -> 8, 'twenty-five' -> 25, '1,200' -> 1200, '15.6' -> 15.6, 'a'/'an'/'one' -> 1,
    'a dozen' -> 12, 'восьми' -> 8, 'трём'/'трем' -> 3, 'двадцати пяти' -> 25, 'полтора' -> 1.5,
    'three-and-a-half' -> 3.5. Words of either language are read whatever ``language`` says;
    ``language`` only decides whether "15,6" is a decimal (Russian) or not a number (English).
    Scale words ("thousand", "млн") are not applied here: see ``number_tables().scale``.
    """
    text = " ".join(text.split())
    if fold(text) in number_tables().articles:
        return 1.0
    if not text or not _NUMBER.fullmatch(text):
        return None
    half = _HALF_TAIL.search(text)
    body = text[: half.start()] if half else text
    value = _parse_digits(body, language) if body[0].isdigit() else _parse_words(body)
    if value is None or not math.isfinite(value):
        return None
    return value + 0.5 if half else value
