"""Figures compared across documents: conflicts, divergences, revisions and series.

Figures are grouped by measure and scope (a place other than the home country, a period short
of the whole case). Within a group, figures whose values agree (:mod:`.values`) stand together
as one side. Two sides that disagree are a finding of one of three kinds, pair by pair:

- **revision**: the two counts refer to times that do not meet (227 as of January, 238 as of
  August; or an undated count in an article published before the other's ``as_of``), and do
  not set an official source against an independent one. A later count is an update, shown
  as a series, not a contradiction.
- **divergence**: at the same time (or with nothing to tell the times apart), an official
  source and an independent one give different values.
- **conflict**: any other difference at the same time, or with no dates to tell them apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from qantar.analyze.corpus import Corpus, Report
from qantar.analyze.findings import Finding, Side, agreeing_groups, disagreements
from qantar.analyze.periods import apart, refers_to, scope_period, show_date
from qantar.analyze.values import Range, agree, show_value, value_range
from qantar.codebook import label
from qantar.dates import Interval
from qantar.nlp.normalize.names import skeleton

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
    # Exact values first, so that sides form around them and a hedged count ("at least 10")
    # joins one it fits instead of gathering values that disagree with one another.
    return {
        key: agreeing_groups(
            sorted(found, key=lambda c: (c.range[1] - c.range[0], c.range, c.report.doc_name)),
            lambda a, b: agree(a.range, b.range),
        )
        for key, found in sorted(by_scope.items(), key=lambda item: str(item[0]))
    }


def relation(a: Count, b: Count) -> str | None:
    """How two counts relate: None if they agree, else ``revision``, ``divergence`` or
    ``conflict``."""
    if agree(a.range, b.range):
        return None
    opposed = {a.source_type, b.source_type} == OPPOSED
    if apart(a.time, b.time):
        # An official count and a later independent one are not one count updated: the
        # series shows them side by side, no finding is raised.
        return None if opposed else "revision"
    return "divergence" if opposed else "conflict"


def figure_findings(corpus: Corpus) -> list[Finding]:
    """Per measure and scope, one finding for each kind of disagreement among its figures."""
    findings = []
    for (measure, *_scope), sides in figure_groups(corpus).items():
        about = subject(measure, sides[0][0])
        for kind, involved in disagreements(sides, relation, _profile).items():
            if kind == "revision":
                involved.sort(key=lambda side: min(c.time for c in side))
            else:
                involved.sort(key=lambda side: min(c.range for c in side))
            findings.append(_finding(kind, about, involved))
    return findings


def _profile(count: Count) -> tuple[object, ...]:
    """What :func:`relation` looks at: counts alike in these relate alike."""
    return (count.range, count.time, count.source_type)


def subject(measure: str, example: Count) -> str:
    """A measure and its scope as a reader names it: "Deaths in Taraz over 2022-01"."""
    stated = example.report.record.get("scope")
    scope: dict[str, Any] = stated if isinstance(stated, dict) else {}
    parts = [label("figure_measures", measure)]
    if example.scope[0]:
        parts.append(f"in {scope.get('place')}")
    if example.scope[1]:
        parts.append(f"over {show_date(scope.get('period'))}")
    return " ".join(parts)


def _finding(kind: str, about: str, involved: list[list[Count]]) -> Finding:
    sides = [Side(_shown(side), [c.report for c in side]) for side in involved]
    return Finding(kind, "figure", about, "value", sides, _reason(kind, about, involved))


def _shown(side: list[Count]) -> str:
    """A side's value as its most exact report states it."""
    return min(side, key=lambda c: (c.range[1] - c.range[0], c.report.doc_name)).shown


def _reason(kind: str, about: str, involved: list[list[Count]]) -> str:
    if kind == "revision":
        steps = ", then ".join(f"{_shown(side)} ({_when(side[0])})" for side in involved)
        return (
            f"{about}: {steps}. The counts refer to different times, so a later one is an "
            "update, not a contradiction."
        )
    if kind == "divergence":
        official = [s for s in involved if any(c.source_type == "official" for c in s)]
        other = [s for s in involved if s not in official]
        return (
            f"{about}: official sources give {_values(official)}, independent ones "
            f"{_values(other)}, and nothing sets the counts apart in time."
        )
    stated = ", ".join(f"{_shown(side)} ({_who(side)})" for side in involved)
    return f"{about}: {stated}. {_why_same_time([c for side in involved for c in side])}"


def _values(sides: list[list[Count]]) -> str:
    return " and ".join(_shown(side) for side in sides) or "no value"


def _who(counts_: list[Count]) -> str:
    kinds = sorted({c.source_type for c in counts_})
    return ", ".join(kinds) + (" source" if len(counts_) == 1 else " sources")


def _when(count: Count) -> str:
    as_of = count.report.record.get("as_of")
    if as_of:
        return f"as of {show_date(as_of)}"
    return f"undated, published {count.report.published or 'on an unknown day'}"


def _why_same_time(found: list[Count]) -> str:
    dated = sorted(
        {show_date(c.report.record.get("as_of")) for c in found if c.report.record.get("as_of")}
    )
    undated = [c for c in found if not c.report.record.get("as_of")]
    if not dated:
        published = sorted({c.report.published or "?" for c in undated})
        return (
            "No side says when its count was made (the articles were published "
            f"{', '.join(published)}), so nothing sets them apart in time; a dated source "
            "would show whether the larger count is a later update."
        )
    if not undated:
        return f"They refer to the same time ({', '.join(dated)})."
    return (
        f"Some are dated ({', '.join(dated)}) and some are not, and the undated ones were "
        "published after those dates, so they may refer to the same time."
    )
