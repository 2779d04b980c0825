"""Named places in a document: cities, regions, countries and sites (``places.v1``)."""

from __future__ import annotations

from qantar.model import Fact
from qantar.nlp.context import DocumentContext
from qantar.resolve.within_document import group_names

NAME = "places"
VERSION = 1
KIND = "place"
REQUIRES: tuple[str, ...] = ()


def extract(context: DocumentContext) -> list[Fact]:
    """One ``place`` fact per place; spellings of one place (Taraz, Тараз) fold together."""
    facts = []
    for group in group_names(context.entities, KIND, context.lexicon.home_country):
        record = {
            "name": group.name,
            "variants": group.variants,
            "canonical": group.canonical or None,
        }
        facts.append(
            context.make_fact(KIND, group.key, record, group.mentions, f"{NAME}.v{VERSION}")
        )
    return facts
