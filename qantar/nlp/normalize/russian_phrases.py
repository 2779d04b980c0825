"""Put a Russian organization name into the nominative: "Генеральной прокуратуры" is
"Генеральная прокуратура", "Комитета национальной безопасности" is "Комитет национальной
безопасности".

natasha inflects every word of a name on its own, so it turns the second example into
"Комитет национальная безопасность" and "Бюро по правам человека" into "Бюро по права человек".
In a Russian noun phrase only the head noun and the adjectives before it agree with the case
of the whole; the words after the head (a genitive, a preposition and its object) keep their
own case whatever the phrase's. So only the words up to the first noun are inflected, to the
case and number they share; the rest is left exactly as written.
"""

from __future__ import annotations

import re
from typing import Any

from pymorphy2.analyzer import Parse

from qantar.nlp.normalize.russian_names import morph_vocab

_WORD = re.compile(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ-]+")
_ADJECTIVE = {"ADJF", "PRTF"}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def _parses(word: str) -> list[Any]:
    return list(morph_vocab().parse(word))


def _readings(parses: list[Any], parts: set[str]) -> set[tuple[str, str]]:
    """(case, number) pairs the word can be read as within these parts of speech."""
    return {
        (str(p.tag.case), str(p.tag.number or "sing"))
        for p in parses
        if p.tag.POS in parts and p.tag.case in _CASES
    }


def _inflect(word: str, parts: set[str], case: str, number: str, gender: str | None) -> str:
    for parse in _parses(word):
        if parse.tag.POS not in parts or parse.tag.case != case:
            continue
        wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
        # pymorphy2's own inflect: natasha's override expects UD feature names instead.
        form = Parse.inflect(parse, wanted)
        if form is not None:
            return _like(form.word, word)
    return word


def _like(form: str, original: str) -> str:
    """``form`` written with ``original``'s capital and its е for ё."""
    if "ё" in form and "ё" not in original.lower():
        form = form.replace("ё", "е")
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


def _head(words: list[str]) -> int | None:
    """The head noun: the first word that can only be a noun, after words that can be
    adjectives ("Алматинского" may also be read as a surname, so such words count as
    adjectives while a noun follows); ``None`` when the phrase does not start that way."""
    nouns: list[int] = []
    for index, word in enumerate(words):
        if not _WORD.fullmatch(word):
            break
        parses = _parses(word)
        noun, adjective = bool(_readings(parses, {"NOUN"})), bool(_readings(parses, _ADJECTIVE))
        if noun and not adjective:
            return index
        if not adjective:
            break
        if noun:
            nouns.append(index)
    return nouns[-1] if nouns else None


def nominative_phrase(text: str) -> str:
    """``text`` with its head noun and the adjectives before it in the nominative.

    Names whose first words cannot be read as adjectives plus a noun sharing a case (an
    acronym, a foreign name, an indeclinable "Бюро") come back unchanged."""
    words = text.split(" ")
    head = _head(words)
    if head is None:
        return text
    shared = _readings(_parses(words[head]), {"NOUN"})
    for word in words[:head]:
        shared &= _readings(_parses(word), _ADJECTIVE)
    # Names of bodies are singular; "Министерства" is read as a genitive, not a plural.
    shared = {r for r in shared if r[1] == "sing"} or shared
    if not shared or any(case == "nomn" for case, _number in shared):
        return text  # already nominative (or no agreement to go by)
    case, number = sorted(shared, key=lambda reading: _CASES.index(reading[0]))[0]
    noun = next(p for p in _parses(words[head]) if p.tag.POS == "NOUN" and p.tag.case == case)
    gender = str(noun.tag.gender) if noun.tag.gender else None
    inflected = [_inflect(w, _ADJECTIVE, case, number, gender) for w in words[:head]]
    inflected.append(_inflect(words[head], {"NOUN"}, case, number, None))
    return " ".join(inflected + words[head + 1 :])
