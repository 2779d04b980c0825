"""Records in words, one line each: how the CLI lists them and how web pages summarise a fact.

In the library, not in the CLI, because the web app and the exports say the same things.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qantar.dates import show_date


def summary(kind: str, record: dict[str, Any]) -> str:
    """A record in one line ("2023-04  Astana  Karim Massimov  prison 18 years"), or ``""`` for
    kinds that are just a name (person, organization, place: the name says it)."""
    line = LINES.get(kind)
    if line is not None:
        return line(record)
    return str(record.get("name") or "")


def page_label(page: str | None) -> str | None:
    """How a citation names a page of a paginated source: ``"page 12"``; ``None`` without."""
    return f"page {page}" if page else None


def when(value: Any) -> str:
    return show_date(value, "no date")


def months_words(months: int) -> str:
    """43 is "3 years 7 months", 12 is "1 year", 6 is "6 months"."""
    years, rest = divmod(months, 12)
    words = [f"{years} year{'s' * (years != 1)}"] if years else []
    if rest or not years:
        words.append(f"{rest} month{'s' * (rest != 1)}")
    return " ".join(words)


def term_words(record: dict[str, Any]) -> str:
    """A sentence term in words: "3 years 7 months", a range "4–8 years", or ""."""
    span = record.get("term_range")
    if isinstance(span, list) and len(span) == 2 and all(isinstance(n, int) for n in span):
        low, high = span
        if low % 12 == 0 and high % 12 == 0:
            return f"{low // 12}–{high // 12} years"
        if high < 12:
            return f"{low}–{high} months"
        return f"{months_words(low)} – {months_words(high)}"
    months = record.get("term_months")
    return months_words(months) if isinstance(months, int) else ""


def _verdict_line(record: dict[str, Any]) -> str:
    count = record.get("count")
    group = isinstance(count, int) and count > 1
    who = record.get("defendant") or (f"{count} people" if group else "unnamed defendant")
    outcome = str(record.get("outcome") or "unknown outcome").replace("_", " ")
    parts = [when(record.get("date")), record.get("city") or "no city", who]
    parts.append(f"{outcome} {term_words(record)}".strip())
    if record.get("charges"):
        parts.append(f"({'; '.join(record['charges'])})")
    if isinstance(record.get("appeal"), dict):
        parts.append(f"appeal {record['appeal'].get('status')}")
    return "  ".join(parts)


def _event_line(record: dict[str, Any]) -> str:
    parts = [when(record.get("date")), record.get("place") or "no place", record.get("type")]
    summary = record.get("summary") or ""
    parts.append(f"{record['person']}: {summary}" if record.get("person") else summary)
    extras = [str(record["circumstance"])] if record.get("circumstance") else []
    if record.get("responsible"):
        extras.append(f"responsible: {record['responsible']}")
    if record.get("actors"):
        extras.append(f"actors: {', '.join(record['actors'])}")
    if extras:
        parts.append(f"({'; '.join(extras)})")
    return "  ".join(str(part) for part in parts if part)


def _figure_line(record: dict[str, Any]) -> str:
    value = record.get("value")
    shown = "–".join(f"{v:,}" for v in value) if isinstance(value, list) else f"{value:,}"
    if record.get("currency"):
        shown = f"{shown} {record['currency']}"
    if record.get("qualifier"):
        shown = f"{record['qualifier']} {shown}"
    source = record.get("attributed_to") or "no source named"
    return "  ".join(
        [
            str(record.get("measure")),
            shown,
            f"as of {record['as_of']}" if record.get("as_of") else "no date",
            f"{source} ({record.get('source_type')})",
        ]
    )


LINES: dict[str, Callable[[dict[str, Any]], str]] = {
    "verdict": _verdict_line,
    "event": _event_line,
    "harm": _event_line,
    "figure": _figure_line,
    "quote": lambda record: f"“{record.get('text', '')}”",
}
"""One-line renderings of a record, by fact kind."""
