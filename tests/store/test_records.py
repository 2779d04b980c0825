"""Listing verdicts, events and the named dead: filters by name, place, outcome and date.

The corpus below is invented for the tests (names included); it mixes Latin and Cyrillic
spellings of the same people and places, and dates at day, month and year precision.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from qantar.model import Document, Fact, Provenance, Source
from qantar.store import (
    date_interval,
    list_events,
    list_verdicts,
    list_victims,
    open_store,
    save_document,
)

from .helpers import PIPELINE, make_doc

VERDICTS_EN = (
    "A military court in Astana sentenced Karim Massimov to 18 years on 24 April 2023. "
    "In Almaty, Aigerim Tleuzhanova was sentenced to four years on 11 July 2023. "
    "Seven people received suspended terms in Taraz that year."
)
VERDICTS_RU = (
    "В апреле 2023 года суд в Астане приговорил Карима Масимова к 18 годам. "
    "Апелляция оставила приговор Карим Масимов без изменений. "
    "Ерлан Сапаров оштрафован в Алматы."
)
EVENTS_EN = (
    "Protests spread from Zhanaozen between 2 and 5 January. "
    "Security forces opened fire in Almaty on 6 January. "
    "Askar Nurlanov was shot near the akimat. "
    "An unnamed man died the same day. "
    "Karim Massimov was arrested on 8 January. "
    "Kassym-Jomart Tokayev spoke of foreign terrorists. "
    "Dana Serikova died of her wounds, her family said. "
    "Marat Zhumabaev was wounded."
)
EVENTS_RU = (
    "В январе в Алматы был застрелен Аскар Нурланов. Дана Серикова погибла в Талдыкоргане 7 января."
)


def fact(doc: Document, kind: str, surface: str, key: str, record: dict[str, Any]) -> Fact:
    """A fact read at ``surface``, whose sentence is the one of ``doc`` that holds it."""
    start = doc.text.index(surface)
    sentence = next(
        s for s in re.split(r"(?<=\.) ", doc.text) if surface in s and doc.text.find(s) <= start
    )
    prov = Provenance(doc.id, start, start + len(surface), sentence, f"{kind}s.v1")
    return Fact(kind=kind, key=key, record=record, provenance=prov)


def verdict(doc: Document, surface: str, key: str, **fields: Any) -> Fact:
    record: dict[str, Any] = {
        "defendant": None,
        "count": 1,
        "outcome": "prison",
        "term_months": None,
        "term_range": None,
        "charges": [],
        "date": None,
        "city": None,
        "court": None,
        "pleaded_guilty": None,
        "appeal": None,
    }
    record.update(fields)
    return fact(doc, "verdict", surface, key, record)


def event(doc: Document, surface: str, key: str, **fields: Any) -> Fact:
    record: dict[str, Any] = {"date": None, "place": None, "actors": [], "summary": surface}
    if fields.get("type") in ("death", "injury", "torture"):
        record.update(person=None, circumstance=None, responsible=None)
    record.update(fields)
    return fact(doc, "event", surface, key, record)


def harm(doc: Document, surface: str, key: str, **fields: Any) -> Fact:
    """A ``harm`` fact, the harm extractor's record of a named person killed or hurt."""
    record: dict[str, Any] = {"date": None, "place": None, "circumstance": None}
    return fact(doc, "harm", surface, key, {**record, "responsible": None, **fields})


def ru_doc() -> Document:
    """The Russian events come from a web page with an outlet and a URL."""
    doc = make_doc(EVENTS_RU, "d-events.txt")
    doc.sources = [Source(url="https://example.org/nurlanov", outlet="Example News")]
    return doc


def corpus() -> list[tuple[Document, list[Fact]]]:
    ven, vru = make_doc(VERDICTS_EN, "a-verdicts.txt"), make_doc(VERDICTS_RU, "b-verdicts.txt")
    een, eru = make_doc(EVENTS_EN, "c-events.txt"), ru_doc()
    first = verdict(
        ven,
        "Karim Massimov",
        "massimov",
        defendant="Karim Massimov",
        term_months=216,
        charges=["treason", "abuse of power"],
        date="2023-04-24",
        city="Astana",
        court="military court",
        pleaded_guilty=True,
    )
    return [
        (
            ven,
            [
                first,
                verdict(
                    ven,
                    "Aigerim Tleuzhanova",
                    "tleuzhanova",
                    defendant="Aigerim Tleuzhanova",
                    term_months=48,
                    date="2023-07-11",
                    city="Almaty",
                ),
                verdict(
                    ven,
                    "Seven people",
                    "group",
                    count=7,
                    outcome="suspended",
                    term_range=[24, 36],
                    charges=["mass unrest"],
                    date="2023",
                    city="Taraz",
                ),
            ],
        ),
        (
            vru,
            [
                verdict(
                    vru,
                    "Карим Масимов",
                    "masimov-appeal",
                    defendant="Карим Масимов",
                    term_months=216,
                    date="2023-04",
                    city="Астана",
                    appeal={"status": "upheld", "first_verdict": first.id},
                ),
                verdict(
                    vru,
                    "Ерлан Сапаров",
                    "saparov",
                    defendant="Ерлан Сапаров",
                    outcome="fine",
                    city="Алматы",
                ),
            ],
        ),
        (
            een,
            [
                event(
                    een,
                    "Protests spread",
                    "protest",
                    type="protest",
                    place="Zhanaozen",
                    date={"start": "2022-01-02", "end": "2022-01-05"},
                    actors=["protesters"],
                ),
                event(
                    een,
                    "opened fire",
                    "shooting",
                    type="shooting",
                    place="Almaty",
                    date="2022-01-06",
                    actors=["security forces"],
                ),
                event(
                    een,
                    "Askar Nurlanov",
                    "nurlanov",
                    type="death",
                    place="Almaty",
                    date="2022-01-06",
                    person="Askar Nurlanov",
                    circumstance="shot near the akimat",
                    responsible="security forces",
                ),
                event(
                    een,
                    "An unnamed man died",
                    "unnamed",
                    type="death",
                    place="Almaty",
                    date="2022-01-06",
                ),
                event(
                    een,
                    "arrested",
                    "arrest",
                    type="arrest",
                    date="2022-01-08",
                    actors=["Massimov"],
                ),
                event(
                    een, "spoke", "statement", type="statement", actors=["Kassym-Jomart Tokayev"]
                ),
                harm(een, "shot near", "harm-nurlanov", type="death", person="Askar Nurlanov"),
                harm(
                    een,
                    "died of her wounds",
                    "harm-serikova",
                    type="death",
                    person="Dana Serikova",
                    circumstance="of her wounds",
                ),
                harm(een, "wounded", "harm-injury", type="injury", person="Marat Zhumabaev"),
            ],
        ),
        (
            eru,
            [
                event(
                    eru,
                    "Аскар Нурланов",
                    "nurlanov-ru",
                    type="death",
                    place="Алматы",
                    date="2022-01",
                    person="Аскар Нурланов",
                    circumstance="застрелен",
                ),
                event(
                    eru,
                    "Дана Серикова",
                    "serikova",
                    type="death",
                    place="Талдыкорган",
                    date="2022-01-07",
                    person="Дана Серикова",
                ),
            ],
        ),
    ]


def fill(engine: Engine) -> None:
    for doc, facts in corpus():
        save_document(engine, doc, facts, PIPELINE)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('records') / 'q.db'}")
    fill(store)
    return store


ALL_VERDICTS = ["group", "masimov-appeal", "massimov", "tleuzhanova", "saparov"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL_VERDICTS),
        ({"person": "Masimov"}, ["masimov-appeal", "massimov"]),
        ({"person": "Massimov"}, ["masimov-appeal", "massimov"]),
        ({"person": "Карим Масимов"}, ["masimov-appeal", "massimov"]),
        ({"person": "Karim Massimov"}, ["masimov-appeal", "massimov"]),
        ({"person": "Масимов"}, ["masimov-appeal", "massimov"]),
        ({"person": "Тлеужанова"}, ["tleuzhanova"]),
        ({"person": "Karim"}, []),
        ({"person": "Nurlanov"}, []),
        ({"city": "Алматы"}, ["tleuzhanova", "saparov"]),
        ({"city": "Astana"}, ["masimov-appeal", "massimov"]),
        ({"city": "Astana", "person": "Tleuzhanova"}, []),
        ({"outcome": "fine"}, ["saparov"]),
        ({"outcome": "prison", "city": "Астана"}, ["masimov-appeal", "massimov"]),
        ({"outcome": "acquitted"}, []),
        ({"since": "2023-04-24"}, ["group", "masimov-appeal", "massimov", "tleuzhanova"]),
        ({"since": "2023-05"}, ["group", "tleuzhanova"]),
        ({"until": "2023-04-23"}, ["group", "masimov-appeal"]),
        ({"since": "2023-04-25", "until": "2023-04-30"}, ["group", "masimov-appeal"]),
        ({"since": "2023-07-11", "until": "2023-07-11"}, ["group", "tleuzhanova"]),
        ({"since": "2023", "until": "2023"}, ALL_VERDICTS[:-1]),
        ({"since": "2024"}, []),
        ({"until": "2022"}, []),
        ({"city": "Almaty", "since": "2022"}, ["tleuzhanova"]),
    ],
)
def test_verdict_filters(engine: Engine, filters: dict[str, str], expected: list[str]) -> None:
    assert [row["key"] for row in list_verdicts(engine, **filters)] == expected


def test_a_verdict_row_carries_its_record_and_sentence(engine: Engine) -> None:
    [row] = list_verdicts(engine, person="Tleuzhanova")
    assert row["doc_name"] == "a-verdicts.txt"
    assert row["sentence"] == (
        "In Almaty, Aigerim Tleuzhanova was sentenced to four years on 11 July 2023."
    )
    assert row["record"]["term_months"] == 48 and row["record"]["city"] == "Almaty"
    assert VERDICTS_EN[row["span_start"] : row["span_end"]] == "Aigerim Tleuzhanova"
    [appeal] = list_verdicts(engine, person="Masimov", since="2023-04", until="2023-04-01")
    first = next(r for r in list_verdicts(engine, city="Astana") if r["key"] == "massimov")
    assert appeal["record"]["appeal"] == {"status": "upheld", "first_verdict": first["id"]}


ALL_EVENTS = [
    "nurlanov-ru",
    "protest",
    "shooting",
    "nurlanov",
    "unnamed",
    "serikova",
    "arrest",
    "statement",
]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL_EVENTS),
        ({"type": "death"}, ["nurlanov-ru", "nurlanov", "unnamed", "serikova"]),
        ({"type": "death", "place": "Almaty"}, ["nurlanov-ru", "nurlanov", "unnamed"]),
        ({"place": "Жанаозен"}, ["protest"]),
        ({"person": "Nurlanov"}, ["nurlanov-ru", "nurlanov"]),
        ({"person": "Аскар Нурланов"}, ["nurlanov-ru", "nurlanov"]),
        ({"person": "Масимов"}, ["arrest"]),
        ({"person": "Карим Масимов"}, ["arrest"]),
        ({"person": "Tokaev"}, ["statement"]),
        ({"person": "security forces"}, ["shooting"]),
        ({"since": "2022-01-06", "until": "2022-01-06"}, ["nurlanov-ru", *ALL_EVENTS[2:5]]),
        ({"since": "2022-01-05", "until": "2022-01-05"}, ["nurlanov-ru", "protest"]),
        ({"until": "2022-01-01"}, ["nurlanov-ru"]),
        ({"since": "2022-01-07"}, ["nurlanov-ru", "serikova", "arrest"]),
        ({"since": "2022"}, ALL_EVENTS[:-1]),
        ({"type": "statement"}, ["statement"]),
        ({"type": "statement", "until": "2030"}, []),
        ({"type": "release"}, []),
    ],
)
def test_event_filters(engine: Engine, filters: dict[str, str], expected: list[str]) -> None:
    assert [row["key"] for row in list_events(engine, **filters)] == expected


def test_victims_are_grouped_across_documents_and_spellings(engine: Engine) -> None:
    """Event and harm deaths together; the harm fact read from the same sentence as the
    Nurlanov event adds no second source, and the injury (Zhumabaev) is not a death."""
    ru_source = {"outlet": "Example News", "url": "https://example.org/nurlanov"}
    assert list_victims(engine) == [
        {
            "name": "Askar Nurlanov",
            "spellings": ["Askar Nurlanov", "Аскар Нурланов"],
            "date": ["2022-01", "2022-01-06"],
            "place": ["Алматы", "Almaty"],
            "circumstance": ["застрелен", "shot near the akimat"],
            "responsible": ["security forces"],
            "sources": [
                {
                    "doc_name": "d-events.txt",
                    "sentence": "В январе в Алматы был застрелен Аскар Нурланов.",
                    "fact_id": _fact_id("d-events.txt", "nurlanov-ru"),
                    **ru_source,
                },
                {
                    "doc_name": "c-events.txt",
                    "sentence": "Askar Nurlanov was shot near the akimat.",
                    "fact_id": _fact_id("c-events.txt", "nurlanov"),
                    "outlet": "Test Wire",
                    "url": None,
                },
            ],
        },
        {
            "name": "Dana Serikova",
            "spellings": ["Dana Serikova", "Дана Серикова"],
            "date": ["2022-01-07"],
            "place": ["Талдыкорган"],
            "circumstance": ["of her wounds"],
            "responsible": [],
            "sources": [
                {
                    "doc_name": "d-events.txt",
                    "sentence": "Дана Серикова погибла в Талдыкоргане 7 января.",
                    "fact_id": _fact_id("d-events.txt", "serikova"),
                    **ru_source,
                },
                {
                    "doc_name": "c-events.txt",
                    "sentence": "Dana Serikova died of her wounds, her family said.",
                    "fact_id": _fact_id("c-events.txt", "harm-serikova"),
                    "outlet": "Test Wire",
                    "url": None,
                },
            ],
        },
    ]


def test_an_empty_store_lists_nothing(tmp_path: Path) -> None:
    empty = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    assert list_verdicts(empty) == list_events(empty) == list_victims(empty) == []


def _fact_id(doc_name: str, key: str) -> str:
    return next(
        f.id for doc, facts in corpus() if doc.name == doc_name for f in facts if f.key == key
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-07-11", (date(2023, 7, 11), date(2023, 7, 11))),
        ("2023-04", (date(2023, 4, 1), date(2023, 4, 30))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
        ({"start": "2022-01-02", "end": "2022-01"}, (date(2022, 1, 2), date(2022, 1, 31))),
        ({"start": "2022", "end": "2022"}, (date(2022, 1, 1), date(2022, 12, 31))),
        (None, None),
    ],
)
def test_date_interval(value: Any, expected: tuple[date, date] | None) -> None:
    assert date_interval(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2023-02-30",
        "2023-13",
        "2023/04",
        "",
        "5 Jan 2022",
        "20230101",
        2023,
        {"start": "2022-01-05", "end": "2022-01-02"},
        {"start": "2022"},
    ],
)
def test_date_interval_rejects_what_is_not_a_date(value: Any) -> None:
    expected = f"the date must be a date such as 2022-01-05, 2022-01 or 2022, not {value!r}"
    with pytest.raises(ValueError) as caught:
        date_interval(value)
    assert str(caught.value) == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda e: list_verdicts(e, since="January"),
            "since must be a date such as 2022-01-05, 2022-01 or 2022, not 'January'",
        ),
        (
            lambda e: list_events(e, until="2022-1-5"),
            "until must be a date such as 2022-01-05, 2022-01 or 2022, not '2022-1-5'",
        ),
        (
            lambda e: list_verdicts(e, since="2023-05", until="2023-04"),
            "since (2023-05) is after until (2023-04), so nothing could match",
        ),
        (
            lambda e: list_verdicts(e, outcome="jail"),
            "outcome must be one of prison, restricted_freedom, probation, suspended, fine, "
            "acquitted, ban, convicted, not 'jail'",
        ),
        (lambda e: list_events(e, type="riot"), "type must be one of protest, clash,"),
    ],
)
def test_bad_filters_are_refused_in_plain_words(engine: Engine, call: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        call(engine)
    assert str(caught.value).startswith(message)


def test_a_malformed_record_date_counts_as_undated(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'odd.db'}")
    doc = make_doc(VERDICTS_EN, "odd.txt")
    save_document(
        store,
        doc,
        [
            verdict(doc, "Karim Massimov", "odd", defendant="Karim Massimov", date="spring"),
            verdict(doc, "Seven people", "dated", count=7, date="2023-03"),
        ],
        PIPELINE,
    )
    assert [r["key"] for r in list_verdicts(store)] == ["dated", "odd"]
    assert [r["key"] for r in list_verdicts(store, since="2020")] == ["dated"]
