"""Plain-text tables of scores, for terminals, CI logs and closing notes.

Plain text and no table library on purpose: the output is pasted into issues and diffed between
runs, so it must be stable, dependency-free and readable in a monospaced font.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


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
