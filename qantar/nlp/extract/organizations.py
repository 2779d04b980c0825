"""Named bodies in a document, acronyms folded into their full names (``organizations.v1``)."""

from __future__ import annotations

from qantar.model import Fact
from qantar.nlp.context import DocumentContext
from qantar.resolve.within_document import group_names

NAME = "organizations"
VERSION = 1
KIND = "organization"
REQUIRES: tuple[str, ...] = ()


def extract(context: DocumentContext) -> list[Fact]:
    """One ``organization`` fact per body; ``canonical`` is the gazetteer name when listed."""
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
