"""Commands listing records across documents: figures, verdicts, events and victims."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from qantar.cli.common import _echo_json, _settings, cli, db_option
from qantar.codebook import values
from qantar.publish.lines import LINES, term_words, when

_term = term_words


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Reject a malformed --since/--until before the store is opened, in plain words."""
    from qantar.dates import DATE_EXAMPLE, date_interval

    if value is not None:
        try:
            date_interval(value)
        except ValueError:
            raise click.BadParameter(f"must be {DATE_EXAMPLE}, not {value!r}") from None
    return value


def date_options(command: Any) -> Any:
    """--since and --until: inclusive bounds at day, month or year precision."""
    for name in ("until", "since"):
        command = click.option(
            f"--{name}",
            callback=_check_date,
            metavar="DATE",
            help=f"Only records dated {'on or after' if name == 'since' else 'on or before'} "
            "DATE (2022-01-05, 2022-01 or 2022).",
        )(command)
    return command


def _listed(rows: list[dict[str, Any]], what: str, as_json: bool) -> bool:
    """Print ``rows`` as JSON if asked; say so on stderr when there are none. True: go on."""
    if as_json:
        _echo_json(rows)
    if not rows:
        click.echo(
            f"no {what} matched; add articles to the store with 'qantar build PATH'", err=True
        )
    return bool(rows) and not as_json


def _evidence(sentence: str, *where: str | None) -> str:
    return f"    “{sentence}” ({', '.join(w for w in where if w)})"


def _print_listing(
    lister: Callable[..., list[dict[str, Any]]],
    filters: dict[str, Any],
    db: str | None,
    what: str,
    as_json: bool,
    line: Callable[[dict[str, Any]], str],
) -> None:
    """Run a filtered store listing and print it: a line per record, then its sentence."""
    from qantar.store import open_store

    try:
        rows = lister(open_store(_settings(db).db_url), **filters)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if _listed(rows, what, as_json):
        for row in rows:
            click.echo(line(row["record"]))
            click.echo(_evidence(row["sentence"], row["doc_name"]))


@cli.command("figures")
@click.option("--measure", type=click.Choice(values("figure_measures")), help="Only this measure.")
@click.option(
    "--source-type", type=click.Choice(values("source_types")), help="Only figures from this kind."
)
@click.option(
    "--series",
    is_flag=True,
    help="With --measure: the values over time (as of their date, else their article's), "
    "by source type.",
)
@date_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def figures_command(
    measure: str | None,
    source_type: str | None,
    series: bool,
    since: str | None,
    until: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """List stated figures (deaths, detained, ...) with who gives them, as of when, and where."""
    from qantar.store import list_figures

    if series:
        _print_series(measure, source_type, db, as_json)
        return
    filters = {"measure": measure, "source_type": source_type, "since": since, "until": until}
    _print_listing(list_figures, filters, db, "figures", as_json, LINES["figure"])


def _print_series(
    measure: str | None, source_type: str | None, db: str | None, as_json: bool
) -> None:
    from qantar.analyze import Corpus
    from qantar.analyze.series import series
    from qantar.store import open_store

    if measure is None:
        raise click.UsageError("--series needs --measure: which measure to follow over time")
    points = series(Corpus(open_store(_settings(db).db_url)), measure)
    points = [p for p in points if source_type in (None, p["source_type"])]
    if not _listed(points, f"{measure} figures", as_json):
        return
    for point in points:
        dated = "as of" if point["dated_by"] == "as_of" else "published"
        who = point["attributed_to"] or "no source named"
        click.echo(
            f"{point['date']}  ({dated})  {point['value']:<16} {point['source_type']:<12} "
            f"{who}  [{point['scope']}]"
        )
        click.echo(_evidence(point["sentence"], point["doc_name"], point["outlet"]))


@cli.command("verdicts")
@click.option("--person", help="Defendant's name in any spelling, or the surname alone.")
@click.option("--city", help="City of the court, in any spelling.")
@click.option("--outcome", type=click.Choice(values("verdict_outcomes")), help="Only this outcome.")
@date_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def verdicts_command(
    person: str | None,
    city: str | None,
    outcome: str | None,
    since: str | None,
    until: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """List court verdicts, each with the sentence it came from."""
    from qantar.store import list_verdicts

    filters = {"person": person, "city": city, "outcome": outcome, "since": since, "until": until}
    _print_listing(list_verdicts, filters, db, "verdicts", as_json, LINES["verdict"])


@cli.command("events")
@click.option("--type", "type_", type=click.Choice(values("event_types")), help="Only this type.")
@click.option("--place", help="Where it happened, in any spelling.")
@click.option("--person", help="A named actor or victim, in any spelling, or the surname alone.")
@date_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def events_command(
    type_: str | None,
    place: str | None,
    person: str | None,
    since: str | None,
    until: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """List dated events (protests, shootings, deaths...), each with its sentence."""
    from qantar.store import list_events

    filters = {"type": type_, "place": place, "person": person, "since": since, "until": until}
    _print_listing(list_events, filters, db, "events", as_json, LINES["event"])


@cli.command("victims")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def victims_command(as_json: bool, db: str | None) -> None:
    """List the named dead across documents, with every source that names them."""
    from qantar.store import list_victims, open_store

    rows = list_victims(open_store(_settings(db).db_url))
    if _listed(rows, "named victims", as_json):
        for row in rows:
            dates = ", ".join(when(d) for d in row["date"]) or "no date"
            places = ", ".join(row["place"]) or "no place"
            n = len(row["sources"])
            click.echo(f"{row['name']}  {dates}  {places}  ({n} source{'s' * (n != 1)})")
            others = [s for s in row["spellings"] if s != row["name"]]
            if others:
                click.echo(f"    also: {', '.join(others)}")
            for field in ("circumstance", "responsible"):
                if row[field]:
                    click.echo(f"    {field}: {'; '.join(row[field])}")
            for source in row["sources"]:
                click.echo(
                    _evidence(
                        source["sentence"], source["doc_name"], source["outlet"], source["url"]
                    )
                )
