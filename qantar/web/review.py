"""Reviewers' pages: sign in and out, decide on a fact, merge and split people.

Every write needs a signed-in reviewer and the session's CSRF token, and ends in a redirect
(303, so reloading the next page does not post again) to the page that shows the change.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.engine import Engine

from qantar.exceptions import EntityError, NotFoundError, ReviewError
from qantar.publish.people import person
from qantar.resolve import merge, split
from qantar.review import decide, fact_with_history, parse_record, verify_user
from qantar.web.params import engine_of
from qantar.web.render import page
from qantar.web.security import (
    CSRF_FIELD,
    check_csrf,
    require_user,
    sign_in,
    sign_out,
)

router = APIRouter(include_in_schema=False)
Store = Annotated[Engine, Depends(engine_of)]
# Optional so that a form without its token is refused as forged (403), not as malformed (422).
Token = Annotated[str, Form(alias=CSRF_FIELD)]
FIELD_PREFIX = "field."
"""Form boxes of a correction are named ``field.<record field>``."""


def _safe_next(target: str | None) -> str:
    """Only local paths: a sign-in link must not send the reviewer to another site."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


@router.get("/signin")
def signin_page(request: Request, next: str = "/") -> Response:
    return page(request, "signin.html", next=_safe_next(next), error=None)


@router.post("/signin")
def signin(
    request: Request,
    engine: Store,
    token: Token = "",
    name: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    check_csrf(request, token)
    if not verify_user(engine, name, password):
        error = "that name and password do not match a reviewer; `qantar user add` makes one"
        return page(request, "signin.html", status_code=401, next=_safe_next(next), error=error)
    sign_in(request, name)
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/signout")
def signout(request: Request, token: Token = "") -> Response:
    check_csrf(request, token)
    sign_out(request)
    return RedirectResponse("/", status_code=303)


@router.post("/facts/{fact_id}/review")
async def review_fact_form(request: Request, engine: Store, fact_id: str) -> Response:
    form = await request.form()
    check_csrf(request, _text(form.get(CSRF_FIELD)))
    user = require_user(request)
    action = _text(form.get("action"))
    note = _text(form.get("note")) or None
    try:
        record = None
        if action == "correct":
            fields = {
                key[len(FIELD_PREFIX) :]: _text(value)
                for key, value in form.multi_items()
                if key.startswith(FIELD_PREFIX)
            }
            record = parse_record(fields, fact_with_history(engine, fact_id)["record"])
        decide(engine, fact_id, action, user, record, note)
    except NotFoundError:
        raise  # an unknown fact is the 404 page, not a form error
    except ReviewError as error:
        fact = fact_with_history(engine, fact_id)
        return page(request, "fact.html", status_code=400, fact=fact, error=str(error))
    return RedirectResponse(f"/facts/{quote(fact_id)}", status_code=303)


@router.post("/people/{ref}/merge")
def merge_form(
    request: Request,
    engine: Store,
    ref: str,
    token: Token = "",
    other: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, token)
    user = require_user(request)
    if not other.strip():
        return _person_error(request, engine, ref, "name the person to merge with")
    try:
        merge(engine, [ref, other], user, note or None, kind="person")
    except EntityError as error:
        return _person_error(request, engine, ref, str(error))
    return RedirectResponse(f"/people/{quote(other)}", status_code=303)


@router.post("/people/{ref}/split")
async def split_form(request: Request, engine: Store, ref: str) -> Response:
    form = await request.form()
    check_csrf(request, _text(form.get(CSRF_FIELD)))
    user = require_user(request)
    records = [_text(value) for value in form.getlist("record")]
    try:
        split(engine, ref, records, user, _text(form.get("note")) or None)
    except EntityError as error:
        return _person_error(request, engine, ref, str(error))
    return RedirectResponse(f"/people/{quote(records[0])}", status_code=303)


def _person_error(request: Request, engine: Engine, ref: str, message: str) -> Response:
    return page(request, "person.html", status_code=400, data=person(engine, ref), error=message)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
