"""Deciding on one fact: accept, reject or correct it, and read its audit log.

The web app's review forms and any script call :func:`decide`; the store keeps the decision
(:mod:`qantar.store.reviews`) and every reader applies it. A decision on a person, organization
or place record changes who the entities are, so resolution runs again at once.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.engine import Engine

from qantar.exceptions import NotFoundError, ReviewError
from qantar.store.queries import get_fact
from qantar.store.resolution import RESOLVED_KINDS
from qantar.store.reviews import fact_history, review_fact

LIST_SEPARATOR = ";"
"""How a list field (charges, actors) is written in one text box: ``theft; hooliganism``."""


def fact_with_history(engine: Engine, fact_id: str) -> dict[str, Any]:
    """The fact as readers see it (rejected or not) with ``history``: its decisions, oldest
    first, each with who, when, status and record before and after.

    Raises:
        NotFoundError: no fact has this id.
    """
    fact = get_fact(engine, fact_id)
    if fact is None:
        raise NotFoundError(f"no fact {fact_id!r}; a document's page lists its facts and their ids")
    fact["history"] = fact_history(engine, fact)
    return fact


def decide(
    engine: Engine,
    fact_id: str,
    action: str,
    user: str,
    record: dict[str, Any] | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Record ``user``'s ``action`` (accept, reject, correct) on a fact; return the fact as it
    now reads, with its history.

    Raises:
        ReviewError: no such fact, or the decision is invalid (see
            :func:`qantar.store.reviews.review_fact`).
    """
    fact = fact_with_history(engine, fact_id)
    if record is not None:
        check_record(record)
    review_fact(engine, fact, action, user, record, note)
    if fact["kind"] in RESOLVED_KINDS:
        from qantar.resolve import resolve

        resolve(engine)
    return fact_with_history(engine, fact_id)


def parse_record(fields: Mapping[str, str], current: Mapping[str, Any]) -> dict[str, Any]:
    """A corrected record from one text box per field, typed like the ``current`` record.

    Lists are written with :data:`LIST_SEPARATOR`, numbers as digits, anything structured (a
    date span) as JSON; an empty box clears the field. Fields not in ``fields`` keep their value.
    A list of whole numbers (a term range) stays one, and a :data:`NUMBER_FIELDS` box that
    was empty takes only whole numbers.

    Raises:
        ReviewError: a box holds what its field cannot (letters in a number, broken JSON).
    """
    record = dict(current)
    for name, text in fields.items():
        text = text.strip()
        old = current.get(name)
        try:
            record[name] = _typed(text, old, name in NUMBER_FIELDS, name in YES_NO_FIELDS)
        except ValueError as error:
            raise ReviewError(f"{name}: {error}") from None
    return record


NUMBER_FIELDS = frozenset({"count", "term_months", "term_range", "value"})
#: Fields that hold true, false or nothing, even while the extracted value is nothing.
YES_NO_FIELDS = frozenset({"pleaded_guilty"})
"""Record fields that hold a whole number or a list of them (SCHEMA.md), so a box for one that
is empty now is still typed: readers add, sort and chart these."""


def check_record(record: Mapping[str, Any]) -> None:
    """Refuse a corrected record whose number fields hold anything but whole numbers: readers
    add, sort and chart them, so one "eighteen" would break every list.

    Raises:
        ReviewError: the field and what it must hold.
    """
    for name in NUMBER_FIELDS & set(record):
        value = record[name]
        items = value if isinstance(value, list) else [value]
        if not all(item is None or _is_whole(item) for item in items):
            raise ReviewError(f"{name} must be a whole number or a list of them, not {value!r}")


def _whole(text: str) -> int:
    try:
        return int(text.replace(",", ""))
    except ValueError:
        raise ValueError(f"write a whole number, not {text!r}") from None


def _typed(text: str, old: Any, number: bool = False, yes_no: bool = False) -> Any:
    if not text:
        return [] if isinstance(old, list) else None
    if isinstance(old, bool) or yes_no:
        if text.lower() not in {"true", "false", "yes", "no"}:
            raise ValueError(f"write true or false, not {text!r}")
        return text.lower() in {"true", "yes"}
    if isinstance(old, list) or (number and old is None and LIST_SEPARATOR in text):
        items = [item.strip() for item in text.split(LIST_SEPARATOR) if item.strip()]
        numbers = isinstance(old, list) and bool(old) and all(_is_whole(item) for item in old)
        return [_whole(item) for item in items] if number or numbers else items
    if isinstance(old, int) or (number and old is None):
        return _whole(text)
    if isinstance(old, float):
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"write a number, not {text!r}") from None
    if isinstance(old, dict):
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"write JSON such as {json.dumps(old)} ({error.msg})") from None
        return value
    return text


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def show_field(value: Any) -> str:
    """A record field as the text its box starts with (the inverse of :func:`parse_record`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
