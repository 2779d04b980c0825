"""Name folding: one comparable key for the spellings of a name across Latin and Cyrillic.

Why a hand-made "skeleton" and not embeddings or phonetic codes: measured on Kazakh and Russian
names (shared/notes/nlp-dependencies.md, section 5), anyascii followed by a few
transliteration rewrites merged 14 of 16 true spelling pairs with no false merge, better than
metaphone, NYSIIS or sentence embeddings. ``Karim Massimov``, ``Karim Masimov`` and
``Карим Масимов`` all become ``karim masimov``.

This module sits at the base of the package, beside :mod:`qantar.model`, because every stage
compares names this way: reading a document (:mod:`qantar.nlp`), listing records from the
store (:mod:`qantar.store.records`, which must not import nlp or resolve) and resolving people
across documents. :mod:`qantar.nlp.normalize.names` re-exports it for the nlp stage.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

# Ordered rewrites applied after transliteration to lower-case ASCII. Each folds a spelling
# choice that English and Russian-language outlets make differently for the same Kazakh name.
_REWRITES: tuple[tuple[str, str], ...] = (
    ("dzh", "j"),  # Dzhaksybekov / Zhaksybekov / Jaksybekov (Джаксыбеков): before "zh"
    ("zh", "j"),  # Zhomart / Jomart / Жомарт
    ("kh", "h"),  # Yermukhamet / Ermuhamet
    ("ts", "c"),
    ("q", "k"),  # Qasym / Kasym
    ("yev", "ev"),  # Tokayev / Tokaev
    ("ye", "e"),  # Yermukhamet / Ермухамет (Е is "e" to anyascii)
    ("iy", "i"),  # Dmitriy / Dmitri
    ("y", "i"),  # Asylov / Asilov, Satybaldy
    ("ay", "ai"),
    ("w", "v"),
)
_DOUBLED = re.compile(r"([a-z])\1+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’`]s\b", re.IGNORECASE)


def clean_name(name: str) -> str:
    """Surface clean-up that keeps the alphabet: trims quotes, a leading "the", a possessive."""
    text = unicodedata.normalize("NFC", name).strip()
    text = text.strip("\"'“”«»‘’ .,;:")
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def ascii_lower(name: str) -> str:
    """Transliterate to lower-case ASCII words separated by single spaces."""
    text = anyascii(clean_name(name)).lower()
    return _NON_WORD.sub(" ", text).strip()


def skeleton(name: str) -> str:
    """The comparison key: ASCII, lower case, transliteration choices folded, doubles collapsed.

    >>> skeleton("Kassym-Jomart Tokayev") == skeleton("Касым-Жомарт Токаев")
    True
    """
    text = ascii_lower(name)
    for old, new in _REWRITES:
        text = text.replace(old, new)
    return _DOUBLED.sub(r"\1", text)


def same_name(left: str, right: str) -> bool:
    """Whether two surface forms fold to the same skeleton."""
    a, b = skeleton(left), skeleton(right)
    return bool(a) and a == b


#: Jaro-Winkler similarity above which two surname skeletons are taken as one spelling.
SURNAME_SIMILARITY = 0.93


def similar_surname(a: str, b: str) -> bool:
    """Whether two surname skeletons are one spelling: equal, or differing by an ending
    ("satibaldi" and "satibalda") with a high Jaro-Winkler similarity."""
    if not a or not b:
        return False
    if a == b:
        return True
    return (
        a[0] == b[0]
        and abs(len(a) - len(b)) <= 2
        and min(len(a), len(b)) >= 5
        and JaroWinkler.similarity(a, b) >= SURNAME_SIMILARITY
    )


def surname_matches(word: str, names: Sequence[str]) -> bool:
    """Whether a single word is the surname (last word) of one of ``names``."""
    key = skeleton(word)
    if not key or " " in key:
        return False
    return any(similar_surname(key, skeleton(name).split(" ")[-1]) for name in names if name)
