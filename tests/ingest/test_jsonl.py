"""JSON Lines input: one article per line, metadata from the line, bad lines reported alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from qantar.exceptions import InputError
from qantar.ingest.jsonl import read_jsonl
from qantar.model import Document

from .helpers import EN_TEXT, EN_TEXT_2, RU_TEXT, read_all, write

HTML = (
    "<html><head><title>Aktau square reopens</title>"
    '<meta property="article:published_time" content="2022-03-02"></head><body><article>'
    "<p>Officials in Aktau said on Wednesday that the central square would reopen next week "
    "after repairs to the damage done during the January protests.</p>"
    "<p>Residents told reporters they had waited two months for the work to finish.</p>"
    "</article></body></html>"
)


def lines(*records: Any) -> str:
    return "\n".join(
        r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records
    )


def test_each_line_is_a_document_with_its_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "export.jsonl",
        lines(
            {
                "text": EN_TEXT,
                "url": "https://example.org/a",
                "title": "Blogger fined",
                "outlet": "Example Wire",
                "authors": ["A. Writer", "B. Editor"],
                "published": "2022-03-01T09:30:00Z",
                "name": "blogger-fined",
            },
            {"text": RU_TEXT, "date": "2022-03", "outlet": "Пример"},
        ),
    )
    docs, errors = read_all([path])
    assert not errors
    first, second = docs
    assert (first.name, first.title, first.language, first.format) == (
        "blogger-fined",
        "Blogger fined",
        "en",
        "jsonl",
    )
    assert (first.published, first.published_precision) == ("2022-03-01", "day")
    [source] = first.sources
    assert source.path == f"{path}:1"
    assert (source.url, source.outlet, source.author) == (
        "https://example.org/a",
        "Example Wire",
        "A. Writer, B. Editor",
    )
    assert (second.name, second.language) == ("export.jsonl:2", "ru")
    assert (second.published, second.published_precision) == ("2022-03", "month")


def test_bad_lines_are_reported_with_their_numbers_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "export.jsonl",
        lines(
            {"text": EN_TEXT},
            "{not json",
            "",
            '["a", "list"]',
            {"title": "no text here"},
            {"text": EN_TEXT_2, "published": "2022-13-45"},
            {"text": EN_TEXT_2, "language": "kk"},
            {"text": RU_TEXT},
        ),
    )
    docs, errors = read_all([path])
    assert [doc.sources[0].path for doc in docs] == [f"{path}:1", f"{path}:8"]
    assert errors[0].path == f"{path} line 2"
    assert errors[0].reason.startswith("is not valid JSON (Expecting property name")
    assert [(error.path, error.reason) for error in errors[1:]] == [
        (f"{path} line 4", "is not a JSON object; write one {...} per line"),
        (f"{path} line 5", 'has no "text" (or "html") field with an article in it'),
        (
            f"{path} line 6",
            "this line has published date '2022-13-45'; use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (f"{path} line 7", "this line has language 'kk'; qantar reads only en and ru"),
    ]


def test_html_lines_are_read_like_saved_pages(tmp_path: Path) -> None:
    path = write(tmp_path, "pages.jsonl", lines({"html": HTML, "url": "https://example.org/b"}))
    [doc] = [item for item in read_jsonl(path, str(path)) if isinstance(item, Document)]
    assert doc.format == "html"
    assert doc.text.startswith("Officials in Aktau said on Wednesday")
    assert (doc.title, doc.published) == ("Aktau square reopens", "2022-03-02")


def test_published_option_fills_lines_without_a_date(tmp_path: Path) -> None:
    path = write(
        tmp_path, "a.jsonl", lines({"text": EN_TEXT}, {"text": RU_TEXT, "published": "2021"})
    )
    docs, _ = read_all([path], published="2022-01-10")
    assert [(d.published, d.published_precision) for d in docs] == [
        ("2022-01-10", "day"),
        ("2021", "year"),
    ]


def test_an_empty_file_is_one_error(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.jsonl", "\n\n")
    docs, errors = read_all([path])
    assert not docs
    assert [e.reason for e in errors] == ["file has no articles (no non-blank lines)"]


def test_a_folder_walk_takes_jsonl_and_ndjson(tmp_path: Path) -> None:
    write(tmp_path, "a.jsonl", lines({"text": EN_TEXT}))
    write(tmp_path, "sub/b.ndjson", lines({"text": EN_TEXT_2}))
    docs, errors = read_all([tmp_path])
    assert not errors and len(docs) == 2


def test_the_same_text_on_two_lines_is_one_document_later(tmp_path: Path) -> None:
    from qantar.ingest import merge_duplicates

    path = write(
        tmp_path, "a.jsonl", lines({"text": EN_TEXT, "url": "u1"}, {"text": EN_TEXT, "url": "u2"})
    )
    docs, _ = read_all([path])
    [merged] = merge_duplicates(docs)
    assert [s.url for s in merged.sources] == ["u1", "u2"]


@given(
    st.lists(
        st.one_of(st.text(max_size=40), st.just('{"text": "A court in Taraz ruled."}')), max_size=8
    )
)
def test_any_file_gives_one_item_per_non_blank_line(contents: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        body = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in contents)
        path = write(Path(folder), "x.jsonl", body)
        items = list(read_jsonl(path, "x.jsonl"))
    expected = sum(1 for line in body.splitlines() if line.strip()) or 1
    assert len(items) == expected
    assert all(isinstance(item, Document | InputError) for item in items)
