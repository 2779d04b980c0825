"""Places as the text names them: "Karaganda region", the regions of a list, places inside names.

SCHEMA convention 2 records a region or district with the word that says what it is
("Aktobe region", "Munaily district"; "Алматинская область" in the nominative), and a place
named inside a body's name counts too ("Almaty City Court" names Almaty). Three constructions:

1. A run of proper nouns (in Russian, capitalised adjectives) before a kind-of-place word is
   one place with that word.
2. Before the plural of such a word, a list names one place per item ("the Almaty, Zhambyl and
   East Kazakhstan regions"; "Алматинская и Жамбылская области"), and a compass word may share
   the rest of the next item ("West and East Kazakhstan regions").
3. Inside a body's name, a place candidate that lost to the longer name is kept as a place,
   and so are the proper nouns before a word such as "City" or "regional"
   ("Karasai District Court" names Karasai). A place named so after the text has named its
   region ("Almaty Regional Court" beside "the Almaty region") is that region.

Items of a list carry their full name in ``normal`` and in ``canonical`` (the grouping key), so
that "Almaty" of "the Almaty and Zhambyl regions" is not grouped with the city of Almaty.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pymorphy2.analyzer import Parse

from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.extract.candidates import Candidate
from qantar.nlp.extract.name_rules import name_rules, opens_name
from qantar.nlp.lexicon import Lexicon
from qantar.nlp.normalize.names import skeleton
from qantar.nlp.normalize.russian_names import morph_vocab
from qantar.nlp.normalize.russian_phrases import nominative_phrase

ORIGIN = "place-type"


def _proper(token: Token) -> bool:
    return token.pos == "PROPN" and token.text[:1].isupper()


def _run_before(tokens: list[Token], end: int, lexicon: Lexicon, limit: int = 3) -> int:
    """Index of the first token of the proper-noun run ending before ``end`` (``end`` if none).

    Leading words that never open a name ("The", "Former") are left out; a compass word stays
    ("East Kazakhstan")."""
    start = end
    sentence = tokens[end].sentence if end < len(tokens) else -1
    while start > 0 and end - start < limit:
        token = tokens[start - 1]
        if token.sentence != sentence or not _proper(token):
            break
        start -= 1
    while start < end and not opens_name(tokens[start].text, lexicon):
        start += 1
    return start


def _candidate(text: str, start: int, end: int, normal: str = "", key: str = "") -> Candidate:
    return Candidate(start, end, text[start:end], "place", ORIGIN, key, normal=normal)


def _english(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    text, tokens = annotation.doc.text, annotation.tokens
    rules = name_rules()
    plurals = rules.plurals
    found: list[Candidate] = []
    for index, token in enumerate(tokens):
        word = token.text.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            following is not None
            and following.sentence == token.sentence
            and following.text[:1].isupper()
            and following.pos in ("PROPN", "NOUN")
        ):
            continue  # "Karasai District Court": a word inside a body's name
        if word in rules.place_types:
            start = _run_before(tokens, index, lexicon)
            if start < index:
                rule_log.fired("names.place_types.after_name")
                found.append(_candidate(text, tokens[start].start, token.end))
        elif word in plurals:
            found.extend(_english_list(annotation, index, plurals[word], lexicon))
    return found


def _english_list(
    annotation: Annotation, index: int, singular: str, lexicon: Lexicon
) -> list[Candidate]:
    """The items of "A, B and C regions", each with its own place word."""
    text, tokens = annotation.doc.text, annotation.tokens
    runs: list[tuple[int, int]] = []
    end = index
    while True:
        start = _run_before(tokens, end, lexicon)
        if start == end:
            break
        runs.insert(0, (start, end))
        back = start  # the separators before the run: "," / "and" / ", and"
        while (
            back > 0
            and tokens[back - 1].text in (",", "and")
            and tokens[back - 1].sentence == tokens[start].sentence
        ):
            back -= 1
        if back == start:
            break
        end = back
    if not runs:
        return []
    rule_log.fired("names.place_types.plural_list")
    compass = name_rules().compass_words
    found = []
    for number, (a, b) in enumerate(runs):
        words = [t.text for t in tokens[a:b]]
        if len(words) == 1 and words[0] in compass and number + 1 < len(runs):
            following = [t.text for t in tokens[runs[number + 1][0] : runs[number + 1][1]]]
            if following[0] in compass and len(following) > 1:
                words += following[1:]  # "West and East Kazakhstan": West Kazakhstan
        name = " ".join(words + [singular])
        found.append(_candidate(text, tokens[a].start, tokens[b - 1].end, name, name))
    return found


def _russian(annotation: Annotation) -> list[Candidate]:
    """Capitalised adjectives before "область"/"район": one place, or one per listed
    adjective before the plural ("Алматинская, Жамбылская и Атырауская области")."""
    text, tokens = annotation.doc.text, annotation.tokens
    kinds = name_rules().ru_place_types
    found: list[Candidate] = []
    for index, token in enumerate(tokens):
        if token.lemma not in kinds or not token.text[:1].islower():
            continue
        adjectives: list[Token] = []
        at = index - 1
        while at >= 0 and tokens[at].sentence == token.sentence:
            candidate = tokens[at]
            if candidate.pos in ("ADJ", "PROPN") and candidate.text[:1].isupper():
                adjectives.insert(0, candidate)
                at -= 1
            elif candidate.text in (",", "и") and adjectives and token.feature("Number") == "Plur":
                at -= 1
            else:
                break
        if not adjectives:
            continue
        rule_log.fired("names.place_types.russian")
        if token.feature("Number") != "Plur":
            first = adjectives[-1]
            phrase = text[first.start : token.end]
            normal = nominative_phrase(phrase)
            normal = normal if normal != phrase else ""
            found.append(_candidate(text, first.start, token.end, normal))
            continue
        for adjective in adjectives:
            name = f"{_nominative_adjective(adjective.text, token.lemma)} {token.lemma}"
            end = token.end if adjective is adjectives[-1] else adjective.end
            found.append(_candidate(text, adjective.start, end, name, name))
    return found


def _nominative_adjective(word: str, noun: str) -> str:
    """``word`` in the nominative singular, agreeing with ``noun``'s gender."""
    gender = next(
        (str(p.tag.gender) for p in morph_vocab().parse(noun) if p.tag.POS == "NOUN"), "femn"
    )
    for parse in morph_vocab().parse(word):
        if parse.tag.POS in ("ADJF", "PRTF"):
            form = Parse.inflect(parse, {"nomn", "sing", gender})
            if form is not None:
                parts = zip(form.word.split("-"), word.split("-"), strict=False)
                return "-".join(p[:1].upper() + p[1:] if w[:1].isupper() else p for p, w in parts)
    return word


def place_type_candidates(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """Places named with their kind ("Munaily district", "Алматинская область")."""
    if annotation.doc.language == "ru":
        return _russian(annotation)
    return _english(annotation, lexicon)


_MODIFIED = re.compile(r"((?:[A-Z][\w’'-]*\s+){1,3}?)(\w+)(?=\s)")


def inner_places(
    kept: list[Candidate], pool: list[Candidate], text: str, lexicon: Lexicon
) -> list[Candidate]:
    """Places named inside the names of bodies kept in ``kept`` (see the module's rule 3)."""
    regions = {
        skeleton(c.canonical or c.normal or c.text)
        for c in kept
        if c.kind == "place" and c.origin == ORIGIN
    }
    modifiers = name_rules().place_modifiers
    found: list[Candidate] = []
    for body in (c for c in kept if c.kind == "organization"):
        taken: list[tuple[int, int]] = []
        inside = [
            c
            for c in pool
            if c.kind == "place" and body.start <= c.start and c.end <= body.end and c != body
        ]
        for c in sorted(inside, key=lambda c: (-(c.end - c.start), -c.rank)):
            if not any(c.start < b and a < c.end for a, b in taken):
                taken.append((c.start, c.end))
                found.append(c)
        for m in _MODIFIED.finditer(text, body.start, body.end):
            if m.group(2).lower() not in modifiers:
                continue
            name = m.group(1).strip()
            start = m.start(1)
            end = start + len(name)
            words = name.split()
            if not words or not opens_name(words[0], lexicon):
                continue
            if not any(start < b and a < end for a, b in taken):
                taken.append((start, end))
                listed = lexicon.lookup(name)
                found.append(
                    Candidate(start, end, name, "place", "name-shape", listed[1] if listed else "")
                )
        for c in found:
            if c.start < body.start or c.end > body.end:
                continue
            after = text[c.end : body.end].split(" ", 2)
            modifier = after[1].lower() if len(after) > 1 else ""
            region = f"{c.text} region"
            if modifier in ("regional", "region", "oblast") and skeleton(region) in regions:
                rule_log.fired("names.place_in_body")
                found[found.index(c)] = replace(c, canonical=region, normal=region)
    return found
