"""The verdicts table: one row per defendant's sentence, filtered, sorted, and as CSV.

Filters are the ones monitors ask for: city, outcome, charge (any words of it), a person (any
spelling) and a date range. Sorting happens here and not in the page so the API, the page and
the CSV give the same order.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from sqlalchemy.engine import Engine

from qantar.codebook import label, values
from qantar.dates import lenient_interval, show_date
from qantar.nlp.normalize.names import skeleton
from qantar.publish.lines import term_words
from qantar.publish.state import memoised
from qantar.store.queries import fact_sources, record_strings
from qantar.store.records import list_verdicts

SORTS = ("date", "defendant", "city", "outcome", "term", "document")
"""Columns the table can be sorted by."""

CSV_COLUMNS = (
    "fact_id",
    "defendant",
    "people",
    "outcome",
    "term",
    "term_months",
    "charges",
    "court",
    "city",
    "date",
    "appeal",
    "document",
    "outlet",
    "url",
    "sentence",
    "review",
)


@memoised
def verdict_table(
    engine: Engine,
    *,
    city: str | None = None,
    outcome: str | None = None,
    charge: str | None = None,
    person: str | None = None,
    since: str | None = None,
    until: str | None = None,
    sort: str = "date",
    descending: bool = False,
) -> dict[str, Any]:
    """The rows, the filters as applied, and the choices a filter form offers.

    Raises:
        ValueError: an unknown outcome or sort column, a malformed date bound.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    found = list_verdicts(
        engine,
        person=person or None,
        city=city or None,
        outcome=outcome or None,
        since=since or None,
        until=until or None,
    )
    sources = fact_sources(engine, "verdict")
    rows = [_row(fact, sources.get(fact["doc_id"], [])) for fact in found]
    if charge:
        wanted = skeleton(charge)
        rows = [r for r in rows if any(wanted in skeleton(c) for c in r["charges"])]
    rows = _sorted(rows, sort, descending)
    everything = (
        [_row(f, []) for f in list_verdicts(engine)]
        if any((city, outcome, charge, person, since, until))
        else rows
    )
    return {
        "rows": rows,
        "filters": {
            "city": city,
            "outcome": outcome,
            "charge": charge,
            "person": person,
            "since": since,
            "until": until,
            "sort": sort,
            "descending": descending,
        },
        "choices": {
            "cities": sorted({r["city"] for r in everything if r["city"]}),
            "outcomes": [
                {"value": v, "label": label("verdict_outcomes", v)}
                for v in values("verdict_outcomes")
            ],
            "charges": [
                c for c, _n in Counter(c for r in everything for c in r["charges"]).most_common(30)
            ],
            "sorts": list(SORTS),
        },
    }


def verdicts_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV text (UTF-8, a header, lists joined with "; ") for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = {**row, "charges": "; ".join(row["charges"]), "review": row["review"]["status"]}
        writer.writerow(flat)
    return buffer.getvalue()


def record_ints(value: Any) -> list[int]:
    """The whole numbers of a list field (a term range), nothing else."""
    items = value if isinstance(value, list) else []
    return [n for n in items if isinstance(n, int) and not isinstance(n, bool)]


def _row(fact: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    record = fact["record"]
    count = record.get("count")
    defendant = record.get("defendant")
    appeal = record.get("appeal")
    return {
        "fact_id": fact["id"],
        "defendant": defendant
        or (f"{count} people" if isinstance(count, int) and count > 1 else "unnamed defendant"),
        "named": bool(defendant),
        "people": count if isinstance(count, int) else 1,
        "outcome": record.get("outcome"),
        "outcome_label": label("verdict_outcomes", record["outcome"])
        if record.get("outcome") in values("verdict_outcomes")
        else "unknown",
        "term": term_words(record),
        "term_months": record.get("term_months"),
        "term_high": max(record_ints(record.get("term_range")), default=None),
        "charges": record_strings(record.get("charges")),
        "court": record.get("court"),
        "city": record.get("city"),
        "date": show_date(record.get("date"), ""),
        "appeal": appeal.get("status") if isinstance(appeal, dict) else None,
        "doc_id": fact["doc_id"],
        "document": fact["doc_name"],
        "outlet": next((s["outlet"] for s in sources if s["outlet"]), None),
        "url": next((s["url"] for s in sources if s["url"]), None),
        "sentence": fact["sentence"],
        "review": fact["review"],
    }


def _sorted(rows: list[dict[str, Any]], sort: str, descending: bool) -> list[dict[str, Any]]:
    """Rows in ``sort`` order; rows without that value (undated, no city) last either way."""
    key, missing = _SORT_KEYS[sort], _MISSING[sort]
    present = sorted((r for r in rows if r[missing] not in (None, "", False)), key=key)
    absent = sorted((r for r in rows if r[missing] in (None, "", False)), key=key)
    return (present[::-1] if descending else present) + absent


def _date_key(row: dict[str, Any]) -> tuple[Any, ...]:
    interval = lenient_interval(row["date"] or None)
    return (0, *interval) if interval else (1,)


def _term_key(row: dict[str, Any]) -> int:
    return int(row["term_months"] or row["term_high"] or 0)


_SORT_KEYS: dict[str, Any] = {
    "date": lambda r: (_date_key(r), r["document"], r["fact_id"]),
    "defendant": lambda r: (r["defendant"].casefold(), _date_key(r)),
    "city": lambda r: ((r["city"] or "").casefold(), _date_key(r)),
    "outcome": lambda r: (r["outcome"] or "~", -_term_key(r), _date_key(r)),
    "term": lambda r: (_term_key(r), _date_key(r)),
    "document": lambda r: (r["document"], r["fact_id"]),
}

_MISSING = {
    "date": "date",
    "defendant": "named",
    "city": "city",
    "outcome": "outcome",
    "term": "term",
    "document": "document",
}
"""The field whose absence puts a row last under each sort."""
