"""Settle the nominative of Russian person names that the name rules leave open or get wrong.

:func:`qantar.nlp.normalize.russian_names.normalize_people` folds names by their endings
alone. Two cases need the sentence, which the morphology tagger has read:

- A woman's name whose endings also read as a man's genitive ("Алия Садвакасова" may be the
  genitive of "Алий Садвакасов", "Алена Субботина" of "Ален Субботин"). Where the tagger reads
  every word of the name as feminine nominative and the surface is a woman's nominative, the
  surface is the name.
- A man's name whose surname is not of the -ов/-ин kind ("Айдоса Жаксылыка", "Самату Абишу").
  A Russian man's name that ends in a consonant declines as a noun (-а, -у, -ом, -е), both words
  alike, so where the first name is such a declined form the surname sheds the same ending.
"""

from __future__ import annotations

from dataclasses import replace

from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.extract.candidates import Candidate
from qantar.nlp.normalize.russian_names import nominative_name

_ENDINGS = ("ом", "а", "у", "е")
_VOWELS = set("аеёиоуыэюяь")
_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ин", "ын")


def _tokens(annotation: Annotation, c: Candidate) -> list[Token]:
    return [t for t in annotation.tokens if c.start <= t.start and t.end <= c.end]


def _feminine_nominative(words: list[str], tokens: list[Token]) -> bool:
    read = [t for t in tokens if t.text[:1].isupper()]
    return (
        len(read) == len(words)
        and all(t.feature("Gender") == "Fem" and t.feature("Case") == "Nom" for t in read)
        and nominative_name(words, "femn") == " ".join(words)
    )


def _masculine_declined(words: list[str], tokens: list[Token]) -> str:
    """The nominative of a two-word man's name declined as nouns, or "" when it is not one
    (a surname of the -ов/-ин kind is the name rules' to fold; the tagger may know a woman)."""
    first, surname = words
    if any(t.feature("Gender") == "Fem" for t in tokens):
        return ""
    given = nominative_name([first], "masc")
    ending = first[len(given) :] if first.startswith(given) else ""
    if ending not in _ENDINGS or not surname.endswith(ending):
        return ""
    stem = surname[: len(surname) - len(ending)]
    if len(stem) < 3 or stem[-1].lower() in _VOWELS or stem.endswith(_SURNAME_SUFFIXES):
        return ""
    return f"{given} {stem}"


def settle_nominatives(mentions: list[Candidate], annotation: Annotation) -> list[Candidate]:
    """Person mentions of a Russian text with the nominative the sentence settles."""
    if annotation.doc.language != "ru":
        return mentions
    settled = []
    for c in mentions:
        words = c.text.split()
        if c.kind != "person" or len(words) != 2 or not all(w[:1].isupper() for w in words):
            settled.append(c)
            continue
        tokens = _tokens(annotation, c)
        if c.normal and _feminine_nominative(words, tokens):
            rule_log.fired("names.russian_nominative")
            settled.append(replace(c, normal=""))
            continue
        if not c.normal or c.normal.split()[-1] == words[-1]:  # the surname left as read
            nominative = _masculine_declined(words, tokens)
            if nominative:
                rule_log.fired("names.russian_nominative")
                c = replace(c, normal=nominative)
        settled.append(c)
    return settled
