"""Russian event cues from sentences written for these tests (not from tests/fixtures/russian)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import extract


def events(text: str) -> list[tuple[Any, ...]]:
    found = extract(text, language="ru", published="2022-03-25")["events"]
    return [(e["type"], e["date"]) for e in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a detention on suspicion is an arrest; the shorter cue inside it is not a second event
        (
            "Активиста задержали по подозрению в организации беспорядков 7 марта.",
            [("arrest", "2022-03-07")],
        ),
        # the long participle names the detainees, not the act
        ("Правозащитники 8 марта опубликовали списки задержанных.", []),
        # a charge is not a happening on the day of the trial; the acquittal is
        (
            "3 марта суд оправдал мужчину, которому вменяли поджог автомобиля.",
            [("verdict", "2022-03-03")],
        ),
        ("10 марта её признали виновной в попытке захвата власти.", []),
        # a circumstance of a crime does not declare an emergency
        (
            "Кражу совершили в условиях чрезвычайного положения, сообщил 12 марта суд.",
            [("statement", "2022-03-12")],
        ),
        ("9 января демонстранты бросали камни в полицейских.", [("clash", "2022-01-09")]),
        ("18 января начался вывод войск из страны.", [("troop_deployment", "2022-01-18")]),
        ("11 марта министр освободил заместителя от должности.", [("dismissal", "2022-03-11")]),
    ],
)
def test_russian_event_cues(text: str, expected: list[tuple[Any, ...]]) -> None:
    assert events(text) == expected


def test_back_then_takes_the_last_date_named() -> None:
    text = (
        "Процесс начался 20 марта, через два месяца после беспорядков 6 января. "
        "Тогда протестующие подожгли здание полиции."
    )
    assert ("arson", "2022-01-06") in events(text)


def test_locative_place_preferred_and_statement_has_no_place() -> None:
    text = "Прокуратура Карагандинской области сообщила о поджоге магазина в Темиртау 5 января."
    found = {e["type"]: e for e in extract(text, language="ru", published="2022-03-25")["events"]}
    assert found["arson"]["place"] in ("Temirtau", "Темиртау")
    assert found.get("statement", {}).get("place") is None
