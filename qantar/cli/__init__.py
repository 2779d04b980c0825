"""The ``qantar`` command line: a thin layer over the library.

Each command parses options, calls one library function, prints the result (a table, or JSON
with ``--json``) and turns qantar's errors into one plain line on stderr. Commands live in one
module per family (:mod:`~qantar.cli.documents`, :mod:`~qantar.cli.records`,
:mod:`~qantar.cli.entities`, :mod:`~qantar.cli.analysis`, :mod:`~qantar.cli.fetch`) and
register on the one group in :mod:`~qantar.cli.common`.
"""

from __future__ import annotations

import sys

import click

from qantar.cli import analysis, documents, entities, fetch, records, web
from qantar.cli.common import cli
from qantar.cli.records import _term
from qantar.exceptions import QantarError

__all__ = [
    "cli",
    "main",
    "analysis",
    "documents",
    "entities",
    "fetch",
    "records",
    "web",
    "_term",
]


def main() -> None:
    """Entry point: run the CLI, turning qantar's errors into one line and exit status 1."""
    try:
        cli(standalone_mode=True)
    except QantarError as error:
        click.secho(f"Error: {error}", fg="red", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
