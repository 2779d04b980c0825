"""dzh, zh and j spell one sound: a name written Dzh- in one outlet, Zh- or J- in another and
Дж- in Russian is one person across documents (issue 18). Invented names, spelled three ways."""

from __future__ import annotations

import pytest

from qantar.resolve.resolver import resolve_person_names

SPELLINGS = [
    ("Dzhaksybekov", "Zhaksybekov"),
    ("Dzhaksybekov", "Jaksybekov"),
    ("Джаксыбеков", "Zhaksybekov"),
    ("Adilzhan Dzhaksybekov", "Adilzhan Jaksybekov"),
    ("Адильжан Джаксыбеков", "Adilzhan Zhaksybekov"),
    ("Dzhamilya Orazova", "Jamilya Orazova"),
]


@pytest.mark.parametrize(("left", "right"), SPELLINGS)
def test_dzh_zh_and_j_spell_one_person(left: str, right: str) -> None:
    assert resolve_person_names([left, right]) == [[0, 1]]


def test_folding_does_not_join_different_given_names() -> None:
    assert resolve_person_names(["Adilzhan Dzhaksybekov", "Serik Zhaksybekov"]) == [[0], [1]]
