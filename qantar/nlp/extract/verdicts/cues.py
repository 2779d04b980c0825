"""The cues of ``patterns/verdicts.yml``, compiled once per language.

Why a data file: the same handful of constructions ("was sentenced to", "received ...
imprisonment", "приговорили к") recur across outlets, and a reviewer who meets a new word can
add it without touching code. Cues about the clause (predicates, outcomes, pronouns) are lemma
lists matched on tokens (:mod:`qantar.nlp.reading.cues`); cues that cut a charge out of the
text (openers, hedges) are phrase patterns on the surface text, since a charge is a stretch of
words quoted as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qantar.nlp.lexicon import phrase_pattern, read_patterns
from qantar.nlp.reading.cues import LemmaCues, coded_cue_lists, cue_list

FILE = "verdicts"


@dataclass(frozen=True)
class VerdictCues:
    """Compiled cues for one language."""

    language: str
    verdict_predicates: LemmaCues
    penalty_predicates: LemmaCues
    receiving_predicates: LemmaCues
    progressive_only: LemmaCues
    guilty_predicates: LemmaCues
    guilty_complements: LemmaCues
    innocent_complements: LemmaCues
    verdict_nouns: LemmaCues
    trial_predicates: LemmaCues
    verdict_nominals: LemmaCues
    proceedings_nouns: LemmaCues
    irrealis_auxiliaries: LemmaCues
    intent_verbs: LemmaCues
    outcomes: tuple[tuple[str, LemmaCues], ...]
    default_outcome: str
    outcome_without_penalty: str
    contrast: LemmaCues
    group_nouns: LemmaCues
    title_nouns: LemmaCues
    companions: LemmaCues
    all_defendants: LemmaCues
    remaining_defendants: LemmaCues
    one_defendant: LemmaCues
    plural_pronouns: LemmaCues
    relational_date_words: LemmaCues
    statistics: LemmaCues
    largest_trial_group: int
    pleaded_guilty: LemmaCues
    pleaded_not_guilty: LemmaCues
    negative_subjects: LemmaCues
    appeal_predicates: tuple[tuple[str, LemmaCues], ...]
    lengthening: LemmaCues
    appeal_words: LemmaCues
    difference_markers: LemmaCues
    same_as_before: LemmaCues
    same_term_as_before: LemmaCues
    date_words: LemmaCues
    court_roles: frozenset[str]
    excluded_defendant_cases: dict[str, frozenset[str]]
    # surface patterns for cutting charges out of the text
    charge_openers: re.Pattern[str]
    preceding_charge_openers: re.Pattern[str]
    charge_hedges: re.Pattern[str]
    same_charges: re.Pattern[str]


def _surface(key: str, language: str) -> re.Pattern[str]:
    entry = read_patterns(f"{FILE}.yml").get(key) or {}
    return phrase_pattern(entry.get(language, []) if isinstance(entry, dict) else entry)


@cache
def verdict_cues(language: str) -> VerdictCues:
    """The cues for ``en`` or ``ru`` (any other language uses the English ones)."""
    language = language if language in ("en", "ru") else "en"
    data = read_patterns(f"{FILE}.yml")

    def cues(key: str) -> LemmaCues:
        return cue_list(FILE, key, language)

    hedges = (data.get("charge_hedges") or {}).get(language, [])
    return VerdictCues(
        language=language,
        verdict_predicates=cues("verdict_predicates"),
        penalty_predicates=cues("penalty_predicates"),
        receiving_predicates=cues("receiving_predicates"),
        progressive_only=cues("progressive_only"),
        guilty_predicates=cues("guilty_predicates"),
        guilty_complements=cues("guilty_complements"),
        innocent_complements=cues("innocent_complements"),
        verdict_nouns=cues("verdict_nouns"),
        trial_predicates=cues("trial_predicates"),
        verdict_nominals=cues("verdict_nominals"),
        proceedings_nouns=cues("proceedings_nouns"),
        irrealis_auxiliaries=cues("irrealis_auxiliaries"),
        intent_verbs=cues("intent_verbs"),
        outcomes=coded_cue_lists(FILE, "outcomes", language, "verdict_outcomes"),
        default_outcome=str(data["default_outcome_with_term"]),
        outcome_without_penalty=str(data["outcome_without_penalty"]),
        contrast=cues("contrast"),
        group_nouns=cues("group_nouns"),
        title_nouns=cues("title_nouns"),
        companions=cues("companions"),
        all_defendants=cues("all_defendants"),
        remaining_defendants=cues("remaining_defendants"),
        one_defendant=cues("one_defendant"),
        plural_pronouns=cues("plural_pronouns"),
        relational_date_words=cues("relational_date_words"),
        statistics=cues("statistics"),
        largest_trial_group=int(data["largest_trial_group"]),
        pleaded_guilty=cues("pleaded_guilty"),
        pleaded_not_guilty=cues("pleaded_not_guilty"),
        negative_subjects=cues("negative_subjects"),
        appeal_predicates=coded_appeals(language),
        lengthening=cues("lengthening"),
        appeal_words=cues("appeal_words"),
        difference_markers=cues("difference_markers"),
        same_as_before=cues("same_as_before"),
        same_term_as_before=cues("same_term_as_before"),
        date_words=cues("verdict_date_words"),
        court_roles=frozenset(str(w).lower() for w in data.get("court_roles", [])),
        excluded_defendant_cases={
            str(k): frozenset(map(str, v))
            for k, v in (data.get("excluded_defendant_cases") or {}).items()
        },
        charge_openers=_surface("charge_openers", language),
        preceding_charge_openers=_surface("preceding_charge_openers", language),
        charge_hedges=re.compile("|".join(f"(?:{h})" for h in hedges) or "(?!x)x", re.IGNORECASE),
        same_charges=_surface("same_charges", language),
    )


def coded_appeals(language: str) -> tuple[tuple[str, LemmaCues], ...]:
    """(status, predicates) for upheld, changed and overturned appeals."""
    statuses = read_patterns(f"{FILE}.yml").get("appeal_predicates") or {}
    return tuple(
        (str(status), cue_list(FILE, f"appeal_predicates.{status}", language))
        for status in statuses
    )
