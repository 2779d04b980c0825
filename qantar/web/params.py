"""Query parameters shared by a page and its API twin, declared once as dataclasses.

FastAPI reads a dataclass dependency's fields as query parameters, so ``/verdicts`` and
``/api/v1/verdicts`` accept exactly the same filters and pass them to the same library call.
Empty strings (a filter form submitted with a blank box) mean "no filter".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from fastapi import Request
from sqlalchemy.engine import Engine


def engine_of(request: Request) -> Engine:
    """The store the app was built over."""
    engine: Engine = request.app.state.engine
    return engine


def given(filters: Any) -> dict[str, Any]:
    """A filter dataclass as keyword arguments, blanks as None."""
    return {k: (None if v == "" else v) for k, v in asdict(filters).items()}


@dataclass
class VerdictFilters:
    city: str | None = None
    outcome: str | None = None
    charge: str | None = None
    person: str | None = None
    since: str | None = None
    until: str | None = None
    sort: str = "date"
    descending: bool = False


@dataclass
class TimelineFilters:
    place: str | None = None
    person: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None


@dataclass
class ConflictFilters:
    about: str | None = None
    kind: str | None = None


@dataclass
class MapFilters:
    since: str | None = None
    until: str | None = None


@dataclass
class PeopleFilters:
    name: str | None = None
    kind: str = "person"
