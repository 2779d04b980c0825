"""The exporter interface and its registry."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from qantar.exceptions import ConfigError


class Exporter:
    """Writes fact dicts (as returned by :func:`qantar.store.list_facts`) to a stream."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, fact: dict[str, Any]) -> None:
        raise NotImplementedError

    def finalize(self) -> None:
        self.stream.flush()


class JSONLinesExporter(Exporter):
    """One JSON object per line, keys sorted, so output diffs and pipes into jq stay stable."""

    def write(self, fact: dict[str, Any]) -> None:
        self.stream.write(json.dumps(fact, ensure_ascii=False, sort_keys=True) + "\n")


#: Columns of the CSV export: provenance first, then the record as JSON.
CSV_COLUMNS = (
    "id",
    "kind",
    "doc_name",
    "name_or_text",
    "span_start",
    "span_end",
    "sentence",
    "extractor",
    "page",
    "record",
)


class CSVExporter(Exporter):
    """A flat table for spreadsheets: one row per fact, its record kept as a JSON cell."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.writer = csv.writer(stream)
        self.writer.writerow(CSV_COLUMNS)

    def write(self, fact: dict[str, Any]) -> None:
        record = fact["record"]
        label = record.get("name") or record.get("text") or ""
        self.writer.writerow(
            [
                fact["id"],
                fact["kind"],
                fact["doc_name"],
                label,
                fact["span_start"],
                fact["span_end"],
                fact["sentence"],
                fact["extractor"],
                fact.get("page") or "",
                json.dumps(record, ensure_ascii=False, sort_keys=True),
            ]
        )


EXPORTERS: dict[str, type[Exporter]] = {"jsonl": JSONLinesExporter, "csv": CSVExporter}


def get_exporter(name: str) -> type[Exporter]:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise ConfigError(
            f"no export format '{name}'; use one of: {', '.join(EXPORTERS)}"
        ) from None
