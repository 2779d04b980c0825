"""Commands over documents: build, extract, eval, show, export and search."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import click

from qantar.build import build, read_documents
from qantar.cli.common import (
    _echo_json,
    _report_errors,
    _settings,
    cli,
    db_option,
    manifest_option,
)
from qantar.codebook import values
from qantar.publish.lines import page_label, summary


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path())
@manifest_option
@click.option("--published", help="Publication date (YYYY[-MM[-DD]]) for documents that have none.")
@click.option(
    "--force",
    is_flag=True,
    help="Extract every document again, even those already current (after editing patterns).",
)
@db_option
def build_command(
    paths: tuple[str, ...], manifest: str | None, published: str | None, force: bool, db: str | None
) -> None:
    """Ingest articles (files, folders, a manifest) and store their facts.

    Reviewers' decisions (accepted, rejected, corrected facts; merges and splits) are kept.
    """
    if run_build(paths, manifest, published, force=force, db=db):
        sys.exit(1)


def run_build(
    paths: Sequence[str],
    manifest: str | None,
    published: str | None,
    *,
    force: bool = False,
    db: str | None = None,
) -> int:
    """Build the store as ``qantar build`` does, printing its progress and report; returns
    the number of inputs that failed. Shared with ``qantar fetch --build``."""
    from qantar.store import counts, open_store

    settings = _settings(db)
    docs, errors = read_documents(paths, manifest, published)
    engine = open_store(settings.db_url)
    with (
        stopped_by_sigterm(),
        click.progressbar(length=len(docs), label="extracting", file=sys.stderr) as bar,
    ):
        report = build(
            engine,
            docs,
            settings,
            progress=lambda _doc: bar.update(1),
            force=force,
            read_errors=errors,
        )
    errors = report.errors
    _report_errors(list(errors))
    totals = counts(engine)
    click.echo(
        f"{report.processed} documents extracted, {report.skipped} already current, "
        f"{len(errors)} failed; the store at {settings.db_url} holds {totals['documents']} "
        f"documents and " + ", ".join(f"{n} {k}" for k, n in sorted(totals["facts"].items()))
    )
    if report.resolution is not None:
        click.echo(f"resolved: {report.resolution.summary()}")
    return len(errors)


@contextmanager
def stopped_by_sigterm() -> Iterator[None]:
    """Treat SIGTERM (``kill``, a container stopping) like Ctrl+C while building, so the run
    is closed as interrupted and the document being saved is rolled back, not left half
    written. Only the main thread may set a handler; elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
    records = []
    for doc, outcome in pipeline.outcomes(docs):
        if isinstance(outcome, list):
            records.append(document_record(doc, outcome))
        else:
            errors.append(outcome)
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
    "--only",
    "only",
    multiple=True,
    metavar="GLOB",
    help="Score only the gold documents whose names match this glob ('r*'); repeatable or "
    "comma-separated ('t*,e*'). With --pin, pins that subset's floors under its name.",
)
@click.option(
    "--rules",
    "show_rules",
    is_flag=True,
    help="Also print how often each cue and pattern fired and on which documents, and the "
    "declared rules that never fired.",
)
@click.option(
    "--pin",
    "pin",
    type=click.Path(dir_okay=False),
    help="Raise the floors in this baseline file (tests/golden/baseline.json) to these scores, "
    "and those of every subset it pins; with --only, that subset's floors alone.",
)
def eval_command(
    gold: str,
    corpus: str,
    manifest: str | None,
    as_json: bool,
    misses_of: tuple[str, ...],
    only: tuple[str, ...],
    show_rules: bool,
    pin: str | None,
) -> None:
    """Score the pipeline against a gold file: P/R/F1 per record type, attribute accuracy."""
    from qantar.evaluate import format_table, load_gold, score
    from qantar.evaluate.report import format_rules, rule_counts
    from qantar.evaluate.subsets import matches, parse_only, select
    from qantar.nlp import rule_log
    from qantar.nlp.pipeline import Pipeline
    from qantar.nlp.records import document_record

    globs = parse_only(only)
    gold_docs = load_gold(gold)
    if globs:
        gold_docs = select(gold_docs, globs)
    manifest = manifest or (
        str(Path(corpus) / "manifest.csv") if (Path(corpus) / "manifest.csv").exists() else None
    )
    docs, errors = read_documents([corpus], manifest, None)
    _report_errors(list(errors))
    if globs:
        docs = [d for d in docs if matches(d.name, globs)]
    with rule_log.recording() if show_rules else nullcontext() as log:
        records = [document_record(d, f) for d, f in Pipeline(_settings(None)).run(docs)]
    scores = score(gold_docs, records, details=bool(misses_of))
    if pin:
        _pin(Path(pin), scores, load_gold(gold), records, globs)
    if as_json:
        _echo_json(scores if log is None else {**scores, "rules": rule_counts(log)})
        return
    click.echo(format_table(scores))
    for name in misses_of:
        _echo_misses(name, scores)
    if log is not None:
        click.echo("\n" + format_rules(rule_counts(log)), nl=False)


def _pin(
    path: Path,
    scores: dict[str, Any],
    gold: list[dict[str, Any]],
    records: list[dict[str, Any]],
    globs: tuple[str, ...],
) -> None:
    """Write raised floors: the subset's when ``globs`` name one, else the whole set's and
    every pinned subset's (scored from ``gold`` and ``records``). Refuses, in plain words, to
    lower any."""
    from qantar.evaluate.baseline import (
        BaselineError,
        pin_subset,
        read_baseline,
        subset_names,
        write_baseline,
    )
    from qantar.evaluate.baseline import pin as pin_all
    from qantar.evaluate.subsets import globs_of, subset_name, subset_scores

    old = read_baseline(path) if path.exists() else {"floors": {}}
    try:
        if globs:
            new = pin_subset(old, subset_name(globs), scores)
        else:
            subsets = {n: subset_scores(gold, records, globs_of(n)) for n in subset_names(old)}
            new = pin_all(old, scores, subsets)
        write_baseline(path, new)
    except BaselineError as error:
        raise click.ClickException(str(error)) from None
    which = f" for {subset_name(globs)}" if globs else ""
    click.echo(f"floors pinned in {path}{which}", err=True)


def _echo_misses(name: str, scores: dict[str, Any]) -> None:
    """Print the unmatched gold and produced records of one type, or one attribute's errors."""
    click.echo(f"\n== {name}")
    for doc, missed in scores["misses"].get(name, {}).items():
        for side in ("gold", "produced"):
            for record in missed[side]:
                click.echo(f"{doc}  {side}-only  {_shown(record)}")
    for doc, pairs in scores["attribute_misses"].get(name, {}).items():
        for pair in pairs:
            gold_record = json.dumps(pair["gold"], ensure_ascii=False)
            click.echo(f"{doc}  gold {gold_record}\n    produced {_shown(pair['produced'])}")


def _shown(record: Any) -> str:
    """A record as JSON without its evidence; places are plain strings in SCHEMA.md."""
    if isinstance(record, dict):
        record = {k: v for k, v in record.items() if k != "evidence"}
    return json.dumps(record, ensure_ascii=False)


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
        label = summary(fact["kind"], record) or record.get("text")
        extra = f"  — {record['speaker']}" if record.get("speaker") else ""
        where = ", ".join(filter(None, [fact["extractor"], page_label(fact.get("page"))]))
        click.echo(f"[{fact['kind']}] {label}{extra}\n    “{fact['sentence']}” ({where})")


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
