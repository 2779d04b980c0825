"""The leaf rules: name folding, dates at gold precision, figure values, quote overlap."""

from __future__ import annotations

import pytest

from qantar.evaluate import date_matches
from qantar.evaluate.compare import fold, normalize_text, texts_overlap, values_equal

SPAN = {"start": "2022-01-05", "end": "2022-01-10"}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Karim Massimov", "Karim Masimov"),
        ("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev"),
        ("Karim Massimov", "Карим Масимов"),
        ("Nurlan Dalibaev", "Nurlan Dalibayev"),
        ("CSTO", "the CSTO"),
        ("Tokayev", "Tokayev's"),
        ("Almaty airport", "ALMATY AIRPORT"),
    ],
)
def test_fold_merges_spellings(left: str, right: str) -> None:
    assert fold(left) == fold(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Karim Massimov", "Karim Masimova"), ("Tokayev", "Nazarbayev"), ("Nurpeisov", "wife")],
)
def test_fold_keeps_different_names_apart(left: str, right: str) -> None:
    assert fold(left) != fold(right)


@pytest.mark.parametrize("missing", [None, "", " -- ", 42])
def test_fold_of_no_name_is_none(missing: object) -> None:
    assert fold(missing) is None


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        ("2023-04-11", "2023-04-11", True),
        ("2023-04", "2023-04-11", True),  # month-level gold accepts any day of that month
        ("2023-04", "2023-04", True),
        ("2023", "2023-12-31", True),
        ("2023-04-11", "2023-04", False),  # knowing less than gold is not a match
        ("2023-04-11", "2023", False),
        ("2023-04", "2023-05-01", False),
        ("2023-04-11", "2023-04-12", False),
        ("2023-1", "2023-11", False),  # a prefix must end at a date boundary
        (None, None, True),
        (None, "2023-04", False),  # a guessed date where the article gives none
        ("2023-04", None, False),
        (SPAN, dict(SPAN), True),
        ({"start": "2022-01", "end": "2022-01"}, SPAN, True),
        (SPAN, {"start": "2022-01-05", "end": "2022-01-11"}, False),
        (SPAN, {"start": "2022-01-05"}, False),
        (SPAN, "2022-01-05", False),
        ("2022-01-05", SPAN, False),
    ],
)
def test_date_matches_at_gold_precision(gold: object, produced: object, expected: bool) -> None:
    assert date_matches(gold, produced) is expected


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        (238, 238, True),
        (238, 238.0, True),
        (20000, 20001, False),
        (1_000_000_000, 1_000_000_100, True),  # within the 1e-6 relative tolerance
        ([2e9, 3e9], [2_000_000_000, 3_000_000_000], True),
        ([2e9, 3e9], [2e9, 4e9], False),
        ([2e9, 3e9], 2e9, False),
        (238, [238, 238], False),
        (1, True, False),  # JSON true is not the number 1
        (238, None, False),
    ],
)
def test_values_equal(gold: object, produced: object, expected: bool) -> None:
    assert values_equal(gold, produced) is expected


def test_normalize_text_folds_quotes_case_space_and_edges() -> None:
    assert normalize_text(" “We  Will\tNOT leave,” ") == "we will not leave"
    assert normalize_text("no ‘real’ change…") == "no 'real' change"


@pytest.mark.parametrize(
    ("gold", "produced", "expected"),
    [
        ("The square belongs to us.", "the square belongs to us", True),
        ("The square belongs to us.", "“The square belongs to us!”", True),
        ("The square belongs to us, and we stay.", "the square belongs to us", True),
        ("square", "They said the square was closed", True),  # gold inside produced
        ("Nobody asked the ‘villagers’.", 'Nobody asked the "villagers".', True),
        ("Nobody asked the villagers.", "Nobody askd the vilagers", True),  # fuzzy, >= 90
        ("we are here", "they are there", False),
        ("we stay", "they said we sta", False),  # scores 92, but 7 characters is too short
        ("we stay here", "they said we stay her", True),  # the same cut-off, long enough
        ("the crowd stays", "the crowd left", False),  # similar start, below 90
        ("The square belongs to us.", "The bazaar opens at nine.", False),
        ("The square belongs to us.", "...", False),
    ],
)
def test_texts_overlap(gold: str, produced: str, expected: bool) -> None:
    assert texts_overlap(gold, produced) is expected
