"""What a source is, and the word lists every layer of the reading of sources shares.

The kinds are the codebook's source types. The cue lists are read once per language from
``patterns/sources.yml`` (bodies, attribution phrases, verbs and nouns of giving figures),
``patterns/titles.yml`` (offices and roles of people) and ``patterns/reading.yml`` (verbs of
saying), matched by lemma, so that a source is told by the same words wherever it is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qantar.nlp.context import DocumentContext
from qantar.nlp.lexicon import CuePattern, cue_pattern, read_patterns
from qantar.nlp.reading.cues import LemmaCues, cue_list

OFFICIAL, INDEPENDENT, UNKNOWN_KIND = "official", "independent", "unknown"


@dataclass(frozen=True)
class Source:
    """Who the text says gives a figure."""

    name: str | None
    kind: str  # codebook source_types: official, independent, unknown


UNKNOWN = Source(None, UNKNOWN_KIND)


@dataclass(frozen=True)
class SourceCues:
    """The lists of ``patterns/sources.yml`` and ``patterns/titles.yml`` for one language."""

    official: LemmaCues
    independent: LemmaCues
    official_titles: LemmaCues
    independent_roles: LemmaCues
    posts: LemmaCues
    attribution: LemmaCues
    speech_verbs: LemmaCues
    figure_verbs: LemmaCues
    count_verbs: LemmaCues
    count_nouns: LemmaCues
    statements: LemmaCues
    anaphors: LemmaCues
    pronouns: LemmaCues
    anaphoric: CuePattern
    own_statements: CuePattern
    before_source: CuePattern
    """The attribution openers as written, for the dating of what follows them."""


@cache
def source_cues(language: str) -> SourceCues:
    """The cue lists a source is read with, for ``en`` or ``ru``."""
    language = language if language in ("en", "ru") else "en"

    def sources(key: str) -> LemmaCues:
        return cue_list("sources", key, language)

    data = read_patterns("sources.yml")
    anaphoric = data.get("anaphoric", {}).get(language, []) or []
    return SourceCues(
        official=sources("official"),
        independent=sources("independent"),
        official_titles=cue_list("titles", "official", language),
        independent_roles=cue_list("titles", "independent", language),
        posts=cue_list("titles", "posts", language),
        attribution=sources("attribution"),
        speech_verbs=cue_list("reading", "speech_verbs", language),
        figure_verbs=sources("figure_verbs"),
        count_verbs=sources("count_verbs"),
        count_nouns=sources("count_nouns"),
        statements=sources("statements"),
        anaphors=sources("anaphors"),
        pronouns=sources("pronouns"),
        anaphoric=cue_pattern(anaphoric, "sources.anaphoric"),
        own_statements=cue_pattern(data.get("own_statements", []), "sources.own_statements"),
        before_source=cue_pattern(
            data.get("before_source", {}).get(language, []) or [], "sources.before_source"
        ),
    )


def is_anaphoric(context: DocumentContext, source: Source) -> bool:
    """Whether the source is a word standing for the body just named ("ведомство")."""
    cues = source_cues(context.annotation.doc.language)
    return bool(source.name and cues.anaphoric.fullmatch(source.name.strip()))


class Layer:
    """One layer of the reading of a document's sources. Each layer reads the same document
    with the same cue lists, and is handed the layers below it, never those above."""

    def __init__(self, context: DocumentContext) -> None:
        self.context = context
        self.reading = context.reading
        self.tokens = self.reading.tokens
        self.language = context.annotation.doc.language
        self.cues = source_cues(self.language)
