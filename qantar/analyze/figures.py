"""Figures compared across documents: conflicts, divergences, revisions and series.

Figures are grouped by measure and scope (a place other than the home country, a period short
of the whole case). Within a group, figures whose values agree (:mod:`.values`) stand together
as one side. Two sides that disagree are a finding of one of three kinds, pair by pair:

- **revision**: the two counts refer to times that do not meet (227 as of January, 238 as of
  August; or an undated count in an article published before the other's ``as_of``). A later
  count is an update, shown as a series, not a contradiction.
- **divergence**: at the same time (or with nothing to tell the times apart), an official
  source and an independent one give different values.
- **conflict**: any other difference at the same time, or with no dates to tell them apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from qantar.analyze.corpus import Corpus, Report
from qantar.analyze.findings import Finding, Side, agreeing_groups
from qantar.analyze.periods import apart, refers_to, scope_period
from qantar.analyze.values import Range, agree, show_value, value_range
from qantar.codebook import label
from qantar.nlp.normalize.names import skeleton
from qantar.store.records import Interval

OPPOSED = frozenset({"official", "independent"})


@dataclass(frozen=True)
class Count:
    """A figure ready to compare: its report, range, time and scope."""

    report: Report
    range: Range
    time: Interval
    scope: tuple[str, Interval | None]

    @property
    def measure(self) -> str:
        return str(self.report.record.get("measure"))

    @property
    def source_type(self) -> str:
        return str(self.report.record.get("source_type") or "unknown")

    @property
    def shown(self) -> str:
        return show_value(self.report.record.get("value"), self.report.record.get("qualifier"))


def counts(corpus: Corpus, measure: str | None = None) -> list[Count]:
    """Every figure with a numeric value (of ``measure`` if given) as a :class:`Count`."""
    found = []
    for report in corpus.reports("figure"):
        record = report.record
        if measure is not None and record.get("measure") != measure:
            continue
        stated = value_range(record.get("value"), record.get("qualifier"))
        if stated is None:
            continue
        scope: dict[str, Any] = record["scope"] if isinstance(record.get("scope"), dict) else {}
        place = scope.get("place")
        found.append(
            Count(
                report=report,
                range=stated,
                time=refers_to(record.get("as_of"), report.published),
                scope=(
                    skeleton(place) if isinstance(place, str) else "",
                    scope_period(scope.get("period")),
                ),
            )
        )
    return found


def figure_groups(corpus: Corpus) -> dict[tuple[str, str, Interval | None], list[list[Count]]]:
    """Per (measure, place, period): the sides, each a list of counts that agree."""
    by_scope: dict[tuple[str, str, Interval | None], list[Count]] = defaultdict(list)
    for count in counts(corpus):
        by_scope[(count.measure, *count.scope)].append(count)
    return {
        key: agreeing_groups(
            sorted(found, key=lambda c: (c.range, c.report.doc_name)),
            lambda a, b: agree(a.range, b.range),
        )
        for key, found in sorted(by_scope.items(), key=lambda item: str(item[0]))
    }


def relation(a: Count, b: Count) -> str:
    """How two disagreeing counts relate: ``revision``, ``divergence`` or ``conflict``."""
    if apart(a.time, b.time):
        return "revision"
    if {a.source_type, b.source_type} == OPPOSED:
        return "divergence"
    return "conflict"


def figure_findings(corpus: Corpus) -> list[Finding]:
    """Every disagreement between figures of one measure and scope."""
    findings = []
    for (measure, *_scope), sides in figure_groups(corpus).items():
        about = subject(measure, sides[0][0])
        for i, first in enumerate(sides):
            for second in sides[i + 1 :]:
                found: dict[str, tuple[list[Count], list[Count]]] = {}
                for a in first:
                    for b in second:
                        if agree(a.range, b.range):
                            continue
                        left, right = found.setdefault(relation(a, b), ([], []))
                        left += [a] if a not in left else []
                        right += [b] if b not in right else []
                for kind, (left, right) in found.items():
                    if kind == "revision" and min(c.time for c in right) < min(
                        c.time for c in left
                    ):
                        left, right = right, left
                    findings.append(_finding(kind, about, left, right))
    return findings


def subject(measure: str, example: Count) -> str:
    """A measure and its scope as a reader names it: "Deaths in Taraz over 2022-01"."""
    stated = example.report.record.get("scope")
    scope: dict[str, Any] = stated if isinstance(stated, dict) else {}
    parts = [label("figure_measures", measure)]
    if example.scope[0]:
        parts.append(f"in {scope.get('place')}")
    if example.scope[1]:
        parts.append(f"over {_text(scope.get('period'))}")
    return " ".join(parts)


def _finding(kind: str, about: str, left: list[Count], right: list[Count]) -> Finding:
    sides = [
        Side(left[0].shown, [c.report for c in left]),
        Side(right[0].shown, [c.report for c in right]),
    ]
    return Finding(kind, "figure", about, "value", sides, _reason(kind, about, left, right))


def _reason(kind: str, subject: str, left: list[Count], right: list[Count]) -> str:
    a, b = left[0], right[0]
    if kind == "revision":
        return (
            f"{subject}: {a.shown} ({_when(a)}) and later {b.shown} ({_when(b)}). The counts "
            "refer to different times, so the later one is an update, not a contradiction."
        )
    if kind == "divergence":
        official, other = (a, b) if a.source_type == "official" else (b, a)
        return (
            f"{subject}: official sources give {official.shown}, independent ones "
            f"{other.shown}, and nothing sets the two counts apart in time."
        )
    return (
        f"{subject}: {a.shown} ({_who(left)}) against {b.shown} ({_who(right)}). "
        f"{_why_same_time(left + right)}"
    )


def _who(counts_: list[Count]) -> str:
    kinds = sorted({c.source_type for c in counts_})
    return ", ".join(kinds) + (" source" if len(counts_) == 1 else " sources")


def _when(count: Count) -> str:
    as_of = count.report.record.get("as_of")
    if as_of:
        return f"as of {_text(as_of)}"
    return f"undated, published {count.report.published or 'on an unknown day'}"


def _why_same_time(found: list[Count]) -> str:
    dated = sorted(
        {_text(c.report.record.get("as_of")) for c in found if c.report.record.get("as_of")}
    )
    undated = [c for c in found if not c.report.record.get("as_of")]
    if not dated:
        published = sorted({c.report.published or "?" for c in undated})
        return (
            "Neither side says when its count was made (the articles were published "
            f"{', '.join(published)}), so nothing sets them apart in time; a dated source "
            "would show whether the larger count is a later update."
        )
    if not undated:
        return f"Both refer to the same time ({', '.join(dated)})."
    return (
        f"One side is dated ({', '.join(dated)}) and the other is not, and the undated one "
        "was published after that date, so it may refer to the same time."
    )


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value.get('start')} to {value.get('end')}"
    return str(value)
