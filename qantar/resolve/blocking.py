"""Which pairs of spellings are worth comparing: blocking, so resolution never goes all-pairs.

Two person spellings are compared only when their surname stems are equal (``masim`` for
Masimov, Massimov, Мәсімов and Масимова) or close enough that Jaro-Winkler could call them one
spelling (``satibald`` / ``satibalda``). Equal stems come from a dictionary; close stems from
rapidfuzz's ``cdist`` over the distinct stems that start with the same letter, which runs in C
and in parallel: 100,000 mentions have a few tens of thousands of distinct stems, and a block of
stems sharing a first letter is a few thousand at most. A two-word name also looks itself up
read surname first, so "Masimov Karim" meets "Karim Masimov".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from qantar.names import SURNAME_SIMILARITY
from qantar.resolve.compare import SURNAME_EDITS
from qantar.resolve.person_names import PersonName

MIN_FUZZY_STEM = 5
"""Stems shorter than this only ever match exactly: short names differ by one letter (Abai, Abay
fold anyway; Ilyas and Iliyas do not need fuzziness)."""


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
            if i < j and Levenshtein.distance(block[i], block[j]) <= SURNAME_EDITS:
                pairs.append((block[i], block[j]))
    return pairs


def person_candidates(names: Mapping[str, PersonName]) -> list[tuple[str, str]]:
    """Pairs of name keys (``PersonName.key``) to compare, each pair once, in sorted order.

    ``names`` maps each distinct key to its parsed name; keys are compared, not records,
    because records with equal keys are one spelling and need no comparison.
    """
    by_stem: dict[str, list[str]] = defaultdict(list)
    by_stem_initial: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key in sorted(names):
        name = names[key]
        by_stem[name.stem].append(key)
        by_stem_initial[(name.stem, _first_initial(name))].append(key)
    pairs: set[tuple[str, str]] = set()
    # Within a stem, only names whose first initials agree can match (Karim and Kairat may;
    # Nursultan and Dariga cannot), and a bare surname may be anyone's.
    for (stem, initial), keys in by_stem_initial.items():
        _add_pairs(pairs, keys, by_stem[stem] if not initial else keys)
    for left, right in close_stems(by_stem):
        for a in by_stem[left]:
            for b in by_stem[right]:
                if _initials_fit(names[a], names[b]):
                    _add_pairs(pairs, [a], [b])
    # A two-word name read surname first meets the names whose stem *and* first initial fit
    # that reading: blocking on the first word alone would put every Karim in one block.
    for key, name in names.items():
        turned = name.swapped()
        if turned is not None:
            _add_pairs(pairs, [key], by_stem_initial.get((turned.stem, turned.initials[0]), []))
    return sorted(pairs)


def _first_initial(name: PersonName) -> str:
    return name.initials[0] if name.initials else ""


def _initials_fit(a: PersonName, b: PersonName) -> bool:
    first_a, first_b = _first_initial(a), _first_initial(b)
    return not first_a or not first_b or first_a == first_b


def _add_pairs(pairs: set[tuple[str, str]], left: list[str], right: list[str]) -> None:
    for a in left:
        for b in right:
            if a != b:
                pairs.add((a, b) if a < b else (b, a))
