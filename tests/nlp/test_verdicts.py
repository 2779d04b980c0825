"""Verdicts read from short reports written for these tests (English and Russian).

Each row is a general way news reports a court outcome; none is copied from the corpus.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import extract

PUBLISHED = "2023-07-20"


def verdicts(text: str, language: str = "en") -> list[dict[str, Any]]:
    records = extract(text, language=language, published=PUBLISHED)["verdicts"]
    return sorted(records, key=lambda r: (r["defendant"] or "", r["count"]))


def by_name(text: str, language: str = "en") -> dict[str | None, dict[str, Any]]:
    return {r["defendant"]: r for r in verdicts(text, language)}


# (text, defendant, outcome, term_months, date)
SINGLE = [
    (
        "On July 11, a court in Almaty sentenced Bolat Seitkaziev to eight years in prison.",
        "Bolat Seitkaziev",
        "prison",
        96,
        "2023-07-11",
    ),
    (
        "Marat Zhylanbayev was sentenced to seven years in a medium-security penal colony "
        "on July 3.",
        "Marat Zhylanbayev",
        "prison",
        84,
        "2023-07-03",
    ),
    (
        "Askar Nurmaganbetov received three years and seven months imprisonment on July 5.",
        "Askar Nurmaganbetov",
        "prison",
        43,
        "2023-07-05",
    ),
    (
        "Dana Abenova was given three-and-a-half years of restricted freedom.",
        "Dana Abenova",
        "restricted_freedom",
        42,
        None,
    ),
    (
        "Yerlan Kaliyev was sentenced to a year on probation on June 24.",
        "Yerlan Kaliyev",
        "probation",
        12,
        "2023-06-24",
    ),
    (
        "Serik Tokenov gets 18-year sentence over January events.",
        "Serik Tokenov",
        "prison",
        216,
        None,
    ),
    (
        "Nurlan Baimukhanov received a two-year suspended sentence.",
        "Nurlan Baimukhanov",
        "suspended",
        24,
        None,
    ),
    (
        "A court in Taraz acquitted Ruslan Abdikarimov on July 12.",
        "Ruslan Abdikarimov",
        "acquitted",
        None,
        "2023-07-12",
    ),
    (
        "Aliya Sarsenova was fined for taking part in an unsanctioned rally.",
        "Aliya Sarsenova",
        "fine",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "name", "outcome", "months", "date"), SINGLE)
def test_one_defendant(
    text: str, name: str, outcome: str, months: int | None, date: str | None
) -> None:
    [record] = verdicts(text)
    assert (record["defendant"], record["outcome"], record["term_months"], record["date"]) == (
        name,
        outcome,
        months,
        date,
    )


def test_respectively_spreads_a_list_of_terms_over_a_list_of_names() -> None:
    found = by_name(
        "Kanat Abilov, Timur Zhaksylykov and Olzhas Baimen were found guilty of abuse of office "
        "and sentenced to 12, 9 and four years in prison, respectively."
    )
    assert {n: r["term_months"] for n, r in found.items()} == {
        "Kanat Abilov": 144,
        "Timur Zhaksylykov": 108,
        "Olzhas Baimen": 48,
    }
    assert found["Kanat Abilov"]["charges"] == ["abuse of office"]


def test_a_shared_range_gives_no_term_until_the_text_assigns_one() -> None:
    found = by_name(
        "On July 11, Daniyar Adilbekov and Yerzhan Yesimkhanov were sentenced to four to eight "
        "years in prison. Adilbekov received eight years."
    )
    assert found["Daniyar Adilbekov"]["term_months"] == 96
    assert found["Yerzhan Yesimkhanov"]["term_months"] is None
    assert found["Yerzhan Yesimkhanov"]["term_range"] == [48, 96]
    assert found["Yerzhan Yesimkhanov"]["date"] == "2023-07-11"


def test_an_unnamed_group_is_one_record_with_a_count() -> None:
    [record] = verdicts(
        "In the eastern city of Ust-Kamenogorsk, seven people were sentenced to probation on "
        "charges of public disorder on July 14."
    )
    assert (record["defendant"], record["count"], record["city"], record["outcome"]) == (
        None,
        7,
        "Ust-Kamenogorsk",
        "probation",
    )
    assert record["charges"] == ["public disorder"]


def test_a_group_named_one_by_one_is_absorbed_by_the_names() -> None:
    found = by_name(
        "On July 15, a court in Shymkent sentenced three people to prison for taking part in mass "
        "riots.\n\nGulnar Sadykova received five years. Co-defendants Arman Tuleuov and Erbol "
        "Zhumanov received similar terms for the same crime."
    )
    assert set(found) == {"Gulnar Sadykova", "Arman Tuleuov", "Erbol Zhumanov"}
    assert {r["date"] for r in found.values()} == {"2023-07-15"}
    assert found["Erbol Zhumanov"]["term_months"] is None
    assert found["Erbol Zhumanov"]["charges"] == ["taking part in mass riots"]


def test_the_same_term_is_copied() -> None:
    found = by_name(
        "Kairat Omarov was sentenced to six years in prison. Bauyrzhan Kassymov received the "
        "same term."
    )
    assert found["Bauyrzhan Kassymov"]["term_months"] == 72


@pytest.mark.parametrize(
    ("text", "plea"),
    [
        ("Timur Dauletov was sentenced to five years in prison. He admitted his guilt.", True),
        ("Timur Dauletov was sentenced to five years in prison. He pleaded not guilty.", False),
        (
            "Timur Dauletov was sentenced to five years in prison. None of the defendants pleaded "
            "guilty.",
            False,
        ),
    ],
)
def test_pleas(text: str, plea: bool) -> None:
    [record] = verdicts(text)
    assert record["pleaded_guilty"] is plea


def test_an_upheld_appeal_annotates_the_verdict_instead_of_adding_one() -> None:
    [record] = verdicts(
        "Samat Ibraimov was sentenced to ten years in prison on March 3. On July 2 an appeals "
        "court upheld Ibraimov's sentence."
    )
    assert record["term_months"] == 120
    assert record["date"] == "2023-03-03"
    assert record["appeal"]["status"] == "upheld"
    assert record["appeal"]["date"] == "2023-07-02"


def test_a_ban_next_to_a_prison_term_is_an_extra_penalty() -> None:
    [record] = verdicts(
        "Yerbol Kassenov was sentenced to 12 years in prison. The judge also ruled on April 24 to "
        "strip Kassenov of the right to hold public office."
    )
    assert (record["outcome"], record["additional_outcomes"], record["date"]) == (
        "prison",
        ["ban"],
        "2023-04-24",
    )


@pytest.mark.parametrize(
    "text",
    [
        "A year and a half later, nobody had been charged.",
        "Prosecutors said 545 people had been sentenced to date in connection with the unrest.",
        "He was detained 18 months ago and is still awaiting trial.",
        "Before sentencing, Gulnara Bekova told reporters she was innocent.",
        "Nurlan Abishev, who served eight years in prison in the 2000s, spoke at the rally.",
    ],
)
def test_text_that_only_looks_like_a_verdict(text: str) -> None:
    assert verdicts(text) == []


RUSSIAN = """\
Суд в Таразе 11 июля приговорил активиста Бериккали Жумабаева к восьми годам лишения свободы \
по делу о массовых беспорядках. Его сестру Гульнару Жумабаеву приговорили к трём годам \
ограничения свободы, а Ерлан Сапаров получил пять лет колонии. Никто из подсудимых вину не признал.
"""


def test_russian_verdicts_in_the_nominative() -> None:
    found = by_name(RUSSIAN, "ru")
    assert {n: (r["outcome"], r["term_months"]) for n, r in found.items()} == {
        "Бериккали Жумабаев": ("prison", 96),
        "Гульнара Жумабаева": ("restricted_freedom", 36),
        "Ерлан Сапаров": ("prison", 60),
    }
    assert found["Бериккали Жумабаев"]["date"] == "2023-07-11"
    assert found["Бериккали Жумабаев"]["charges"] == ["массовые беспорядки"]
    assert all(r["pleaded_guilty"] is False for r in found.values())


def test_russian_respectively() -> None:
    found = by_name(
        "Асет Нургалиев, Дархан Оспанов и Марат Бекенов приговорены к 16, 15 и 3 годам лишения "
        "свободы соответственно.",
        "ru",
    )
    assert {n: r["term_months"] for n, r in found.items()} == {
        "Асет Нургалиев": 192,
        "Дархан Оспанов": 180,
        "Марат Бекенов": 36,
    }
