"""The JSON API under ``/api/v1``: every page's data, the same library calls, one error shape.

Reads need no account. The one write, a decision on a fact, needs a signed-in session (sign
in through ``/signin``) and the session's CSRF token in the ``X-CSRF-Token`` header, which
``GET /api/v1/session`` gives.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Request
from pydantic import BaseModel, Field
from sqlalchemy.engine import Engine

from qantar.publish.analysis import conflicts, figure_measures, figure_page, timeline_page
from qantar.publish.documents import document_list, document_page
from qantar.publish.map import map_places
from qantar.publish.overview import overview
from qantar.publish.people import people, person, victims
from qantar.publish.search import search_all
from qantar.publish.verdicts import verdict_table
from qantar.review import decide, fact_with_history
from qantar.store.resolution import list_decisions
from qantar.store.reviews import list_reviews
from qantar.web.params import (
    ConflictFilters,
    MapFilters,
    PeopleFilters,
    TimelineFilters,
    VerdictFilters,
    engine_of,
    given,
)
from qantar.web.security import CSRF_HEADER, check_csrf, csrf_token, current_user, require_user


class ErrorDetail(BaseModel):
    status: int
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no fact 'ver-0'; a document's page lists its facts"])
    details: Any = None


class ErrorBody(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorDetail


class Decision(BaseModel):
    """A reviewer's decision on one fact."""

    action: Literal["accept", "reject", "correct"]
    record: dict[str, Any] | None = Field(
        default=None, description="The corrected record (required to correct)."
    )
    note: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 422)
}
router = APIRouter(tags=["record"], responses=ERRORS)
Store = Annotated[Engine, Depends(engine_of)]
Json = dict[str, Any]


@router.get("/overview", summary="Counts and the latest of everything")
def api_overview(engine: Store) -> Json:
    return overview(engine)


@router.get("/search", summary="Documents, people and facts matching words")
def api_search(engine: Store, q: str) -> Json:
    return search_all(engine, q)


@router.get("/people", summary="People (or organizations, places), most documents first")
def api_people(engine: Store, filters: Annotated[PeopleFilters, Depends()]) -> list[Json]:
    return people(engine, **given(filters))


@router.get("/people/{ref}", summary="A person's dossier: every fact with its sentence")
def api_person(engine: Store, ref: str) -> Json:
    return person(engine, ref)


@router.get("/verdicts", summary="Verdicts, filtered and sorted")
def api_verdicts(engine: Store, filters: Annotated[VerdictFilters, Depends()]) -> Json:
    return verdict_table(engine, **given(filters))


@router.get("/victims", summary="The named dead with every source")
def api_victims(engine: Store) -> list[Json]:
    return victims(engine)


@router.get("/figures", summary="Measures with figures")
def api_figures(engine: Store) -> list[Json]:
    return figure_measures(engine)


@router.get("/figures/{measure}", summary="One measure's figures and series over time")
def api_figure(engine: Store, measure: str) -> Json:
    data = dict(figure_page(engine, measure))
    data.pop("chart")
    return data


@router.get("/conflicts", summary="Where sources disagree, and why")
def api_conflicts(engine: Store, filters: Annotated[ConflictFilters, Depends()]) -> Json:
    return conflicts(engine, **given(filters))


@router.get("/timeline", summary="Events and verdicts from every article, merged and dated")
def api_timeline(engine: Store, filters: Annotated[TimelineFilters, Depends()]) -> Json:
    return timeline_page(engine, **given(filters))


@router.get("/map", summary="Where events and trials happened")
def api_map(engine: Store, filters: Annotated[MapFilters, Depends()]) -> Json:
    return map_places(engine, **given(filters))


@router.get("/documents", summary="Every document, newest first")
def api_documents(engine: Store) -> list[Json]:
    return document_list(engine)


@router.get("/documents/{ref}", summary="A document's facts and its text cut into marked segments")
def api_document(engine: Store, ref: str) -> Json:
    return document_page(engine, ref)


@router.get("/facts/{fact_id}", summary="A fact with its sentence and its audit log")
def api_fact(engine: Store, fact_id: str) -> Json:
    return fact_with_history(engine, fact_id)


@router.get("/reviews", summary="Reviewers' decisions on facts and entities, newest first")
def api_reviews(engine: Store) -> Json:
    return {"facts": list_reviews(engine, 200), "entities": list_decisions(engine)[::-1]}


@router.get("/session", summary="Who is signed in, and the CSRF token for writes", tags=["review"])
def api_session(request: Request) -> Json:
    return {"user": current_user(request), "csrf_token": csrf_token(request)}


@router.post("/facts/{fact_id}/review", summary="Accept, reject or correct a fact", tags=["review"])
def api_review(
    request: Request,
    engine: Store,
    fact_id: str,
    decision: Decision,
    token: Annotated[str | None, Header(alias=CSRF_HEADER)] = None,
) -> Json:
    check_csrf(request, token)
    user = require_user(request)
    return decide(engine, fact_id, decision.action, user, decision.record, decision.note)
