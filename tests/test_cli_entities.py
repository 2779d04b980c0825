"""The resolution commands: people, person, entities, merge, split, judgements, candidates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from qantar.cli import cli
from qantar.store import open_store

from .resolve.test_store_resolution import store


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    engine = open_store(url)
    store(engine)
    engine.dispose()
    return url


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--db", db], env={"QANTAR_USER": "tester"})


def test_people_one_line_per_person_with_spellings(db: str) -> None:
    result = run(db, "people")
    assert result.exit_code == 0, result.output
    first, also = result.output.splitlines()[:2]
    assert first.startswith("Karim Massimov (former security chief): 3 documents, ")
    assert also == "    also: Karim Masimov, Masimov, Карим Масимов"
    rows = json.loads(run(db, "people", "--json").output)
    assert {row["name"] for row in rows} == {"Karim Massimov", "Almas Kaisar", "Almaz Kumenov"}


def test_person_prints_the_dossier(db: str) -> None:
    result = run(db, "person", "Мәсімов")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Karim Massimov  [P-")
    assert "  documents (3): a.txt, b.txt, c.txt" in lines
    assert any(line.startswith("[verdict: defendant] 2023-04-24") for line in lines)
    assert any("sentenced Karim Masimov to 18 years" in line for line in lines)
    found = json.loads(run(db, "person", "K. Masimov", "--json").output)
    assert found["entity"]["name"] == "Karim Massimov" and found["facts"][0]["kind"] == "verdict"


def test_person_errors_say_what_to_do(db: str) -> None:
    result = run(db, "person", "Nobody")
    assert result.exit_code == 1
    assert "no people match 'Nobody'; `qantar people` lists the names" in result.output


def test_merge_judgements_undo(db: str) -> None:
    merged = run(db, "merge", "Almas Kaisar", "Almaz Kumenov", "--note", "pen name")
    assert merged.exit_code == 0, merged.output
    assert "person records -> 2 entities" in merged.output
    decision = merged.output.split("undo with: qantar judgements --undo ")[1].strip()
    listed = run(db, "judgements").output
    assert (
        f"{decision}  " in listed and "  tester  merge: " in listed and "note: pen name" in listed
    )
    undone = run(db, "judgements", "--undo", decision)
    assert undone.exit_code == 0 and "person records -> 3 entities" in undone.output
    assert run(db, "judgements").output.startswith("no decisions yet; record one with")
    assert "UNDONE by tester" in run(db, "judgements", "--all").output
    again = run(db, "judgements", "--undo", decision)
    assert again.exit_code == 1 and "already undone" in again.output


def test_split_and_its_errors(db: str) -> None:
    result = run(db, "split", "Karim Massimov", "c.txt")
    assert result.exit_code == 0, result.output
    rows = json.loads(run(db, "people", "--json").output)
    assert len(rows) == 4
    assert {row["name"]: row["documents"] for row in rows}["Карим Масимов"] == ["c.txt"]
    ambiguous = run(db, "person", "Karim Massimov")
    assert ambiguous.exit_code == 1 and "'Karim Massimov' can mean 2 people: P-" in ambiguous.output
    bad = run(db, "split", "Almaz Kumenov", "zz.txt")
    assert bad.exit_code == 1 and "'zz.txt' selects none of Almaz Kumenov's records" in bad.output


def test_entities_and_candidates(db: str) -> None:
    places = json.loads(run(db, "entities", "--kind", "place", "--json").output)
    assert places == []  # the test corpus stores people only
    result = run(db, "candidates", "--kind", "person")
    assert result.exit_code == 0
    assert "Almaz Kumenov ~ Kumenov" in result.output or "Kumenov ~ Almaz Kumenov" in result.output
    assert "    surname same: kumenov" in result.output
    assert run(db, "resolve").output.startswith("7 person records -> 3 entities")
