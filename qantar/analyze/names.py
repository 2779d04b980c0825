"""Which entity a name in a verdict or an event stands for.

Verdicts and events name people and bodies as their article spells them ("Masimov", "Karim
Massimov"). Comparing across documents needs one key per real person, so each name is looked
up among the resolved entities of its own document (:mod:`qantar.resolve`): by folded
spelling, or by the same name comparison resolution uses. A name resolution never saw keeps
its folded spelling as its key, so two documents spelling it alike still meet.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any

from sqlalchemy.engine import Engine

from qantar.nlp.lexicon import load_lexicon
from qantar.nlp.normalize.names import skeleton
from qantar.resolve.compare import compare_names
from qantar.resolve.entities import member_spellings
from qantar.resolve.person_names import parse_person_name
from qantar.store.queries import record_strings
from qantar.store.resolution import entity_rows, member_records

_UNRESOLVED = "name:"


class EntityNames:
    """Names in one store's facts, mapped to entity ids (built once, then looked up)."""

    def __init__(self, engine: Engine) -> None:
        self._members: dict[str, list[tuple[str, str, list[str]]]] = defaultdict(list)
        self._labels: dict[str, str] = {
            entity_id: row["name"] for entity_id, row in entity_rows(engine).items()
        }
        self._kinds: dict[str, str] = {}
        for member in member_records(engine):
            if member["kind"] in ("person", "organization"):
                spellings = member_spellings(member)
                self._members[member["doc_id"]].append(
                    (member["entity_id"], member["kind"], spellings)
                )
                self._kinds[member["entity_id"]] = member["kind"]

    def key(self, doc_id: str, name: str) -> str:
        """The entity id ``name`` stands for in ``doc_id``, else ``name:<folded spelling>``."""
        folded = _forms(name)
        candidates = self._members.get(doc_id, [])
        for entity_id, _kind, spellings in candidates:
            if any(folded & _forms(s) for s in spellings):
                return entity_id
        parsed = parse_person_name(name)
        if parsed is not None and parsed.has_given_name:
            for entity_id, kind, spellings in candidates:
                if kind != "person":
                    continue
                for spelling in spellings:
                    other = parse_person_name(spelling)
                    if other is not None and compare_names(parsed, other).merges:
                        return entity_id
        return _UNRESOLVED + skeleton(name)

    def keys(self, doc_id: str, names: list[str]) -> list[str]:
        """:meth:`key` of each name, once each, in order."""
        found: list[str] = []
        for name in names:
            key = self.key(doc_id, name)
            if key not in found:
                found.append(key)
        return found

    def is_person(self, key: str) -> bool:
        """Whether a key is a person (an unresolved name counts as one: bodies are listed)."""
        return self._kinds.get(key, "person") == "person"

    def label(self, key: str, fallback: str | None = None) -> str:
        """A key's display name: the entity's name, or the spelling it was folded from."""
        return self._labels.get(key) or fallback or key.removeprefix(_UNRESOLVED)


@cache
def _forms(name: str) -> frozenset[str]:
    """A name folded, and folded as the gazetteer lists it ("CSTO" is also the treaty body).
    Cached: each member spelling is compared with every name its document's records give."""
    forms = {skeleton(name)}
    listed = load_lexicon().lookup(name)
    if listed is not None:
        forms.add(skeleton(listed[1]))
    return frozenset(forms)


def record_names(record: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    """The names a record gives in ``fields`` (strings or lists of strings), once each."""
    names: list[str] = []
    for field in fields:
        names += [name for name in record_strings(record.get(field)) if name not in names]
    return names
