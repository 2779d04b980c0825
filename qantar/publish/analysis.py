"""Pages that read across documents: conflicts, the timeline, and figures by measure.

Each answer is computed once per state of the store (:mod:`.state`): these read every fact,
and a page is asked for far more often than the store changes.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from qantar.analyze import find_conflicts
from qantar.analyze.plot import chart_svg
from qantar.analyze.series import series
from qantar.analyze.timeline import timeline
from qantar.codebook import label, values
from qantar.publish.state import corpus, memo, memoised
from qantar.store.records import list_figures

ABOUT = ("figure", "verdict", "event")
"""What a finding can be about."""


@memoised
def conflicts(engine: Engine, about: str | None = None, kind: str | None = None) -> dict[str, Any]:
    """Findings (each as :meth:`qantar.analyze.Finding.as_dict`), filtered, and a tally.

    Raises:
        ValueError: an unknown ``about`` or ``kind``.
    """
    if about and about not in ABOUT:
        raise ValueError(f"about must be one of {', '.join(ABOUT)}, not {about!r}")
    if kind and kind not in values("finding_kinds"):
        raise ValueError(f"kind must be one of {', '.join(values('finding_kinds'))}, not {kind!r}")
    every = all_findings(engine)
    kept = [f for f in every if about in (None, "", f["about"]) and kind in (None, "", f["kind"])]
    return {
        "findings": kept,
        "tally": dict(Counter(f["kind"] for f in every)),
        "filters": {"about": about, "kind": kind},
        "choices": {"about": list(ABOUT), "kinds": list(values("finding_kinds"))},
    }


def all_findings(engine: Engine) -> list[dict[str, Any]]:
    """Every finding as a dict, conflicts first."""
    return memo(engine, "findings", lambda: [f.as_dict() for f in find_conflicts(corpus(engine))])


def timeline_page(
    engine: Engine,
    *,
    place: str | None = None,
    person: str | None = None,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
) -> dict[str, Any]:
    """Timeline entries (dicts), ``days`` (per day with entries: its count, its share of the
    busiest day and its ``position`` from 0 to 1 between the first and last day) and ``ticks``
    (month or year starts with positions): a density strip drawn to scale above the list.

    Raises:
        ValueError: a malformed date bound, ``since`` after ``until``, an unknown type.
    """
    if type and type not in values("event_types") and type != "verdict":
        raise ValueError(f"type must be verdict or an event type, not {type!r}")
    filters = {"place": place, "person": person, "since": since, "until": until, "type": type}
    key = ("timeline", *sorted((k, v or "") for k, v in filters.items()))

    def compute() -> list[dict[str, Any]]:
        found = timeline(
            engine,
            corpus(engine),
            place=place or None,
            person=person or None,
            since=since or None,
            until=until or None,
        )
        return [e.as_dict() for e in found if type in (None, "", e.type)]

    entries = memo(engine, key, compute)
    days, ticks = _density(entries)
    types = sorted({entry["type"] for entry in entries})
    return {
        "entries": entries,
        "days": days,
        "ticks": ticks,
        "filters": filters,
        "choices": {"types": ["verdict", *values("event_types")], "present": types},
    }


@memoised
def figure_measures(engine: Engine) -> list[dict[str, Any]]:
    """Every measure with figures in the store: ``measure``, ``label``, ``count``, ``values``."""
    found = Counter(str(f["record"].get("measure")) for f in list_figures(engine))
    return [
        {"measure": measure, "label": label("figure_measures", measure), "count": n}
        for measure, n in sorted(found.items(), key=lambda item: (-item[1], item[0]))
        if measure in values("figure_measures")
    ]


def figure_page(engine: Engine, measure: str) -> dict[str, Any]:
    """One measure: its figures, the series over time and the chart (SVG text, or None
    when no figure is dated).

    Raises:
        ValueError: an unknown measure.
    """
    if measure not in values("figure_measures"):
        raise ValueError(
            f"measure must be one of {', '.join(values('figure_measures'))}, not {measure!r}"
        )

    def compute() -> dict[str, Any]:
        points = series(corpus(engine), measure)
        drawn = [p for p in points if p["whole_case"]]
        return {
            "measure": measure,
            "label": label("figure_measures", measure),
            "points": points,
            "chart": chart_svg(drawn, measure) if drawn else None,
            "figures": list_figures(engine, measure=measure),
        }

    return memo(engine, ("figure", measure), compute)


def _density(entries: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Entries per day placed on a time axis, and the axis's month (or year) marks."""
    per_day = Counter(date.fromisoformat(entry["start"]) for entry in entries)
    if not per_day:
        return [], []
    first, last = min(per_day), max(per_day)
    span = max((last - first).days, 1)
    busiest = max(per_day.values())
    days = [
        {
            "date": day.isoformat(),
            "count": n,
            "share": round(n / busiest, 3),
            "position": round((day - first).days / span, 4),
        }
        for day, n in sorted(per_day.items())
    ]
    if span <= 62:  # a month or two: mark days
        every = max(1, span // 8)
        ticks = [
            {
                "label": (first + timedelta(days=n)).strftime("%d %b"),
                "position": round(n / span, 4),
            }
            for n in range(0, span + 1, every)
        ]
        return days, ticks
    yearly = span > 730
    ticks = []
    mark = date(first.year, 1 if yearly else first.month, 1)
    while mark <= last:
        if mark >= first:
            ticks.append(
                {
                    "label": mark.strftime("%Y" if yearly else "%b %Y"),
                    "position": round((mark - first).days / span, 4),
                }
            )
        mark = (
            date(mark.year + 1, 1, 1)
            if yearly or mark.month == 12
            else mark.replace(month=mark.month + 1)
        )
    step = max(1, len(ticks) // 12)
    return days, ticks[::step]
