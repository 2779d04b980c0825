"""The front page: how much the record holds and what a visitor should look at first."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy.engine import Engine

from qantar.publish.analysis import all_findings
from qantar.publish.documents import document_list
from qantar.publish.state import memoised
from qantar.publish.verdicts import verdict_table
from qantar.resolve import list_entities
from qantar.store.queries import counts
from qantar.store.records import list_victims
from qantar.store.reviews import list_reviews

SHOWN = 8
"""Items shown per box on the front page; each box links to the full list."""


@memoised
def overview(engine: Engine) -> dict[str, Any]:
    """Counts, the latest documents, the most-reported people, the latest verdicts, the
    findings by kind with the first few, and the latest reviewers' decisions."""
    stored = counts(engine)
    people = list_entities(engine, "person")
    verdicts = verdict_table(engine, sort="date", descending=True)["rows"]
    findings = all_findings(engine)
    return {
        "counts": {
            "documents": stored["documents"],
            "facts": sum(stored["facts"].values()),
            "people": len(people),
            "verdicts": len(verdicts),
            "named_dead": len(list_victims(engine)),
            "findings": len(findings),
        },
        "facts_by_kind": stored["facts"],
        "documents": document_list(engine)[:SHOWN],
        "people": sorted(people, key=lambda p: (-len(p["documents"]), p["name"]))[:SHOWN],
        "verdicts": verdicts[:SHOWN],
        "findings_by_kind": dict(Counter(f["kind"] for f in findings)),
        "findings": findings[:SHOWN],
        "reviews": list_reviews(engine, SHOWN),
    }
