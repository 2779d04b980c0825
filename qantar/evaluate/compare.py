"""The leaf comparisons scoring is built from: names, dates, numbers and quoted text.

Each rule here is written once so that matching (which pairs a produced record with a gold one)
and attribute accuracy (which checks a field of a matched pair) cannot drift apart. The rules
follow the "Scoring" section of shared/gold/SCHEMA.md.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, TypeGuard

from rapidfuzz import fuzz

from qantar.nlp.normalize.names import skeleton

# A quote shorter than this can only match by containment. partial_ratio lets the shorter text
# hang over the end of the longer one, so a fragment as short as "we stay" scores 92 against a
# text ending in "we sta": on a handful of characters the fuzzy score says little.
MIN_FUZZY_QUOTE = 8
FUZZY_QUOTE_SCORE = 90.0
# Relative tolerance for figure values: they come from JSON numbers, so 238 and 238.0 must be
# equal, but 20,000 and 20,001 must not.
VALUE_REL_TOL = 1e-6

_QUOTE_MARKS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
    }
)
_STRIP = string.punctuation + string.whitespace + "…–—"
_SPACES = re.compile(r"\s+")


def fold(name: object) -> str | None:
    """The name-comparison key, or None for a missing name (so absent equals absent).

    A name with no letters or digits folds to None as well: an empty string is not a place.
    """
    return _fold_text(name) if isinstance(name, str) else None


@lru_cache(maxsize=8192)
def _fold_text(name: str) -> str | None:
    # Cached: pairing compares every gold name with every produced name, and the same few
    # hundred names recur across candidates and documents.
    return skeleton(name) or None


def name_keys(name: object, variants: Iterable[object] = ()) -> set[str]:
    """The folded keys a record answers to: its name and every variant spelling."""
    keys = {fold(name), *(fold(variant) for variant in variants)}
    return {key for key in keys if key is not None}


def date_matches(gold: object, produced: object) -> bool:
    """Whether a produced date agrees with a gold date at the precision the gold gives.

    Gold ``2023-04`` accepts ``2023-04`` and any day in April 2023, but gold ``2023-04-11`` does
    not accept ``2023-04``: the extractor must not be rewarded for knowing less than the article
    says. A span (``{"start": ..., "end": ...}``) matches a span whose two ends both match. A null
    gold date (the article gives none) matches only a null produced date: guessing is an error.
    """
    if gold is None:
        return produced is None
    if isinstance(gold, Mapping):
        if not isinstance(produced, Mapping):
            return False
        return all(date_matches(gold.get(end), produced.get(end)) for end in ("start", "end"))
    if isinstance(gold, str) and isinstance(produced, str):
        g, p = gold.strip(), produced.strip()
        return bool(g) and (p == g or p.startswith(g + "-"))
    return False


def date_score(gold: object, produced: object) -> float:
    """1.0 for the same date at the same precision, 0.5 for a match at gold precision, else 0.

    Used only to rank candidate pairs, so that ``2022-01-05`` pairs with ``2022-01-05`` before it
    pairs with ``2022-01``.
    """
    if not date_matches(gold, produced):
        return 0.0
    return 1.0 if gold == produced else 0.5


def values_equal(gold: object, produced: object) -> bool:
    """Whether two figure values are equal: two numbers, or two ``[low, high]`` ranges."""
    if _is_number(gold) and _is_number(produced):
        return math.isclose(gold, produced, rel_tol=VALUE_REL_TOL)
    if isinstance(gold, list | tuple) and isinstance(produced, list | tuple):
        return len(gold) == len(produced) and all(map(values_equal, gold, produced))
    return False


def _is_number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def normalize_text(text: str) -> str:
    """Quoted text reduced to what matters for overlap: case, quote style and spacing folded."""
    text = _SPACES.sub(" ", text.translate(_QUOTE_MARKS).lower())
    return text.strip(_STRIP)


def overlap_score(gold: str, produced: str) -> float | None:
    """How well two quoted texts overlap (higher is better), or None when they do not.

    They overlap when one contains the other after :func:`normalize_text`, or when the shorter,
    at least ``MIN_FUZZY_QUOTE`` characters long, scores ``FUZZY_QUOTE_SCORE`` or more with
    rapidfuzz ``partial_ratio`` against the longer. The score is that ratio (100 for containment)
    plus the length ratio of the two, so a whole quote is preferred to a fragment of it.
    """
    a, b = normalize_text(gold), normalize_text(produced)
    shorter, longer = sorted((a, b), key=len)
    if not shorter:
        return None
    if shorter in longer:
        ratio = 100.0
    elif len(shorter) >= MIN_FUZZY_QUOTE:
        ratio = fuzz.partial_ratio(shorter, longer)
    else:
        return None
    return ratio + len(shorter) / len(longer) if ratio >= FUZZY_QUOTE_SCORE else None


def texts_overlap(gold: str, produced: str) -> bool:
    """Whether two quoted texts overlap under the rule of :func:`overlap_score`."""
    return overlap_score(gold, produced) is not None


def any_overlap(gold: Iterable[Any], produced: Iterable[Any]) -> bool:
    """Whether any produced text overlaps any gold text (both lists of strings)."""
    produced = [p for p in produced if isinstance(p, str)]
    return any(texts_overlap(g, p) for g in gold if isinstance(g, str) for p in produced)
