"""The records resolution works on: one person, organization or place fact of one document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qantar.nlp.lexicon import Lexicon
from qantar.resolve.bodies import BodyName, body_name
from qantar.resolve.person_names import PersonName, parse_person_name
from qantar.store.queries import record_strings


@dataclass(frozen=True)
class NamedRecord:
    """A fact that names an entity, with what resolution compares and what it reports."""

    id: str
    """The fact id: resolution never changes it, it only groups records."""
    kind: str
    doc_id: str
    doc_name: str
    name: str
    variants: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    canonical: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> NamedRecord | None:
        """From a :func:`~qantar.store.resolution.named_records` row; None without a name."""
        record = row["record"] if isinstance(row["record"], Mapping) else {}
        name = record.get("name")
        if not isinstance(name, str) or not name.strip():
            return None
        canonical = record.get("canonical")
        return cls(
            id=row["id"],
            kind=row["kind"],
            doc_id=row["doc_id"],
            doc_name=row["doc_name"],
            name=name.strip(),
            variants=tuple(record_strings(record.get("variants"))),
            roles=tuple(record_strings(record.get("roles"))),
            canonical=canonical if isinstance(canonical, str) and canonical else None,
        )

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.variants)

    def person_name(self) -> PersonName | None:
        return parse_person_name(self.name)

    def body_name(self, lexicon: Lexicon) -> BodyName:
        return body_name(self.name, self.variants, self.canonical, lexicon)
