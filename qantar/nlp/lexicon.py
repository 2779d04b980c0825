"""The word lists and gazetteer in ``nlp/patterns/*.yml``, loaded once and compiled for matching.

Why a gazetteer at all: spaCy's small English model misses most Kazakh place names
(Zhanaozen, Kostanay) and tags some of them as people (shared/notes/nlp-dependencies.md).
A list of names that is data, not code, fixes whole classes of errors at once and lets a user
teach qantar a new place or body by adding a line.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from qantar.exceptions import ConfigError
from qantar.nlp import rule_log
from qantar.nlp.normalize.names import skeleton
from qantar.nlp.normalize.russian_places import place_case_forms


@dataclass(frozen=True)
class GazetteerHit:
    """A gazetteer name found in text."""

    start: int
    end: int
    text: str
    kind: str  # "place" or "organization"
    canonical: str
    normal: str = ""  # the listed nominative of a declined form ("Таразе" -> "Тараз")


@dataclass(frozen=True)
class Lexicon:
    """Compiled word lists; build with :func:`load_lexicon`."""

    home_country: str
    canonical: dict[str, tuple[str, str]]  # surface form -> (kind, canonical name)
    by_skeleton: dict[str, tuple[str, str]]  # skeleton -> (kind, canonical name)
    gazetteer_pattern: re.Pattern[str]
    surname_endings: tuple[str, ...]
    not_first_names: frozenset[str]
    titles: tuple[str, ...]
    role_nouns: frozenset[str]
    not_names: frozenset[str]  # skeletons
    not_organizations: frozenset[str]
    place_types: dict[str, tuple[str, str | None]]  # canonical place -> (type, city of a site)
    digest: str
    nominatives: dict[str, str] = field(default_factory=dict)  # declined form -> listed form

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[GazetteerHit]:
        """Every gazetteer name in ``text[start:end]``, longest match first at each position."""
        hits = []
        for match in self.gazetteer_pattern.finditer(
            text, start, len(text) if end is None else end
        ):
            surface = match.group(0)
            kind, name = self.canonical[surface]
            normal = self.nominatives.get(surface, "")
            hits.append(GazetteerHit(match.start(), match.end(), surface, kind, name, normal))
        return hits

    def lookup(self, name: str) -> tuple[str, str] | None:
        """``(kind, canonical)`` for a name in any listed spelling, else None."""
        return self.canonical.get(name) or self.by_skeleton.get(skeleton(name))

    def city_of(self, place: str) -> str | None:
        """The city a listed place is or lies in; None for regions, countries and unknown names."""
        found = self.lookup(place)
        if found is None or found[0] != "place":
            return None
        kind, city = self.place_types.get(found[1], ("city", None))
        if kind == "city":
            return found[1]
        return city if kind == "site" else None

    def is_not_name(self, text: str) -> bool:
        return skeleton(text) in self.not_names

    def has_surname_ending(self, word: str) -> bool:
        lowered = word.lower()
        return any(
            lowered.endswith(end) and len(lowered) >= len(end) + 3 for end in self.surname_endings
        )


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of cue phrases from a pattern file.

    Phrases match as whole words; ``*`` inside or at the end of a phrase matches the rest of a
    word ("приговор*" matches "приговорили"), so Russian endings need no separate entries.
    Longest phrases are tried first.

    This plain pattern is a building block (its ``.pattern`` goes into larger expressions) and
    reports nothing; a cue list that is matched as it is should be a :func:`cue_pattern`, so
    ``qantar eval --rules`` can tell which of its phrases fire.
    """
    return re.compile(_alternation(_phrase_sources(phrases).values()), re.IGNORECASE)


class CuePattern:
    """A :func:`phrase_pattern` whose phrases are rules of :mod:`qantar.nlp.rule_log`.

    It matches exactly what the plain pattern matches and answers the same calls (``search``,
    ``match``, ``fullmatch``, ``finditer``, ``findall``, ``sub``; ``pattern`` is the plain
    source, to embed in a larger expression), but each phrase is a named group, so every match
    reports the phrase that made it: ``rule_log.fired("events.types.protest.rally")``. When
    nobody is recording, that costs one check per match.
    """

    __slots__ = ("flags", "pattern", "regex", "rules")

    def __init__(self, phrases: Iterable[str], prefix: str) -> None:
        sources = _phrase_sources(phrases)
        self.pattern = _alternation(sources.values())
        groups = [f"(?P<_{i}>{source})" for i, source in enumerate(sources.values())]
        self.regex = re.compile(_alternation(groups), re.IGNORECASE)
        self.flags = self.regex.flags
        # group name -> rule name, one per phrase
        self.rules = {f"_{i}": f"{prefix}.{phrase}" for i, phrase in enumerate(sources)}
        for rule in self.rules.values():
            rule_log.declare(rule)

    def __repr__(self) -> str:
        return f"CuePattern({len(self.rules)} phrases: {self.pattern[:60]!r})"

    def _report(self, m: re.Match[str] | None) -> re.Match[str] | None:
        if m is not None:
            rule_log.fired(self.rules[m.lastgroup or ""])
        return m

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._report(self.regex.search(string, pos, endpos))

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self._report(self.regex.match(string, pos, endpos))

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self._report(self.regex.fullmatch(string, pos, endpos))

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        for m in self.regex.finditer(string, pos, endpos):
            rule_log.fired(self.rules[m.lastgroup or ""])
            yield m

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        """The matched texts (never group tuples: the phrase groups are internal)."""
        return [m.group(0) for m in self.finditer(string, pos, endpos)]

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        def replace(m: re.Match[str]) -> str:
            self._report(m)
            return repl(m) if callable(repl) else m.expand(repl)

        return self.regex.sub(replace, string, count)


def cue_pattern(phrases: Iterable[str], rules: str) -> CuePattern:
    """:func:`phrase_pattern` for a cue list matched as it is; each phrase becomes the rule
    ``<rules>.<phrase>``, where ``rules`` names the list as ``<file stem>.<section>``
    (``events.circumstance``, ``quotes.speech_verbs``)."""
    return CuePattern(phrases, rules)


def _phrase_sources(phrases: Iterable[str]) -> dict[str, str]:
    """Phrase -> its regular expression, longest phrase first (then alphabetical, so the
    alternation, and which of two equal phrases is credited, is the same in every run)."""
    return {
        phrase: r"\s+".join(re.escape(w).replace(r"\*", r"\w*") for w in phrase.split())
        for phrase in sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    }


def _alternation(parts: Iterable[str]) -> str:
    """Whole-word alternation of ``parts``; a pattern that matches nothing when empty."""
    joined = "|".join(parts)
    return rf"(?<![\w])(?:{joined})(?![\w])" if joined else r"(?!x)x"


def coded_patterns(
    name: str, section: str, codebook_section: str, language: str
) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(code, pattern)`` per codebook value listed in one section of a pattern file.

    The section maps codebook values to ``{en: [...], ru: [...]}`` cue lists. A value the
    codebook does not know is a ConfigError, so a typo fails at load time, not silently.
    Plain patterns that report nothing; :func:`coded_cues` is the same with reporting.
    """
    return tuple(
        (code, phrase_pattern(words))
        for code, words in coded_words(name, section, codebook_section, language)
    )


def coded_cues(
    name: str, section: str, codebook_section: str, language: str
) -> tuple[tuple[str, CuePattern], ...]:
    """:func:`coded_patterns` as :class:`CuePattern` objects: each phrase is the rule
    ``<file stem>.<section>.<code>.<phrase>`` (``events.types.detention.detained``)."""
    stem = name.removesuffix(".yml")
    return tuple(
        (code, cue_pattern(words, f"{stem}.{section}.{code}"))
        for code, words in coded_words(name, section, codebook_section, language)
    )


def coded_words(
    name: str, section: str, codebook_section: str, language: str
) -> list[tuple[str, list[str]]]:
    """``(code, words)`` per codebook value listed in one section of a pattern file; a value
    the codebook does not know is a ConfigError, so a typo fails at load time."""
    from qantar.codebook import values

    entries = _read(name).get(section, {})
    if not isinstance(entries, dict):
        raise ConfigError(f"qantar/nlp/patterns/{name}: '{section}' must map codes to cue lists")
    unknown = set(entries) - set(values(codebook_section))
    if unknown:
        raise ConfigError(
            f"qantar/nlp/patterns/{name} names {codebook_section} not in the codebook: "
            f"{sorted(unknown)}"
        )
    return [
        (str(code), [str(w) for w in words.get(language, [])] if isinstance(words, dict) else [])
        for code, words in entries.items()
    ]


def read_patterns(name: str) -> dict[str, Any]:
    """A YAML file of ``qantar/nlp/patterns`` as a mapping; a broken file is a ConfigError."""
    return _read(name)


def _read(name: str) -> dict[str, Any]:
    try:
        text = resources.files("qantar.nlp").joinpath("patterns", name).read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot read qantar/nlp/patterns/{name}: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"qantar/nlp/patterns/{name} must be a mapping of lists")
    return data


def patterns_digest() -> str:
    """A hash of every pattern file, so that editing any of them re-extracts the documents."""
    folder = resources.files("qantar.nlp").joinpath("patterns")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yml")), key=lambda f: f.name)
    return hashlib.sha1(b"".join(f.name.encode() + f.read_bytes() for f in files)).hexdigest()[:12]


@cache
def load_lexicon() -> Lexicon:
    """Load and compile the pattern files once per process."""
    gazetteer, names = _read("gazetteer.yml"), _read("names.yml")
    canonical: dict[str, tuple[str, str]] = {}
    place_types: dict[str, tuple[str, str | None]] = {}
    for section, kind in (("places", "place"), ("organizations", "organization")):
        for entry in gazetteer.get(section, []):
            if kind == "place":
                city = entry.get("city")
                place_types[str(entry["name"])] = (
                    str(entry.get("type", "city")),
                    None if city is None else str(city),
                )
            for form in [entry["name"], *entry.get("aliases", [])]:
                canonical.setdefault(str(form), (kind, str(entry["name"])))
    nominatives = _declined_places(canonical)
    forms = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")
    digest = patterns_digest()
    return Lexicon(
        home_country=str(gazetteer.get("home_country", "")),
        canonical=canonical,
        by_skeleton={skeleton(form): value for form, value in canonical.items()},
        gazetteer_pattern=pattern,
        surname_endings=tuple(sorted(map(str, names["surname_endings"]), key=len, reverse=True)),
        not_first_names=frozenset(map(str, names["not_first_names"])),
        titles=tuple(sorted(map(str, names["titles"]), key=len, reverse=True)),
        role_nouns=frozenset(map(str, names["role_nouns"])),
        not_names=frozenset(skeleton(str(n)) for n in names["not_names"]),
        not_organizations=frozenset(map(str, names["not_organizations"])),
        place_types=place_types,
        digest=digest,
        nominatives=nominatives,
    )


def _declined_places(canonical: dict[str, tuple[str, str]]) -> dict[str, str]:
    """Add the Russian case forms of listed places to ``canonical``; return form -> nominative.

    Russian declines place names ("в Таразе", "из Кызылорды"), and a reader finds the place in
    any case; a listed spelling keeps its own entry when a case form of another coincides."""
    nominatives: dict[str, str] = {}
    for form, (kind, name) in list(canonical.items()):
        if kind != "place":
            continue
        for declined in place_case_forms(form):
            if declined not in canonical:
                canonical[declined] = (kind, name)
                nominatives[declined] = form
    return nominatives
