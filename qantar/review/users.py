"""Reviewer accounts: a name and an argon2id password hash, nothing else.

argon2id (through argon2-cffi) because it is the current recommendation for password storage:
slow and memory-hard, salted per hash, with its parameters inside the hash so they can be raised
later (:meth:`PasswordHasher.check_needs_rehash`) without breaking old accounts.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from qantar.exceptions import ReviewError
from qantar.store.schema import now_iso, users

MIN_PASSWORD = 8
"""Shortest password accepted: long enough that guessing online is hopeless with argon2."""

_NAME = re.compile(r"[\w.@-]{1,64}")
_hasher = PasswordHasher()


def add_user(engine: Engine, name: str, password: str, replace: bool = False) -> None:
    """Create reviewer ``name`` (or set a new password with ``replace``).

    Raises:
        ReviewError: the name is not 1-64 letters, digits or ``. @ - _``; the password is
            shorter than :data:`MIN_PASSWORD`; the user exists and ``replace`` is false.
    """
    if not _NAME.fullmatch(name):
        raise ReviewError(
            f"a user name is 1-64 letters, digits, '.', '@', '-' or '_', not {name!r}"
        )
    if len(password) < MIN_PASSWORD:
        raise ReviewError(f"a password needs at least {MIN_PASSWORD} characters")
    row = {"name": name, "password_hash": _hasher.hash(password), "created_at": now_iso()}
    with engine.begin() as conn:
        if replace:
            changed = conn.execute(
                update(users).where(users.c.name == name).values(password_hash=row["password_hash"])
            )
            if changed.rowcount:
                return
        try:
            conn.execute(users.insert().values(**row))
        except IntegrityError:
            raise ReviewError(
                f"user {name!r} exists; use --replace to set a new password"
            ) from None


def verify_user(engine: Engine, name: str, password: str) -> bool:
    """Whether ``password`` is ``name``'s; an unknown name is simply false.

    An unknown name still costs one hash, so the time taken does not tell which names exist.
    """
    with engine.connect() as conn:
        stored = conn.scalar(select(users.c.password_hash).where(users.c.name == name))
    try:
        _hasher.verify(stored or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


def list_users(engine: Engine) -> list[dict[str, Any]]:
    """Reviewers by name: ``name`` and ``created_at`` (never the hash)."""
    with engine.connect() as conn:
        query = select(users.c.name, users.c.created_at).order_by(users.c.name)
        return [dict(row._mapping) for row in conn.execute(query)]


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown; made once, on first need."""
    return _hasher.hash("not a password anyone has")
