"""Property: any text gives valid verdict, event and harm records, or none; never a crash."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qantar.codebook import values
from tests.nlp.helpers import extract

PIECES = [
    "Aigerim Tleuzhanova",
    "Kalas Nurpeisov",
    "was sentenced to",
    "received",
    "eight years",
    "three years and seven months",
    "four to eight years",
    "16, 15 and three",
    "years",
    "respectively",
    "in prison",
    "of restricted freedom",
    "on probation",
    "on July 11",
    "5 January",
    "January 5-6 last year",
    "the following day",
    "overnight",
    "a year and a half later",
    "seven",
    "people",
    "those five protesters",
    "in Almaty",
    "died as a result of",
    "the son of",
    "tortured",
    "upheld",
    "appeal",
    ",",
    ".",
    "\n\n",
    "“",
    "”",
    "and",
    "2022",
    "February 30",
    "приговорил",
    "к восьми годам",
    "лишения свободы",
    "11 июля",
    "пятерым обвиняемым",
    "погиб",
]
TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=30).map(" ".join),
)


def _valid_date(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return set(value) == {"start", "end"} and all(_valid_date(value[k]) for k in value)
    if not isinstance(value, str):
        return False
    parts = value.split("-")
    try:
        date(
            int(parts[0]),
            int(parts[1]) if len(parts) > 1 else 1,
            int(parts[2]) if len(parts) > 2 else 1,
        )
    except (ValueError, IndexError):
        return False
    return len(parts[0]) == 4 and len(parts) <= 3


def _check(record: dict[str, Any]) -> None:
    for verdict in record["verdicts"]:
        assert verdict["outcome"] in values("verdict_outcomes")
        assert isinstance(verdict["count"], int) and verdict["count"] >= 1
        months = verdict["term_months"]
        assert months is None or (isinstance(months, int) and 0 < months <= 1200)
        assert _valid_date(verdict["date"])
        assert verdict["defendant"] is None or verdict["defendant"].strip()
    for event in record["events"]:
        assert event["type"] in values("event_types")
        assert event["date"] is not None and _valid_date(event["date"])
    for harm in record.get("harms", []):
        assert harm["type"] in values("harm_types")
        assert harm["person"] and _valid_date(harm["date"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["en", "ru"]), st.sampled_from([None, "2023-07-13", "2023"]))
def test_any_text_gives_valid_records_or_none(
    text: str, language: str, published: str | None
) -> None:
    if not text.strip():
        return
    _check(extract(text, language=language, published=published))
