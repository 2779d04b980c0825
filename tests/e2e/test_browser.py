"""End to end in Chromium: every main page renders cleanly under the app's CSP, the verdicts
filters work with and without the script, and a reviewer's corrections and rejections show
everywhere and survive `qantar build --force`; readers get no review forms and cannot post."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import CHROMIUM, PASSWORD, REVIEWER, Server

if not CHROMIUM.exists():
    pytest.skip(
        f"end-to-end tests drive Debian's Chromium at {CHROMIUM}, which is not installed "
        "(apt-get install chromium); CI installs it",
        allow_module_level=True,
    )

# name -> (how to reach the page, its <h1> matches, a selector the page must show)
# A path, or (list page, link selector): open the list and follow its first such link.
PAGES: dict[str, tuple[str | tuple[str, str], str, str]] = {
    "overview": ("/", r"record at a glance", "ul.tiles li"),
    "search": ("/search?q=Masimov", r"^Search$", "main a[href^='/people/']"),
    "people": ("/people", r"^Person entities$", "main table a[href^='/people/']"),
    "person": (("/people", "main table a[href^='/people/']"), r"\S", "ol.dossier li"),
    "verdicts": ("/verdicts", r"^Verdicts$", "main tbody a[href^='/facts/']"),
    "victims": ("/victims", r"named dead", "main table tbody tr"),
    "figure-deaths": ("/figures/deaths", r"^Deaths$", "figure.chart img"),
    "conflicts": ("/conflicts", r"sources disagree", "section.side"),
    "timeline": ("/timeline", r"^Timeline$", "ol.timeline > li"),
    "map": ("/map", r"Where events", "div.map svg"),
    "document": (("/documents", "main a[href^='/documents/']"), r"\S", "article.text a.mark"),
    "fact": (("/verdicts", "main tbody a[href^='/facts/']"), r"verdict", "table.record tr"),
    "signin": ("/signin", r"sign-in", "form[action='/signin'] input[name='password']"),
}


def first_link(page: Any, path: str, selector: str) -> str:
    page.goto(path)
    href = page.locator(selector).first.get_attribute("href")
    assert href, f"{path} links to nothing matching {selector}"
    return str(href).split("#")[0]


def verdict_rows(page: Any) -> list[dict[str, str]]:
    """The verdicts table as shown: fact id and each visible column."""
    rows = []
    for row in page.locator("main table tbody tr").all():
        link = row.locator("a[href^='/facts/']")
        if not link.count():  # "No verdict matches these filters."
            continue
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        rows.append(
            {
                "fact": str(link.get_attribute("href")).removeprefix("/facts/"),
                "date": cells[0],
                "defendant": cells[1],
                "outcome": cells[2],
                "term": cells[3],
                "city": cells[4],
            }
        )
    return rows


def sign_in(page: Any, next_path: str) -> None:
    """Sign in as the reviewer through the header link and the form."""
    page.goto(next_path)
    page.get_by_role("link", name="Reviewer sign-in").click()
    page.wait_for_url(re.compile(r"/signin\?next="))
    page.fill("input[name='name']", REVIEWER)
    page.fill("input[name='password']", PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith(next_path), page.url
    assert page.locator("header .who").inner_text() == f"Reviewer: {REVIEWER}"


def status_badge(page: Any) -> str:
    badge = page.locator("h1 .status")
    return str(badge.inner_text()) if badge.count() else "extracted"


def record_value(page: Any, field: str) -> str:
    row = page.locator("table.record tr", has=page.locator(f"th:text-is('{field}')"))
    return str(row.locator("td").first.inner_text()).strip()


@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_cleanly(
    name: str, page: Any, errors: list[str], screenshots: Path, server: Server
) -> None:
    where, heading, content = PAGES[name]
    path = where if isinstance(where, str) else first_link(page, *where)
    errors.clear()  # only the page under test counts

    response = page.goto(path, wait_until="networkidle")

    assert response is not None and response.status == 200, f"{path}: {response}"
    assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    h1 = page.locator("h1")
    assert h1.count() == 1, f"{path} has {h1.count()} <h1>"
    assert h1.is_visible()
    assert re.search(heading, h1.inner_text().strip(), re.IGNORECASE), h1.inner_text()
    assert page.locator(content).count() > 0, f"{path} shows no {content}"
    broken = page.eval_on_selector_all(
        "img", "images => images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    assert not broken, f"{path}: images that did not load: {broken}"
    if name == "search":
        assert "Masimov" in page.locator("main").inner_text()
    page.screenshot(path=str(screenshots / f"{name}.png"), full_page=True)
    assert not errors, f"{path}: " + "\n".join(errors)


def test_verdict_filters_and_sorting(
    page: Any, errors: list[str], browser: Any, server: Server
) -> None:
    page.goto("/verdicts")
    every = verdict_rows(page)
    assert len(every) > 2
    options = page.eval_on_selector_all(
        "select[name='outcome'] option",
        "options => options.filter(o => o.value).map(o => [o.value, o.textContent.trim()])",
    )
    counts = {value: sum(r["outcome"].startswith(label) for r in every) for value, label in options}
    # An outcome that some verdicts have and others do not, so filtering must drop rows.
    value, label = next((v, lab) for v, lab in options if 0 < counts[v] < len(every))

    # With the script: choosing an outcome submits the form by itself.
    with page.expect_navigation():
        page.select_option("select[name='outcome']", value)
    assert f"outcome={value}" in page.url
    shown = verdict_rows(page)
    assert len(shown) == counts[value]
    assert all(r["outcome"].startswith(label) for r in shown)
    assert page.locator("select[name='outcome']").input_value() == value
    assert page.locator("main p.muted").first.inner_text().startswith(f"{len(shown)} verdicts")

    # Without the script (a reader with JavaScript off): the Filter button does it.
    context = browser.new_context(base_url=server.url, java_script_enabled=False)
    try:
        bare = context.new_page()
        bare.goto("/verdicts")
        bare.select_option("select[name='outcome']", value)
        assert "outcome=" not in bare.url  # nothing submitted it
        with bare.expect_navigation():
            bare.get_by_role("button", name="Filter").click()
        assert f"outcome={value}" in bare.url
        assert [r["fact"] for r in verdict_rows(bare)] == [r["fact"] for r in shown]
    finally:
        context.close()

    # Sorting: a column header sorts ascending, a second click descending; rows without a
    # city stay last either way.
    page.goto("/verdicts")
    for direction in ("ascending", "descending"):
        with page.expect_navigation():
            page.locator("thead th a", has_text="City").click()
        assert "sort=city" in page.url
        header = page.locator("thead th", has_text="City")
        assert header.get_attribute("aria-sort") == direction
        cities = [r["city"] for r in verdict_rows(page)]
        assert len(cities) == len(every)
        named = [c.casefold() for c in cities if c]
        assert named == sorted(named, reverse=direction == "descending"), cities
        assert all(cities[: len(named)]), f"rows without a city come last: {cities}"
        assert len(set(named)) > 1, "sorting by city needs more than one city to mean anything"
    assert not errors, "\n".join(errors)


def test_review_story(page: Any, errors: list[str], screenshots: Path, server: Server) -> None:
    sign_in(page, "/verdicts")

    # Correct the first verdict through the form.
    before = verdict_rows(page)
    target = before[0]
    page.locator("main tbody a[href^='/facts/']").first.click()
    page.wait_for_url(f"**/facts/{target['fact']}")
    form = page.locator("form#correct")
    assert form.is_visible()
    old_city = form.locator("input[name='field.city']").input_value()
    old_term = form.locator("input[name='field.term_months']").input_value()
    new_city = "Taraz" if old_city != "Taraz" else "Turkistan"
    new_term = str(int(old_term or 0) + 18)
    form.locator("input[name='field.city']").fill(new_city)
    form.locator("input[name='field.term_months']").fill(new_term)
    form.locator("input[name='note']").fill("checked against the court's ruling")
    with page.expect_navigation():
        form.get_by_role("button", name="Save correction").click()
    assert page.url.endswith(f"/facts/{target['fact']}")

    def shows_correction() -> None:
        assert status_badge(page) == "corrected"
        assert record_value(page, "city") == new_city
        assert record_value(page, "term_months") == new_term
        log = page.locator("table.log tbody tr")
        assert log.count() == 1
        cells = log.first.locator("td").all_inner_texts()
        assert cells[1] == REVIEWER and cells[2] == "correct", cells
        assert f"city: {new_city}" in cells[4] and f"city: {old_city}" in cells[3], cells
        assert cells[5] == "checked against the court's ruling"

    shows_correction()
    page.screenshot(path=str(screenshots / "fact-corrected.png"), full_page=True)

    def verdict_row(fact: str) -> dict[str, str] | None:
        page.goto("/verdicts")
        return next((r for r in verdict_rows(page) if r["fact"] == fact), None)

    row = verdict_row(target["fact"])
    assert row is not None
    assert row["city"] == new_city
    assert row["term"] != target["term"]
    assert "corrected" in row["defendant"]

    # A new extractor version: every document is extracted again while the server runs.
    output = server.rebuild()
    assert "11 documents extracted, 0 already current" in output, output
    page.goto(f"/facts/{target['fact']}")
    shows_correction()
    row = verdict_row(target["fact"])
    assert row is not None and row["city"] == new_city

    # Reject another verdict: gone from the table, its page still there and marked.
    other = next(r for r in before if r["fact"] != target["fact"])
    page.goto(f"/facts/{other['fact']}")
    page.locator("form.inline-actions input[name='note']").fill("not a verdict of this case")
    with page.expect_navigation():
        page.get_by_role("button", name="Reject").click()
    assert page.url.endswith(f"/facts/{other['fact']}")
    assert status_badge(page) == "rejected"
    assert "rejected this fact" in page.locator("p.notice").inner_text()
    assert verdict_row(other["fact"]) is None
    assert len(verdict_rows(page)) == len(before) - 1
    page.goto(f"/facts/{other['fact']}")
    assert status_badge(page) == "rejected"

    # Sign out: the forms go, the decisions stay.
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("link", name="Reviewer sign-in").is_visible()
    page.goto(f"/facts/{target['fact']}")
    assert page.locator("form#correct").count() == 0
    assert page.locator("form[action$='/review']").count() == 0
    assert page.get_by_role("button", name="Accept").count() == 0
    assert record_value(page, "city") == new_city
    assert not errors, "\n".join(errors)


def test_reader_cannot_review(page: Any, errors: list[str]) -> None:
    fact = first_link(page, "/verdicts", "main tbody a[href^='/facts/']")
    page.goto(fact)
    assert page.locator("form[action$='/review']").count() == 0
    assert page.locator("form#correct").count() == 0
    assert page.get_by_role("button", name="Reject").count() == 0
    assert page.get_by_role("link", name="Sign in as a reviewer").is_visible()
    assert not errors, "\n".join(errors)
    status, decisions = status_badge(page), page.locator("table.log tbody tr").count()

    post = """async ([url, token]) => {
        const body = new URLSearchParams({action: "reject", note: "drive-by"});
        if (token) body.set("csrf_token", token);
        const response = await fetch(url, {method: "POST", body});
        return response.status;
    }"""
    # No CSRF token at all: refused.
    assert page.evaluate(post, [f"{fact}/review", None]) in (401, 403)
    # This session's real token (the sign-in page has one), but nobody signed in: refused.
    page.goto("/signin")
    token = page.locator("input[name='csrf_token']").input_value()
    assert token
    assert page.evaluate(post, [f"{fact}/review", token]) == 401
    page.goto(fact)
    assert status_badge(page) == status
    assert page.locator("table.log tbody tr").count() == decisions
