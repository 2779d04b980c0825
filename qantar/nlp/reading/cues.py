"""Cue lists matched by lemma: one entry covers every inflected form of its words.

"sentence" covers sentenced, sentences and sentencing; "приговорить" covers приговорил,
приговорён and приговорены, because the annotators give every token its lemma. A cue is a
phrase of words separated by spaces, each matched against a token's lemma or its lower-cased
text (so a cue may name a form the lemmatizer leaves alone, such as "guilty" or "условно"):

- ``word*`` matches any word starting with ``word`` ("колони*": колония, колонии);
- a lone ``*`` matches any one token ("find * guilty": found him guilty);
- ``-`` in a word also matches a hyphenated spelling split into tokens ("non-custodial").

Lists live in the pattern files (``{en: [...], ru: [...]}`` under a key), never in code, and
each entry is a rule that ``qantar eval --rules`` counts (:mod:`qantar.nlp.rule_log`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from qantar.exceptions import ConfigError
from qantar.nlp.annotate.types import Token
from qantar.nlp.lexicon import coded_words, read_patterns
from qantar.nlp.rule_log import declare, fired


@dataclass(frozen=True)
class CueHit:
    """One cue found in a run of tokens: which entry, and the tokens it covers."""

    entry: str
    first: int
    """Index of the first token matched."""
    last: int
    """Index of the last token matched (inclusive)."""


def word_matches(word: str, token: Token) -> bool:
    """Whether one word of a cue entry names ``token`` (by lemma, text, prefix or ``*``)."""
    if word == "*":
        return True
    lemma, lower = token.lemma.lower(), token.text.lower()
    if word.endswith("*") and len(word) > 1:
        stem = word[:-1]
        return lemma.startswith(stem) or lower.startswith(stem)
    return word in (lemma, lower)


def _split(entry: str) -> tuple[str, ...]:
    """The words of an entry; a hyphenated word is also matched as its parts, so split it."""
    words: list[str] = []
    for word in entry.lower().split():
        if "-" in word.strip("-*") and not word.startswith("-"):
            parts = word.split("-")
            for index, part in enumerate(parts):
                if index:
                    words.append("-")
                words.append(part)
        else:
            words.append(word)
    return tuple(words)


@dataclass(frozen=True)
class LemmaCues:
    """A compiled cue list for one language; build with :func:`cue_list`."""

    name: str
    """The rule prefix, ``file.key`` ("verdicts.outcomes.prison")."""
    entries: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]
    """(entry, its words, the same words split at hyphens), longest first."""

    def match_at(
        self, tokens: Sequence[Token], at: int, end: int | None = None, record: bool = True
    ) -> CueHit | None:
        """The longest entry that starts at ``tokens[at]`` and ends before ``end``.

        ``record`` counts the hit as the rule having fired; a reader that tries several
        lists and keeps one passes False and records the winner with :meth:`record`."""
        stop = len(tokens) if end is None else end
        for entry, words, split in self.entries:
            for shape in (words, split) if split != words else (words,):
                if at + len(shape) > stop:
                    continue
                if all(word_matches(w, tokens[at + i]) for i, w in enumerate(shape)):
                    if record:
                        fired(f"{self.name}.{entry}")
                    return CueHit(entry, tokens[at].index, tokens[at + len(shape) - 1].index)
        return None

    def find(self, tokens: Sequence[Token], record: bool = True) -> list[CueHit]:
        """Every non-overlapping hit in ``tokens`` (a contiguous run), leftmost-longest."""
        hits: list[CueHit] = []
        at = 0
        while at < len(tokens):
            hit = self.match_at(tokens, at, record=record)
            if hit is None:
                at += 1
                continue
            hits.append(hit)
            at += hit.last - hit.first + 1
        return hits

    def record(self, hits: Sequence[CueHit]) -> None:
        """Count ``hits`` (found with ``record=False``) as fired rules."""
        for hit in hits:
            fired(f"{self.name}.{hit.entry}")

    def first(self, tokens: Sequence[Token]) -> CueHit | None:
        hits = self.find(tokens)
        return hits[0] if hits else None

    def has(self, token: Token) -> bool:
        """Whether a one-word entry names this token ("sentence" for "sentencing")."""
        return self.match_at([token], 0) is not None

    def __bool__(self) -> bool:
        return bool(self.entries)


def compile_cues(name: str, phrases: Iterable[str]) -> LemmaCues:
    """A cue list from its entries; every entry is declared as a rule ``name.entry``."""
    entries = []
    for phrase in sorted({str(p).strip() for p in phrases if str(p).strip()}, key=len):
        declare(f"{name}.{phrase}")
        words = tuple(phrase.lower().split())
        entries.append((phrase, words, _split(phrase)))
    entries.sort(key=lambda e: (-len(e[1]), -len(e[0])))
    return LemmaCues(name, tuple(entries))


def _language_list(entry: Any, where: str, language: str) -> list[str]:
    if isinstance(entry, dict):
        return [str(w) for w in entry.get(language) or []]
    if isinstance(entry, list):
        return [str(w) for w in entry]
    raise ConfigError(f"{where} must be a list or an {{en: [...], ru: [...]}} mapping")


@cache
def cue_list(file: str, key: str, language: str) -> LemmaCues:
    """The cue list ``key`` of ``qantar/nlp/patterns/FILE.yml`` for ``language``.

    ``key`` may be dotted to reach into a mapping ("outcomes.prison"). Languages other than
    English and Russian use the English list.
    """
    language = language if language in ("en", "ru") else "en"
    node: Any = read_patterns(f"{file}.yml")
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ConfigError(f"qantar/nlp/patterns/{file}.yml has no '{key}' list")
        node = node[part]
    words = _language_list(node, f"qantar/nlp/patterns/{file}.yml: {key}", language)
    return compile_cues(f"{file}.{key}", words)


@cache
def coded_cue_lists(
    file: str, key: str, language: str, codebook_section: str
) -> tuple[tuple[str, LemmaCues], ...]:
    """One cue list per code under ``key`` (``outcomes: {prison: {en: [...]}}``), in file order;
    a code the codebook does not know is a ConfigError (:func:`~qantar.nlp.lexicon.coded_words`)."""
    language = language if language in ("en", "ru") else "en"
    return tuple(
        (code, compile_cues(f"{file}.{key}.{code}", words))
        for code, words in coded_words(f"{file}.yml", key, codebook_section, language)
    )
