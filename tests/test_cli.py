"""The command line: exact messages for errors, and the extract contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qantar", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_build_reports_a_bad_file_and_stores_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        "Aigerim Tleuzhanova, a journalist, was sentenced in Almaty on Tuesday.\n", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("build", str(tmp_path), "--db", f"sqlite:///{tmp_path / 'q.db'}")
    assert result.returncode == 1
    assert f"skipped {tmp_path / 'empty.txt'}: file is empty" in result.stderr
    assert "1 documents extracted, 0 already current, 1 failed" in result.stdout
    people = run("people", "--json", "--db", f"sqlite:///{tmp_path / 'q.db'}")
    names = [p["name"] for p in json.loads(people.stdout)]
    assert names == ["Aigerim Tleuzhanova"]


def test_extract_prints_the_schema_shape(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Prosecutor General Berik Asylov spoke in Astana.\n\n"
        "“The investigation is complete and the cases go to court,” Asylov said.\n",
        encoding="utf-8",
    )
    result = run("extract", str(article), "--published", "2023-01-20")
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["doc"] == "a.txt" and record["published"] == "2023-01-20"
    assert set(record) >= {
        "people",
        "organizations",
        "places",
        "verdicts",
        "figures",
        "events",
        "quotes",
    }
    assert [p["name"] for p in record["people"]] == ["Berik Asylov"]
    assert "Prosecutor General" in record["people"][0]["roles"]
    assert record["places"] == ["Astana"]
    [quote] = record["quotes"]
    assert quote["speaker"] == "Berik Asylov"
    assert quote["evidence"]["extractor"] == "quotes.v2"


def test_show_unknown_document_says_what_to_do(tmp_path: Path) -> None:
    result = run("show", "nope.txt", "--db", f"sqlite:///{tmp_path / 'q.db'}")
    assert result.returncode == 1
    assert "no document 'nope.txt' in the store; 'qantar build' it first" in result.stderr


def test_extract_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "qantar", "extract", "-", "--published", "2023-04-25"],
        input="Karim Masimov was sentenced in Astana, the court said.\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["doc"] == "stdin" and record["places"] == ["Astana"]
    assert [p["name"] for p in record["people"]] == ["Karim Masimov"]


def test_search_and_export(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Prosecutor General Berik Asylov announced the verdict in Astana on Monday.\n",
        encoding="utf-8",
    )
    db = f"sqlite:///{tmp_path / 'q.db'}"
    assert run("build", str(folder), "--db", db).returncode == 0
    found = run("search", "verdict", "--json", "--db", db)
    assert [hit["name"] for hit in json.loads(found.stdout)] == ["a.txt"]
    lines = run("export", "--kind", "person", "--db", db).stdout.splitlines()
    assert [json.loads(line)["record"]["name"] for line in lines] == ["Berik Asylov"]
