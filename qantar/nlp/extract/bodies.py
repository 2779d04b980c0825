"""Bodies as the text names them: in lower case, by description, by address, joined to a place.

The statistical NER finds capitalised names of bodies; SCHEMA convention 2 counts more:

- A listed body in lower case ("the interior ministry", "мажилис", "генеральной прокуратуры")
  where the gazetteer entry says its lower-case spelling is a name (its ``lower`` list).
- A court described in full ("the specialised inter-district military court", "the
  inter-district criminal court of Astana", "специализированный межрайонный военный суд"),
  and a body a place names ("the Almaty regional police", "суд Жетысуской области").
- An outlet named by its address ("informkz.com").
- "X of (the) Y" is one body when Y is a place ("National Guard of the Republic of
  Kazakhstan"); Russian says it with the genitive ("Министерство обороны России",
  "Демократической партии Казахстана") or puts an acronym after ("БДИПЧ ОБСЕ").
- An acronym the text does not define in brackets still names the body whose long form in the
  same text it spells ("БДИПЧ" and "Бюро по демократическим институтам и правам человека").
"""

from __future__ import annotations

import re
from dataclasses import replace

from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.extract.candidates import Candidate
from qantar.nlp.extract.name_rules import lemma_set, name_rules, opens_name
from qantar.nlp.lexicon import Lexicon
from qantar.nlp.normalize.russian_phrases import nominative_phrase

#: Words an acronym skips: "Организация Договора о коллективной безопасности" is ОДКБ.
_SKIPPED = frozenset(
    {"о", "об", "по", "и", "в", "на", "для", "при", "of", "for", "and", "the", "on"}
)


def _normal(text: str, language: str) -> str:
    if language != "ru":
        return ""
    normal = nominative_phrase(text)
    return normal if normal != text else ""


def _lower_bodies(annotation: Annotation) -> list[Candidate]:
    """Listed bodies written in lower case, matched word by word (Russian by lemma)."""
    text, tokens = annotation.doc.text, annotation.tokens
    russian = annotation.doc.language == "ru"
    listed = name_rules().lower_bodies
    found = []
    for index in range(len(tokens)):
        for words, (kind, name) in listed.items():
            piece = tokens[index : index + len(words)]
            if len(piece) < len(words) or piece[-1].sentence != piece[0].sentence:
                continue
            seen = tuple(t.lemma if russian else t.text.lower() for t in piece)
            if seen == words:
                rule_log.fired("names.lower_body")
                surface = text[piece[0].start : piece[-1].end]
                found.append(
                    Candidate(
                        piece[0].start,
                        piece[-1].end,
                        surface,
                        kind,
                        "gazetteer",
                        name,
                        normal=_normal(surface, annotation.doc.language),
                    )
                )
    return found


def _english_courts(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """Courts described by two or more court words, or by one and the place they sit for."""
    text = annotation.doc.text
    words = "|".join(re.escape(w) for w in sorted(name_rules().court_words, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w-])((?:[A-Z][\w’'-]*[ \t]+){{0,3}}(?:(?i:{words})[ \t]+){{1,4}})"
        r"(?P<court>(?i:courts?))\b"
        r"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?P<place>(?:[A-Z][\w’'-]+[ \t]*){1,3}))?"
    )
    found = []
    for m in pattern.finditer(text):
        count = sum(w.lower() in name_rules().court_words for w in m.group(1).split())
        place = (m.group("place") or "").strip()
        end = m.start("place") + len(place) if place else m.end("court")
        if count >= 2 or place:
            rule_log.fired("names.court_description")
            found.append(
                Candidate(m.start(), end, text[m.start() : end], "organization", "description")
            )
    return found


def _english_bodies_of_places(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """ "the Almaty regional police", "the Zhetysu regional prosecutor's office"."""
    text = annotation.doc.text
    rules = name_rules()
    modifiers = "|".join(sorted(rules.place_modifiers, key=len, reverse=True))
    nouns = "|".join(re.escape(n) for n in rules.body_nouns)
    pattern = re.compile(rf"((?:[A-Z][\w’'-]*\s+){{1,3}})(?i:{modifiers})\s+(?i:{nouns})(?![\w-])")
    found = []
    for m in pattern.finditer(text):
        start = m.start(1)
        words = m.group(1).split()
        while words and not opens_name(words[0], lexicon):
            start = text.index(words[1], start) if len(words) > 1 else m.end(1)
            words = words[1:]
        last = next((t for t in annotation.tokens if t.end == m.end()), None)
        if last is not None and last.dep in ("compound", "amod", "nmod"):
            continue  # "the Almaty region police officers": officers, not a body
        if words:
            rule_log.fired("names.body_of_place")
            found.append(
                Candidate(start, m.end(), text[start : m.end()], "organization", "description")
            )
    return found


def _genitive_place(tokens: list[Token], at: int, lexicon: Lexicon) -> int:
    """Index after a place in the genitive starting at ``at`` ("Жамбылской области",
    "Шымкента", "Казахстана"), or ``at`` when there is none."""
    kinds = name_rules().ru_place_types
    end = at
    while end < len(tokens) and tokens[end].pos == "ADJ" and tokens[end].text[:1].isupper():
        end += 1
    if end > at and end < len(tokens) and tokens[end].lemma in kinds:
        return end + 1 if tokens[end].feature("Case") == "Gen" else at
    if end == at and at < len(tokens):
        token = tokens[at]
        listed = lexicon.lookup(token.text)
        place = token.pos == "PROPN" or bool(listed and listed[0] == "place")
        if token.text[:1].isupper() and place and token.feature("Case") == "Gen":
            return at + 1
    return at


def _complement(tokens: list[Token], at: int) -> int:
    """Index after a "по"-phrase that says what a body deals with ("по уголовным делам")."""
    if at >= len(tokens) or tokens[at].lemma != "по":
        return at
    end = at + 1
    while end < len(tokens) and tokens[end].pos == "ADJ":
        end += 1
    return end + 1 if end < len(tokens) and tokens[end].pos == "NOUN" else at


def _russian_bodies(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """A court or a body of a place: "специализированный межрайонный военный суд",
    "суд Жетысуской области", "Прокуратура Шымкента", "Енбекшинский районный суд Шымкента"."""
    text, tokens = annotation.doc.text, annotation.tokens
    rules = name_rules()
    found = []
    for index in range(len(tokens)):
        for noun in rules.ru_body_nouns:
            piece = tokens[index : index + len(noun)]
            if tuple(t.lemma for t in piece) != noun:
                continue
            first = index
            described = 0
            while first > 0 and tokens[first - 1].pos in ("ADJ", "VERB"):
                word = tokens[first - 1]
                court_word = bool(lemma_set(word.text) & rules.ru_court_words)
                if not court_word and not (word.pos == "ADJ" and word.text[:1].isupper()):
                    break
                described += 1 if court_word else 2
                first -= 1
            end = index + len(noun)
            place = _genitive_place(tokens, _complement(tokens, end), lexicon)
            if place == _complement(tokens, end):
                place = _genitive_place(tokens, end, lexicon)
            if place > end:
                end = place
            elif described < 2 or noun != ("суд",):
                continue
            rule_log.fired("names.court_description")
            surface = text[tokens[first].start : tokens[end - 1].end]
            found.append(
                Candidate(
                    tokens[first].start,
                    tokens[end - 1].end,
                    surface,
                    "organization",
                    "description",
                    normal=_normal(surface, "ru"),
                )
            )
            break
    return found


def _domains(annotation: Annotation) -> list[Candidate]:
    """Outlets named by their address: "informkz.com", "El.kz" (not inside a link or an email)."""
    text = annotation.doc.text
    endings = "|".join(name_rules().outlet_domains)
    pattern = re.compile(
        rf"(?<![\w@/.-])(?:www\.)?((?:[A-Za-z][\w-]*\.)+(?:{endings}))(?![\w@/-]|\.\w)",
        re.IGNORECASE,
    )
    found = []
    for m in pattern.finditer(text):
        rule_log.fired("names.outlet_domain")
        found.append(Candidate(m.start(1), m.end(1), m.group(1), "organization", "domain"))
    return found


def body_candidates(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """Every body this module reads from a document (see the module docstring)."""
    found = _lower_bodies(annotation) + _domains(annotation)
    if annotation.doc.language == "ru":
        return found + _russian_bodies(annotation, lexicon)
    return (
        found
        + _english_courts(annotation, lexicon)
        + _english_bodies_of_places(annotation, lexicon)
    )


_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_IN = re.compile(r"\s+in\s+(?:the\s+)?")


def _token_at(annotation: Annotation, offset: int) -> Token | None:
    return next((t for t in annotation.tokens if t.start == offset), None)


def _joined_to(body: Candidate, kept: list[Candidate], annotation: Annotation) -> Candidate | None:
    """The place (or, in Russian, the acronym of a body) that ``body``'s name goes on to name."""
    text = annotation.doc.text
    starts = {c.start: c for c in kept if c is not body}
    if annotation.doc.language == "ru":
        gap = re.match(r"[ \t]+", text[body.end :])
        following = starts.get(body.end + gap.end()) if gap else None
        if following is None:
            return None
        if following.kind == "organization" and following.text.isupper():
            return following
        token = _token_at(annotation, following.start)
        if following.kind == "place" and token is not None and token.feature("Case") == "Gen":
            return following
        return None
    joint = _OF.match(text, body.end)
    if joint is None and body.text.split()[-1] in name_rules().bodies_in:
        joint = _IN.match(text, body.end)
    following = starts.get(joint.end()) if joint else None
    return following if following is not None and following.kind == "place" else None


def join_bodies(kept: list[Candidate], annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """Bodies whose names go on to a place or an acronym, joined; the place stays a place.

    A body of the home country keeps its listed name ("Interior Ministry of Kazakhstan" is
    the Ministry of Internal Affairs); of another place it is another body ("Ministry of
    Internal Affairs of Kyrgyzstan")."""
    text = annotation.doc.text
    joined = []
    dropped: set[int] = set()
    for c in kept:
        if id(c) in dropped:
            continue
        if c.kind != "organization":
            joined.append(c)
            continue
        following = _joined_to(c, kept, annotation)
        if following is None:
            joined.append(c)
            continue
        rule_log.fired("names.body_joined")
        surface = text[c.start : following.end]
        normal = _normal(surface, annotation.doc.language)
        home = following.kind == "place" and following.canonical == lexicon.home_country
        canonical = c.canonical if home else ""
        joined.append(
            replace(c, end=following.end, text=surface, normal=normal, canonical=canonical)
        )
    return _acronyms(joined)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _SKIPPED).upper()


def _acronyms(kept: list[Candidate]) -> list[Candidate]:
    """An acronym without a listed or bracketed long form takes the long form in the same text
    whose initials it spells ("БДИПЧ ОБСЕ" is "Бюро по демократическим институтам и правам
    человека ОБСЕ"): both get the long form's name as their grouping key."""
    bodies = [c for c in kept if c.kind == "organization" and len(c.text.split()) > 2]
    result = []
    for c in kept:
        words = c.text.split()
        if c.kind != "organization" or c.canonical or not words or not words[0].isupper():
            result.append(c)
            continue
        acronym, rest = words[0], words[1:]
        match = next(
            (
                b
                for b in bodies
                if b.text.split()[len(b.text.split()) - len(rest) :] == rest
                and len(acronym) >= 3
                and _initials(b.text.split()[: len(b.text.split()) - len(rest)]) == acronym
            ),
            None,
        )
        if match is None:
            result.append(c)
            continue
        rule_log.fired("names.acronym_of_long_form")
        name = match.canonical or match.normal or match.text
        result.append(replace(c, canonical=name))
    named = {id(b): b for b in bodies}
    keys = {r.canonical for r in result if r.canonical}
    return [
        replace(r, canonical=r.normal or r.text)
        if id(r) in named and not r.canonical and (r.normal or r.text) in keys
        else r
        for r in result
    ]
