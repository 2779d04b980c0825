"""A chart of one measure's values over time, coloured by source type, as PNG or SVG.

Where a reader would rather look than read: official and independent counts of the dead side
by side over time. Each point is a figure (:mod:`.series`); a hollow marker is dated by its
article's publication day, a filled one by the day the source says the count refers to; a
stated range is a vertical bar and a floor ("at least 238") a triangle pointing up. matplotlib
draws off-screen (Agg).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
from matplotlib.figure import Figure

from qantar.codebook import label, setting, values

FORMATS = (".png", ".svg")
COLOURS = {"official": "#c0392b", "independent": "#2471a3", "unknown": "#7f8c8d"}


def plot_series(points: list[dict[str, Any]], measure: str, path: Path) -> Path:
    """Draw ``points`` (from :func:`qantar.analyze.series.series`) into ``path``.

    Raises:
        ValueError: ``path`` is not .png or .svg, or there is nothing to draw.
    """
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"the chart is saved as PNG or SVG: name a .png or .svg file, not {path}")
    figure = _chart(points, measure)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, bbox_inches="tight")
    return path


def chart_svg(points: list[dict[str, Any]], measure: str) -> str:
    """The same chart as SVG text, for a web page to embed.

    Raises:
        ValueError: there is nothing to draw.
    """
    buffer = io.StringIO()
    _chart(points, measure).savefig(buffer, format="svg", bbox_inches="tight")
    return buffer.getvalue()


def _chart(points: list[dict[str, Any]], measure: str) -> Figure:
    """The chart as a matplotlib Figure. Built without pyplot, whose global state is not
    safe in a web server's threads, and garbage-collected like any object."""
    if not points:
        raise ValueError(f"no figures of {measure!r} are dated or published, so nothing to draw")
    figure = Figure(figsize=(9, 4.8), dpi=110)
    axes = figure.subplots()
    for source_type in values("source_types"):
        mine = [p for p in points if p["source_type"] == source_type]
        if mine:
            _draw(axes, mine, source_type)
    axes.set_title(f"{label('figure_measures', measure)}: {setting('case')['name']}")
    axes.set_ylabel(label("figure_measures", measure))
    axes.set_xlabel("date the count refers to (hollow: article's publication day)")
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))  # type: ignore[no-untyped-call]
    axes.grid(True, alpha=0.3)
    axes.legend(loc="best")
    figure.autofmt_xdate()
    return figure


def _draw(axes: Any, points: list[dict[str, Any]], source_type: str) -> None:
    """One source type's points, joined in time order; ▲ marks a floor ("at least")."""
    colour = COLOURS.get(source_type, "#333333")
    days = [date.fromisoformat(point["date"]) for point in points]
    middles = [p["low"] if p["high"] is None else (p["low"] + p["high"]) / 2 for p in points]
    axes.plot(days, middles, "-", color=colour, alpha=0.35, linewidth=1)
    for n, (point, when, middle) in enumerate(zip(points, days, middles, strict=True)):
        floor = point["high"] is None
        axes.plot(
            [when],
            [middle],
            "^" if floor else "o",
            color=colour,
            markerfacecolor="white" if point["dated_by"] == "published" else colour,
            markersize=8,
            label=label("source_types", source_type) if n == 0 else None,
        )
        if not floor and point["high"] > point["low"]:
            axes.vlines(when, point["low"], point["high"], color=colour, linewidth=2)
        axes.annotate(
            point["value"],
            (when, middle),
            textcoords="offset points",
            xytext=(6, 4),
            fontsize=8,
            color=colour,
        )
