"""Reviewers in the browser, without a browser: sign in and out, accept, reject and correct facts
through the HTML forms, merge and split people, CSRF and sign-in checks, and escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from qantar.publish.people import people
from qantar.resolve import resolve
from qantar.store import list_facts, open_store, save_document
from qantar.store.queries import get_fact
from qantar.store.resolution import list_decisions
from qantar.store.reviews import list_reviews
from qantar.web import create_app

from ..store.helpers import make_doc, make_fact, person
from .helpers import (
    CSRF_FIELD,
    SECRET,
    Reviewer,
    TestClient,
    cells,
    form_fields,
    form_token,
    main_text,
    parse,
    session,
    sign_in,
    sign_out,
    table_rows,
    text_of,
)


def verdict_of(engine: Engine, city: str | None, defendant: str) -> dict[str, Any]:
    found = [
        f
        for f in list_facts(engine, "verdict")
        if f["record"].get("city") == city and f["record"].get("defendant") == defendant
    ]
    assert len(found) == 1, found
    return found[0]


@pytest.fixture
def masimov(engine: Engine) -> dict[str, Any]:
    """Masimov's verdict as Eurasianet reports it: 18 years (216 months), Astana."""
    return verdict_of(engine, "Astana", "Karim Masimov")


def page(client: TestClient, url: str, status: int = 200) -> str:
    answer = client.get(url)
    assert answer.status_code == status, f"{url}: {answer.status_code} {answer.text[:300]}"
    return answer.text


def press(client: TestClient, fact_id: str, action: str, note: str = "") -> Any:
    """Press Accept or Reject on the fact's page (the form's own token)."""
    url = f"/facts/{fact_id}/review"
    fields = form_fields(page(client, f"/facts/{fact_id}"), url, 0)
    return client.post(url, data={**fields, "action": action, "note": note}, follow_redirects=False)


def correct(client: TestClient, fact_id: str, note: str = "", **changes: str) -> Any:
    """Fill in the correction form (every box starts with the current value) and save it."""
    url = f"/facts/{fact_id}/review"
    fields = form_fields(page(client, f"/facts/{fact_id}"), url, 1)
    assert fields["action"] == "correct"
    for name, value in changes.items():
        assert f"field.{name}" in fields, f"the form has no box for {name}"
        fields[f"field.{name}"] = value
    return client.post(url, data={**fields, "note": note}, follow_redirects=False)


def verdict_row(html: str, fact_id: str) -> list[str] | None:
    for row in table_rows(html):
        if row.xpath(f".//a[@href='/facts/{fact_id}']"):
            return cells(row)
    return None


def api_row(client: TestClient, fact_id: str) -> dict[str, Any] | None:
    rows = client.get("/api/v1/verdicts").json()["rows"]
    return next((r for r in rows if r["fact_id"] == fact_id), None)


def audit_log(html: str) -> list[list[str]]:
    """The fact's audit log, a cell's lines (``<br>``) joined by spaces."""
    tables = parse(html).xpath("//table[@class='log']")
    rows = tables[0].xpath("./tbody/tr") if tables else []
    return [[" ".join(" ".join(td.itertext()).split()) for td in row.xpath("./td")] for row in rows]


def error_of(html: str) -> str:
    return text_of(parse(html).xpath("//p[@role='alert']")[0])


# --- signing in and out ---------------------------------------------------------------------


def test_wrong_password_is_refused(client: TestClient, reviewer: Reviewer) -> None:
    for name, password in [(reviewer.name, "not the password"), ("nobody", reviewer.password)]:
        answer = sign_in(client, name, password)
        assert answer.status_code == 401
        assert "do not match a reviewer" in error_of(answer.text)
        assert parse(answer.text).xpath("//form[@action='/signin']"), "the form is shown again"
        assert session(client)["user"] is None
    assert "Reviewer sign-in" in page(client, "/")


def test_right_password_signs_in(client: TestClient, reviewer: Reviewer) -> None:
    before = session(client)["csrf_token"]
    answer = sign_in(client, reviewer.name, reviewer.password, next="/verdicts")
    assert answer.status_code == 303 and answer.headers["location"] == "/verdicts"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    now = session(client)
    assert now["user"] == reviewer.name
    assert now["csrf_token"] != before, "signing in gives a fresh token"
    header = text_of(parse(page(client, "/verdicts")).xpath("//header")[0])
    assert f"Reviewer: {reviewer.name}" in header


def test_sign_in_form_needs_its_token(client: TestClient, reviewer: Reviewer) -> None:
    page(client, "/signin")
    data = {"name": reviewer.name, "password": reviewer.password, "next": "/"}
    answer = client.post("/signin", data={**data, CSRF_FIELD: "forged"}, follow_redirects=False)
    assert answer.status_code == 403
    assert "did not come from this site" in error_of(answer.text)
    for missing in ({**data, CSRF_FIELD: ""}, data):  # a missing token is a forged form
        answer = client.post("/signin", data=missing, follow_redirects=False)
        assert answer.status_code == 403 and "did not come from this site" in error_of(answer.text)
    assert session(client)["user"] is None


def test_sign_in_never_sends_the_reviewer_elsewhere(client: TestClient, reviewer: Reviewer) -> None:
    answer = sign_in(client, reviewer.name, reviewer.password, next="https://evil.example/")
    assert answer.status_code == 303 and answer.headers["location"] == "/"


def test_sign_out_ends_the_session(
    signed_in: TestClient, engine: Engine, masimov: dict[str, Any]
) -> None:
    url = f"/facts/{masimov['id']}/review"
    stale = form_fields(page(signed_in, f"/facts/{masimov['id']}"), url)
    answer = sign_out(signed_in)
    assert answer.status_code == 303 and answer.headers["location"] == "/"
    assert session(signed_in)["user"] is None
    html = page(signed_in, f"/facts/{masimov['id']}")
    assert not parse(html).xpath("//form[contains(@action, '/review')]")
    # A form loaded before signing out no longer works: its token died with the session.
    answer = signed_in.post(url, data={**stale, "action": "reject"}, follow_redirects=False)
    assert answer.status_code == 403
    assert list_reviews(engine) == []


# --- writes need a reviewer and the session's token -----------------------------------------


def test_writes_without_sign_in_are_refused(
    client: TestClient, engine: Engine, masimov: dict[str, Any]
) -> None:
    token = session(client)["csrf_token"]  # a reader's session has a valid token too
    answer = client.post(
        f"/facts/{masimov['id']}/review",
        data={CSRF_FIELD: token, "action": "reject"},
        follow_redirects=False,
    )
    assert answer.status_code == 401
    assert "sign in as a reviewer" in error_of(answer.text)
    answer = client.post(
        "/people/Karim Massimov/merge",
        data={CSRF_FIELD: token, "other": "Kassym-Jomart Tokayev"},
        follow_redirects=False,
    )
    assert answer.status_code == 401
    answer = client.post(
        "/people/Karim Massimov/split",
        data={CSRF_FIELD: token, "record": masimov["id"]},
        follow_redirects=False,
    )
    assert answer.status_code == 401
    assert list_reviews(engine) == [] and list_decisions(engine) == []
    assert verdict_row(page(client, "/verdicts"), masimov["id"]) is not None


@pytest.mark.parametrize("token", ["wrong", "", None], ids=["wrong", "blank", "missing"])
def test_writes_without_the_token_are_refused(
    signed_in: TestClient, engine: Engine, masimov: dict[str, Any], token: str | None
) -> None:
    data = {"action": "reject"} if token is None else {CSRF_FIELD: token, "action": "reject"}
    answer = signed_in.post(f"/facts/{masimov['id']}/review", data=data, follow_redirects=False)
    assert answer.status_code == 403
    assert "reload the page" in error_of(answer.text)
    answer = signed_in.post(
        f"/people/{people(engine)[0]['id']}/merge",
        data={**data, "other": "Kassym-Jomart Tokayev"},
        follow_redirects=False,
    )
    assert answer.status_code == 403  # a missing token is a forged form
    assert list_reviews(engine) == [] and list_decisions(engine) == []
    assert verdict_row(page(signed_in, "/verdicts"), masimov["id"]) is not None


def test_a_token_from_before_sign_in_is_worthless(
    client: TestClient, reviewer: Reviewer, engine: Engine, masimov: dict[str, Any]
) -> None:
    old = session(client)["csrf_token"]
    assert sign_in(client, reviewer.name, reviewer.password).status_code == 303
    answer = client.post(
        f"/facts/{masimov['id']}/review",
        data={CSRF_FIELD: old, "action": "reject"},
        follow_redirects=False,
    )
    assert answer.status_code == 403
    assert list_reviews(engine) == []


# --- accept, reject, correct ----------------------------------------------------------------


def test_accept(signed_in: TestClient, engine: Engine, masimov: dict[str, Any]) -> None:
    answer = press(signed_in, masimov["id"], "accept", note="checked the court's release")
    assert answer.status_code == 303 and answer.headers["location"] == f"/facts/{masimov['id']}"
    html = page(signed_in, answer.headers["location"])
    assert text_of(parse(html).xpath("//h1/span[contains(@class, 'status')]")[0]) == "accepted"
    assert audit_log(html) == [
        [
            audit_log(html)[0][0],
            "ana",
            "accept",
            "extracted",
            "accepted",
            "checked the court's release",
        ]
    ]
    assert "accepted" in verdict_row(page(signed_in, "/verdicts"), masimov["id"])[1]
    # Accepting twice changes nothing and says so; nothing more is stored.
    again = press(signed_in, masimov["id"], "accept")
    assert again.status_code == 400
    assert "is already accepted; nothing changed" in error_of(again.text)
    assert len(list_reviews(engine)) == 1
    reviews = table_rows(page(signed_in, "/reviews"), 0)
    assert [cells(r)[1:5] for r in reviews] == [
        ["ana", f"verdict {masimov['id']}", "accept", "extracted → accepted"]
    ]


def test_correct_a_verdict(signed_in: TestClient, engine: Engine, masimov: dict[str, Any]) -> None:
    fact_id = masimov["id"]
    answer = correct(
        signed_in, fact_id, note="17 years on appeal", term_months="204", city="Almaty"
    )
    assert answer.status_code == 303, error_of(answer.text)
    # Only the two boxes changed: every other field keeps its value and its type.
    stored = get_fact(engine, fact_id)
    assert stored is not None
    assert stored["record"] == {**masimov["record"], "term_months": 204, "city": "Almaty"}
    assert stored["extracted_record"] == masimov["record"]
    assert stored["review"]["status"] == "corrected"

    row = verdict_row(page(signed_in, "/verdicts"), fact_id)
    assert row is not None and row[3] == "17 years" and row[4] == "Almaty"
    assert "corrected" in row[1]
    assert verdict_row(page(signed_in, "/verdicts?city=Almaty"), fact_id) is not None
    assert verdict_row(page(signed_in, "/verdicts?city=Astana"), fact_id) is None
    data = api_row(signed_in, fact_id)
    assert data is not None
    assert (data["term_months"], data["term"], data["city"]) == (204, "17 years", "Almaty")
    assert data["review"]["status"] == "corrected" and data["review"]["by"] == "ana"
    assert "204" in signed_in.get("/verdicts.csv?city=Almaty").text

    html = page(signed_in, f"/facts/{fact_id}")
    record = {
        text_of(r.xpath("./th")[0]): [text_of(td) for td in r.xpath("./td")]
        for r in parse(html).xpath("//table[@class='record']/tbody/tr")
    }
    assert record["term_months"] == ["204", "extracted: 216"]
    assert record["city"] == ["Almaty", "extracted: Astana"]
    assert record["defendant"] == ["Karim Masimov", ""]
    (entry,) = audit_log(html)
    assert entry[1:3] == ["ana", "correct"]
    assert entry[3] == "extracted term_months: 216 city: Astana"
    assert entry[4] == "corrected term_months: 204 city: Almaty"
    assert entry[5] == "17 years on appeal"
    # Readers see the correction too.
    with TestClient(signed_in.app) as reader:
        assert verdict_row(page(reader, "/verdicts"), fact_id)[3] == "17 years"


def test_correcting_again_and_back(
    signed_in: TestClient, engine: Engine, masimov: dict[str, Any]
) -> None:
    assert correct(signed_in, masimov["id"], city="Almaty").status_code == 303
    assert correct(signed_in, masimov["id"], city="Astana").status_code == 303
    fact = get_fact(engine, masimov["id"])
    assert fact is not None and fact["record"] == masimov["record"]
    assert "extracted_record" not in fact, "back to the extracted record"
    html = page(signed_in, f"/facts/{masimov['id']}")
    log = audit_log(html)
    assert [e[3] for e in log] == ["extracted city: Astana", "corrected city: Almaty"]
    assert [e[4] for e in log] == ["corrected city: Almaty", "corrected city: Astana"]


def test_correcting_a_term_range_keeps_its_numbers(signed_in: TestClient, engine: Engine) -> None:
    """A verdict of 4 to 8 years: its range box reads "48; 96"; saving the form unchanged but
    for the city must keep the range a range of numbers."""
    fact = verdict_of(engine, None, "Aigerim Tleuzhanova")
    assert fact["record"]["term_range"] == [48, 96]
    assert correct(signed_in, fact["id"], city="Almaty").status_code == 303
    stored = get_fact(engine, fact["id"])
    assert stored is not None
    assert stored["record"] == {**fact["record"], "city": "Almaty"}
    assert verdict_row(page(signed_in, "/verdicts"), fact["id"])[3] == "4–8 years"


@pytest.mark.parametrize(
    ("city", "defendant", "changes", "message"),
    [
        # Masimov's term is 216 months; Tleuzhanova's is a range, so her term_months box is
        # empty, and it still takes only a whole number.
        ("Astana", "Karim Masimov", {"term_months": "eighteen"}, "write a whole number"),
        (None, "Aigerim Tleuzhanova", {"term_months": "eighteen years"}, "write a whole number"),
        (None, "Aigerim Tleuzhanova", {"term_range": "4; eight"}, "term_range: write a whole"),
        (None, "Aigerim Tleuzhanova", {"pleaded_guilty": "perhaps"}, "pleaded_guilty: write true"),
        (None, "Aigerim Tleuzhanova", {}, "the corrected record is the same as the one shown"),
    ],
)
def test_a_bad_correction_stores_nothing(
    signed_in: TestClient,
    engine: Engine,
    city: str | None,
    defendant: str,
    changes: dict[str, str],
    message: str,
) -> None:
    fact = verdict_of(engine, city, defendant)
    answer = correct(signed_in, fact["id"], **changes)
    assert answer.status_code == 400
    assert message in error_of(answer.text)
    assert "Traceback" not in answer.text
    assert parse(answer.text).xpath("//form[@id='correct']"), "the form is there to try again"
    assert list_reviews(engine) == []
    stored = get_fact(engine, fact["id"])
    assert stored is not None and stored["record"] == fact["record"]
    assert "Traceback" not in page(signed_in, "/verdicts?sort=term")


def test_reject_hides_the_fact_and_accept_restores_it(
    signed_in: TestClient, app: Any, engine: Engine, masimov: dict[str, Any]
) -> None:
    fact_id, doc_id = masimov["id"], masimov["doc_id"]
    answer = press(signed_in, fact_id, "reject", note="duplicate report")
    assert answer.status_code == 303

    with TestClient(app) as reader:
        for client in (signed_in, reader):
            assert verdict_row(page(client, "/verdicts"), fact_id) is None
            assert api_row(client, fact_id) is None
            assert fact_id not in client.get("/verdicts.csv").text
            html = page(client, f"/facts/{fact_id}")  # kept, and says why it is not listed
            assert "A reviewer rejected this fact" in main_text(html)
            assert "rejected" in text_of(parse(html).xpath("//h1")[0])
            assert client.get(f"/api/v1/facts/{fact_id}").json()["review"]["status"] == "rejected"
        # A reader's document page leaves it out; the reviewer's shows it struck.
        assert not parse(page(reader, f"/documents/{doc_id}")).xpath(f"//li[@id='fact-{fact_id}']")
        facts = reader.get(f"/api/v1/documents/{doc_id}").json()["facts"]
        assert fact_id not in {f["id"] for f in facts}
        shown = parse(page(signed_in, f"/documents/{doc_id}")).xpath(f"//li[@id='fact-{fact_id}']")
        assert len(shown) == 1 and "rejected" in shown[0].get("class").split()
        assert "rejected" in text_of(shown[0])

        answer = press(signed_in, fact_id, "accept", note="not a duplicate after all")
        assert answer.status_code == 303
        for client in (signed_in, reader):
            row = verdict_row(page(client, "/verdicts"), fact_id)
            assert row is not None and "accepted" in row[1]
            assert api_row(client, fact_id) is not None
            assert parse(page(client, f"/documents/{doc_id}")).xpath(f"//li[@id='fact-{fact_id}']")
    html = page(signed_in, f"/facts/{fact_id}")
    assert [e[2:5] for e in audit_log(html)] == [
        ["reject", "extracted", "rejected"],
        ["accept", "rejected", "accepted"],
    ]


# --- merge and split ------------------------------------------------------------------------


def person_names(client: TestClient) -> list[str]:
    return [cells(r)[0] for r in table_rows(page(client, "/people"))]


def test_merge_and_split_through_the_dossier(signed_in: TestClient, engine: Engine) -> None:
    (first,) = people(engine, name="Alibek Imanbekov")
    (second,) = people(engine, name="Anvar Sadykulov")
    count = len(person_names(signed_in))
    url = f"/people/{first['id']}/merge"
    fields = form_fields(page(signed_in, f"/people/{first['id']}"), url)
    answer = signed_in.post(
        url, data={**fields, "other": "Anvar Sadykulov", "note": "one man"}, follow_redirects=False
    )
    assert answer.status_code == 303
    html = page(signed_in, answer.headers["location"])
    spellings = text_of(parse(html).xpath("//dl/dd[1]")[0])
    assert "Alibek Imanbekov" in spellings and "Anvar Sadykulov" in spellings
    assert len(person_names(signed_in)) == count - 1
    assert "merge:" in main_text(html) and "one man" in main_text(html)
    merged_id = text_of(parse(html).xpath("//h1/span[contains(@class, 'id')]")[0])
    reviews = main_text(page(signed_in, "/reviews"))
    assert "Merges and splits (1)" in reviews and "one man" in reviews

    # Split Sadykulov's record back out, ticking its box on the merged dossier.
    url = f"/people/{merged_id}/split"
    form = parse(html).xpath(f"//form[@action='{url}']")[0]
    boxes = form.xpath(".//label[contains(., 'Anvar Sadykulov')]/input[@name='record']/@value")
    assert len(boxes) == 1
    answer = signed_in.post(
        url,
        data={CSRF_FIELD: form_token(html), "record": boxes, "note": "two men"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    html = page(signed_in, answer.headers["location"])
    assert text_of(parse(html).xpath("//h1")[0]).startswith("Anvar Sadykulov")
    names = person_names(signed_in)
    assert len(names) == count and {"Alibek Imanbekov", "Anvar Sadykulov"} <= set(names)
    reviews = main_text(page(signed_in, "/reviews"))
    assert "Merges and splits (2)" in reviews and "split from" in reviews
    assert [d["action"] for d in list_decisions(engine)] == ["merge", "split"]
    # Merged, the entity kept one of the two ids; split, each has its own id back.
    assert merged_id in (first["id"], second["id"])
    after = {p["name"]: p["id"] for p in people(engine)}
    assert (after["Alibek Imanbekov"], after["Anvar Sadykulov"]) == (first["id"], second["id"])


def test_a_bad_merge_is_a_plain_error(signed_in: TestClient, engine: Engine) -> None:
    (first,) = people(engine, name="Alibek Imanbekov")
    url = f"/people/{first['id']}/merge"
    fields = form_fields(page(signed_in, f"/people/{first['id']}"), url)
    answer = signed_in.post(url, data={**fields, "other": "Nobody Atall"}, follow_redirects=False)
    assert answer.status_code == 400
    assert "no people match 'Nobody Atall'" in error_of(answer.text)
    answer = signed_in.post(url, data={**fields, "other": first["id"]}, follow_redirects=False)
    assert answer.status_code == 400 and "nothing to merge" in error_of(answer.text)
    assert list_decisions(engine) == []


# --- untrusted text is escaped --------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def hostile(tmp_path: Path) -> Any:
    """A store whose article text, title and a person's name carry a script tag."""
    engine = open_store(f"sqlite:///{tmp_path / 'hostile.db'}")
    text = (
        f"Ivan {SCRIPT}Petrov was detained in Almaty. "
        f'He said: "free {SCRIPT} everyone". Ivan Petrov denied it.'
    )
    doc = make_doc(text, "hostile.txt", title=f"Report {SCRIPT}")
    facts = [
        person(doc, f"Ivan {SCRIPT}Petrov"),
        person(doc, "Ivan Petrov"),
        make_fact(doc, "quote", f"free {SCRIPT} everyone", {"text": f"free {SCRIPT} everyone"}),
    ]
    save_document(engine, doc, facts, "test")
    resolve(engine)
    yield engine, doc, facts
    engine.dispose()


def test_untrusted_text_is_escaped(hostile: Any) -> None:
    engine, doc, facts = hostile
    with TestClient(create_app(engine, SECRET)) as client:
        for url in (f"/documents/{doc.id}", "/people", "/documents", "/search?q=Petrov", "/"):
            html = page(client, url)
            assert SCRIPT not in html and "<script>alert" not in html, url
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url
            for script in parse(html).xpath("//script"):
                assert script.get("src") == "/static/filters.js"
        for entity in people(engine):
            html = page(client, f"/people/{entity['id']}")
            assert SCRIPT not in html
        html = page(client, f"/facts/{facts[2].id}")
        assert SCRIPT not in html and "&lt;script&gt;" in html
        # The JSON API gives the text as it is; a JSON body is not HTML.
        data = client.get(f"/api/v1/documents/{doc.id}").json()
        assert data["document"]["title"] == f"Report {SCRIPT}"
