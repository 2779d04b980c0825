"""``qantar runs``: what the builds did, and which of them were cut short."""

from __future__ import annotations

import click

from qantar.cli.common import _echo_json, _settings, cli, db_option


@cli.command("runs")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@db_option
@click.option("--json", "as_json", is_flag=True)
def runs_command(limit: int, db: str | None, as_json: bool) -> None:
    """List the latest builds: when, how they ended, and what they did.

    A build killed outright (kill -9, out of memory) cannot record its own end; it is shown as
    interrupted once its process is gone, and its documents are redone by the next build."""
    from qantar.store import list_runs, open_store

    found = list_runs(open_store(_settings(db).db_url), limit=limit)
    if as_json:
        _echo_json(found)
        return
    if not found:
        click.echo("no builds yet; run 'qantar build' first", err=True)
    for run in found:
        ended = (run["finished_at"] or "")[:19].replace("T", " ") or "-"
        click.echo(
            f"{run['started_at'][:19].replace('T', ' ')}  {run['command']:<6} "
            f"{run['status']:<11} ended {ended}  {run['documents_processed']} extracted, "
            f"{run['documents_skipped']} current, {run['errors']} failed"
            + (f"  ({run['note']})" if run["note"] else "")
        )
