"""Analysis across documents: where sources disagree, what several confirm, and when.

Extraction reads one article at a time; this stage sets the articles side by side.
:func:`find_conflicts` reports conflicts, divergences and revisions of figures, verdicts and
event dates; :func:`corroboration` counts the independent sources behind each claim (copies
of one article count once); :func:`timeline` merges events and verdicts from every document
into one dated list. All read a :class:`Corpus`, which loads the store once.
"""

from __future__ import annotations

from qantar.analyze.corpus import Corpus, Report
from qantar.analyze.events import event_findings
from qantar.analyze.figures import figure_findings
from qantar.analyze.findings import Finding, ordered
from qantar.analyze.verdicts import verdict_findings
from qantar.codebook import values

FINDERS = {"figure": figure_findings, "verdict": verdict_findings, "event": event_findings}


def find_conflicts(
    corpus: Corpus, about: str | None = None, kind: str | None = None
) -> list[Finding]:
    """Findings of every fact kind (or only ``about``: figure, verdict or event), of every
    finding kind (or only ``kind``: conflict, divergence or revision), conflicts first.

    Raises:
        ValueError: an unknown ``about`` or ``kind``.
    """
    if about is not None and about not in FINDERS:
        raise ValueError(f"about must be one of {', '.join(FINDERS)}, not {about!r}")
    if kind is not None and kind not in values("finding_kinds"):
        raise ValueError(f"kind must be one of {', '.join(values('finding_kinds'))}, not {kind!r}")
    found: list[Finding] = []
    for name, finder in FINDERS.items():
        if about in (None, name):
            found += finder(corpus)
    return ordered([f for f in found if kind in (None, f.kind)])


__all__ = ["Corpus", "Finding", "Report", "find_conflicts"]
