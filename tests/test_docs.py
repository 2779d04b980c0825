"""The docs are checked against the code: settings, codebook values and commands."""

from __future__ import annotations

from pathlib import Path

import click

from qantar.cli import cli
from qantar.codebook import markdown
from qantar.settings import SETTINGS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text(encoding="utf-8")
    for _name, variable, default, _help in SETTINGS:
        assert f"`{variable}` | `{default}`" in text, variable


def test_codebook_doc_is_generated_from_the_codebook() -> None:
    assert (DOCS / "codebook.md").read_text(encoding="utf-8") == markdown()


def test_every_command_has_help_and_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"`qantar {name}" in text, name
