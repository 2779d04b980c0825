"""The cue words of ``patterns/events.yml``, compiled once per language.

Event types are the codebook's; the file says how reporters write them. A type missing from
the codebook is a configuration error found at load time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qantar.exceptions import ConfigError
from qantar.nlp.lexicon import coded_patterns, phrase_pattern, read_patterns


@dataclass(frozen=True)
class EventCues:
    """Compiled cue patterns for one language."""

    types: tuple[tuple[str, re.Pattern[str]], ...]
    harm: tuple[tuple[str, re.Pattern[str]], ...]
    circumstance: re.Pattern[str]
    responsible: re.Pattern[str]
    same_time: re.Pattern[str]
    """Sentence openers that put a sentence on the day just told ("In parallel, ...")."""
    moved_on: re.Pattern[str]
    """Sentence openers that leave the day just told ("Soon after the events, ...")."""
    not_events: re.Pattern[str]
    """Phrases holding a cue that are a charge or a circumstance, not a happening."""
    charge: re.Pattern[str]
    """Words before a cue that make it a charge ("вменяли поджог")."""
    back_then: re.Pattern[str]
    """Sentence openers that point back to the last date named ("Тогда ...")."""


def _by_language(section: object, language: str, name: str) -> list[str]:
    if not isinstance(section, dict):
        raise ConfigError(f"qantar/nlp/patterns/events.yml: '{name}' must map en/ru to lists")
    return [str(w) for w in section.get(language, [])]


@cache
def event_cues(language: str) -> EventCues:
    """The cues for ``en`` or ``ru`` (any other language uses the English ones)."""
    language = language if language in ("en", "ru") else "en"
    data = read_patterns("events.yml")
    return EventCues(
        types=coded_patterns("events.yml", "types", "event_types", language),
        harm=coded_patterns("events.yml", "harm", "harm_types", language),
        circumstance=phrase_pattern(_by_language(data["circumstance"], language, "circumstance")),
        responsible=phrase_pattern(_by_language(data["responsible"], language, "responsible")),
        same_time=phrase_pattern(_by_language(data["same_time"], language, "same_time")),
        moved_on=phrase_pattern(_by_language(data["moved_on"], language, "moved_on")),
        not_events=phrase_pattern(_by_language(data["not_events"], language, "not_events")),
        charge=phrase_pattern(_by_language(data["charge"], language, "charge")),
        back_then=phrase_pattern(_by_language(data["back_then"], language, "back_then")),
    )
