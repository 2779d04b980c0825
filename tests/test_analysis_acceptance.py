"""Issue 6's acceptance on the five shared articles: disagreements found, agreement left alone.

- the death toll conflict, 227 against 238, with both sides' documents and sentences;
- the two date disagreements: Masimov's arrest (6 or 7 January) and the request to the CSTO
  (5 or 6 January);
- Masimov's 18-year sentence corroborated by three documents, with no conflict;
- no finding between values that agree.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from qantar.analyze.periods import apart, interval
from qantar.analyze.values import agree, value_range
from qantar.cli import cli

pytestmark = pytest.mark.slow


def run_json(*args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture(scope="module")
def findings(seed_store: str) -> list[dict[str, Any]]:
    return run_json("conflicts", "--db", seed_store)  # type: ignore[no-any-return]


def docs(side: dict[str, Any]) -> list[str]:
    return [name[:3] for name in side["documents"]]


def test_the_death_toll_conflict_cites_both_sides(findings: list[dict[str, Any]]) -> None:
    deaths = [f for f in findings if f["about"] == "figure" and f["subject"] == "Deaths"]
    assert len(deaths) == 1
    finding = deaths[0]
    assert finding["kind"] == "conflict"
    by_value = {side["value"].split()[-1]: side for side in finding["sides"]}
    assert set(by_value) == {"227", "238"}
    assert docs(by_value["227"]) == ["003"]
    assert docs(by_value["238"]) == ["001", "002", "004"]
    for side in finding["sides"]:
        for report in side["reports"]:
            assert report["sentence"] and report["outlet"] and report["published"]
            # the manifest gives every article but 004 a URL
            assert bool(report["url"]) != report["doc_name"].startswith("004")
    assert "227" in by_value["227"]["reports"][0]["sentence"]
    assert "nothing sets them apart in time" in finding["reason"]


@pytest.mark.parametrize(
    ("who", "days"),
    [
        ("Karim Massimov", {"2022-01-06": "003", "2022-01-07": "004"}),
        ("Collective Security Treaty Organization", {"2022-01-05": "000", "2022-01-06": "003"}),
    ],
)
def test_the_two_date_disagreements(
    findings: list[dict[str, Any]], who: str, days: dict[str, str]
) -> None:
    found = [f for f in findings if f["about"] == "event" and who in f["subject"]]
    assert len(found) == 1, [f["subject"] for f in findings]
    sides = {side["value"]: docs(side) for side in found[0]["sides"]}
    assert sides == {day: [doc] for day, doc in days.items()}
    assert found[0]["kind"] == "conflict" and found[0]["field"] == "date"


def test_masimovs_sentence_is_corroborated_by_three_documents(
    seed_store: str, findings: list[dict[str, Any]]
) -> None:
    claims = run_json("corroboration", "--about", "verdict", "--db", seed_store)
    masimov = [c for c in claims if c["subject"] == "Karim Massimov"]
    assert len(masimov) == 1
    assert masimov[0]["value"] == "prison, 18 years"
    assert masimov[0]["independent_sources"] == 3
    assert [d[:3] for d in masimov[0]["documents"]] == ["000", "001", "004"]
    assert not masimov[0]["disputed"]
    assert not [f for f in findings if f["about"] == "verdict"]


def test_no_finding_sets_agreeing_values_against_each_other(
    findings: list[dict[str, Any]],
) -> None:
    assert findings
    for finding in findings:
        sides = finding["sides"]
        for i, first in enumerate(sides):
            for second in sides[i + 1 :]:
                assert first["value"] != second["value"], finding["id"]
                if finding["about"] == "event":
                    a, b = interval(first["value"]), interval(second["value"])
                    assert a and b and apart(a, b)
                if finding["about"] == "figure":
                    a = value_range(*_number(first["value"]))
                    b = value_range(*_number(second["value"]))
                    assert a and b and not agree(a, b)


def test_revisions_are_not_conflicts(findings: list[dict[str, Any]]) -> None:
    revisions = [f for f in findings if f["kind"] == "revision"]
    for finding in revisions:
        dates = [side["reports"][0]["as_of"] for side in finding["sides"]]
        assert all(dates) and dates == sorted(dates)


def _number(shown: str) -> tuple[float, str | None]:
    *hedge, number = shown.split()
    return float(number.replace(",", "")), " ".join(hedge) or None
