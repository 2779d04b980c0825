"""Table-driven tests of number and range parsing with hedges, scales and currencies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.nlp.normalize.quantities import find_quantities

# (text, value, qualifier, currency) for the first quantity in the text
ROWS = [
    ("238 people died", 238, None, None),
    ("20,000 bandits", 20000, None, None),
    ("more than 4,500 people", 4500, "more than", None),
    ("More than 349 people", 349, "more than", None),
    ("nearly 10,000 people", 10000, "nearly", None),
    ("almost 300 detainees", 300, "almost", None),
    ("at least 238 dead", 238, "at least", None),
    ("up to $46mn in funds", 46_000_000, "up to", "USD"),
    ("some 227 people", 227, "some", None),
    ("about 1,500 protesters", 1500, "about", None),
    ("around 70 cases", 70, "around", None),
    ("over 2,000 soldiers", 2000, "over", None),
    ("a little more than $200", 200, "a little more than", "USD"),
    ("fewer than 50 people", 50, "fewer than", None),
    ("$2-3bn in damage", (2e9, 3e9), None, "USD"),
    ("between 2 and 3 billion dollars", (2e9, 3e9), None, "USD"),
    ("from 20 to 40 people", (20, 40), None, None),
    ("4,000–5,000 people", (4000, 5000), None, None),
    ("$46mn", 46_000_000, None, "USD"),
    ("$1.5 billion", 1.5e9, None, "USD"),
    ("209 million dollars", 209_000_000, None, "USD"),
    ("1.1bn tenge", 1.1e9, None, "KZT"),
    ("3.5 million people", 3_500_000, None, None),
    ("two children", 2, None, None),
    ("nineteen officers", 19, None, None),
    ("twenty-five cases", 25, None, None),
    ("ten thousand people", 10000, None, None),
    ("12 thousand people", 12000, None, None),
    ("20 000 people", 20000, None, None),
    ("погибли 238 человек", 238, None, None),
    ("более 4,5 тысячи человек", 4500, "более", None),
    ("свыше 10 тысяч задержанных", 10000, "свыше", None),
    ("около 300 человек", 300, "около", None),
    ("почти 10 000 человек", 10000, "почти", None),
    ("не менее 19 сотрудников", 19, "не менее", None),
    ("209 млн долларов", 209_000_000, None, "USD"),
    ("2 млрд тенге", 2e9, None, "KZT"),
    ("от 2 до 3 млрд долларов", (2e9, 3e9), None, "USD"),
    ("двадцати пяти участников", 25, None, None),
    ("пятерым обвиняемым", 5, None, None),
    ("семь человек", 7, None, None),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "currency"), ROWS)
def test_quantities(
    text: str, value: float | tuple[float, float], qualifier: str | None, currency: str | None
) -> None:
    language = "ru" if any("а" <= ch.lower() <= "я" for ch in text) else "en"
    first = find_quantities(text, language)[0]
    assert (first.value, first.qualifier, first.currency) == (value, qualifier, currency)


@pytest.mark.parametrize(
    "text",
    ["the 30th anniversary", "in 2nd place", "no numbers here", "version 2.0beta"],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_two_numbers_joined_by_and_are_not_a_range() -> None:
    found = find_quantities("45 cases concerned terrorism, 36 – mass unrest and 15 – murder")
    assert [q.value for q in found] == [45, 36, 15]


@given(st.text(max_size=300), st.sampled_from(["en", "ru"]))
def test_any_text_gives_well_formed_quantities(text: str, language: str) -> None:
    last_end = 0
    for q in find_quantities(text, language):
        assert 0 <= q.start <= q.number_start < q.end <= len(text)
        assert q.start >= last_end
        assert q.text == text[q.start : q.end]
        if isinstance(q.value, tuple):
            assert q.value[0] < q.value[1]
        last_end = q.end
