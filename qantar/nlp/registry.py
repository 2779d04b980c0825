"""The extractors qantar runs, in order: a plain registry of named, versioned components.

Each extractor module declares ``NAME``, ``VERSION``, ``KIND`` (the fact kind it assigns),
``REQUIRES`` (extractors whose facts it reads) and ``extract(context) -> list[Fact]``. The
name and version go into every fact's provenance and into the pipeline signature, so bumping
a version re-extracts exactly the documents it affects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType

from qantar.exceptions import ConfigError
from qantar.model import Fact
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract import (
    events,
    figures,
    harm,
    organizations,
    people,
    places,
    quotes,
    verdicts,
)


@dataclass(frozen=True)
class Extractor:
    """A registered extraction component."""

    name: str
    version: int
    kind: str
    requires: tuple[str, ...]
    run: Callable[[DocumentContext], list[Fact]]

    @property
    def label(self) -> str:
        return f"{self.name}.v{self.version}"


def _from_module(module: ModuleType) -> Extractor:
    return Extractor(
        module.NAME, module.VERSION, module.KIND, tuple(module.REQUIRES), module.extract
    )


#: Every extractor, in the order they run.
EXTRACTORS: tuple[Extractor, ...] = tuple(
    _from_module(m)
    for m in (people, organizations, places, quotes, verdicts, figures, events, harm)
)


def get_extractor(name: str) -> Extractor:
    """Look an extractor up by name (``people``) or label (``people.v1``)."""
    for extractor in EXTRACTORS:
        if name in (extractor.name, extractor.label):
            return extractor
    known = ", ".join(e.name for e in EXTRACTORS)
    raise ConfigError(f"no extractor named '{name}'; known extractors: {known}")


def check_order(extractors: Sequence[Extractor]) -> None:
    """Fail early when an extractor needs one that is missing or runs after it."""
    seen: set[str] = set()
    for extractor in extractors:
        missing = [r for r in extractor.requires if r not in seen]
        if missing:
            raise ConfigError(
                f"extractor {extractor.label} needs {', '.join(missing)} to run before it"
            )
        seen.add(extractor.name)
