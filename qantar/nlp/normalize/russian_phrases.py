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


_EDGE_PUNCT = ",;:"


def _bare(word: str) -> str:
    return word.rstrip(_EDGE_PUNCT)


def _noun_cases(word: str) -> set[tuple[str, str]]:
    return _readings(_parses(_bare(word)), {"NOUN"}) if _WORD.fullmatch(_bare(word)) else set()


def nominative_charges(text: str) -> list[str]:
    """The offences of a charge phrase, each with its head in the nominative.

    A charge is governed by the words before it: "признан виновным в краже" (prepositional),
    "вменяли кражу" (accusative), "по делу о поджоге". The charge itself is the head noun
    phrase, so it is put in the nominative as a name of a body is (:func:`nominative_phrase`),
    and a participle agreeing with the head right after a comma follows it ("краже,
    совершённой ..." is "кража, совершённая ..."). Nouns joined by "и" in the head's own case
    and number are parallel charges ("в участии в беспорядках и хищении оружия" is two), while
    "и" between words of another case joins inside one ("в беспорядках и погромах")."""
    words = text.split(" ")
    head = _head([_bare(w) for w in words])
    if head is None:
        return [text]
    shared = _noun_cases(words[head])
    cuts = [0]
    for index in range(head + 2, len(words)):
        if words[index - 1] == "и" and _noun_cases(words[index]) & shared:
            cuts.append(index - 1)
    cuts.append(len(words))
    parts = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        chunk = words[start:end]
        if chunk and chunk[0] == "и":
            chunk = chunk[1:]
        if chunk:
            parts.append(_nominative_charge(chunk))
    return parts


def _nominative_charge(words: list[str]) -> str:
    bare = [_bare(w) for w in words]
    head = _head(bare)
    if head is None:
        return " ".join(words)
    nominative = nominative_phrase(" ".join(bare[: head + 1])).split(" ")
    if nominative == bare[: head + 1]:
        return " ".join(words)
    pairs = zip(nominative, words[: head + 1], bare[: head + 1], strict=True)
    out = [n + w[len(b) :] for n, w, b in pairs]
    rest = words[head + 1 :]
    if words[head].endswith(",") and rest:
        out.append(_agreeing_participle(words[head], nominative[-1], rest[0]))
        rest = rest[1:]
    return " ".join(out + rest)


def _agreeing_participle(head: str, nominative_head: str, word: str) -> str:
    """``word`` in the nominative when it is a participle agreeing with ``head``."""
    bare = _bare(word)
    cases = _noun_cases(head)
    for parse in _parses(bare):
        if parse.tag.POS != "PRTF" or (str(parse.tag.case), str(parse.tag.number)) not in cases:
            continue
        noun = next((p for p in _parses(nominative_head) if p.tag.POS == "NOUN"), None)
        gender = str(noun.tag.gender) if noun is not None and noun.tag.gender else None
        number = str(parse.tag.number)
        wanted = {"nomn", number} | ({gender} if gender and number == "sing" else set())
        form = Parse.inflect(parse, wanted)
        if form is not None:
            return _like(form.word, bare) + word[len(bare) :]
    return word
