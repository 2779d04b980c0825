"""Publication dates read from an article's URL when its manifest row and page give none.

Every URL here is made up for the tests.
"""

from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path

import pytest

from qantar.ingest.dates import url_date

from .helpers import EN_TEXT, EN_TEXT_2, FIXTURES, MANIFEST_HEADER, read_all, write

TODAY = date(2024, 6, 1)

# (url, expected): expected is "date/precision", or None for a URL that states no date.
URLS = [
    ("https://news.example.kz/2022/01/13/troops-leave-almaty/", "2022-01-13/day"),
    ("https://example.ru/news/2022-01-10/zaderzhany-8-tysyach-4512", "2022-01-10/day"),
    ("https://example.org/ru/news/2022/12/21/report-on-trials", "2022-12-21/day"),
    ("https://example.org/Watch/2022/8/16", "2022-08-16/day"),
    ("https://example.org/2022_03_05_story.html", "2022-03-05/day"),
    ("https://example.com./2023/04/court-bars-blogger", "2023-04/month"),
    ("https://example.com/2022/01/", "2022-01/month"),
    ("https://example.com/2022/01", "2022-01/month"),
    ("https://magazine.example.com/2023-08/activists-sentenced", "2023-08/month"),
    ("https://example.com/2022/1/shops-reopen", "2022-01/month"),
    ("https://example.com/2022/01/a3882888/", "2022-01/month"),
    # Numbers that only look like dates, or no date at all.
    ("https://example.com/news/128136/", None),
    ("https://example.com/amp/article/32211980.html", None),
    ("https://example.org/monitoring-from-december-1-to-december-31-2022/", None),
    ("https://example.org/2022/10-people-hurt-in-clashes", None),
    ("https://example.org/2022/13/story", None),
    ("https://example.org/2022/02/30/story", None),
    ("https://example.org/2031/05/14/from-the-future", None),
    ("https://example.org/1989/05/14/too-old", None),
    ("https://example.org/story?date=2022-01-05", None),
    ("https://example.org/news/2022/", None),
    ("", None),
    (None, None),
    ("http://[::1", None),
]


@pytest.mark.parametrize(("url", "spec"), URLS)
def test_url_date(url: str | None, spec: str | None) -> None:
    found = url_date(url, today=TODAY)
    assert found == (tuple(spec.split("/")) if spec else None)


def manifest(folder: Path, rows: str) -> Path:
    return write(folder, "manifest.csv", MANIFEST_HEADER + rows)


def test_manifest_row_without_a_date_takes_the_url_date(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    write(tmp_path, "b.txt", EN_TEXT_2)
    path = manifest(
        tmp_path,
        "a.txt,https://example.kz/2022/01/13/story/,,,,,,\n"
        "b.txt,https://example.kz/2023/04/hearing-postponed,,,,,,\n",
    )
    documents, errors = read_all([], manifest=path)
    assert errors == []
    assert [(d.published, d.published_precision) for d in documents] == [
        ("2022-01-13", "day"),
        ("2023-04", "month"),
    ]
    assert documents[0].sources[0].published is None  # the row itself stated no date


def test_manifest_date_wins_over_the_url(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    path = manifest(tmp_path, "a.txt,https://example.kz/2022/01/13/story/,,,,2022-01-14,day,\n")
    [document], _ = read_all([], manifest=path)
    assert (document.published, document.published_precision) == ("2022-01-14", "day")


def test_url_date_wins_over_the_published_option(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    write(tmp_path, "b.txt", EN_TEXT_2)
    path = manifest(
        tmp_path,
        "a.txt,https://example.kz/2022/01/13/story/,,,,,,\nb.txt,https://example.kz/story,,,,,,\n",
    )
    documents, _ = read_all([], manifest=path, published="2023")
    assert [(d.published, d.published_precision) for d in documents] == [
        ("2022-01-13", "day"),
        ("2023", "year"),
    ]


def test_page_date_wins_over_the_url(tmp_path: Path) -> None:
    write(tmp_path, "verdict.html", (FIXTURES / "verdict.html").read_bytes())
    path = manifest(tmp_path, "verdict.html,https://example.kz/2021/03/old-slug,,,,,,\n")
    [document], _ = read_all([], manifest=path)
    assert (document.published, document.published_precision) == ("2022-09-14", "day")


def test_jsonl_line_without_a_date_takes_the_url_date(tmp_path: Path) -> None:
    records = [
        {"text": EN_TEXT, "url": "https://example.kz/news/2022-01-10/curfew"},
        {"text": EN_TEXT_2, "url": "https://example.kz/2022/02/square", "date": "2022-03-01"},
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(r) for r in records))
    documents, errors = read_all([path])
    assert errors == []
    assert [(d.published, d.published_precision) for d in documents] == [
        ("2022-01-10", "day"),
        ("2022-03-01", "day"),
    ]
    assert documents[0].sources[0].published == "2022-01-10"


def test_url_dates_never_touch_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    write(tmp_path, "a.txt", EN_TEXT)
    path = manifest(tmp_path, "a.txt,https://example.kz/2022/01/13/story/,,,,,,\n")
    [document], _ = read_all([], manifest=path)
    assert document.published == "2022-01-13"
