"""The ``qantar`` command line: a thin layer over the library.

Each command parses options, calls one library function, prints the result (a table, or JSON
with ``--json``) and turns qantar's errors into one plain line on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from qantar.build import build, read_documents
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
def eval_command(gold: str, corpus: str, manifest: str | None, as_json: bool) -> None:
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
    scores = score(gold_docs, records)
    if as_json:
        _echo_json(scores)
    else:
        click.echo(format_table(scores))


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


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl")
@click.option("--kind", multiple=True, help="Only these fact kinds (person, quote, ...).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
@db_option
def export_command(fmt: str, kind: tuple[str, ...], output: Any, db: str | None) -> None:
    """Write every fact in the store, with provenance, as JSON Lines or CSV."""
    from qantar.codebook import values
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
