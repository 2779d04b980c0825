"""Plain-text tables of scores, for terminals, CI logs and closing notes.

Plain text and no table library on purpose: the output is pasted into issues and diffed between
runs, so it must be stable, dependency-free and readable in a monospaced font.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qantar.nlp.rule_log import RuleLog

#: Document names shown per rule in the table; the JSON lists them all.
SHOWN_DOCUMENTS = 3


def format_table(scores: dict[str, Any]) -> str:
    """Render the result of :func:`~qantar.evaluate.score.score` as two aligned tables.

    One row per record type (P, R, F1, tp, fp, fn), then one row per attribute (accuracy and
    correct/total; "n/a" where nothing was measured).
    """
    type_rows = [
        [
            record_type,
            _ratio(s["precision"]),
            _ratio(s["recall"]),
            _ratio(s["f1"]),
            str(s["tp"]),
            str(s["fp"]),
            str(s["fn"]),
        ]
        for record_type, s in scores["types"].items()
    ]
    attribute_rows = [
        [attribute, _ratio(s["accuracy"]), f"{s['correct']}/{s['total']}"]
        for attribute, s in scores["attributes"].items()
    ]
    documents = scores["documents"]
    lines = [f"{documents} document{'' if documents == 1 else 's'} scored", ""]
    lines += _align(["type", "P", "R", "F1", "tp", "fp", "fn"], type_rows)
    lines.append("")
    lines += _align(["attribute", "accuracy", "correct/total"], attribute_rows)
    return "\n".join(lines) + "\n"


def rule_counts(log: RuleLog) -> dict[str, Any]:
    """What ``qantar eval --rules --json`` prints under ``"rules"``::

        {"declared": 412,
         "fired": {"events.types.detention.detained": {"hits": 7, "documents": {"t003.txt": 2,
                   ...}}, ...},
         "never_fired": ["events.types.looting.pillaged", ...]}

    ``fired`` holds every rule that matched, declared or not, sorted by name; its documents are
    sorted by name too.
    """
    fired = {
        rule: {"hits": sum(counts.values()), "documents": dict(sorted(counts.items()))}
        for rule, counts in sorted(log.hits.items())
    }
    return {"declared": len(log.declared), "fired": fired, "never_fired": log.never_fired()}


def format_rules(counts: dict[str, Any]) -> str:
    """Render :func:`rule_counts` as a table sorted by rule (hits, documents, the documents with
    the most hits first), then the rules that never fired, ending on how many there are."""
    rows = []
    for rule, entry in counts["fired"].items():
        documents = sorted(entry["documents"].items(), key=lambda item: (-item[1], item[0]))
        shown = ", ".join(name or "(no document)" for name, _hits in documents[:SHOWN_DOCUMENTS])
        if len(documents) > SHOWN_DOCUMENTS:
            shown += f", +{len(documents) - SHOWN_DOCUMENTS} more"
        rows.append(([rule, str(entry["hits"]), str(len(documents))], shown))
    if rows:
        table = _align(["rule", "hits", "docs"], [cells for cells, _shown in rows])
        shown_column = ["documents", *(shown for _cells, shown in rows)]
        lines = [f"{line}  {shown}" for line, shown in zip(table, shown_column, strict=True)]
    else:
        lines = ["no rule fired"]
    never = counts["never_fired"]
    if never:
        lines += ["", "never fired:", *(f"  {rule}" for rule in never)]
    lines += ["", f"{len(never)} of {counts['declared']} declared rules never fired"]
    return "\n".join(lines) + "\n"


def _ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


def _align(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-align the first column (names) and right-align the rest (numbers)."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return lines
