"""People named in a document, one fact each, with spellings and roles (``people.v1``)."""

from __future__ import annotations

from qantar.model import Fact
from qantar.nlp.context import DocumentContext
from qantar.nlp.normalize.names import skeleton

NAME = "people"
VERSION = 1
KIND = "person"
REQUIRES: tuple[str, ...] = ()


def extract(context: DocumentContext) -> list[Fact]:
    """One ``person`` fact per person cluster; the key is the folded full name."""
    facts = []
    for cluster in context.people:
        record = {"name": cluster.name, "variants": cluster.variants, "roles": cluster.roles}
        facts.append(
            context.make_fact(
                KIND, skeleton(cluster.name), record, cluster.mentions, f"{NAME}.v{VERSION}"
            )
        )
    return facts
