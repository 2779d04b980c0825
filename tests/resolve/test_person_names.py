"""Name parts: given names, initials, surname, stem and gender, in both alphabets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.resolve.person_names import parse_person_name

# spelling -> (given, initials, surname, stem, gender)
CASES = [
    ("Karim Massimov", ("karim",), ("k",), "masimov", "masim", "m"),
    ("Карим Масимов", ("karim",), ("k",), "masimov", "masim", "m"),
    ("Мәсімов", (), (), "masimov", "masim", "m"),
    ("Kassym-Zhomart Tokayev", ("kasimjomart",), ("k",), "tokaev", "tokai", "m"),
    ("Қасым-Жомарт Тоқаев", ("kasimjomart",), ("k",), "tokaev", "tokai", "m"),
    ("Aigerim Tleuzhanova", ("aigerim",), ("a",), "tleujanova", "tleujan", "f"),
    ("Айгерим Тлеужан", ("aigerim",), ("a",), "tleujan", "tleujan", None),
    ("Калас Нурпеисову", ("kalas",), ("k",), "nurpeisov", "nurpeis", "m"),
    ("Нурпеисова", (), (), "nurpeisova", "nurpeis", None),  # a woman, or "of Nurpeisov"
    ("Nazarbayeva", (), (), "nazarbaeva", "nazarbai", "f"),  # in Latin only a woman
    ("K. Masimov", (), ("k",), "masimov", "masim", "m"),
    ("Масимов К.К.", (), ("k", "k"), "masimov", "masim", "m"),
    ("Масимов Карим Кажимканович", ("karim",), ("k",), "masimov", "masim", "m"),
    ("Карим Кажимканович Масимов", ("karim",), ("k",), "masimov", "masim", "m"),
    ("Zhan-Aidar Karmenov", ("janaidar",), ("j",), "karmenov", "karmen", "m"),
    ("Samat Abish", ("samat",), ("s",), "abish", "abish", None),
    ("Татьяна Чекрыгина", ("tatiana",), ("t",), "chekrigina", "chekrig", "f"),
    ("the Karim Masimov's", ("karim",), ("k",), "masimov", "masim", "m"),
]


@pytest.mark.parametrize(("text", "given_names", "initials", "surname", "stem", "gender"), CASES)
def test_parts(
    text: str,
    given_names: tuple[str, ...],
    initials: tuple[str, ...],
    surname: str,
    stem: str,
    gender: str | None,
) -> None:
    name = parse_person_name(text)
    assert name is not None
    assert (name.given, name.initials, name.surname, name.stem, name.gender) == (
        given_names,
        initials,
        surname,
        stem,
        gender,
    )


def test_two_bare_words_may_be_surname_first() -> None:
    name = parse_person_name("Masimov Karim")
    assert name is not None and name.swappable
    turned = name.swapped()
    assert turned is not None and (turned.given, turned.surname) == (("karim",), "masimov")
    assert parse_person_name("K. Masimov").swapped() is None  # type: ignore[union-attr]


def test_nothing_to_parse() -> None:
    assert parse_person_name("") is None
    assert parse_person_name("K.") is None
    assert parse_person_name("“ ”") is None


@given(st.text(max_size=40))
def test_any_text_parses_or_gives_none(text: str) -> None:
    name = parse_person_name(text)
    if name is not None:
        assert name.surname and name.key.endswith(name.surname)
