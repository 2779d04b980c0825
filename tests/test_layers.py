"""Layers that point down: each stage of qantar imports only the stages below it.

Every module of the package is parsed (not imported) and every ``import`` in it counts, at the
top of the file, inside a function or under ``TYPE_CHECKING``: a deferred import is still a
dependency. A module's stage is its top-level subpackage (``qantar.nlp.extract.quotes`` is
``nlp``); the top-level modules are the base every stage may use, except ``build`` (which runs
the whole pipeline) and ``__main__`` (the command line).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import qantar

PACKAGE = Path(qantar.__file__).parent

#: The stages from the bottom up. A stage may import its own modules and those of any stage in
#: a lower level, never one in its own level or above. Stages in one level are peers that do
#: not know about each other.
LEVELS: tuple[tuple[str, ...], ...] = (
    ("base",),  # model, codebook, settings, exceptions, names, dates, export
    ("ingest",),  # files, HTML, PDF → Document
    ("fetch",),  # URLs and feeds → files for ingest
    ("nlp",),  # one document → facts, within-document people included
    ("store",),  # facts with provenance; knows nothing of how they were read or resolved
    ("resolve",),  # people and bodies across documents
    ("analyze",),  # findings across documents
    ("review",),  # accept, reject, correct facts; merge and split entities
    ("publish",),  # the data behind each page
    ("evaluate", "build"),  # scores against the gold set; the whole pipeline over inputs
    ("web",),
    ("cli",),
)

#: Top-level modules and subpackages that are not a stage of their own.
PLACED = {
    "__init__": "base",
    "model": "base",
    "codebook": "base",
    "settings": "base",
    "exceptions": "base",
    "names": "base",
    "dates": "base",
    "export": "base",  # writers of fact dicts to a stream; imports only exceptions
    "__main__": "cli",
}

LEVEL = {stage: index for index, level in enumerate(LEVELS) for stage in level}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def stage_of(module: str) -> str:
    """``qantar.nlp.context`` is ``nlp``; ``qantar.names`` and ``qantar`` are ``base``."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    return PLACED.get(top, top)


def imported(path: Path) -> Iterator[tuple[str, int]]:
    """The qantar modules ``path`` imports, anywhere in the file, with their line numbers."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                names = [".".join([*base, node.module] if node.module else base)]
            else:
                names = [node.module or ""]
        else:
            continue
        for name in names:
            if name == "qantar" or name.startswith("qantar."):
                yield name, node.lineno


def stage_imports() -> list[tuple[str, str, str]]:
    """(importing stage, imported stage, "file:line") for every import across stages."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = stage_of(module_name(path))
        for name, line in imported(path):
            target = stage_of(name)
            if target != source:
                found.append((source, target, f"{path.relative_to(PACKAGE.parent)}:{line}"))
    return found


def test_every_stage_is_declared() -> None:
    stages = {stage_of(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert stages - LEVEL.keys() == set(), "place the new stage in LEVELS or PLACED"


def test_stages_import_only_stages_below_them() -> None:
    upward = [
        f"{where}: {source} imports {target}"
        for source, target, where in stage_imports()
        if LEVEL[target] >= LEVEL[source]
    ]
    assert upward == []


def test_no_import_cycle_between_stages() -> None:
    graph: dict[str, set[str]] = {}
    for source, target, _ in stage_imports():
        graph.setdefault(source, set()).add(target)
    done: set[str] = set()

    def visit(stage: str, path: list[str]) -> None:
        if stage in path:
            pytest.fail("import cycle: " + " -> ".join([*path[path.index(stage) :], stage]))
        if stage in done:
            return
        for target in sorted(graph.get(stage, ())):
            visit(target, [*path, stage])
        done.add(stage)

    for stage in sorted(graph):
        visit(stage, [])


@pytest.mark.parametrize("forbidden", ["nlp", "resolve"])
def test_store_imports_neither_nlp_nor_resolve(forbidden: str) -> None:
    found = [
        where
        for source, target, where in stage_imports()
        if source == "store" and target == forbidden
    ]
    assert found == []
