"""The word lists that say how places and bodies are named, read once from ``names.yml`` and
``gazetteer.yml``.

:class:`qantar.nlp.lexicon.Lexicon` holds the lists every stage needs (the gazetteer, titles,
surname endings); these are the ones only the name readers of this package use: the kind-of-place
words ("region", "область"), the bodies a place names in lower case, the words that describe a
court, and the gazetteer spellings that count in lower case. Russian entries are compared by
lemma, so each is kept as the tuple of its words' lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qantar.nlp import rule_log
from qantar.nlp.lexicon import Lexicon, read_patterns
from qantar.nlp.normalize.russian_names import morph_vocab


@dataclass(frozen=True)
class NameRules:
    """Word lists for reading names of places and bodies (see ``names.yml``)."""

    place_types: dict[str, str]  # English singular -> plural
    ru_place_types: frozenset[str]  # lemmas
    compass_words: frozenset[str]
    place_modifiers: frozenset[str]  # lower case
    body_nouns: tuple[str, ...]  # English, lower case, longest first
    ru_body_nouns: tuple[tuple[str, ...], ...]  # lemma sequences, longest first
    court_words: frozenset[str]
    ru_court_words: frozenset[str]  # lemmas
    bodies_in: frozenset[str]
    outlet_domains: tuple[str, ...]
    lower_bodies: dict[tuple[str, ...], tuple[str, str]]  # word lemmas -> (kind, canonical)
    site_words: frozenset[str]

    @property
    def plurals(self) -> dict[str, str]:
        """English plural -> singular ("regions" -> "region")."""
        return {plural: singular for singular, plural in self.place_types.items()}


def lemma(word: str) -> str:
    """The dictionary form of a Russian word (any other word in lower case)."""
    parses = morph_vocab().parse(word.lower())
    return str(parses[0].normal_form) if parses else word.lower()


@cache
def lemma_set(word: str) -> frozenset[str]:
    """Every dictionary form a word may have: a participle used as an adjective
    ("специализированный") is its own lemma under one reading and the verb's under another."""
    parses = morph_vocab().parse(word.lower())
    return frozenset({str(p.normal_form) for p in parses} | {word.lower()})


def lemmas(phrase: str) -> tuple[str, ...]:
    """The lemma of every word of a phrase."""
    return tuple(lemma(w) for w in phrase.split())


def _lower_bodies() -> dict[tuple[str, ...], tuple[str, str]]:
    """Spellings of listed bodies that count in lower case (an entry's ``lower`` list):
    "interior ministry", "мажилис", "генеральная прокуратура" (by lemma, so every case form
    is found: "генеральной прокуратуры")."""
    found: dict[tuple[str, ...], tuple[str, str]] = {}
    for entry in read_patterns("gazetteer.yml").get("organizations", []):
        for form in entry.get("lower", []):
            found.setdefault(lemmas(str(form)), ("organization", str(entry["name"])))
    return found


def opens_name(word: str, lexicon: Lexicon) -> bool:
    """Whether a capitalised word may open the name of a place or body: not a word that never
    opens a person's name ("The", "Former", "Police"), unless it is itself a listed place
    ("Almaty") or a compass word ("East Kazakhstan")."""
    if word not in lexicon.not_first_names:
        return True
    listed = lexicon.lookup(word)
    return bool(listed and listed[0] == "place") or word in name_rules().compass_words


#: Constructions in code that ``qantar eval --rules`` counts.
RULES = (
    "names.place_types.after_name",
    "names.place_types.plural_list",
    "names.place_types.russian",
    "names.place_in_body",
    "names.body_of_place",
    "names.body_joined",
    "names.court_description",
    "names.lower_body",
    "names.outlet_domain",
    "names.acronym_of_long_form",
    "names.title_trimmed",
    "names.russian_nominative",
    "names.site",
    "names.coordinated_person",
)
for _rule in RULES:
    rule_log.declare(_rule)


@cache
def name_rules() -> NameRules:
    """Load the lists once per process."""
    names = read_patterns("names.yml")
    types = names.get("place_types", {})
    body = names.get("body_nouns", {})
    court = names.get("court_words", {})
    return NameRules(
        place_types={str(k): str(v) for k, v in types.get("en", {}).items()},
        ru_place_types=frozenset(map(str, types.get("ru", []))),
        compass_words=frozenset(map(str, names.get("compass_words", []))),
        place_modifiers=frozenset(str(w).lower() for w in names.get("place_modifiers", [])),
        body_nouns=tuple(sorted({str(w).lower() for w in body.get("en", [])}, key=len)[::-1]),
        ru_body_nouns=tuple(
            sorted({lemmas(str(w)) for w in body.get("ru", [])}, key=len, reverse=True)
        ),
        court_words=frozenset(str(w).lower() for w in court.get("en", [])),
        ru_court_words=frozenset(form for w in court.get("ru", []) for form in lemma_set(str(w))),
        bodies_in=frozenset(map(str, names.get("bodies_in", []))),
        outlet_domains=tuple(map(str, names.get("outlet_domains", []))),
        lower_bodies=_lower_bodies(),
        site_words=frozenset(map(str, names.get("site_words", []))),
    )
