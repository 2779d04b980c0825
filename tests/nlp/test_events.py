"""Events and harm (the dead and the hurt) read from short texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import extract


def events(text: str, published: str = "2022-01-20", language: str = "en") -> set[tuple[Any, str]]:
    found = extract(text, language=language, published=published)["events"]
    return {(str(e["date"]), e["type"]) for e in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 2 January, rallies over the price of gas began in Zhanaozen.",
            ("2022-01-02", "protest"),
        ),
        ("Overnight on 5 January, protesters set fire to the city hall.", ("2022-01-05", "arson")),
        (
            "A state of emergency was declared in Almaty on 5 January.",
            ("2022-01-05", "state_of_emergency"),
        ),
        (
            "On 6 January the first Russian troops arrived in Almaty.",
            ("2022-01-06", "troop_deployment"),
        ),
        ("Gun shops were looted in the city centre on 5 January.", ("2022-01-05", "looting")),
        ("The government resigned on 5 January.", ("2022-01-05", "resignation")),
        ("Police detained dozens of activists on 4 January.", ("2022-01-04", "detention")),
        (
            "In a televised address on 7 January, the president spoke of terrorists.",
            ("2022-01-07", "statement"),
        ),
        ("11 января в Алматы прошёл митинг.", ("2022-01-11", "protest")),
    ],
)
def test_typed_dated_events(text: str, expected: tuple[str, str]) -> None:
    language = "ru" if any("а" <= ch <= "я" for ch in text) else "en"
    assert expected in events(text, language=language)


def test_the_day_being_told_carries_over_the_next_sentences() -> None:
    found = events(
        "On the morning of 5 January, crowds gathered again on the main square.\n\n"
        "Later that afternoon, several buildings were set on fire."
    )
    assert ("2022-01-05", "arson") in found


def test_a_statement_needs_its_own_date_before_or_right_after_the_verb() -> None:
    found = events("Aidos Kenzhebayev said that during the 5 January protest he saw soldiers.")
    assert ("2022-01-05", "statement") not in found
    assert ("2022-01-05", "protest") in found


def test_the_day_of_a_saying_does_not_date_what_was_said() -> None:
    found = events("The ministry said on 15 January that 225 people had died.")
    assert ("2022-01-15", "statement") in found
    assert ("2022-01-15", "death") not in found


def test_spans_and_dates_at_the_precision_given() -> None:
    found = events("Firefights went on in Almaty from 6 to 10 January. In 2019 a rally was held.")
    assert ("{'start': '2022-01-06', 'end': '2022-01-10'}", "clash") in found
    assert ("2019", "protest") in found  # SCHEMA.md: a date at the precision the text gives


def harms(text: str, language: str = "en") -> list[dict[str, Any]]:
    return list(extract(text, language=language, published="2022-02-01").get("harms", []))


def test_a_named_death_with_its_circumstance_and_who_is_blamed() -> None:
    [record] = [
        h
        for h in harms(
            "On 6 January the son of Marat Kuanyshev died as a result of gunshot wounds "
            "inflicted by security forces near the akimat in Almaty."
        )
        if h["type"] == "death"
    ]
    assert record["person"] == "son of Marat Kuanyshev"
    assert record["date"] == "2022-01-06"
    assert record["circumstance"].startswith("as a result of gunshot wounds")
    assert record["responsible"] == "by security forces"
    assert record["place"] == "Almaty"


def test_torture_claim_of_a_named_defendant() -> None:
    found = harms(
        "Ruslan Zhakenov was sentenced to six years; he said he had been tortured into confessing."
    )
    assert [(h["type"], h["person"]) for h in found] == [("torture", "Ruslan Zhakenov")]


@pytest.mark.parametrize(
    "text",
    [
        "President Tokayev said 225 people died in the unrest.",
        "According to Serik Akhmetov, dozens of people were killed.",
    ],
)
def test_no_named_victim(text: str) -> None:
    assert [h for h in harms(text) if h["type"] == "death"] == []


def test_a_same_time_opener_puts_a_statement_on_the_day_just_told() -> None:
    text = (
        "On the night of 6 January, the state of emergency was extended to the whole country. "
        "In parallel, the president appealed to the allies with a request to send troops."
    )
    assert ("2022-01-06", "statement") in events(text)


def test_a_moved_on_opener_takes_no_narrative_day() -> None:
    text = (
        "On 2 January, rallies began in the west.\n\n"
        "Soon after the events, the former leader stepped down from the Security Council."
    )
    assert not {e for e in events(text) if e[1] == "resignation"}
