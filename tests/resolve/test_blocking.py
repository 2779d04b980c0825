"""Blocking proposes the pairs worth comparing, and no others."""

from __future__ import annotations

import random

from qantar.resolve.blocking import close_stems, person_candidates
from qantar.resolve.person_names import PersonName, parse_person_name


def names(*texts: str) -> dict[str, PersonName]:
    parsed = [parse_person_name(t) for t in texts]
    return {p.key: p for p in parsed if p is not None}


def test_same_stem_and_close_stems_are_paired() -> None:
    found = person_candidates(
        names("Aigerim Tleuzhanova", "Тлеужан", "Kairat Satybaldy", "Satybalda")
    )
    assert found == [
        ("aigerim|tleujanova", "|tleujan"),
        ("kairat|satibaldi", "|satibalda"),
    ] or sorted(found) == sorted(
        [("|tleujan", "aigerim|tleujanova"), ("|satibalda", "kairat|satibaldi")]
    )


def test_different_surnames_are_never_compared() -> None:
    assert person_candidates(names("Almas Kaisar", "Almaz Kumenov", "Berik Asylov")) == []


def test_two_word_names_meet_their_surname_first_spelling() -> None:
    assert len(person_candidates(names("Masimov Karim", "Karim Masimov"))) == 1


def test_close_stems_need_length_and_similarity() -> None:
    assert close_stems(["satibaldi", "satibalda", "abai", "abay"]) == [("satibalda", "satibaldi")]
    assert close_stems(["nurpeis", "nurlanov"]) == []


def test_pairs_grow_with_blocks_not_with_the_square_of_names() -> None:
    rng = random.Random(5)
    word = lambda: "".join(rng.choice("abdeiklmnorstuz") for _ in range(8)).title()  # noqa: E731
    many = names(*(f"{word()} {word()}ov" for _ in range(400)))
    # Distinct stems that share a first letter are compared by rapidfuzz, but only close
    # ones become candidates: 400 names give far fewer than 400 * 399 / 2 pairs.
    assert len(person_candidates(many)) < 400 * 4
