"""Russian figures from sentences written for these tests (not from tests/fixtures/russian)."""

from __future__ import annotations

from typing import Any

import pytest

from qantar.nlp.normalize.dates import find_dates
from qantar.nlp.normalize.quantities import find_quantities, split_change
from tests.nlp.helpers import extract


def figures(text: str) -> list[tuple[Any, ...]]:
    found = extract(text, language="ru", published="2022-01-20")["figures"]
    return [(f["measure"], f["value"], f["as_of"], f["source_type"]) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun before the number, with a head word; the day of the saying is the as-of date
        (
            "Число раненых в столкновениях выросло до 310, сообщил в пятницу Минздрав.",
            [("injured", 310, "2022-01-14", "official")],
        ),
        # attribution, then the frame; a sub-count's measure from its clause and head
        (
            "По данным полиции на 12 января, задержаны 870 человек, "
            "а 40 из них остаются под стражей.",
            [
                ("detained", 870, "2022-01-12", "official"),
                ("pretrial_detention", 40, "2022-01-12", "official"),
            ],
        ),
        (
            "По данным министерства, по состоянию на 18 января возбуждено 620 уголовных дел.",
            [("criminal_cases", 620, "2022-01-18", "official")],
        ),
        # "с X до Y" is a before and an after, not a range
        (
            "Цена бензина выросла с 180 до 205 тенге за литр.",
            [("fuel_price", 180, None, "unknown"), ("fuel_price", 205, None, "unknown")],
        ),
        # "один из" is a member of a group, not a count of one
        ("Адвокат одного из задержанных сказал, что дело закрыто.", []),
        # a four-digit count before a plural noun is not a year
        (
            "В составе миссии ОДКБ было 1560 военнослужащих.",
            [("foreign_troops", 1560, None, "unknown")],
        ),
        # "как сообщили в X": the body after an impersonal speech verb
        (
            "Как сообщили в областной прокуратуре, осуждены 57 человек.",
            [("convicted", 57, None, "official")],
        ),
        ("Правозащитники насчитали 52 погибших.", [("deaths", 52, None, "independent")]),
        # a "Body: claim" headline; "человека" after 2-4
        (
            "Областная полиция: в беспорядках пострадали 94 человека",
            [("injured", 94, None, "official")],
        ),
    ],
)
def test_russian_figures(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert figures(text) == expected


def test_anaphoric_source_carries_source_and_date() -> None:
    text = (
        "По данным акимата, 14 января ранены 27 полицейских. "
        "По информации ведомства, ещё 9 полицейских погибли."
    )
    assert figures(text) == [
        ("injured", 27, "2022-01-14", "official"),
        ("deaths_security_forces", 9, "2022-01-14", "official"),
    ]


def test_custody_cue_stays_in_its_clause() -> None:
    text = "По данным суда, осуждены 31 человек, ещё 8 обвиняемых остаются под стражей."
    assert [f[:2] for f in figures(text)] == [("convicted", 31), ("pretrial_detention", 8)]


def test_split_change_keeps_ranges_with_ot() -> None:
    text = "подорожал с 90 до 140 тенге, а срок от 2 до 4 лет"
    parts = [c.value for q in find_quantities(text, "ru") for c in split_change(text, q)]
    assert parts == [90.0, 140.0, (2.0, 4.0)]


def test_dative_month_part_and_count_not_year() -> None:
    dates = find_dates("К концу марта осуждены 2040 человек.", "ru", "2022-05-01")
    assert [(d.text, d.value) for d in dates] == [("концу марта", "2022-03")]
