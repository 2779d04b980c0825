"""Analysis over a store of hand-made documents and facts: findings, claims, timeline, series.

Every text is invented for the tests (short reports of fictional or paraphrased happenings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from qantar.analyze import Corpus, Finding, find_conflicts
from qantar.analyze.corroboration import claims
from qantar.analyze.plot import plot_series
from qantar.analyze.series import series
from qantar.analyze.timeline import Entry, timeline
from qantar.model import Document, Fact
from qantar.resolve import find_entities, resolve
from qantar.store import save_document

from ..store.helpers import make_doc, make_fact, new_store, person

Saved = tuple[Document, list[Fact]]


def doc(text: str, name: str, published: str = "2022-01-06") -> Document:
    return replace(make_doc(text, name), published=published)


def verdict(
    d: Document,
    surface: str,
    defendant: str,
    *,
    term: int | None = None,
    outcome: str | None = "prison",
    date: str | None = None,
    city: str | None = None,
) -> Fact:
    record: dict[str, Any] = {"defendant": defendant, "outcome": outcome}
    if term is not None:
        record["term_months"] = term
    if date is not None:
        record["date"] = date
    if city is not None:
        record["city"] = city
    return make_fact(d, "verdict", surface, record, extractor="verdicts.v1")


def event(
    d: Document, surface: str, kind: str, date: str, actors: list[str], place: str | None = None
) -> Fact:
    record: dict[str, Any] = {"type": kind, "date": date, "actors": actors}
    if place is not None:
        record["place"] = place
    return make_fact(d, "event", surface, record, extractor="events.v1")


def figure(
    d: Document,
    surface: str,
    value: Any,
    *,
    measure: str = "deaths",
    qualifier: str | None = None,
    as_of: str | None = None,
    source_type: str = "official",
    scope: dict[str, Any] | None = None,
) -> Fact:
    record: dict[str, Any] = {
        "measure": measure,
        "value": value,
        "qualifier": qualifier,
        "currency": None,
        "as_of": as_of,
        "attributed_to": "Ministry of Health" if source_type == "official" else "a rights group",
        "source_type": source_type,
        "scope": scope or {"place": None, "period": None},
        "text": surface,
    }
    return make_fact(d, "figure", surface, record, extractor="figures.v1")


def load(engine: Engine, *saved: Saved) -> Corpus:
    for d, facts in saved:
        save_document(engine, d, facts, "test")
    resolve(engine)
    return Corpus(engine)


def only(findings: list[Finding]) -> Finding:
    assert len(findings) == 1, [f.as_dict() for f in findings]
    return findings[0]


def side_values(finding: Finding) -> list[str]:
    return [side.value for side in finding.sides]


def side_docs(finding: Finding) -> list[list[str]]:
    return [sorted({r.doc_name for r in side.reports}) for side in finding.sides]


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    found = new_store("memory", tmp_path)
    yield found
    found.dispose()


# Verdicts ----------------------------------------------------------------------------------

MASIMOV_A = "The court sentenced Karim Masimov to 18 years. The hearing was closed."
MASIMOV_B = "Karim Massimov got 18 years in prison. His lawyers plan to appeal."


def masimov_docs(
    term_a: int | None, term_b: int | None, date_a: str | None = None, date_b: str | None = None
) -> tuple[Saved, Saved]:
    a = doc(MASIMOV_A, "a.txt")
    b = doc(MASIMOV_B, "b.txt")
    return (
        (
            a,
            [
                person(a, "Karim Masimov"),
                verdict(a, "sentenced Karim Masimov", "Karim Masimov", term=term_a, date=date_a),
            ],
        ),
        (
            b,
            [
                person(b, "Karim Massimov"),
                verdict(b, "Karim Massimov got", "Karim Massimov", term=term_b, date=date_b),
            ],
        ),
    )


def test_one_defendant_spelled_two_ways_agrees_with_itself(engine: Engine) -> None:
    """Masimov and Massimov are one person; the same sentence is one claim from two sources."""
    corpus = load(engine, *masimov_docs(216, 216, "2023-04-24", "2023-04-24"))
    findings = find_conflicts(corpus)
    assert findings == []
    found = claims(corpus, findings, "verdict")
    assert len(found) == 1
    claim = found[0]
    assert claim.independent == 2
    assert claim.documents == ["a.txt", "b.txt"]
    assert claim.value == "prison, 18 years"
    assert claim.subject in ("Karim Masimov", "Karim Massimov")
    assert claim.disputed is False


@pytest.mark.parametrize(
    ("date_a", "date_b"),
    [(None, None), ("2023-04-24", None), ("2023-04", "2023-04-24"), ("2023-04-24", "2023-04-24")],
)
def test_different_terms_not_set_apart_in_time_conflict(
    engine: Engine, date_a: str | None, date_b: str | None
) -> None:
    """18 years against 15 years with no dates, or dates that meet, cannot both be right."""
    corpus = load(engine, *masimov_docs(216, 180, date_a, date_b))
    finding = only(find_conflicts(corpus))
    assert (finding.kind, finding.about, finding.field) == ("conflict", "verdict", "sentence")
    assert sorted(side_values(finding)) == ["prison, 15 years", "prison, 18 years"]
    assert sorted(side_docs(finding)) == [["a.txt"], ["b.txt"]]
    assert all(claim.disputed for claim in claims(corpus, [finding], "verdict"))


def test_different_terms_on_days_far_apart_are_a_revision(engine: Engine) -> None:
    """An appeal months later changes the sentence: earlier ruling first, whatever doc order."""
    # a.txt (first by name) holds the later ruling, so the finding must reorder the sides.
    corpus = load(engine, *masimov_docs(180, 216, "2023-09-12", "2023-04-24"))
    finding = only(find_conflicts(corpus))
    assert (finding.kind, finding.about, finding.field) == ("revision", "verdict", "sentence")
    assert side_values(finding) == ["prison, 18 years", "prison, 15 years"]
    assert side_docs(finding) == [["b.txt"], ["a.txt"]]
    assert find_conflicts(corpus, kind="conflict") == []
    assert not any(claim.disputed for claim in claims(corpus, [finding], "verdict"))


@pytest.mark.parametrize("term", [216, 180, 6])
def test_a_report_without_a_term_agrees_with_any_term(engine: Engine, term: int) -> None:
    """A report saying only "Masimov was jailed" contradicts no stated term."""
    corpus = load(engine, *masimov_docs(term, None))
    assert find_conflicts(corpus) == []
    claim = only_claim(corpus)
    assert claim.independent == 2


def test_three_terms_are_one_conflict_with_three_sides(engine: Engine) -> None:
    """Every reported term of one defendant stands on its own side of one finding."""
    saved = list(masimov_docs(216, 180))
    c = doc("Karim Masimov received ten years, a relative said. Nobody confirmed it.", "c.txt")
    saved.append(
        (
            c,
            [
                person(c, "Karim Masimov"),
                verdict(c, "Karim Masimov received ten years", "Karim Masimov", term=120),
            ],
        )
    )
    finding = only(find_conflicts(load(engine, *saved)))
    assert finding.kind == "conflict"
    assert sorted(side_values(finding)) == [
        "prison, 10 years",
        "prison, 15 years",
        "prison, 18 years",
    ]


def only_claim(corpus: Corpus) -> Any:
    found = claims(corpus, find_conflicts(corpus), "verdict")
    assert len(found) == 1, [c.as_dict() for c in found]
    return found[0]


# Events ------------------------------------------------------------------------------------

ARREST_A = "Karim Masimov was arrested in Almaty. The committee confirmed it."
ARREST_B = "Karim Massimov was detained on suspicion of treason. No lawyer was present."


def custody_docs(date_a: str, date_b: str) -> tuple[Saved, Saved]:
    a = doc(ARREST_A, "a.txt")
    b = doc(ARREST_B, "b.txt")
    return (
        (
            a,
            [
                person(a, "Karim Masimov"),
                event(a, "Karim Masimov was arrested", "arrest", date_a, ["Karim Masimov"]),
            ],
        ),
        (
            b,
            [
                person(b, "Karim Massimov"),
                event(b, "Karim Massimov was detained", "detention", date_b, ["Karim Massimov"]),
            ],
        ),
    )


def test_arrest_and_detention_a_day_apart_are_a_date_conflict(engine: Engine) -> None:
    """One custody happening told two ways, on two days: one of them is wrong."""
    corpus = load(engine, *custody_docs("2022-01-06", "2022-01-07"))
    finding = only(find_conflicts(corpus))
    assert (finding.kind, finding.about, finding.field) == ("conflict", "event", "date")
    assert side_values(finding) == ["2022-01-06", "2022-01-07"]
    assert side_docs(finding) == [["a.txt"], ["b.txt"]]
    assert "1 day apart" in finding.reason


def test_custody_a_month_apart_is_two_happenings(engine: Engine) -> None:
    """Beyond case.same_event_days (7) the reports tell of different arrests."""
    corpus = load(engine, *custody_docs("2022-01-06", "2022-02-05"))
    assert find_conflicts(corpus) == []


def test_same_day_custody_is_one_corroborated_happening(engine: Engine) -> None:
    """Arrest and detention on one day agree: one event claim from two sources."""
    corpus = load(engine, *custody_docs("2022-01-06", "2022-01-06"))
    assert find_conflicts(corpus) == []
    found = claims(corpus, [], "event")
    assert [(c.value, c.independent) for c in found] == [("2022-01-06", 2)]


STATEMENT_A = "Tokayev asked the CSTO for help. The request came at night."
STATEMENT_B = "The CSTO agreed after Tokayev called. Troops were sent."
STATEMENT_C = "Tokayev addressed the Mazhilis. He spoke of terrorists."


def statement_docs(actors_b: list[str], date_b: str) -> tuple[Saved, Saved]:
    a = doc(STATEMENT_A, "a.txt")
    b = doc(STATEMENT_B if "CSTO" in actors_b else STATEMENT_C, "b.txt")
    b_facts = [person(b, "Tokayev")]
    if "CSTO" in actors_b:
        b_facts.append(make_fact(b, "organization", "CSTO", {"name": "CSTO"}))
    else:
        b_facts.append(make_fact(b, "organization", "Mazhilis", {"name": "Mazhilis"}))
    b_facts.append(event(b, b.text.split(".")[0], "statement", date_b, actors_b))
    return (
        (
            a,
            [
                person(a, "Tokayev"),
                make_fact(a, "organization", "CSTO", {"name": "CSTO"}),
                event(a, "Tokayev asked the CSTO", "statement", "2022-01-05", ["Tokayev", "CSTO"]),
            ],
        ),
        (b, b_facts),
    )


def test_statements_sharing_one_participant_are_not_compared(engine: Engine) -> None:
    """Statements by one man on different days are different statements."""
    corpus = load(engine, *statement_docs(["Tokayev", "Mazhilis"], "2022-01-07"))
    assert find_conflicts(corpus) == []


def test_statements_sharing_two_participants_within_a_week_conflict(engine: Engine) -> None:
    """Tokayev and the CSTO on the 5th and on the 8th: one request, two dates."""
    corpus = load(engine, *statement_docs(["Tokayev", "CSTO"], "2022-01-08"))
    finding = only(find_conflicts(corpus))
    assert (finding.kind, finding.about, finding.field) == ("conflict", "event", "date")
    assert side_values(finding) == ["2022-01-05", "2022-01-08"]
    assert "Tokayev" in finding.subject and "CSTO" in finding.subject


def test_three_dates_of_one_arrest_are_one_finding(engine: Engine) -> None:
    saved = list(custody_docs("2022-01-06", "2022-01-07"))
    c = doc("Police took Karim Masimov away at dawn. His house was searched.", "c.txt")
    saved.append(
        (
            c,
            [
                person(c, "Karim Masimov"),
                event(c, "took Karim Masimov away", "arrest", "2022-01-08", ["Karim Masimov"]),
            ],
        )
    )
    finding = only(find_conflicts(load(engine, *saved)))
    assert side_values(finding) == ["2022-01-06", "2022-01-07", "2022-01-08"]
    assert "2 days apart" in finding.reason


def test_events_in_one_document_never_conflict(engine: Engine) -> None:
    """An article telling of two arrests on two days tells of two arrests."""
    text = "Karim Masimov was arrested on Thursday. Karim Masimov was arrested again on Friday."
    a = doc(text, "a.txt")
    facts = [
        person(a, "Karim Masimov"),
        event(a, "arrested on Thursday", "arrest", "2022-01-06", ["Karim Masimov"]),
        event(a, "arrested again on Friday", "arrest", "2022-01-07", ["Karim Masimov"]),
    ]
    corpus = load(engine, (a, facts))
    assert find_conflicts(corpus) == []


def test_one_document_is_never_on_two_sides_of_an_event_finding(engine: Engine) -> None:
    """An article telling of a detention and a later arrest does not contradict itself."""
    a = doc(
        "Karim Masimov was detained on 6 January. Karim Masimov was formally arrested on "
        "8 January.",
        "a.txt",
    )
    b = doc("Karim Masimov was arrested on 6 January, the committee said.", "b.txt")
    who = ["Karim Masimov"]
    corpus = load(
        engine,
        (
            a,
            [
                person(a, "Karim Masimov"),
                event(a, "detained on 6 January", "detention", "2022-01-06", who),
                event(a, "formally arrested on 8 January", "arrest", "2022-01-08", who),
            ],
        ),
        (
            b,
            [
                person(b, "Karim Masimov"),
                event(b, "arrested on 6 January", "arrest", "2022-01-06", who),
            ],
        ),
    )
    for finding in find_conflicts(corpus):
        cited = [name for names in side_docs(finding) for name in names]
        assert len(cited) == len(set(cited)), finding.reason


# Figures -----------------------------------------------------------------------------------

DEATHS_A = "The ministry said 225 people had died. Officials gave no names."
DEATHS_B = "According to the count, 238 people were killed. The count is final."


def deaths(
    engine: Engine,
    a: dict[str, Any],
    b: dict[str, Any],
    *,
    published: tuple[str, str] = ("2022-01-12", "2022-01-12"),
    values: tuple[Any, Any] = (225, 238),
) -> Corpus:
    """Two documents, each with one deaths figure (keyword arguments of :func:`figure`)."""
    da = doc(DEATHS_A, "a.txt", published[0])
    db = doc(DEATHS_B, "b.txt", published[1])
    return load(
        engine,
        (da, [figure(da, "225 people had died", values[0], **a)]),
        (db, [figure(db, "238 people were killed", values[1], **b)]),
    )


def test_two_official_counts_at_one_time_conflict(engine: Engine) -> None:
    corpus = deaths(engine, {"as_of": "2022-01-10"}, {"as_of": "2022-01-10"})
    finding = only(find_conflicts(corpus))
    assert (finding.kind, finding.about, finding.field) == ("conflict", "figure", "value")
    assert finding.subject == "Deaths"
    assert side_values(finding) == ["225", "238"]


def test_official_against_independent_at_one_time_diverge(engine: Engine) -> None:
    corpus = deaths(
        engine,
        {"as_of": "2022-01-10"},
        {"as_of": "2022-01-10", "source_type": "independent"},
    )
    finding = only(find_conflicts(corpus))
    assert finding.kind == "divergence"
    assert "official sources give 225" in finding.reason
    assert find_conflicts(corpus, kind="conflict") == []
    assert find_conflicts(corpus, about="verdict") == []


def test_counts_as_of_different_days_are_a_revision_in_time_order(engine: Engine) -> None:
    """238 in January, 232 in August: the later count is an update, earlier side first."""
    corpus = deaths(
        engine,
        {"as_of": "2022-08-20"},
        {"as_of": "2022-01-15"},
        values=(232, 238),
    )
    finding = only(find_conflicts(corpus))
    assert finding.kind == "revision"
    assert side_values(finding) == ["238", "232"]
    assert side_docs(finding) == [["b.txt"], ["a.txt"]]


def test_undated_count_published_before_the_other_as_of_is_a_revision(engine: Engine) -> None:
    """A January article cannot report an August count."""
    corpus = deaths(
        engine,
        {},
        {"as_of": "2022-08-20"},
        published=("2022-01-07", "2022-08-21"),
        values=(164, 238),
    )
    finding = only(find_conflicts(corpus))
    assert finding.kind == "revision"
    assert side_values(finding) == ["164", "238"]


def test_undated_count_published_after_the_other_as_of_may_be_the_same_time(
    engine: Engine,
) -> None:
    corpus = deaths(
        engine,
        {},
        {"as_of": "2022-01-10"},
        published=("2022-01-12", "2022-01-12"),
        values=(164, 238),
    )
    assert only(find_conflicts(corpus)).kind == "conflict"


@pytest.mark.parametrize(
    ("a", "values"),
    [
        ({"qualifier": "at least"}, (238, 238)),
        ({"qualifier": "at least"}, (200, 238)),
        ({"qualifier": "about"}, (240, 238)),
        ({}, ([230, 240], 238)),
    ],
)
def test_hedged_counts_that_cover_the_other_agree(
    engine: Engine, a: dict[str, Any], values: tuple[Any, Any]
) -> None:
    """A hedged count covering the other ("at least 238", 238) is one claim."""
    corpus = deaths(engine, {"as_of": "2022-01-10", **a}, {"as_of": "2022-01-10"}, values=values)
    assert find_conflicts(corpus) == []
    found = claims(corpus, [], "figure")
    assert len(found) == 1
    assert found[0].independent == 2
    assert found[0].value == "238"


def test_counts_for_different_places_are_not_compared(engine: Engine) -> None:
    corpus = deaths(
        engine,
        {"scope": {"place": "Almaty", "period": None}},
        {"scope": {"place": "Taraz", "period": None}},
    )
    assert find_conflicts(corpus) == []
    assert sorted(c.subject for c in claims(corpus, [], "figure")) == [
        "Deaths in Almaty",
        "Deaths in Taraz",
    ]


def test_a_scope_of_the_whole_case_month_compares_with_an_unscoped_count(
    engine: Engine,
) -> None:
    corpus = deaths(engine, {"scope": {"place": None, "period": "2022-01"}}, {})
    assert only(find_conflicts(corpus)).kind == "conflict"


def test_a_scope_of_one_day_is_not_compared_with_the_total(engine: Engine) -> None:
    corpus = deaths(engine, {"scope": {"place": None, "period": "2022-01-05"}}, {})
    assert find_conflicts(corpus) == []


def test_official_count_and_later_independent_count_raise_nothing(engine: Engine) -> None:
    """An official January count and an independent August count are two series, not one."""
    corpus = deaths(
        engine, {"as_of": "2022-01-10"}, {"as_of": "2022-08-20", "source_type": "independent"}
    )
    assert find_conflicts(corpus) == []
    assert len(series(corpus, "deaths")) == 2


TOLLS = "Officials said 225 died. A later briefing said 238 died. A deputy said 230 died."


def test_several_values_at_one_time_are_one_finding(engine: Engine) -> None:
    """Three official tolls for one day make one conflict with three sides, not three."""
    d = doc(TOLLS, "a.txt")
    others = [
        doc(f"The toll stood at {n}. Officials gave no more.", f"{n}.txt") for n in (238, 230)
    ]
    corpus = load(
        engine,
        (d, [figure(d, "225 died", 225, as_of="2022-01-10")]),
        *[
            (o, [figure(o, f"toll stood at {n}", n, as_of="2022-01-10")])
            for o, n in zip(others, (238, 230), strict=True)
        ],
    )
    finding = only(find_conflicts(corpus))
    assert finding.kind == "conflict"
    assert side_values(finding) == ["225", "230", "238"]


def test_each_report_is_cited_once_on_its_side(engine: Engine) -> None:
    """225 against 238 told by two documents: three reports, each cited once."""
    texts = {
        "a.txt": "The ministry said 225 people died. It gave no names.",
        "b.txt": "A later count gave 238 dead. It was not explained.",
        "c.txt": "Local officials counted 238 dead. They gave no breakdown.",
    }
    saved = []
    for name, text in texts.items():
        d = doc(text, name)
        value = int(re.findall(r"\d+", text)[0])
        saved.append((d, [figure(d, str(value), value, as_of="2022-01-10")]))
    finding = only(find_conflicts(load(engine, *saved)))
    assert [len(side.reports) for side in finding.sides] == [1, 2]
    assert [side["independent_sources"] for side in finding.as_dict()["sides"]] == [1, 2]


def test_a_hedged_count_joins_one_side_and_bridges_none(engine: Engine) -> None:
    """A floor of 200 fits 225 and 238: it joins one side but does not make them agree."""
    texts = {
        "a.txt": "At least 200 people died, the ministry said. Names were withheld.",
        "b.txt": "The ministry said 225 people died. Names were withheld later.",
        "c.txt": "The ministry now says 238 people died. Names were published.",
    }
    saved = []
    for name, text in texts.items():
        d = doc(text, name)
        value = int(re.findall(r"\d+", text)[0])
        qualifier = "at least" if name == "a.txt" else None
        saved.append((d, [figure(d, str(value), value, qualifier=qualifier, as_of="2022-01-10")]))
    corpus = load(engine, *saved)
    finding = only(find_conflicts(corpus))
    assert side_values(finding) == ["225", "238"]
    assert side_docs(finding) == [["b.txt"], ["c.txt"]]
    found = claims(corpus, [finding], "figure")
    assert sorted((c.value, c.documents) for c in found) == [
        ("225", ["a.txt", "b.txt"]),
        ("238", ["c.txt"]),
    ]
    assert all(c.disputed for c in found)


def test_finding_ids_are_stable_across_loads(engine: Engine) -> None:
    corpus = deaths(engine, {"as_of": "2022-01-10"}, {"as_of": "2022-01-10"})
    first = [f.id for f in find_conflicts(corpus)]
    again = [f.id for f in find_conflicts(Corpus(engine))]
    assert first == again
    assert first[0].startswith("F-")


# Republication -----------------------------------------------------------------------------

NURLANOV_BODY = (
    "A court in Taraz sentenced Bolat Nurlanov to seven years on Monday. Prosecutors said "
    "the former akim had ordered his staff to leave the regional administration building "
    "unguarded during the January riots, and that rioters had then set it on fire. Nurlanov "
    "told the court he had been following instructions from the capital and that he had no "
    "way to defend the building. His lawyer said the sentence was harsh and that the family "
    "would appeal. Relatives of two guards who died in the fire attended the hearing and "
    "asked the judge for a longer term. The court also banned him from holding public office."
)
NURLANOV_OTHER = "Bolat Nurlanov was jailed for seven years in Taraz. He denies the charge."


def test_copies_of_one_article_count_once(engine: Engine) -> None:
    """Three documents tell of the verdict, two of them one article under two headlines."""
    a = doc("Former akim jailed\n" + NURLANOV_BODY, "a.txt")
    b = doc("Taraz court hands down seven years\n" + NURLANOV_BODY, "b.txt")
    c = doc(NURLANOV_OTHER, "c.txt")
    saved = [
        (
            d,
            [
                person(d, "Bolat Nurlanov"),
                verdict(d, surface, "Bolat Nurlanov", term=84, date="2022-11-21", city="Taraz"),
            ],
        )
        for d, surface in (
            (a, "sentenced Bolat Nurlanov to seven years"),
            (b, "sentenced Bolat Nurlanov to seven years"),
            (c, "Bolat Nurlanov was jailed for seven years"),
        )
    ]
    corpus = load(engine, *saved)
    assert corpus.copies() == [["a.txt", "b.txt"]]
    found = claims(corpus, find_conflicts(corpus), "verdict")
    assert len(found) == 1
    assert found[0].documents == ["a.txt", "b.txt", "c.txt"]
    assert found[0].independent == 2
    assert found[0].as_dict()["independent_sources"] == 2


# Timeline ----------------------------------------------------------------------------------

TL_ARREST_A = "Karim Masimov was arrested in Almaty. He was taken to a cell."
TL_ARREST_B = "Karim Massimov was detained in Almaty. The news spread quickly."
TL_PROTEST = "Drivers protested in Zhanaozen against the gas price. The crowd grew."
TL_REQUEST_A = "Tokayev asked the CSTO to send troops. The request was public."
TL_REQUEST_B = "The CSTO heard from Tokayev in the morning. Its council met."
TL_VERDICT = "A court in Taldykorgan sentenced Karim Masimov to 18 years. Few were allowed in."
TL_UNDATED = "Karim Masimov is serving 18 years, his family says. They visit him monthly."
TL_GROUP = "Seven men were sentenced in Taraz to five years each. All of them denied guilt."
TL_UNPLACED = "Almas Kaisar was given a fine, a friend wrote. No date was mentioned."


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, Corpus]]:
    """Arrest told twice (one day), a protest, a disputed request for troops, a verdict told
    as a verdict and as an event and again undated, a group verdict, an undated verdict."""
    engine = new_store("file", tmp_path_factory.mktemp("timeline"))
    a = doc(TL_ARREST_A, "a.txt", "2022-01-08")
    b = doc(TL_ARREST_B, "b.txt", "2022-01-09")
    c = doc(TL_PROTEST, "c.txt", "2022-01-03")
    d = doc(TL_REQUEST_A, "d.txt", "2022-01-06")
    e = doc(TL_REQUEST_B, "e.txt", "2022-01-07")
    f = doc(TL_VERDICT, "f.txt", "2023-04-25")
    g = doc(TL_UNDATED, "g.txt", "2023-06-01")
    h = doc(TL_GROUP, "h.txt", "2023-01-10")
    i = doc(TL_UNPLACED, "i.txt", "2023-01-10")
    masimov = "Karim Masimov"
    corpus = load(
        engine,
        (
            a,
            [
                person(a, masimov),
                event(a, "was arrested", "arrest", "2022-01-06", [masimov], "Almaty"),
            ],
        ),
        (
            b,
            [
                person(b, "Karim Massimov"),
                event(b, "was detained", "detention", "2022-01-06", ["Karim Massimov"], "Almaty"),
            ],
        ),
        (c, [event(c, "Drivers protested", "protest", "2022-01-02", [], "Zhanaozen")]),
        (
            d,
            [
                person(d, "Tokayev"),
                make_fact(d, "organization", "CSTO", {"name": "CSTO"}),
                event(d, "Tokayev asked", "statement", "2022-01-05", ["Tokayev", "CSTO"]),
            ],
        ),
        (
            e,
            [
                person(e, "Tokayev"),
                make_fact(e, "organization", "CSTO", {"name": "CSTO"}),
                event(e, "heard from Tokayev", "statement", "2022-01-06", ["CSTO", "Tokayev"]),
            ],
        ),
        (
            f,
            [
                person(f, masimov),
                verdict(
                    f,
                    "sentenced Karim Masimov",
                    masimov,
                    term=216,
                    date="2023-04-24",
                    city="Taldykorgan",
                ),
                event(f, "A court in Taldykorgan", "verdict", "2023-04-24", [masimov]),
            ],
        ),
        (g, [person(g, masimov), verdict(g, "is serving 18 years", masimov, term=216)]),
        (
            h,
            [
                make_fact(
                    h,
                    "verdict",
                    "Seven men were sentenced",
                    {"count": 7, "outcome": "prison", "term_months": 60, "date": "2022-12"},
                    extractor="verdicts.v1",
                ),
            ],
        ),
        (
            i,
            [
                person(i, "Almas Kaisar"),
                verdict(i, "was given a fine", "Almas Kaisar", outcome="fine"),
            ],
        ),
    )
    yield engine, corpus
    engine.dispose()


def summary(entries: list[Entry]) -> list[tuple[str, str, list[str]]]:
    return [(e.date, e.type, sorted({r.doc_name for r in e.reports})) for e in entries]


ALL = [
    ("2022-01-02", "protest", ["c.txt"]),
    ("2022-01-05", "statement", ["d.txt"]),
    ("2022-01-06", "arrest", ["a.txt", "b.txt"]),
    ("2022-01-06", "statement", ["e.txt"]),
    ("2022-12", "verdict", ["h.txt"]),
    ("2023-04-24", "verdict", ["f.txt", "g.txt"]),
]


def test_timeline_merges_and_orders_every_document(story: tuple[Engine, Corpus]) -> None:
    """One entry per happening and day, by date; an undated verdict joins its dated twin,
    a verdict event is not listed beside its verdict, an undated lone verdict is left out."""
    engine, corpus = story
    assert summary(timeline(engine, corpus)) == ALL


def test_timeline_verdict_titles(story: tuple[Engine, Corpus]) -> None:
    engine, corpus = story
    titles = [e.title for e in timeline(engine, corpus) if e.type == "verdict"]
    assert titles[0] == "Verdict: 7 people, prison, 5 years"
    assert titles[1].endswith("prison, 18 years")
    assert "Masimov" in titles[1]


def test_timeline_disputed_dates_name_each_other(story: tuple[Engine, Corpus]) -> None:
    engine, corpus = story
    statements = [e for e in timeline(engine, corpus) if e.type == "statement"]
    assert [(e.date, e.disputed) for e in statements] == [
        ("2022-01-05", ["2022-01-06"]),
        ("2022-01-06", ["2022-01-05"]),
    ]
    arrest = next(e for e in timeline(engine, corpus) if e.type == "arrest")
    assert arrest.disputed == []
    assert arrest.places == ["Almaty"]
    assert arrest.as_dict()["independent_sources"] == 2
    assert arrest.as_dict()["documents"] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Almaty", ["arrest"]),
        ("almaty", ["arrest"]),
        ("Zhanaozen", ["protest"]),
        ("Taldykorgan", ["verdict"]),
        ("Aktobe", []),
    ],
)
def test_timeline_by_place(story: tuple[Engine, Corpus], place: str, expected: list[str]) -> None:
    engine, corpus = story
    assert [e.type for e in timeline(engine, corpus, place=place)] == expected


def test_person_query_in_another_alphabet_finds_the_entity(
    story: tuple[Engine, Corpus],
) -> None:
    engine, _ = story
    assert [e["name"] for e in find_entities(engine, "Масимов", "person")] in (
        ["Karim Masimov"],
        ["Karim Massimov"],
    )


@pytest.mark.parametrize("who", ["Масимов", "Karim Massimov", "Karim Masimov", "Massimov"])
def test_timeline_by_person_in_any_spelling(story: tuple[Engine, Corpus], who: str) -> None:
    engine, corpus = story
    assert summary(timeline(engine, corpus, person=who)) == [
        ("2022-01-06", "arrest", ["a.txt", "b.txt"]),
        ("2023-04-24", "verdict", ["f.txt", "g.txt"]),
    ]


def test_timeline_by_person_of_a_statement(story: tuple[Engine, Corpus]) -> None:
    engine, corpus = story
    assert [e.date for e in timeline(engine, corpus, person="Tokayev")] == [
        "2022-01-05",
        "2022-01-06",
    ]
    assert timeline(engine, corpus, person="Nobody Atall") == []
    assert timeline(engine, corpus, person="Almas Kaisar") == []


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2022-01-06", "2022-01-06", ALL[2:4]),
        ("2022-01-06", None, ALL[2:]),
        (None, "2022-01-05", ALL[:2]),
        ("2023", None, ALL[5:]),
        ("2022-01", "2022-01", ALL[:4]),
        ("2022-12-31", "2022-12-31", ALL[4:5]),
        ("2022-02", "2022-11", []),
    ],
)
def test_timeline_by_dates(
    story: tuple[Engine, Corpus],
    since: str | None,
    until: str | None,
    expected: list[tuple[str, str, list[str]]],
) -> None:
    engine, corpus = story
    assert summary(timeline(engine, corpus, since=since, until=until)) == expected


@pytest.mark.parametrize(("since", "until"), [("2022-02", "2022-01"), ("soon", None)])
def test_timeline_rejects_impossible_bounds(
    story: tuple[Engine, Corpus], since: str, until: str | None
) -> None:
    engine, corpus = story
    with pytest.raises(ValueError):
        timeline(engine, corpus, since=since, until=until)


def test_since_after_until_says_so(story: tuple[Engine, Corpus]) -> None:
    engine, corpus = story
    with pytest.raises(ValueError, match="after until"):
        timeline(engine, corpus, since="2022-01-10", until="2022-01-05")


# Arguments ---------------------------------------------------------------------------------


def test_unknown_about_or_kind_is_refused(story: tuple[Engine, Corpus]) -> None:
    _, corpus = story
    with pytest.raises(ValueError, match="figure, verdict, event") as about:
        find_conflicts(corpus, about="nope")
    assert "'nope'" in str(about.value)
    with pytest.raises(ValueError, match="conflict, divergence, revision"):
        find_conflicts(corpus, kind="nope")
    with pytest.raises(ValueError, match="figure, verdict, event"):
        claims(corpus, [], "nope")


def test_filters_select_findings(story: tuple[Engine, Corpus]) -> None:
    _, corpus = story
    assert [(f.kind, f.about) for f in find_conflicts(corpus)] == [("conflict", "event")]
    assert find_conflicts(corpus, about="event", kind="conflict") == find_conflicts(corpus)
    assert find_conflicts(corpus, about="figure") == []
    assert find_conflicts(corpus, kind="revision") == []


# Series and chart --------------------------------------------------------------------------

SERIES_A = "On 10 January officials said 225 people had died. More may be found."
SERIES_B = "At least 238 people were killed, a rights group says. It keeps a list."
SERIES_C = "By 20 August the official toll was 238. The list was closed."


@pytest.fixture
def toll(engine: Engine) -> Corpus:
    a = doc(SERIES_A, "a.txt", "2022-01-12")
    b = doc(SERIES_B, "b.txt", "2022-01-20")
    c = doc(SERIES_C, "c.txt", "2022-08-21")
    return load(
        engine,
        (c, [figure(c, "toll was 238", 238, as_of="2022-08-20")]),
        (a, [figure(a, "225 people had died", 225, as_of="2022-01-10")]),
        (
            b,
            [
                figure(
                    b,
                    "238 people were killed",
                    238,
                    qualifier="at least",
                    source_type="independent",
                ),
                figure(b, "rights group", "many", measure="injured", source_type="independent"),
            ],
        ),
    )


def test_series_points_in_time_order(toll: Corpus) -> None:
    points = series(toll, "deaths")
    assert [(p["date"], p["dated_by"], p["value"], p["doc_name"]) for p in points] == [
        ("2022-01-10", "as_of", "225", "a.txt"),
        ("2022-01-20", "published", "at least 238", "b.txt"),
        ("2022-08-20", "as_of", "238", "c.txt"),
    ]
    assert [(p["low"], p["high"]) for p in points] == [(225, 225), (238, None), (238, 238)]
    assert [p["source_type"] for p in points] == ["official", "independent", "official"]
    assert series(toll, "injured") == []
    assert series(toll, "nope") == []


@pytest.mark.parametrize(("suffix", "check"), [(".png", b"\x89PNG"), (".svg", b"<svg")])
def test_plot_series_writes_the_chart(
    toll: Corpus, tmp_path: Path, suffix: str, check: bytes
) -> None:
    path = tmp_path / "charts" / f"deaths{suffix}"
    assert plot_series(series(toll, "deaths"), "deaths", path) == path
    data = path.read_bytes()
    assert data
    if suffix == ".png":
        assert data.startswith(check)
    else:
        assert check in data


def test_plot_series_refuses_other_formats_and_nothing_to_draw(
    toll: Corpus, tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="PNG or SVG"):
        plot_series(series(toll, "deaths"), "deaths", tmp_path / "deaths.jpg")
    with pytest.raises(ValueError, match="nothing to draw"):
        plot_series([], "deaths", tmp_path / "deaths.png")
    assert not (tmp_path / "deaths.jpg").exists()
    assert not (tmp_path / "deaths.png").exists()


def test_the_series_marks_counts_of_one_place_so_the_chart_leaves_them_out(
    engine: Engine,
) -> None:
    from qantar.analyze.series import series

    corpus = deaths(engine, {"scope": {"place": "Almaty", "period": None}}, {})
    marked = {point["value"]: point["whole_case"] for point in series(corpus, "deaths")}
    assert marked == {"225": False, "238": True}
