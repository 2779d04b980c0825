"""Corroboration: how many independent sources report each claim.

A claim is one value of one thing: a figure of one measure and scope (reports whose values
agree, :mod:`.figures`), one defendant's sentence (:mod:`.verdicts`), or one happening on one
day (:mod:`.events`). Its strength is the number of independent sources behind it: documents,
with copies of one article (:mod:`.copies`) counted once. A claim some other report contradicts
(a conflict or a divergence) is marked ``disputed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qantar.analyze import events, figures, verdicts
from qantar.analyze.corpus import Corpus, Report, independent
from qantar.analyze.findings import Finding

ABOUT = ("figure", "verdict", "event")


@dataclass
class Claim:
    """One value of one thing, and the reports that give it."""

    about: str
    subject: str
    value: str
    reports: list[Report]
    disputed: bool = False

    @property
    def independent(self) -> int:
        return independent(self.reports)

    @property
    def documents(self) -> list[str]:
        return sorted({report.doc_name for report in self.reports})

    def as_dict(self) -> dict[str, Any]:
        return {
            "about": self.about,
            "subject": self.subject,
            "value": self.value,
            "independent_sources": self.independent,
            "documents": self.documents,
            "disputed": self.disputed,
            "reports": [report.cite() for report in self.reports],
        }


def claims(corpus: Corpus, findings: list[Finding], about: str | None = None) -> list[Claim]:
    """Every claim (of ``about`` if given), best corroborated first.

    ``findings`` are the corpus's findings (:func:`qantar.analyze.find_conflicts`): a claim
    holding a report on one side of a conflict or divergence is disputed.
    """
    if about is not None and about not in ABOUT:
        raise ValueError(f"about must be one of {', '.join(ABOUT)}, not {about!r}")
    found: list[Claim] = []
    if about in (None, "figure"):
        for (measure, *_scope), sides in figures.figure_groups(corpus).items():
            for agreeing in sides:
                subject = figures.subject(measure, agreeing[0])
                exact = min(agreeing, key=lambda c: (c.range[1] - c.range[0], c.report.doc_name))
                found.append(Claim("figure", subject, exact.shown, [c.report for c in agreeing]))
    if about in (None, "verdict"):
        for ruling_sides in verdicts.ruling_groups(corpus).values():
            for same in ruling_sides:
                best = min(same, key=lambda r: (r.term is None, r.outcome is None))
                found.append(Claim("verdict", best.name, best.shown, [r.report for r in same]))
    if about in (None, "event"):
        for happening in events.happenings(corpus):
            subject = events.subject(corpus, happening)
            for told in events.date_sides(happening):
                value = told[0].shown_date
                found.append(Claim("event", subject, value, [a.report for a in told]))
    contested = {
        report.fact_id
        for finding in findings
        if finding.kind != "revision"
        for side in finding.sides
        for report in side.reports
    }
    for claim in found:
        claim.disputed = any(report.fact_id in contested for report in claim.reports)
    return sorted(found, key=lambda c: (-c.independent, ABOUT.index(c.about), c.subject, c.value))
