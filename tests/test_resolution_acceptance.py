"""Issue 5's acceptance on the five shared articles: one entity per person, across spellings.

The gold file lists people per document. Who is the same person across documents is what a
reader knows: the same name, or one of the spelling pairs the issue names. Every gold person
must land in exactly one entity, and no two gold people in the same one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from click.testing import CliRunner

from qantar.cli import cli
from qantar.nlp.normalize.names import skeleton

from .conftest import GOLD

SAME_PERSON = [
    ("Karim Masimov", "Karim Massimov"),
    ("Nurlan Dalibaev", "Nurlan Dalibayev"),
    ("Yermukhamet Shilibaev", "Yermukhamet Shilibayev"),
    ("Berik Asylov", "Berik Assylov"),
    ("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev"),
]


def people_json(db: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["people", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def gold_people() -> dict[str, set[tuple[str, str]]]:
    """A reader's identity for each gold person -> the (document, spellings key) it occurs as."""
    alias = {skeleton(b): skeleton(a) for a, b in SAME_PERSON}
    people: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for doc in json.loads(GOLD.read_text(encoding="utf-8")):
        for person in doc["people"]:
            identity = alias.get(skeleton(person["name"]), skeleton(person["name"]))
            people[identity].add((doc["doc"], person["name"]))
    return people


def test_each_spelling_pair_is_one_entity(seed_store: str) -> None:
    entities = people_json(seed_store)
    for left, right in SAME_PERSON:
        holding = [e["id"] for e in entities if {left, right} & set(e["spellings"])]
        assert len(holding) == 1, (left, right, holding)
        [entity] = [e for e in entities if e["id"] == holding[0]]
        assert len(entity["documents"]) >= 2


def test_every_gold_person_is_one_entity_and_distinct_people_stay_apart(seed_store: str) -> None:
    entities = people_json(seed_store)
    by_doc_spelling: dict[tuple[str, str], str] = {}
    for entity in entities:
        for doc in entity["documents"]:
            for spelling in entity["spellings"]:
                by_doc_spelling.setdefault((doc, skeleton(spelling)), entity["id"])
    owner: dict[str, str] = {}
    for identity, occurrences in gold_people().items():
        found = {by_doc_spelling.get((doc, skeleton(name))) for doc, name in occurrences}
        assert len(found) == 1 and None not in found, (identity, found)
        owner[identity] = found.pop()  # type: ignore[assignment]
    shared = defaultdict(list)
    for identity, entity in owner.items():
        shared[entity].append(identity)
    assert not {e: ids for e, ids in shared.items() if len(ids) > 1}
