"""The cue words of ``patterns/events.yml``, compiled once per language.

Event types are the codebook's; the file says how reporters write them. A type missing from
the codebook is a configuration error found at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qantar.exceptions import ConfigError
from qantar.nlp.lexicon import CuePattern, coded_cues, cue_pattern, read_patterns


@dataclass(frozen=True)
class EventCues:
    """Compiled cue patterns for one language."""

    types: tuple[tuple[str, CuePattern], ...]
    harm: tuple[tuple[str, CuePattern], ...]
    circumstance: CuePattern
    responsible: CuePattern
    same_time: CuePattern
    """Sentence openers that put a sentence on the day just told ("In parallel, ...")."""
    moved_on: CuePattern
    """Sentence openers that leave the day just told ("Soon after the events, ...")."""
    not_events: CuePattern
    """Phrases holding a cue that are a charge or a circumstance, not a happening."""
    charge: CuePattern
    """Words before a cue that make it a charge ("вменяли поджог")."""
    back_then: CuePattern
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

    def cues(section: str) -> CuePattern:
        return cue_pattern(_by_language(data[section], language, section), f"events.{section}")

    return EventCues(
        types=coded_cues("events.yml", "types", "event_types", language),
        harm=coded_cues("events.yml", "harm", "harm_types", language),
        circumstance=cues("circumstance"),
        responsible=cues("responsible"),
        same_time=cues("same_time"),
        moved_on=cues("moved_on"),
        not_events=cues("not_events"),
        charge=cues("charge"),
        back_then=cues("back_then"),
    )
