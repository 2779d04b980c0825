"""Manifests: metadata for the files they list, manifest-only runs, and unusable manifests."""

from __future__ import annotations

from pathlib import Path

import pytest

from qantar.exceptions import InputError
from qantar.ingest import iter_inputs
from qantar.model import Source

from .helpers import EN_TEXT, EN_TEXT_2, MANIFEST_HEADER, RU_TEXT, read_all, write

ROWS = (
    "a.txt,https://example.org/a,Fine for a blog post,Example Times,Ann Writer; Bo Editor,"
    "2023-04-05,day,\n"
    "sub/b.txt,,Square to reopen,Example Post,,2022-01,,\n"
    "c.txt,,,,,,,en\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "a.txt", EN_TEXT)
    write(tmp_path, "sub/b.txt", EN_TEXT_2)
    write(tmp_path, "c.txt", RU_TEXT)  # Russian text, but the manifest says en
    write(tmp_path, "manifest.csv", MANIFEST_HEADER + ROWS)
    return tmp_path


A_SOURCE = dict(
    url="https://example.org/a",
    title="Fine for a blog post",
    outlet="Example Times",
    author="Ann Writer; Bo Editor",
    published="2023-04-05",
    published_precision="day",
)


def test_metadata_applied_by_relative_path(folder: Path) -> None:
    documents, errors = read_all([folder], manifest=folder / "manifest.csv")
    assert errors == []
    a, c, b = documents  # sorted by path: a.txt, c.txt, sub/b.txt
    assert a.sources == [Source(path=str(folder / "a.txt"), **A_SOURCE)]
    assert (a.title, a.published, a.published_precision) == (
        "Fine for a blog post",
        "2023-04-05",
        "day",
    )
    assert b.name == "b.txt"
    assert (b.title, b.published, b.published_precision) == ("Square to reopen", "2022-01", "month")
    assert b.sources[0].url is None and b.sources[0].author is None  # empty cells are None
    assert c.language == "en"  # the manifest's language overrides detection
    assert c.title is None and c.published is None


def test_metadata_applied_by_base_name_elsewhere(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("copies")
    copy = write(elsewhere, "a.txt", EN_TEXT)
    [document], errors = read_all([copy], manifest=folder / "manifest.csv")
    assert errors == []
    assert document.sources == [Source(path=str(copy), **A_SOURCE)]


def test_base_name_in_two_folders_is_not_guessed(tmp_path: Path) -> None:
    write(tmp_path, "manifest.csv", "file,title\none/x.txt,First\ntwo/x.txt,Second\n")
    write(tmp_path, "one/x.txt", EN_TEXT)
    stray = write(tmp_path / "elsewhere", "x.txt", EN_TEXT_2)
    documents, _ = read_all([tmp_path / "one", stray], manifest=tmp_path / "manifest.csv")
    assert [d.title for d in documents] == [None, "First"]  # elsewhere/x.txt, one/x.txt


def test_manifest_only_reads_listed_files_and_reports_missing_ones(folder: Path) -> None:
    manifest = write(folder, "manifest.csv", MANIFEST_HEADER + ROWS + "gone.txt,,,,,,,\n")
    write(folder, "unlisted.txt", EN_TEXT_2 + " Not listed.")
    documents, errors = read_all([], manifest=manifest)
    assert [d.name for d in documents] == ["a.txt", "c.txt", "b.txt"]
    assert [(e.path, e.reason) for e in errors] == [
        (str(folder / "gone.txt"), "no such file or directory (listed in manifest.csv)")
    ]


def test_csv_among_paths_is_a_manifest(folder: Path) -> None:
    documents, errors = read_all([folder / "manifest.csv"])
    assert errors == []
    assert [d.title for d in documents] == ["Fine for a blog post", None, "Square to reopen"]
    documents, errors = read_all([folder / "manifest.csv", folder / "a.txt"])
    assert [(d.name, d.title) for d in documents] == [("a.txt", "Fine for a blog post")]


def test_only_file_column_needed_and_header_is_forgiving(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    write(tmp_path, "m.csv", "\ufeff File , Language\r\na.txt,RU\r\n\r\n")
    [document], errors = read_all([], manifest=tmp_path / "m.csv")
    assert errors == []
    assert document.language == "ru"
    assert document.sources == [Source(path=str(tmp_path / "a.txt"))]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "a.txt,13/01/2022,,",
            "manifest row 2 has published date '13/01/2022'; use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "a.txt,2022-02-30,,",
            "manifest row 2 has published date '2022-02-30'; use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "a.txt,2022,roughly,",
            "manifest row 2 has published_precision 'roughly'; use day, month, year or approximate",
        ),
        ("a.txt,,,kk", "manifest row 2 has language 'kk'; qantar reads only en and ru"),
    ],
)
def test_bad_row_fails_only_its_file(tmp_path: Path, row: str, reason: str) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    write(tmp_path, "b.txt", EN_TEXT_2)
    header = "file,published,published_precision,language\n"
    write(tmp_path, "m.csv", header + row + "\nb.txt,2022,,\n")
    documents, errors = read_all([], manifest=tmp_path / "m.csv")
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "a.txt"), reason)]
    assert [(d.name, d.published, d.published_precision) for d in documents] == [
        ("b.txt", "2022", "year")
    ]


def test_row_without_file_name_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    write(tmp_path, "m.csv", "file,title\n,Orphan title\na.txt,Fine\n")
    documents, errors = read_all([], manifest=tmp_path / "m.csv")
    assert [d.title for d in documents] == ["Fine"]
    assert [(e.path, e.reason) for e in errors] == [
        (f"{tmp_path / 'm.csv'} row 2", "manifest row has no file name")
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "cannot use the manifest: no such file or directory, so nothing was read"),
        (
            "url,title\nhttps://example.org,Title\n",
            "manifest has no 'file' column (columns found: url, title); its first line must "
            "name the columns, one of them 'file', so nothing was read",
        ),
        (
            "",
            "manifest has no 'file' column (columns found: none); its first line must "
            "name the columns, one of them 'file', so nothing was read",
        ),
        (
            b"file\n\xa4\xa7\xb1\xa6\xa9\n",
            "cannot use the manifest: cannot tell its text encoding; convert it to UTF-8, "
            "so nothing was read",
        ),
    ],
    ids=["missing", "no-file-column", "empty", "undecodable"],
)
def test_unusable_manifest_fails_the_batch_up_front(
    tmp_path: Path, content: str | bytes | None, reason: str
) -> None:
    write(tmp_path, "a.txt", EN_TEXT)
    manifest = tmp_path / "m.csv"
    if content is not None:
        write(tmp_path, "m.csv", content)
    with pytest.raises(InputError) as raised:
        iter_inputs([tmp_path], manifest=manifest)  # raises on the call, before any reading
    assert (raised.value.path, raised.value.reason) == (str(manifest), reason)
    with pytest.raises(InputError) as raised:
        iter_inputs([tmp_path, manifest])
    assert (raised.value.path, raised.value.reason) == (str(manifest), reason)
