"""An offline map of Kazakhstan: where the record's events and trials happened.

The map must work without tile servers or map scripts (readers in Kazakhstan may be offline or
blocked, and a third-party request tells that party who is reading), so it ships its own data:
Natural Earth's country outline (public domain) and the coordinates of the places the gazetteer
names (``geography/places.yml``). A fact's place is folded to a canonical name by the same
gazetteer the extractors use, so every spelling an article may use lands on one marker, and a
place that cannot be placed is listed, never dropped, so the map does not understate the record.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import yaml
from sqlalchemy.engine import Engine

from qantar.exceptions import ConfigError
from qantar.nlp.lexicon import load_lexicon
from qantar.publish.state import memoised
from qantar.store.records import list_events, list_verdicts

#: Marker colours: the disc for all reports, its darker core for the verdicts' share.
EVENT_COLOUR = "#d95f02"
VERDICT_COLOUR = "#4a1486"
_PAD = 16  # px around the outline
_LEGEND = 44  # px below the outline for the legend
_MIN_RADIUS = 3.0  # px: a place with one report must still be seen and hovered
_MAX_RADIUS = 28.0  # px: the place with most reports
_LABEL_RADIUS = 8.0  # px: places at least this big get a text label


def _read(name: str) -> str:
    try:
        return resources.files("qantar.publish").joinpath("geography", name).read_text("utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read qantar/publish/geography/{name}: {error}") from None


@cache
def _rings() -> tuple[tuple[tuple[float, float], ...], ...]:
    data = json.loads(_read("kazakhstan.geojson"))
    found: list[tuple[tuple[float, float], ...]] = []
    for feature in data.get("features", [data]):
        geometry = feature.get("geometry", feature)
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            found += [tuple((float(x), float(y)) for x, y, *_ in ring) for ring in polygon]
    return tuple(found)


def outline() -> list[list[tuple[float, float]]]:
    """Kazakhstan's outline as rings of ``(lon, lat)`` points (GeoJSON order), read once.

    A fresh list each call, so a caller that edits it cannot change the map for everyone else.
    """
    return [list(ring) for ring in _rings()]


@cache
def _places() -> dict[str, tuple[float, float]]:
    try:
        data = yaml.safe_load(_read("places.yml"))
        return {str(k): (float(v["lat"]), float(v["lon"])) for k, v in data.items()}
    except (yaml.YAMLError, AttributeError, KeyError, TypeError, ValueError) as error:
        raise ConfigError(f"qantar/publish/geography/places.yml is malformed: {error}") from None


def _map_name(place: str) -> str:
    """The name a place is shown under: a site folds into its city ("Almaty Airport" is
    Almaty), any gazetteer spelling into its canonical name, else a places.yml key matched
    regardless of case, else the name as written."""
    name = place.strip()
    lexicon = load_lexicon()
    found = lexicon.lookup(name)
    if found is not None and found[0] == "place":
        return lexicon.city_of(name) or found[1]
    folded = {key.casefold(): key for key in _places()}
    return folded.get(name.casefold(), name)


def coordinates(place: str) -> tuple[float, float] | None:
    """``(lat, lon)`` of a place in any spelling the gazetteer knows; None if it cannot be
    placed (an unknown name, a country, a region the map has no point for)."""
    return _places().get(_map_name(place))


@memoised
def map_places(
    engine: Engine, *, since: str | None = None, until: str | None = None
) -> dict[str, Any]:
    """Where the stored events and verdicts happened, grouped by place, JSON-ready.

    ``since``/``until`` filter by date as :func:`~qantar.store.records.list_events` does.
    Returns ``{"places": [...], "unplaced": [...], "without_place": {...}, "bounds": {...}}``:
    each place is ``{"name", "lat", "lon", "events", "verdicts", "event_types": {type: n},
    "facts": [fact ids]}``, sorted by events + verdicts (most first), then name; ``unplaced``
    lists the named places with no coordinates (``{"name", "events", "verdicts", "facts"}``,
    same order), so a reader sees what the map leaves out; ``without_place`` counts facts that
    name no place at all; ``bounds`` is the outline's ``west``, ``south``, ``east``, ``north``.

    Raises:
        ValueError: a malformed date bound, or ``since`` after ``until``.
    """
    groups: dict[str, dict[str, Any]] = {}
    missing = {"events": 0, "verdicts": 0}
    reports = [
        ("events", f, f["record"].get("place"))
        for f in list_events(engine, since=since, until=until)
    ]
    reports += [
        ("verdicts", f, f["record"].get("city"))
        for f in list_verdicts(engine, since=since, until=until)
    ]
    for what, fact, place in reports:
        if not isinstance(place, str) or not place.strip():
            missing[what] += 1
            continue
        name = _map_name(place)
        group = groups.setdefault(
            name, {"name": name, "events": 0, "verdicts": 0, "event_types": {}, "facts": []}
        )
        group[what] += 1
        group["facts"].append(fact["id"])
        if what == "events":
            kind = str(fact["record"].get("type") or "unspecified")
            group["event_types"][kind] = group["event_types"].get(kind, 0) + 1
    placed, unplaced = [], []
    for name, group in sorted(groups.items(), key=lambda g: (-_total(g[1]), g[0])):
        point = _places().get(name)
        if point is None:
            unplaced.append({k: group[k] for k in ("name", "events", "verdicts", "facts")})
        else:
            group["event_types"] = dict(sorted(group["event_types"].items()))
            placed.append({"name": name, "lat": point[0], "lon": point[1], **group})
    return {"places": placed, "unplaced": unplaced, "without_place": missing, "bounds": _bounds()}


def _total(place: dict[str, Any]) -> int:
    return int(place.get("events", 0)) + int(place.get("verdicts", 0))


def _bounds() -> dict[str, float]:
    points = [point for ring in _rings() for point in ring]
    return {
        "west": min(p[0] for p in points),
        "south": min(p[1] for p in points),
        "east": max(p[0] for p in points),
        "north": max(p[1] for p in points),
    }


def _counted(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def render_svg(
    places: list[dict[str, Any]], *, width: int = 720, link: Callable[[str], str] | None = None
) -> str:
    """A standalone SVG map (no scripts, fonts or images to fetch) of ``places`` as
    :func:`map_places` gives them.

    The projection is equirectangular with longitudes shrunk by the cosine of the mean
    latitude, so the country keeps its shape. Each place is a disc whose area is proportional
    to its events plus verdicts (never smaller than a visible minimum), with a dark core whose
    area is the verdicts' share; a legend inside the picture says so. Every marker has a hover
    title, the larger ones a label, and with ``link`` each marker links to ``link(name)``.
    All text is escaped, and the same input always gives the same string.
    """
    box = _bounds()
    ratio = math.cos(math.radians((box["south"] + box["north"]) / 2))
    scale = (width - 2 * _PAD) / ((box["east"] - box["west"]) * ratio)
    map_height = (box["north"] - box["south"]) * scale + 2 * _PAD
    height = round(map_height + _LEGEND)

    def xy(lon: float, lat: float) -> str:
        x = _PAD + (lon - box["west"]) * ratio * scale
        y = _PAD + (box["north"] - lat) * scale
        return f"{x:.1f},{y:.1f}"

    shown = sorted(
        (p for p in places if p.get("lat") is not None and p.get("lon") is not None),
        key=lambda p: (-_total(p), str(p["name"])),
    )
    events = sum(int(p.get("events", 0)) for p in shown)
    verdicts = sum(int(p.get("verdicts", 0)) for p in shown)
    summary = (
        f"Map of Kazakhstan: {_counted(events, 'event')} and {_counted(verdicts, 'verdict')} "
        f"in {_counted(len(shown), 'place')}"
    )
    most = max((_total(p) for p in shown), default=1) or 1
    path = " ".join("M" + " L".join(xy(*point) for point in ring) + " Z" for ring in _rings())
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(summary)} '
        'font-family="sans-serif" font-size="12">',
        f"<title>{escape(summary)}</title>",
        f'<path class="outline" d="{path}" fill="#f2efe9" stroke="#8c8c8c" stroke-width="1"/>',
    ]
    labels = []
    for place in shown:  # biggest first, so smaller discs are drawn on top and stay hoverable
        name, total = str(place["name"]), _total(place)
        radius = max(_MIN_RADIUS, _MAX_RADIUS * math.sqrt(total / most))
        core = radius * math.sqrt(int(place.get("verdicts", 0)) / total) if total else 0.0
        x, y = xy(float(place["lon"]), float(place["lat"])).split(",")
        title = (
            f"{name}: {_counted(int(place.get('events', 0)), 'event')}, "
            f"{_counted(int(place.get('verdicts', 0)), 'verdict')}"
        )
        marker = [
            f'<g class="marker" data-place={quoteattr(name)}>',
            f"<title>{escape(title)}</title>",
            f'<circle cx="{x}" cy="{y}" r="{radius:.1f}" fill="{EVENT_COLOUR}" '
            'fill-opacity="0.75" stroke="#ffffff" stroke-width="1"/>',
        ]
        if core:
            marker.append(f'<circle cx="{x}" cy="{y}" r="{core:.1f}" fill="{VERDICT_COLOUR}"/>')
        marker.append("</g>")
        if link is not None:
            marker = [f"<a href={quoteattr(link(name))}>", *marker, "</a>"]
        out += marker
        if radius >= _LABEL_RADIUS:
            labels.append(
                f'<text x="{float(x) + radius + 2:.1f}" y="{float(y) + 4:.1f}" '
                f'fill="#222222">{escape(name)}</text>'
            )
    out += labels  # after every marker, so no disc covers a label
    top = map_height + 8
    out += [
        f'<g class="legend" transform="translate({_PAD},{top:.1f})">',
        f'<circle cx="8" cy="8" r="8" fill="{EVENT_COLOUR}" fill-opacity="0.75"/>',
        f'<circle cx="8" cy="8" r="4" fill="{VERDICT_COLOUR}"/>',
        '<text x="22" y="6">Disc area: events and verdicts reported there, together</text>',
        '<text x="22" y="20">Dark core: the verdicts\' share of them</text>',
        "</g>",
        "</svg>",
    ]
    return "\n".join(out) + "\n"
