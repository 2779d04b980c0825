"""Which cues and patterns fired, and on which documents: what ``qantar eval --rules`` prints.

A rule that never fires on real text is dead weight, and one that fires everywhere is probably
over-eager; neither shows in a score. So every cue list declares its entries here when it is
compiled (:func:`declare`), and every match reports itself (:func:`fired`). Nothing is kept
unless a caller is :func:`recording`, so extraction pays one attribute check per match.

Rule names are dotted: ``file.section.entry`` for a cue from a pattern file
(``verdicts.triggers.sentence``), ``extractor.construction`` for a construction in code
(``verdicts.gapping``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class RuleLog:
    """Declared rules and, per rule, how often it fired in each document."""

    declared: set[str] = field(default_factory=set)
    hits: dict[str, Counter[str]] = field(default_factory=dict)
    document: str = ""
    """The document being read; set by the pipeline for each document."""

    def never_fired(self) -> list[str]:
        """Declared rules with no hit, sorted."""
        return sorted(self.declared - set(self.hits))


_DECLARED: set[str] = set()
_active: RuleLog | None = None


def declare(rule: str) -> None:
    """Say that ``rule`` exists (called once, when its cue list is compiled)."""
    _DECLARED.add(rule)
    if _active is not None:
        _active.declared.add(rule)


def fired(rule: str) -> None:
    """Count one match of ``rule`` in the current document (a no-op when nobody records)."""
    if _active is not None:
        _active.hits.setdefault(rule, Counter())[_active.document] += 1


def set_document(name: str) -> None:
    """Tell the active log which document the next hits belong to."""
    if _active is not None:
        _active.document = name


@contextmanager
def recording() -> Iterator[RuleLog]:
    """Record declarations and hits for the duration of the block."""
    global _active
    previous = _active
    _active = RuleLog(declared=set(_DECLARED))
    try:
        yield _active
    finally:
        _active = previous
