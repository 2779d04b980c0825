"""One timeline from every document: events and verdicts in date order, with their sources.

Reports of one happening (:mod:`.events`) become one entry citing every document that tells
of it; when they disagree on the day, each day is its own entry, marked ``disputed`` with the
other days. Verdicts come from the verdict facts, one entry per defendant and ruling (verdict
events are made from the same facts, so they are not listed twice); a verdict no report dates
cannot be placed and is left out. Dates keep their precision: "2023-04" is all of April.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from qantar.analyze import events, verdicts
from qantar.analyze.corpus import Corpus, Report, independent
from qantar.analyze.findings import agreeing_groups
from qantar.analyze.periods import apart, interval, show_date
from qantar.codebook import label
from qantar.dates import Interval, date_interval
from qantar.nlp.normalize.names import same_name, skeleton
from qantar.resolve.entities import find_entities


@dataclass
class Entry:
    """One dated line of the timeline."""

    date: str
    when: Interval
    type: str
    title: str
    places: list[str]
    people: list[str]
    keys: set[str]
    reports: list[Report]
    disputed: list[str] = field(default_factory=list)
    """Other days that other reports give for the same happening."""

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "start": self.when[0].isoformat(),
            "end": self.when[1].isoformat(),
            "type": self.type,
            "title": self.title,
            "places": self.places,
            "people": self.people,
            "independent_sources": independent(self.reports),
            "documents": sorted({r.doc_name for r in self.reports}),
            "disputed": self.disputed,
            "reports": [report.cite() for report in self.reports],
        }


def timeline(
    engine: Engine,
    corpus: Corpus,
    *,
    place: str | None = None,
    person: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[Entry]:
    """The merged timeline, filtered: ``place`` by folded name, ``person`` by entity (any
    spelling in either alphabet finds every spelling), ``since``/``until`` by overlap.

    Raises:
        ValueError: a malformed date bound, or ``since`` after ``until``.
    """
    low = date_interval(since, "since") if since else None
    high = date_interval(until, "until") if until else None
    if low and high and low[0] > high[1]:
        raise ValueError(f"since ({since}) is after until ({until}), so nothing could match")
    wanted = _person_keys(engine, person) if person else None
    entries = _event_entries(corpus) + _verdict_entries(corpus)
    kept = [
        entry
        for entry in entries
        if (low is None or entry.when[1] >= low[0])
        and (high is None or entry.when[0] <= high[1])
        and (place is None or any(same_name(place, p) for p in entry.places))
        and (wanted is None or entry.keys & wanted)
    ]
    return sorted(kept, key=lambda e: (e.when, e.when[1] - e.when[0], e.type, e.title))


def _event_entries(corpus: Corpus) -> list[Entry]:
    entries = []
    for happening in events.happenings(corpus):
        if all(account.type == "verdict" for account in happening):
            continue
        sides = events.date_sides(happening)
        for side in sides:
            reports = [account.report for account in side]
            keys = {key for account in side for key in account.participants}
            precise = min(side, key=lambda a: (a.date[1] - a.date[0], a.report.doc_name))
            entries.append(
                Entry(
                    date=_shown(precise.report.record.get("date"), precise.date),
                    when=_span(a.date for a in side),
                    type=side[0].type,
                    title=_title(reports[0]),
                    places=_distinct(r.record.get("place") for r in reports),
                    people=[corpus.names.label(k) for k in sorted(keys)],
                    keys=keys,
                    reports=reports,
                    disputed=[s[0].shown_date for s in sides if s is not side],
                )
            )
    return entries


def _verdict_entries(corpus: Corpus) -> list[Entry]:
    entries = []
    for key, sides in verdicts.ruling_groups(corpus).items():
        for side in sides:
            dated = sorted((r for r in side if r.date), key=lambda r: r.date or ())
            days = agreeing_groups(dated, lambda a, b: not apart(_day(a), _day(b)))
            undated = [r for r in side if not r.date]
            for n, day in enumerate(days):
                best = min(day, key=lambda r: (r.term is None, _day(r)[1] - _day(r)[0]))
                rulings = day + (undated if n == 0 else [])
                entries.append(_verdict_entry(best, rulings, {key}))
    for report in corpus.reports("verdict"):
        when = interval(report.record.get("date"))
        if when and not report.record.get("defendant"):
            count = report.record.get("count")
            title = f"Verdict: {count} people" if count else "Verdict"
            ruling = verdicts.Ruling(report, "", title)
            entries.append(_verdict_entry(ruling, [ruling], set(), title))
    return entries


def _verdict_entry(
    best: verdicts.Ruling, rulings: list[verdicts.Ruling], keys: set[str], title: str = ""
) -> Entry:
    assert best.date is not None
    record = best.report.record
    return Entry(
        date=_shown(record.get("date"), best.date),
        when=best.date,
        type="verdict",
        title=f"{title or f'Verdict: {best.name}'}, {best.shown}",
        places=_distinct(r.report.record.get("city") for r in rulings),
        people=[best.name] if keys else [],
        keys=keys,
        reports=[r.report for r in rulings],
    )


def _day(ruling: verdicts.Ruling) -> Interval:
    assert ruling.date is not None, "only dated rulings are placed on the timeline"
    return ruling.date


def _person_keys(engine: Engine, query: str) -> set[str]:
    found = {entity["id"] for entity in find_entities(engine, query, "person")}
    return found | {"name:" + skeleton(query)}


def _title(report: Report) -> str:
    kind = label("event_types", str(report.record.get("type")))
    summary = str(report.record.get("summary") or report.sentence)
    return f"{kind}: {summary}"


def _shown(value: Any, when: Interval) -> str:
    return show_date(value) if value else f"{when[0]}..{when[1]}"


def _span(intervals: Any) -> Interval:
    found = list(intervals)
    return max(i[0] for i in found), min(i[1] for i in found)


def _distinct(values: Any) -> list[str]:
    seen: list[str] = []
    for value in values:
        if isinstance(value, str) and value and all(not same_name(value, s) for s in seen):
            seen.append(value)
    return seen
