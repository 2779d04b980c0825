"""Talking to the app in tests: the client, HTML parsed with lxml, sign-in through the form.

The client is a Starlette ``TestClient`` (an ``httpx.Client``): requests go to the app in
process, and it keeps the session cookie between them like a browser.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import httpx
import lxml.html
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette 1.x warns on import of its TestClient when it runs on httpx instead of httpx2.
    # The warning is a UserWarning subclass, so pytest's "error" filter would make it a
    # collection error; httpx is the declared dev dependency, so only this warning is ignored.
    warnings.filterwarnings(
        "ignore",
        message="Using `httpx` with `starlette.testclient` is deprecated",
        category=StarletteDeprecationWarning,
    )
    from fastapi.testclient import TestClient

__all__ = ["TestClient"]

CSRF_FIELD = "csrf_token"

SECRET = "web-tests-secret-not-for-production"
"""Signs the session cookies of every test app."""


@dataclass(frozen=True)
class Reviewer:
    name: str
    password: str


REVIEWER = Reviewer("ana", "correct horse battery")


def parse(html: str) -> Any:
    """The page as an lxml tree (``.xpath``, ``.cssselect`` is not needed)."""
    return lxml.html.fromstring(html)


def text_of(element: Any) -> str:
    """An element's text with runs of whitespace made single spaces."""
    return " ".join(element.text_content().split())


def main_text(html: str) -> str:
    """The words of the page's ``<main>``, whitespace folded."""
    return text_of(parse(html).xpath("//main")[0])


def form_token(html: str) -> str:
    """The CSRF token in the first hidden ``csrf_token`` input of the page."""
    found = parse(html).xpath(f"//input[@type='hidden'][@name='{CSRF_FIELD}']/@value")
    assert found, "the page has no CSRF field"
    return str(found[0])


def form_fields(html: str, action: str, index: int = 0) -> dict[str, str]:
    """The named inputs of the ``index``-th form posting to ``action``, with their values."""
    forms = parse(html).xpath(f"//form[@method='post'][@action='{action}']")
    assert len(forms) > index, f"no form {index} posting to {action}"
    return {
        str(box.get("name")): str(box.get("value") or "")
        for box in forms[index].xpath(".//input[@name]")
        if box.get("type") != "checkbox"
    }


def table_rows(html: str, index: int = 0) -> list[Any]:
    """The body rows (``<tr>`` elements) of the page's ``index``-th table, placeholder rows
    (one cell spanning the table, "nothing matches") left out."""
    table = parse(html).xpath("//main//table")[index]
    return [row for row in table.xpath("./tbody/tr") if not row.xpath("./td[@colspan]")]


def cells(row: Any) -> list[str]:
    return [text_of(cell) for cell in row.xpath("./td")]


def session(client: httpx.Client) -> dict[str, Any]:
    """Who the app thinks is signed in, and the session's CSRF token."""
    answer = client.get("/api/v1/session")
    assert answer.status_code == 200
    found: dict[str, Any] = answer.json()
    return found


def sign_in(client: httpx.Client, name: str, password: str, next: str = "/") -> httpx.Response:
    """Sign in through the form: GET /signin, read the CSRF token, POST the form. The answer
    is not followed (303 on success, 401 with the form again on failure)."""
    page = client.get("/signin", params={"next": next})
    assert page.status_code == 200
    data = {CSRF_FIELD: form_token(page.text), "name": name, "password": password, "next": next}
    return client.post("/signin", data=data, follow_redirects=False)


def sign_out(client: httpx.Client) -> httpx.Response:
    """Press the header's Sign out button (its form carries the token)."""
    page = client.get("/")
    fields = form_fields(page.text, "/signout")
    return client.post("/signout", data=fields, follow_redirects=False)
