"""Read and check gold files (and produced output, which has the same shape).

Why check at all: scoring is only as trustworthy as its input. A gold record with a misspelt
measure or a quote with no words silently becomes an unmatchable item and lowers every score;
a missing field would surface as a bare KeyError deep inside matching. Here each problem is
reported once, in plain words, naming the file, the document and the record. Fields scoring does
not read (``roles``, ``summary``, ``evidence`` on produced records...) are left alone.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from qantar.codebook import values
from qantar.evaluate.compare import fold, normalize_text
from qantar.exceptions import GoldError

RECORD_TYPES = ("people", "organizations", "places", "verdicts", "figures", "events", "quotes")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# Which codebook section each coded field must come from.
_CODED = {
    ("verdicts", "outcome"): "verdict_outcomes",
    ("figures", "measure"): "figure_measures",
    ("figures", "source_type"): "source_types",
    ("events", "type"): "event_types",
}


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold (or produced) JSON file and return its documents, checked and completed.

    Every document comes back with all seven record lists (missing ones as ``[]``).
    Raises :class:`~qantar.exceptions.GoldError` naming the file and the problem.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldError(f"{path.name}: cannot be read ({error.strerror or error})") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GoldError(f"{path.name}: is not valid UTF-8 JSON ({error})") from error
    return check_documents(data, path.name)


def check_documents(data: object, source: str) -> list[dict[str, Any]]:
    """Check already-parsed documents; ``source`` names them in error messages.

    Returns shallow copies with every record list present, so callers can index freely.
    """
    if not isinstance(data, list):
        raise GoldError(f"{source}: expected a list of documents, found {_kind(data)}")
    seen: dict[str, int] = {}
    documents = []
    for number, doc in enumerate(data, start=1):
        if not isinstance(doc, dict):
            raise GoldError(f"{source}: document {number} is {_kind(doc)}, not an object")
        name = doc.get("doc")
        if not isinstance(name, str) or not name.strip():
            raise GoldError(f"{source}: document {number} has no 'doc' field")
        if name in seen:
            raise GoldError(
                f"{source}: document {number} repeats doc '{name}' (already document {seen[name]})"
            )
        seen[name] = number
        where = f"{source}: document {number} ('{name}')"
        checked = dict(doc)
        for field in RECORD_TYPES:
            records = doc.get(field, [])
            if not isinstance(records, list):
                raise GoldError(f"{where}: '{field}' should be a list, found {_kind(records)}")
            for index, record in enumerate(records):
                problem = _problem(field, record)
                if problem:
                    raise GoldError(f"{where}: {field}[{index}] {problem}")
            checked[field] = list(records)
        documents.append(checked)
    return documents


def _problem(field: str, record: object) -> str | None:
    """What is wrong with one record, in words, or None when it can be scored."""
    if field == "places" and isinstance(record, str):
        return _name_problem(record, "name")
    if not isinstance(record, dict):
        return f"is {_kind(record)}, not an object" + (" or a string" if field == "places" else "")
    for (kind, key), section in _CODED.items():
        code = record.get(key)
        if kind == field and code is not None and code not in values(section):
            return f"has {key} {code!r}, which is not in the codebook ({section})"
    if field in ("people", "organizations", "places"):
        variants = record.get("variants", [])
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            return "has 'variants' that is not a list of strings"
        return _name_problem(record.get("name"), "name")
    if field == "verdicts":
        return _verdict_problem(record)
    if field == "figures":
        return _figure_problem(record)
    if field == "events":
        if not isinstance(record.get("type"), str):
            return "has no event 'type'"
        return _date_problem(record.get("date"), "date", spans=True)
    if not isinstance(record.get("text"), str) or not normalize_text(record["text"]):
        return "has no quoted 'text'"
    return _optional_name_problem(record.get("speaker"), "speaker")


def _verdict_problem(record: dict[str, Any]) -> str | None:
    if not isinstance(record.get("outcome"), str):
        return "has no 'outcome'"
    for key in ("count", "term_months"):
        number = record.get(key)
        if number is not None and (not isinstance(number, int) or isinstance(number, bool)):
            return f"has {key} {number!r}, which is not a whole number"
    charges = record.get("charges", [])
    if not isinstance(charges, list) or not all(
        isinstance(c, str) and normalize_text(c) for c in charges
    ):
        return "has 'charges' that is not a list of non-empty strings"
    return (
        _optional_name_problem(record.get("defendant"), "defendant")
        or _optional_name_problem(record.get("city"), "city")
        or _date_problem(record.get("date"), "date")
    )


def _figure_problem(record: dict[str, Any]) -> str | None:
    if not isinstance(record.get("measure"), str):
        return "has no 'measure'"
    value = record.get("value")
    parts = value if isinstance(value, list) and len(value) == 2 else [value]
    if not all(_finite(part) for part in parts):
        return f"has value {value!r}; expected a number or a [low, high] pair of numbers"
    source_type = record.get("source_type")
    if source_type is not None and not isinstance(source_type, str):
        return "has a 'source_type' that is not a string"
    return _date_problem(record.get("as_of"), "as_of")


def _finite(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _date_problem(date: object, key: str, spans: bool = False) -> str | None:
    if spans and isinstance(date, dict):
        return _date_problem(date.get("start"), f"{key}.start") or _date_problem(
            date.get("end"), f"{key}.end"
        )
    if date is None or (isinstance(date, str) and _ISO_DATE.fullmatch(date)):
        return None
    shape = " or a {start, end} span" if spans else ""
    return f"has {key} {date!r}; expected null, YYYY, YYYY-MM or YYYY-MM-DD{shape}"


def _name_problem(name: object, key: str) -> str | None:
    if not isinstance(name, str):
        return f"has no '{key}'"
    if fold(name) is None:
        return f"has {key} {name!r}, which has no letters or digits to compare"
    return None


def _optional_name_problem(name: object, key: str) -> str | None:
    return None if name is None else _name_problem(name, key)


def _kind(value: object) -> str:
    """A JSON-flavoured name for a value's type, for messages read by non-programmers."""
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, int | float) else "a value")
