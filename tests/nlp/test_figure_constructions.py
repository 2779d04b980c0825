"""The constructions news uses to state a count, each written for these tests in both languages.

Every case is a general shape (an enumeration, a sub-count, a measure before its number, a
qualifier standing away from the number, a statement that dates what it gives) in words of our
own, including untidy ones: lists after a colon, dash-led parts, a bare number whose verb says
what it counts, a sentence the parser gives no verb.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import extract


def measured(text: str, language: str = "en", published: str = "2022-03-01") -> set[Any]:
    """(measure, value) of every figure read from ``text``."""
    found = extract(text, language=language, published=published)["figures"]
    return {(f["measure"], f["value"]) for f in found}


def dated(text: str, language: str = "en", published: str = "2022-03-01") -> dict[Any, Any]:
    found = extract(text, language=language, published=published)["figures"]
    return {(f["measure"], f["value"]): f["as_of"] for f in found}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # one verb shared by a list of counts, each with its own noun
        (
            "In the fighting 14 nurses, 31 drivers and 6 guards were wounded.",
            "en",
            {("injured", 14), ("injured", 31), ("injured", 6)},
        ),
        # two clauses of one sentence: each number reads its own verb
        (
            "Eleven soldiers have died in the riots and 280 police officers have been hurt.",
            "en",
            {("deaths_security_forces", 11), ("injured", 280)},
        ),
        (
            "В ходе беспорядков погибли 9 полицейских, а ранения получили 140 человек.",
            "ru",
            {("deaths_security_forces", 9), ("injured", 140)},
        ),
        # a bare number: the clause says what is counted
        (
            "Rights groups said at least 310 had been killed and some 7,000 had been arrested.",
            "en",
            {("deaths", 310), ("detained", 7000)},
        ),
        # the measure before the number
        (
            "The number of wounded climbed to 2,650 on Thursday.",
            "en",
            {("injured", 2650)},
        ),
        (
            "Число задержанных превысило 3,4 тысячи человек.",
            "ru",
            {("detained", 3400)},
        ),
        (
            "Officials said the overall death toll now stood at 241.",
            "en",
            {("deaths", 241)},
        ),
        # a participle on the noun says what happened to those counted
        (
            "Митинг прошёл в память о 241 человеке, погибшем в те дни.",
            "ru",
            {("deaths", 241)},
        ),
        (
            "Mourners lit candles for the 241 people killed that week.",
            "en",
            {("deaths", 241)},
        ),
    ],
)
def test_counts_read_from_their_clause(text: str, language: str, expected: set[Any]) -> None:
    assert measured(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a sub-count after the whole, in the same sentence
        (
            "Police opened 640 criminal cases: 52 of them concern terrorism, 18 – murder.",
            "en",
            {
                ("criminal_cases", 640),
                ("criminal_cases_terrorism", 52),
                ("criminal_cases_murder", 18),
            },
        ),
        (
            "Следователи ведут 640 уголовных дел: 52 из них касаются терроризма, 18 — убийств.",
            "ru",
            {
                ("criminal_cases", 640),
                ("criminal_cases_terrorism", 52),
                ("criminal_cases_murder", 18),
            },
        ),
        # the qualifier of a part stands in its predicate, not by the number
        (
            "Всего погибли 241 человек, 21 из них служили в полиции.",
            "ru",
            {("deaths", 241), ("deaths_security_forces", 21)},
        ),
        (
            "Of the 241 dead, 21 were police officers.",
            "en",
            {("deaths", 241), ("deaths_security_forces", 21)},
        ),
        # a part taken of a group ("three of her colleagues")
        (
            "Officers detained four of his relatives outside the court.",
            "en",
            {("detained", 4)},
        ),
        # the people counted by a participle in the genitive
        (
            "Ведомство сообщило о задержании 4,1 тыс. причастных к погромам.",
            "ru",
            {("detained", 4100)},
        ),
        # a hedged word for a thousand
        (
            "За полгода более тысячи участников акций были осуждены.",
            "ru",
            {("convicted", 1000)},
        ),
    ],
)
def test_parts_and_wholes(text: str, language: str, expected: set[Any]) -> None:
    assert measured(text, language) == expected


def test_a_part_at_the_start_of_the_next_sentence_divides_the_count_before_it() -> None:
    found = measured("The ministry said 2,900 people had been detained. Of them, 130 were women.")
    assert found == {("detained", 2900), ("detained", 130)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # released or amnestied people are never detained ...
        ("The amnesty will free 870 people arrested during the protests.", "en", set()),
        ("Под амнистию попадут 870 задержанных участников акций.", "ru", set()),
        # ... but people convicted stay convicted when the sentence is about their amnesty
        (
            "The amnesty will free 870 people convicted over the protests.",
            "en",
            {("convicted", 870)},
        ),
        # compensation is a payment even beside the damage it pays for
        (
            "Shop owners received compensation totalling 40 million tenge ($92,000) for damage.",
            "en",
            {("payment_usd", 92000)},
        ),
        # a fine is not a payment of compensation
        ("He must also pay a fine of 400,000 tenge ($900).", "en", set()),
    ],
)
def test_what_a_count_is_about(text: str, language: str, expected: set[Any]) -> None:
    assert measured(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("He was convicted under Article 272, Part 2, of the Criminal Code.", "en"),
        ("Суд признал его виновным по ч. 2 ст. 293 УК.", "ru"),
        ("The lawyer said the inquiry had been one-sided from the start.", "en"),
        ("Protesters shouted at one another across the square.", "en"),
        ("At the time of the arrest he was 19 years old.", "en"),
        ("The toll was 15 more than the ministry had said a week earlier.", "en"),
        ("Those four activists were detained again in March.", "en"),
        ("In 2011 police shot 14 unarmed oil workers in the town.", "en"),
        ("Один из задержанных оказался гражданином соседней страны.", "ru"),
    ],
)
def test_numbers_that_count_nothing_here(text: str, language: str) -> None:
    assert measured(text, language) == set()


def test_a_number_that_ends_the_passage_has_lost_what_it_counted() -> None:
    assert measured("Prosecutors said that 14 criminal cases involving 57") == {
        ("criminal_cases", 14)
    }


def test_a_sentence_the_parser_gives_no_verb_is_read_whole() -> None:
    assert measured("В составе миротворческой миссии ОДКБ — 1840 военнослужащих.", "ru") == {
        ("foreign_troops", 1840)
    }


def test_a_statement_pointing_back_dates_the_figures_before_it() -> None:
    text = (
        "Ущерб от беспорядков оценивается в 150 млрд тенге ($340 млн).\n\n"
        "Об этом в среду, 26 января, сообщило министерство экономики Казахстана.\n\n"
        "Как уточнили в министерстве, ущерб госорганам составил 40 млрд тенге ($91 млн)."
    )
    found = dated(text, "ru", published="2022-01-27")
    assert found[("economic_damage_usd", 340000000)] == "2022-01-26"


def test_a_dated_report_dates_the_figures_its_author_gives_later() -> None:
    text = (
        "On 9 May the Norwegian Helsinki Committee released a report on the trials.\n\n"
        "The committee followed the hearings for a year.\n\n"
        "The Norwegian Helsinki Committee said 61 people had been convicted in the cases it "
        "followed."
    )
    assert dated(text, published="2023-07-01")[("convicted", 61)] == "2023-05-09"


def test_a_press_release_dateline_dates_its_figures() -> None:
    text = (
        "(Вена, 3 марта 2023 г.) – Правозащитники призвали власти расследовать пытки.\n\n"
        "По их подсчётам, осуждены более 1200 человек."
    )
    assert dated(text, "ru", published="2023-03-04")[("convicted", 1200)] == "2023-03-03"


def test_a_date_inside_a_noun_phrase_does_not_date_a_statement() -> None:
    text = (
        "One defendant said that during the January 5 rally she had only filmed the crowd.\n\n"
        "So far 340 people have been convicted."
    )
    assert dated(text, published="2022-07-20")[("convicted", 340)] is None


def sources(text: str, language: str = "en") -> dict[Any, Any]:
    found = extract(text, language=language, published="2022-03-01")["figures"]
    return {f["value"]: (f["attributed_to"], f["source_type"]) for f in found}


def test_two_sides_of_one_sentence_each_keep_their_source() -> None:
    found = sources(
        "Amnesty International counted 260 dead, while the health ministry said 225 people had "
        "died."
    )
    assert found == {
        260: ("Amnesty International", "independent"),
        225: ("health ministry", "official"),
    }


def test_dash_led_speech_credits_its_speaker_and_title() -> None:
    found = sources(
        "— Всего задержаны 1400 человек, — сообщил журналистам начальник полиции Алматы "
        "Канат Таймерденов.",
        "ru",
    )
    assert found == {1400: ("Канат Таймерденов", "official")}


def test_the_defendants_of_one_trial_are_verdicts_not_a_statistic() -> None:
    text = (
        "Суд в Актобе вынес приговор трём участникам январских акций.\n\n"
        "Ержан Ахметов получил пять лет лишения свободы. Марат Сейтов приговорён к четырём "
        "годам колонии. Айгуль Нурланова приговорена к штрафу."
    )
    record = extract(text, language="ru", published="2022-06-01")
    assert len(record["verdicts"]) == 3
    assert ("convicted", 3) not in {(f["measure"], f["value"]) for f in record["figures"]}
