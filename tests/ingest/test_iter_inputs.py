"""iter_inputs over folders and mixed inputs, merge_duplicates, --published, the real corpus."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qantar.exceptions import InputError
from qantar.ingest import __all__ as public_names
from qantar.ingest import detect_language, iter_inputs, merge_duplicates
from qantar.model import Document, Source, make_document_id

from .helpers import CORPUS, EN_TEXT, EN_TEXT_2, RU_TEXT, read_all, write


def test_public_api() -> None:
    assert sorted(public_names) == ["detect_language", "iter_inputs", "merge_duplicates"]


def test_folder_walk_is_recursive_sorted_and_skips_hidden_csv_and_other_types(
    tmp_path: Path,
) -> None:
    taken = ["b.txt", "a.md", "deep/er/c.text", "deep/d.TXT", "e.htm", "z.html"]
    for name in taken:
        page = f"<html><body><article><p>{EN_TEXT} {name}</p></article></body></html>"
        write(tmp_path, name, page if ".htm" in name else f"{EN_TEXT} {name}")
    for name in [".hidden.txt", ".git/HEAD.txt", "manifest.csv", "photo.jpg", "notes.docx"]:
        write(tmp_path, name, EN_TEXT_2)
    documents, errors = read_all([tmp_path])
    assert errors == []
    assert [d.sources[0].path for d in documents] == [
        str(tmp_path / name) for name in sorted(taken)
    ]
    assert [d.format for d in documents] == ["text", "text", "text", "text", "html", "html"]


def test_order_is_sorted_whatever_order_paths_are_given(tmp_path: Path) -> None:
    paths = [write(tmp_path, f"{n}.txt", f"{EN_TEXT} {n}") for n in ("b", "c", "a")]
    first = [d.name for d in read_all([paths[1], tmp_path / "missing.txt", *paths])[0]]
    assert first == ["a.txt", "b.txt", "c.txt"]  # and c.txt, given twice, is read once
    items = list(iter_inputs([paths[2], tmp_path / "missing.txt", paths[0]]))
    labels = [i.name if isinstance(i, Document) else Path(i.path).name for i in items]
    assert labels == ["a.txt", "b.txt", "missing.txt"]


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    write(tmp_path, "1.txt", EN_TEXT)
    write(tmp_path, "2.txt", b"")
    write(tmp_path, "3.txt", RU_TEXT.encode("cp1251"))
    write(tmp_path, "4.txt", b"\x00\x01binary\x00" * 10)
    write(tmp_path, "5.txt", EN_TEXT_2)
    items = list(iter_inputs([tmp_path]))
    assert [type(item).__name__ for item in items] == [
        "Document",
        "InputError",
        "Document",
        "InputError",
        "Document",
    ]
    assert [i.language for i in items if isinstance(i, Document)] == ["en", "ru", "en"]


def test_duplicate_texts_are_merged_with_both_sources(tmp_path: Path) -> None:
    first = write(tmp_path, "one/story.txt", EN_TEXT)
    second = write(tmp_path, "two/copy.txt", EN_TEXT.replace("\n", "\r\n") + "\n")
    other = write(tmp_path, "two/other.txt", EN_TEXT_2)
    manifest = write(tmp_path, "m.csv", "file,url,published\ntwo/copy.txt,https://x.test/c,2022\n")
    documents, errors = read_all([tmp_path / "one", tmp_path / "two"], manifest=manifest)
    assert errors == []
    merged = merge_duplicates(documents)
    assert [d.name for d in merged] == ["story.txt", "other.txt"]
    story = merged[0]
    assert story.id == make_document_id(EN_TEXT)
    assert story.published is None  # the first copy's metadata wins
    assert story.sources == [
        Source(path=str(first)),
        Source(
            path=str(second), url="https://x.test/c", published="2022", published_precision="year"
        ),
    ]
    assert merged[1].sources == [Source(path=str(other))]
    assert len(documents[0].sources) == 1  # the inputs are left as they were


def test_merge_duplicates_keeps_first_seen_order() -> None:
    def doc(text: str, name: str) -> Document:
        return Document(make_document_id(text), name, text, "en", sources=[Source(path=name)])

    merged = merge_duplicates([doc("x", "1"), doc("y", "2"), doc("x", "3"), doc("y", "4")])
    assert [(d.name, [s.path for s in d.sources]) for d in merged] == [
        ("1", ["1", "3"]),
        ("2", ["2", "4"]),
    ]
    assert merge_duplicates([]) == []


@pytest.mark.parametrize(
    ("published", "precision"),
    [("2022", "year"), ("2022-01", "month"), ("2022-01-05", "day"), (" 2022-01-05 ", "day")],
)
def test_published_default_and_its_precision(
    tmp_path: Path, published: str, precision: str
) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    [document], _ = read_all([tmp_path], published=published)
    assert (document.published, document.published_precision) == (published.strip(), precision)
    assert document.sources[0].published is None


@pytest.mark.parametrize(
    "bad", ["", "yesterday", "05.01.2022", "2022-1-5", "2022-13", "2022-02-30"]
)
def test_bad_published_fails_before_reading(tmp_path: Path, bad: str) -> None:
    with pytest.raises(InputError) as raised:
        iter_inputs([tmp_path / "missing"], published=bad)
    assert raised.value.path == "--published"
    assert raised.value.reason == f"{bad!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (EN_TEXT, "en"),
        (RU_TEXT, "ru"),
        ("", "en"),
        ("2022 — 5 000 000", "en"),
        ("Суд в Алматы (Almaty court) вынес приговор.", "ru"),
        ("The Алматы court said so.", "en"),
        ("Қазақстан соты", "ru"),  # Kazakh Cyrillic counts as Cyrillic
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_shared_corpus_in_place() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    manifest = CORPUS / "manifest.csv"
    with manifest.open(encoding="utf-8", newline="") as rows:
        expected = {row["file"]: row for row in csv.DictReader(rows)}
    documents, errors = read_all([CORPUS], manifest=manifest)
    assert errors == []
    assert len(documents) == 5
    assert sorted(d.name for d in documents) == sorted(expected)
    for document in documents:
        row = expected[document.name]
        assert document.language == "en"
        assert (document.published, document.published_precision) == (
            row["published"],
            row["published_precision"],
        )
        assert document.title == row["title"]
        assert document.sources[0].url == (row["url"] or None)
        assert document.sources[0].author == (row["author"] or None)
        assert document.text == document.text.rstrip() and "\r" not in document.text
    assert len(merge_duplicates(documents)) == 5
    manifest_only, errors = read_all([], manifest=manifest)
    assert errors == []
    assert [d.id for d in manifest_only] == [d.id for d in documents]
