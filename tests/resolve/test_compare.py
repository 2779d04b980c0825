"""Pair scores explain themselves, and conflicts keep people apart."""

from __future__ import annotations

import pytest

from qantar.resolve.compare import MERGE_SCORE, compare_names
from qantar.resolve.person_names import parse_person_name


def compare(left: str, right: str):  # type: ignore[no-untyped-def]
    a, b = parse_person_name(left), parse_person_name(right)
    assert a is not None and b is not None
    return compare_names(a, b)


@pytest.mark.parametrize(
    ("left", "right", "score", "outcomes"),
    [
        ("Karim Masimov", "Karim Massimov", 1.0, ["surname same", "given name same"]),
        ("Aigerim Tleuzhanova", "Айгерим Тлеужан", 0.9, ["surname same stem", "given name same"]),
        ("K. Masimov", "Karim Massimov", 0.9, ["surname same", "given name initials agree"]),
        (
            "Kassym Tokayev",
            "Kassym-Jomart Tokayev",
            0.95,
            ["surname same", "given name first name same"],
        ),
        ("Kairat Satybaldy", "Kairat Satybalda", 0.85, ["surname similar", "given name same"]),
        (
            "Masimov Karim",
            "Karim Masimov",
            0.95,
            ["surname same", "given name same", "word order differs"],
        ),
    ],
)
def test_matches_with_reasons(left: str, right: str, score: float, outcomes: list[str]) -> None:
    match = compare(left, right)
    assert match.merges and match.score == pytest.approx(score)
    assert [f"{f.name} {f.outcome}" for f in match.features] == outcomes
    assert match.explain().endswith(f"score {score:.2f}")


@pytest.mark.parametrize(
    ("left", "right", "conflict"),
    [
        ("Nursultan Nazarbayev", "Dariga Nazarbayeva", "given names differ"),
        ("Nazarbayeva", "Nursultan Nazarbayev", "surname forms are of different genders"),
        ("Samat Abish", "Nurlan Abishev", "given names differ"),
        ("Almas Kaisar", "Almaz Kumenov", "surnames differ"),
        ("K. Masimov", "A. Masimov", "given names differ"),
    ],
)
def test_conflicts(left: str, right: str, conflict: str) -> None:
    match = compare(left, right)
    assert match.conflict == conflict and match.score == 0.0 and not match.merges
    assert f"kept apart: {conflict}" in match.explain()


def test_a_weak_stem_match_stays_below_the_threshold() -> None:
    match = compare("Tleuzhan", "Aigerim Tleuzhanova")
    assert match.conflict is None and match.score < MERGE_SCORE


def test_features_serialise() -> None:
    feature = compare("Karim Masimov", "Karim Massimov").features[0]
    assert feature.to_dict() == {
        "feature": "surname",
        "outcome": "same",
        "detail": "masimov",
        "weight": 0.6,
    }
