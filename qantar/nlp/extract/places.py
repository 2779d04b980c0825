"""Named places in a document: cities, regions, countries and sites (``places.v1``)."""

from __future__ import annotations

from qantar.model import Fact
from qantar.nlp.context import DocumentContext

NAME = "places"
VERSION = 1
KIND = "place"
REQUIRES: tuple[str, ...] = ()


def extract(context: DocumentContext) -> list[Fact]:
    """One ``place`` fact per place; spellings of one place (Taraz, Тараз) fold together."""
    return context.named_things(KIND, f"{NAME}.v{VERSION}")
