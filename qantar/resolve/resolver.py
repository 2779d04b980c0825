"""Resolve the store: group person, organization and place records into entities.

Runs after every build and after every reviewer's decision. It reads all named records and
the judgements still in force, scores the candidate pairs blocking proposes, clusters them
(:mod:`qantar.resolve.clusters`), keeps the ids stable (:mod:`qantar.resolve.ids`) and writes
the entities, their members and every scored pair with its explanation. Facts are never
touched: resolution is a layer over them, recomputed at will.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from qantar.model import stable_hash
from qantar.nlp.lexicon import Lexicon, load_lexicon
from qantar.nlp.normalize.names import skeleton
from qantar.resolve.blocking import person_candidates
from qantar.resolve.bodies import BodyName, body_candidates
from qantar.resolve.clusters import Candidate, Clustering, Judgement, cluster
from qantar.resolve.compare import compare_names
from qantar.resolve.ids import IdAssignment, assign_ids
from qantar.resolve.person_names import PersonName
from qantar.resolve.records import NamedRecord
from qantar.store.resolution import (
    RESOLVED_KINDS,
    entity_rows,
    list_decisions,
    memberships,
    named_records,
    save_resolution,
)


@dataclass
class KindResult:
    """The resolution of one kind: records, their keys, the clustering and the ids."""

    kind: str
    records: list[NamedRecord]
    key_of: dict[str, str]
    clustering: Clustering
    ids: IdAssignment


@dataclass
class ResolveReport:
    """What a resolution found, per kind, and what became of the judgements."""

    records: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    pairs: dict[str, int] = field(default_factory=dict)
    ambiguous: dict[str, int] = field(default_factory=dict)
    judgements: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        parts = [
            f"{self.records[k]} {k} records -> {self.entities[k]} entities" for k in self.records
        ]
        text = "; ".join(parts)
        if sum(self.ambiguous.values()):
            text += f"; {sum(self.ambiguous.values())} ambiguous pairs left for review"
        return text


def person_units(
    records: Sequence[NamedRecord],
) -> tuple[dict[str, list[str]], set[str], list[Candidate], dict[str, str]]:
    """Name keys -> record ids, the weak keys, scored candidate pairs, and record -> key."""
    names: dict[str, PersonName] = {}
    units: dict[str, list[str]] = defaultdict(list)
    key_of: dict[str, str] = {}
    for record in records:
        parsed = record.person_name()
        key = parsed.key if parsed else f"?{skeleton(record.name)}"
        if parsed:
            names.setdefault(key, parsed)
        units[key].append(record.id)
        key_of[record.id] = key
    weak = {key for key, name in names.items() if not name.has_given_name}
    weak |= {key for key in units if key not in names}
    candidates = [
        Candidate(left, right, compare_names(names[left], names[right]))
        for left, right in person_candidates(names)
    ]
    return units, weak, candidates, key_of


def body_units(
    records: Sequence[NamedRecord], lexicon: Lexicon
) -> tuple[dict[str, list[str]], set[str], list[Candidate], dict[str, str]]:
    """The same for organizations and places: keys from the gazetteer or the folded name."""
    names: dict[str, BodyName] = {}
    units: dict[str, list[str]] = defaultdict(list)
    key_of: dict[str, str] = {}
    for record in records:
        body = record.body_name(lexicon)
        names.setdefault(body.key, body)
        units[body.key].append(record.id)
        key_of[record.id] = body.key
    candidates = [Candidate(a, b, match) for a, b, match in body_candidates(names)]
    return units, set(), candidates, key_of


def _attach(
    decisions: Sequence[Mapping[str, Any]], records: Sequence[NamedRecord]
) -> tuple[list[Judgement], int]:
    """Judgements in force, each pointed at current records; and how many found none.

    A judged record is found by its id, or else in the same document by its name or a
    variant (re-extraction may have given it a fuller name and so a new id)."""
    by_id = {r.id: r for r in records}
    by_anchor: dict[tuple[str, str], str] = {}
    for r in records:
        for spelling in r.spellings:
            by_anchor.setdefault((r.doc_id, skeleton(spelling)), r.id)

    def find(record_id: str, doc_id: str, name: str) -> str | None:
        if record_id in by_id:
            return record_id
        return by_anchor.get((doc_id, skeleton(name)))

    found: list[Judgement] = []
    dangling = 0
    for decision in decisions:
        for pair in decision["judgements"]:
            left = find(pair["left_id"], pair["left_doc"], pair["left_name"])
            right = find(pair["right_id"], pair["right_doc"], pair["right_name"])
            if left is None or right is None:
                dangling += 1
                continue
            judged = Judgement(
                decision["id"], left, right, bool(pair["positive"]), decision["created_at"]
            )
            found.append(judged)
    return found, dangling


def _display_name(records: Sequence[NamedRecord]) -> str:
    """The name an entity is listed under: a gazetteer name, else the fullest common spelling."""
    listed = Counter(r.canonical for r in records if r.canonical)
    if listed:
        return max(sorted(listed), key=lambda n: listed[n])
    counts = Counter(r.name for r in records)

    def rank(name: str) -> tuple[bool, bool, int, int, str]:
        latin = name.isascii()  # listings are in English; a Latin spelling reads best there
        return (len(name.split()) > 1, latin, counts[name], len(name.split()), name)

    return max(sorted(counts), key=rank)


def resolve_kind(
    kind: str,
    rows: Sequence[Mapping[str, Any]],
    decisions: Sequence[Mapping[str, Any]],
    previous: Mapping[str, Mapping[str, Any]],
    known: Mapping[str, Mapping[str, Any]],
    lexicon: Lexicon,
    report: ResolveReport,
) -> KindResult:
    """Resolve the records of one kind (see the module docstring)."""
    records = [r for r in map(NamedRecord.from_row, rows) if r is not None]
    if kind == "person":
        units, weak, candidates, key_of = person_units(records)
    else:
        units, weak, candidates, key_of = body_units(records, lexicon)
    judged, dangling = _attach([d for d in decisions if d["kind"] == kind], records)
    clustering = cluster(units, weak, candidates, judged)
    anchors = {(row["doc_id"], row["name_key"]): row for row in previous.values()}
    held = {r.id: previous.get(r.id) or anchors.get((r.doc_id, key_of[r.id])) for r in records}
    ids = assign_ids(kind, clustering.clusters, {k: v for k, v in held.items() if v}, known)
    report.records[kind] = len(records)
    report.entities[kind] = len(clustering.clusters)
    report.pairs[kind] = len(candidates)
    report.ambiguous[kind] = sum(c.outcome.startswith("ambiguous") for c in candidates)
    report.judgements.update(clustering.judgements.values())
    if dangling:
        report.judgements["dangling: its records are gone"] += dangling
    return KindResult(kind, records, key_of, clustering, ids)


def resolve(engine: Engine, lexicon: Lexicon | None = None) -> ResolveReport:
    """Resolve every person, organization and place record in the store and save the result."""
    lexicon = lexicon or load_lexicon()
    report = ResolveReport()
    rows_by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in named_records(engine):
        rows_by_kind[row["kind"]].append(row)
    previous = memberships(engine)
    known = entity_rows(engine)
    decisions = list_decisions(engine, include_undone=False)
    entity_list: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    pairs: list[dict[str, Any]] = []
    for kind in RESOLVED_KINDS:
        result = resolve_kind(kind, rows_by_kind[kind], decisions, previous, known, lexicon, report)
        entity_list += _entity_rows(result, known)
        members += _member_rows(result)
        pairs += _pair_rows(result)
    save_resolution(engine, entity_list, members, pairs)
    return report


def _entity_rows(
    result: KindResult, known: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    by_entity: dict[str, list[NamedRecord]] = defaultdict(list)
    for record in result.records:
        by_entity[result.ids.entity_of[record.id]].append(record)
    rows = [
        {"id": entity, "kind": result.kind, "name": _display_name(recs), "merged_into": None}
        for entity, recs in sorted(by_entity.items())
    ]
    rows += [
        {"id": old, "kind": result.kind, "name": known[old]["name"], "merged_into": new}
        for old, new in sorted(result.ids.redirects.items())
    ]
    return rows


def _member_rows(result: KindResult) -> list[dict[str, Any]]:
    rows = []
    for record in result.records:
        rows.append(
            {
                "record_id": record.id,
                "entity_id": result.ids.entity_of[record.id],
                "origin_id": result.ids.origin_of[record.id],
                "kind": result.kind,
                "doc_id": record.doc_id,
                "name": record.name,
                "name_key": result.key_of[record.id],
            }
        )
    return rows


def _pair_rows(result: KindResult) -> list[dict[str, Any]]:
    first_name: dict[str, str] = {}
    for record in result.records:
        first_name.setdefault(result.key_of[record.id], record.name)
    return [
        {
            "id": stable_hash(result.kind, c.left, c.right),
            "kind": result.kind,
            "left_key": c.left,
            "right_key": c.right,
            "left_name": first_name.get(c.left, c.match.left),
            "right_name": first_name.get(c.right, c.match.right),
            "score": c.match.score,
            "features": [f.to_dict() for f in c.match.features],
            "conflict": c.match.conflict,
            "outcome": c.outcome or "not compared",
        }
        for c in result.clustering.candidates
    ]


def resolve_person_names(
    names: Sequence[str], judgements: Sequence[Judgement] = ()
) -> list[list[int]]:
    """Cluster a list of person-name spellings in memory; returns clusters of list indexes.

    The same matching and clustering as :func:`resolve`, without a store: each spelling is one
    record (``"0"``, ``"1"``, ...) of its own document. Used by the name-pair tests and the
    benchmark, and handy for trying a spelling out.
    """
    records = [
        NamedRecord(id=str(i), kind="person", doc_id=f"doc{i}", doc_name=f"doc{i}", name=name)
        for i, name in enumerate(names)
    ]
    units, weak, candidates, _ = person_units(records)
    clustering = cluster(units, weak, candidates, judgements)
    return sorted(sorted(int(r) for r in members) for members in clustering.clusters)
