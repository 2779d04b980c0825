"""Entity ids: inherited by the majority, revived after an undone merge, new ones deterministic."""

from __future__ import annotations

from qantar.resolve.ids import assign_ids, new_entity_id

KNOWN = {
    "P-old": {"created_at": "2026-01-01"},
    "P-other": {"created_at": "2026-01-02"},
}


def member(entity: str, origin: str | None = None) -> dict[str, str]:
    return {"entity_id": entity, "origin_id": origin or entity}


def test_new_clusters_get_deterministic_ids() -> None:
    first = assign_ids("person", [["per-b", "per-a"]], {}, {})
    again = assign_ids("person", [["per-a", "per-b"]], {}, {})
    assert first.entity_of == again.entity_of
    assert first.entity_of["per-a"].startswith("P-") and first.new == set(first.entity_of.values())


def test_a_grown_cluster_keeps_its_id() -> None:
    ids = assign_ids(
        "person",
        [["per-a", "per-b", "per-new"]],
        {"per-a": member("P-old"), "per-b": member("P-old")},
        KNOWN,
    )
    assert set(ids.entity_of.values()) == {"P-old"} and not ids.new


def test_a_merge_keeps_the_larger_and_redirects_the_other() -> None:
    previous = {"a": member("P-old"), "b": member("P-old"), "c": member("P-other")}
    ids = assign_ids("person", [["a", "b", "c"]], previous, KNOWN)
    assert set(ids.entity_of.values()) == {"P-old"}
    assert ids.redirects == {"P-other": "P-old"}
    assert ids.origin_of["c"] == "P-other"


def test_an_undone_merge_gives_the_old_id_back() -> None:
    previous = {"a": member("P-old"), "b": member("P-old"), "c": member("P-old", origin="P-other")}
    ids = assign_ids("person", [["a", "b"], ["c"]], previous, KNOWN)
    assert ids.entity_of == {"a": "P-old", "b": "P-old", "c": "P-other"}
    assert not ids.redirects


def test_new_ids_avoid_taken_ones() -> None:
    first = new_entity_id("person", "seed", set())
    assert new_entity_id("person", "seed", {first}) != first
    assert new_entity_id("organization", "seed", set()).startswith("O-")
