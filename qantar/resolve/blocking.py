"""Which pairs of spellings are worth comparing: blocking, so resolution never goes all-pairs.

Two person spellings are compared only when their surname stems are equal (``masim`` for
Masimov, Massimov, Мәсімов and Масимова) or close enough that Jaro-Winkler could call them one
spelling (``satibald`` / ``satibalda``). Equal stems come from a dictionary; close stems from
rapidfuzz's ``cdist`` over the distinct stems that start with the same letter, which runs in C
and in parallel: 100,000 mentions have a few tens of thousands of distinct stems, and a block of
stems sharing a first letter is a few thousand at most. Two-word names are also indexed by their
first word, so "Masimov Karim" meets "Karim Masimov".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from qantar.resolve.compare import SURNAME_SIMILARITY
from qantar.resolve.person_names import PersonName

MIN_FUZZY_STEM = 5
"""Stems shorter than this only ever match exactly: short names differ by one letter (Abai, Abay
fold anyway; Ilyas and Iliyas do not need fuzziness)."""


def _block_keys(name: PersonName) -> list[str]:
    keys = [name.stem]
    turned = name.swapped()
    if turned is not None and turned.stem != name.stem:
        keys.append(turned.stem)
    return keys


def close_stems(stems: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of distinct stems similar enough to be one spelling, each pair once."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for stem in sorted(set(stems)):
        if len(stem) >= MIN_FUZZY_STEM:
            by_letter[stem[0]].append(stem)
    pairs: list[tuple[str, str]] = []
    for block in by_letter.values():
        if len(block) < 2:
            continue
        scores = process.cdist(
            block,
            block,
            scorer=JaroWinkler.normalized_similarity,
            score_cutoff=SURNAME_SIMILARITY,
            workers=-1,
        )
        rows, cols = scores.nonzero()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if i < j and abs(len(block[i]) - len(block[j])) <= 2:
                pairs.append((block[i], block[j]))
    return pairs


def person_candidates(names: Mapping[str, PersonName]) -> list[tuple[str, str]]:
    """Pairs of name keys (``PersonName.key``) to compare, each pair once, in sorted order.

    ``names`` maps each distinct key to its parsed name; keys are compared, not records,
    because records with equal keys are one spelling and need no comparison.
    """
    by_stem: dict[str, list[str]] = defaultdict(list)
    for key in sorted(names):
        for stem in _block_keys(names[key]):
            by_stem[stem].append(key)
    pairs: set[tuple[str, str]] = set()
    for keys in by_stem.values():
        _add_pairs(pairs, keys, keys)
    for left, right in close_stems(by_stem):
        _add_pairs(pairs, by_stem[left], by_stem[right])
    return sorted(pairs)


def _add_pairs(pairs: set[tuple[str, str]], left: list[str], right: list[str]) -> None:
    for a in left:
        for b in right:
            if a != b:
                pairs.add((a, b) if a < b else (b, a))
