"""``qantar eval --rules``, ``--only`` and subset floors, on a two-document corpus of our own."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from qantar.cli import cli
from qantar.evaluate.baseline import read_baseline, write_baseline
from qantar.exceptions import GoldError

ARTICLES = {
    "a.txt": "Riot police detained dozens of demonstrators in Shymkent on 6 January 2022, "
    "witnesses told reporters.\n",
    "b.txt": "A district court in Aktobe heard the case of a local blogger on 3 March 2023.\n",
}
GOLD = [{"doc": "a.txt", "places": ["Shymkent"]}, {"doc": "b.txt", "places": ["Aktobe"]}]
NEVER = re.compile(r"^(\d+) of (\d+) declared rules never fired$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eval_rules")
    (root / "corpus").mkdir()
    for name, text in ARTICLES.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    (root / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return root


def evaluate(corpus: Path, *args: str) -> Result:
    gold, texts = str(corpus / "gold.json"), str(corpus / "corpus")
    return CliRunner().invoke(cli, ["eval", gold, "--corpus", texts, *args])


def test_rules_lists_each_hit_with_its_document_and_counts_the_dead(corpus: Path) -> None:
    result = evaluate(corpus, "--rules")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    rows = {line.split()[0]: line for line in lines if line.startswith("events.types.")}
    detained = rows["events.types.detention.detained"].split()
    assert detained[1:] == ["1", "1", "a.txt"]  # hits, documents, which
    # "March" the month is not a march: event cues are read on clause predicates only
    assert "events.types.protest.march" not in rows
    never_start = lines.index("never fired:")
    never = [line.strip() for line in lines[never_start + 1 :] if line.startswith("  ")]
    assert "events.types.looting.looted" in never
    assert "events.types.detention.detained" not in never
    match = NEVER.match(lines[-1])
    assert match, lines[-1]
    assert int(match.group(1)) == len(never) > 0
    assert int(match.group(2)) > len(never)


def test_rules_table_is_sorted_by_rule(corpus: Path) -> None:
    lines = evaluate(corpus, "--rules").output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("rule "))
    end = lines.index("", header)
    names = [line.split()[0] for line in lines[header + 1 : end]]
    assert names == sorted(names) and len(names) >= 2


def test_rules_in_json(corpus: Path) -> None:
    result = evaluate(corpus, "--rules", "--json")
    assert result.exit_code == 0, result.output
    rules = json.loads(result.output)["rules"]
    assert rules["fired"]["events.types.detention.detained"] == {
        "hits": 1,
        "documents": {"a.txt": 1},
    }
    assert "events.types.looting.looted" in rules["never_fired"]
    assert not set(rules["never_fired"]) & set(rules["fired"])
    assert rules["declared"] > len(rules["never_fired"])


def test_without_rules_there_is_no_rule_table(corpus: Path) -> None:
    result = evaluate(corpus)
    assert "declared rules never fired" not in result.output
    assert "rules" not in json.loads(evaluate(corpus, "--json").output)


@pytest.mark.parametrize(
    ("only", "documents"),
    [(["--only", "a*"], 1), (["--only", "b.txt,a.txt"], 2), (["--only", "a*", "--only", "b*"], 2)],
)
def test_only_scores_the_documents_a_glob_names(
    corpus: Path, only: list[str], documents: int
) -> None:
    result = evaluate(corpus, *only, "--json", "--rules")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"] == documents
    if documents == 1:  # b.txt was not even read: its cues did not fire
        assert "events.types.protest.march" not in scores["rules"]["fired"]


def test_only_with_no_match_says_so(corpus: Path) -> None:
    result = evaluate(corpus, "--only", "z*")
    assert isinstance(result.exception, GoldError)
    assert "no gold document matches 'z*'" in str(result.exception)


def test_pin_a_subset_then_everything_in_one_command(corpus: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert evaluate(corpus, "--only", "a*", "--pin", str(baseline)).exit_code == 0
    pinned: dict[str, Any] = read_baseline(baseline)
    assert pinned["floors"] == {}
    subset = pinned["subsets"]["a*"]
    assert subset["documents"] == 1 and subset["floors"]["places.f1"] == 1.0
    assert all(key.endswith((".f1", ".accuracy")) for key in subset["floors"])

    # Without --only: the whole set's floors, and the subset's raised from the same run.
    subset["floors"]["places.f1"] = 0.5
    write_baseline(baseline, pinned)
    assert evaluate(corpus, "--pin", str(baseline)).exit_code == 0
    pinned = read_baseline(baseline)
    assert pinned["documents"] == 2 and pinned["floors"]["places.f1"] == 1.0
    assert pinned["subsets"]["a*"]["floors"]["places.f1"] == 1.0


def test_pin_refuses_to_lower_a_subset_floor(corpus: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    floors = {"places.f1": 1.0, "events.f1": 0.9}
    write_baseline(baseline, {"floors": {}, "subsets": {"b*": {"floors": floors}}})
    result = evaluate(corpus, "--pin", str(baseline))
    assert result.exit_code == 1
    assert "refusing to lower floors: events.f1 would fall from 0.9 to 0.0" in result.output
    assert read_baseline(baseline)["subsets"]["b*"]["floors"] == floors
