"""Findings: where reports disagree, in which way, and why it was raised.

A finding sets two *sides* (the reports giving one value each) against each other, says
what kind of disagreement it is (a codebook ``finding_kinds`` value: conflict, divergence or
revision) and gives the reason in words, so a reader can check it against the sentences cited.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from qantar.analyze.corpus import Report, independent
from qantar.model import stable_hash


@dataclass
class Side:
    """One value and the reports that give it."""

    value: str
    reports: list[Report] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "documents": sorted({r.doc_name for r in self.reports}),
            "independent_sources": independent(self.reports),
            "reports": [
                {**report.cite(), **_details(report)}
                for report in sorted(self.reports, key=lambda r: (r.doc_name, r.fact_id))
            ],
        }


@dataclass
class Finding:
    """Two sides that disagree about one thing."""

    kind: str
    """``conflict``, ``divergence`` or ``revision``."""
    about: str
    """The fact kind compared: ``figure``, ``verdict`` or ``event``."""
    subject: str
    """What the sides disagree about, for a reader: "deaths", "Karim Massimov"."""
    field: str
    """Which part of the fact differs: ``value``, ``sentence`` or ``date``."""
    sides: list[Side]
    reason: str

    @property
    def id(self) -> str:
        """Stable across runs: the same disagreement gets the same id."""
        values = sorted(side.value for side in self.sides)
        return "F-" + stable_hash(
            self.kind, self.about, self.subject, self.field, *values, length=12
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "about": self.about,
            "subject": self.subject,
            "field": self.field,
            "reason": self.reason,
            "sides": [side.as_dict() for side in self.sides],
        }


def _details(report: Report) -> dict[str, Any]:
    """What a report adds per kind: who gives a figure and as of when."""
    if report.kind != "figure":
        return {}
    record = report.record
    return {
        "source_type": record.get("source_type"),
        "attributed_to": record.get("attributed_to"),
        "as_of": record.get("as_of"),
    }


KIND_ORDER = ("conflict", "divergence", "revision")


def ordered(findings: list[Finding]) -> list[Finding]:
    """Conflicts first, then divergences, then revisions; by kind of fact and subject."""
    about = ("figure", "verdict", "event")
    return sorted(
        findings,
        key=lambda f: (KIND_ORDER.index(f.kind), about.index(f.about), f.subject, f.id),
    )


T = TypeVar("T")


def agreeing_groups(items: list[T], agree: Callable[[T, T], bool]) -> list[list[T]]:
    """Items in groups whose members all agree with one another, in the order first seen.

    Greedy: each item joins the first group it agrees with throughout, else starts one. An
    item agreeing with two groups that disagree ("at least 200" beside 227 and 238) joins the
    first, so it never bridges them into one.
    """
    groups: list[list[T]] = []
    for item in items:
        for group in groups:
            if all(agree(item, member) for member in group):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def disagreements(
    sides: list[list[T]],
    relation: Callable[[T, T], str | None],
    profile: Callable[[T], Hashable] = id,
) -> dict[str, list[list[T]]]:
    """Per finding kind, the sides taking part in it, each cut down to the members involved.

    ``relation(a, b)`` says how two items of different sides disagree (a finding kind), or
    None when they agree ("at least 200" beside 238). All the sides one kind of disagreement
    touches make one finding: five different death tolls are one conflict, not ten.
    Items with the same ``profile`` relate to everything alike (the same value, date and
    source type), so each profile is compared once: a toll 500 articles repeat costs one
    comparison per other value, not 500.
    """
    profiled = [_by_profile(side, profile) for side in sides]
    involved: dict[str, dict[int, dict[Hashable, None]]] = {}
    for i, first in enumerate(profiled):
        for j in range(i + 1, len(profiled)):
            for key_a, members_a in first.items():
                for key_b, members_b in profiled[j].items():
                    kind = relation(members_a[0], members_b[0])
                    if kind is None:
                        continue
                    by_side = involved.setdefault(kind, {})
                    by_side.setdefault(i, {})[key_a] = None
                    by_side.setdefault(j, {})[key_b] = None
    return {
        kind: [
            [item for key in keys for item in profiled[index][key]]
            for index, keys in sorted(by_side.items())
        ]
        for kind, by_side in involved.items()
    }


def _by_profile(side: list[T], profile: Callable[[T], Hashable]) -> dict[Hashable, list[T]]:
    groups: dict[Hashable, list[T]] = {}
    for item in side:
        groups.setdefault(profile(item), []).append(item)
    return groups
