"""Scores for part of a gold set: the documents whose names match a few globs.

A set mixes kinds of text (the dev set's ``t*`` trials, ``e*`` events, ``r*`` Russian
passages), and an overall F1 hides how one kind fares. ``qantar eval --only 'r*'`` scores the
Russian passages alone; a baseline file pins a subset's floors under the subset's name (see
:mod:`qantar.evaluate.baseline`). A subset is named by its globs joined with commas, as given
(``r*`` or ``t*,e*``).
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from typing import Any

from qantar.exceptions import GoldError

Document = dict[str, Any]


def parse_only(values: Iterable[str]) -> tuple[str, ...]:
    """The globs of repeated and comma-separated ``--only`` values, in order, without repeats."""
    globs: list[str] = []
    for value in values:
        for glob in value.split(","):
            glob = glob.strip()
            if glob and glob not in globs:
                globs.append(glob)
    return tuple(globs)


def subset_name(globs: Iterable[str]) -> str:
    """The name a subset's floors are stored under: its globs joined by commas."""
    return ",".join(globs)


def globs_of(name: str) -> tuple[str, ...]:
    """The globs of a stored subset name (the inverse of :func:`subset_name`)."""
    return parse_only([name])


def matches(name: str, globs: Iterable[str]) -> bool:
    """Whether a document name matches any of the globs (case-sensitive, as file names are)."""
    return any(fnmatchcase(name, glob) for glob in globs)


def select(documents: Iterable[Document], globs: Iterable[str]) -> list[Document]:
    """The documents (gold or produced, keyed by ``doc``) whose names match any glob.

    No match at all is a :class:`~qantar.exceptions.GoldError`: a subset of nothing scores
    0.0 everywhere, which reads like a broken extractor rather than a mistyped glob.
    """
    globs = tuple(globs)
    chosen = [doc for doc in documents if matches(str(doc.get("doc", "")), globs)]
    if not chosen:
        raise GoldError(f"no gold document matches {subset_name(globs)!r}")
    return chosen


def subset_scores(
    gold: list[Document], produced: list[Document], globs: Iterable[str], **options: Any
) -> dict[str, Any]:
    """:func:`~qantar.evaluate.score.score` over the gold documents the globs select."""
    from qantar.evaluate.score import score

    return score(select(gold, globs), produced, **options)
