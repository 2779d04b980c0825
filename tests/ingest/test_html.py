"""HTML pages: the article without the page furniture, its title and date, and no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from qantar.exceptions import InputError
from qantar.model import Document

from .helpers import FIXTURES, RU_TEXT, read_all, read_one, write

PAGE = FIXTURES / "verdict.html"
FURNITURE = [
    "Regions menu",
    "Zhambyl region desk",
    "Most read this week",
    "Sidebar headline about grain prices",
    "Get the morning briefing",
    "Privacy policy",
    "Archive by month",
    "footer notice",
]
BODY = [
    "A district court in Taraz on Tuesday sentenced three men to prison",
    "handed five-year terms to his two co-defendants",
    "more than 300 million tenge",
]


def test_fixture_page_gives_body_title_and_date() -> None:
    document = read_one(PAGE)
    assert isinstance(document, Document)
    assert document.format == "html"
    assert document.name == "verdict.html"
    for sentence in BODY:
        assert sentence in document.text
    for furniture in FURNITURE:
        assert furniture not in document.text
    assert "<" not in document.text
    assert document.title == "Court jails three over Taraz depot fire"
    # published, not the later article:modified_time (2022-10-02)
    assert (document.published, document.published_precision) == ("2022-09-14", "day")
    assert document.language == "en"
    assert document.sources[0].published is None  # sources carry manifest data only


def test_date_found_from_time_element_alone(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8")
    html = "\n".join(line for line in html.splitlines() if "_time" not in line)
    assert 'content="2022-09-14' not in html
    document = read_one(write(tmp_path, "no-meta.html", html))
    assert isinstance(document, Document)
    assert document.published == "2022-09-14"


def test_manifest_date_and_title_win_over_the_page(tmp_path: Path) -> None:
    page = write(tmp_path, "verdict.html", PAGE.read_bytes())
    manifest = write(
        tmp_path,
        "manifest.csv",
        "file,title,published,published_precision\nverdict.html,Checked title,2022-09,month\n",
    )
    [document], errors = read_all([page], manifest=manifest)
    assert errors == []
    assert document.title == "Checked title"
    assert (document.published, document.published_precision) == ("2022-09", "month")


def test_page_without_a_date_takes_the_default(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8")
    html = "\n".join(line for line in html.splitlines() if "2022-" not in line)
    [document], errors = read_all([write(tmp_path, "undated.html", html)], published="2022")
    assert errors == []
    assert (document.published, document.published_precision) == ("2022", "year")


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_russian_page_in_its_declared_encoding(tmp_path: Path, charset: str) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in RU_TEXT.splitlines() * 3)
    html = (
        f'<html><head><meta charset="{charset}"><title>Новости</title></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )
    document = read_one(write(tmp_path, "ru.html", html.encode(charset)))
    assert isinstance(document, Document)
    assert RU_TEXT.splitlines()[0] in document.text
    assert document.language == "ru"


def test_nothing_reaches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """htmldate downloads a string that looks like a URL; ingest must never hand it one."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    url_only = write(tmp_path, "link.html", "https://example.com/news/2022/01/story")
    page = write(tmp_path, "verdict.html", PAGE.read_bytes())
    items = list(read_all([url_only, page])[0]) + list(read_all([url_only])[1])
    assert attempts == []
    assert [type(item) for item in items] == [Document, InputError]
