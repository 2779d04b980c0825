"""Clustering: judgements newest first, conflicts never chained, weak names only when unique."""

from __future__ import annotations

from qantar.resolve.clusters import Judgement
from qantar.resolve.resolver import resolve_person_names as resolve


def judged(left: int, right: int, positive: bool, when: str, decision: str = "d") -> Judgement:
    return Judgement(decision + when, str(left), str(right), positive, f"2026-01-0{when}")


def test_spellings_of_one_person_cluster() -> None:
    names = ["Karim Masimov", "Karim Massimov", "Карим Масимов", "K. Masimov", "Мәсімов Кәрім"]
    assert resolve(names) == [[0, 1, 2, 3, 4]]


def test_a_weak_name_that_fits_two_people_stays_apart() -> None:
    names = ["Karim Masimov", "Kairat Masimov", "Masimov", "K. Masimov"]
    assert resolve(names) == [[0], [1], [2], [3]]


def test_a_weak_name_joins_the_only_person_it_fits() -> None:
    assert resolve(["Karim Masimov", "Masimov", "Nurlan Abishev"]) == [[0, 1], [2]]
    assert resolve(["Masimov", "Massimov"]) == [[0, 1]]  # two weak names of one spelling


def test_conflicts_do_not_chain_through_a_shared_match() -> None:
    # Kassym matches both compound names, which differ: only one of them may take it.
    names = ["Kassym Tokayev", "Kassym-Jomart Tokayev", "Kassym-Nurlan Tokayev"]
    clusters = resolve(names)
    assert [1, 2] not in clusters and not any({1, 2} <= set(c) for c in clusters)


def test_gendered_forms_apart_unless_given_names_agree() -> None:
    assert resolve(["Nursultan Nazarbayev", "Dariga Nazarbayeva", "Nazarbayeva"]) == [[0], [1, 2]]


def test_a_reviewers_merge_joins_what_rules_keep_apart() -> None:
    names = ["Almas Kaisar", "Almaz Kumenov"]
    assert resolve(names, [judged(0, 1, True, "1")]) == [[0, 1]]


def test_a_later_split_beats_an_older_merge_and_the_rules() -> None:
    names = ["Karim Masimov", "Karim Massimov"]
    assert resolve(names, [judged(0, 1, False, "2")]) == [[0], [1]]
    assert resolve(names, [judged(0, 1, True, "1"), judged(0, 1, False, "2")]) == [[0], [1]]
    assert resolve(names, [judged(0, 1, False, "1"), judged(0, 1, True, "2")]) == [[0, 1]]


def test_merges_apply_transitively() -> None:
    names = ["Almas Kaisar", "Almaz Kumenov", "Berik Asylov", "Berik Assylov"]
    clusters = resolve(names, [judged(0, 1, True, "1"), judged(1, 2, True, "2")])
    assert clusters == [[0, 1, 2, 3]]
