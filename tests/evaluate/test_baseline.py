"""The golden gate: flatten, check against floors, raise floors, refuse to lower, pin the corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qantar.evaluate import score
from qantar.evaluate.baseline import (
    BaselineError,
    check,
    corpus_digest,
    flatten,
    read_baseline,
    updated_baseline,
    write_baseline,
)
from qantar.exceptions import QantarError

from .helpers import MASSIMOV, TOKAYEV, doc

GOLD = [
    doc(
        people=[TOKAYEV, MASSIMOV],
        events=[{"date": "2022-01-05", "type": "protest", "place": "Almaty"}],
    )
]
# people: precision 1/2, recall 1/2; events matched with the wrong place.
PRODUCED = [
    doc(
        people=[{"name": "Tokayev"}, {"name": "Almas Kaisar"}],
        events=[{"date": "2022-01-05", "type": "protest", "place": "Astana"}],
    )
]


@pytest.fixture
def scores() -> dict[str, Any]:
    return score(GOLD, PRODUCED)


def test_flatten(scores: dict[str, Any]) -> None:
    flat = flatten(scores)
    assert flat["people.precision"] == 0.5
    assert flat["people.recall"] == 0.5
    assert flat["people.f1"] == 0.5
    assert flat["events.f1"] == 1.0
    assert flat["events.place.accuracy"] == 0.0
    assert "quotes.speaker.accuracy" not in flat  # not measured is not the same as zero
    assert len(flat) == 7 * 3 + 1
    assert all(isinstance(value, float) for value in flat.values())


@pytest.mark.parametrize(
    ("floors", "expected"),
    [
        ({"people.f1": 0.5, "events.f1": 1.0}, []),
        ({"people.f1": 0.504}, []),  # within epsilon: rounding noise is not a regression
        ({"people.f1": 0.86}, ["people.f1 fell to 0.5, below its floor 0.86"]),
        (
            {"events.place.accuracy": 0.9, "people.recall": 0.75},
            [
                "events.place.accuracy fell to 0.0, below its floor 0.9",
                "people.recall fell to 0.5, below its floor 0.75",
            ],
        ),
        (
            {"quotes.speaker.accuracy": 0.8},
            ["quotes.speaker.accuracy is no longer measured, but has a floor 0.8"],
        ),
    ],
)
def test_check(scores: dict[str, Any], floors: dict[str, float], expected: list[str]) -> None:
    assert check(scores, {"floors": floors}) == expected


def test_check_epsilon_is_adjustable(scores: dict[str, Any]) -> None:
    assert check(scores, {"floors": {"people.f1": 0.504}}, epsilon=0.0) == [
        "people.f1 fell to 0.5, below its floor 0.504"
    ]


def test_check_reports_a_changed_corpus(scores: dict[str, Any]) -> None:
    baseline = {"floors": {}, "documents": 5, "corpus_sha256": "a" * 64}
    assert check(scores, baseline, corpus_sha256="b" * 64) == [
        "the corpus changed (sha256 bbbbbbbbbbbb, floors were set on aaaaaaaaaaaa): "
        "re-pin the baseline on the new corpus",
        "1 documents were scored, but the floors were set on 5",
    ]
    same = {"floors": {}, "documents": 1, "corpus_sha256": "a" * 64}
    assert check(scores, same, corpus_sha256="a" * 64) == []


def test_updated_baseline_raises_floors_and_adds_new_ones(scores: dict[str, Any]) -> None:
    old = {"floors": {"people.f1": 0.4}, "corpus_sha256": "c" * 64, "note": "kept"}
    new = updated_baseline(scores, old)
    assert new["floors"] == flatten(scores)
    assert new["floors"]["people.f1"] == 0.5
    assert new["documents"] == 1
    assert new["corpus_sha256"] == "c" * 64
    assert new["note"] == "kept"
    assert old["floors"] == {"people.f1": 0.4}  # the input is not modified
    assert updated_baseline(scores, old, corpus_sha256="d" * 64)["corpus_sha256"] == "d" * 64


def test_updated_baseline_keeps_a_floor_within_epsilon(scores: dict[str, Any]) -> None:
    assert updated_baseline(scores, {"floors": {"people.f1": 0.503}})["floors"]["people.f1"] == (
        0.503
    )


@pytest.mark.parametrize(
    ("floors", "message"),
    [
        ({"people.f1": 0.86}, "refusing to lower floors: people.f1 would fall from 0.86 to 0.5"),
        (
            {"quotes.speaker.accuracy": 0.8},
            "quotes.speaker.accuracy would fall from 0.8 to unmeasured",
        ),
    ],
)
def test_updated_baseline_refuses_to_lower(
    scores: dict[str, Any], floors: dict[str, float], message: str
) -> None:
    with pytest.raises(BaselineError) as caught:
        updated_baseline(scores, {"floors": floors})
    assert message in str(caught.value)
    assert "allow_regression=True" in str(caught.value)
    assert isinstance(caught.value, QantarError)

    lowered = updated_baseline(scores, {"floors": floors}, allow_regression=True)
    assert lowered["floors"] == flatten(scores)


def make_corpus(folder: Path, files: dict[str, bytes]) -> list[Path]:
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files]


def test_corpus_digest(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "one", {"a.txt": b"Almaty, January", "b.txt": b"Astana"})
    digest = corpus_digest(corpus)
    assert len(digest) == 64
    assert corpus_digest([str(p) for p in reversed(corpus)]) == digest  # argument order
    moved = make_corpus(tmp_path / "two", {"a.txt": b"Almaty, January", "b.txt": b"Astana"})
    assert corpus_digest(moved) == digest  # where the corpus lives does not matter
    edited = make_corpus(tmp_path / "three", {"a.txt": b"Almaty, January", "b.txt": b"Astana."})
    assert corpus_digest(edited) != digest
    renamed = make_corpus(tmp_path / "four", {"a.txt": b"Almaty, January", "c.txt": b"Astana"})
    assert corpus_digest(renamed) != digest
    # the same bytes split differently between two files is a different corpus
    shifted = make_corpus(tmp_path / "five", {"a.txt": b"Almaty, Januar", "b.txt": b"yAstana"})
    assert corpus_digest(shifted) != digest


def test_write_then_read(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    data = {"floors": {"people.f1": 0.86, "events.f1": 0.5}, "documents": 5, "corpus_sha256": "e"}
    write_baseline(path, data)
    assert read_baseline(path) == data
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(data, sort_keys=True, indent=2) + "\n"
    write_baseline(path, {"floors": {}})  # replaces the file as a whole
    assert read_baseline(path) == {"floors": {}}
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary file left


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "has no 'floors' object"),
        ('{"documents": 5}', "has no 'floors' object"),
        ('{"floors": {"people.f1": "high"}}', "floor 'people.f1' is 'high', not a number"),
        ('{"floors": {"people.f1": true}}', "floor 'people.f1' is True, not a number"),
        ('{"floors": ', "is not valid JSON"),
    ],
)
def test_read_baseline_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match=message):
        read_baseline(path)


def test_read_missing_baseline(tmp_path: Path) -> None:
    with pytest.raises(BaselineError, match="cannot be read"):
        read_baseline(tmp_path / "nope.json")
