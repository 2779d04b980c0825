"""Figures read from short texts written for these tests: measure, value, source, as-of date."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qantar.codebook import values
from tests.nlp.helpers import extract


def figures(text: str, language: str = "en") -> list[dict[str, Any]]:
    return list(extract(text, language=language, published="2022-01-20")["figures"])


def first(text: str, language: str = "en") -> tuple[Any, ...]:
    [f] = figures(text, language)
    return (f["measure"], f["value"], f["as_of"], f["attributed_to"], f["source_type"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "According to the health ministry, 225 people died.",
            ("deaths", 225, None, "health ministry", "official"),
        ),
        (
            "On 17 January, it was reported that 8,354 administrative cases had been opened.",
            ("administrative_cases", 8354, "2022-01-17", None, "unknown"),
        ),
        (
            "By the morning of 11 January, nearly 10,000 people had been detained.",
            ("detained", 10000, "2022-01-11", None, "unknown"),
        ),
        (
            "Prosecutor General Berik Asylov said on 15 January that 19 police officers "
            "were killed.",
            ("deaths_security_forces", 19, "2022-01-15", "Berik Asylov", "official"),
        ),
        (
            "The journalist Aliya Serikova said at least 12 people were injured near the square.",
            ("injured", 12, None, "Aliya Serikova", "independent"),
        ),
        (
            "Officials put the damage at $2-3bn.",
            ("economic_damage_usd", [2000000000, 3000000000], None, "Officials", "official"),
        ),
        (
            "The court said investigators had recovered up to $46mn.",
            ("assets_recovered_usd", 46000000, None, "court", "official"),
        ),
        (
            "The president claimed that 20,000 “bandits” had attacked the city.",
            ("attackers_claimed", 20000, None, "president", "official"),
        ),
        (
            "Another 38 citizens of Kyrgyzstan were detained.",
            ("foreign_detained", 38, None, None, "unknown"),
        ),
        (
            "По официальным данным, погибли 238 человек.",
            ("deaths", 238, None, "официальные данные", "official"),
        ),
    ],
)
def test_figures(text: str, expected: tuple[Any, ...]) -> None:
    language = "ru" if any("а" <= ch <= "я" for ch in text) else "en"
    assert first(text, language) == expected


def test_a_source_carries_to_a_bare_sentence_of_figures_that_follows() -> None:
    found = figures(
        "Eldos Bekov, the prosecutor general, said on July 18 that 545 people had been convicted. "
        "There are 32 criminal cases open in connection with acts of terrorism."
    )
    cases = [f for f in found if f["measure"] == "criminal_cases_terrorism"]
    assert [(f["value"], f["attributed_to"], f["as_of"]) for f in cases] == [
        (32, "Eldos Bekov", "2021-07-18")
    ]


def test_a_sentence_naming_its_own_counter_does_not_inherit_the_last_source() -> None:
    found = figures(
        "According to the interior ministry, 9,900 people were detained. "
        "Local monitors counted at least 30 people who died after detention."
    )
    assert [(f["value"], f["attributed_to"], f["source_type"]) for f in found] == [
        (9900, "interior ministry", "official"),
        (30, "Local monitors", "independent"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Three men were each given three years of restricted freedom.",
        "The 30th anniversary of independence fell in December.",
        "He was sentenced to eight years.",
        "The rally began at 5 pm on 4 January.",
    ],
)
def test_numbers_that_are_not_figures(text: str) -> None:
    assert figures(text) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "more than",
                "238",
                "people",
                "died",
                "$2-3bn",
                "damage",
                "according to",
                "police",
                "said",
                "on 17 January",
                "detained",
                "погибли",
                "более 4,5 тысячи",
                "человек",
                ",",
                ".",
                "“",
                "bandits",
                "20,000",
                "by the morning of 11 January",
                "and",
            ]
        ),
        max_size=25,
    ).map(" ".join)
)
def test_no_text_crashes_the_figure_extractor(text: str) -> None:
    if not text.strip():
        return
    for f in figures(text):
        assert f["measure"] in values("figure_measures")
        assert f["source_type"] in values("source_types")
        assert isinstance(f["value"], (int, float, list))


@pytest.mark.parametrize(
    ("text", "scope", "as_of"),
    [
        # a month opening the sentence as its subject is the period counted
        ("July has seen 100 convictions so far.", {"place": None, "period": "2021-07"}, None),
        ("In 2021, courts convicted 80 people.", {"place": None, "period": "2021"}, None),
        # a month that dates a statement is when the count was given
        (
            "In March, the prosecutor told parliament that 230 people had died.",
            {"place": None, "period": None},
            "2021-03",  # the March before publication (2022-01-20)
        ),
        (
            "In Taraz, 15 people died during the clashes.",
            {"place": "Taraz", "period": None},
            None,
        ),
        # the home country is the whole case, not a scope
        ("In Kazakhstan, 238 people died.", {"place": None, "period": None}, None),
    ],
)
def test_the_scope_and_date_a_sentence_gives_a_figure(
    text: str, scope: dict[str, Any], as_of: str | None
) -> None:
    [found] = figures(text)
    assert (found["scope"], found["as_of"]) == (scope, as_of)


def test_a_place_belongs_to_the_sub_count_beside_it() -> None:
    found = figures(
        "The prosecutor said 230 people had died across the country, 139 of them in Almaty."
    )
    by_value = {f["value"]: f["scope"]["place"] for f in found}
    assert by_value[230] is None
    russian = figures("Прокурор сказал о 230 погибших по всей стране, из них 139 — в Алматы.", "ru")
    assert {f["value"]: f["scope"]["place"] for f in russian}.get(230, "missing") is None


@pytest.mark.parametrize(
    "text",
    [
        "Not one of the 40 witnesses saw a weapon.",
        "Ни один из 40 свидетелей не видел оружия.",
    ],
)
def test_none_is_not_a_count(text: str) -> None:
    """ "Not one of 40" counts nobody; a part of a whole ("six of the deaths") is a sub-count
    (tests/nlp/test_figure_constructions.py)."""
    values_ = [f["value"] for f in figures(text, "ru" if "Ни" in text else "en")]
    assert 1 not in values_
