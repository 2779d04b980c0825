"""The date grammar: the word lists of ``nlp/patterns/dates.yml`` glued into one regex.

Kept apart from :mod:`qantar.nlp.normalize.dates` so that the resolution rules there read
without the regex plumbing. Each alternative of :attr:`DateGrammar.pattern` is a named group
(``iso``, ``dm``, ``rel``...) whose inner groups carry its name as a prefix; :func:`read` turns
one match into a :class:`Reading`: what the words say, before any year is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from qantar.exceptions import ConfigError

_OPENERS = ["the", "from", "between", "с", "со", "между", "в", "во", "last", "this"]
_OPENING = "([«“\"'‘"
_CLOSING = ".,;:!?)]»”\"'’"


@dataclass(frozen=True)
class Reading:
    """One date mention as written: explicit parts only, nothing inferred yet."""

    start: int
    end: int
    precision: str  # "day", "month" or "year"
    month: int | None = None
    day: int | None = None
    end_day: int | None = None  # day spans: "5-6 January"
    year: int | None = None  # a year written in the mention
    end_year: int | None = None  # year spans: "between 1991 and 2019"
    year_offset: int | None = None  # "January 5 last year": publication year + offset
    anchor: str | None = None  # relative phrases: "published" or "previous"
    unit: str | None = None  # relative phrases: "day", "week", "month" or "year"
    offset: int | None = None  # relative phrases: None when the length is unknown
    weekday: int | None = None  # 0 = Monday
    strict: bool = False  # "last Monday": strictly before the publication date


@dataclass(frozen=True)
class DateGrammar:
    """The compiled pattern and the lookup tables that give its matches a meaning."""

    pattern: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, str, int | None]]
    year_modifiers: dict[str, int]
    numbers: dict[str, int | None]
    units: dict[str, str]
    offsets: dict[str, int | str | None]
    not_year_before: frozenset[str]
    not_year_after: frozenset[str]
    triggers: frozenset[str]  # a bare month name is a date after one of these
    verbs_after: frozenset[str]  # ... or before one of these ("July has seen")
    standalone: tuple[str, ...]  # ... or with one of these Russian endings ("в январе")
    weekday_prepositions: frozenset[str]  # a Russian weekday needs one of these ("в среду")
    dateline_labels: frozenset[str]  # "Posted" may stand before a dateline's date
    dateline_after_labels: frozenset[str]  # ... and then "on"
    dateline_stops: frozenset[str]  # "On", "В": the date is in a sentence, not a dateline
    ordinals: dict[str, int]  # day ordinal words: "седьмого" 7, "fifth" 5
    tens: dict[str, int]  # the tens word before a unit ordinal: "двадцать" 20
    fields: dict[str, list[tuple[int, str]]]  # kind -> (group number, field name) of its parts


def _words(words: Any, *, fold: bool = False) -> str:
    """A regex matching any of ``words``, longest first, spaces matching any whitespace.

    Built as a trie ("Jun(?:e)?"): Python's ``re`` tries plain alternatives one by one, and
    the lists here are long enough for that to be most of the matching time.
    """
    trie: dict[str, Any] = {}
    for word in {str(w) for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie(trie)
    return f"(?i:{body})" if fold else f"(?:{body})"


def _trie(node: dict[str, Any]) -> str:
    """The regex of one trie node; ``""`` marks the end of a word."""
    branches = [
        (r"\s+" if c == " " else re.escape(c)) + _trie(child)
        for c, child in sorted(node.items())
        if c
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _key(words: object) -> str:
    """A table key: case-folded (the pattern matches "ſ" for "s"), single spaces."""
    return " ".join(str(words).casefold().split())


def _compile(data: dict[str, Any]) -> re.Pattern[str]:
    """The one pattern: every alternative, most specific first."""
    months = data["months"]
    en_full = [w for m in months for w in m["en"]]
    en_short = _words(w for m in months for w in m["short"])
    ru_gen = [w for m in months for w in m["ru"]]
    ru_other = [w for m in months for w in m["ru_other"]]
    en_bare = _words(w for w in en_full if w not in data["never_bare"])
    mon_day = rf"(?<!\w)(?:{_words(en_full)}|{en_short}\.?|{_words(ru_gen)})(?!\w)"
    mon_en = rf"(?<!\w)(?:{_words(en_full)}|{en_short}\.?)(?!\w)"
    mon_any = rf"(?<!\w)(?:{_words(en_full)}|{en_short}\.?|{_words(ru_gen + ru_other)})(?!\w)"
    ru_yw = rf"(?:\s*{_words(data['ru_year_words'])}(?!\w))?"
    ru_ysw = rf"(?:\s*{_words(data['ru_years_words'] + data['ru_year_words'])}(?!\w))?"
    mods = _words(data["year_modifiers"], fold=True)
    times = data["times_of_day"]
    wd = data["weekdays"]
    rel = _words(data["relative"], fold=True)
    nums = _words(data["numbers"], fold=True)
    units = _words(data["units"], fold=True)
    after = _words(data["offset_after"], fold=True)
    ordinal_words = [str(w) for ws in data["day_ordinals"].values() for w in ws]
    # English ordinals only before "of" (or a span's "to"): "the first January after" is no day.
    ordinals = (
        rf"{_words((w for w in ordinal_words if not w.isascii()), fold=True)}"
        rf"|{_words((w for w in ordinal_words if w.isascii()), fold=True)}"
        r"(?=\s+(?:of|and|to|through|until|till)\s)"
    )
    tens = _words(data["day_tens"], fold=True)
    # The letters a word day may start with: a cheap test before the case-folding word lists.
    initials = {str(w)[0] for w in [*ordinal_words, *data["day_tens"]]}
    word_start = "[" + re.escape("".join(sorted(initials | {c.upper() for c in initials}))) + "]"

    def day(g: str, words: bool = False) -> str:
        """A day number; with ``words`` also an ordinal word ("седьмого", "twenty-fifth")."""
        number = rf"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|-?(?:го|е|й))?"
        digits = rf"(?<![\w.,$€£₸/:]){number}(?!\w|[.,:]\d)"
        if not words:
            return digits
        word = rf"(?<!\w)(?={word_start})(?:(?P<{g}t>{tens})(?:\s+|-))?(?P<{g}w>{ordinals})(?!\w|-)"
        return rf"(?:{digits}|{word})"

    def year(g: str) -> str:
        return rf"(?<![\w$€£₸.,/:#№])(?P<{g}>(?:19|20)\d\d)(?!\d|[.,]\d|[a-zA-Z])"

    def yearpart(p: str) -> str:
        mod = rf"(?P<{p}_mod>{mods})(?!\w)"
        return rf"(?:,?\s+(?:of\s+)?{year(p + '_y')}{ru_yw}|\s+(?:of\s+)?{mod})?"

    def to(p: str) -> str:
        return rf"(?:\s*[-–—]\s*|\s+(?:{p})\s+)"

    tod = (
        rf"(?:(?i:(?:the\s+)?(?:(?:early|late)\s+)?{_words(times['en'])}\s+(?:of|on)\s+"
        rf"|{_words(times['en_bare'])}\s+(?:(?:on|of)\s+)?)"
        rf"|{_words(times['ru'])}\s+|(?i:{_words(times['ru_night'])})\s+(?:с\s+\d\d?\s+)?на\s+)?"
    )
    wkd = rf"(?:(?:{_words(wd['en'])}|(?i:в|во)\s+{_words(wd['ru'])}),?\s+)?"
    the = r"(?:(?i:the)\s+)?"
    alternatives = {
        "iso": r"(?<![\w.-])(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?!\d)",
        "num": rf"(?<![\w.])(?P<num_d>[0-3]?\d)\.(?P<num_m>[01]?\d)\."
        rf"(?P<num_y>(?:19|20)\d\d)(?!\d|[.,]\d){ru_yw}",
        "dspan": rf"(?:(?i:from|between|с|со|между)\s+)?{the}{day('dspan_d1', True)}"
        rf"{to('and|to|through|until|till|и|по|до')}{the}{day('dspan_d2', True)}\s+(?:of\s+)?"
        rf"(?P<dspan_mon>{mon_day}){yearpart('dspan')}",
        "mspan": rf"(?:(?i:from|between)\s+)?(?P<mspan_mon>{mon_en})\s+{day('mspan_d1')}"
        rf"{to('and|to|through|until|till')}{day('mspan_d2')}{yearpart('mspan')}",
        "dm": rf"{tod}{wkd}{the}{day('dm_d', True)}\s+(?:of\s+)?(?P<dm_mon>{mon_day})"
        rf"{yearpart('dm')}",
        "md": rf"{tod}{wkd}(?P<md_mon>{mon_en})\s+{day('md_d')}{yearpart('md')}",
        "part": rf"(?:{_words(data['month_parts']['en'], fold=True)}[\s-]+"
        rf"|{_words(data['month_parts']['ru'], fold=True)}\s+)"
        rf"(?P<part_mon>(?<!\w)(?:{_words(en_full)}|{_words(ru_gen)})(?!\w)){yearpart('part')}",
        "my": rf"(?P<my_mon>{mon_any})(?:,?\s+(?:of\s+)?{year('my_y')}{ru_yw}"
        rf"|\s+(?:of\s+)?(?P<my_mod>{mods})(?!\w))",
        "bare": rf"(?<!\w)(?P<bare_mon>{en_bare}|{_words(ru_gen + ru_other)})(?!\w)",
        "yspan": rf"(?:(?i:between)\s+{year('yspan_a')}\s+and\s+{year('yspan_b')}"
        rf"|(?i:между)\s+{year('yspan_a_2')}\s+и\s+{year('yspan_b_2')}"
        rf"|(?i:с|со)\s+{year('yspan_a_3')}\s+по\s+{year('yspan_b_3')}"
        rf"|(?:(?i:from)\s+)?{year('yspan_a_4')}{to('to|through|until|till')}{year('yspan_b_4')})"
        rf"{ru_ysw}",
        "year": rf"{year('year_y')}(?![%$€£₸]){ru_yw}",
        "relb": rf"(?<!\w)(?P<relb_dir>{_words(data['offset_before'], fold=True)})\s+"
        rf"(?:(?P<relb_n>\d{{1,3}}|{nums})\s+)?(?P<relb_u>{units})(?!\w)",
        "reln": rf"(?<!\w)(?P<reln_n>\d{{1,3}}|{nums})\s+(?P<reln_u>{units})"
        rf"(?P<reln_half>\s+and\s+a\s+half)?\s+(?P<reln_dir>{after})(?!\w)",
        "rel": rf"(?<!\w)(?P<rel_p>{rel})(?!\w)",
        "wkd": rf"(?<!\w)(?:(?P<wkd_last>(?i:last|this))\s+)?"
        rf"(?P<wkd_day>{_words(wd['en'] + wd['ru'])})(?!\w)",
    }
    body = "|".join(f"(?P<{k}>{p})" for k, p in alternatives.items())
    starts = [*en_full, *ru_gen, *ru_other, *_OPENERS, *data["relative"], *data["numbers"]]
    for words in (*times.values(), *wd.values(), *data["month_parts"].values()):
        starts += words
    starts += [w for m in months for w in m["short"]] + list(data["offset_before"])
    starts += [w for ws in data["day_ordinals"].values() for w in ws] + list(data["day_tens"])
    first = "".join(sorted({c for w in starts for c in (str(w)[0].lower(), str(w)[0].upper())}))
    # Every mention starts a word with a digit or one of these letters: skip other positions.
    return re.compile(rf"(?<!\w)(?=[\d{re.escape(first)}])(?:{body})")


@cache
def load_date_grammar() -> DateGrammar:
    """Read ``patterns/dates.yml`` and compile the grammar once per process."""
    try:
        raw = resources.files("qantar.nlp").joinpath("patterns", "dates.yml").read_text("utf-8")
        data = yaml.safe_load(raw)
        months: dict[str, int] = {}
        for number, entry in enumerate(data["months"], start=1):
            for key in ("en", "short", "ru", "ru_other"):
                months.update({str(w): number for w in entry[key]})
        pattern = _compile(data)
        fields: dict[str, list[tuple[int, str]]] = {}
        for name, number in sorted(pattern.groupindex.items(), key=lambda item: item[1]):
            kind, _, field = name.partition("_")
            if field:  # "dspan_d1" is field "d1" of kind "dspan"; "yspan_a_2" is a copy of "a"
                fields.setdefault(kind, []).append((number, re.sub(r"_\d$", "", field)))
        weekdays = {_key(w): i for ws in data["weekdays"].values() for i, w in enumerate(ws)}
        return DateGrammar(
            pattern=pattern,
            months=months,
            weekdays=weekdays,
            relative={_key(k): (str(a), str(u), o) for k, (a, u, o) in data["relative"].items()},
            year_modifiers={_key(k): int(v) for k, v in data["year_modifiers"].items()},
            numbers={_key(k): v for k, v in data["numbers"].items()},
            units={_key(k): str(v) for k, v in data["units"].items()},
            offsets={_key(k): v for k, v in data["offset_after"].items()}
            | {_key(k): int(v) for k, v in data["offset_before"].items()},
            not_year_before=frozenset(map(_key, data["not_year_before"])),
            not_year_after=frozenset(map(_key, data["not_year_after"])),
            triggers=frozenset(_key(w) for ws in data["bare_month_triggers"].values() for w in ws),
            verbs_after=frozenset(_key(w) for ws in data["bare_month_verbs"].values() for w in ws),
            standalone=tuple(map(str, data["ru_standalone_endings"])),
            weekday_prepositions=frozenset(map(_key, data["ru_weekday_prepositions"])),
            dateline_labels=frozenset(map(_key, data["dateline_labels"])),
            dateline_after_labels=frozenset(map(_key, data["dateline_after_labels"])),
            dateline_stops=frozenset(map(_key, data["dateline_stops"])),
            ordinals={_key(w): int(n) for n, ws in data["day_ordinals"].items() for w in ws},
            tens={_key(w): int(n) for w, n in data["day_tens"].items()},
            fields=fields,
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, re.error) as error:
        raise ConfigError(f"cannot read qantar/nlp/patterns/dates.yml: {error}") from None


def _fields(match: re.Match[str], grammar: DateGrammar, kind: str) -> dict[str, str]:
    """The matched parts of one alternative, ``_2``/``_3`` copies folded together."""
    out: dict[str, str] = {}
    for number, field in grammar.fields.get(kind, []):
        value = match.group(number)
        if value is not None:
            out.setdefault(field, value)
    return out


def _valid(month: int, day: int, year: int | None) -> bool:
    """Whether the day exists in that month (of that year, or of any year)."""
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: "February 29" may be real
    except ValueError:
        return False
    return True


def _day(f: dict[str, str], grammar: DateGrammar, key: str) -> int | None:
    """Day ``key`` ("d", "d1", "d2") of a match, written in digits or as an ordinal word.

    None when it is absent or not a day ("двадцать двадцатого")."""
    if key in f:
        return int(f[key])
    if key + "w" not in f:
        return None
    value = grammar.ordinals[_key(f[key + "w"])]
    if key + "t" in f:
        if not 1 <= value <= 9:
            return None
        value += grammar.tens[_key(f[key + "t"])]
    return value


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    """The word before ``start`` and the word after ``end``, lower-cased, quotes stripped."""
    before = text[max(0, start - 40) : start].split()
    after = text[end : end + 40].split()
    return (
        _key(before[-1].lstrip(_OPENING)) if before else "",
        _key(after[0].rstrip(_CLOSING)) if after else "",
    )


def read(match: re.Match[str], text: str, grammar: DateGrammar) -> Reading | None:
    """What one match says, or None when it is not a real date (February 30, "2019 people")."""
    kind = match.lastgroup or ""
    f = _fields(match, grammar, kind)
    start, end = match.span()
    before, after = _neighbours(text, start, end)
    if text[start].isdigit() and {before, before.rstrip(".")} & grammar.not_year_before:
        return None
    year = int(f["y"]) if "y" in f else None
    mod = grammar.year_modifiers.get(_key(f["mod"])) if "mod" in f else None
    if kind in ("iso", "num"):
        month, day = int(f["m"]), int(f["d"])
        if not 1 <= month <= 12 or not _valid(month, day, year):
            return None
        return Reading(start, end, "day", month, day, year=year)
    if kind in ("dspan", "mspan", "dm", "md"):
        month = grammar.months[f["mon"].rstrip(".")]
        first = _day(f, grammar, "d1" if kind in ("dspan", "mspan") else "d")
        last = _day(f, grammar, "d2")
        if kind in ("dspan", "mspan") and last is None:
            return None
        if (
            first is None
            or not _valid(month, first, year)
            or (last is not None and (last <= first or not _valid(month, last, year)))
        ):
            return None
        return Reading(start, end, "day", month, first, last, year=year, year_offset=mod)
    if kind == "bare" and before not in grammar.triggers and after not in grammar.verbs_after:
        word = f["mon"]
        if not (word.islower() and word.endswith(grammar.standalone)):
            return None
    if kind in ("part", "my", "bare"):
        month = grammar.months[f["mon"].rstrip(".")]
        return Reading(start, end, "month", month, year=year, year_offset=mod)
    if kind == "yspan":
        first, last = int(f["a"]), int(f["b"])
        return Reading(start, end, "year", year=first, end_year=last) if first < last else None
    if kind == "year":
        return None if after in grammar.not_year_after else Reading(start, end, "year", year=year)
    if kind in ("relb", "reln"):
        unit = grammar.units.get(_key(f["u"]))
        count = grammar.numbers.get(_key(f["n"])) if "n" in f else 1
        if "n" in f and f["n"].isdigit():
            count = int(f["n"])
        direction = grammar.offsets.get(_key(f["dir"]))
        if unit is None or direction is None:
            return None
        resolvable = count is not None and unit in ("day", "week") and "half" not in f
        days = (count or 0) * (7 if unit == "week" else 1)
        precision = "day" if unit in ("day", "week") else unit
        if direction == "ago":
            offset = -days if resolvable else None
            return Reading(start, end, precision, anchor="published", unit="day", offset=offset)
        offset = days * int(direction) if resolvable and isinstance(direction, int) else None
        return Reading(start, end, precision, anchor="previous", unit="day", offset=offset)
    if kind == "rel":
        if _key(f["p"]) not in grammar.relative:
            return None
        anchor, unit, offset = grammar.relative[_key(f["p"])]
        return Reading(start, end, unit, anchor=anchor, unit=unit, offset=offset)
    if f["day"].islower() and before not in grammar.weekday_prepositions:
        return None
    weekday = grammar.weekdays[_key(f["day"])]
    strict = _key(f.get("last", "")) == "last"
    return Reading(
        start, end, "day", anchor="published", unit="weekday", weekday=weekday, strict=strict
    )
