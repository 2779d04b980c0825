"""Helpers every command module shares: the group, settings, options and JSON output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from qantar.exceptions import QantarError
from qantar.settings import Settings


def _settings(db: str | None) -> Settings:
    return Settings.from_env(db_url=db)


def _echo_json(data: Any, output: str = "-") -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    if output == "-":
        click.echo(text)
    else:
        Path(output).write_text(text + "\n", encoding="utf-8")


def _report_errors(errors: list[QantarError]) -> None:
    for error in errors:
        click.secho(f"skipped {error}", fg="yellow", err=True)


db_option = click.option("--db", help="Store URL (default: QANTAR_DB_URL or sqlite:///qantar.db).")
manifest_option = click.option(
    "--manifest",
    type=click.Path(dir_okay=False),
    help="CSV with file,url,title,outlet,author,published,...",
)


@click.group()
@click.version_option(package_name="qantar")
def cli() -> None:
    """qantar: a verifiable, source-cited record from news and NGO reports."""
