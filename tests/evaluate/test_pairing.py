"""pair(): one-to-one, best ranks first, and as many pairs as the candidates allow."""

from __future__ import annotations

import pytest

from qantar.evaluate.pairing import pair


@pytest.mark.parametrize(
    ("n_gold", "n_produced", "table", "expected"),
    [
        (1, 1, {}, []),
        (1, 2, {(0, 0): 1.0, (0, 1): 1.0}, [(0, 0)]),  # one gold record takes one produced
        (2, 1, {(0, 0): 1.0, (1, 0): 1.0}, [(0, 0)]),
        (2, 2, {(0, 0): 1.0, (0, 1): 2.0, (1, 0): 2.0, (1, 1): 1.0}, [(0, 1), (1, 0)]),
        # best rank first would leave gold 1 unpaired; augmenting re-pairs produced 0
        (2, 2, {(0, 0): 2.0, (1, 0): 1.0, (0, 1): 1.0}, [(0, 1), (1, 0)]),
        (2, 2, {(0, 0): 2.0, (1, 0): 1.0}, [(0, 0)]),
        (
            3,
            3,
            {(0, 0): 3.0, (1, 0): 2.0, (1, 1): 3.0, (2, 1): 2.0, (0, 2): 1.0},
            [(0, 2), (1, 0), (2, 1)],
        ),
    ],
)
def test_pair(
    n_gold: int,
    n_produced: int,
    table: dict[tuple[int, int], float],
    expected: list[tuple[int, int]],
) -> None:
    assert pair(n_gold, n_produced, lambda g, p: table.get((g, p))) == expected
