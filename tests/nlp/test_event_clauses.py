"""Events read from clauses: what makes a happening and what does not (texts written here)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import extract


def events(text: str, published: str = "2022-08-20", language: str = "en") -> set[tuple[str, str]]:
    found = extract(text, language=language, published=published)["events"]
    return {(str(e["date"]), e["type"]) for e in found}


def types(found: set[tuple[str, str]]) -> set[str]:
    return {code for _date, code in found}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the month is no march
        ("A district court in Aktobe heard the case of a local blogger on 3 March 2022.", "en"),
        # a tenure and a limit are not happenings
        ("She has held the post since 2015 and stays in office until 2025.", "en"),
        # planned, not done
        ("The remaining peacekeepers will leave the country on 19 January.", "en"),
        ("Вывод войск из страны начнётся 13 января.", "ru"),
        # the outlet's own verb
        ("Calm returned to the capital, a Kazinform correspondent reports on 11 January.", "en"),
        # a counterfactual
        ("Instead of being released on 2 March, the blogger stayed behind bars.", "en"),
    ],
)
def test_no_event(text: str, language: str) -> None:
    assert events(text, language=language) == set()


def test_a_verdict_day_does_not_date_what_the_charges_and_relatives_tell() -> None:
    found = events(
        "On 9 August a court in Taraz jailed two men over the 2022 riots that killed dozens "
        "of people and for setting fire to a police car."
    )
    assert not {"death", "arson"} & types(found)
    assert ("2022-08-09", "protest") not in found


def test_a_statistic_is_the_statement_that_gives_it() -> None:
    found = events(
        "More than 2,300 people were detained across the country, the interior ministry "
        "said on 8 January."
    )
    assert found == {("2022-01-08", "statement")}


def test_one_person_taken_is_an_arrest_many_are_a_detention() -> None:
    assert ("2022-01-06", "arrest") in events("Police detained the former minister on 6 January.")
    found = events("Police detained dozens of activists near the square on 4 January.")
    assert ("2022-01-04", "detention") in found


def test_background_events_at_the_precision_given() -> None:
    found = events(
        "The blogger was arrested in late February 2022. His uncle died in 1998 in a crash."
    )
    assert {("2022-02", "arrest"), ("1998", "death")} <= found


def test_the_unrest_itself_is_one_protest_at_the_month_given() -> None:
    found = events(
        "Two years after the protests of January 2022, the trials go on. Lawyers say the "
        "January 2022 unrest is still not explained.",
        published="2024-01-10",
    )
    assert [f for f in found if f[1] == "protest"] == [("2022-01", "protest")]


def test_a_month_word_takes_the_publication_year_only_inside_the_unrest() -> None:
    assert ("2022-01", "protest") in events("Victims of the January riots got help.")
    later = events("Victims of the January riots got help.", published="2023-09-01")
    assert not any(code == "protest" for _d, code in later)


def test_a_when_clause_is_dated_by_the_date_it_hangs_on() -> None:
    found = events("Trouble started in January 2022, when rallies broke out in the west.")
    assert ("2022-01", "protest") in found


def test_a_coordinated_verb_shares_the_framing_date() -> None:
    found = events("On 5 January the president dissolved the cabinet and sacked two governors.")
    assert ("2022-01-05", "dismissal") in found


def test_page_stamps_date_nothing() -> None:
    text = "Updated 30 March, 08:22\n\nPolice detained an activist in Almaty."
    assert events(text) == set()


def test_a_dash_led_list_line_gives_its_day() -> None:
    text = "Chronicle of the week:\n\n— 5 January: protesters set fire to the city hall."
    assert ("2022-01-05", "arson") in events(text)


def test_a_statement_is_by_a_body_or_a_person_not_by_anyone() -> None:
    assert ("2022-01-09", "statement") in events("On 9 January prosecutors said order was back.")
    assert events("On 9 January passers-by said the square was empty.") == set()


def test_a_court_announcing_a_sentence_is_no_statement() -> None:
    found = events("The military court announced the 12-year sentence on 24 February 2023.")
    assert ("2023-02-24", "statement") not in found


def russian(text: str, published: str = "2022-08-20") -> set[tuple[str, str]]:
    return events(text, published=published, language="ru")


def test_russian_unrest_by_a_month_adjective() -> None:
    found = russian("Дело об участии в январских событиях 2022 года слушали в Семее.")
    assert ("2022-01", "protest") in found


def test_russian_outlet_citing_a_body_is_the_body_statement() -> None:
    found = russian(
        "Об этом в пятницу, 14 января, сообщает агентство со ссылкой на министерство финансов."
    )
    assert ("2022-01-14", "statement") in found
    assert russian("Об этом в пятницу, 14 января, сообщает новостной портал.") == set()


def test_russian_statistic_and_arrest() -> None:
    assert russian("В Алматы 7 января задержали более 300 человек.") == set()
    assert ("2022-01-07", "arrest") in russian("7 января в Алматы задержали блогера.")


def test_russian_when_clause_after_a_limit() -> None:
    found = russian(
        "Он руководил ведомством до 6 января 2022 года, когда президент освободил его от должности."
    )
    assert ("2022-01-06", "dismissal") in found


def test_russian_gerund_frames_the_statement() -> None:
    found = russian("Выступая 11 января в парламенте, президент объявил об окончании миссии.")
    assert ("2022-01-11", "statement") in found


def test_russian_background_then() -> None:
    text = (
        "Министра сняли с должности 19 января 2022 года. Тогда президент заявил, что армия "
        "не справилась."
    )
    found: set[Any] = russian(text)
    assert ("2022-01-19", "statement") in found


def test_a_line_that_is_a_date_heads_what_follows() -> None:
    text = (
        "4 January. Crowds gathered in the west.\n\n"
        "5 January.\n\nThe government resigned and protesters set fire to the city hall."
    )
    found = events(text)
    assert {("2022-01-05", "resignation"), ("2022-01-05", "arson")} <= found
    assert ("2022-01-04", "arson") not in found
