"""Collect every span that may name a person, organization or place, with its evidence.

Three kinds of evidence, from strongest to weakest: the gazetteer (a listed place or body),
the shape of a line or a name in context (a credit line "Photo by X Y", a byline, a name under
"Author:", "© AGENCY/X Y", a wire dateline "TARAZ, Kazakhstan --", a role in apposition
"X Y, a journalist", a pair of capitalised words ending in a surname suffix), and the
statistical NER. :mod:`qantar.nlp.extract.entities` decides between overlapping candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from qantar.nlp.annotate.types import Annotation
from qantar.nlp.lexicon import Lexicon
from qantar.nlp.normalize.russian_phrases import nominative_phrase

#: How much a candidate's origin is trusted when two candidates cover the same span.
#: A place named with its kind ("Almaty region", or "Almaty" of "the Almaty and Zhambyl regions")
#: outranks the gazetteer's bare "Almaty" at the same span: it says which place it is.
RANK = {
    "place-type": 5,
    "gazetteer": 4,
    "credit": 3,
    "apposition": 3,
    "acronym": 3,
    "domain": 3,
    "name-shape": 2,
    "description": 2,
    "ner": 1,
}
NER_KINDS = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "unknown",
}

_LOWER = "a-zа-яёәіңғүұқөһ"
_UPPER = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"
# A capitalised name word; an inner apostrophe is allowed (O'Neil) but not a possessive 's.
_WORD = rf"[{_UPPER}][{_LOWER}]+(?:['’](?!s\b)[{_LOWER}]+)?(?:-[{_UPPER}][{_LOWER}]+)?"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{1,2}}"
_CREDIT = re.compile(
    rf"(?:\b(?:[Pp]hoto|[Ii]mage|[Ww]ritten|[Rr]eported)\s+by|\bBy"
    rf"|\b(?:Photos?|Image|Author|Authors|Credit|Фото|Автор|Авторы|Текст)\s*:)\s+({_NAME})"
)
#: A byline at the start of a line, also in lower case: "by Marat Seitkali".
_BYLINE = re.compile(rf"[Bb]y\s+({_NAME})(?![\w-])")
#: A credit label alone on its line ("Author:", "Photo:"), the name on the next line.
_CREDIT_LABEL = re.compile(
    r"(?:by|written by|photos?(?: by)?|authors?|credit|text|автор|авторы|текст|фото)\s*:?\s*$",
    re.IGNORECASE,
)
_NAME_LINE = re.compile(rf"({_NAME})\s*[.,;]?\s*$")
#: An agency and a photographer in a credit: "© 2022 AGENCY/Name Surname", "Photo: Name / Agency".
_AGENCY = r"[A-ZА-ЯЁ][\w&.’'-]*(?:\s+[A-ZА-ЯЁ][\w&.’'-]*){0,3}"
_CREDIT_MARK = r"(?:©|\([Cc]\)|\b(?:Photo|Image|Credit|Фото)\s*:)\s*(?:\d{4}\s+)?"
_AGENCY_NAME = re.compile(rf"{_CREDIT_MARK}({_AGENCY})\s*/\s*({_NAME})(?![\w-])")
_NAME_AGENCY = re.compile(rf"{_CREDIT_MARK}({_NAME})\s*/\s*({_AGENCY})(?![\w-])")
#: A wire dateline: a place in capitals opens the line ("TARAZ, Kazakhstan --", "ASTANA. AGENCY –").
_DATELINE = re.compile(
    r"([A-ZА-ЯЁ][A-ZА-ЯЁ-]{3,}(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,})?)(?=,\s|\.\s|\s+\(|\s+[-–—]{1,2}\s)"
)
#: "X Y, a journalist," and "X Y, Kazakhstan's foreign minister,": an article or an owner.
_APPOSITION = re.compile(
    rf"({_NAME}),\s+(?:a|an|the|[{_UPPER}][\w-]*['’]s)\s+([^,.;:()“”\"]{{2,80}}?)(?=,|\.|;|\s*\(|\s+who\b|\s+and\b)"
)
_PAIR = re.compile(rf"(?<![\w-])(?=({_WORD})\s+({_WORD})(?![\w-]))")
_ACRONYM = re.compile(
    r"(?<![\w])([A-Z][\w’'.-]*(?:\s+(?:of|for|the|and|on|in|to|[A-Z][\w’'.-]*))*\s+[A-Z][\w’'.-]*)"
    r"\s+\(([A-Z][A-Z/]{1,7})\)"
)
#: A Russian acronym defined in brackets: "Комитета национальной безопасности (КНБ)".
_RU_ACRONYM = re.compile(r"\(([А-ЯЁ]{2,8})\)")
_RU_WORDS_BEFORE = re.compile(r"([А-ЯЁа-яё][А-ЯЁа-яё-]*)\s*$")
#: Words an acronym skips: "Организация Договора о коллективной безопасности" is ОДКБ.
_RU_SKIPPED = frozenset({"о", "об", "по", "и", "в", "на", "для", "при"})
#: Courts are named by a run of capitalised (or hyphenated) words ending in "Court".
_COURT = re.compile(
    r"(?<![\w-])((?:[A-Z][\w’'-]*|[A-Za-z]+-[a-z]+)(?:\s+(?:[A-Z][\w’'-]*|[A-Za-z]+-[a-z]+|of|for))*"
    r"\s+Court)\b"
)
#: Where a credit runs names together: " / ", " | ", "; ", and "AGENCY/Name" before a person's
#: first name (an acronym such as "RFE/RL" is not cut).
_SEPARATORS = re.compile(rf"\s+[/|]\s+|;\s+|/(?=[{_UPPER}][{_LOWER}])")


@dataclass(frozen=True)
class Candidate:
    """A span that may be an entity. ``kind`` is person, organization, place or unknown."""

    start: int
    end: int
    text: str
    kind: str
    origin: str
    canonical: str = ""
    normal: str = ""
    role: str = ""

    @property
    def rank(self) -> int:
        return RANK[self.origin]


def _ner_candidates(annotation: Annotation) -> list[Candidate]:
    """NER spans, split at credit separators ("Name / Agency") that the model runs together."""
    found = []
    text = annotation.doc.text
    for ent in annotation.entities:
        kind = NER_KINDS.get(ent.label)
        if kind is None:
            continue
        pieces, cursor = [], ent.start
        for sep in _SEPARATORS.finditer(text, ent.start, ent.end):
            pieces.append((cursor, sep.start()))
            cursor = sep.end()
        pieces.append((cursor, ent.end))
        for start, end in pieces:
            normal = ent.normal if (start, end) == (ent.start, ent.end) else ""
            found.append(Candidate(start, end, text[start:end], kind, "ner", normal=normal))
    return found


def _is_name_pair(first: str, second: str, lexicon: Lexicon) -> bool:
    return (
        first not in lexicon.not_first_names
        and second not in lexicon.not_first_names
        and lexicon.has_surname_ending(second)
    )


def _rule_candidates(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    text = annotation.doc.text
    found: list[Candidate] = []
    for index, paragraph in enumerate(annotation.paragraphs):
        a, b = paragraph.start, paragraph.end
        for hit in lexicon.find(text, a, b):
            found.append(
                Candidate(
                    hit.start,
                    hit.end,
                    hit.text,
                    hit.kind,
                    "gazetteer",
                    hit.canonical,
                    normal=hit.normal,
                )
            )
        for m in _CREDIT.finditer(text, a, b):
            found.append(Candidate(m.start(1), m.end(1), m.group(1), "person", "credit"))
        found.extend(_credit_lines(annotation, index, lexicon))
        if text[a:b].isupper():
            found.extend(_capitalised_line(text, a, b, lexicon))
        for m in _APPOSITION.finditer(text, a, b):
            role = m.group(2).strip()
            words = set(re.findall(r"[a-z-]+", role.lower()))
            if words & lexicon.role_nouns and m.group(1).split()[0] not in lexicon.not_first_names:
                found.append(
                    Candidate(m.start(1), m.end(1), m.group(1), "person", "apposition", role=role)
                )
        for m in _PAIR.finditer(text, a, b):  # a lookahead, so pairs may overlap
            if _is_name_pair(m.group(1), m.group(2), lexicon):
                start, end = m.start(1), m.end(2)
                found.append(Candidate(start, end, text[start:end], "person", "name-shape"))
        for m in _COURT.finditer(text, a, b):
            found.append(Candidate(m.start(1), m.end(1), m.group(1), "organization", "name-shape"))
        if annotation.doc.language == "ru":
            found.extend(_russian_acronyms(text, a, b, lexicon))
        for m in _ACRONYM.finditer(text, a, b):
            long_form, short = m.group(1), m.group(2)
            known = lexicon.lookup(long_form)
            initials = "".join(w[0] for w in long_form.split() if w[0].isupper())
            if known is None and initials.replace("-", "") != short.replace("/", ""):
                continue
            kind = known[0] if known else "organization"
            name = known[1] if known else long_form
            found.append(Candidate(m.start(1), m.end(1), long_form, kind, "acronym", name))
            found.append(Candidate(m.start(2), m.end(2), short, kind, "acronym", name))
    return found


def _credit_lines(annotation: Annotation, index: int, lexicon: Lexicon) -> Iterator[Candidate]:
    """Names that the shape of a header line gives: a byline opening the line ("by X Y"), a
    name under a credit label line ("Author:" then "X Y"), the agency and the photographer of a
    credit ("© AGENCY/X Y", "Photo: X Y / Agency") and a wire dateline ("TARAZ, Kazakhstan --")."""
    text = annotation.doc.text
    line = annotation.paragraphs[index]
    a, b = line.start, line.end
    if m := _BYLINE.match(text, a, b):
        yield Candidate(m.start(1), m.end(1), m.group(1), "person", "credit")
    if index and (m := _NAME_LINE.match(text, a, b)):
        previous = annotation.paragraphs[index - 1]
        if _CREDIT_LABEL.match(text, previous.start, previous.end):
            yield Candidate(m.start(1), m.end(1), m.group(1), "person", "credit")
    for pattern, kinds in (
        (_AGENCY_NAME, ("organization", "person")),
        (_NAME_AGENCY, ("person", "organization")),
    ):
        for m in pattern.finditer(text, a, b):
            for group, kind in enumerate(kinds, start=1):
                if kind == "organization" and m.group(group).split()[0] in lexicon.not_first_names:
                    continue
                yield Candidate(m.start(group), m.end(group), m.group(group), kind, "credit")
    body = text[a:b]
    if not body.isupper() and (m := _DATELINE.match(text, a, b)):
        listed = lexicon.lookup(m.group(1)) or lexicon.lookup(m.group(1).title())
        if listed is None or listed[0] == "place":
            name = listed[1] if listed else m.group(1).title()
            yield Candidate(m.start(1), m.end(1), m.group(1), "place", "credit", name)


def _capitalised_line(text: str, a: int, b: int, lexicon: Lexicon) -> Iterator[Candidate]:
    """Listed names in a line set in capitals: a section label ("RUSSIA / FSU POLITICS") or a
    headline names places and bodies as any line does; the gazetteer spells them in title case."""
    titled = text[a:b].title()
    if len(titled) != b - a:
        return
    for hit in lexicon.find(text[:a] + titled, a, b):
        yield Candidate(
            hit.start, hit.end, text[hit.start : hit.end], hit.kind, "gazetteer", hit.canonical
        )


def _russian_acronyms(text: str, a: int, b: int, lexicon: Lexicon) -> Iterator[Candidate]:
    """The long form and the acronym of each bracketed Russian acronym, as one organization.

    The long form is the shortest run of words before the bracket whose initials spell the
    acronym (prepositions skipped) and which starts with a capital, so the lower-case words
    before a name ("бывший председатель") are left out. Its nominative is the canonical name,
    or the gazetteer's name for it where the gazetteer lists it, so that the Russian long form
    is the same body as its English name ("Организация Договора о коллективной безопасности"
    is the CSTO).
    """
    for m in _RU_ACRONYM.finditer(text, a, b):
        acronym = m.group(1)
        words: list[tuple[int, str]] = []
        end = m.start()
        while len(words) < 10 and (w := _RU_WORDS_BEFORE.search(text, a, end)):
            words.insert(0, (w.start(1), w.group(1)))
            end = w.start(1)
            initials = "".join(word[0] for _, word in words if word.lower() not in _RU_SKIPPED)
            if initials.upper() == acronym and words[0][1][:1].isupper():
                start = words[0][0]
                long_form = text[start : m.start()].rstrip()
                name = nominative_phrase(long_form)
                listed = lexicon.lookup(name) or lexicon.lookup(long_form)
                canonical = listed[1] if listed else name
                yield Candidate(
                    start,
                    start + len(long_form),
                    long_form,
                    "organization",
                    "acronym",
                    canonical,
                    normal=name if name != long_form else "",
                )
                yield Candidate(m.start(1), m.end(1), acronym, "organization", "acronym", canonical)
                break
            if len(initials) > len(acronym):
                break


def collect_candidates(annotation: Annotation, lexicon: Lexicon) -> list[Candidate]:
    """All candidates of a document, unresolved and possibly overlapping."""
    return _ner_candidates(annotation) + _rule_candidates(annotation, lexicon)
