"""Revision, divergence, conflict and republication on small articles written for the tests.

``tests/fixtures/analysis`` holds six short reports (our own words, fictional outlets) built
through the real pipeline:

- the health ministry's 164 dead as of 10 January, the prosecutors' 225 as of 15 January
  (a revision), and a rights group's 250 as of 15 January (a divergence from the 225);
- 9,900 detained against 12,000 detained, both official and undated (a conflict);
- one court report published twice (another headline and a syndication line) and an
  independent report of the same verdict: three documents, two independent sources.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qantar.cli import cli

pytestmark = pytest.mark.slow

ARTICLES = Path(__file__).parent / "fixtures" / "analysis"


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def run_json(*args: str) -> Any:
    return json.loads(run(*args, "--json").output)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('analysis') / 'own.db'}"
    run("build", "--manifest", str(ARTICLES / "manifest.csv"), "--db", url)
    return url


def findings(db: str, about: str = "figure") -> dict[tuple[str, str], dict[str, Any]]:
    found = run_json("conflicts", "--about", about, "--db", db)
    return {(f["kind"], f["subject"]): f for f in found}


def values(finding: dict[str, Any]) -> list[str]:
    return [side["value"] for side in finding["sides"]]


def test_a_later_official_count_is_a_revision_in_time_order(db: str) -> None:
    revision = findings(db)[("revision", "Deaths")]
    assert values(revision) == ["164", "225"]
    assert [s["reports"][0]["as_of"] for s in revision["sides"]] == ["2022-01-10", "2022-01-15"]
    assert "update, not a contradiction" in revision["reason"]
    assert ("conflict", "Deaths") not in findings(db)


def test_an_independent_count_at_the_same_time_is_a_divergence(db: str) -> None:
    divergence = findings(db)[("divergence", "Deaths")]
    assert values(divergence) == ["225", "250"]
    types = [s["reports"][0]["source_type"] for s in divergence["sides"]]
    assert types == ["official", "independent"]
    assert "official sources give 225, independent ones 250" in divergence["reason"]


def test_undated_official_counts_that_differ_are_a_conflict(db: str) -> None:
    conflict = findings(db)[("conflict", "Detained")]
    assert values(conflict) == ["9,900", "12,000"]
    assert "No side says when its count was made" in conflict["reason"]


def test_a_republished_article_counts_once(db: str) -> None:
    assert run_json("copies", "--db", db) == [["detained_a.txt", "detained_a_republished.txt"]]
    conflict = findings(db)[("conflict", "Detained")]
    copied = conflict["sides"][0]
    assert copied["documents"] == ["detained_a.txt", "detained_a_republished.txt"]
    assert copied["independent_sources"] == 1
    claims = run_json("corroboration", "--about", "verdict", "--db", db)
    assert [
        (c["subject"], c["value"], len(c["documents"]), c["independent_sources"]) for c in claims
    ] == [("Daniyar Serikbayev", "prison, 5 years", 3, 2)]


def test_the_timeline_merges_reports_and_filters(db: str) -> None:
    entries = run_json("timeline", "--db", db)
    starts = [e["start"] for e in entries]
    assert starts == sorted(starts)
    verdicts = [e for e in entries if e["type"] == "verdict"]
    assert len(verdicts) == 1
    assert verdicts[0]["documents"] == [
        "detained_a.txt",
        "detained_a_republished.txt",
        "detained_b.txt",
    ]
    assert verdicts[0]["independent_sources"] == 2
    assert verdicts[0]["places"] == ["Taraz"]
    by_person = run_json("timeline", "--person", "Серикбаев", "--db", db)
    assert by_person and all("Daniyar Serikbayev" in e["people"] for e in by_person)
    assert run_json("timeline", "--place", "Taraz", "--db", db)[0]["type"] == "verdict"
    early = run_json("timeline", "--until", "2022-01-10", "--db", db)
    assert early and all(e["start"] <= "2022-01-10" for e in early)


def test_the_series_and_the_chart(db: str, tmp_path: Path) -> None:
    points = run_json("figures", "--measure", "deaths", "--series", "--db", db)
    assert [(p["date"], p["value"], p["source_type"]) for p in points] == [
        ("2022-01-10", "164", "official"),
        ("2022-01-15", "225", "official"),
        ("2022-01-15", "250", "independent"),
    ]
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml")):
        path = tmp_path / f"deaths{suffix}"
        result = run("plot", "deaths", "-o", str(path), "--db", db)
        assert f"saved {path}" in result.output
        assert path.read_bytes().startswith(magic)


def test_text_output_and_plain_errors(db: str, tmp_path: Path) -> None:
    text = run("conflicts", "--db", db).output
    assert "DIVERGENCE  figure  Deaths" in text and "why: " in text
    assert "“On 15 January, the Prosecutor General's office said" in text
    runner = CliRunner()
    wrong = runner.invoke(cli, ["plot", "deaths", "-o", str(tmp_path / "x.jpg"), "--db", db])
    assert wrong.exit_code == 2 and "name a .png or .svg file" in wrong.output
    nothing = runner.invoke(cli, ["plot", "witnesses", "--db", db])
    assert nothing.exit_code == 2 and "nothing to draw" in nothing.output
    reversed_ = runner.invoke(cli, ["timeline", "--since", "2023", "--until", "2022", "--db", db])
    assert reversed_.exit_code == 2 and "is after until" in reversed_.output
    series = runner.invoke(cli, ["figures", "--series", "--db", db])
    assert series.exit_code == 2 and "--series needs --measure" in series.output
