"""The offline map: its shipped outline and coordinates, place folding, grouping and the SVG.

The store's texts and facts below are invented for the tests (Atlantis included).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import Engine

from qantar.model import Document, Fact, Provenance, Source, make_document_id
from qantar.nlp.lexicon import load_lexicon
from qantar.publish.map import coordinates, map_places, outline, render_svg
from qantar.store import open_store, save_document

SVG = "{http://www.w3.org/2000/svg}"


def inside(lon: float, lat: float, ring: list[tuple[float, float]]) -> bool:
    """Even-odd ray casting: is the point inside the ring?"""
    found = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            found = not found
    return found


def distance_to_ring(lon: float, lat: float, ring: list[tuple[float, float]]) -> float:
    """Shortest distance in degrees from the point to the ring's edges."""
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        dx, dy = x2 - x1, y2 - y1
        t = max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy or 1)))
        best = min(best, math.hypot(lon - (x1 + t * dx), lat - (y1 + t * dy)))
    return best


def main_ring() -> list[tuple[float, float]]:
    return max(outline(), key=len)


def shipped_places() -> dict[str, Any]:
    text = resources.files("qantar.publish").joinpath("geography", "places.yml").read_text()
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


# --- the outline and the coordinates -------------------------------------------------------


def test_outline_is_kazakhstan() -> None:
    ring = main_ring()
    assert len(ring) >= 100  # Natural Earth 1:110m: about a hundred points
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert 45.5 < min(lons) < 47.5 and 86.5 < max(lons) < 88.5
    assert 40 < min(lats) < 41.5 and 55 < max(lats) < 56
    assert ring[0] == ring[-1]


def test_outline_is_a_copy() -> None:
    outline()[0].clear()
    assert len(main_ring()) >= 100


@pytest.mark.parametrize(
    "name", ["Almaty", "Алматы", "Alma-Ata", "Алма-Ата", "Republic Square", "almaty"]
)
def test_spellings_and_sites_place_at_almaty(name: str) -> None:
    assert coordinates(name) == coordinates("Almaty")


def test_almaty_lies_inside_the_outline() -> None:
    point = coordinates("Almaty")
    assert point is not None
    lat, lon = point
    assert lat == pytest.approx(43.24, abs=0.05) and lon == pytest.approx(76.89, abs=0.05)
    assert inside(lon, lat, main_ring())
    assert not inside(37.62, 55.76, main_ring())  # Moscow: the check can say no


def test_every_shipped_place_lies_in_kazakhstan() -> None:
    ring = main_ring()
    for name, point in shipped_places().items():
        lat, lon = point["lat"], point["lon"]
        assert inside(lon, lat, ring) or distance_to_ring(lon, lat, ring) < 0.3, name


def test_shipped_places_are_the_gazetteers_kazakh_places() -> None:
    lexicon = load_lexicon()
    names = set(shipped_places())
    for name in names:
        assert lexicon.lookup(name) == ("place", name), name
        assert lexicon.place_types[name][0] in ("city", "region"), name
    for name in ("Almaty", "Astana", "Zhanaozen", "Mangistau", "Zhambyl", "Talgar"):
        assert name in names


@pytest.mark.parametrize("name", ["Atlantis", "", "Kazakhstan", "Moscow"])
def test_places_off_the_map_have_no_coordinates(name: str) -> None:
    assert coordinates(name) is None


# --- map_places on a store ------------------------------------------------------------------

TEXT = (
    "Protesters gathered in Alma-Ata on 5 January. "
    "A court in Almaty sentenced Erlan Saparov to five years. "
    "Shots were fired in Shymkent on 6 January. "
    "Rallies were reported in Atlantis. "
    "Troops were sent in on 6 January."
)


def _fact(doc: Document, kind: str, surface: str, record: dict[str, Any]) -> Fact:
    start = doc.text.index(surface)
    sentence = next(s for s in doc.text.split(". ") if surface in s)
    prov = Provenance(doc.id, start, start + len(surface), sentence, f"{kind}s.v1")
    return Fact(kind=kind, key=surface.lower(), record=record, provenance=prov)


def _event(doc: Document, surface: str, type: str, place: str | None, date: str) -> Fact:
    record = {"type": type, "date": date, "place": place, "actors": [], "summary": surface}
    return _fact(doc, "event", surface, record)


@pytest.fixture
def store(tmp_path: Path) -> Engine:
    doc = Document(
        id=make_document_id(TEXT),
        name="map.txt",
        text=TEXT,
        language="en",
        published="2022-01-07",
        published_precision="day",
        sources=[Source(path="/corpus/map.txt", outlet="Test Wire")],
    )
    verdict = {
        "defendant": "Erlan Saparov",
        "count": 1,
        "outcome": "prison",
        "term_months": 60,
        "term_range": None,
        "charges": [],
        "date": "2023-03-01",
        "city": "Almaty",
        "court": None,
        "pleaded_guilty": None,
        "appeal": None,
    }
    facts = [
        _event(doc, "Protesters gathered in Alma-Ata", "protest", "Alma-Ata", "2022-01-05"),
        _fact(doc, "verdict", "Erlan Saparov", verdict),
        _event(doc, "Shots were fired in Shymkent", "shooting", "Shymkent", "2022-01-06"),
        _event(doc, "Rallies were reported in Atlantis", "protest", "Atlantis", "2022-01"),
        _event(doc, "Troops were sent in", "troop_deployment", None, "2022-01-06"),
    ]
    engine = open_store(f"sqlite:///{tmp_path / 'map.db'}")
    save_document(engine, doc, facts, "test")
    return engine


def test_map_places_groups_by_canonical_place(store: Engine) -> None:
    result = map_places(store)
    places = {p["name"]: p for p in result["places"]}
    assert [p["name"] for p in result["places"]] == ["Almaty", "Shymkent"]
    almaty = places["Almaty"]
    assert (almaty["events"], almaty["verdicts"]) == (1, 1)
    assert (almaty["lat"], almaty["lon"]) == coordinates("Almaty")
    assert almaty["event_types"] == {"protest": 1}
    assert len(almaty["facts"]) == 2
    assert places["Shymkent"]["event_types"] == {"shooting": 1}
    assert [u["name"] for u in result["unplaced"]] == ["Atlantis"]
    assert result["unplaced"][0]["events"] == 1
    assert result["without_place"] == {"events": 1, "verdicts": 0}
    assert result["bounds"]["west"] < 47 < 87 < result["bounds"]["east"]


def test_map_places_filters_by_date(store: Engine) -> None:
    result = map_places(store, since="2022-01-06", until="2022-01-31")
    places = {p["name"]: p for p in result["places"]}
    assert set(places) == {"Shymkent"}  # the Alma-Ata rally was on the 5th, the verdict in 2023
    assert [u["name"] for u in result["unplaced"]] == ["Atlantis"]  # "2022-01" overlaps


def test_map_places_is_json_ready(store: Engine) -> None:
    import json

    result = map_places(store)
    assert json.loads(json.dumps(result)) == result


# --- render_svg ------------------------------------------------------------------------------


def _place(name: str, lat: float, lon: float, events: int, verdicts: int) -> dict[str, Any]:
    return {"name": name, "lat": lat, "lon": lon, "events": events, "verdicts": verdicts}


HOSTILE = "<script>alert(1)</script>"
PLACES = [
    _place("Almaty", 43.24, 76.89, 40, 10),
    _place("Zhanaozen", 43.34, 52.86, 3, 0),
    _place(HOSTILE, 51.17, 71.45, 1, 1),
]


def markers(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == "marker"]


def test_svg_parses_with_one_marker_per_place() -> None:
    svg = render_svg(PLACES)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and "Kazakhstan" in (root.get("aria-label") or "")
    found = markers(svg)
    assert sorted(g.get("data-place") or "" for g in found) == sorted(p["name"] for p in PLACES)
    titles = [g.find(f"{SVG}title") for g in found]
    assert "Almaty: 40 events, 10 verdicts" in [t.text for t in titles if t is not None]
    assert root.find(f"{SVG}path") is not None
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing to fetch


def test_svg_discs_grow_with_the_count() -> None:
    radii = {
        g.get("data-place"): float(g.find(f"{SVG}circle").get("r"))  # type: ignore[union-attr,arg-type]
        for g in markers(render_svg(PLACES))
    }
    assert radii["Almaty"] > radii["Zhanaozen"] > radii[HOSTILE] >= 3


def test_svg_escapes_hostile_names() -> None:
    svg = render_svg(PLACES, link=lambda name: f"/places/{name}?a=1&b=2")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    root = ET.fromstring(svg)  # still well-formed
    texts = [t.text for t in root.iter(f"{SVG}title")]
    assert f"{HOSTILE}: 1 event, 1 verdict" in texts


def test_svg_links_markers_when_asked() -> None:
    root = ET.fromstring(render_svg(PLACES, link=lambda name: f"/places/{name}"))
    links = list(root.iter(f"{SVG}a"))
    assert sorted(a.get("href") or "" for a in links) == sorted(
        f"/places/{p['name']}" for p in PLACES
    )
    for a in links:
        assert a.find(f"{SVG}g") is not None
    assert not list(ET.fromstring(render_svg(PLACES)).iter(f"{SVG}a"))


def test_svg_is_deterministic_and_sized() -> None:
    assert render_svg(PLACES) == render_svg(list(reversed(PLACES)))
    assert ET.fromstring(render_svg(PLACES, width=400)).get("width") == "400"
    assert len(markers(render_svg([]))) == 0


def test_svg_labels_the_big_places_only() -> None:
    root = ET.fromstring(render_svg(PLACES))
    labels = {t.text for t in root.iter(f"{SVG}text")}
    assert "Almaty" in labels
    assert HOSTILE not in labels
