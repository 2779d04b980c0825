"""The ``qantar`` command line: a thin layer over the library.

Each command parses options, calls one library function, prints the result (a table, or JSON
with ``--json``) and turns qantar's errors into one plain line on stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from qantar.build import build, read_documents
from qantar.codebook import values
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


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path())
@manifest_option
@click.option("--published", help="Publication date (YYYY[-MM[-DD]]) for documents that have none.")
@db_option
def build_command(
    paths: tuple[str, ...], manifest: str | None, published: str | None, db: str | None
) -> None:
    """Ingest articles (files, folders, a manifest) and store their facts."""
    from qantar.store import counts, open_store

    settings = _settings(db)
    docs, errors = read_documents(paths, manifest, published)
    engine = open_store(settings.db_url)
    with click.progressbar(length=len(docs), label="extracting", file=sys.stderr) as bar:
        report = build(engine, docs, settings, progress=lambda _doc: bar.update(1))
    report.errors = errors
    _report_errors(list(errors))
    totals = counts(engine)
    click.echo(
        f"{report.processed} documents extracted, {report.skipped} already current, "
        f"{len(errors)} failed; the store at {settings.db_url} holds {totals['documents']} "
        f"documents and " + ", ".join(f"{n} {k}" for k, n in sorted(totals["facts"].items()))
    )
    if errors:
        sys.exit(1)


@cli.command("extract")
@click.argument("paths", nargs=-1, type=click.Path())
@manifest_option
@click.option("--published", help="Publication date for documents that have none.")
@click.option("-o", "--output", default="-", help="Where to write the JSON (default: stdout).")
def extract_command(
    paths: tuple[str, ...], manifest: str | None, published: str | None, output: str
) -> None:
    """Print one SCHEMA.md record per document as a JSON list (nothing is stored)."""
    from qantar.nlp.pipeline import Pipeline
    from qantar.nlp.records import document_record

    docs, errors = read_documents(paths, manifest, published)
    pipeline = Pipeline(_settings(None))
    records = [document_record(doc, facts) for doc, facts in pipeline.run(docs)]
    _echo_json(sorted(records, key=lambda r: str(r["doc"])), output)
    _report_errors(list(errors))
    if errors:
        sys.exit(1)


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", required=True, type=click.Path(exists=True, file_okay=False))
@manifest_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--misses",
    "misses_of",
    multiple=True,
    help="Also list what was missed or wrongly produced for this record type (or attribute).",
)
@click.option(
    "--pin",
    "pin",
    type=click.Path(dir_okay=False),
    help="Raise the floors in this baseline file (tests/golden/baseline.json) to these scores.",
)
def eval_command(
    gold: str,
    corpus: str,
    manifest: str | None,
    as_json: bool,
    misses_of: tuple[str, ...],
    pin: str | None,
) -> None:
    """Score the pipeline against a gold file: P/R/F1 per record type, attribute accuracy."""
    from qantar.evaluate import format_table, load_gold, score
    from qantar.nlp.pipeline import Pipeline
    from qantar.nlp.records import document_record

    gold_docs = load_gold(gold)
    manifest = manifest or (
        str(Path(corpus) / "manifest.csv") if (Path(corpus) / "manifest.csv").exists() else None
    )
    docs, errors = read_documents([corpus], manifest, None)
    _report_errors(list(errors))
    records = [document_record(d, f) for d, f in Pipeline(_settings(None)).run(docs)]
    scores = score(gold_docs, records, details=bool(misses_of))
    if pin:
        _pin(Path(pin), scores)
    if as_json:
        _echo_json(scores)
        return
    click.echo(format_table(scores))
    for name in misses_of:
        _echo_misses(name, scores)


def _pin(path: Path, scores: dict[str, Any]) -> None:
    """Write raised floors; refuses (in plain words) to lower any."""
    from qantar.evaluate.baseline import (
        BaselineError,
        read_baseline,
        updated_baseline,
        write_baseline,
    )

    old = read_baseline(path) if path.exists() else {"floors": {}}
    try:
        new = updated_baseline(scores, old)
        # F1 and attribute accuracy only: precision and recall may trade against each other.
        new["floors"] = {k: v for k, v in new["floors"].items() if k.endswith((".f1", ".accuracy"))}
        write_baseline(path, new)
    except BaselineError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"floors pinned in {path}", err=True)


def _echo_misses(name: str, scores: dict[str, Any]) -> None:
    """Print the unmatched gold and produced records of one type, or one attribute's errors."""
    click.echo(f"\n== {name}")
    for doc, missed in scores["misses"].get(name, {}).items():
        for side in ("gold", "produced"):
            for record in missed[side]:
                shown = {k: v for k, v in record.items() if k != "evidence"}
                click.echo(f"{doc}  {side}-only  {json.dumps(shown, ensure_ascii=False)}")
    for doc, pairs in scores["attribute_misses"].get(name, {}).items():
        for pair in pairs:
            gold_record = json.dumps(pair["gold"], ensure_ascii=False)
            shown = {k: v for k, v in pair["produced"].items() if k != "evidence"}
            click.echo(
                f"{doc}  gold {gold_record}\n    produced {json.dumps(shown, ensure_ascii=False)}"
            )


@cli.command("people")
@db_option
@click.option("--json", "as_json", is_flag=True)
def people_command(db: str | None, as_json: bool) -> None:
    """List the people in the store with their spellings, roles and documents."""
    from qantar.store import open_store, people

    rows = people(open_store(_settings(db).db_url))
    if as_json:
        _echo_json(rows)
        return
    for row in rows:
        roles = f" ({'; '.join(row['roles'][:3])})" if row["roles"] else ""
        click.echo(
            f"{row['name']}{roles}: {len(row['documents'])} documents, {row['mentions']} mentions"
        )
        others = [s for s in row["spellings"] if s != row["name"]]
        if others:
            click.echo(f"    also: {', '.join(others)}")


@cli.command("show")
@click.argument("doc")
@db_option
@click.option("--json", "as_json", is_flag=True)
def show_command(doc: str, db: str | None, as_json: bool) -> None:
    """Show one document's facts, each with the sentence it came from."""
    from qantar.store import document_facts, get_document, open_store

    engine = open_store(_settings(db).db_url)
    found = get_document(engine, doc)
    if found is None:
        raise click.ClickException(f"no document '{doc}' in the store; 'qantar build' it first")
    facts = document_facts(engine, found["id"])
    if as_json:
        _echo_json({"document": {k: v for k, v in found.items() if k != "text"}, "facts": facts})
        return
    click.echo(
        f"{found['name']}  {found.get('title') or ''}  ({found.get('published') or 'no date'})"
    )
    for fact in facts:
        record = fact["record"]
        label = record.get("name") or record.get("text")
        extra = f"  — {record['speaker']}" if record.get("speaker") else ""
        click.echo(
            f"[{fact['kind']}] {label}{extra}\n    “{fact['sentence']}” ({fact['extractor']})"
        )


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Reject a malformed --since/--until before the store is opened, in plain words."""
    from qantar.store.records import DATE_EXAMPLE, date_interval

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


def _when(value: Any) -> str:
    if isinstance(value, dict):
        return f"{value.get('start')}..{value.get('end')}"
    return str(value) if value else "no date"


def _months(months: int) -> str:
    """43 is "3 years 7 months", 12 is "1 year", 6 is "6 months"."""
    years, rest = divmod(months, 12)
    words = [f"{years} year{'s' * (years != 1)}"] if years else []
    if rest or not years:
        words.append(f"{rest} month{'s' * (rest != 1)}")
    return " ".join(words)


def _term(record: dict[str, Any]) -> str:
    """A sentence term in words: "3 years 7 months", a range "4–8 years", or ""."""
    span = record.get("term_range")
    if isinstance(span, list) and len(span) == 2 and all(isinstance(n, int) for n in span):
        low, high = span
        if low % 12 == 0 and high % 12 == 0:
            return f"{low // 12}–{high // 12} years"
        return f"{low}–{high} months" if high < 12 else f"{_months(low)} – {_months(high)}"
    months = record.get("term_months")
    return _months(months) if isinstance(months, int) else ""


def _verdict_line(record: dict[str, Any]) -> str:
    count = record.get("count")
    group = isinstance(count, int) and count > 1
    who = record.get("defendant") or (f"{count} people" if group else "unnamed defendant")
    outcome = str(record.get("outcome") or "unknown outcome").replace("_", " ")
    parts = [_when(record.get("date")), record.get("city") or "no city", who]
    parts.append(f"{outcome} {_term(record)}".strip())
    if record.get("charges"):
        parts.append(f"({'; '.join(record['charges'])})")
    if isinstance(record.get("appeal"), dict):
        parts.append(f"appeal {record['appeal'].get('status')}")
    return "  ".join(parts)


def _event_line(record: dict[str, Any]) -> str:
    parts = [_when(record.get("date")), record.get("place") or "no place", record.get("type")]
    summary = record.get("summary") or ""
    parts.append(f"{record['person']}: {summary}" if record.get("person") else summary)
    extras = [str(record["circumstance"])] if record.get("circumstance") else []
    if record.get("responsible"):
        extras.append(f"responsible: {record['responsible']}")
    if record.get("actors"):
        extras.append(f"actors: {', '.join(record['actors'])}")
    if extras:
        parts.append(f"({'; '.join(extras)})")
    return "  ".join(str(part) for part in parts if part)


def _figure_line(record: dict[str, Any]) -> str:
    value = record.get("value")
    shown = "–".join(f"{v:,}" for v in value) if isinstance(value, list) else f"{value:,}"
    if record.get("currency"):
        shown = f"{shown} {record['currency']}"
    if record.get("qualifier"):
        shown = f"{record['qualifier']} {shown}"
    source = record.get("attributed_to") or "no source named"
    return "  ".join(
        [
            str(record.get("measure")),
            shown,
            f"as of {record['as_of']}" if record.get("as_of") else "no date",
            f"{source} ({record.get('source_type')})",
        ]
    )


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
@date_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def figures_command(
    measure: str | None,
    source_type: str | None,
    since: str | None,
    until: str | None,
    as_json: bool,
    db: str | None,
) -> None:
    """List stated figures (deaths, detained, ...) with who gives them, as of when, and where."""
    from qantar.store import list_figures

    filters = {"measure": measure, "source_type": source_type, "since": since, "until": until}
    _print_listing(list_figures, filters, db, "figures", as_json, _figure_line)


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
    _print_listing(list_verdicts, filters, db, "verdicts", as_json, _verdict_line)


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
    _print_listing(list_events, filters, db, "events", as_json, _event_line)


@cli.command("victims")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
@db_option
def victims_command(as_json: bool, db: str | None) -> None:
    """List the named dead across documents, with every source that names them."""
    from qantar.store import list_victims, open_store

    rows = list_victims(open_store(_settings(db).db_url))
    if _listed(rows, "named victims", as_json):
        for row in rows:
            dates = ", ".join(_when(d) for d in row["date"]) or "no date"
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


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl")
@click.option("--kind", multiple=True, help="Only these fact kinds (person, quote, ...).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@db_option
def export_command(fmt: str, kind: tuple[str, ...], output: Any, db: str | None) -> None:
    """Write every fact in the store, with provenance, as JSON Lines or CSV."""
    from qantar.export import get_exporter
    from qantar.store import list_facts, open_store

    engine = open_store(_settings(db).db_url)
    exporter = get_exporter(fmt)(output)
    for name in kind or values("fact_kinds"):
        for fact in list_facts(engine, name):
            exporter.write(fact)
    exporter.finalize()


@cli.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@db_option
@click.option("--json", "as_json", is_flag=True)
def search_command(query: str, limit: int, db: str | None, as_json: bool) -> None:
    """Full-text search over the stored articles."""
    from qantar.store import open_store, search

    hits = search(open_store(_settings(db).db_url), query, limit=limit)
    if as_json:
        _echo_json(hits)
        return
    if not hits:
        click.echo(f"no article matches '{query}'")
    for hit in hits:
        click.echo(f"{hit['name']}  {hit.get('title') or ''}\n    {hit['snippet']}")


def main() -> None:
    """Entry point: run the CLI, turning qantar's errors into one line and exit status 1."""
    try:
        cli(standalone_mode=True)
    except QantarError as error:
        click.secho(f"Error: {error}", fg="red", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
