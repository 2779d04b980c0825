"""What is saved for each kind of response: HTML in its charset, PDF, plain text, others."""

from __future__ import annotations

from pathlib import Path

from qantar.fetch import FAILED, SAVED, FetchOptions, fetch_urls, url_key
from qantar.fetch.client import Response
from qantar.fetch.pages import kind_of
from tests.fetch.helpers import manifest_rows
from tests.fetch.site import FAKE_PDF, PLAIN_TEXT, RUSSIAN_PAGE, RUSSIAN_TITLE, Site


def test_a_cp1251_page_is_decoded_by_its_meta_charset(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    [outcome] = fetch_urls([site.url("/ru/1")], tmp_path, fast).outcomes
    assert outcome.status == SAVED and outcome.kind == "html"
    key = url_key(site.url("/ru/1"))
    assert (tmp_path / f"{key}.html").read_bytes() == RUSSIAN_PAGE  # raw, still cp1251
    text = (tmp_path / f"{key}.txt").read_text(encoding="utf-8")
    assert "приговорил жителя города к шести годам" in text
    [row] = manifest_rows(tmp_path)
    assert (row["title"], row["published"], row["language"]) == (RUSSIAN_TITLE, "2022-11-14", "ru")


def test_a_pdf_is_saved_as_received_and_listed(
    site: Site, tmp_path: Path, fast: FetchOptions
) -> None:
    [outcome] = fetch_urls([site.url("/doc/7.pdf")], tmp_path, fast).outcomes
    key = url_key(site.url("/doc/7.pdf"))
    assert (outcome.status, outcome.kind, outcome.file) == (SAVED, "pdf", f"{key}.pdf")
    assert (tmp_path / f"{key}.pdf").read_bytes() == FAKE_PDF
    [row] = manifest_rows(tmp_path)
    assert (row["file"], row["url"], row["outlet"]) == (
        f"{key}.pdf",
        site.url("/doc/7.pdf"),
        "127.0.0.1",
    )


def test_plain_text_is_saved_as_text(site: Site, tmp_path: Path, fast: FetchOptions) -> None:
    [outcome] = fetch_urls([site.url("/plain/2")], tmp_path, fast).outcomes
    assert outcome.kind == "text" and outcome.file is not None
    assert (tmp_path / outcome.file).read_bytes() == PLAIN_TEXT.rstrip() + b"\n"
    assert {p.suffix for p in tmp_path.iterdir() if not p.name.startswith(".")} == {".txt", ".csv"}


def test_other_content_and_empty_bodies_fail(site: Site, tmp_path: Path) -> None:
    site.extra["/logo.png"] = lambda: (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n\0\0")
    site.extra["/empty"] = lambda: (200, {"Content-Type": "text/html"}, b"")
    options = FetchOptions(timeout=2, delay=0)
    report = fetch_urls([site.url("/logo.png"), site.url("/empty")], tmp_path, options)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        (FAILED, "not an article: image/png (qantar reads HTML, PDF and plain text)"),
        (FAILED, "response is empty"),
    ]


def _response(media_type: str, content: bytes) -> Response:
    return Response("https://example.org/", 200, media_type, None, content)


def test_kinds_are_told_by_type_and_by_content() -> None:
    assert kind_of(_response("application/octet-stream", b"%PDF-1.7 ...")) == "pdf"
    assert kind_of(_response("text/plain", b"<!DOCTYPE html><html><body>x")) == "html"
    assert kind_of(_response("", b"A short statement.")) == "text"
    assert kind_of(_response("application/octet-stream", b"\0\1\2\3")) == "other"
    assert kind_of(_response("application/json", b'{"a": 1}')) == "other"
