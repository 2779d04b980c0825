"""Templates: one Jinja2 environment with autoescaping, and the values every page needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from qantar.codebook import label
from qantar.dates import show_date
from qantar.publish.lines import summary
from qantar.review.facts import show_field
from qantar.web.security import CSRF_FIELD, csrf_token, current_user

HERE = Path(__file__).parent

# Autoescaping is on for every template, whatever its name: article text, names and quotes
# are untrusted input and are always escaped.
environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(HERE / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=environment)
templates.env.filters.update(
    label=lambda value, section: label(section, value),
    date=show_date,
    summary=lambda fact: summary(fact["kind"], fact["record"]),
    field=show_field,
)
templates.env.globals.update(CSRF_FIELD=CSRF_FIELD)

NAVIGATION = (
    ("/", "Overview"),
    ("/search", "Search"),
    ("/people", "People"),
    ("/verdicts", "Verdicts"),
    ("/victims", "Victims"),
    ("/figures", "Figures"),
    ("/conflicts", "Conflicts"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/documents", "Documents"),
)


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with ``context`` and what the layout needs: the user, the CSRF
    token, the navigation and the current path."""

    def query(**changes: Any) -> str:
        """This page's query string with ``changes`` (None removes a key): sort links."""
        params = dict(request.query_params)
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        return "?" + urlencode(params) if params else "?"

    return templates.TemplateResponse(
        request,
        template,
        {
            "user": current_user(request),
            "csrf": csrf_token(request),
            "navigation": NAVIGATION,
            "path": request.url.path,
            "query": query,
            **context,
        },
        status_code=status_code,
    )
