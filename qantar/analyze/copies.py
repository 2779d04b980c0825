"""Republications: one article under several outlets or URLs counts once as a source.

Identical texts are already one document with several sources (a document's id is a hash of
its text). Near-identical ones, the same report under another headline, with other
boilerplate or a corrected typo, are found here: MinHash signatures of word shingles
(datasketch), candidate pairs from locality-sensitive hashing, and a pair is a copy when its
estimated Jaccard similarity reaches :data:`COPY_SIMILARITY`. Copies form groups (a copy of a
copy is a copy); corroboration counts groups, not documents.

A build stores each document's signature (:data:`SCHEME`, :func:`signature_bytes`), so that
finding copies among thousands of documents reads 1 KB per document, not its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
"""Words per shingle: long enough that two different articles on one event share few."""
NUM_PERM = 128
COPY_SIMILARITY = 0.8
"""Share of shingles two texts must have in common to be one article published twice."""
PERMUTATIONS = "affine32"
"""datasketch's permutation scheme; signatures of different schemes cannot be compared."""
SCHEME = f"minhash-{PERMUTATIONS}-{SHINGLE_WORDS}w-{NUM_PERM}p"
"""Names how stored signatures were made: change a parameter and they are made again."""
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The text's runs of :data:`SHINGLE_WORDS` words, case-folded (a shorter text is one)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> MinHash:
    """The MinHash signature of a text's shingles."""
    found = MinHash(num_perm=NUM_PERM, scheme=PERMUTATIONS)
    found.update_batch(list(shingles(text)))
    return found


def signature_bytes(text: str) -> bytes:
    """A text's signature as stored: its MinHash values as little-endian 64-bit integers."""
    return np.asarray(signature(text).hashvalues, dtype="<u8").tobytes()


def from_bytes(stored: bytes) -> MinHash:
    """A stored signature back as a MinHash."""
    values = np.frombuffer(stored, dtype="<u8")
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=PERMUTATIONS)


def copy_groups(texts: Mapping[str, str]) -> dict[str, str]:
    """For each document id, the id of its group of copies (the smallest id in the group).

    A document with no copy is its own group. Texts without words are never copies.
    """
    return group_signatures(
        {doc_id: signature(text) for doc_id, text in texts.items() if text.strip()}, texts
    )


def group_signatures(signatures: Mapping[str, MinHash], doc_ids: Iterable[str]) -> dict[str, str]:
    """:func:`copy_groups` from signatures already made; ``doc_ids`` without one stand alone."""
    index = MinHashLSH(threshold=COPY_SIMILARITY, num_perm=NUM_PERM)
    parent = {doc_id: doc_id for doc_id in [*doc_ids, *signatures]}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for doc_id in sorted(signatures):
        mine = signatures[doc_id]
        if mine.is_empty():
            continue  # a text without words ("* * *") is like every other such text
        for other in index.query(mine):
            if mine.jaccard(signatures[other]) >= COPY_SIMILARITY:
                a, b = sorted((root(doc_id), root(other)))
                parent[b] = a
        index.insert(doc_id, mine)
    return {doc_id: root(doc_id) for doc_id in parent}
