"""Building the app: the store, sessions, security headers, routes and one error shape."""

from __future__ import annotations

import logging
import secrets
from importlib.metadata import version
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware

from qantar.exceptions import EntityError, NotFoundError, QantarError, StoreError
from qantar.settings import Settings
from qantar.web import api, pages, review
from qantar.web.render import HERE, page

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"

SECURITY_HEADERS = {
    # Scripts only from this site; inline styles are allowed for the SVG charts' own styles.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(
    engine: Engine, secret: str | None = None, settings: Settings | None = None
) -> FastAPI:
    """The app over the store ``engine``.

    ``secret`` signs session cookies; without one a random secret is made, so sign-ins last
    until the server stops (set ``QANTAR_SECRET`` to keep them across restarts). ``settings``
    holds the web limits (search caps, sign-in limits, cookie flags); routes read it from
    ``request.app.state.settings``. The defaults apply when it is not given.
    """
    settings = settings or Settings()
    app = FastAPI(
        title="qantar",
        version=version("qantar"),
        description="The record of a contested event, with every fact's source sentence.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        # Swagger UI loads its script from a CDN, which an offline install cannot reach and the
        # CSP forbids; /api is a server-rendered reference built from the same OpenAPI document.
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.settings = settings
    app.add_middleware(
        SessionMiddleware,
        secret_key=secret or secrets.token_urlsafe(32),
        session_cookie="qantar_session",
        same_site="lax",
        max_age=12 * 3600,
    )

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router, prefix=API_PREFIX)
    app.include_router(review.router)
    app.include_router(pages.router)
    _error_handlers(app)
    return app


def error_status(error: Exception) -> int:
    """The HTTP status for an error the library raised."""
    if isinstance(error, (NotFoundError, EntityError)):
        return 404
    if isinstance(error, StoreError):
        return 503
    if isinstance(error, (QantarError, ValueError)):
        return 400
    return 500


_CODES = {
    400: "bad_request",
    401: "sign_in_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_parameters",
    503: "store_unavailable",
}


def error_body(status: int, message: str, details: Any = None) -> dict[str, Any]:
    """The API's one error shape: ``{"error": {"status", "code", "message", "details"}}``."""
    return {
        "error": {
            "status": status,
            "code": _CODES.get(status, "error"),
            "message": message,
            "details": details,
        }
    }


def _error_handlers(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str, details: Any = None) -> Response:
        if request.url.path.startswith(API_PREFIX):
            return JSONResponse(error_body(status, message, details), status_code=status)
        return page(request, "error.html", status_code=status, status=status, message=message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        message = error.detail if isinstance(error.detail, str) else "request refused"
        if error.status_code == 404 and message == "Not Found":
            message = f"there is no page {request.url.path}"
        return respond(request, error.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")}
            for e in error.errors()
        ]
        words = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
        return respond(request, 422, f"invalid request ({words})", problems)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=error)
        message = "something went wrong on the server; the error is in the server's log"
        return respond(request, 500, message)

    @app.exception_handler(QantarError)
    @app.exception_handler(ValueError)
    async def library_error(request: Request, error: Exception) -> Response:
        status = error_status(error)
        if status >= 500:
            log.exception("store error", exc_info=error)
        return respond(request, status, str(error))
