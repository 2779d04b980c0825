"""The codebook, loaded once from ``codebook.yml``: the single home of every coded value.

Why data and not code: users add a measure or an event type by editing one file, and every
consumer (extractors, validation, CLI labels, docs) sees the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from qantar.exceptions import ConfigError

SECTIONS = (
    "fact_kinds",
    "verdict_outcomes",
    "figure_measures",
    "event_types",
    "harm_types",
    "source_types",
    "finding_kinds",
)


@dataclass(frozen=True)
class Code:
    """One coded value with its human label and description (and any extra data, e.g. cues)."""

    value: str
    label: str
    description: str
    extra: dict[str, Any]


@cache
def _raw() -> dict[str, Any]:
    raw = yaml.safe_load(resources.files("qantar").joinpath("codebook.yml").read_text("utf-8"))
    if not isinstance(raw, dict):
        raise ConfigError("codebook.yml must be a mapping of sections")
    return raw


def setting(name: str) -> dict[str, Any]:
    """A codebook entry that is not a list of codes (``case``, ``value_qualifiers``)."""
    found = _raw().get(name)
    if not isinstance(found, dict):
        raise ConfigError(f"codebook.yml has no '{name}' mapping")
    return found


@cache
def load_codebook() -> dict[str, dict[str, Code]]:
    """Every section of the codebook as ``{section: {value: Code}}``."""
    raw = _raw()
    book: dict[str, dict[str, Code]] = {}
    for section in SECTIONS:
        entries = raw.get(section)
        if not isinstance(entries, dict):
            raise ConfigError(f"codebook.yml has no '{section}' section")
        book[section] = {}
        for value, spec in entries.items():
            spec = dict(spec or {})
            label, description = spec.pop("label", None), spec.pop("description", None)
            if not label or not description:
                raise ConfigError(
                    f"codebook.yml: {section}.{value} needs a label and a description"
                )
            book[section][value] = Code(str(value), str(label), str(description), spec)
    return book


def values(section: str) -> tuple[str, ...]:
    """The allowed values of one section, in file order."""
    return tuple(load_codebook()[section])


def label(section: str, value: str) -> str:
    """Human label of a value, or the value itself if it is not coded."""
    code = load_codebook()[section].get(value)
    return code.label if code else value


def markdown() -> str:
    """The codebook as Markdown: docs/codebook.md is this text (a test keeps them equal)."""
    lines = [
        "# Codebook",
        "",
        "Generated from `qantar/codebook.yml` by `python -m qantar.codebook > docs/codebook.md`.",
    ]
    for section, codes in load_codebook().items():
        lines += ["", f"## {section}", "", "| value | label | description |", "|---|---|---|"]
        lines += [f"| `{c.value}` | {c.label} | {c.description} |" for c in codes.values()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown(), end="")
