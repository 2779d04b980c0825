"""Lengths of prison and probation terms, in months, found in one regex pass.

Why a hand-written grammar: court reports give lengths as "three years and seven months",
"three-and-a-half years", "an 18-year sentence", "four to eight years", "16, 15 and three
years ... respectively" and, in Russian, "к трём годам и семи месяцам". Generic number tools
add the numbers of such phrases together or lose the unit (shared/notes/nlp-dependencies.md,
sections 4 and 7). Here each phrase shape is one branch of one regex built on
:data:`~qantar.nlp.normalize.numbers.NUMBER_WORD_PATTERN`, so a whole article is scanned once.

This module only finds lengths of time that *could* be a term. Whether one belongs to a verdict
is decided by the sentence around it, elsewhere. What is dropped here is what can never be a
term: time offsets ("a year and a half later", "два года назад"), ages ("45 years old",
"a 45-year-old man") and numbers without a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qantar.nlp.normalize.numbers import (
    NUMBER_WORD_PATTERN,
    number_tables,
    parse_number,
    words_pattern,
)

MAX_MONTHS = 12 * 100  # longer than any fixed term; longer spans are calendar years ("2022 году")
#: "15.6", "15,6": a whole number of years and one decimal digit of months.
_YEARS_AND_MONTHS = re.compile(r"(\d+)[.,](\d)")

_N = NUMBER_WORD_PATTERN
_HY = "[\u2010\u2011-]"
_DASH = "[\u2010\u2011\u2012\u2013\u2014-]"
_YEAR = r"(?:years?|год(?:а|у|ом|ам|ами|ах)?|лет)"
_MONTH = r"(?:months?|месяц(?:а|у|ем|ев|ам|ами|ах)?)"
_UNIT = rf"(?:{_YEAR}|{_MONTH})"
_END = r"(?![\w\u2010\u2011-])"  # "18-year-old", "month-long": not a unit of a term
_ART = r"(?<!\w)an?"
_PENALTY = r"(?:лишения|ограничения|колони|тюрьм|заключени|услов|исправительн|пробаци)"

# Words other than numbers that a branch can start with.
_KEYWORDS = "from between half от полгода полугода полугоду полугодом год году месяц месяцу"

# One branch per phrase shape; the first that fits at a position wins, so longer shapes come
# first. Group names say which branch matched.
_BRANCHES = (
    # "a year and a half", "two years and a half"
    rf"(?P<h_n>{_N}|{_ART})\s+(?P<h_u>{_YEAR}){_END}\s+(?:and\s+a\s+half|с\s+половиной)(?!\w)",
    # "three years and seven months", "three years, seven months", "2 года 6 месяцев",
    # "к году и шести месяцам"
    rf"(?:(?P<c_n>{_N}|{_ART})\s+|(?<=\bк\s))(?P<c_u>{_YEAR}){_END}"
    rf"(?:\s*,\s*(?:and\s+|и\s+)?|\s+(?:and|и)\s+|\s+)(?P<c_m>{_N})\s+{_MONTH}{_END}",
    # a unit on both ends: "from a year to two years", "от одного года до двух лет", "от
    # шести месяцев до двух лет" (units may differ, so each end is read with its own)
    rf"(?:from|от)\s+(?P<u_lo>{_N}|{_ART})\s+(?P<u_lou>{_UNIT}){_END}\s+(?:to|до)\s+"
    rf"(?P<u_hi>{_N})\s+(?P<u_hiu>{_UNIT}){_END}",
    # "four to eight years", "4-8 years", "four-to-eight years", "от четырёх до восьми лет"
    rf"(?:(?:from|от)\s+)?(?P<r_lo>{_N})"
    rf"(?:\s*{_DASH}\s*|\s+(?:to|or|до|или)\s+|{_HY}to{_HY})"
    rf"(?P<r_hi>{_N})(?:\s+|{_HY})(?P<r_u>{_UNIT}){_END}",
    # "16, 15 and three years", "к 16, 15 и 3 годам", "between four and eight years"
    rf"(?:(?P<l_pre>between)\s+)?(?P<l_head>{_N}(?:\s*,\s*{_N})*)(?:\s*,)?\s+(?:and|и)\s+"
    rf"(?P<l_last>{_N})(?:\s+|{_HY})(?P<l_u>{_UNIT}{_END}|(?:y|ye|yea|m|mo|mon|mont|г|го|л|ле)\s*\Z)",
    # "an 18-year sentence", "three-and-a-half-year term"
    rf"(?P<a_n>{_N}){_HY}(?P<a_u>years?|months?){_END}",
    # "eight years", "восьми годам", "15.6 years"
    rf"(?P<s_n>{_N})\s+(?P<s_u>{_UNIT}){_END}",
    # "a year on probation", "a month"
    rf"{_ART}\s+(?P<o_u>year|month){_END}",
    # "half a year", "полгода"
    r"(?P<half>(?<!\w)half\s+a\s+year|(?<!\w)пол(?:года|угода|угоду|угодом))(?!\w)",
    # a unit with no number: "к году ограничения свободы", "год колонии"
    rf"(?<=\bк\s)(?P<b_u>году|месяцу){_END}|(?P<b_v>год|месяц)(?=\s+{_PENALTY})",
)

# A time offset or an age, judged from the word after the phrase.
_OFFSET_AFTER = re.compile(
    r"[\s'’]*(?:later|ago|earlier|afterwards?|since|prior|previously|hence|old|of\s+age"
    r"|in\s+a\s+row|on(?=\s*(?:[,.;:!?)]|$))|спустя|назад|позже|позднее|раньше|ранее|подряд)"
    r"(?!\w)",
    re.IGNORECASE,
)
# "two years after the unrest" is an offset, but "sentenced to two years after a trial" is not.
_AFTER = re.compile(r"[\s'’]*(?:after|before|после)(?!\w)", re.IGNORECASE)
_TERM_PREPOSITIONS = frozenset({"to", "к"})
# ... and from the word before it: "over the last 30 years", "через полтора года", "aged 45",
# "in two years" (a date to come), "в 45 лет" (an age; a term is "на 5 лет" or "к 5 годам").
_WORDS_BEFORE = """past last next previous recent coming first final following within since every
    aged age once twice per after in в во через спустя последние последних ближайшие ближайших
    прошедшие прошедших первые первых каждые возрасте"""
_OFFSET_BEFORE = frozenset(_WORDS_BEFORE.split())
_WORD_BEFORE = re.compile(r"(\w+)\s*$")


@dataclass(frozen=True)
class TermMention:
    """A length of time that could be a sentence term, with its length in months."""

    start: int  # char offsets into the text passed in
    end: int
    text: str
    months: int | None  # a single term: "eight years" -> 96; None for ranges and lists
    low: int | None  # a range "four to eight years" -> 48
    high: int | None  # -> 96
    each: tuple[int, ...] = ()  # a list "16, 15 and three years" -> (192, 180, 36)
    unit_only: bool = False  # "a year" / "год" written without a number (still months=12)


@cache
def _pattern() -> re.Pattern[str]:
    """All branches in one regex, behind a cheap guard: a mention starts with a digit or with
    a word that some branch can start with, so most words are rejected after a letter or two."""
    tables = number_tables()
    starters = words_pattern(
        [*tables.words, *tables.multipliers, *tables.articles, *_KEYWORDS.split()]
    )
    branches = "|".join(f"(?:{b})" for b in _BRANCHES)
    return re.compile(rf"(?<!\w)(?=\d|{starters})(?:{branches})", re.IGNORECASE)


def _months(number: str | None, unit: str, language: str) -> int | None:
    """``number`` (None: one) of ``unit`` in whole months, or None if not a plausible term."""
    value = 1.0 if number is None else parse_number(number, language)
    if value is None:
        return None
    factor = 1 if unit.lower().startswith(("month", "месяц", "m")) else 12
    decimal = _YEARS_AND_MONTHS.fullmatch(number or "")
    if factor == 12 and decimal:
        # Kazakh media write years and months as a decimal: 15.6 years is 15 years 6 months,
        # but N.5 years is N and a half years (SCHEMA.md, convention 3).
        whole, tenth = int(decimal.group(1)), int(decimal.group(2))
        total = whole * 12 + (6 if tenth == 5 else tenth)
        return total if 1 <= total <= MAX_MONTHS else None
    months = value * factor + 0.5  # to the nearest month
    return int(months) if 1 <= months < MAX_MONTHS + 1 else None


def _is_offset(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """True when the words around ``text[start:end]`` make it a time offset or an age."""
    before = _WORD_BEFORE.search(text, max(lo, start - 40), start)
    word = before.group(1) if before else ""
    after = text[end:hi]
    if word.lower() in _OFFSET_BEFORE or _OFFSET_AFTER.match(after):
        return True
    if _AFTER.match(after) and word.lower() not in _TERM_PREPOSITIONS:
        return True
    # "For a year and a half, the authorities ..." opens a sentence with a duration.
    return word == "For" and after.startswith(",")


def _mention(
    text: str,
    start: int,
    end: int,
    months: int | None = None,
    *,
    low: int | None = None,
    high: int | None = None,
    each: tuple[int, ...] = (),
    unit_only: bool = False,
) -> TermMention:
    return TermMention(start, end, text[start:end], months, low, high, each, unit_only)


def _read(match: re.Match[str], text: str, language: str) -> TermMention | None:
    """The mention one match stands for; a broken range or list falls back to its last part."""
    g = match.groupdict()
    start, end = match.span()
    if g["h_u"]:
        whole = _months(g["h_n"], g["h_u"], language)
        return _mention(text, start, end, whole + 6) if whole and whole + 6 <= MAX_MONTHS else None
    if g["c_u"]:
        years, months = _months(g["c_n"], g["c_u"], language), _months(g["c_m"], "month", language)
        total = (years or 0) + (months or 0)
        ok = years and months and total <= MAX_MONTHS
        return _mention(text, start, end, total) if ok else None
    if g["u_lou"]:
        low, high = (
            _months(g["u_lo"], g["u_lou"], language),
            _months(g["u_hi"], g["u_hiu"], language),
        )
        if low and high and low < high:
            return _mention(text, start, end, low=low, high=high)
        return _mention(text, match.start("u_hi"), end, high) if high else None
    if g["r_u"]:
        low, high = (_months(g[k], g["r_u"], language) for k in ("r_lo", "r_hi"))
        if low and high and low < high:
            return _mention(text, start, end, low=low, high=high)
        return _mention(text, match.start("r_hi"), end, high) if high else None
    if g["l_u"] and not re.match(_UNIT, g["l_u"]) and end < len(text.rstrip()):
        return None  # a cut-off unit counts only where the passage itself ends
    if g["l_u"]:
        numbers = [n.group() for n in re.finditer(_N, g["l_head"])] + [g["l_last"]]
        values = [_months(n, g["l_u"], language) for n in numbers]
        last = values[-1]
        if all(values) and g["l_pre"] and len(values) == 2:
            low, high = values
            if low and high and low < high:
                return _mention(text, start, end, low=low, high=high)
        elif all(values) and not g["l_pre"]:
            return _mention(text, start, end, each=tuple(v for v in values if v))
        return _mention(text, match.start("l_last"), end, last) if last else None
    if g["a_u"] or g["s_u"]:
        number, unit = (g["a_n"], g["a_u"]) if g["a_u"] else (g["s_n"], g["s_u"])
        months = _months(number, unit, language)
        return _mention(text, start, end, months) if months else None
    if g["half"]:
        return _mention(text, start, end, 6)
    unit = g["o_u"] or g["b_u"] or g["b_v"]
    return _mention(text, start, end, _months(None, unit, language), unit_only=True)


def find_terms(
    text: str, language: str = "en", start: int = 0, end: int | None = None
) -> list[TermMention]:
    """Every length-of-time phrase in text[start:end] that could be a sentence term, sorted,
    non-overlapping.

    ``language`` only matters for "15,6" (a decimal in Russian). Life sentences are not
    lengths and are left to the verdict rules.
    """
    lo = max(0, start)
    hi = len(text) if end is None else max(lo, min(end, len(text)))
    mentions = []
    for match in _pattern().finditer(text, lo, hi):
        mention = _read(match, text, language)
        if mention and not _is_offset(text, mention.start, mention.end, lo, hi):
            mentions.append(mention)
    return mentions
