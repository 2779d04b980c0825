"""The cue lists the quote reader uses, loaded once from ``patterns/quotes.yml`` and
``patterns/reading.yml``.

Verbs and nouns are matched by lemma on the reading layer's tokens, so "said", "says" and
"сказала" are one entry each; the few surface cues (a source phrase, a preposition before a
term) are matched as written, because no clause carries them.
"""

from __future__ import annotations

from functools import cache

from qantar.nlp.lexicon import CuePattern, cue_pattern, read_patterns
from qantar.nlp.reading.cues import LemmaCues, cue_list


@cache
def _surface() -> dict[str, list[str]]:
    data: dict[str, list[str]] = read_patterns("quotes.yml")
    return data


def speech_verbs(language: str) -> LemmaCues:
    """Verbs of saying, shared with every reader of speech (``reading.yml``)."""
    return cue_list("reading", "speech_verbs", language)


def framing_verbs(language: str) -> LemmaCues:
    """Verbs that frame quoted words without being verbs of saying ("ordered", "blamed")."""
    return cue_list("quotes", "framing_verbs", language)


def framing_nouns(language: str) -> LemmaCues:
    """Nouns whose possessor's words a quote gives ("Tokayev's order to ...")."""
    return cue_list("quotes", "framing_nouns", language)


def pronouns(language: str) -> LemmaCues:
    return cue_list("quotes", "pronouns", language)


def group_speakers(language: str) -> LemmaCues:
    """Words that stand as the label of an unnamed speaker ("prosecutors", "свидетели")."""
    return cue_list("quotes", "group_speakers", language)


def naming_words(language: str) -> LemmaCues:
    """Words before the name of someone first described ("a woman named Aliya")."""
    return cue_list("quotes", "naming_words", language)


@cache
def source_phrases() -> CuePattern:
    return cue_pattern(_surface()["source_phrases"], "quotes.source_phrases")


@cache
def pronoun_phrases() -> CuePattern:
    return cue_pattern(_surface()["pronoun_phrases"], "quotes.pronoun_phrases")


@cache
def term_prepositions() -> CuePattern:
    return cue_pattern(_surface()["term_prepositions"], "quotes.term_prepositions")


@cache
def term_articles() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _surface()["term_articles"])


@cache
def conjunctions() -> frozenset[str]:
    return frozenset(str(w).lower() for w in _surface()["conjunctions"])
