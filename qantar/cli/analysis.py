"""Commands that read across documents: conflicts, corroboration, timeline, copies, plot."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from qantar.cli.common import _echo_json, _settings, cli, db_option
from qantar.cli.records import _evidence, _listed, date_options
from qantar.codebook import label, values

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from qantar.analyze import Corpus


def _corpus(db: str | None) -> tuple[Engine, Corpus]:
    from qantar.analyze import Corpus
    from qantar.store import open_store

    engine = open_store(_settings(db).db_url)
    return engine, Corpus(engine)


@cli.command("conflicts")
@click.option("--about", type=click.Choice(("figure", "verdict", "event")), help="Only this kind.")
@click.option(
    "--kind", type=click.Choice(values("finding_kinds")), help="Only conflicts, divergences..."
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def conflicts_command(about: str | None, kind: str | None, as_json: bool, db: str | None) -> None:
    """Where sources disagree: conflicts, official-vs-independent divergences, and revisions.

    Figures are compared by measure and scope, verdicts per defendant (any spelling), event
    dates per happening. Every finding cites each side's documents and sentences and says why.
    """
    from qantar.analyze import find_conflicts

    _engine, corpus = _corpus(db)
    findings = find_conflicts(corpus, about=about, kind=kind)
    rows = [finding.as_dict() for finding in findings]
    if not _listed(rows, "disagreements", as_json):
        return
    for row in rows:
        click.secho(
            f"{row['kind'].upper()}  {row['about']}  {row['subject']}  ({row['id']})", bold=True
        )
        for side in row["sides"]:
            click.echo(f"  {side['value']}: {_sources(side)}")
            for report in side["reports"]:
                click.echo(_evidence(report["sentence"], report["doc_name"], report["outlet"]))
        click.echo(f"  why: {row['reason']}")
        click.echo("")
    tally = Counter(label("finding_kinds", row["kind"]).lower() for row in rows)
    click.echo(", ".join(f"{n} {name}{'s' * (n != 1)}" for name, n in tally.items()), err=True)


@cli.command("corroboration")
@click.option("--about", type=click.Choice(("figure", "verdict", "event")), help="Only this kind.")
@click.option(
    "--min",
    "minimum",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Only claims with at least this many independent sources.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def corroboration_command(about: str | None, minimum: int, as_json: bool, db: str | None) -> None:
    """How many independent sources report each figure, sentence and event date.

    Copies of one article (the same text under several outlets or URLs) count once.
    """
    from qantar.analyze import find_conflicts
    from qantar.analyze.corroboration import claims

    _engine, corpus = _corpus(db)
    found = claims(corpus, find_conflicts(corpus), about)
    rows = [claim.as_dict() for claim in found if claim.independent >= minimum]
    if not _listed(rows, "claims", as_json):
        return
    for row in rows:
        flag = "  DISPUTED" if row["disputed"] else ""
        click.echo(
            f"{row['independent_sources']} source{'s' * (row['independent_sources'] != 1)}  "
            f"{row['about']}  {row['subject']}: {row['value']}{flag}"
        )
        click.echo(f"    {'; '.join(row['documents'])}")


@cli.command("timeline")
@click.option("--place", help="Where it happened, in any spelling.")
@click.option("--person", help="Someone taking part, in any spelling or alphabet.")
@date_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def timeline_command(
    place: str | None,
    person: str | None,
    since: str | None,
    until: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """One timeline of events and verdicts from every document, each with its sources."""
    from qantar.analyze.timeline import timeline

    engine, corpus = _corpus(db)
    try:
        entries = timeline(engine, corpus, place=place, person=person, since=since, until=until)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    rows = [entry.as_dict() for entry in entries]
    if not _listed(rows, "timeline entries", as_json):
        return
    for row in rows:
        where = f"  [{', '.join(row['places'])}]" if row["places"] else ""
        disputed = f"  (disputed: also {', '.join(row['disputed'])})" if row["disputed"] else ""
        click.echo(f"{row['date']:<22} {_clip(row['title'], 110)}{where}{disputed}")
        click.echo(f"{'':<22} {_sources(row)}")


@cli.command("copies")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def copies_command(as_json: bool, db: str | None) -> None:
    """Groups of documents that are one article published more than once (counted once)."""
    _engine, corpus = _corpus(db)
    groups = corpus.copies()
    if as_json:
        _echo_json(groups)
    elif not groups:
        click.echo("no document is a copy of another", err=True)
    for group in [] if as_json else groups:
        click.echo(" = ".join(group))


@cli.command("plot")
@click.argument("measure", type=click.Choice(values("figure_measures")))
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="A .png or .svg file (default: MEASURE.png).",
)
@db_option
def plot_command(measure: str, output: str | None, db: str | None) -> None:
    """Chart a measure's values over time, coloured by source type, as PNG or SVG.

    Only counts for the whole case are drawn: a count for one city or one month is not a
    point on the same line (`qantar figures --measure M --series` lists them all).
    """
    from qantar.analyze.plot import plot_series
    from qantar.analyze.series import series

    _engine, corpus = _corpus(db)
    points = series(corpus, measure)
    whole = [point for point in points if point["whole_case"]]
    try:
        path = plot_series(whole, measure, Path(output or f"{measure}.png"))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    left_out = len(points) - len(whole)
    note = f" ({left_out} counts of one place or a shorter period left out)" if left_out else ""
    click.echo(f"saved {path}{note}")


def _sources(row: dict[str, Any]) -> str:
    n = row["independent_sources"]
    documents = row["documents"]
    copies = f", {len(documents) - n} of them copies" if len(documents) > n else ""
    return f"{n} independent source{'s' * (n != 1)}{copies}: {'; '.join(documents)}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
