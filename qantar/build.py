"""``build``: ingest documents and store their facts, one transaction per document.

A document whose text and pipeline signature are already in the store is skipped without
loading any model, so an interrupted build resumes where it stopped and a re-run on unchanged
input redoes no work. Bad files are reported and skipped; the rest is stored.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from qantar.exceptions import InputError
from qantar.ingest import detect_language, iter_inputs, merge_duplicates
from qantar.model import Document, Source, make_document_id
from qantar.nlp.pipeline import Pipeline
from qantar.resolve import ResolveReport, resolve
from qantar.settings import Settings
from qantar.store import add_sources, finish_run, is_current, save_document, start_run


@dataclass
class BuildReport:
    """What a build did: counts, and one error per input that could not be read."""

    run_id: str = ""
    seen: int = 0
    processed: int = 0
    skipped: int = 0
    facts: int = 0
    errors: list[InputError] = field(default_factory=list)
    resolution: ResolveReport | None = None


def read_documents(
    paths: Sequence[str | Path], manifest: str | Path | None, published: str | None
) -> tuple[list[Document], list[InputError]]:
    """All readable documents (duplicates merged) and the errors of the rest.

    A path of ``-`` reads one plain-text article from standard input.
    """
    docs: list[Document] = []
    errors: list[InputError] = []
    if "-" in [str(p) for p in paths]:
        paths = [p for p in paths if str(p) != "-"]
        docs.append(read_stdin(published))
        if not paths and manifest is None:
            return docs, errors
    for item in iter_inputs(paths, manifest=manifest, published=published):
        (errors if isinstance(item, InputError) else docs).append(item)  # type: ignore[arg-type]
    return merge_duplicates(docs), errors


def read_stdin(published: str | None) -> Document:
    """One document from standard input, named ``stdin``."""
    text = sys.stdin.read().replace("\r\n", "\n").strip()
    if not text:
        raise InputError("-", "standard input is empty")
    precision = {4: "year", 7: "month", 10: "day"}.get(len(published or ""))
    if published and precision is None:
        raise InputError(
            "--published", f"{published!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return Document(
        id=make_document_id(text),
        name="stdin",
        text=text,
        language=detect_language(text),
        published=published,
        published_precision=precision,
        sources=[Source(path="-")],
    )


def build(
    engine: Engine,
    docs: Iterable[Document],
    settings: Settings,
    *,
    progress: Callable[[Document], None] | None = None,
    force: bool = False,
    read_errors: Sequence[InputError] = (),
) -> BuildReport:
    """Extract and store every document not already current (every document with ``force``),
    then resolve the entities. Reviewers' decisions are kept either way.

    A document that cannot be extracted (a work limit, a fault) is reported in
    ``report.errors`` after ``read_errors`` (the inputs that could not be read), and the rest
    is stored; the run records how many failed."""
    pipeline = Pipeline(settings)
    signature = pipeline.signature
    report = BuildReport(run_id=start_run(engine, "build", signature), errors=list(read_errors))
    pending: list[Document] = []
    status = "failed"
    try:
        for doc in docs:
            report.seen += 1
            if not force and is_current(engine, doc.id, signature):
                add_sources(engine, doc.id, doc.sources)
                report.skipped += 1
                if progress:
                    progress(doc)
            else:
                pending.append(doc)
        for doc, outcome in pipeline.outcomes(pending):
            if isinstance(outcome, InputError):
                report.errors.append(_named(outcome, doc))
            else:
                save_document(engine, doc, outcome, signature, report.run_id)
                report.processed += 1
                report.facts += len(outcome)
            if progress:
                progress(doc)
        _fingerprint(engine)
        report.resolution = resolve(engine)
        status = "ok"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        finish_run(
            engine,
            report.run_id,
            status,
            documents_seen=report.seen,
            documents_processed=report.processed,
            documents_skipped=report.skipped,
            errors=len(report.errors),
        )
    return report


def _named(error: InputError, doc: Document) -> InputError:
    """The error under the name the user gave the input (its path), not the document's."""
    first = doc.sources[0] if doc.sources else None
    where = (first.path or first.url if first else None) or doc.name
    return error if error.path == where else type(error)(where, error.reason)


def _fingerprint(engine: Engine) -> None:
    """Store the copy-detection signature of every document that lacks one.

    Imported here, not at the top: datasketch brings scipy, which would slow every command
    that merely imports the build (the whole CLI) by most of a second.
    """
    from qantar.analyze.copies import SCHEME, signature_bytes
    from qantar.store.signatures import fill_signatures

    fill_signatures(engine, SCHEME, signature_bytes)
