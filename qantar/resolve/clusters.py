"""From scored pairs and reviewers' judgements to clusters: who is one entity.

The order of evidence is the order of trust, as in nomenklatura's resolver:

1. **Judgements**, newest first. A reviewer's merge joins two clusters unless a *later* split
   keeps them apart; a split (a negative judgement) keeps two records apart against any older
   merge and any automatic match. Judgements that lose are reported as overridden, not dropped.
2. **Same spelling**: records whose names fold to one key are one entity.
3. **Scored pairs**, best first, between names that carry a given name. A pair joins two
   clusters only if no record of one conflicts with a record of the other (Karim Masimov and
   Kairat Masimov may both match "K. Masimov", but never each other).
4. **Weak names** (a surname alone, or initials): they join the one cluster they fit, and stay
   apart when they fit several ("Masimov" in an article about two Masimovs is ambiguous).

Nothing here deletes or rewrites a record; the result is only a partition of record ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from qantar.resolve.compare import Match


@dataclass(frozen=True)
class Judgement:
    """A reviewer's decision that two records are (``positive``) or are not the same entity."""

    decision_id: str
    left: str
    right: str
    positive: bool
    created_at: str


@dataclass
class Candidate:
    """A compared pair of name keys, its match, and what clustering made of it."""

    left: str
    right: str
    match: Match
    outcome: str = ""


@dataclass
class Clustering:
    """The partition of record ids, with the outcome of every candidate and judgement."""

    clusters: list[list[str]]
    candidates: list[Candidate]
    judgements: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(decision id, left, right) -> ``applied`` or why it was overridden."""


class _Partition:
    """Union-find over record ids that also tracks each cluster's name keys and vetoes."""

    def __init__(self, unit_of: Mapping[str, str]) -> None:
        self.parent = {record: record for record in unit_of}
        self.members: dict[str, set[str]] = {r: {r} for r in unit_of}
        self.units: dict[str, set[str]] = {r: {unit_of[r]} for r in unit_of}
        self.vetoed: dict[str, set[str]] = defaultdict(set)

    def find(self, record: str) -> str:
        root = record
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[record] != root:
            self.parent[record], record = root, self.parent[record]
        return root

    def veto(self, a: str, b: str) -> None:
        self.vetoed[self.find(a)].add(b)
        self.vetoed[self.find(b)].add(a)

    def blocker(
        self, a: str, b: str, conflicts: Mapping[tuple[str, str], str] | None
    ) -> str | None:
        """Why the clusters of ``a`` and ``b`` may not join, or None if they may."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if self.vetoed[ra] & self.members[rb]:
            return "a reviewer split them"
        if conflicts:
            for left in self.units[ra]:
                for right in self.units[rb]:
                    reason = conflicts.get((left, right) if left < right else (right, left))
                    if reason:
                        return f"{reason} ({left} / {right})"
        return None

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        self.units[ra] |= self.units.pop(rb)
        self.vetoed[ra] |= self.vetoed.pop(rb, set())

    def clusters(self) -> list[list[str]]:
        return sorted(sorted(members) for members in self.members.values())


def _apply_judgements(
    part: _Partition, judgements: Sequence[Judgement]
) -> dict[tuple[str, str, str], str]:
    status: dict[tuple[str, str, str], str] = {}
    for judged in sorted(judgements, key=lambda j: j.created_at, reverse=True):
        key = (judged.decision_id, judged.left, judged.right)
        if judged.positive:
            reason = part.blocker(judged.left, judged.right, None)
            if reason:
                status[key] = "overridden: a later split keeps them apart"
            else:
                part.union(judged.left, judged.right)
                status[key] = "applied"
        elif part.find(judged.left) == part.find(judged.right):
            status[key] = "overridden: a later merge joined them"
        else:
            part.veto(judged.left, judged.right)
            status[key] = "applied"
    return status


def cluster(
    units: Mapping[str, Sequence[str]],
    weak: Iterable[str],
    candidates: Sequence[Candidate],
    judgements: Sequence[Judgement] = (),
) -> Clustering:
    """Partition the records of ``units`` (name key -> record ids); see the module docstring.

    ``weak`` are the keys of names without a given name. Judgements that name records not in
    ``units`` are ignored (the caller reports them as dangling).
    """
    unit_of = {record: key for key, records in units.items() for record in records}
    part = _Partition(unit_of)
    known = [j for j in judgements if j.left in unit_of and j.right in unit_of]
    status = _apply_judgements(part, known)
    for records in units.values():
        for record in records[1:]:
            if part.blocker(records[0], record, None) is None:
                part.union(records[0], record)
    conflicts = {
        (c.left, c.right): c.match.conflict for c in candidates if c.match.conflict is not None
    }
    weak_keys = set(weak)
    strong_pairs = [c for c in candidates if c.left not in weak_keys and c.right not in weak_keys]
    for candidate in sorted(strong_pairs, key=lambda c: (-c.match.score, c.left, c.right)):
        _join(part, units, candidate, conflicts)
    _attach_weak(part, units, weak_keys, candidates, conflicts)
    return Clustering(part.clusters(), list(candidates), status)


def _join(
    part: _Partition,
    units: Mapping[str, Sequence[str]],
    candidate: Candidate,
    conflicts: Mapping[tuple[str, str], str],
) -> None:
    match = candidate.match
    if not match.merges:
        candidate.outcome = f"kept apart: {match.conflict or 'score below the merge threshold'}"
        return
    left, right = units[candidate.left][0], units[candidate.right][0]
    if part.find(left) == part.find(right):
        candidate.outcome = "merged"
        return
    reason = part.blocker(left, right, conflicts)
    if reason:
        candidate.outcome = f"kept apart: {reason}"
    else:
        part.union(left, right)
        candidate.outcome = "merged"


def _attach_weak(
    part: _Partition,
    units: Mapping[str, Sequence[str]],
    weak: set[str],
    candidates: Sequence[Candidate],
    conflicts: Mapping[tuple[str, str], str],
) -> None:
    fits: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        if candidate.left in weak or candidate.right in weak:
            if candidate.match.merges:
                for key in (candidate.left, candidate.right):
                    if key in weak:
                        fits[key].append(candidate)
            else:
                reason = candidate.match.conflict or "score below the merge threshold"
                candidate.outcome = f"kept apart: {reason}"
    for key in sorted(fits):
        record = units[key][0]
        others = [c.right if c.left == key else c.left for c in fits[key]]
        strong = {part.find(units[o][0]) for o in others if o not in weak}
        strong.discard(part.find(record))
        targets = strong or {part.find(units[o][0]) for o in others} - {part.find(record)}
        if len(strong) > 1:
            for candidate in fits[key]:
                candidate.outcome = f"ambiguous: {key} fits {len(strong)} people"
            continue
        for target in sorted(targets):
            if part.blocker(record, target, conflicts) is None:
                part.union(record, target)
        for candidate in fits[key]:
            joined = part.find(units[candidate.left][0]) == part.find(units[candidate.right][0])
            if not candidate.outcome or joined:
                candidate.outcome = "merged" if joined else "kept apart: fits another person"
