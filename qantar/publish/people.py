"""People: the list, and one person's dossier with what a reviewer needs to merge or split.

The dossier itself is :func:`qantar.resolve.dossier`; this adds the person's records (one per
document, the units a split moves), the reviewers' decisions that shaped the entity, and the
entities of the same kind a merge could join.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from qantar.nlp.normalize.names import skeleton
from qantar.publish.lines import summary
from qantar.publish.state import memoised
from qantar.resolve import dossier, list_entities
from qantar.store.records import list_victims
from qantar.store.resolution import RESOLVED_KINDS, list_decisions, member_records


@memoised
def people(engine: Engine, name: str | None = None, kind: str = "person") -> list[dict[str, Any]]:
    """Every person (or organization, place), most documents first; ``name`` keeps those with a
    spelling that contains it, folded (case, accents, alphabet).

    Raises:
        ValueError: an unknown ``kind`` (a bad request, not a missing entity).
    """
    if kind not in RESOLVED_KINDS:
        raise ValueError(f"kind must be one of {', '.join(RESOLVED_KINDS)}, not {kind!r}")
    found = list_entities(engine, kind)
    if name and name.strip():
        wanted = skeleton(name)
        found = [p for p in found if any(wanted in skeleton(s) for s in p["spellings"])]
    return found


@memoised
def person(engine: Engine, ref: str) -> dict[str, Any]:
    """The dossier of the person ``ref`` (any spelling or id), with ``records`` and
    ``decisions``.

    Raises:
        EntityError: ``ref`` picks out no entity, or several.
    """
    found = dossier(engine, ref)
    entity = found["entity"]
    records = member_records(engine, None, [entity["id"]])
    record_ids = {r["record_id"] for r in records}
    found["records"] = [
        {
            "record_id": r["record_id"],
            "name": r["name"],
            "doc_id": r["doc_id"],
            "doc_name": r["doc_name"],
            "mentions": r["mentions"],
        }
        for r in records
    ]
    found["decisions"] = [
        d
        for d in list_decisions(engine)
        if entity["id"] in d["summary"]
        or any(j["left_id"] in record_ids or j["right_id"] in record_ids for j in d["judgements"])
    ]
    for fact in found["facts"]:
        fact["summary"] = summary(fact["kind"], fact["record"])
    return found


@memoised
def victims(engine: Engine) -> list[dict[str, Any]]:
    """The register of the named dead (:func:`qantar.store.records.list_victims`)."""
    return list_victims(engine)
