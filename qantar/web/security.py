"""Who is signed in, and proof that a form came from our own page (CSRF).

Sessions are Starlette's signed cookies (itsdangerous): the cookie holds the user name and a
random CSRF token, signed with the app's secret so it cannot be forged. Every form carries the
token in a hidden field (JSON writes send it in the ``X-CSRF-Token`` header) and every write
checks it against the session with a constant-time comparison. A page from another site can
make the browser send our cookie, but it cannot read our page to learn the token. Cookies are
``SameSite=Lax`` as a second line.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first need."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, sent: str | None) -> None:
    """Refuse the request (403) unless ``sent`` is this session's token."""
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not sent or not hmac.compare_digest(expected, sent):
        raise HTTPException(
            403,
            "this form has expired or did not come from this site; reload the page and try again",
        )


def current_user(request: Request) -> str | None:
    """The signed-in reviewer's name, or None for a reader."""
    user = request.session.get("user")
    return user if isinstance(user, str) else None


def require_user(request: Request) -> str:
    """The signed-in reviewer; a reader gets 401 with where to sign in."""
    user = current_user(request)
    if user is None:
        raise HTTPException(401, "sign in as a reviewer to change the record (/signin)")
    return user


def sign_in(request: Request, user: str) -> None:
    """Start ``user``'s session with a fresh CSRF token (so a token seen before sign-in is
    worthless after it)."""
    request.session.clear()
    request.session["user"] = user
    request.session["csrf"] = secrets.token_urlsafe(32)


def sign_out(request: Request) -> None:
    request.session.clear()
