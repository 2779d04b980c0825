"""One document's failure is that document's error: the rest of the batch is stored.

Also: a build killed outright is shown as interrupted, not running, and SIGTERM ends a build
as interrupted.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from qantar.build import build
from qantar.cli import cli
from qantar.exceptions import ExtractionRefused, InputError
from qantar.model import Document, Fact, make_document_id
from qantar.nlp.context import DocumentContext
from qantar.nlp.pipeline import Pipeline
from qantar.nlp.registry import EXTRACTORS, Extractor
from qantar.settings import Settings
from qantar.store import counts, list_runs, open_store, start_run

SHORT = (
    "A court in Taraz sentenced the blogger Aidos Tulegenov to two years in prison on Monday "
    "for calling people to join the January protests."
)
LONGER = " ".join(
    f"On day {n} the court in Oral heard witness number {n}, who said little." for n in range(40)
)
FAULT = "This text trips the faulty extractor of the test."


def _doc(name: str, text: str) -> Document:
    return Document(id=make_document_id(text), name=name, text=text, language="en")


def _explode(context: DocumentContext) -> list[Fact]:
    if "trips the faulty" in context.text:
        raise RuntimeError("a fault planted by the test")
    return []


def test_a_failing_extractor_loses_only_its_document() -> None:
    faulty = Extractor("faulty", 1, "event", (), _explode)
    pipeline = Pipeline(Settings(db_url="sqlite://"), (*EXTRACTORS, faulty))
    outcomes = dict(
        (doc.name, outcome)
        for doc, outcome in pipeline.outcomes(
            [_doc("a.txt", SHORT), _doc("bad.txt", FAULT), _doc("c.txt", LONGER)]
        )
    )
    assert isinstance(outcomes["bad.txt"], InputError)
    assert "extraction failed (RuntimeError: a fault planted by the test)" in str(
        outcomes["bad.txt"]
    )
    assert isinstance(outcomes["a.txt"], list) and outcomes["a.txt"]
    assert isinstance(outcomes["c.txt"], list)


def test_a_document_over_the_work_limit_is_refused_and_the_rest_stored(tmp_path: Path) -> None:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'store.db'}", max_document_chars=1000)
    engine = open_store(settings.db_url)
    report = build(engine, [_doc("short.txt", SHORT), _doc("long.txt", LONGER)], settings)
    assert report.processed == 1
    [error] = report.errors
    assert isinstance(error, ExtractionRefused)
    assert error.path == "long.txt"
    assert "more than the limit of 1,000" in error.reason
    assert "QANTAR_MAX_DOCUMENT_CHARS" in error.reason
    assert counts(engine)["documents"] == 1
    [run] = list_runs(engine)
    assert (run["status"], run["errors"]) == ("ok", 1)


def test_the_cli_reports_a_refused_document_in_one_line_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "short.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "in" / "long.txt").write_text(LONGER, encoding="utf-8")
    env = {"QANTAR_MAX_DOCUMENT_CHARS": "1000"}
    db = f"sqlite:///{tmp_path / 'store.db'}"
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--db", db], env=env)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 1 and "long.txt" in skipped[0], result.output
    assert "1 documents extracted" in result.output and "1 failed" in result.output


def _run_marked_by(code: str, db: str) -> subprocess.Popen[bytes]:
    """A Python process that starts a run in ``db`` and then waits to be killed."""
    script = (
        "import sys, time\n"
        "from qantar.store import open_store, start_run\n"
        f"start_run(open_store({db!r}), 'build', 'test')\n"
        "print('started', flush=True)\n"
        f"{code}\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == b"started"
    return process


def test_a_build_killed_outright_is_shown_as_interrupted(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(db)
    process = _run_marked_by("time.sleep(60)", db)
    [run] = list_runs(engine)
    assert run["status"] == "running"  # its process is alive
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.stdout is not None
    process.stdout.close()
    [run] = list_runs(engine)
    assert run["status"] == "interrupted" and "killed" in run["note"]
    result = CliRunner().invoke(cli, ["runs", "--db", db])
    assert "interrupted" in result.output and "running" not in result.output
    start_run(engine, "build", "test")  # the next build records what it found
    statuses = sorted(run["status"] for run in list_runs(engine))
    assert statuses == ["interrupted", "running"]  # the new one is this live process's


def test_sigterm_ends_a_build_as_interrupted(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(30):
        (folder / f"{n:02}.txt").write_text(f"{SHORT} Case number {n}.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    engine = open_store(db)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "qantar", "build", str(folder), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 120
    while not list_runs(engine) and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0
    assert b"Traceback" not in stderr
    [run] = list_runs(engine)
    assert run["status"] == "interrupted"
    assert run["finished_at"] is not None  # closed by the build itself, not by a later check
