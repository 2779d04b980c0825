"""Canonical ids that survive re-builds: a cluster keeps the id most of its records had.

A link to ``/people/P-3f2a...`` or a note that cites an entity must keep pointing at the same
person after new articles arrive, after re-extraction and after a reviewer's merge. So ids are
inherited, never recomputed from scratch:

1. a cluster takes the current id held by most of its records (ties: the older entity);
2. failing that, an *origin* id: the id a record had when first resolved, so undoing a merge
   gives the merged-away entity its own id back;
3. failing that, a new id, derived from the cluster's smallest record id, so the same corpus
   resolved in a fresh store gets the same ids.

Ids that lose all their records to another cluster are kept as redirects (``merged_into``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from qantar.model import stable_hash

PREFIXES = {"person": "P", "organization": "O", "place": "L"}
"""First letter of an entity id by kind (L for location)."""


@dataclass
class IdAssignment:
    """Entity id and origin id per record, and the ids that now redirect elsewhere."""

    entity_of: dict[str, str] = field(default_factory=dict)
    origin_of: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    new: set[str] = field(default_factory=set)


def new_entity_id(kind: str, seed: str, taken: set[str]) -> str:
    """A deterministic id for a new entity of ``kind``, not in ``taken``."""
    salt = 0
    while True:
        candidate = f"{PREFIXES.get(kind, 'E')}-{stable_hash(kind, seed, str(salt), length=12)}"
        if candidate not in taken:
            return candidate
        salt += 1


def assign_ids(
    kind: str,
    clusters: Sequence[Sequence[str]],
    previous: Mapping[str, Mapping[str, Any]],
    known: Mapping[str, Mapping[str, Any]],
) -> IdAssignment:
    """Give every cluster (a list of record ids) an entity id; see the module docstring.

    ``previous`` maps a record id to its last membership row (``entity_id``, ``origin_id``);
    ``known`` maps every entity id ever issued to its row (``created_at``). Each old id is
    offered to the clusters holding its records, weighted by how many records hold it now and
    how many were born under it; the strongest claims are settled first, so after a split the
    part that was born under an id gets it back.
    """
    result = IdAssignment()
    claims: Counter[tuple[int, str]] = Counter()
    for index, records in enumerate(clusters):
        for record in records:
            row = previous.get(record)
            if row:
                claims[(index, row["entity_id"])] += 1
                claims[(index, row["origin_id"])] += 1

    def strength(claim: tuple[tuple[int, str], int]) -> tuple[int, str, str, int]:
        (index, entity), weight = claim
        return (-weight, str(known.get(entity, {}).get("created_at", "~")), entity, index)

    chosen: dict[int, str] = {}
    for (index, entity), _weight in sorted(claims.items(), key=strength):
        if index not in chosen and entity not in chosen.values():
            chosen[index] = entity
    taken = set(known) | set(chosen.values())
    for index in sorted(range(len(clusters)), key=lambda i: min(clusters[i])):
        if index not in chosen:
            chosen[index] = new_entity_id(kind, min(clusters[index]), taken)
            taken.add(chosen[index])
            result.new.add(chosen[index])
    claimed = set(chosen.values())
    for index, records in enumerate(clusters):
        pick = chosen[index]
        for record in records:
            result.entity_of[record] = pick
            row = previous.get(record)
            result.origin_of[record] = row["origin_id"] if row else pick
            old = row["entity_id"] if row else None
            if old and old not in claimed:
                result.redirects[old] = pick
    return result
