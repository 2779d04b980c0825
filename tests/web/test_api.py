"""The JSON API: every route answers with the data its page shows, the OpenAPI document lists
every path, and every error has one shape."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from .helpers import cells, main_text, parse, session, sign_in, table_rows, text_of

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from .helpers import Reviewer

API = "/api/v1"

ROUTES = [
    "/overview",
    "/search?q=Masimov",
    "/people",
    "/people?kind=organization",
    "/people/Karim%20Massimov",
    "/verdicts",
    "/victims",
    "/figures",
    "/figures/deaths",
    "/conflicts",
    "/timeline",
    "/map",
    "/documents",
    "/documents/004_373ad7b1365f506c.txt",
    "/reviews",
    "/session",
]

PATHS = {
    "/overview",
    "/search",
    "/people",
    "/people/{ref}",
    "/verdicts",
    "/victims",
    "/figures",
    "/figures/{measure}",
    "/conflicts",
    "/timeline",
    "/map",
    "/documents",
    "/documents/{ref}",
    "/facts/{fact_id}",
    "/facts/{fact_id}/review",
    "/reviews",
    "/session",
}


def get_json(client: TestClient, url: str, status: int = 200) -> Any:
    answer = client.get(API + url)
    assert answer.status_code == status, f"{url}: {answer.status_code} {answer.text[:300]}"
    assert answer.headers["content-type"] == "application/json"
    return answer.json()


def html_of(client: TestClient, url: str) -> str:
    answer = client.get(url)
    assert answer.status_code == 200, f"{url}: {answer.status_code}"
    return answer.text


def assert_error(answer: Any, status: int, code: str, words: str = "") -> dict[str, Any]:
    """The one error shape, with this status and code; its ``error`` object."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert list(body) == ["error"]
    error: dict[str, Any] = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and words in error["message"]
    return error


@pytest.mark.parametrize("url", ROUTES)
def test_every_route_answers_json(reader: TestClient, url: str) -> None:
    found = get_json(reader, url)
    assert found or url == "/victims"


def test_openapi_lists_every_path(reader: TestClient) -> None:
    document = get_json(reader, "/openapi.json")
    assert set(document["paths"]) == {API + path for path in PATHS}
    assert set(document["paths"][API + "/facts/{fact_id}/review"]) == {"post"}
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert operation.get("summary"), f"{path} has no summary"
            assert set(operation["responses"]) >= {"200", "400", "404", "422"}
    schemas = document["components"]["schemas"]
    assert set(schemas["ErrorBody"]["properties"]) == {"error"}
    assert set(schemas["ErrorDetail"]["properties"]) == {"status", "code", "message", "details"}


def test_api_reference_page_lists_every_path(reader: TestClient) -> None:
    """The reference is a page of ours (no Swagger UI from a CDN): every path, its summary."""
    html = html_of(reader, "/api")
    rows = table_rows(html)
    listed = {(cells(r)[0], cells(r)[1]) for r in rows}
    expected = {("GET", API + p) for p in PATHS if not p.endswith("/review")}
    assert listed == expected | {("POST", API + "/facts/{fact_id}/review")}
    assert all(cells(r)[2] for r in rows)
    assert reader.get(API + "/docs").status_code == 404


def test_pages_are_not_in_the_api_document(reader: TestClient) -> None:
    paths = get_json(reader, "/openapi.json")["paths"]
    assert not [p for p in paths if not p.startswith(API)]


# --- the same data as the pages -------------------------------------------------------------


def test_overview(reader: TestClient) -> None:
    data = get_json(reader, "/overview")
    counts = data["counts"]
    assert counts["documents"] == 5
    assert counts["verdicts"] == len(get_json(reader, "/verdicts")["rows"])
    assert counts["findings"] == len(get_json(reader, "/conflicts")["findings"])
    text = main_text(html_of(reader, "/"))
    for name in ("documents", "people", "verdicts", "facts"):
        assert f"{counts[name]} {name}" in text
    assert f"{counts['named_dead']} named dead" in text
    assert data["people"][0]["name"] == "Karim Massimov"


@pytest.mark.parametrize("words", ["Masimov", "Масимов"])
def test_search(reader: TestClient, words: str) -> None:
    data = get_json(reader, f"/search?q={words}")
    assert data["query"] == words
    assert [p["name"] for p in data["people"]] == ["Karim Massimov"]
    tree = parse(html_of(reader, f"/search?q={words}"))
    fact_links = tree.xpath(
        "//main/h2[starts-with(., 'Facts')]/following-sibling::ul[1]/li/a/@href"
    )
    assert fact_links == [f"/facts/{f['id']}" for f in data["facts"]]
    assert f"Facts ({data['facts_found']})" in text_of(tree)
    docs = tree.xpath("//main/h2[starts-with(., 'Articles')]/following-sibling::ul[1]/li/a/@href")
    assert docs == [f"/documents/{d['id']}" for d in data["documents"]]


def test_people(reader: TestClient) -> None:
    for query in ("", "?kind=organization", "?name=tokayev"):
        data = get_json(reader, "/people" + query)
        names = [cells(r)[0] for r in table_rows(html_of(reader, "/people" + query))]
        assert [p["name"] for p in data] == names
    assert get_json(reader, "/people?name=tokayev")[0]["spellings"] == [
        "Kassym-Jomart Tokayev",
        "Kassym-Zhomart Tokayev",
        "Tokayev",
    ]


def test_person(reader: TestClient) -> None:
    by_name = get_json(reader, "/people/Karim%20Massimov")
    by_kazakh = get_json(reader, "/people/Мәсімов")
    entity = by_name["entity"]
    assert by_kazakh["entity"]["id"] == entity["id"]
    assert get_json(reader, f"/people/{entity['id']}") == by_name
    assert set(entity["spellings"]) >= {"Karim Massimov", "Karim Masimov", "Masimov"}
    assert len(by_name["records"]) >= 4
    html = html_of(reader, f"/people/{entity['id']}")
    assert f"What the sources say ({len(by_name['facts'])})" in main_text(html)
    links = parse(html).xpath("//ol[@class='dossier']/li/a[starts-with(@href, '/facts/')]/@href")
    assert links == [f"/facts/{f['fact_id']}" for f in by_name["facts"]]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?city=Almaty",
        "?charge=treason",
        "?person=Масимов",
        "?outcome=prison&sort=term&descending=true",
        "?since=2023-01&until=2023-12&sort=defendant",
        "?sort=document&descending=true",
    ],
)
def test_verdicts_match_the_table(reader: TestClient, query: str) -> None:
    data = get_json(reader, "/verdicts" + query)
    html = html_of(reader, "/verdicts" + query)
    rows = table_rows(html)
    assert len(data["rows"]) == len(rows) == int(re.search(r"(\d+) verdicts", main_text(html))[1])
    shown = [row.xpath("./td[2]/a/@href")[0].removeprefix("/facts/") for row in rows]
    assert [r["fact_id"] for r in data["rows"]] == shown
    assert [r["city"] or "" for r in data["rows"]] == [cells(row)[4] for row in rows]
    assert [r["term"] for r in data["rows"]] == [cells(row)[3] for row in rows]


def test_verdict_filters_and_choices(reader: TestClient) -> None:
    data = get_json(reader, "/verdicts?charge=treason&sort=term&descending=true")
    assert data["filters"]["charge"] == "treason" and data["filters"]["descending"] is True
    assert all(any("treason" in c for c in r["charges"]) for r in data["rows"])
    # Both reports that name a charge; the third report of his verdict names none.
    assert [r["defendant"] for r in data["rows"][:2]] == ["Karim Masimov"] * 2
    assert "Almaty" in data["choices"]["cities"]  # choices come from every verdict
    assert data["choices"]["sorts"] == ["date", "defendant", "city", "outcome", "term", "document"]
    documents = [r["document"] for r in get_json(reader, "/verdicts?sort=document")["rows"]]
    assert documents == sorted(documents)


def test_victims(reader: TestClient) -> None:
    data = get_json(reader, "/victims")
    names = [cells(r)[0] for r in table_rows(html_of(reader, "/victims"))]
    assert len(data) == len(names) >= 1
    assert all(v["name"] in shown for v, shown in zip(data, names, strict=True))
    assert all(v["sources"] for v in data)


def test_figures(reader: TestClient) -> None:
    measures = get_json(reader, "/figures")
    links = parse(html_of(reader, "/figures")).xpath("//main//a[starts-with(@href, '/figures/')]")
    assert [f"/figures/{m['measure']}" for m in measures] == [a.get("href") for a in links]
    assert measures[0] == {"measure": "deaths", "label": "Deaths", "count": 4}
    deaths = get_json(reader, "/figures/deaths")
    assert "chart" not in deaths
    assert deaths["measure"] == "deaths" and len(deaths["figures"]) == 4
    assert {"some 227", "238"} <= {p["value"] for p in deaths["points"]}
    html = html_of(reader, "/figures/deaths")
    assert f"Every figure ({len(deaths['figures'])})" in main_text(html)
    assert len(parse(html).xpath("//main//table/tbody/tr")) == len(deaths["points"])


def test_conflicts(reader: TestClient) -> None:
    data = get_json(reader, "/conflicts")
    deaths = [f for f in data["findings"] if f["subject"] == "Deaths"]
    assert len(deaths) == 1
    assert deaths[0]["kind"] == "conflict" and deaths[0]["about"] == "figure"
    assert [side["value"] for side in deaths[0]["sides"]] == ["some 227", "238"]
    assert deaths[0]["reason"]
    for side in deaths[0]["sides"]:
        assert all(r["fact_id"].startswith("fig-") and r["sentence"] for r in side["reports"])
    assert data["tally"] == {"conflict": 3, "revision": 1}
    articles = parse(html_of(reader, "/conflicts")).xpath("//main/article")
    assert [a.get("id") for a in articles] == [f["id"] for f in data["findings"]]
    kept = get_json(reader, "/conflicts?about=figure&kind=revision")
    assert [f["subject"] for f in kept["findings"]] == ["Terrorism cases"]
    assert kept["tally"] == data["tally"]  # the tally counts everything, to label the filter


@pytest.mark.parametrize("query", ["", "?person=Massimov", "?place=Almaty&type=protest"])
def test_timeline(reader: TestClient, query: str) -> None:
    data = get_json(reader, "/timeline" + query)
    html = html_of(reader, "/timeline" + query)
    assert f"{len(data['entries'])} entries on {len(data['days'])} days" in main_text(html)
    days = [li.get("id") for li in parse(html).xpath("//li[@class='day']")]
    assert days == [f"day-{d['date']}" for d in data["days"]]
    assert all(e["reports"] for e in data["entries"])


def test_map(reader: TestClient) -> None:
    data = get_json(reader, "/map")
    names = [cells(r)[0] for r in table_rows(html_of(reader, "/map"))]
    assert [p["name"] for p in data["places"]] == names
    almaty = data["places"][0]
    assert almaty["name"] == "Almaty" and 43 < almaty["lat"] < 44 and 76 < almaty["lon"] < 78
    assert almaty["events"] + almaty["verdicts"] == len(almaty["facts"])
    assert {"west", "south", "east", "north"} == set(data["bounds"])
    assert "Kazakhstan" in [p["name"] for p in data["unplaced"]]


def test_documents(reader: TestClient) -> None:
    data = get_json(reader, "/documents")
    links = [r.xpath(".//a/@href")[0] for r in table_rows(html_of(reader, "/documents"))]
    assert [f"/documents/{d['id']}" for d in data] == links
    assert all(d["outlet"] for d in data)


def test_document(reader: TestClient) -> None:
    by_name = get_json(reader, "/documents/004_373ad7b1365f506c.txt")
    doc_id = by_name["document"]["id"]
    assert get_json(reader, f"/documents/{doc_id}") == by_name
    html = html_of(reader, f"/documents/{doc_id}")
    anchors = parse(html).xpath("//aside//li/@id")
    assert anchors == [f"fact-{f['id']}" for f in by_name["facts"]]
    assert "text" not in by_name["document"]
    segments = [s for paragraph in by_name["paragraphs"] for s in paragraph]
    assert {s["link"] for s in segments if s["link"]} <= {f["id"] for f in by_name["facts"]}


def test_fact(reader: TestClient) -> None:
    rows = get_json(reader, "/verdicts?city=Astana")["rows"]
    fact = get_json(reader, f"/facts/{rows[0]['fact_id']}")
    assert fact["kind"] == "verdict" and fact["record"]["term_months"] == 216
    assert fact["sentence"] == rows[0]["sentence"]
    assert fact["history"] == [] and fact["review"]["status"] == "extracted"


def test_reviews_and_session(reader: TestClient) -> None:
    assert get_json(reader, "/reviews") == {"facts": [], "entities": []}
    first = get_json(reader, "/session")
    assert first["user"] is None and len(first["csrf_token"]) > 20
    assert get_json(reader, "/session") == first, "one token per session"


# --- one error shape ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "code", "words"),
    [
        ("/facts/nope", 404, "not_found", "no fact 'nope'"),
        ("/people/Nobody%20Atall", 404, "not_found", "Nobody Atall"),
        ("/documents/nothing.txt", 404, "not_found", "no document 'nothing.txt'"),
        ("/no-such-route", 404, "not_found", "/api/v1/no-such-route"),
        ("/verdicts?sort=weight", 400, "bad_request", "sort must be one of"),
        ("/verdicts?since=banana", 400, "bad_request", "since must be a date"),
        ("/figures/nonsense", 400, "bad_request", "measure must be one of"),
        ("/conflicts?kind=argument", 400, "bad_request", "kind must be one of"),
        ("/people?kind=weather", 400, "bad_request", "kind must be one of"),
        ("/search?q=%20", 400, "bad_request", "type some words"),
        ("/search", 422, "invalid_parameters", "q"),
        ("/verdicts?descending=perhaps", 422, "invalid_parameters", "descending"),
    ],
)
def test_errors_have_one_shape(
    reader: TestClient, url: str, status: int, code: str, words: str
) -> None:
    error = assert_error(reader.get(API + url), status, code, words)
    if status == 422:
        assert error["details"] and all(set(d) == {"where", "problem"} for d in error["details"])


def test_missing_query_names_the_parameter(reader: TestClient) -> None:
    error = assert_error(reader.get(API + "/search"), 422, "invalid_parameters")
    assert error["details"] == [{"where": "query.q", "problem": "Field required"}]


def test_wrong_method_has_the_shape(reader: TestClient) -> None:
    assert_error(reader.delete(API + "/facts/x"), 405, "method_not_allowed")


def verdict_id(client: TestClient) -> str:
    fact_id: str = get_json(client, "/verdicts?city=Astana")["rows"][0]["fact_id"]
    return fact_id


def test_review_without_a_session_is_refused(client: TestClient) -> None:
    fact_id = verdict_id(client)
    answer = client.post(f"{API}/facts/{fact_id}/review", json={"action": "reject"})
    assert_error(answer, 403, "forbidden", "did not come from this site")
    # A reader's session has a token, and the token alone does not make a reviewer.
    token = session(client)["csrf_token"]
    answer = client.post(
        f"{API}/facts/{fact_id}/review",
        json={"action": "reject"},
        headers={"X-CSRF-Token": token},
    )
    assert_error(answer, 401, "sign_in_required", "/signin")
    assert get_json(client, "/reviews")["facts"] == []
    assert get_json(client, f"/facts/{fact_id}")["review"]["status"] == "extracted"


def test_review_needs_the_csrf_header(client: TestClient, reviewer: Reviewer) -> None:
    assert sign_in(client, reviewer.name, reviewer.password).status_code == 303
    fact_id = verdict_id(client)
    url = f"{API}/facts/{fact_id}/review"
    assert_error(client.post(url, json={"action": "reject"}), 403, "forbidden")
    wrong = {"X-CSRF-Token": "x" * 43}
    assert_error(client.post(url, json={"action": "reject"}, headers=wrong), 403, "forbidden")
    assert get_json(client, "/reviews")["facts"] == []
    # With the session's token the same request is a decision.
    token = {"X-CSRF-Token": session(client)["csrf_token"]}
    answer = client.post(url, json={"action": "reject", "note": "duplicate"}, headers=token)
    assert answer.status_code == 200, answer.text
    fact = answer.json()
    assert fact["review"]["status"] == "rejected" and fact["review"]["by"] == reviewer.name
    assert [h["note"] for h in fact["history"]] == ["duplicate"]
    assert fact_id not in {r["fact_id"] for r in get_json(client, "/verdicts")["rows"]}


def test_review_errors_have_the_shape(client: TestClient, reviewer: Reviewer) -> None:
    assert sign_in(client, reviewer.name, reviewer.password).status_code == 303
    token = {"X-CSRF-Token": session(client)["csrf_token"]}
    fact_id = verdict_id(client)
    url = f"{API}/facts/{fact_id}/review"
    assert_error(
        client.post(url, json={"action": "shred"}, headers=token), 422, "invalid_parameters"
    )
    answer = client.post(url, json={"action": "correct"}, headers=token)
    assert_error(answer, 400, "bad_request", "a correction needs the corrected record")
    answer = client.post(f"{API}/facts/nope/review", json={"action": "accept"}, headers=token)
    assert_error(answer, 404, "not_found", "no fact 'nope'")
    assert client.post(url, json={"action": "accept"}, headers=token).status_code == 200
    answer = client.post(url, json={"action": "accept"}, headers=token)
    assert_error(answer, 400, "bad_request", "already accepted")
    assert len(get_json(client, "/reviews")["facts"]) == 1


def test_a_json_correction_keeps_numbers_numbers(client: TestClient, reviewer: Reviewer) -> None:
    assert sign_in(client, reviewer.name, reviewer.password).status_code == 303
    token = {"X-CSRF-Token": session(client)["csrf_token"]}
    fact_id = verdict_id(client)
    url = f"{API}/facts/{fact_id}/review"
    record = get_json(client, f"/facts/{fact_id}")["record"]
    for wrong in ({"term_months": "eighteen"}, {"term_range": [48, "96"]}, {"count": 1.5}):
        answer = client.post(
            url, json={"action": "correct", "record": {**record, **wrong}}, headers=token
        )
        assert_error(answer, 400, "bad_request", "must be a whole number")
    assert get_json(client, "/reviews")["facts"] == []
    right = {**record, "term_months": 30}
    answer = client.post(url, json={"action": "correct", "record": right}, headers=token)
    assert answer.status_code == 200 and answer.json()["record"]["term_months"] == 30
