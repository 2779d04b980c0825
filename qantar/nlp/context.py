"""Per-document working state shared by the extractors of one pipeline run.

Entities are found once and people clustered once, then every extractor reads them; facts an
extractor produces are visible to the ones after it (quotes need the people to name speakers).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from qantar.model import Fact, Mention, Provenance
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.budget import Budget
from qantar.nlp.extract.entities import EntityMention, find_entities
from qantar.nlp.lexicon import Lexicon
from qantar.nlp.normalize.dates import DateMention, find_dates
from qantar.nlp.reading.document import Reading
from qantar.nlp.within_document import PersonCluster, cluster_people, group_names


@dataclass
class DocumentContext:
    """One annotated document, its resolved entities and the facts found so far."""

    annotation: Annotation
    lexicon: Lexicon
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    budget: Budget = field(default_factory=Budget.unlimited)
    """The work this document may still do; extractors spend from it where work grows
    faster than the text (see :mod:`qantar.nlp.budget`)."""

    @property
    def text(self) -> str:
        return self.annotation.doc.text

    @cached_property
    def entities(self) -> list[EntityMention]:
        return find_entities(self.annotation, self.lexicon)

    @cached_property
    def dates(self) -> list[DateMention]:
        """Every date mention, resolved once per document (verdicts and events share them)."""
        doc = self.annotation.doc
        return find_dates(doc.text, doc.language, doc.published, doc.title)

    @cached_property
    def reading(self) -> Reading:
        """The reading layer over this document: tokens, clauses, lemma cues (built once)."""
        return Reading(self.annotation)

    @cached_property
    def people(self) -> list[PersonCluster]:
        return cluster_people(self.entities, self.text, self.lexicon)

    @cached_property
    def person_mentions(self) -> list[tuple[EntityMention, PersonCluster]]:
        """Every mention of a person with the person it names, in text order."""
        found = [(m, person) for person in self.people for m in person.mentions]
        return sorted(found, key=lambda pair: pair[0].start)

    def people_between(self, start: int, end: int) -> list[tuple[EntityMention, PersonCluster]]:
        """The person mentions that begin in ``[start, end)``, in text order."""
        starts = [m.start for m, _ in self.person_mentions]
        return self.person_mentions[bisect_left(starts, start) : bisect_left(starts, end)]

    def provenance(self, start: int, end: int, extractor: str) -> Provenance:
        """Provenance for a span: the document, the span and the sentence holding it."""
        doc = self.annotation.doc
        sentence = self.annotation.sentence_text(start)
        return Provenance(doc.id, start, end, sentence, extractor, doc.page_at(start))

    def make_fact(
        self,
        kind: str,
        key: str,
        record: dict[str, Any],
        mentions: list[EntityMention],
        extractor: str,
    ) -> Fact:
        """A fact whose provenance is its first mention."""
        first = mentions[0]
        return Fact(
            kind=kind,
            key=key,
            record=record,
            provenance=self.provenance(first.start, first.end, extractor),
            mentions=[Mention(m.start, m.end, m.text) for m in mentions],
        )

    def named_things(self, kind: str, extractor: str) -> list[Fact]:
        """One fact per organization or place: fullest name, other spellings, gazetteer name."""
        facts = []
        for group in group_names(self.entities, kind, self.lexicon.home_country):
            record = {
                "name": group.name,
                "variants": group.variants,
                "canonical": group.canonical or None,
            }
            facts.append(self.make_fact(kind, group.key, record, group.mentions, extractor))
        return facts
