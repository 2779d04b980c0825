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

from qantar.cli import analysis, documents, entities, fetch, records, runs, web
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
    "runs",
    "web",
    "_term",
]


def main() -> None:
    """Entry point: run the CLI, turning qantar's errors into one line and exit status 1.

    A fault qantar did not foresee is one line too: the traceback goes to a file named in
    that line, for the bug report, and not over the user's terminal."""
    try:
        cli(standalone_mode=True)
    except QantarError as error:
        click.secho(f"Error: {error}", fg="red", err=True)
        sys.exit(1)
    except Exception as error:
        report = _save_traceback()
        click.secho(
            f"Error: an unexpected fault in qantar ({type(error).__name__}: {error}); "
            f"the details are in {report}; please report it with that file",
            fg="red",
            err=True,
        )
        sys.exit(1)


def _save_traceback() -> str:
    """Write the current exception's traceback to a new file in the temporary folder."""
    import tempfile
    import traceback

    with tempfile.NamedTemporaryFile(
        "w", prefix="qantar-fault-", suffix=".txt", delete=False, encoding="utf-8"
    ) as file:
        traceback.print_exc(file=file)
        return file.name


if __name__ == "__main__":
    main()
