"""Named bodies in a document, acronyms folded into their full names (``organizations.v1``)."""

from __future__ import annotations

from qantar.model import Fact
from qantar.nlp.context import DocumentContext

NAME = "organizations"
VERSION = 1
KIND = "organization"
REQUIRES: tuple[str, ...] = ()


def extract(context: DocumentContext) -> list[Fact]:
    """One ``organization`` fact per body; ``canonical`` is the gazetteer name when listed."""
    return context.named_things(KIND, f"{NAME}.v{VERSION}")
