"""load_gold(): defaults, and a plain GoldError naming file, document and record for bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qantar.evaluate import load_gold
from qantar.evaluate.gold import RECORD_TYPES, check_documents
from qantar.exceptions import GoldError, QantarError


def write(tmp_path: Path, data: Any, name: str = "gold.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_missing_lists_default_to_empty(tmp_path: Path) -> None:
    path = write(tmp_path, [{"doc": "a.txt", "published": "2022-01-06", "places": ["Almaty"]}])
    [document] = load_gold(path)
    assert document["places"] == ["Almaty"]
    assert document["published"] == "2022-01-06"
    for field in RECORD_TYPES:
        if field != "places":
            assert document[field] == []


def test_produced_records_may_carry_extra_fields(tmp_path: Path) -> None:
    produced = {
        "doc": "a.txt",
        "run": 3,
        "people": [{"name": "Almas Kaisar", "evidence": {"start": 10, "end": 22}}],
        "places": [{"name": "Almaty", "evidence": None}],
        "figures": [{"measure": "deaths", "value": [200, 240], "evidence": "..."}],
        "events": [{"type": "protest", "date": {"start": "2022-01", "end": None}}],
    }
    [document] = load_gold(write(tmp_path, [produced]))
    assert document["people"][0]["evidence"] == {"start": 10, "end": 22}
    assert document["run"] == 3


def test_input_is_not_modified(tmp_path: Path) -> None:
    data = [{"doc": "a.txt"}]
    check_documents(data, "gold.json")
    assert data == [{"doc": "a.txt"}]


GOOD = {"doc": "a.txt"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"doc": "a.txt"}, "gold.json: expected a list of documents, found an object"),
        (["a.txt"], "gold.json: document 1 is a string, not an object"),
        ([GOOD, {"people": []}], "gold.json: document 2 has no 'doc' field"),
        ([GOOD, {"doc": ""}], "gold.json: document 2 has no 'doc' field"),
        ([GOOD, GOOD], "gold.json: document 2 repeats doc 'a.txt' (already document 1)"),
        (
            [{"doc": "a.txt", "people": {"name": "X"}}],
            "gold.json: document 1 ('a.txt'): 'people' should be a list, found an object",
        ),
        (
            [{"doc": "a.txt", "people": [{"name": "Almas Kaisar"}, {"roles": ["poet"]}]}],
            "gold.json: document 1 ('a.txt'): people[1] has no 'name'",
        ),
        (
            [{"doc": "a.txt", "people": [{"name": "Almas Kaisar", "variants": "Kaisar"}]}],
            "people[0] has 'variants' that is not a list of strings",
        ),
        ([{"doc": "a.txt", "places": [None]}], "places[0] is null, not an object or a string"),
        ([{"doc": "a.txt", "places": ["--"]}], "places[0] has name '--', which has no letters"),
        (
            [{"doc": "a.txt", "verdicts": [{"defendant": None, "outcome": "jail"}]}],
            "verdicts[0] has outcome 'jail', which is not in the codebook (verdict_outcomes)",
        ),
        ([{"doc": "a.txt", "verdicts": [{"count": 2}]}], "verdicts[0] has no 'outcome'"),
        (
            [{"doc": "a.txt", "verdicts": [{"outcome": "fine", "term_months": "48"}]}],
            "verdicts[0] has term_months '48', which is not a whole number",
        ),
        (
            [{"doc": "a.txt", "verdicts": [{"outcome": "fine", "date": "11 July 2023"}]}],
            "verdicts[0] has date '11 July 2023'; expected null, YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            [{"doc": "a.txt", "figures": [{"measure": "casualties", "value": 3}]}],
            "figures[0] has measure 'casualties', which is not in the codebook",
        ),
        (
            [{"doc": "a.txt", "figures": [{"measure": "deaths", "value": "238"}]}],
            "figures[0] has value '238'; expected a number or a [low, high] pair of numbers",
        ),
        (
            [{"doc": "a.txt", "figures": [{"measure": "deaths", "value": [1, 2, 3]}]}],
            "figures[0] has value [1, 2, 3]",
        ),
        (
            [{"doc": "a.txt", "events": [{"date": "2022-01-05"}]}],
            "events[0] has no event 'type'",
        ),
        (
            [{"doc": "a.txt", "events": [{"type": "riot", "date": "2022-01-05"}]}],
            "events[0] has type 'riot', which is not in the codebook (event_types)",
        ),
        (
            [{"doc": "a.txt", "events": [{"type": "clash", "date": {"start": "5 Jan"}}]}],
            "events[0] has date.start '5 Jan'",
        ),
        ([{"doc": "a.txt", "quotes": [{"speaker": "X"}]}], "quotes[0] has no quoted 'text'"),
        ([{"doc": "a.txt", "quotes": [{"text": "« … »"}]}], "quotes[0] has no quoted 'text'"),
    ],
)
def test_malformed_gold_is_reported_plainly(tmp_path: Path, data: Any, message: str) -> None:
    with pytest.raises(GoldError) as caught:
        load_gold(write(tmp_path, data))
    assert message in str(caught.value)
    assert str(caught.value).startswith("gold.json: ")


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match=r"^missing\.json: cannot be read"):
        load_gold(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"doc": "a.txt",', encoding="utf-8")
    with pytest.raises(GoldError, match=r"^broken\.json: is not valid UTF-8 JSON"):
        load_gold(broken)


def test_gold_error_is_a_qantar_error() -> None:
    assert issubclass(GoldError, QantarError)
