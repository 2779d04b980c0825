"""PDF reports: paragraphs rebuilt, page furniture dropped, pages kept, and plain refusals for
PDFs without text. The PDFs are made by tests/ingest/pdfs.py with text written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from qantar.exceptions import InputError
from qantar.ingest.files import ReadProblem
from qantar.ingest.pdf import (
    ENCRYPTED,
    NO_TEXT_LAYER,
    _join,
    _paragraphs,
    _two_columns,
    is_pdf,
    read_pdf,
)
from qantar.model import Document, Page

from . import pdfs
from .helpers import MANIFEST_HEADER, read_all, read_one, write

pytestmark = pytest.mark.skipif(not pdfs.FONT.exists(), reason="needs fonts-dejavu-core")


@pytest.fixture(scope="module")
def report() -> bytes:
    return pdfs.report()


def test_paragraphs_are_whole_and_furniture_is_gone(report: bytes) -> None:
    text = read_pdf(report).text
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Trials after the January events"
    assert paragraphs[1].startswith("The Almaty city court sentenced the journalist Aigerim")
    assert paragraphs[1].endswith("which she denied throughout the hearings.")
    assert "\n" not in "".join(paragraphs)  # every paragraph is one line
    assert pdfs.HEADER not in text  # the running header of every page
    assert "- 2 -" not in text and not any(p.strip().isdigit() for p in paragraphs)
    assert "Суд в Таразе приговорил активиста Ерлана Бекмурата" in text


def test_each_page_start_is_kept_with_its_number(report: bytes) -> None:
    found = read_pdf(report)
    assert [page.label for page in found.pages] == ["1", "2", "3"]
    second = found.text.index("The same court sentenced the history teacher")
    third = found.text.index("Суд в Таразе")
    assert [page.start for page in found.pages] == [0, second, third]


def test_printed_page_labels_are_cited_rather_than_sheet_numbers(report: bytes) -> None:
    found = read_pdf(pdfs.with_labels(report, first_printed=11))
    assert [page.label for page in found.pages] == ["i", "11", "12"]
    doc = Document(id="d", name="r.pdf", text=found.text, language="en", pages=found.pages)
    assert doc.page_at(0) == "i"
    assert doc.page_at(found.text.index("238 people died")) == "11"
    assert doc.page_at(len(found.text) - 1) == "12"


def test_page_at_without_pages_is_none() -> None:
    doc = Document(id="d", name="a.txt", text="Some text.", language="en")
    assert doc.page_at(3) is None
    paged = Document(id="d", name="r.pdf", text="ab", language="en", pages=[Page(1, "7")])
    assert paged.page_at(0) is None and paged.page_at(1) == "7"


def test_metadata_gives_title_and_an_approximate_date(tmp_path: Path, report: bytes) -> None:
    doc = read_one(write(tmp_path, "report.pdf", report))
    assert isinstance(doc, Document)
    assert (doc.format, doc.title, doc.language) == ("pdf", "Monitoring report", "en")
    assert doc.published is not None and doc.published_precision == "approximate"
    assert [page.label for page in doc.pages] == ["1", "2", "3"]


def test_a_manifest_date_wins_over_the_file_date(tmp_path: Path, report: bytes) -> None:
    write(tmp_path, "report.pdf", report)
    manifest = write(tmp_path, "m.csv", MANIFEST_HEADER + "report.pdf,,,Bureau,,2023-08-01,,\n")
    [doc], errors = read_all([], manifest)
    assert not errors
    assert (doc.published, doc.published_precision) == ("2023-08-01", "day")


def test_a_folder_walk_reads_pdfs(tmp_path: Path, report: bytes) -> None:
    write(tmp_path, "reports/report.pdf", report)
    write(tmp_path, "notes.txt", "Officials in Aktau said the square would reopen next week.")
    docs, errors = read_all([tmp_path])
    assert not errors
    assert sorted(doc.format for doc in docs) == ["pdf", "text"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: pdfs.scanned(), NO_TEXT_LAYER),
        (lambda: pdfs.encrypted(pdfs.report(), "secret"), ENCRYPTED),
        (lambda: pdfs.report()[:900], "cannot read the PDF; it may be damaged"),
        (lambda: b"%PDF-1.7\nnot really a pdf at all", "cannot read the PDF; it may be damaged"),
    ],
    ids=["scanned", "password", "truncated", "garbage"],
)
def test_pdfs_without_readable_text_are_refused_in_plain_words(
    tmp_path: Path, make: object, reason: str
) -> None:
    path = write(tmp_path, "bad.pdf", make())  # type: ignore[operator]
    item = read_one(path)
    assert isinstance(item, InputError)
    assert item.reason.startswith(reason)
    assert "\n" not in item.reason


def test_refusals_say_what_to_do() -> None:
    assert "OCR" in NO_TEXT_LAYER and "ocrmypdf" in NO_TEXT_LAYER
    assert "unprotected copy" in ENCRYPTED


def test_a_pdf_locked_with_an_empty_password_opens(report: bytes) -> None:
    found = read_pdf(pdfs.encrypted(report, ""))
    assert "Aigerim Tleuzhanova" in found.text


def test_a_file_named_pdf_that_is_not_one_is_refused(tmp_path: Path) -> None:
    item = read_one(write(tmp_path, "report.pdf", "Just some words in a text file."))
    assert isinstance(item, InputError)
    assert item.reason == "named .pdf but is not a PDF file"


def test_a_pdf_under_another_name_is_still_read(tmp_path: Path, report: bytes) -> None:
    doc = read_one(write(tmp_path, "download.txt", report))
    assert isinstance(doc, Document) and doc.format == "pdf"


def test_a_broken_pdf_in_a_batch_loses_nothing_else(tmp_path: Path, report: bytes) -> None:
    write(tmp_path, "a.pdf", report)
    write(tmp_path, "b.pdf", pdfs.scanned())
    write(tmp_path, "c.txt", "Officials in Aktau said the square would reopen next week.")
    docs, errors = read_all([tmp_path])
    assert [doc.name for doc in docs] == ["a.pdf", "c.txt"]
    assert [Path(error.path).name for error in errors] == ["b.pdf"]


def test_is_pdf_finds_the_signature_after_junk() -> None:
    assert is_pdf(b"%PDF-1.4 ...") and is_pdf(b"\r\n\x00junk%PDF-1.7")
    assert not is_pdf(b"plain text")


def test_line_joins_undo_word_breaks_but_keep_real_hyphens() -> None:
    assert _join("the defen-", "dants were") == "the defendants were"
    assert _join("President Kassym-", "Jomart Tokayev") == "President Kassym-Jomart Tokayev"
    assert _join("a soft\u00ad", "hyphen") == "a softhyphen"
    assert _join("in 2022 -", "not a break") == "in 2022 - not a break"
    assert _join("ends here", "and goes on") == "ends here and goes on"


def test_paragraphs_end_at_gaps_short_closing_lines_headings_and_list_items() -> None:
    wide = "x" * 70
    lines = [
        "Findings",
        f"{wide} one",
        "short end.",
        f"{wide} two",
        "",
        f"{wide} three",
        "• first item of a list that runs long enough to be a full line of text here",
        "1. numbered item",
    ]
    found = _paragraphs(lines, width=75.0)
    assert found == [
        "Findings",
        f"{wide} one short end.",
        f"{wide} two",
        f"{wide} three",
        "• first item of a list that runs long enough to be a full line of text here",
        "1. numbered item",
    ]


def test_two_column_layouts_are_recognised() -> None:
    columns = "\n".join(
        f"The court heard witnesses on day {n} of the       Observers noted that the judge {n}"
        for n in range(10)
    )
    single = "\n".join(
        f"The court heard witnesses on day {n} of the trial in Almaty" for n in range(10)
    )
    assert _two_columns(columns) and not _two_columns(single)


def test_read_problem_is_what_the_reader_raises(report: bytes) -> None:
    with pytest.raises(ReadProblem):
        read_pdf(pdfs.scanned(1))
