"""The store as analysis reads it: facts with the documents that report them.

:class:`Corpus` loads what every analysis needs once: each document's name, publication day,
outlets and URLs, which documents are copies of one another (:mod:`.copies`), and how names
map to entities (:mod:`.names`). :class:`Report` is one fact as evidence: the record, the
sentence, and enough about its document to cite it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy.engine import Engine

from qantar.analyze.copies import SCHEME, from_bytes, group_signatures, signature
from qantar.analyze.names import EntityNames
from qantar.store.queries import document_catalog, list_facts
from qantar.store.signatures import load_signatures


@dataclass(frozen=True)
class Report:
    """One fact, as one document reports it."""

    fact_id: str
    kind: str
    record: dict[str, Any]
    sentence: str
    doc_id: str
    doc_name: str
    published: str | None
    outlet: str | None
    url: str | None
    copy_group: str
    """The id of the group of copies the document belongs to: sources count once per group."""

    def cite(self) -> dict[str, Any]:
        """The JSON form a finding or a timeline entry cites this report in."""
        return {
            "fact_id": self.fact_id,
            "doc_name": self.doc_name,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "sentence": self.sentence,
        }

    def label(self) -> str:
        """The document as a line names it: ``003_bcf7.txt (openDemocracy, 2022-01-18)``."""
        about = ", ".join(part for part in (self.outlet, self.published) if part)
        return f"{self.doc_name} ({about})" if about else self.doc_name


class Corpus:
    """A store's facts ready for comparison across documents."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        stored = load_signatures(engine, SCHEME)
        self.documents = document_catalog(engine)
        missing = set(self.documents) - set(stored)
        texts = document_catalog(engine, with_text=True) if missing else {}
        signatures = {doc_id: from_bytes(value) for doc_id, value in stored.items()}
        # A store built before signatures were kept: make the missing ones in memory.
        signatures |= {d: signature(texts[d]["text"]) for d in missing if texts[d]["text"].strip()}
        self.copy_of = group_signatures(signatures, self.documents)

    @cached_property
    def names(self) -> EntityNames:
        return EntityNames(self.engine)

    def reports(self, kind: str) -> list[Report]:
        """Every fact of ``kind`` as a :class:`Report`, by document name and text position."""
        found = []
        for fact in list_facts(self.engine, kind):
            doc = self.documents.get(fact["doc_id"], {})
            record = fact["record"] if isinstance(fact["record"], dict) else {}
            found.append(
                Report(
                    fact_id=fact["id"],
                    kind=kind,
                    record=record,
                    sentence=fact["sentence"],
                    doc_id=fact["doc_id"],
                    doc_name=fact["doc_name"],
                    published=doc.get("published"),
                    outlet=(doc.get("outlets") or [None])[0],
                    url=(doc.get("urls") or [None])[0],
                    copy_group=self.copy_of.get(fact["doc_id"], fact["doc_id"]),
                )
            )
        return found

    def copies(self) -> list[list[str]]:
        """Groups of two or more documents that are one article, as document names."""
        groups: dict[str, list[str]] = {}
        for doc_id, group in self.copy_of.items():
            groups.setdefault(group, []).append(self.documents[doc_id]["name"])
        return sorted(sorted(names) for names in groups.values() if len(names) > 1)


def independent(reports: list[Report]) -> int:
    """How many independent sources a set of reports rests on: one per group of copies."""
    return len({report.copy_group for report in reports})
