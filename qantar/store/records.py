"""Listing verdicts, events and the named dead from the store, filtered by person, place and date.

Records are JSON, and JSON paths differ between SQLite and PostgreSQL, so the database only
selects facts by kind (:func:`~qantar.store.queries.list_facts`) and the filters run here, in
Python. The volumes are small (thousands of verdicts, not millions), so this stays simple.

Names are compared the way the rest of qantar compares them (:mod:`qantar.names`): by their
folded skeleton, so "Karim Massimov" finds "Карим Масимов", and a lone surname ("Masimov")
finds the full name. Dates are compared as intervals (:mod:`qantar.dates`), because articles
give them at day, month or year precision: "2023-04" is all of April 2023, and it overlaps a
query for "2023-04-10".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.engine import Engine

from qantar.codebook import values
from qantar.dates import Interval, date_interval, lenient_interval
from qantar.names import same_name, skeleton, surname_matches
from qantar.store.queries import fact_sources, list_facts, record_strings


def list_verdicts(
    engine: Engine,
    *,
    person: str | None = None,
    city: str | None = None,
    outcome: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Verdict facts (rows as :func:`~qantar.store.queries.list_facts` gives them), filtered.

    ``person`` matches the defendant by folded name or by surname, ``city`` by folded name,
    ``outcome`` exactly (a codebook verdict outcome); ``since`` and ``until`` (ISO at any
    precision, inclusive) keep verdicts whose date overlaps them, and drop undated ones.
    Sorted by date (undated last), then document name, then position in the text.

    Raises:
        ValueError: an unknown ``outcome``, a malformed date bound, or ``since`` after ``until``.
    """
    _check_code("verdict_outcomes", outcome, "outcome")
    tests: list[Callable[[dict[str, Any]], bool]] = []
    if person:
        tests.append(lambda r: _is_person(person, record_strings(r.get("defendant"))))
    if city:
        tests.append(lambda r: _is_place(city, r.get("city")))
    if outcome:
        tests.append(lambda r: r.get("outcome") == outcome)
    return _select(engine, "verdict", tests, since, until)


def list_events(
    engine: Engine,
    *,
    type: str | None = None,
    place: str | None = None,
    person: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Event facts filtered like :func:`list_verdicts`: ``type`` exactly (a codebook event
    type), ``place`` by folded name, ``person`` against the actors and the named victim.

    Raises:
        ValueError: an unknown ``type``, a malformed date bound, or ``since`` after ``until``.
    """
    _check_code("event_types", type, "type")
    tests: list[Callable[[dict[str, Any]], bool]] = []
    if type:
        tests.append(lambda r: r.get("type") == type)
    if place:
        tests.append(lambda r: _is_place(place, r.get("place")))
    if person:
        tests.append(
            lambda r: _is_person(
                person, [*record_strings(r.get("actors")), *record_strings(r.get("person"))]
            )
        )
    return _select(engine, "event", tests, since, until)


def list_figures(
    engine: Engine,
    *,
    measure: str | None = None,
    source_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[dict[str, Any]]:
    """Figure facts: ``measure`` and ``source_type`` exactly (codebook values), ``since`` and
    ``until`` against the date the figure refers to (``as_of``), so official and independent
    counts of one measure can be set side by side.

    Raises:
        ValueError: an unknown measure or source type, a malformed date bound.
    """
    _check_code("figure_measures", measure, "measure")
    _check_code("source_types", source_type, "source_type")
    tests: list[Callable[[dict[str, Any]], bool]] = []
    if measure:
        tests.append(lambda r: r.get("measure") == measure)
    if source_type:
        tests.append(lambda r: r.get("source_type") == source_type)
    found = _select(engine, "figure", tests, since, until, date_field="as_of")
    return sorted(
        found, key=lambda f: (str(f["record"].get("measure")), str(f["record"].get("as_of") or "~"))
    )


def list_victims(engine: Engine) -> list[dict[str, Any]]:
    """The named dead: death records with a named ``person``, grouped across documents.

    The authorities never published a list of the people killed in January 2022; this is
    the start of one, so every entry carries the sentences and documents it rests on.
    Deaths are read from ``event`` facts of type ``death`` and from ``harm`` facts of type
    ``death`` (both have ``person``, ``date``, ``place``, ``circumstance``, ``responsible``);
    one sentence of one document counts once as a source even if both kinds report it.
    Spellings fold together by skeleton ("Askar Nurlanov", "Аскар Нурланов"). Each dict:
    ``name`` (the longest spelling), ``spellings``, and the distinct values reported for
    ``date``, ``place``, ``circumstance`` and ``responsible`` (lists, in date order), and
    ``sources``: ``doc_name``, ``sentence``, ``fact_id``, ``outlet`` and ``url`` (the first
    the document's sources give, or None). Sorted by name.
    """
    outlets: dict[str, list[dict[str, Any]]] = {}
    deaths: list[dict[str, Any]] = []
    for kind in VICTIM_KINDS:
        outlets.update(fact_sources(engine, kind))
        deaths += list_facts(engine, kind)
    groups: dict[str, list[dict[str, Any]]] = {}
    for fact in _sorted(deaths):
        record = fact["record"]
        name = record.get("person")
        if record.get("type") == "death" and isinstance(name, str) and skeleton(name):
            groups.setdefault(skeleton(name), []).append(fact)
    result = []
    for found in groups.values():
        records = [fact["record"] for fact in found]
        spellings = sorted({record["person"] for record in records})
        evidence = {(fact["doc_id"], fact["sentence"]): fact for fact in reversed(found)}
        result.append(
            {
                "name": min(spellings, key=lambda n: (-len(n), n)),
                "spellings": spellings,
                **{field: _distinct(r.get(field) for r in records) for field in _VICTIM_FIELDS},
                "sources": [
                    _source(fact, outlets.get(fact["doc_id"], []))
                    for fact in found
                    if evidence[fact["doc_id"], fact["sentence"]] is fact
                ],
            }
        )
    return sorted(result, key=lambda v: (v["name"].casefold(), v["name"]))


_VICTIM_FIELDS = ("date", "place", "circumstance", "responsible")

#: Fact kinds whose death records name the dead (``harm`` is written by the harm extractor).
VICTIM_KINDS = ("event", "harm")


def _select(
    engine: Engine,
    kind: str,
    tests: list[Callable[[dict[str, Any]], bool]],
    since: str | None,
    until: str | None,
    date_field: str = "date",
) -> list[dict[str, Any]]:
    low = date_interval(since, "since") if since else None
    high = date_interval(until, "until") if until else None
    if low and high and low[0] > high[1]:
        raise ValueError(f"since ({since}) is after until ({until}), so nothing could match")
    kept = []
    for fact in list_facts(engine, kind):
        record = fact["record"]
        if not all(test(record) for test in tests):
            continue
        if low or high:
            interval = _record_interval(record, date_field)
            if (
                interval is None
                or (low and interval[1] < low[0])
                or (high and interval[0] > high[1])
            ):
                continue
        kept.append(fact)
    return _sorted(kept)


def _sorted(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def order(fact: dict[str, Any]) -> tuple[Any, ...]:
        interval = _record_interval(fact["record"])
        when = (0, *interval) if interval else (1,)
        return (when, fact["doc_name"], fact["span_start"], fact["id"])

    return sorted(found, key=order)


def _record_interval(record: dict[str, Any], field: str = "date") -> Interval | None:
    return lenient_interval(record.get(field))


def _is_person(query: str, names: Iterable[str]) -> bool:
    """Same folded name, or one is the other's surname ("Masimov" and "Karim Massimov")."""
    return any(
        same_name(query, name) or surname_matches(query, [name]) or surname_matches(name, [query])
        for name in names
    )


def _is_place(query: str, place: Any) -> bool:
    return isinstance(place, str) and same_name(query, place)


def _check_code(section: str, value: str | None, what: str) -> None:
    allowed = values(section)
    if value is not None and value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, not {value!r}")


def _distinct(found: Iterable[Any]) -> list[Any]:
    """Non-empty values in first-seen order, once each (dates may be dicts, so no set)."""
    seen: list[Any] = []
    for value in found:
        if value not in (None, "", [], {}) and value not in seen:
            seen.append(value)
    return seen


def _source(fact: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "doc_name": fact["doc_name"],
        "sentence": fact["sentence"],
        "fact_id": fact["id"],
        "outlet": next((s["outlet"] for s in sources if s["outlet"]), None),
        "url": next((s["url"] for s in sources if s["url"]), None),
    }
