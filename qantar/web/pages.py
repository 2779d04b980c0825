"""The public pages: each calls one library function and renders its answer."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.engine import Engine

from qantar.codebook import values
from qantar.publish.analysis import conflicts, figure_measures, figure_page, timeline_page
from qantar.publish.documents import document_list, document_page
from qantar.publish.map import map_places, render_svg
from qantar.publish.overview import overview
from qantar.publish.people import people, person, victims
from qantar.publish.search import search_all
from qantar.publish.verdicts import verdict_table, verdicts_csv
from qantar.review import fact_with_history
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
from qantar.web.render import page
from qantar.web.security import current_user

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
Store = Annotated[Engine, Depends(engine_of)]


@router.get("/")
def overview_page(request: Request, engine: Store) -> Response:
    return page(request, "overview.html", data=overview(engine))


@router.get("/search")
def search_page(request: Request, engine: Store, q: str = "") -> Response:
    found = search_all(engine, q) if q.strip() else None
    return page(request, "search.html", q=q, found=found)


@router.get("/people")
def people_page(
    request: Request, engine: Store, filters: Annotated[PeopleFilters, Depends()]
) -> Response:
    found = people(engine, **given(filters))
    return page(request, "people.html", people=found, filters=filters)


@router.get("/people/{ref}")
def person_page(request: Request, engine: Store, ref: str) -> Response:
    return page(request, "person.html", data=person(engine, ref))


@router.get("/verdicts")
def verdicts_page(
    request: Request, engine: Store, filters: Annotated[VerdictFilters, Depends()]
) -> Response:
    return page(request, "verdicts.html", data=verdict_table(engine, **given(filters)))


@router.get("/verdicts.csv")
def verdicts_download(engine: Store, filters: Annotated[VerdictFilters, Depends()]) -> Response:
    rows = verdict_table(engine, **given(filters))["rows"]
    return Response(
        verdicts_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="verdicts.csv"'},
    )


@router.get("/victims")
def victims_page(request: Request, engine: Store) -> Response:
    return page(request, "victims.html", victims=victims(engine))


@router.get("/figures")
def figures_page(request: Request, engine: Store) -> Response:
    return page(request, "figures.html", measures=figure_measures(engine))


@router.get("/figures/{measure}")
def figure_measure_page(request: Request, engine: Store, measure: str) -> Response:
    return page(request, "figure.html", data=figure_page(engine, measure))


@router.get("/figures/{measure}/chart.svg")
def figure_chart(engine: Store, measure: str) -> Response:
    chart = figure_page(engine, measure)["chart"]
    if chart is None:
        raise ValueError(f"no figure of {measure!r} is dated, so there is no chart")
    return Response(chart, media_type="image/svg+xml")


@router.get("/conflicts")
def conflicts_page(
    request: Request, engine: Store, filters: Annotated[ConflictFilters, Depends()]
) -> Response:
    return page(request, "conflicts.html", data=conflicts(engine, **given(filters)))


@router.get("/timeline")
def timeline_view(
    request: Request, engine: Store, filters: Annotated[TimelineFilters, Depends()]
) -> Response:
    return page(request, "timeline.html", data=timeline_page(engine, **given(filters)))


@router.get("/map")
def map_page(
    request: Request, engine: Store, filters: Annotated[MapFilters, Depends()]
) -> Response:
    data = map_places(engine, **given(filters))
    svg = render_svg(data["places"], link=lambda place: "/timeline?" + urlencode({"place": place}))
    return page(request, "map.html", data=data, svg=svg, filters=filters)


@router.get("/documents")
def documents_page(request: Request, engine: Store) -> Response:
    return page(request, "documents.html", documents=document_list(engine))


@router.get("/documents/{ref}")
def document_view(request: Request, engine: Store, ref: str) -> Response:
    signed_in = current_user(request) is not None
    data = document_page(engine, ref, include_rejected=signed_in)
    return page(request, "document.html", data=data)


@router.get("/facts/{fact_id}")
def fact_page(request: Request, engine: Store, fact_id: str) -> Response:
    return page(request, "fact.html", fact=fact_with_history(engine, fact_id), error=None)


@router.get("/api")
def api_reference(request: Request) -> Response:
    return page(request, "api.html", spec=request.app.openapi())


@router.get("/reviews")
def reviews_page(request: Request, engine: Store) -> Response:
    return page(
        request,
        "reviews.html",
        reviews=list_reviews(engine, 200),
        decisions=list_decisions(engine)[::-1],
        outcomes=values("verdict_outcomes"),
    )
