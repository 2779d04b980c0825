"""Issue 8 acceptance: a PDF, an HTML page, a Russian article and a JSON Lines file go through
`qantar build` into one store, and their facts show in one dossier.

Every text here was written for this test (see tests/ingest/pdfs.py for the PDF)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from qantar.cli import cli
from qantar.store import document_facts, get_document, open_store

from .ingest import pdfs

HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Steppe Ledger | Appeal court upholds airport sentences</title>
<meta property="article:published_time" content="2023-10-03T09:00:00+06:00"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/regions/">Regions</a></li></ul></nav>
<article><h1>Appeal court upholds airport sentences</h1>
<p>The Almaty city court of appeal on Monday upheld the four-year prison sentence of the
journalist Aigerim Tleuzhanova, who was convicted over the seizure of the city airport in
January 2022.</p>
<p>"The court did not listen to a single argument of the defence," Tleuzhanova said after the
hearing, adding that she would take the case to the Supreme Court.</p>
</article></body></html>
"""

RUSSIAN = """Правозащитники потребовали пересмотреть дело журналистки

Правозащитники из Казахстанского бюро по правам человека потребовали пересмотреть дело \
журналистки Айгерим Тлеужан, осуждённой за участие в захвате аэропорта Алматы.

«Приговор основан только на показаниях полицейских», — заявила Айгерим Тлеужан в интервью \
нашему изданию.
"""

JSONL = [
    {
        "text": "Rights groups said on Friday that the journalist Aigerim Tleuzhanova had been "
        "moved to a prison colony in Zhetisu region to serve her four-year sentence.\n"
        '"She is being punished for her reporting," her lawyer said.',
        "url": "https://example.org/wire/2023/11/tleuzhanova-transfer",
        "outlet": "Example Wire (fictional)",
        "published": "2023-11-10",
        "name": "wire-tleuzhanova-transfer",
    }
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Any]:
    if not pdfs.FONT.exists():
        pytest.skip("needs fonts-dejavu-core to make the PDF")
    folder = tmp_path_factory.mktemp("sources")
    (folder / "bureau-report.pdf").write_bytes(pdfs.with_labels(pdfs.report(), first_printed=11))
    (folder / "appeal.html").write_text(HTML, encoding="utf-8")
    (folder / "ru_rights.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "wire.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in JSONL), encoding="utf-8"
    )
    db = f"sqlite:///{folder / 'store.db'}"
    result = CliRunner().invoke(cli, ["build", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    return db, open_store(db)


def test_all_four_kinds_of_source_are_stored(store: tuple[str, Any]) -> None:
    _db, engine = store
    formats = {}
    for name in ("bureau-report.pdf", "appeal.html", "ru_rights.txt", "wire-tleuzhanova-transfer"):
        doc = get_document(engine, name)
        assert doc is not None, name
        formats[name] = (doc["format"], doc["language"])
    assert formats == {
        "bureau-report.pdf": ("pdf", "en"),
        "appeal.html": ("html", "en"),
        "ru_rights.txt": ("text", "ru"),
        "wire-tleuzhanova-transfer": ("jsonl", "en"),
    }


def test_one_dossier_holds_facts_from_every_source(store: tuple[str, Any]) -> None:
    db, _engine = store
    result = CliRunner().invoke(cli, ["person", "Тлеужан", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    documents = set(found["entity"]["documents"])
    assert documents >= {
        "bureau-report.pdf",
        "appeal.html",
        "ru_rights.txt",
        "wire-tleuzhanova-transfer",
    }
    spellings = set(found["entity"]["spellings"])
    assert {"Aigerim Tleuzhanova", "Айгерим Тлеужан"} <= spellings
    kinds = {(fact["kind"], fact["doc_name"]) for fact in found["facts"]}
    assert ("verdict", "bureau-report.pdf") in kinds
    assert ("quote", "ru_rights.txt") in kinds


def test_a_pdf_fact_cites_its_printed_page(store: tuple[str, Any]) -> None:
    db, engine = store
    doc = get_document(engine, "bureau-report.pdf")
    assert doc is not None
    assert doc["pages"][0] == [0, "i"]
    pages = {
        fact["record"].get("name"): fact["page"]
        for fact in document_facts(engine, doc["id"])
        if fact["kind"] == "person"
    }
    assert pages["Aigerim Tleuzhanova"] == "i"
    assert pages["Kalas Nurpeisov"] == "11"
    assert pages["Zhanar Baimukhanova"] == "12"
    shown = CliRunner().invoke(cli, ["show", "bureau-report.pdf", "--db", db])
    assert "page 11" in shown.output
    dossier = CliRunner().invoke(cli, ["person", "Nurpeisov", "--db", db])
    assert "bureau-report.pdf, page 11" in dossier.output


def test_exports_carry_the_page(store: tuple[str, Any]) -> None:
    db, _engine = store
    import csv
    import io

    lines = CliRunner().invoke(cli, ["export", "--kind", "person", "--db", db]).output
    pages = {
        (fact["doc_name"], fact["record"]["name"]): fact["page"]
        for fact in map(json.loads, lines.splitlines())
    }
    assert pages["bureau-report.pdf", "Kalas Nurpeisov"] == "11"
    assert pages["appeal.html", "Aigerim Tleuzhanova"] is None
    table = CliRunner().invoke(cli, ["export", "--format", "csv", "--kind", "person", "--db", db])
    rows = list(csv.DictReader(io.StringIO(table.output)))
    by_name = {(row["doc_name"], row["name_or_text"]): row["page"] for row in rows}
    assert by_name["bureau-report.pdf", "Zhanar Baimukhanova"] == "12"
    assert by_name["appeal.html", "Aigerim Tleuzhanova"] == ""


def test_the_web_pages_show_the_page(store: tuple[str, Any]) -> None:
    from qantar.web import create_app

    from .web.helpers import TestClient

    _db, engine = store
    client = TestClient(create_app(engine, secret="test"))
    doc = get_document(engine, "bureau-report.pdf")
    assert doc is not None
    page = client.get(f"/documents/{doc['id']}")
    assert page.status_code == 200
    for label in ("i", "11", "12"):
        assert f'<span class="page-mark" id="page-{label}">page {label}</span>' in page.text
    [fact] = [
        f for f in document_facts(engine, doc["id"]) if f["record"].get("name") == "Kalas Nurpeisov"
    ]
    shown = client.get(f"/facts/{fact['id']}")
    assert "bureau-report.pdf</a>, page 11, characters" in shown.text
