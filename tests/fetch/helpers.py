"""Running the CLI in process and reading what a fetch left in its folder."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner, Result

from qantar.cli import cli


def run_cli(*args: str) -> Result:
    """``qantar ARGS`` in this process (the test server runs in a thread of it)."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def write_urls(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def manifest_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def failure_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("failed: ")]
