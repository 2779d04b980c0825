"""Scores for a subset of a gold set, subset floors in a baseline, and the rule report."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from qantar.evaluate import score
from qantar.evaluate.baseline import (
    BaselineError,
    check_subsets,
    pin,
    pin_subset,
    read_baseline,
    subset_names,
    write_baseline,
)
from qantar.evaluate.report import format_rules, rule_counts
from qantar.evaluate.subsets import globs_of, parse_only, select, subset_name, subset_scores
from qantar.exceptions import GoldError
from qantar.nlp.rule_log import RuleLog

from .helpers import doc

GOLD = [
    doc("t001.txt", places=["Almaty"]),
    doc("t002.txt", places=["Astana"]),
    doc("r001.txt", places=["Тараз"]),
]
PRODUCED = [
    doc("t001.txt", places=["Almaty"]),
    doc("t002.txt", places=["Aktau"]),
    doc("r001.txt", places=["Тараз"]),
]


def test_only_values_are_globs_repeated_or_comma_separated() -> None:
    assert parse_only(["r*"]) == ("r*",)
    assert parse_only(["t*, e*", "r*", "t*"]) == ("t*", "e*", "r*")
    assert parse_only([]) == ()
    assert subset_name(("t*", "e*")) == "t*,e*"
    assert globs_of("t*,e*") == ("t*", "e*")


def test_select_keeps_the_documents_a_glob_names() -> None:
    assert [d["doc"] for d in select(GOLD, ["r*"])] == ["r001.txt"]
    assert [d["doc"] for d in select(GOLD, ["r*", "t001.txt"])] == ["t001.txt", "r001.txt"]
    with pytest.raises(GoldError, match="no gold document matches 'x\\*,y\\*'"):
        select(GOLD, ["x*", "y*"])
    with pytest.raises(GoldError):
        select(GOLD, ["T*"])  # file names are case-sensitive


def test_subset_scores_count_only_the_subset() -> None:
    russian = subset_scores(GOLD, PRODUCED, ["r*"])
    assert russian["documents"] == 1 and russian["types"]["places"]["f1"] == 1.0
    english = subset_scores(GOLD, PRODUCED, ["t*"])
    assert english["types"]["places"]["f1"] == 0.5
    assert score(GOLD, PRODUCED)["types"]["places"]["tp"] == 2


def test_pin_subset_adds_then_raises_one_subset() -> None:
    russian = subset_scores(GOLD, PRODUCED, ["r*"])
    pinned = pin_subset({"floors": {"places.f1": 0.6}}, "r*", russian)
    assert pinned["floors"] == {"places.f1": 0.6}  # the whole set's floors are left alone
    entry = pinned["subsets"]["r*"]
    assert entry["documents"] == 1 and entry["floors"]["places.f1"] == 1.0
    assert all(key.endswith((".f1", ".accuracy")) for key in entry["floors"])
    with pytest.raises(BaselineError, match="places.f1 would fall from 1.0 to 0.5"):
        pin_subset(pinned, "r*", subset_scores(GOLD, PRODUCED, ["t*"]))


def test_pin_raises_the_whole_set_and_every_pinned_subset() -> None:
    old = {"floors": {"places.f1": 0.1}, "subsets": {"r*": {"floors": {"places.f1": 0.2}}}}
    new = pin(old, score(GOLD, PRODUCED), {"r*": subset_scores(GOLD, PRODUCED, ["r*"])})
    assert new["floors"]["places.f1"] == 0.6667 and new["documents"] == 3
    assert new["subsets"]["r*"]["floors"]["places.f1"] == 1.0
    assert subset_names(new) == ["r*"]
    with pytest.raises(BaselineError, match="no scores for the subset 'r\\*'"):
        pin(old, score(GOLD, PRODUCED))


def test_check_subsets_names_the_subset_of_each_broken_floor() -> None:
    baseline = {"floors": {}, "subsets": {"t*": {"floors": {"places.f1": 0.9}, "documents": 2}}}
    problems = check_subsets(baseline, {"t*": subset_scores(GOLD, PRODUCED, ["t*"])})
    assert problems == ["[t*] places.f1 fell to 0.5, below its floor 0.9"]
    assert check_subsets(baseline, {}) == ["[t*] has floors but was not scored"]
    assert check_subsets({"floors": {}}, {}) == []


def test_read_baseline_checks_subset_floors(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(path, {"floors": {}, "subsets": {"r*": {"floors": {"people.f1": 0.9}}}})
    assert read_baseline(path)["subsets"]["r*"]["floors"] == {"people.f1": 0.9}
    write_baseline(path, {"floors": {}, "subsets": {"r*": {"floors": {"people.f1": "x"}}}})
    with pytest.raises(BaselineError, match="subset 'r\\*' floor 'people.f1' is 'x'"):
        read_baseline(path)
    write_baseline(path, {"floors": {}, "subsets": ["r*"]})
    with pytest.raises(BaselineError, match="'subsets' must map subset names to floors"):
        read_baseline(path)


def test_rule_report() -> None:
    log = RuleLog(
        declared={"q.verbs.said", "q.verbs.told", "q.verbs.noted"},
        hits={
            "q.verbs.said": Counter({"b.txt": 1, "a.txt": 3, "c.txt": 1, "d.txt": 1}),
            "q.verbs.told": Counter({"a.txt": 1}),
        },
    )
    counts = rule_counts(log)
    assert counts["declared"] == 3 and counts["never_fired"] == ["q.verbs.noted"]
    assert counts["fired"]["q.verbs.said"] == {
        "hits": 6,
        "documents": {"a.txt": 3, "b.txt": 1, "c.txt": 1, "d.txt": 1},
    }
    assert format_rules(counts).splitlines() == [
        "rule          hits  docs  documents",
        "q.verbs.said     6     4  a.txt, b.txt, c.txt, +1 more",
        "q.verbs.told     1     1  a.txt",
        "",
        "never fired:",
        "  q.verbs.noted",
        "",
        "1 of 3 declared rules never fired",
    ]
    assert format_rules(rule_counts(RuleLog())).splitlines() == [
        "no rule fired",
        "",
        "0 of 0 declared rules never fired",
    ]
