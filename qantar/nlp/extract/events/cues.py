"""The cues of ``patterns/events.yml``, compiled once per language.

Why a data file: reporters say the same happenings in a handful of constructions ("rallies
began", "set fire to", "ввели режим ЧП"), and a reviewer who meets a new verb adds it without
touching code. Cues about a clause are lemma lists matched on tokens
(:mod:`qantar.nlp.reading.cues`), so one entry covers every form of its words. The harm cues
stay surface patterns: :mod:`qantar.nlp.extract.harm` matches them on the text. Event types are
the codebook's; a type it does not know is a configuration error found at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qantar.codebook import values
from qantar.exceptions import ConfigError
from qantar.nlp.lexicon import CuePattern, coded_cues, cue_pattern, read_patterns
from qantar.nlp.reading.cues import LemmaCues, compile_cues, cue_list

FILE = "events"


@dataclass(frozen=True)
class Construction:
    """Nouns of one event type and the verbs that make a clause of them."""

    code: str
    nouns: LemmaCues
    verbs: LemmaCues


@dataclass(frozen=True)
class EventCues:
    """Compiled cues for one language."""

    language: str
    predicates: tuple[tuple[str, LemmaCues], ...]
    """Per event type, the verbs (with the words that follow them) that say it happened."""
    nouns: tuple[Construction, ...]
    """A noun for the happening as the subject or object of one of its verbs."""
    participants: tuple[Construction, ...]
    """What undergoes the happening as an argument of one of its verbs."""
    statistic_smallest: int
    statistic_words: LemmaCues
    speakers: LemmaCues
    """Bodies and offices that make a statement when no name is given ("prosecutors said")."""
    outlets: LemmaCues
    outlet_verbs: LemmaCues
    citing: LemmaCues
    attribution_marks: LemmaCues
    irrealis: LemmaCues
    realizing: LemmaCues
    limits: LemmaCues
    concurrent: LemmaCues
    when_words: LemmaCues
    simultaneous_marks: LemmaCues
    verdict_objects: LemmaCues
    unrest_nouns: LemmaCues
    months: tuple[LemmaCues, ...]
    """Month words, January first."""
    same_time: LemmaCues
    """Sentence openers that put a sentence on the day just told ("In parallel, ...")."""
    moved_on: LemmaCues
    """Sentence openers that leave the day just told ("Soon after the events, ...")."""
    back_then: LemmaCues
    """Sentence openers that point back to the last date named ("Тогда ...")."""
    # surface patterns of the harm reader
    harm: tuple[tuple[str, CuePattern], ...]
    circumstance: CuePattern
    responsible: CuePattern


def _constructions(section: str, language: str) -> tuple[Construction, ...]:
    data = read_patterns(f"{FILE}.yml").get(section) or {}
    unknown = set(data) - set(values("event_types"))
    if unknown:
        raise ConfigError(f"qantar/nlp/patterns/{FILE}.yml: {section} names {sorted(unknown)}")
    return tuple(
        Construction(
            str(code),
            cue_list(FILE, f"{section}.{code}.nouns", language),
            cue_list(FILE, f"{section}.{code}.verbs", language),
        )
        for code in data
    )


def _months(language: str) -> tuple[LemmaCues, ...]:
    months = (read_patterns(f"{FILE}.yml").get("unrest") or {}).get("months") or {}
    lists = months.get(language) or []
    if len(lists) != 12:
        raise ConfigError(f"qantar/nlp/patterns/{FILE}.yml: unrest.months.{language} needs 12")
    return tuple(
        compile_cues(f"{FILE}.unrest.months.{number}", [str(w) for w in words])
        for number, words in enumerate(lists, start=1)
    )


@cache
def event_cues(language: str) -> EventCues:
    """The cues for ``en`` or ``ru`` (any other language uses the English ones)."""
    language = language if language in ("en", "ru") else "en"
    data = read_patterns(f"{FILE}.yml")

    def cues(key: str) -> LemmaCues:
        return cue_list(FILE, key, language)

    def surface(section: str) -> CuePattern:
        words = data[section].get(language, []) if isinstance(data[section], dict) else []
        return cue_pattern([str(w) for w in words], f"{FILE}.{section}")

    unknown = set(data.get("types") or {}) - set(values("event_types"))
    if unknown:
        raise ConfigError(f"qantar/nlp/patterns/{FILE}.yml: types names {sorted(unknown)}")
    return EventCues(
        language=language,
        predicates=tuple((str(code), cues(f"types.{code}")) for code in data["types"]),
        nouns=_constructions("nouns", language),
        participants=_constructions("participants", language),
        statistic_smallest=int(data["statistic_smallest"]),
        statistic_words=cues("statistic_words"),
        speakers=cues("speakers"),
        outlets=cues("outlets"),
        outlet_verbs=cues("outlet_verbs"),
        citing=cues("citing"),
        attribution_marks=cues("attribution_marks"),
        irrealis=cues("irrealis"),
        realizing=cues("realizing"),
        limits=cues("limits"),
        concurrent=cues("concurrent"),
        when_words=cues("when_words"),
        simultaneous_marks=cues("simultaneous_marks"),
        verdict_objects=cues("verdict_objects"),
        unrest_nouns=cues("unrest.nouns"),
        months=_months(language),
        same_time=cues("same_time"),
        moved_on=cues("moved_on"),
        back_then=cues("back_then"),
        harm=coded_cues(f"{FILE}.yml", "harm", "harm_types", language),
        circumstance=surface("circumstance"),
        responsible=surface("responsible"),
    )
