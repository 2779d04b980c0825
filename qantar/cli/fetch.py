"""``qantar fetch``: download the articles a list of URLs (or feeds) points to, politely.

A thin layer over :func:`qantar.fetch.fetch_urls`: options in, a progress bar on stderr, one
line per failure, one summary line, and with ``--build`` the same build as ``qantar build
DIR/manifest.csv``.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from qantar.cli.common import _settings, cli, db_option
from qantar.cli.documents import run_build


@cli.command("fetch")
@click.argument("url_file", type=click.Path(dir_okay=False))
@click.option(
    "--out",
    default="fetched",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Folder for the pages, their text and manifest.csv.",
)
@click.option(
    "--timeout",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds one try may take.",
)
@click.option(
    "--retries",
    default=3,
    show_default=True,
    type=click.IntRange(min=1),
    help="Tries per request in all, on timeouts, lost connections, 429 and 5xx.",
)
@click.option(
    "--delay",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds between two requests to the same host.",
)
@click.option(
    "--backoff",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds before the first retry; doubled before each further one.",
)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=click.IntRange(min=1, max=32),
    help="Hosts fetched at the same time.",
)
@click.option("--refresh", is_flag=True, help="Fetch again the URLs already saved in --out.")
@click.option(
    "--build", "then_build", is_flag=True, help="Then store them, as 'qantar build' does."
)
@db_option
def fetch_command(
    url_file: str,
    out: str,
    timeout: float,
    retries: int,
    delay: float,
    backoff: float,
    workers: int,
    refresh: bool,
    then_build: bool,
    db: str | None,
) -> None:
    """Download the articles listed in URL_FILE (one URL a line; # comments) into --out.

    RSS and Atom feeds are read for their article links. robots.txt is obeyed, requests to a
    host are spaced by --delay, and URLs already saved are not fetched again.
    """
    from qantar.fetch import FetchOptions, fetch_urls, read_url_file

    listed = read_url_file(url_file)
    options = FetchOptions(
        timeout=timeout,
        retries=retries,
        delay=delay,
        backoff=backoff,
        workers=workers,
        refresh=refresh,
    )
    total = len(listed.urls) + len(listed.bad)
    with click.progressbar(length=total, label="fetching", file=sys.stderr) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = total
            bar.update(done - bar.pos)

        report = fetch_urls(listed, Path(out), options, progress=progress)
    for outcome in report.failed:
        click.secho(outcome.message(), fg="yellow", err=True)
    manifest = str(report.manifest)
    if then_build:
        click.echo(report.summary())
        failed_builds = run_build([], manifest, None, db=db)
    else:
        command = f"qantar build {shlex.quote(manifest)} --db {shlex.quote(_settings(db).db_url)}"
        click.echo(f"{report.summary()}; store them with: {command}")
        failed_builds = 0
    if report.failed or failed_builds:
        sys.exit(1)
