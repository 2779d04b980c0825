"""Table-driven tests of the name rules: folding, surname shapes, coreference and roles.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from qantar.names import surname_matches
from qantar.nlp.lexicon import load_lexicon
from qantar.nlp.normalize.names import clean_name, same_name, skeleton
from qantar.nlp.normalize.spans import trim
from tests.nlp.helpers import extract, names

SAME_PERSON = [
    ("Karim Massimov", "Karim Masimov"),
    ("Karim Masimov", "Карим Масимов"),
    ("Kassym-Jomart Tokayev", "Касым-Жомарт Токаев"),
    ("Kassym-Jomart Tokayev", "Qasym-Jomart Tokaev"),
    ("Zhanbolat Mamay", "Жанболат Мамай"),
    ("Yermukhamet Yertysbayev", "Ермухамет Ертысбаев"),
    ("Nursultan Nazarbayev", "Нурсултан Назарбаев"),
    ("Dmitriy Medvedev", "Dmitri Medvedev"),
    ("Asylov", "Asilov"),
    ("the Tokayev's", "Tokayev"),
    ("“Masimov”", "Masimov"),
    # dzh, zh and j are one sound: Джаксыбеков in three spellings
    ("Dzhaksybekov", "Zhaksybekov"),
    ("Dzhaksybekov", "Jaksybekov"),
    ("Джаксыбеков", "Jaksybekov"),
    ("Dzhamilya Kasenova", "Jamilya Kasenova"),
]

DIFFERENT_PEOPLE = [
    ("Karim Masimov", "Karim Massimbekov"),
    ("Aigerim Tleuzhanova", "Aigerim Tleubayeva"),
    ("Nazarbayev", "Nurpeisov"),
    ("Almaty", "Aktau"),
    ("", ""),
]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_spellings_of_one_name_fold_together(left: str, right: str) -> None:
    assert same_name(left, right), (skeleton(left), skeleton(right))


@pytest.mark.parametrize(("left", "right"), DIFFERENT_PEOPLE)
def test_different_names_stay_apart(left: str, right: str) -> None:
    assert not same_name(left, right)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  the Supreme Court ", "Supreme Court"),
        ("«Ар.Рух.Хак»", "Ар.Рух.Хак"),
        ("Tokayev’s", "Tokayev"),
        ("Aigerim\n Tleuzhanova.", "Aigerim Tleuzhanova"),
    ],
)
def test_clean_name_keeps_the_alphabet(raw: str, clean: str) -> None:
    assert clean_name(raw) == clean


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Tleuzhanova", True),
        ("Nurpeisov", True),
        ("Sadykuly", True),
        ("Abenbekov", True),
        ("Ivanenko", True),
        ("Токаева", True),
        ("Ov", False),  # an ending alone is not a surname
        ("Almaty", False),
        ("Government", False),
    ],
)
def test_surname_endings(word: str, expected: bool) -> None:
    assert load_lexicon().has_surname_ending(word) is expected


@pytest.mark.parametrize(
    ("word", "full_names", "expected"),
    [
        ("Tleuzhanova", ["Aigerim Tleuzhanova"], True),
        ("Massimov", ["Karim Masimov"], True),
        ("Tokaev", ["Kassym-Jomart Tokayev"], True),
        ("Aigerim", ["Aigerim Tleuzhanova"], False),  # a first name is not a surname
        ("Mamay", ["Aigerim Tleuzhanova", "Zhanbolat Mamay"], True),
        ("Mamayev", ["Zhanbolat Mamay"], False),
        ("Nurpeisov", ["Nurlan Nurbekov"], False),
        ("Karim Masimov", ["Karim Masimov"], False),  # one word only
    ],
)
def test_surname_matches(word: str, full_names: list[str], expected: bool) -> None:
    assert surname_matches(word, full_names) is expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("say “Tokayev” now", (4, 13), "Tokayev"),
        ("the  Senate, ", (3, 12), "Senate"),
        ("(KNB)", (0, 5), "KNB"),
    ],
)
def test_trim_drops_spaces_quotes_and_brackets(
    text: str, span: tuple[int, int], expected: str
) -> None:
    start, end = trim(text, *span)
    assert text[start:end] == expected


PEOPLE_IN_TEXT = [
    (
        "Aigerim Tleuzhanova, a journalist from Almaty, was detained on Monday. "
        "Police said Tleuzhanova had attended a rally.",
        {"Aigerim Tleuzhanova"},
    ),
    (
        "Prosecutor General Berik Asylov said the case was closed. Asylov gave no details.",
        {"Berik Asylov"},
    ),
    (
        "The lawyer Yerlan Zhumabekov met his client Kalas Nurpeisov in Taldykorgan.",
        {"Yerlan Zhumabekov", "Kalas Nurpeisov"},
    ),
    (
        "In Zhanaozen, residents gathered outside the akimat on Sunday.",
        set(),
    ),
]


@pytest.mark.parametrize(("text", "people"), PEOPLE_IN_TEXT)
def test_people_with_within_document_coreference(text: str, people: set[str]) -> None:
    assert names(extract(text)["people"]) == people


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        ("Aigerim Tleuzhanova, a journalist, was detained.", "Aigerim Tleuzhanova", "journalist"),
        ("Prosecutor General Berik Asylov spoke.", "Berik Asylov", "Prosecutor General"),
    ],
)
def test_roles(text: str, person: str, role: str) -> None:
    [record] = [p for p in extract(text)["people"] if p["name"] == person]
    assert role.lower() in " ".join(record.get("roles") or []).lower()


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("Troops of the Collective Security Treaty Organization (CSTO) arrived.", "CSTO"),
        ("The National Security Committee (KNB) detained him.", "KNB"),
    ],
)
def test_acronyms_are_one_organization(text: str, organization: str) -> None:
    orgs = extract(text)["organizations"]
    assert len(orgs) == 1
    record = orgs[0]
    assert organization in {record["name"], *record["variants"]}, record


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Protesters gathered in Zhanaozen on January 2.", "Zhanaozen"),
        ("Shots were heard in Kostanay overnight.", "Kostanay"),
        ("Clashes broke out in Taldykorgan.", "Taldykorgan"),
    ],
)
def test_kazakh_places_are_places_not_people(text: str, place: str) -> None:
    record = extract(text)
    assert place in record["places"]
    assert place not in names(record["people"])
