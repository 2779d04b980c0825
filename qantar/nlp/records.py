"""Turn a document's facts into the shared/gold/SCHEMA.md record: the ``extract`` contract.

The shape is the evaluation's contract, so it is built in one place. Each record keeps an
``evidence`` field (fact id, span, sentence, extractor) beside the SCHEMA fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qantar.model import Document, Fact

#: SCHEMA.md list name for each fact kind, in output order.
SECTIONS = {
    "person": "people",
    "organization": "organizations",
    "place": "places",
    "verdict": "verdicts",
    "figure": "figures",
    "event": "events",
    "quote": "quotes",
    "harm": "harms",  # not in SCHEMA.md: named people reported killed, injured or tortured
}


def evidence(fact: Fact) -> dict[str, Any]:
    p = fact.provenance
    return {
        "id": fact.id,
        "start": p.start,
        "end": p.end,
        "sentence": p.sentence,
        "extractor": p.extractor,
    }


def document_record(doc: Document, facts: Sequence[Fact]) -> dict[str, Any]:
    """One SCHEMA.md document: ``doc``, ``published`` and a list per record type."""
    record: dict[str, Any] = {"doc": doc.name, "published": doc.published}
    for name in SECTIONS.values():
        record[name] = []
    for fact in sorted(facts, key=lambda f: f.provenance.start):
        section = SECTIONS.get(fact.kind)
        if section == "places":
            record[section].append(fact.record["name"])
        elif section is not None:
            record[section].append({**fact.record, "evidence": evidence(fact)})
    return record
