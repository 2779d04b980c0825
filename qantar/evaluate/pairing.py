"""One-to-one pairing of produced records with gold records inside one document.

Why not plain greedy: with fuzzy rules (a quote fragment overlaps two gold quotes, a month-level
gold date accepts several produced days) a greedy pass can spend a produced record on the wrong
gold record and leave a pair unmatched that a careful reader would count. Here the greedy pass
runs first, best-ranked candidates first, so exact matches win; then augmenting paths (Kuhn's
algorithm) re-pair records only where that matches more of them. The result has the largest
possible number of pairs, and among those keeps the greedy preferences wherever it can.
Documents hold tens of records, so the quadratic candidate scan costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable

# rank(gold_index, produced_index): None when the two do not match, else a score where higher
# means a better (more exact) match.
Rank = Callable[[int, int], float | None]


def pair(n_gold: int, n_produced: int, rank: Rank) -> list[tuple[int, int]]:
    """Match produced records to gold records one-to-one; returns sorted (gold, produced) pairs."""
    candidates: list[list[tuple[float, int]]] = [[] for _ in range(n_produced)]
    edges: list[tuple[float, int, int]] = []
    for p in range(n_produced):
        for g in range(n_gold):
            score = rank(g, p)
            if score is not None:
                candidates[p].append((score, g))
                edges.append((score, g, p))
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2]))
    options = [[g for _, g in sorted(c, key=lambda item: (-item[0], item[1]))] for c in candidates]

    producer_of: dict[int, int] = {}  # gold index -> produced index
    taken: set[int] = set()  # produced indexes already paired
    for _, g, p in edges:
        if g not in producer_of and p not in taken:
            producer_of[g] = p
            taken.add(p)

    def augment(p: int, seen: set[int]) -> bool:
        for g in options[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in producer_of or augment(producer_of[g], seen):
                producer_of[g] = p
                return True
        return False

    for p in range(n_produced):
        if p not in taken and options[p]:
            augment(p, set())
    return sorted(producer_of.items())
