"""Verdicts compared across documents: one defendant, one sentence?

Verdicts naming a defendant are grouped by the entity the name resolves to (Masimov, Massimov
and Мәсімов are one person). Reports agree when their outcomes and terms do not contradict (a
report that gives no term agrees with any term). Two reports that do contradict are a
**revision** when they are dated to days that do not meet (a ruling on appeal changes the
sentence), else a **conflict**. Unnamed groups ("seven people in Ust-Kamenogorsk") cannot be
told apart from other groups and are not compared.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from qantar.analyze.corpus import Corpus, Report
from qantar.analyze.findings import Finding, Side, agreeing_groups, disagreements
from qantar.analyze.periods import apart, interval
from qantar.codebook import label
from qantar.dates import Interval


@dataclass(frozen=True)
class Ruling:
    """A verdict report with its defendant's entity key."""

    report: Report
    defendant: str
    """The entity key (:meth:`~qantar.analyze.names.EntityNames.key`)."""
    name: str
    """The defendant as readers know them (the entity's name)."""

    @property
    def outcome(self) -> str | None:
        value = self.report.record.get("outcome")
        return value if isinstance(value, str) else None

    @property
    def term(self) -> int | None:
        value = self.report.record.get("term_months")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def date(self) -> Interval | None:
        return interval(self.report.record.get("date"))

    @property
    def shown(self) -> str:
        return show_sentence(self.outcome, self.term)


def show_sentence(outcome: str | None, term: int | None) -> str:
    """``prison, 18 years``; ``restricted freedom, 3 years 6 months``; ``fine``."""
    parts = [label("verdict_outcomes", outcome).lower() if outcome else "outcome not given"]
    if term is not None:
        years, months = divmod(term, 12)
        words = [f"{years} year{'s' * (years != 1)}"] if years else []
        words += [f"{months} month{'s' * (months != 1)}"] if months else []
        parts.append(" ".join(words) or "0 months")
    return ", ".join(parts)


def consistent(a: Ruling, b: Ruling) -> bool:
    """Whether two rulings could be the same sentence: no given outcome or term differs."""
    return not (
        (a.outcome and b.outcome and a.outcome != b.outcome)
        or (a.term is not None and b.term is not None and a.term != b.term)
    )


def rulings(corpus: Corpus) -> dict[str, list[Ruling]]:
    """Named-defendant verdicts by defendant key, each list in document order."""
    by_person: dict[str, list[Ruling]] = defaultdict(list)
    for report in corpus.reports("verdict"):
        defendant = report.record.get("defendant")
        if not isinstance(defendant, str) or not defendant.strip():
            continue
        key = corpus.names.key(report.doc_id, defendant)
        by_person[key].append(Ruling(report, key, corpus.names.label(key, defendant)))
    return dict(by_person)


def ruling_groups(corpus: Corpus) -> dict[str, list[list[Ruling]]]:
    """Per defendant key, the sides: rulings that agree with one another."""
    return {
        key: agreeing_groups(
            sorted(found, key=lambda r: (r.term is None, r.outcome is None, r.report.doc_name)),
            consistent,
        )
        for key, found in rulings(corpus).items()
    }


def relation(a: Ruling, b: Ruling) -> str | None:
    """None if two rulings agree; ``revision`` if dated to days apart; else ``conflict``."""
    if consistent(a, b):
        return None
    return "revision" if a.date and b.date and apart(a.date, b.date) else "conflict"


def verdict_findings(corpus: Corpus) -> list[Finding]:
    """Per defendant, one finding for each kind of contradiction between reported sentences."""
    findings = []
    for sides in ruling_groups(corpus).values():
        for kind, involved in disagreements(
            sides, relation, lambda r: (r.outcome, r.term, r.date)
        ).items():
            if kind == "revision":
                involved.sort(key=_first_day)
            findings.append(_finding(kind, involved))
    return findings


def _finding(kind: str, involved: list[list[Ruling]]) -> Finding:
    name = involved[0][0].name
    shown = [_best(side).shown for side in involved]
    if kind == "revision":
        steps = ", then ".join(
            f"{s} on {_day(_best(side))}" for s, side in zip(shown, involved, strict=True)
        )
        reason = (
            f"{name}: {steps}. The rulings are dated to different days, so a later one (an "
            "appeal, a review) is a revision."
        )
    else:
        reason = (
            f"{name}: {' against '.join(shown)}, and the reports do not date the rulings to "
            "different days, so they cannot all be right."
        )
    sides = [Side(s, [r.report for r in side]) for s, side in zip(shown, involved, strict=True)]
    return Finding(kind, "verdict", name, "sentence", sides, reason)


def _best(side: list[Ruling]) -> Ruling:
    """The most complete report of a side: with a term, with an outcome, dated."""
    return min(side, key=lambda r: (r.term is None, r.outcome is None, r.date is None))


def _first_day(found: list[Ruling]) -> Any:
    return min((r.date for r in found if r.date), default=None) or ()


def _day(ruling: Ruling) -> str:
    return str(ruling.report.record.get("date") or "an undated day")
