"""Every public page of the web app over the seed store: status, content, filters, sorting,
errors, security headers, and forms that work without JavaScript."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy.engine import Engine

from qantar.publish.people import people
from qantar.store import document_facts, list_facts

from .helpers import cells, main_text, parse, table_rows, text_of

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

MASSIMOV_SPELLINGS = {"Karim Massimov", "Karim Masimov"}

HTML_PAGES = [
    "/",
    "/search",
    "/search?q=Masimov",
    "/people",
    "/people?kind=organization",
    "/verdicts",
    "/victims",
    "/figures",
    "/figures/deaths",
    "/conflicts",
    "/timeline",
    "/map",
    "/documents",
    "/reviews",
    "/signin",
    "/api",
]


@pytest.fixture(scope="module")
def massimov(shared_engine: Engine) -> dict[str, Any]:
    found = people(shared_engine, name="Massimov")
    assert [p["name"] for p in found] == ["Karim Massimov"]
    return found[0]


@pytest.fixture(scope="module")
def astana_verdict(shared_engine: Engine) -> dict[str, Any]:
    """Masimov's 18-year verdict as the Eurasianet article reports it (Astana, 24 April 2023);
    his three co-defendants were sentenced in the same trial, in Astana too (as the gold says)."""
    found = [f for f in list_facts(shared_engine, "verdict") if f["record"].get("city") == "Astana"]
    assert sorted(f["record"]["defendant"] for f in found) == [
        "Anvar Sadykulov",
        "Daulet Yergozhin",
        "Karim Masimov",
        "Marat Osipov",
    ]
    return next(f for f in found if f["record"]["defendant"] == "Karim Masimov")


def get_page(client: TestClient, url: str, status: int = 200) -> str:
    answer = client.get(url)
    assert answer.status_code == status, f"{url}: {answer.status_code} {answer.text[:300]}"
    assert answer.headers["content-type"].startswith("text/html")
    return answer.text


# --- every page answers -------------------------------------------------------------------


@pytest.mark.parametrize("url", HTML_PAGES)
def test_every_page_answers_with_a_whole_page(reader: TestClient, url: str) -> None:
    html = get_page(reader, url)
    tree = parse(html)
    assert tree.xpath("//header//nav/a[@href='/verdicts']"), "the navigation is missing"
    assert tree.xpath("//main/h1"), "the page has no heading"
    assert "Traceback" not in html


def test_overview_counts_and_leads(reader: TestClient, massimov: dict[str, Any]) -> None:
    html = get_page(reader, "/")
    text = main_text(html)
    assert "The record at a glance" in text
    assert "5 documents" in text
    tree = parse(html)
    assert tree.xpath(f"//main//a[@href='/people/{massimov['id']}'][.='Karim Massimov']")
    assert "Deaths" in text  # the first disagreement is about the death toll
    assert tree.xpath("//main//a[@href='/verdicts']")


# --- search ---------------------------------------------------------------------------------


@pytest.mark.parametrize("words", ["Masimov", "Масимов", "massimov"])
def test_search_finds_massimov_in_any_alphabet(
    reader: TestClient, massimov: dict[str, Any], words: str
) -> None:
    html = get_page(reader, f"/search?q={words}")
    tree = parse(html)
    assert tree.xpath("//input[@name='q']/@value") == [words]
    person_links = tree.xpath("//main/h2[starts-with(., 'People')]/following-sibling::ul[1]//a")
    assert [(a.get("href"), text_of(a)) for a in person_links] == [
        (f"/people/{massimov['id']}", "Karim Massimov")
    ]
    facts = tree.xpath("//main/h2[starts-with(., 'Facts')]/following-sibling::ul[1]/li/a")
    assert any(a.get("href").startswith("/facts/ver-") for a in facts), "his verdicts are found"


def test_search_without_words_shows_only_the_form(reader: TestClient) -> None:
    html = get_page(reader, "/search?q=")
    assert parse(html).xpath("//form[@action='/search'][@method='get']")
    assert "People (" not in main_text(html)


# --- people ---------------------------------------------------------------------------------


def test_people_lists_persons(reader: TestClient, massimov: dict[str, Any]) -> None:
    html = get_page(reader, "/people")
    names = [cells(row)[0] for row in table_rows(html)]
    assert "Karim Massimov" in names and "Kassym-Jomart Tokayev" in names
    assert "National Security Committee" not in names
    row = next(r for r in table_rows(html) if cells(r)[0] == "Karim Massimov")
    assert row.xpath(".//a/@href") == [f"/people/{massimov['id']}"]
    assert "Masimov" in cells(row)[1]  # the other spellings
    assert cells(row)[3] == str(len(massimov["documents"]))


def test_people_by_name_and_kind(reader: TestClient) -> None:
    names = [cells(row)[0] for row in table_rows(get_page(reader, "/people?name=tokaev"))]
    assert names == ["Kassym-Jomart Tokayev"]
    html = get_page(reader, "/people?kind=organization")
    names = [cells(row)[0] for row in table_rows(html)]
    assert "National Security Committee" in names
    assert "Karim Massimov" not in names
    assert parse(html).xpath("//select[@name='kind']/option[@selected]/@value") == ["organization"]


@pytest.mark.parametrize("ref", ["id", "Мәсімов", "Karim Masimov"])
def test_dossier_by_id_or_any_spelling(
    reader: TestClient, massimov: dict[str, Any], ref: str
) -> None:
    html = get_page(reader, f"/people/{massimov['id'] if ref == 'id' else ref}")
    tree = parse(html)
    assert text_of(tree.xpath("//main/h1")[0]) == f"Karim Massimov {massimov['id']}"
    text = main_text(html)
    assert "Masimov" in text and "Massimov" in text  # the spellings
    facts = tree.xpath("//ol[@class='dossier']/li")
    assert len(facts) >= 3
    verdicts = [text_of(li) for li in facts if "verdict" in text_of(li.xpath("./span")[0])]
    assert len(verdicts) == 3 and all("18 years" in v for v in verdicts)
    assert tree.xpath("//a[@href='/timeline?person=Karim%20Massimov']")
    assert not tree.xpath("//form[@method='post']"), "readers get no review forms"


def test_unknown_person_is_404(reader: TestClient) -> None:
    html = get_page(reader, "/people/Nobody%20Atall", status=404)
    assert "Nobody Atall" in main_text(html)


# --- verdicts -------------------------------------------------------------------------------


def verdict_rows(html: str) -> list[dict[str, str]]:
    """The verdicts table as dicts keyed like the columns, plus the fact id and outcome value."""
    rows = []
    for row in table_rows(html):
        date, defendant, outcome, term, city, charges, source = row.xpath("./td")
        rows.append(
            {
                "fact_id": defendant.xpath("./a/@href")[0].removeprefix("/facts/"),
                "date": text_of(date),
                "defendant": text_of(defendant.xpath("./a")[0]),
                "outcome": text_of(outcome),
                "term": text_of(term),
                "city": text_of(city),
                "charges": text_of(charges),
                "source": source.xpath("./a/@href")[0],
            }
        )
    return rows


def shown_count(html: str) -> int:
    found = re.search(r"(\d+) verdicts", main_text(html))
    assert found, "the page does not say how many verdicts it shows"
    return int(found.group(1))


def test_verdicts_table(reader: TestClient, astana_verdict: dict[str, Any]) -> None:
    html = get_page(reader, "/verdicts")
    rows = verdict_rows(html)
    assert len(rows) == shown_count(html) == len(api_verdicts(reader)) > 10
    row = next(r for r in rows if r["fact_id"] == astana_verdict["id"])
    assert row == {
        "fact_id": astana_verdict["id"],
        "date": "2023-04-24",
        "defendant": "Karim Masimov",
        "outcome": "Prison",
        "term": "18 years",
        "city": "Astana",
        "charges": "high treason",
        "source": f"/documents/{astana_verdict['doc_id']}#fact-{astana_verdict['id']}",
    }


def api_verdicts(client: TestClient) -> list[Any]:
    """Every verdict as the API lists them (the same store as the page)."""
    rows: list[Any] = client.get("/api/v1/verdicts").json()["rows"]
    return rows


def in_range(date: str, since: str, until: str) -> bool:
    return since <= date[: len(since)] and date[: len(until)] <= until


VERDICT_FILTERS = [
    ({"city": "Almaty"}, lambda r: r["city"] == "Almaty"),
    ({"outcome": "probation"}, lambda r: r["outcome"] == "Probation"),
    ({"charge": "treason"}, lambda r: "treason" in r["charges"]),
    ({"person": "Masimov"}, lambda r: r["defendant"] in MASSIMOV_SPELLINGS),
    ({"person": "Мәсімов"}, lambda r: r["defendant"] in MASSIMOV_SPELLINGS),
    ({"since": "2023-01", "until": "2023-06"}, lambda r: in_range(r["date"], "2023-01", "2023-06")),
    ({"since": "2023-07-11"}, lambda r: "2023-07-11" <= r["date"] < "a"),
    ({"until": "2022-06"}, lambda r: r["date"] != "no date" and r["date"][:7] <= "2022-06"),
    ({"city": "Almaty", "charge": "weapons"}, lambda r: r["city"] == "Almaty"),
]


@pytest.mark.parametrize(
    ("filters", "keeps"),
    VERDICT_FILTERS,
    ids=["&".join(f"{k}={v}" for k, v in f.items()) for f, _ in VERDICT_FILTERS],
)
def test_verdict_filters(reader: TestClient, filters: dict[str, str], keeps: Any) -> None:
    everything = verdict_rows(get_page(reader, "/verdicts"))
    html = get_page(reader, "/verdicts?" + "&".join(f"{k}={v}" for k, v in filters.items()))
    rows = verdict_rows(html)
    assert rows, f"{filters} keeps nothing"
    assert len(rows) == shown_count(html) < len(everything)
    assert all(keeps(r) for r in rows), rows
    # The filter keeps exactly the rows that satisfy it (undated rows fail a date bound).
    if "person" not in filters and "charge" not in filters:
        assert len(rows) == sum(keeps(r) for r in everything)
    tree = parse(html)
    for name, value in filters.items():  # the form shows the filters applied
        shown = tree.xpath(f"//form[@method='get']//*[@name='{name}']")[0]
        if shown.tag == "select":
            assert shown.xpath("./option[@selected]")[0].get("value", shown.value) == value
        else:
            assert shown.get("value") == value


def test_verdict_person_filter_finds_every_spelling(reader: TestClient) -> None:
    html = get_page(reader, "/verdicts?person=Masimov")
    assert {r["defendant"] for r in verdict_rows(html)} == MASSIMOV_SPELLINGS
    assert len(verdict_rows(html)) == 3


def term_months(term: str) -> int | None:
    """The months a shown term stands for, a range by its upper end (as the table sorts)."""
    if not term:
        return None
    upper = term.split("–")[-1]
    years = re.search(r"(\d+) years?", upper)
    months = re.search(r"(\d+) months?", upper)
    return (int(years.group(1)) * 12 if years else 0) + (int(months.group(1)) if months else 0)


def outcome_values(html: str) -> dict[str, str]:
    options = parse(html).xpath("//select[@name='outcome']/option[@value!='']")
    return {text_of(o): o.get("value") for o in options}


SORT_KEYS: dict[str, Any] = {
    "date": lambda r, _o: r["date"] if r["date"] != "no date" else None,
    "defendant": lambda r, _o: (
        r["defendant"].casefold()
        if not re.fullmatch(r"unnamed defendant|\d+ people", r["defendant"])
        else None
    ),
    "outcome": lambda r, outcomes: outcomes.get(r["outcome"]),
    "term": lambda r, _o: term_months(r["term"]),
    "city": lambda r, _o: r["city"].casefold() or None,
}


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize("column", list(SORT_KEYS))
def test_verdict_sorting(reader: TestClient, column: str, descending: bool) -> None:
    url = f"/verdicts?sort={column}" + ("&descending=true" if descending else "")
    html = get_page(reader, url)
    keys = [SORT_KEYS[column](r, outcome_values(html)) for r in verdict_rows(html)]
    present = [k for k in keys if k is not None]
    assert keys[: len(present)] == present, "rows without the value come last"
    assert present == sorted(present, reverse=descending)
    assert len(set(present)) > 1, "the order is not trivially true"
    header = parse(html).xpath("//th[@aria-sort!='none']")
    assert [h.get("aria-sort") for h in header] == ["descending" if descending else "ascending"]


def test_term_descending_puts_18_years_first(reader: TestClient) -> None:
    rows = verdict_rows(get_page(reader, "/verdicts?sort=term&descending=true"))
    assert [r["term"] for r in rows[:3]] == ["18 years"] * 3
    assert {r["defendant"] for r in rows[:3]} == MASSIMOV_SPELLINGS
    assert rows[-1]["term"] == ""


def test_sort_links_toggle_without_javascript(reader: TestClient) -> None:
    html = get_page(reader, "/verdicts?city=Almaty")
    link = parse(html).xpath("//th/a[starts-with(., 'Term')]/@href")[0]
    assert parse_qs(urlsplit(link).query) == {"city": ["Almaty"], "sort": ["term"]}
    html = get_page(reader, "/verdicts" + link)
    link = parse(html).xpath("//th/a[starts-with(., 'Term')]/@href")[0]
    assert parse_qs(urlsplit(link).query) == {
        "city": ["Almaty"],
        "sort": ["term"],
        "descending": ["true"],
    }
    rows = verdict_rows(get_page(reader, "/verdicts" + link))
    assert rows[0]["term"] == "8 years" and {r["city"] for r in rows} == {"Almaty"}


@pytest.mark.parametrize(
    "query", ["", "?city=Almaty", "?charge=treason&sort=term&descending=true", "?outcome=fine"]
)
def test_verdicts_csv_matches_the_page(reader: TestClient, query: str) -> None:
    html = get_page(reader, "/verdicts" + query)
    answer = reader.get("/verdicts.csv" + query)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in answer.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(answer.text)))
    header = answer.text.splitlines()[0].split(",")
    assert header[:5] == ["fact_id", "defendant", "people", "outcome", "term"]
    assert {"city", "date", "charges", "document", "sentence", "review"} <= set(header)
    rows = verdict_rows(html)
    assert len(table) == len(rows)
    assert [r["fact_id"] for r in table] == [r["fact_id"] for r in rows]
    assert [r["city"] for r in table] == [r["city"] for r in rows]
    link = parse(html).xpath("//a[starts-with(@href, '/verdicts.csv')]/@href")[0]
    assert parse_qs(urlsplit(link).query) == parse_qs(query.lstrip("?"))


def test_verdicts_csv_row(reader: TestClient, astana_verdict: dict[str, Any]) -> None:
    table = list(csv.DictReader(io.StringIO(reader.get("/verdicts.csv?city=Astana").text)))
    assert len(table) == 4  # Masimov and his three co-defendants
    row = next(r for r in table if r["fact_id"] == astana_verdict["id"])
    assert row["fact_id"] == astana_verdict["id"]
    assert (row["defendant"], row["term"], row["term_months"]) == (
        "Karim Masimov",
        "18 years",
        "216",
    )
    assert row["charges"] == "high treason" and row["review"] == "extracted"
    assert row["sentence"] == astana_verdict["sentence"]


# --- victims, figures -----------------------------------------------------------------------


def test_victims(reader: TestClient) -> None:
    html = get_page(reader, "/victims")
    rows = table_rows(html)
    assert rows
    assert any("Tuimebayev" in cells(r)[0] for r in rows)
    for row in rows:  # every name cites its sources, each linking to its fact
        assert row.xpath(".//q[@class='evidence']") and row.xpath(
            ".//a[starts-with(@href, '/facts/')]"
        )


def test_figures_list_measures(reader: TestClient) -> None:
    html = get_page(reader, "/figures")
    links = parse(html).xpath("//main//a[starts-with(@href, '/figures/')]")
    assert ("/figures/deaths", "4 Deaths") in [(a.get("href"), text_of(a)) for a in links]


def test_deaths_figure_page(reader: TestClient) -> None:
    html = get_page(reader, "/figures/deaths")
    tree = parse(html)
    assert text_of(tree.xpath("//main/h1")[0]) == "Deaths"
    assert tree.xpath("//figure//img[@src='/figures/deaths/chart.svg'][@alt]")
    values = [text_of(td) for td in tree.xpath("//main//table/tbody/tr/td[2]")]
    assert "238" in values
    assert "Every figure (4)" in main_text(html)


def test_deaths_chart_is_svg(reader: TestClient) -> None:
    answer = reader.get("/figures/deaths/chart.svg")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(answer.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert answer.headers["x-content-type-options"] == "nosniff"


# --- conflicts, timeline, map ---------------------------------------------------------------


def findings(html: str) -> list[Any]:
    return parse(html).xpath("//main/article[contains(@class, 'finding')]")


def test_conflicts_show_the_death_toll_dispute(reader: TestClient) -> None:
    html = get_page(reader, "/conflicts")
    every = findings(html)
    assert len(every) >= 4
    deaths = [f for f in every if "figure: Deaths" in text_of(f.xpath("./h2")[0])]
    assert len(deaths) == 1
    assert "finding-conflict" in deaths[0].get("class")
    assert [text_of(h) for h in deaths[0].xpath(".//h3")] == ["some 227", "238"]
    assert deaths[0].xpath(".//a[starts-with(@href, '/facts/fig-')]")
    assert "Why:" in text_of(deaths[0])


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("about=figure", lambda f: " figure: " in text_of(f.xpath("./h2")[0])),
        ("kind=revision", lambda f: "finding-revision" in f.get("class")),
        ("about=event&kind=conflict", lambda f: " event: " in text_of(f.xpath("./h2")[0])),
    ],
)
def test_conflict_filters(reader: TestClient, query: str, check: Any) -> None:
    every = findings(get_page(reader, "/conflicts"))
    kept = findings(get_page(reader, "/conflicts?" + query))
    assert 0 < len(kept) < len(every)
    assert all(check(f) for f in kept)
    assert len(kept) == sum(check(f) for f in every)


def test_revision_is_terrorism_cases(reader: TestClient) -> None:
    kept = findings(get_page(reader, "/conflicts?kind=revision"))
    assert ["Terrorism cases" in text_of(f.xpath("./h2")[0]) for f in kept] == [True]


def test_bad_conflict_filter_is_400(reader: TestClient) -> None:
    html = get_page(reader, "/conflicts?about=weather", status=400)
    assert "about must be one of figure, verdict, event" in main_text(html)


def entries(html: str) -> list[Any]:
    return parse(html).xpath(
        "//ol[@class='timeline']/li[@class='day']//li[contains(@class, 'entry')]"
    )


def entry_days(html: str) -> list[str]:
    return [li.get("id").removeprefix("day-") for li in parse(html).xpath("//li[@class='day']")]


def test_timeline(reader: TestClient) -> None:
    html = get_page(reader, "/timeline")
    found = entries(html)
    assert len(found) > 50
    assert f"{len(found)} entries" in main_text(html)
    days = entry_days(html)
    # background events the articles date come first ("stepped down in 2019", SCHEMA)
    assert days == sorted(days) and any(day.startswith("2022-01") for day in days)
    for entry in found:  # each entry cites its sentences and links to their facts
        assert entry.xpath(".//q[@class='evidence']") and entry.xpath(
            ".//a[starts-with(@href, '/facts/')]"
        )
    assert parse(html).xpath("//div[@class='strip']/a[@class='bar']")


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("person=Massimov", lambda e, _d: re.search(r"Mass?imov", text_of(e)) is not None),
        ("person=Масимов", lambda e, _d: re.search(r"Mass?imov", text_of(e)) is not None),
        ("place=Almaty", lambda e, _d: "Almaty" in text_of(e)),
        # Entries dated only to the month or the year overlap the range, so they are kept.
        (
            "since=2022-01-05&until=2022-01-06",
            lambda e, d: (
                d <= "2022-01-06"
                and (d >= "2022-01-05" or any(p in text_of(e) for p in ("(2022-01)", "(2022)")))
            ),
        ),
        ("type=verdict", lambda e, _d: "entry-verdict" in e.get("class")),
        ("type=protest&place=Almaty", lambda e, _d: "entry-protest" in e.get("class")),
    ],
)
def test_timeline_filters(reader: TestClient, query: str, check: Any) -> None:
    total = len(entries(get_page(reader, "/timeline")))
    html = get_page(reader, "/timeline?" + query)
    tree = parse(html)
    kept = [
        (entry, day.get("id").removeprefix("day-"))
        for day in tree.xpath("//li[@class='day']")
        for entry in day.xpath(".//li[contains(@class, 'entry')]")
    ]
    assert 0 < len(kept) < total
    assert all(check(entry, day) for entry, day in kept)
    assert f"{len(kept)} entries" in main_text(html)


def test_timeline_person_matches_the_dossier(reader: TestClient) -> None:
    by_latin = entries(get_page(reader, "/timeline?person=Massimov"))
    by_cyrillic = entries(get_page(reader, "/timeline?person=Масимов"))
    assert [text_of(e) for e in by_latin] == [text_of(e) for e in by_cyrillic]
    assert any("18 years" in text_of(e) for e in by_latin)


def test_bad_timeline_filters_are_400(reader: TestClient) -> None:
    assert "type must be" in main_text(get_page(reader, "/timeline?type=picnic", status=400))
    get_page(reader, "/timeline?since=2022-02-01&until=2022-01-01", status=400)


def test_map(reader: TestClient) -> None:
    html = get_page(reader, "/map")
    tree = parse(html)
    svgs = tree.xpath("//div[@class='map']/svg")
    assert len(svgs) == 1
    markers = svgs[0].xpath(".//g[@class='marker']")
    rows = table_rows(html)
    places = [cells(r)[0] for r in rows]
    assert [m.get("data-place") for m in markers] == places
    assert places[0] == "Almaty"
    assert rows[0].xpath(".//a/@href") == ["/timeline?place=Almaty"]
    assert svgs[0].xpath(".//a[@href='/timeline?place=Almaty']/g[@data-place='Almaty']")
    # The inline map is well-formed XML, drawn here (no tile server, no script).
    start, end = html.index("<svg"), html.index("</svg>") + len("</svg>")
    ET.fromstring(html[start:end])
    assert not svgs[0].xpath(".//script|.//image")
    assert "Not on the map" in main_text(html) and "Kazakhstan" in main_text(html)


def test_map_date_filter(reader: TestClient) -> None:
    every = table_rows(get_page(reader, "/map"))
    html = get_page(reader, "/map?since=2023-01-01&until=2023-12-31")
    kept = {cells(r)[0]: cells(r)[1:3] for r in table_rows(html)}
    assert 0 < len(kept) < len(every)
    # The 2023 trials: Masimov and three co-defendants in Astana; in Almaty the airport trial.
    assert kept == {"Almaty": ["3", "5"], "Astana": ["1", "4"]}
    assert parse(html).xpath("//input[@name='since']/@value") == ["2023-01-01"]


# --- documents and facts --------------------------------------------------------------------


def test_documents(reader: TestClient) -> None:
    html = get_page(reader, "/documents")
    rows = table_rows(html)
    assert len(rows) == 5
    dates = [cells(r)[0] for r in rows]
    assert dates == sorted(dates, reverse=True)
    for row in rows:
        assert row.xpath(".//a/@href")[0].startswith("/documents/doc-")
        assert cells(row)[4].endswith(".txt")


@pytest.mark.parametrize("by", ["id", "name"])
def test_document_page_marks_every_fact(reader: TestClient, shared_engine: Engine, by: str) -> None:
    doc_row = table_rows(get_page(reader, "/documents"))[2]
    doc_id = doc_row.xpath(".//a/@href")[0].removeprefix("/documents/")
    ref = doc_id if by == "id" else cells(doc_row)[4]
    html = get_page(reader, f"/documents/{ref}")
    tree = parse(html)
    facts = document_facts(shared_engine, doc_id)
    assert len(facts) > 10
    listed = tree.xpath("//aside//li[starts-with(@id, 'fact-')]/@id")
    assert listed == [f"fact-{f['id']}" for f in facts]
    assert f"Facts ({len(facts)})" in main_text(html)
    marks = tree.xpath("//article[@class='text']//a[contains(@class, 'mark')]")
    assert len(marks) > len(facts) / 2
    targets = {m.get("href") for m in marks}
    assert targets <= {f"#{anchor}" for anchor in listed}, "a mark links to a missing fact"
    for mark in marks:  # the link goes to one of the facts the segment lists
        assert mark.get("href").removeprefix("#fact-") in mark.get("data-facts").split()
    kinds = {f["kind"] for f in facts if f["kind"] != "quote"}
    assert {f"k-{k}" for k in kinds} <= {c for m in marks for c in m.get("class").split()}


def test_document_text_is_whole(reader: TestClient, shared_engine: Engine) -> None:
    """Cutting the text into marked segments loses and repeats nothing."""
    from qantar.store import get_document

    doc = get_document(shared_engine, "004_373ad7b1365f506c.txt")
    assert doc is not None
    html = get_page(reader, "/documents/004_373ad7b1365f506c.txt")
    paragraphs = parse(html).xpath("//article[@class='text']/p")
    shown = "".join(p.text_content() for p in paragraphs)
    assert shown == "".join(doc["text"].split("\n"))


def test_unknown_document_is_404(reader: TestClient) -> None:
    assert "no document" in main_text(get_page(reader, "/documents/nothing.txt", status=404))


def test_fact_page(reader: TestClient, astana_verdict: dict[str, Any]) -> None:
    html = get_page(reader, f"/facts/{astana_verdict['id']}")
    tree = parse(html)
    text = main_text(html)
    assert astana_verdict["sentence"] in text
    record = {
        text_of(row.xpath("./th")[0]): text_of(row.xpath("./td")[0])
        for row in tree.xpath("//table[@class='record']/tbody/tr")
    }
    assert record["term_months"] == "216" and record["city"] == "Astana"
    assert record["charges"] == "high treason" and record["appeal"] == ""
    back = f"/documents/{astana_verdict['doc_id']}#fact-{astana_verdict['id']}"
    assert tree.xpath(f"//a[@href='{back}']")
    assert "No reviewer has decided on this fact yet." in text
    assert tree.xpath(f"//a[@href='/signin?next=/facts/{astana_verdict['id']}']")
    assert not tree.xpath("//form[@method='post'][contains(@action, '/review')]")


def test_reviews_page_starts_empty(reader: TestClient) -> None:
    text = main_text(get_page(reader, "/reviews"))
    assert "Decisions on facts (0)" in text and "No decisions on facts yet." in text
    assert "Merges and splits (0)" in text


def test_signin_page(reader: TestClient) -> None:
    tree = parse(get_page(reader, "/signin?next=/verdicts"))
    form = tree.xpath("//form[@action='/signin'][@method='post']")[0]
    assert form.xpath(".//input[@type='hidden'][@name='csrf_token']/@value")[0]
    assert form.xpath(".//input[@name='next']/@value") == ["/verdicts"]
    assert form.xpath(".//input[@name='password'][@type='password']")
    # Only local paths come back as the place to go next.
    tree = parse(get_page(reader, "/signin?next=//evil.example/x"))
    assert tree.xpath("//input[@name='next']/@value") == ["/"]


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/no/such/page", 404, "there is no page /no/such/page"),
        ("/facts/nope", 404, "no fact 'nope'"),
        ("/verdicts?since=banana", 400, "since must be a date such as 2022-01-05"),
        ("/verdicts?sort=weight", 400, "sort must be one of date, defendant"),
        ("/verdicts?outcome=flogging", 400, "flogging"),
        ("/figures/nonsense", 400, "measure must be one of"),
        ("/figures/nonsense/chart.svg", 400, "measure must be one of"),
        ("/people?kind=weather", 400, "kind must be one of person, organization, place"),
        ("/verdicts?descending=perhaps", 422, "descending"),
    ],
)
def test_errors_are_plain_html_pages(
    reader: TestClient, url: str, status: int, message: str
) -> None:
    html = get_page(reader, url, status=status)
    tree = parse(html)
    assert tree.xpath("//header//nav"), "an error page keeps the layout"
    alert = text_of(tree.xpath("//p[@role='alert']")[0])
    assert message in alert
    assert "Traceback" not in html and "<" not in alert
    if status == 404:
        assert text_of(tree.xpath("//main/h1")[0]) == "Not found"


def test_security_headers_everywhere(reader: TestClient) -> None:
    for url in [
        "/",
        "/verdicts",
        "/nope",
        "/api/v1/overview",
        "/api/v1/facts/x",
        "/static/style.css",
    ]:
        headers = reader.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp
        assert (
            "frame-ancestors 'none'" in csp
            and "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
        )
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "same-origin"


# --- without JavaScript ---------------------------------------------------------------------

FILTER_PAGES = ["/search", "/people", "/verdicts", "/conflicts", "/timeline", "/map"]


@pytest.mark.parametrize("url", FILTER_PAGES)
def test_filter_forms_work_without_javascript(reader: TestClient, url: str) -> None:
    html = get_page(reader, url)
    tree = parse(html)
    forms = tree.xpath("//main//form")
    assert forms
    for form in forms:
        assert form.get("method") == "get"
        assert form.xpath(".//button[@type='submit']"), "a form needs a submit button"
        assert form.get("action") in (None, url), "the form submits to its own page"
    # Scripts only from files (CSP forbids inline code), loaded without blocking the page.
    for script in tree.xpath("//script"):
        assert script.get("src", "").startswith("/static/") and not (script.text or "").strip()
        assert script.get("defer") is not None


def test_filters_submitted_as_a_form_would(reader: TestClient) -> None:
    """A blank box of a submitted form means no filter."""
    every = verdict_rows(get_page(reader, "/verdicts"))
    blank = "/verdicts?city=&outcome=&charge=&person=&since=&until=&sort=date"
    assert verdict_rows(get_page(reader, blank)) == every
    assert len(entries(get_page(reader, "/timeline?person=&place=&type=&since=&until="))) == len(
        entries(get_page(reader, "/timeline"))
    )


def test_static_files(reader: TestClient) -> None:
    answer = reader.get("/static/style.css")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/css")
    assert reader.get("/static/filters.js").status_code == 200
