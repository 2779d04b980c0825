"""Table-driven tests of number words and digits, English and Russian.

Every example here was written for these tests.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.nlp.normalize.numbers import NUMBER_WORD_PATTERN, number_tables, parse_number

NUMBERS = [
    # (text, language, value)
    ("eight", "en", 8),
    ("Eight", "en", 8),
    ("sixteen", "en", 16),
    ("six", "en", 6),
    ("sixty", "en", 60),
    ("twenty-five", "en", 25),
    ("twenty five", "en", 25),
    ("one hundred and five", "en", 105),
    ("a hundred", "en", 100),
    ("a", "en", 1),
    ("an", "en", 1),
    ("one", "en", 1),
    ("a dozen", "en", 12),
    ("two dozen", "en", 24),
    ("three-and-a-half", "en", 3.5),
    ("two and a half", "en", 2.5),
    ("zero", "en", 0),
    ("8", "en", 8),
    ("1,200", "en", 1200),
    ("20,000", "en", 20000),
    ("20 000", "en", 20000),
    ("20\u00a0000", "ru", 20000),
    ("15.6", "en", 15.6),
    ("15,6", "ru", 15.6),
    ("1,200", "ru", 1200),
    ("восемь", "ru", 8),
    ("восьми", "ru", 8),
    ("восемью", "ru", 8),
    ("трём", "ru", 3),
    ("трем", "ru", 3),
    ("трёх", "ru", 3),
    ("тремя", "ru", 3),
    ("одного", "ru", 1),
    ("одну", "ru", 1),
    ("двух", "ru", 2),
    ("двумя", "ru", 2),
    ("четырёх", "ru", 4),
    ("четырем", "ru", 4),
    ("пятью", "ru", 5),
    ("одиннадцати", "ru", 11),
    ("двадцать", "ru", 20),
    ("двадцать пять", "ru", 25),
    ("двадцати пяти", "ru", 25),
    ("сорока", "ru", 40),
    ("девяноста", "ru", 90),
    ("ста двадцати", "ru", 120),
    ("двухсот пяти", "ru", 205),
    ("полтора", "ru", 1.5),
    ("полутора", "ru", 1.5),
    ("два с половиной", "ru", 2.5),
    ("ВОСЕМЬ", "ru", 8),
    ("eight", "ru", 8),  # words are read whatever the document's language
    ("восьми", "en", 8),
]

NOT_NUMBERS = [
    ("", "en"),
    ("   ", "en"),
    ("hello", "en"),
    ("years", "en"),
    ("five six", "en"),  # two numbers, not one
    ("twenty-one hundred", "en"),
    ("15,6", "en"),  # in English a comma separates thousands
    ("12,34,5", "en"),
    ("a year", "en"),
    ("семью", "ru"),  # "family", left out of the table on purpose
    ("лет", "ru"),
    ("8 лет", "ru"),
]


@pytest.mark.parametrize(("text", "language", "value"), NUMBERS)
def test_parse_number(text: str, language: str, value: float) -> None:
    assert parse_number(text, language) == pytest.approx(value)


@pytest.mark.parametrize(("text", "language"), NOT_NUMBERS)
def test_not_a_number(text: str, language: str) -> None:
    assert parse_number(text, language) is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("He was held for twenty-five days.", ["twenty-five"]),
        ("Of 20,000 people, 545 were charged.", ["20,000", "545"]),
        ("Осуждены двадцать пять человек из ста.", ["двадцать пять", "ста"]),
        ("Около трёх с половиной тысяч задержанных.", ["трёх с половиной"]),
        ("A dozen witnesses, sixteen lawyers.", ["A dozen", "sixteen"]),
        ("The sixteenth day; a man; one-off", ["one"]),
        ("version 1.2.3 and COVID19", []),
    ],
)
def test_number_word_pattern_finds_whole_numbers(sentence: str, found: list[str]) -> None:
    assert [m.group() for m in re.finditer(NUMBER_WORD_PATTERN, sentence)] == found


def test_pattern_has_no_groups_and_embeds() -> None:
    assert re.compile(NUMBER_WORD_PATTERN).groups == 0
    embedded = re.compile(rf"up to (?:{NUMBER_WORD_PATTERN}) people")
    assert embedded.search("Up To Twenty people") is None  # only the number part ignores case
    assert embedded.search("up to Twenty people")


def test_scale_table_is_loaded_for_later_figures() -> None:
    scale = number_tables().scale
    assert scale["million"] == scale["млн"] == 1_000_000
    assert scale["bn"] == scale["млрд"] == 1_000_000_000
    assert scale["тыс."] == 1000


_WORDS = sorted(number_tables().words) + ["and", "a", "half", "с", "половиной", "-", ",", "1,2"]


@given(st.text())
def test_any_text_never_crashes(text: str) -> None:
    value = parse_number(text, "ru")
    assert value is None or value >= 0


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5), st.sampled_from(["en", "ru"]))
def test_mixes_of_number_words_never_crash(words: list[str], language: str) -> None:
    text = " ".join(words)
    value = parse_number(text, language)
    assert value is None or value >= 0
    if value is not None:
        assert re.fullmatch(NUMBER_WORD_PATTERN, text) or text.lower() in ("a", "an")


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_round_trip(number: int) -> None:
    assert parse_number(str(number)) == number
    assert parse_number(f"{number:,}") == number
    assert parse_number(f"{number:,}".replace(",", " "), "ru") == number
