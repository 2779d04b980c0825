"""The cue words of ``patterns/verdicts.yml``, compiled once per language.

Why cue lists in a data file: the same handful of phrasings ("was sentenced to", "received ...
imprisonment", "приговорили к") recur across outlets, and a reviewer who meets a new one can
add it without touching code. Outcome keys are checked against the codebook so a typo fails
at load time, not silently at extraction time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from qantar.exceptions import ConfigError
from qantar.nlp.lexicon import coded_patterns, phrase_pattern, read_patterns
from qantar.nlp.normalize.numbers import NUMBER_WORD_PATTERN


@dataclass(frozen=True)
class VerdictCues:
    """Compiled cue patterns for one language."""

    trigger: re.Pattern[str]
    active_trigger: re.Pattern[str]
    passive_before: re.Pattern[str]
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]
    default_outcome: str
    group: re.Pattern[str]
    companions: re.Pattern[str]
    same_as_before: re.Pattern[str]
    same_term_as_before: re.Pattern[str]
    pleaded_guilty: re.Pattern[str]
    pleaded_not_guilty: re.Pattern[str]
    appeal_status: tuple[tuple[str, re.Pattern[str]], ...]
    appeal_words: re.Pattern[str]
    charge_openers: re.Pattern[str]
    preceding_charge_openers: re.Pattern[str]
    back_references: re.Pattern[str]
    charge_hedges: re.Pattern[str]
    same_charges: re.Pattern[str]
    date_words: re.Pattern[str]
    relative_clause: re.Pattern[str]
    court_roles: frozenset[str]
    contrast: re.Pattern[str]


def _words(data: dict[str, Any], key: str, language: str) -> list[str]:
    entry = data.get(key)
    if isinstance(entry, dict):
        return [str(w) for w in entry.get(language, [])]
    if isinstance(entry, list):
        return [str(w) for w in entry]
    raise ConfigError(f"qantar/nlp/patterns/verdicts.yml needs a '{key}' list")


def _group_pattern(data: dict[str, Any], language: str) -> re.Pattern[str]:
    """``(those )?(seven|7|a) (political )?(people|activists)``; groups: det, number, noun."""
    det = phrase_pattern(_words(data, "definite_determiners", language)).pattern
    noun = phrase_pattern(_words(data, "group_nouns", language)).pattern
    one = r"an|a|one" if language == "en" else r"один|одного|одну|одна"
    return re.compile(
        rf"(?:(?P<det>{det})\s+)?(?<![\w,.])(?P<number>{NUMBER_WORD_PATTERN}|{one}|\d+)"
        rf"\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{noun})",
        re.IGNORECASE,
    )


@cache
def verdict_cues(language: str) -> VerdictCues:
    """The cues for ``en`` or ``ru`` (any other language uses the English ones)."""
    language = language if language in ("en", "ru") else "en"
    data = read_patterns("verdicts.yml")
    passive = _words(data, "passive_markers", language)
    passive_alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in passive) or "(?!x)x"
    relative = "|".join(map(re.escape, _words(data, "relative_pronouns", language)))

    def words(key: str) -> re.Pattern[str]:
        return phrase_pattern(_words(data, key, language))

    return VerdictCues(
        trigger=words("triggers"),
        active_trigger=words("active_triggers"),
        passive_before=re.compile(rf"(?:{passive_alt})\s+(?:\w+ly\s+)?$", re.IGNORECASE),
        outcomes=coded_patterns("verdicts.yml", "outcomes", "verdict_outcomes", language),
        default_outcome=str(data["default_outcome_with_term"]),
        group=_group_pattern(data, language),
        companions=words("companions"),
        same_as_before=words("same_as_before"),
        same_term_as_before=words("same_term_as_before"),
        pleaded_guilty=words("pleaded_guilty"),
        pleaded_not_guilty=words("pleaded_not_guilty"),
        appeal_status=tuple(
            (status, phrase_pattern(entry.get(language, [])))
            for status, entry in data.get("appeal_status", {}).items()
        ),
        appeal_words=words("appeal_words"),
        charge_openers=words("charge_openers"),
        preceding_charge_openers=words("preceding_charge_openers"),
        back_references=words("back_references"),
        charge_hedges=re.compile(
            "|".join(f"(?:{h})" for h in _words(data, "charge_hedges", language)) or "(?!x)x",
            re.IGNORECASE,
        ),
        same_charges=words("same_charges"),
        date_words=words("verdict_date_words"),
        relative_clause=re.compile(rf",\s+(?:{relative})\b[^,;]*(?:,|$)", re.IGNORECASE),
        court_roles=frozenset(w.lower() for w in _words(data, "court_roles", language)),
        contrast=re.compile(rf"(?:{words('contrast').pattern})\W+(?:\w+\W+){{0,3}}$", re.I),
    )
