"""The review library without HTTP: reviewer accounts, decisions on facts and their audit log,
typed corrections, how every read applies decisions, and decisions surviving re-extraction.

The texts are invented for the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from qantar.exceptions import NotFoundError, ReviewError
from qantar.model import Document, Fact
from qantar.resolve import list_entities, resolve
from qantar.review import add_user, decide, fact_with_history, list_users, parse_record, verify_user
from qantar.store import document_facts, list_facts, list_verdicts, save_document
from qantar.store.queries import get_fact
from qantar.store.resolution import named_records
from qantar.store.reviews import list_reviews

from ..store.helpers import make_doc, make_fact, new_store, person

TEXT = (
    "The court in Astana sentenced Karim Masimov to 18 years in prison. "
    "Daulet Ergozhin got 16 years and Anvar Sadykulov got 15 years. "
    "Reporters were kept outside."
)
MASIMOV = "sentenced Karim Masimov to 18 years in prison"
ERGOZHIN = "Daulet Ergozhin got 16 years"
SADYKULOV = "Anvar Sadykulov got 15 years"


def verdict(doc: Document, surface: str, key: str | None = None, **record: Any) -> Fact:
    base = {
        "defendant": None,
        "count": 1,
        "outcome": "prison",
        "term_months": None,
        "term_range": None,
        "charges": [],
        "date": "2023-04-24",
        "city": "Astana",
        "pleaded_guilty": None,
    }
    return make_fact(doc, "verdict", surface, {**base, **record}, key=key, extractor="verdicts.v1")


def extraction(doc: Document) -> list[Fact]:
    return [
        verdict(doc, MASIMOV, defendant="Karim Masimov", term_months=216, charges=["treason"]),
        verdict(doc, ERGOZHIN, defendant="Daulet Ergozhin", term_months=192),
        verdict(doc, SADYKULOV, defendant="Anvar Sadykulov", term_months=180),
        person(doc, "Karim Masimov"),
        person(doc, "Daulet Ergozhin"),
        person(doc, "Anvar Sadykulov"),
    ]


@pytest.fixture
def doc() -> Document:
    return make_doc(TEXT, "trial.txt", title="Sentences in Astana")


@pytest.fixture
def engine(tmp_path: Path, doc: Document) -> Iterator[Engine]:
    found = new_store("file", tmp_path)
    save_document(found, doc, extraction(doc), "test")
    resolve(found)
    yield found
    found.dispose()


def fact_id(engine: Engine, defendant: str) -> str:
    (found,) = [
        f
        for f in list_facts(engine, "verdict", include_rejected=True)
        if f["record"]["defendant"] == defendant
    ]
    return str(found["id"])


def defendants(found: list[dict[str, Any]]) -> list[str]:
    return [f["record"]["defendant"] for f in found]


# --- reviewer accounts ----------------------------------------------------------------------


def test_add_and_verify_a_user(engine: Engine) -> None:
    add_user(engine, "ana.k@ngo-1", "correct horse battery")
    assert verify_user(engine, "ana.k@ngo-1", "correct horse battery")
    assert not verify_user(engine, "ana.k@ngo-1", "correct horse batter")
    assert not verify_user(engine, "ana.k@ngo-1", "")
    assert not verify_user(engine, "nobody", "correct horse battery")
    users = list_users(engine)
    assert [u["name"] for u in users] == ["ana.k@ngo-1"]
    assert set(users[0]) == {"name", "created_at"}, "the hash never leaves the store"


def test_a_password_is_stored_hashed(engine: Engine) -> None:
    from sqlalchemy import select

    from qantar.store.schema import users

    add_user(engine, "ana", "correct horse battery")
    with engine.connect() as conn:
        stored = conn.scalar(select(users.c.password_hash))
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


@pytest.mark.parametrize("password", ["", "short", "7chars!"])
def test_short_password_is_refused(engine: Engine, password: str) -> None:
    with pytest.raises(ReviewError, match="at least 8 characters"):
        add_user(engine, "ana", password)
    assert list_users(engine) == []


@pytest.mark.parametrize("name", ["", "two words", "ana!", "a/b", "x" * 65, "<script>"])
def test_bad_name_is_refused(engine: Engine, name: str) -> None:
    with pytest.raises(ReviewError, match="a user name is 1-64 letters"):
        add_user(engine, name, "correct horse battery")
    assert list_users(engine) == []


def test_good_names(engine: Engine) -> None:
    for name in ("a", "x" * 64, "Әлия", "ana_k-1.x@ngo"):
        add_user(engine, name, "correct horse battery")
    assert len(list_users(engine)) == 4


def test_duplicate_user_needs_replace(engine: Engine) -> None:
    add_user(engine, "ana", "first password")
    with pytest.raises(ReviewError, match="user 'ana' exists; use --replace"):
        add_user(engine, "ana", "second password")
    assert verify_user(engine, "ana", "first password")
    add_user(engine, "ana", "second password", replace=True)
    assert verify_user(engine, "ana", "second password")
    assert not verify_user(engine, "ana", "first password")
    assert len(list_users(engine)) == 1
    add_user(engine, "ben", "a new reviewer", replace=True)  # replace also creates
    assert verify_user(engine, "ben", "a new reviewer")


def test_replace_still_checks_the_password(engine: Engine) -> None:
    add_user(engine, "ana", "first password")
    with pytest.raises(ReviewError, match="at least 8"):
        add_user(engine, "ana", "short", replace=True)
    assert verify_user(engine, "ana", "first password")


# --- decisions ------------------------------------------------------------------------------


def test_accept_then_reject_then_accept(engine: Engine) -> None:
    fid = fact_id(engine, "Karim Masimov")
    assert fact_with_history(engine, fid)["review"]["status"] == "extracted"
    fact = decide(engine, fid, "accept", "ana", note="checked")
    assert fact["review"] == {"status": "accepted", "by": "ana", "at": fact["review"]["at"]}
    with pytest.raises(ReviewError, match=f"fact {fid} is already accepted; nothing changed"):
        decide(engine, fid, "accept", "ben")
    fact = decide(engine, fid, "reject", "ben")
    assert fact["review"]["status"] == "rejected" and fact["review"]["by"] == "ben"
    with pytest.raises(ReviewError, match="already rejected"):
        decide(engine, fid, "reject", "ana")
    fact = decide(engine, fid, "accept", "ana")
    history = [
        (h["action"], h["status_before"], h["status_after"], h["user"]) for h in fact["history"]
    ]
    assert history == [
        ("accept", "extracted", "accepted", "ana"),
        ("reject", "accepted", "rejected", "ben"),
        ("accept", "rejected", "accepted", "ana"),
    ]
    assert fact["history"][0]["note"] == "checked"
    assert [r["action"] for r in list_reviews(engine)] == ["accept", "reject", "accept"][::-1]


def test_correct(engine: Engine) -> None:
    fid = fact_id(engine, "Karim Masimov")
    extracted = fact_with_history(engine, fid)["record"]
    corrected = {**extracted, "term_months": 204, "city": "Almaty"}
    fact = decide(engine, fid, "correct", "ana", corrected, "appeal court")
    assert fact["record"] == corrected and fact["extracted_record"] == extracted
    assert fact["review"]["status"] == "corrected"
    (entry,) = fact["history"]
    assert (entry["record_before"], entry["record_after"]) == (extracted, corrected)
    assert (entry["status_before"], entry["status_after"], entry["note"]) == (
        "extracted",
        "corrected",
        "appeal court",
    )
    with pytest.raises(ReviewError, match="the corrected record is the same as the one shown"):
        decide(engine, fid, "correct", "ben", dict(corrected))
    # Accepting a corrected fact keeps the correction.
    fact = decide(engine, fid, "accept", "ben")
    assert fact["record"] == corrected and fact["review"]["status"] == "accepted"
    # Rejecting it and accepting again keeps it too.
    decide(engine, fid, "reject", "ben")
    assert decide(engine, fid, "accept", "ana")["record"] == corrected


def test_correcting_back_to_the_extracted_record(engine: Engine) -> None:
    fid = fact_id(engine, "Karim Masimov")
    extracted = fact_with_history(engine, fid)["record"]
    decide(engine, fid, "correct", "ana", {**extracted, "city": "Almaty"})
    fact = decide(engine, fid, "correct", "ana", dict(extracted))
    assert fact["record"] == extracted and "extracted_record" not in fact
    assert [h["record_before"]["city"] for h in fact["history"]] == ["Astana", "Almaty"]


@pytest.mark.parametrize(
    ("action", "record", "message"),
    [
        ("approve", None, "a review is one of accept, reject, correct, not 'approve'"),
        ("correct", None, "a correction needs the corrected record"),
        ("correct", ["not", "a", "dict"], "a correction needs the corrected record"),
    ],
)
def test_invalid_decisions(engine: Engine, action: str, record: Any, message: str) -> None:
    fid = fact_id(engine, "Karim Masimov")
    with pytest.raises(ReviewError, match=message):
        decide(engine, fid, action, "ana", record)
    assert list_reviews(engine) == []


def test_unknown_fact(engine: Engine) -> None:
    with pytest.raises(NotFoundError, match="no fact 'ver-nothing'"):
        decide(engine, "ver-nothing", "accept", "ana")
    with pytest.raises(NotFoundError):
        fact_with_history(engine, "ver-nothing")


# --- typed corrections ----------------------------------------------------------------------

CURRENT = {
    "defendant": "Karim Masimov",
    "charges": ["treason", "abuse of office"],
    "term_months": 216,
    "term_range": [48, 96],
    "pleaded_guilty": False,
    "appeal": {"status": "rejected", "date": "2023-09"},
    "ratio": 0.5,
    "city": None,
    "count": None,
}


@pytest.mark.parametrize(
    ("fields", "changed"),
    [
        (
            {"charges": "treason; ; money laundering ;"},
            {"charges": ["treason", "money laundering"]},
        ),
        ({"charges": ""}, {"charges": []}),
        ({"term_months": "1,204"}, {"term_months": 1204}),
        ({"term_months": " 204 "}, {"term_months": 204}),
        ({"term_months": ""}, {"term_months": None}),
        ({"term_range": "36; 60"}, {"term_range": [36, 60]}),
        ({"term_range": ""}, {"term_range": []}),
        ({"pleaded_guilty": "yes"}, {"pleaded_guilty": True}),
        ({"pleaded_guilty": "TRUE"}, {"pleaded_guilty": True}),
        ({"pleaded_guilty": "no"}, {"pleaded_guilty": False}),
        ({"appeal": '{"status": "upheld"}'}, {"appeal": {"status": "upheld"}}),
        ({"appeal": ""}, {"appeal": None}),
        ({"ratio": "0.25"}, {"ratio": 0.25}),
        ({"defendant": ""}, {"defendant": None}),
        ({"city": "Almaty"}, {"city": "Almaty"}),
        ({"count": "7"}, {"count": 7}),  # empty now, and still a whole number
        ({"new_field": "text"}, {"new_field": "text"}),
        ({}, {}),
    ],
)
def test_parse_record_types(fields: dict[str, str], changed: dict[str, Any]) -> None:
    assert parse_record(fields, CURRENT) == {**CURRENT, **changed}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"term_months": "18 years"}, "term_months: write a whole number, not '18 years'"),
        ({"term_months": "2.5"}, "term_months: write a whole number"),
        ({"term_range": "4; eight"}, "term_range: write a whole number, not 'eight'"),
        ({"count": "seven"}, "count: write a whole number"),
        ({"pleaded_guilty": "maybe"}, "pleaded_guilty: write true or false, not 'maybe'"),
        ({"appeal": "{status: upheld"}, "appeal: write JSON such as"),
        ({"ratio": "half"}, "ratio: write a number, not 'half'"),
    ],
)
def test_parse_record_refuses(fields: dict[str, str], message: str) -> None:
    with pytest.raises(ReviewError, match=message):
        parse_record(fields, CURRENT)


def test_parse_record_does_not_change_the_current_record() -> None:
    before = {k: (list(v) if isinstance(v, list) else v) for k, v in CURRENT.items()}
    parse_record({"charges": "x", "term_months": "1"}, CURRENT)
    assert before == CURRENT


# --- every read applies decisions -----------------------------------------------------------


def test_reads_apply_corrections_and_hide_rejected(engine: Engine, doc: Document) -> None:
    masimov, ergozhin = fact_id(engine, "Karim Masimov"), fact_id(engine, "Daulet Ergozhin")
    record = fact_with_history(engine, masimov)["record"]
    decide(engine, masimov, "correct", "ana", {**record, "term_months": 204, "city": "Almaty"})
    decide(engine, ergozhin, "reject", "ana")

    shown = list_verdicts(engine)
    assert defendants(shown) == ["Karim Masimov", "Anvar Sadykulov"]
    assert shown[0]["record"]["term_months"] == 204
    assert defendants(list_verdicts(engine, city="Almaty")) == ["Karim Masimov"]
    assert defendants(list_verdicts(engine, city="Astana")) == ["Anvar Sadykulov"]
    assert defendants(list_facts(engine, "verdict")) == ["Karim Masimov", "Anvar Sadykulov"]
    every = list_facts(engine, "verdict", include_rejected=True)
    assert defendants(every) == ["Karim Masimov", "Daulet Ergozhin", "Anvar Sadykulov"]
    assert [f["review"]["status"] for f in every] == ["corrected", "rejected", "extracted"]
    on_page = document_facts(engine, doc.id, "verdict")
    assert [f["id"] for f in on_page] == [masimov, fact_id(engine, "Anvar Sadykulov")]
    assert len(document_facts(engine, doc.id, "verdict", include_rejected=True)) == 3
    kept = get_fact(engine, ergozhin)  # a rejected fact is kept, and says so
    assert kept is not None and kept["review"]["status"] == "rejected"


# --- decisions survive re-extraction --------------------------------------------------------


def reviewed(engine: Engine) -> dict[str, tuple[str, str]]:
    """Each verdict's defendant: (its fact id, its review status), rejected ones included."""
    return {
        f["record"]["defendant"]: (f["id"], f["review"]["status"])
        for f in list_facts(engine, "verdict", include_rejected=True)
    }


def test_same_extraction_again_keeps_decisions(engine: Engine, doc: Document) -> None:
    masimov, ergozhin = fact_id(engine, "Karim Masimov"), fact_id(engine, "Daulet Ergozhin")
    record = fact_with_history(engine, masimov)["record"]
    decide(engine, masimov, "correct", "ana", {**record, "term_months": 204})
    decide(engine, ergozhin, "reject", "ana")
    save_document(engine, doc, extraction(doc), "test")
    resolve(engine)
    assert reviewed(engine) == {
        "Karim Masimov": (masimov, "corrected"),
        "Daulet Ergozhin": (ergozhin, "rejected"),
        "Anvar Sadykulov": (fact_id(engine, "Anvar Sadykulov"), "extracted"),
    }
    assert list_verdicts(engine)[0]["record"]["term_months"] == 204


def test_a_new_key_with_the_same_sentence_and_span_keeps_the_decision(
    engine: Engine, doc: Document
) -> None:
    """A new extractor version names its facts differently (so new ids); the decisions find
    them again by document, kind, sentence and span."""
    masimov, ergozhin = fact_id(engine, "Karim Masimov"), fact_id(engine, "Daulet Ergozhin")
    record = fact_with_history(engine, masimov)["record"]
    decide(engine, masimov, "correct", "ana", {**record, "term_months": 204})
    decide(engine, ergozhin, "reject", "ana")
    renamed = [
        verdict(doc, MASIMOV, "v2:masimov", defendant="Karim Masimov", term_months=216),
        verdict(doc, ERGOZHIN, "v2:ergozhin", defendant="Daulet Ergozhin", term_months=192),
        verdict(doc, SADYKULOV, "v2:sadykulov", defendant="Anvar Sadykulov", term_months=180),
    ]
    save_document(engine, doc, renamed, "test")
    now = reviewed(engine)
    assert now["Karim Masimov"] == (renamed[0].id, "corrected") and renamed[0].id != masimov
    assert now["Daulet Ergozhin"] == (renamed[1].id, "rejected")
    assert now["Anvar Sadykulov"][1] == "extracted"
    assert defendants(list_verdicts(engine)) == ["Karim Masimov", "Anvar Sadykulov"]
    assert list_verdicts(engine)[0]["record"]["term_months"] == 204
    history = fact_with_history(engine, renamed[0].id)["history"]
    assert [h["fact_id"] for h in history] == [masimov], "the log keeps the id it was made on"
    # Deciding on the new fact goes on from the re-attached status.
    with pytest.raises(ReviewError, match="already rejected"):
        decide(engine, renamed[1].id, "reject", "ana")
    assert decide(engine, renamed[1].id, "accept", "ana")["review"]["status"] == "accepted"


def test_the_only_fact_left_in_the_sentence_takes_the_decision(
    engine: Engine, doc: Document
) -> None:
    masimov = fact_id(engine, "Karim Masimov")
    decide(engine, masimov, "reject", "ana")
    narrower = verdict(doc, "Karim Masimov to 18 years", "v2", defendant="Karim Masimov")
    save_document(engine, doc, [narrower], "test")
    assert reviewed(engine) == {"Karim Masimov": (narrower.id, "rejected")}


def test_no_guessing_between_two_facts_of_a_sentence(engine: Engine, doc: Document) -> None:
    """Two new facts share the rejected fact's sentence and neither has its span: the decision
    attaches to neither."""
    ergozhin = fact_id(engine, "Daulet Ergozhin")
    decide(engine, ergozhin, "reject", "ana")
    split = [
        verdict(doc, "Daulet Ergozhin got 16", "v2:ergozhin", defendant="Daulet Ergozhin"),
        verdict(doc, "Anvar Sadykulov got 15", "v2:sadykulov", defendant="Anvar Sadykulov"),
    ]
    assert split[0].provenance.sentence == split[1].provenance.sentence
    save_document(engine, doc, split, "test")
    now = reviewed(engine)
    assert now == {
        "Daulet Ergozhin": (split[0].id, "extracted"),
        "Anvar Sadykulov": (split[1].id, "extracted"),
    }
    assert defendants(list_verdicts(engine)) == ["Daulet Ergozhin", "Anvar Sadykulov"]
    # The decision is kept in the log all the same.
    assert [r["fact_id"] for r in list_reviews(engine)] == [ergozhin]


def test_the_fact_with_the_old_span_takes_the_decision(engine: Engine, doc: Document) -> None:
    ergozhin = fact_id(engine, "Daulet Ergozhin")
    decide(engine, ergozhin, "reject", "ana")
    again = [
        verdict(doc, ERGOZHIN, "v2:ergozhin", defendant="Daulet Ergozhin"),
        verdict(doc, SADYKULOV, "v2:sadykulov", defendant="Anvar Sadykulov"),
    ]
    save_document(engine, doc, again, "test")
    assert reviewed(engine) == {
        "Daulet Ergozhin": (again[0].id, "rejected"),
        "Anvar Sadykulov": (again[1].id, "extracted"),
    }


def test_a_decision_on_a_fact_whose_sentence_is_gone_attaches_nowhere(
    engine: Engine, doc: Document
) -> None:
    decide(engine, fact_id(engine, "Karim Masimov"), "reject", "ana")
    moved = verdict(doc, "Reporters were kept outside", "v2", defendant="Karim Masimov")
    save_document(engine, doc, [moved], "test")
    assert reviewed(engine) == {"Karim Masimov": (moved.id, "extracted")}


# --- decisions on person records change who the people are ---------------------------------


def test_rejecting_a_person_record_leaves_it_out_of_resolution(
    engine: Engine, doc: Document
) -> None:
    other = make_doc("Karim Massimov, the former KNB chief, was detained. ", "other.txt")
    save_document(engine, other, [person(other, "Karim Massimov", roles=("KNB chief",))], "test")
    resolve(engine)
    (massimov,) = [e for e in list_entities(engine) if "Karim Massimov" in e["spellings"]]
    assert sorted(massimov["documents"]) == ["other.txt", "trial.txt"]

    record_id = next(r for r in massimov["records"] if r != person(doc, "Karim Masimov").id)
    fact = decide(engine, record_id, "reject", "ana", note="not him")
    assert fact["review"]["status"] == "rejected"
    resolve(engine)  # decide resolves at once; resolving again changes nothing
    entities = list_entities(engine)
    assert record_id not in {r for e in entities for r in e["records"]}
    (left,) = [e for e in entities if "Karim Masimov" in e["spellings"]]
    assert left["documents"] == ["trial.txt"] and "Karim Massimov" not in left["spellings"]
    assert record_id not in {r["id"] for r in named_records(engine)}

    decide(engine, record_id, "accept", "ana")
    back = [e for e in list_entities(engine) if record_id in e["records"]]
    assert len(back) == 1 and sorted(back[0]["documents"]) == ["other.txt", "trial.txt"]


def test_correcting_a_person_record_renames_its_entity(engine: Engine, doc: Document) -> None:
    record_id = person(doc, "Anvar Sadykulov").id
    record = fact_with_history(engine, record_id)["record"]
    decide(engine, record_id, "correct", "ana", {**record, "name": "Anvar Sadykulov Jr"})
    names = {e["name"] for e in list_entities(engine)}
    assert "Anvar Sadykulov Jr" in names and "Anvar Sadykulov" not in names


def test_no_guessing_when_reading_one_fact(engine: Engine, doc: Document) -> None:
    """Reading one fact by id sees the same decision as reading the whole list."""
    decide(engine, fact_id(engine, "Daulet Ergozhin"), "reject", "ana")
    split = [
        verdict(doc, "Daulet Ergozhin got 16", "v2:ergozhin", defendant="Daulet Ergozhin"),
        verdict(doc, "Anvar Sadykulov got 15", "v2:sadykulov", defendant="Anvar Sadykulov"),
    ]
    save_document(engine, doc, split, "test")
    for fact in split:
        one = get_fact(engine, fact.id)
        assert one is not None and one["review"]["status"] == "extracted"
        assert fact_with_history(engine, fact.id)["history"] == []
