"""Decide what each name in a document is: a person, an organization or a place.

Candidates from :mod:`candidates` overlap and disagree ("Zhambyl" is a PERSON to spaCy and a
region to the gazetteer; "Masimov" is an ORG in one sentence and a PERSON in the next). The
rules here are general and run in this order:

1. Trim each span to the name; drop words that are peoples, events or platforms.
   In a line set in capitals or in headline title case a capital marks nothing, so a
   statistical-NER span there needs the same words capitalised in an ordinary line.
2. Keep the longest span at each place; for equal spans the stronger evidence wins.
3. A name that the document uses for a person elsewhere is that person everywhere
   (a one-word surname, or the same name under another label).
4. Every later bare surname of a person found in step 3 becomes a mention of that person,
   so quotes and roles can be tied to them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from qantar.model import Span
from qantar.names import surname_matches
from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.extract.bodies import body_candidates, join_bodies
from qantar.nlp.extract.candidates import Candidate, collect_candidates
from qantar.nlp.extract.name_rules import name_rules
from qantar.nlp.extract.name_spans import clean_span
from qantar.nlp.extract.place_names import inner_places, place_type_candidates
from qantar.nlp.extract.russian_people import settle_nominatives
from qantar.nlp.lexicon import Lexicon
from qantar.nlp.normalize.names import skeleton
from qantar.nlp.normalize.spans import trim, trim_body

_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәІіҢңҒғҮүҰұҚқӨөҺһ]")
_HAS_UPPER = re.compile(r"[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]")


#: A resolved mention is a candidate whose kind is decided: person, organization or place.
EntityMention = Candidate


#: Origins whose span is already the name as the text gives it (kind word included).
_AS_GIVEN = frozenset({"place-type", "description", "domain"})
#: Spans that are exactly a listed or given name, trimmed of punctuation only.
_EXACT = _AS_GIVEN | {"gazetteer"}
#: Origins that may name a body or place in lower case ("the interior ministry").
_LOWER_CASE = frozenset({"gazetteer", "description", "domain"})


def _clean(candidate: Candidate, text: str, lexicon: Lexicon) -> Candidate | None:
    if candidate.kind in ("person", "unknown") or candidate.origin in _EXACT:
        start, end = trim(text, candidate.start, candidate.end)
    else:
        start, end = trim_body(text, candidate.start, candidate.end)
    span = clean_span(text, start, end, candidate.kind, lexicon)
    if span is None:
        return None
    start, end, kind = span
    surface = text[start:end]
    normal = candidate.normal
    if (start, end) != (candidate.start, candidate.end) or surface.isupper():
        normal = ""  # an acronym does not decline; a cut span's nominative is not known
    if kind == "place" and candidate.canonical and surface.endswith(" " + candidate.canonical):
        normal = candidate.canonical  # "Republic of Kazakhstan" names Kazakhstan
    return replace(candidate, start=start, end=end, text=surface, kind=kind, normal=normal)


def _plausible(c: Candidate, lexicon: Lexicon, language: str) -> bool:
    if lexicon.is_not_name(c.text) or len(c.text.split()) > 8:
        return False
    # A listed site may start with a common noun ("аэропорт Алматы"); anything else is a name.
    if not _HAS_UPPER.match(c.text) and c.origin not in _LOWER_CASE:
        return False
    if c.kind == "person":
        words = c.text.split()
        return all(w[:1].isupper() for w in words) and not any(ch.isdigit() for ch in c.text)
    if c.kind == "organization" and c.text in lexicon.not_organizations:
        return False
    # In an English text, a Cyrillic word is only trusted when the gazetteer knows it.
    return not (language == "en" and _CYRILLIC.search(c.text) and c.origin != "gazetteer")


#: Short words a headline in title case may leave in lower case.
_TITLE_SMALL_WORDS = (
    "a an the of for in on at to by and or but nor as with from into onto over after amid "
    "about against before under upon than via vs"
)
_TITLE_SMALL = frozenset(_TITLE_SMALL_WORDS.split())
_WORDS = re.compile(r"[^\W\d_][\w’'-]*")


def _case_is_uninformative(line: str, language: str) -> bool:
    """Whether the line is set in capitals, or (in English) in headline title case, so that
    a capital letter does not mark a name: "THE DAY THE SQUARE FELL SILENT", "Court Jails Four
    Over Riots In Taraz". A list of names ("A B, C D") and a short line are not headlines."""
    words = _WORDS.findall(line)
    letters = [w for w in words if len(w) > 1]
    if len(letters) >= 2 and all(w.isupper() for w in letters):
        return True
    if language != "en" or _names_listed(line):
        return False
    content = [w for w in words if len(w) >= 4 and w.lower() not in _TITLE_SMALL]
    return len(content) >= 4 and all(w[0].isupper() for w in content)


def _names_listed(line: str) -> bool:
    """Whether a line is a list of names ("Aigerim Tleuzhanova, Vasily Sadykov and Samat
    Abish"): each item one to three capitalised words. A headline of several phrases
    ("Recusal Request, Nazarbayev's Nephew, and Internet Problems: ...") is not."""
    items = [i for i in re.split(r",\s*(?:and\s+)?|\s+and\s+", line.strip()) if i]
    return len(items) > 2 and all(
        1 <= len(i.split()) <= 3 and all(w[:1].isupper() for w in i.split()) for i in items
    )


def _headline_guesses(
    annotation: Annotation, candidates: list[Candidate], lexicon: Lexicon
) -> list[Candidate]:
    """Drop statistical-NER spans read in a line whose case says nothing (capitals, headline
    title case) unless the text writes the same words with a capital in an ordinary line too.
    Gazetteer names and names given by the shape of a line (credits, datelines) stay, and so do,
    in a title-case line, a name after a title ("President Charles Michel") and a name with an
    acronym in it ("EU Council"): capitals mean something there still."""
    text = annotation.doc.text
    shouting = [
        p
        for p in annotation.paragraphs
        if _case_is_uninformative(p.slice(text), annotation.doc.language)
    ]
    if not shouting:
        return candidates
    plain = list(text)
    for p in shouting:
        plain[p.start : p.end] = " " * (p.end - p.start)
    ordinary = "".join(plain)

    def supported(c: Candidate) -> bool:
        pattern = re.compile(rf"(?<![\w-]){re.escape(c.text)}(?![\w-])", re.IGNORECASE)
        return any(m.group(0)[:1].isupper() for m in pattern.finditer(ordinary))

    titles = tuple(t.casefold() for t in lexicon.titles)

    def marked(c: Candidate, line: Span) -> bool:
        if text[line.start : line.end].isupper():
            return False
        if any(len(w) > 1 and w.isupper() for w in c.text.split()):
            return True
        before = text[line.start : c.start].rstrip().casefold()
        return c.kind == "person" and before.endswith(titles)

    def guessed(c: Candidate) -> bool:
        line = next((p for p in shouting if p.start <= c.start < p.end), None)
        return c.origin == "ner" and line is not None and not marked(c, line)

    return [c for c in candidates if not guessed(c) or supported(c)]


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest span first, stronger evidence first among equals; no two kept spans overlap."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rank, c.start))
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    normals = {(c.start, c.end): c.normal for c in candidates if c.normal}
    for c in ordered:
        if any(c.start < b and a < c.end for a, b in taken):
            continue
        if not c.normal and (c.start, c.end) in normals:  # the annotator's nominative survives
            c = replace(c, normal=normals[(c.start, c.end)])
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _person_names(kept: list[Candidate], lexicon: Lexicon) -> list[str]:
    """Names the document gives people: multi-word names, and single words that look like one."""
    ner_single = Counter(c.text for c in kept if c.kind == "person" and " " not in c.text)
    names = [c.text for c in kept if c.kind == "person" and " " in c.text]
    for word, count in ner_single.items():
        if count > 1 or lexicon.has_surname_ending(word) or surname_matches(word, names):
            names.append(word)
    return names


def _names_person(c: Candidate, names: list[str], lexicon: Lexicon) -> bool:
    """Whether the document elsewhere uses this span's words as a person's name."""
    if c.kind == "person" and " " in c.text:
        return True
    key = skeleton(c.text)
    if any(key == skeleton(n) for n in names) or surname_matches(c.text, names):
        return True
    words = c.text.split()
    # "Kassym-Jomart Tokayev" tagged ORG, where "Tokayev" is a person: a name-shaped span.
    return (
        1 < len(words) <= 3
        and words[0] not in lexicon.not_first_names
        and lexicon.lookup(c.text) is None
        and surname_matches(words[-1], names)
    )


def _is_site(c: Candidate) -> bool:
    """A name the NER took for a body or a person that a site word heads ("Monument of
    Independence")."""
    words = c.text.split()
    sites = name_rules().site_words
    return c.origin == "ner" and len(words) > 1 and (words[0] in sites or words[-1] in sites)


def _resolve_kinds(kept: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    names = _person_names(kept, lexicon)
    resolved = []
    for c in kept:
        if c.origin in ("gazetteer", "acronym") or c.origin in _AS_GIVEN:
            resolved.append(c)
            continue
        if c.kind != "place" and _is_site(c):
            rule_log.fired("names.site")
            resolved.append(replace(c, kind="place"))
            continue
        if _names_person(c, names, lexicon):
            resolved.append(replace(c, kind="person"))
            continue
        if c.kind == "person" and " " not in c.text:
            continue  # a lone capitalised word with nothing to say it is a person
        # A declined name ("Кызылорде") is listed under its nominative, which the annotator gives.
        listed = lexicon.lookup(c.text) or (lexicon.lookup(c.normal) if c.normal else None)
        if listed and c.kind != "person":
            resolved.append(replace(c, kind=listed[0], canonical=listed[1]))
        elif c.kind != "unknown":
            resolved.append(c)
    return resolved


_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _coordinated_people(mentions: list[Candidate], text: str, lexicon: Lexicon) -> list[Candidate]:
    """A name-shaped span the NER took for a body or a place, listed next to a person
    ("Agybai Mukhanbet, Yesken Ramila, and ..."), is a person too: a list holds one kind."""
    result = list(mentions)
    for index, c in enumerate(mentions):
        words = c.text.split()
        if (
            c.origin != "ner"
            or c.kind not in ("organization", "place")
            or c.canonical
            or not 2 <= len(words) <= 3
            or not all(w[:1].isupper() and w.isalpha() for w in words)
            or words[0] in lexicon.not_first_names
            or lexicon.lookup(c.text) is not None
        ):
            continue
        chain = _coordinated(mentions, index, text)
        listed = len(chain) >= 3 or any("and" in separator for _, separator in chain)
        if listed and any(m.kind == "person" and " " in m.text for m, _ in chain):
            rule_log.fired("names.coordinated_person")
            result[index] = replace(c, kind="person")
    return result


def _coordinated(mentions: list[Candidate], index: int, text: str) -> list[tuple[Candidate, str]]:
    """The mentions listed with ``mentions[index]`` ("A, B and C"), each with the separator
    before it. An apposition ("the head of the X, Y Z said") is two with a bare comma."""
    chain = [(mentions[index], "")]
    at = index
    while at > 0:
        gap = _COORDINATION.fullmatch(text[mentions[at - 1].end : mentions[at].start])
        if gap is None:
            break
        chain[0] = (chain[0][0], gap.group(0))
        chain.insert(0, (mentions[at - 1], ""))
        at -= 1
    at = index
    while at + 1 < len(mentions):
        gap = _COORDINATION.fullmatch(text[mentions[at].end : mentions[at + 1].start])
        if gap is None:
            break
        chain.append((mentions[at + 1], gap.group(0)))
        at += 1
    return chain


def _single_word_orgs(mentions: list[Candidate]) -> list[Candidate]:
    """A one-word organization needs some sign that it is a name and not a common word."""
    counts = Counter(c.text for c in mentions if c.kind == "organization")

    def named(c: Candidate) -> bool:
        word = c.text
        return (
            " " in word
            or bool(c.canonical)
            or word.isupper()
            or "." in word
            or "/" in word
            or any(ch.isupper() for ch in word[1:])
            or counts[word] > 1
        )

    return [c for c in mentions if c.kind != "organization" or named(c)]


def _surname_mentions(annotation: Annotation, kept: list[Candidate]) -> list[Candidate]:
    """Bare surnames of people already found, where no other mention covers them."""
    text = annotation.doc.text
    people = {c.text.split()[-1] for c in kept if c.kind == "person"}
    taken = [(c.start, c.end) for c in kept]
    extra = []
    for surname in sorted(people):
        pattern = re.compile(rf"(?<![\w-]){re.escape(surname)}(?![\w-])")
        for paragraph in annotation.paragraphs:
            for m in pattern.finditer(text, paragraph.start, paragraph.end):
                if not any(m.start() < b and a < m.end() for a, b in taken):
                    extra.append(Candidate(m.start(), m.end(), surname, "person", "ner"))
                    taken.append((m.start(), m.end()))
    return extra


def find_entities(annotation: Annotation, lexicon: Lexicon) -> list[EntityMention]:
    """Every person, organization and place mention of a document, sorted by position."""
    text = annotation.doc.text
    found = (
        collect_candidates(annotation, lexicon)
        + place_type_candidates(annotation, lexicon)
        + body_candidates(annotation, lexicon)
    )
    cleaned = [c2 for c in found if (c2 := _clean(c, text, lexicon))]
    plausible = [c for c in cleaned if _plausible(c, lexicon, annotation.doc.language)]
    plausible = _headline_guesses(annotation, plausible, lexicon)
    selected = join_bodies(_select(plausible), annotation, lexicon)
    spans = {(c.start, c.end) for c in selected}
    inside = inner_places(selected, plausible, text, lexicon)
    inner = [c for c in inside if (c.start, c.end) not in spans]
    kept = _resolve_kinds(sorted(selected + inner, key=lambda c: c.start), lexicon)
    kept = _single_word_orgs(_coordinated_people(kept, text, lexicon))
    kept = settle_nominatives(kept, annotation)
    kept = sorted(kept + _surname_mentions(annotation, kept), key=lambda c: c.start)
    return [c for c in kept if c.kind in ("person", "organization", "place")]


def fold(name: str) -> str:
    """Grouping key for organization and place names."""
    return skeleton(name)
