"""Reading one file: every way it can fail, and decoding that keeps the text exact."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from qantar.exceptions import InputError
from qantar.ingest.files import ReadProblem, decode_text, is_binary, normalise_text
from qantar.model import Document, make_document_id

from .helpers import EN_TEXT, RU_TEXT, read_one, write

PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("bom-only.txt", codecs.BOM_UTF8, "file is empty"),
        ("blank.txt", b"  \n\t\r\n   \n", "file contains only whitespace"),
        ("image.txt", PNG_START * 20, "binary file (not text or HTML)"),
        ("photo.png", PNG_START * 20, "binary file (not text or HTML)"),
        ("controls.txt", b"\x01\x02\x03\x04 text " * 40, "binary file (not text or HTML)"),
        (
            "symbols.txt",  # not UTF-8, and as cp1251 it is all currency/section/plus signs
            b"\xa4\xa7\xb1\xa6 \xa9\xae\xb0 " * 30,
            "cannot tell its text encoding; convert it to UTF-8",
        ),
        (
            "undefined.txt",  # 0x98 has no character in cp1251
            b"Some words \x98\x98 and more words",
            "cannot tell its text encoding; convert it to UTF-8",
        ),
        (
            "menus.html",  # trafilatura falls back to the menu entries on such a page
            b"<html><body><nav><a href='/'>Home</a> <a href='/r'>Regions</a></nav>"
            b"<footer><a href='/a'>About us</a></footer></body></html>",
            "HTML page has no article text",
        ),
        (
            "app.htm",  # text filled in by JavaScript, absent from the saved page
            b"<!doctype html><html><head><title>App</title></head>"
            b"<body><div id='root'></div><script>render()</script></body></html>",
            "HTML page has no article text",
        ),
        (
            "page.html",  # a bare URL must not be fetched (see test_html) and has no article
            b"https://example.com/news/story",
            "HTML page has no article text",
        ),
    ],
)
def test_bad_file_yields_its_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = write(tmp_path, name, content)
    item = read_one(path)
    assert isinstance(item, InputError)
    assert item.path == str(path)
    assert item.reason == reason
    assert str(item) == f"{path}: {reason}"


def test_missing_path_yields_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    item = read_one(path)
    assert isinstance(item, InputError)
    assert (item.path, item.reason) == (str(path), "no such file or directory")


def test_folder_without_inputs_says_which_types_it_looks_for(tmp_path: Path) -> None:
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    item = read_one(tmp_path)
    assert isinstance(item, InputError)
    assert item.reason == (
        "folder has no .txt, .text, .md, .html, .htm, .pdf, .jsonl or .ndjson files"
    )


@pytest.mark.parametrize(
    ("content", "text", "language"),
    [
        (EN_TEXT.encode("utf-8"), EN_TEXT, "en"),
        (RU_TEXT.encode("utf-8"), RU_TEXT, "ru"),
        (RU_TEXT.encode("cp1251"), RU_TEXT, "ru"),
        (codecs.BOM_UTF8 + RU_TEXT.encode("utf-8"), RU_TEXT, "ru"),
        (RU_TEXT.encode("utf-16"), RU_TEXT, "ru"),  # Notepad's "Unicode", with a BOM
        (EN_TEXT.replace("\n", "\r\n").encode("utf-8") + b"\r\n\r\n", EN_TEXT, "en"),
        (EN_TEXT.replace("\n", "\r").encode("utf-8"), EN_TEXT, "en"),  # old Mac endings
        # leading whitespace and inner spacing stay: spans downstream count them
        (b"\n  Title  \n\nBody  text.\t \n", "\n  Title  \n\nBody  text.", "en"),
    ],
    ids=["utf8-en", "utf8-ru", "cp1251", "utf8-bom", "utf16-bom", "crlf", "cr", "spacing"],
)
def test_text_is_decoded_and_normalised(
    tmp_path: Path, content: bytes, text: str, language: str
) -> None:
    path = write(tmp_path, "article.txt", content)
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == text
    assert document.language == language
    assert document.format == "text"
    assert document.id == make_document_id(text)
    assert document.name == "article.txt"
    assert document.title is None and document.published is None
    assert [source.path for source in document.sources] == [str(path)]


def test_html_sniffed_from_content_whatever_the_extension(tmp_path: Path) -> None:
    paragraph = "<p>" + EN_TEXT + " " * 3 + EN_TEXT + "</p>"
    page = f"<!DOCTYPE html>\n<html><head><title>Saved page</title></head><body>{paragraph}"
    document = read_one(write(tmp_path, "saved.txt", page + "</body></html>"))
    assert isinstance(document, Document)
    assert document.format == "html"
    assert "<p>" not in document.text
    assert "A court in Shymkent fined a blogger" in document.text


def test_is_binary_accepts_text_with_a_stray_control_character() -> None:
    assert not is_binary(("word " * 200 + "\x07").encode("utf-8"))
    assert not is_binary(b"a\tb\fc\vd\r\n")
    assert is_binary(b"text\x00more text")


_CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"


@given(st.text())
def test_utf8_round_trips_exactly(text: str) -> None:
    assume(not text.startswith("\ufeff"))
    assert decode_text(text.encode("utf-8")) == text


# Real words, as detection weighs letter statistics: random letter strings are no language.
_RUSSIAN_WORDS = [
    "суд",
    "приговорил",
    "активиста",
    "к",
    "восьми",
    "годам",
    "лишения",
    "свободы",
    "по",
    "делу",
    "о",
    "массовых",
    "беспорядках",
    "в",
    "январе",
    "защита",
    "заявила",
    "что",
    "обжалует",
    "решение",
    "генеральная",
    "прокуратура",
    "сообщила",
    "погибли",
    "человек",
    "задержаны",
    "журналистка",
    "правозащитники",
    "аэропорт",
    "город",
    "власти",
    "президент",
]
_sentences = st.lists(st.sampled_from(_RUSSIAN_WORDS), min_size=2, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)


@given(st.lists(_sentences, min_size=1, max_size=5), st.sampled_from([" ", "\n", "\n\n"]))
def test_cp1251_russian_round_trips(sentences: list[str], separator: str) -> None:
    text = separator.join(sentences)
    assert decode_text(text.encode("cp1251")) == text


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "mac_cyrillic"])
def test_legacy_russian_encodings_are_detected(encoding: str) -> None:
    text = (
        "Суд в Алматы приговорил журналистку Айгерим Тлеужанову к четырём годам лишения "
        "свободы. Защита заявила, что обжалует приговор в вышестоящем суде."
    )
    assert decode_text(text.encode(encoding)) == text


@pytest.mark.parametrize("word", ["Суд", "А", "Алматы", "Тлеужанова"])
def test_short_cp1251_texts_fall_back_to_cp1251(word: str) -> None:
    assert decode_text(word.encode("cp1251")) == word


def test_western_legacy_text_keeps_its_accents_and_quotes() -> None:
    text = "The café owner’s account — “a fabrication” — was dismissed by the judge in Almaty."
    assert decode_text(text.encode("cp1252")) == text


@given(st.text())
def test_normalise_leaves_no_carriage_returns_or_trailing_space(text: str) -> None:
    result = normalise_text(text)
    assert "\r" not in result
    assert result == result.rstrip()
    assert normalise_text(result) == result


def test_decode_refuses_rather_than_guesses() -> None:
    with pytest.raises(ReadProblem) as raised:
        decode_text(bytes(range(0xA0, 0xC0)) * 4)
    assert raised.value.reason == "cannot tell its text encoding; convert it to UTF-8"
