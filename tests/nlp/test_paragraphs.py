"""Reading the whole page: every line is read except page furniture, and long lines are cut.

All texts here are written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qantar.model import Span
from qantar.nlp.annotate.paragraphs import PIECE_LIMIT, parse_pieces, prose_paragraphs


def kept(text: str) -> list[str]:
    return [span.slice(text) for span in prose_paragraphs(text)]


BODY = (
    "A court in the city sentenced four men on Tuesday for their part in the January riots, "
    "a spokesman for the court told reporters."
)

#: Lines that name people, bodies or places, or carry a date: each must be read.
KEPT_LINES = [
    ("headline", "Court jails four over January riots in Taraz"),
    ("headline in capitals", "THE DAY THE SQUARE FELL SILENT"),
    ("section label", "ASIA / KAZAKHSTAN POLITICS"),
    ("short label", "- Analysis"),
    ("byline", "by Marat Seitkali"),
    ("byline with outlet", "By Dana Aubakirova for Steppe Review March 3, 2023"),
    ("author label", "Author:"),
    ("date line", "07 Jan 2022"),
    ("timestamp", "10:45 14/02/2023"),
    ("dateline", "ALMATY, Jan 6 (Steppe Wire) -"),
    ("caption", "Police line up on a square in the city centre on the second day of protests"),
    ("credit without a mark", "Steppe Wire / Aigul Temirova"),
    ("photo credit", "Photo: Aigul Temirova / Steppe Wire"),
    ("credit with all rights reserved", "© Steppe Wire. All rights reserved."),
    ("lone place", "Kazakhstan"),
    ("inline teaser", "See also: Steppe Review asks what became of the missing"),
    ("russian headline", "Суд в Таразе вынес приговор участникам беспорядков"),
    ("russian list line", "Ерлан Жумабеков – к шести годам колонии;"),
    ("outlet name", "Steppe Review"),
]


@pytest.mark.parametrize(("shape", "line"), KEPT_LINES, ids=[s for s, _ in KEPT_LINES])
def test_lines_that_name_things_are_read(shape: str, line: str) -> None:
    for text in (f"{line}\n\n{BODY}", f"{BODY}\n{line}\n{BODY}", f"{BODY}\n\n{line}"):
        assert line in kept(text), (shape, text)


#: Page furniture: each must be left out wherever it stands.
DROPPED_LINES = [
    ("skip link", "Skip to main content"),
    ("accessibility", "Accessibility links"),
    ("menu label", "Main Menu"),
    ("player notice", "No media source currently available"),
    ("player times", "0:00 0:02:41 0:00"),
    ("share button", "Share"),
    ("share row", "Facebook  Twitter  Telegram  WhatsApp  Email"),
    ("share call", "Share this story on Facebook"),
    ("subscribe call", "Subscribe to our weekly newsletter and never miss a story."),
    ("sign-up call", "Sign up for the Steppe Review briefing. Support our reporting."),
    ("follow call", "Follow us on Telegram"),
    ("advertisement", "ADVERTISEMENT"),
    ("scroll ad", "Scroll to continue with content"),
    ("cookie notice", "This website uses cookies to improve your experience. Accept"),
    ("bare url", "https://video.example.org/watch?v=abc123"),
    ("image file", "IMG_2041.max-800x600.jpg"),
    ("download", "Скачать в PDF"),
    ("russian share", "Поделиться"),
    ("russian subscribe", "Подписывайтесь на наш канал в Telegram"),
    ("russian ad", "Реклама"),
    ("russian cookie", "Мы используем файлы cookie, чтобы сайт работал лучше"),
    ("menu line", "HOME | NEWS | POLITICS | WORLD | SPORT"),
]


@pytest.mark.parametrize(("shape", "line"), DROPPED_LINES, ids=[s for s, _ in DROPPED_LINES])
def test_furniture_is_left_out(shape: str, line: str) -> None:
    for text in (f"{line}\n\n{BODY}", f"{BODY}\n{line}\n{BODY}", f"{BODY}\n\n{line}"):
        assert kept(text) == [BODY] * text.count(BODY), (shape, text)


def test_a_menu_run_is_left_out_but_the_article_header_is_read() -> None:
    text = (
        "Skip to main content\n\nSteppe Review\n\nMenu\n\n  • News\n  • Regions\n  • About\n"
        "X\n\nCentral Asia\n\nKazakhstan\nKyrgyzstan\nUzbekistan\n\nEastern Europe\n\n"
        "Belarus\nRussia\nUkraine\n\nEconomy\n\nPolitics\n\nSociety\n\nPodcasts\nX\n"
        "Use the search box to look for stories.\n"
        "Kazakhstan, Central Asia\n\n"
        "Kazakhstan: the long wait for verdicts\n\n"
        "Families still do not know when the trials will end.\n\n"
        "Marat Seitkali Jul 2, 2022\n"
        f"{BODY}\n"
    )
    assert kept(text) == [
        "Use the search box to look for stories.",
        "Kazakhstan, Central Asia",
        "Kazakhstan: the long wait for verdicts",
        "Families still do not know when the trials will end.",
        "Marat Seitkali Jul 2, 2022",
        BODY,
    ]


def test_a_russian_menu_run_is_left_out() -> None:
    text = f"Главная\nНовости\nПолитика\nЭкономика\nОбщество\nВ мире\nКазахстан\nВидео\n{BODY}"
    assert kept(text) == [BODY]


def test_lists_of_names_are_read() -> None:
    names = ["Aigul Temirova", "Marat Seitkali", "Dana Aubakirova", "Yerlan Zhumabekov"]
    text = "The statement was signed by:\n" + "\n".join(names) + f"\n\n{BODY}"
    assert kept(text) == ["The statement was signed by:", *names, BODY]
    # With no introduction, one name a line, blank lines or not.
    for joiner in ("\n", "\n\n"):
        text = f"{BODY}\n\n" + joiner.join(names)
        assert kept(text) == [BODY, *names]


def test_a_russian_list_of_sentences_is_read() -> None:
    lines = [
        "Суд назначил наказания:",
        "Ерлан Жумабеков – к шести годам колонии;",
        "Айгуль Темирова – к трем годам ограничения свободы;",
        "Марат Сейткали – к пяти годам колонии.",
    ]
    assert kept("\n".join(lines)) == lines


def test_a_list_introduced_by_a_sentence_is_read_even_when_it_lists_places() -> None:
    places = ["Almaty", "Shymkent", "Taraz", "Aktobe", "Kyzylorda"]
    text = "A state of emergency was declared in these cities:\n" + "\n".join(places)
    assert kept(text) == text.split("\n")


def test_a_passage_cut_off_mid_sentence_keeps_its_last_line() -> None:
    text = f"{BODY}\n\nThe lawyers said they would appeal the sentences handed down to the thr"
    assert kept(text)[-1].endswith("the thr")
    text = f"{BODY}\nПосле оглашения пригово"
    assert kept(text)[-1] == "После оглашения пригово"


def test_related_and_popular_lists_are_left_out() -> None:
    text = (
        f"{BODY}\n\nRelated\n\n"
        "Miners in the west walk off the job again\n"
        "A new airport terminal opens in Turkestan\n\n"
        "Popular\n\n"
        "Miners in the west walk off the job again\n"
        "Marat Seitkali\n"
        "Georgia: protesters return to the avenue\n\n"
        f"{BODY}"
    )
    assert kept(text) == [BODY, BODY]


def test_a_read_more_list_without_blank_lines_ends_at_the_prose() -> None:
    text = (
        f"{BODY}\nRead more:\nMiners in the west walk off the job again\n"
        f"Readers ask about the amnesty law\n{BODY}"
    )
    assert kept(text) == [BODY, BODY]
    text = f"{BODY}\n\nЧитайте также:\n\nШахтеры снова вышли на забастовку\n\n{BODY}"
    assert kept(text) == [BODY, BODY]


def test_each_line_is_its_own_paragraph_and_offsets_are_the_documents() -> None:
    text = "  Court jails four  \nby Marat Seitkali\n\n\n" + BODY
    spans = prose_paragraphs(text)
    assert [s.slice(text) for s in spans] == ["Court jails four", "by Marat Seitkali", BODY]
    assert spans[0] == Span(2, 18)


def test_page_without_furniture_is_read_whole() -> None:
    text = "One line.\nTwo\nThree words here\n\nFour"
    assert kept(text) == ["One line.", "Two", "Three words here", "Four"]
    assert kept("") == []
    assert kept("\n\n  \n") == []


# --- cutting overlong lines for the parser -------------------------------------------------


def pieces(text: str, limit: int) -> list[str]:
    return [p.slice(text) for p in parse_pieces(text, Span(0, len(text)), limit)]


def test_a_short_line_is_one_piece() -> None:
    assert pieces(BODY, PIECE_LIMIT) == [BODY]
    assert PIECE_LIMIT == 5_000


def test_pieces_end_at_sentence_ends() -> None:
    text = "The court sat at nine. It heard four witnesses! Who spoke last? The judge; then all."
    assert pieces(text, 30) == [
        "The court sat at nine.",
        "It heard four witnesses!",
        "Who spoke last? The judge;",
        "then all.",
    ]


def test_abbreviations_and_initials_do_not_end_a_piece() -> None:
    text = "Mr. Seitkali met Dr. Temirova and A. Zhumabekov in Almaty on Jan. 6 that year."
    assert pieces(text, 50) == [
        "Mr. Seitkali met Dr. Temirova and A. Zhumabekov in",
        "Almaty on Jan. 6 that year.",
    ]


def test_without_sentence_ends_pieces_end_at_spaces_and_else_at_the_limit() -> None:
    text = "word " * 30
    for piece in pieces(text, 23):
        assert piece and len(piece) <= 23 and not piece.startswith(" ")
    assert " ".join(pieces(text, 23)) == text.strip()
    assert pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_pieces_cover_the_line_in_document_offsets() -> None:
    sentence = "The trial of the four men went on for a second week in the city court. "
    text = "Headline\n" + sentence * 400 + "\nNext line"
    line = Span(9, 9 + len(sentence) * 400 - 1)
    found = parse_pieces(text, line, PIECE_LIMIT)
    assert len(found) > 1
    assert all(len(p.slice(text)) <= PIECE_LIMIT for p in found)
    assert found[0].start == line.start and found[-1].end == line.end
    assert all(a.end < b.start for a, b in zip(found, found[1:], strict=False))
    squeezed = "".join(p.slice(text) for p in found).replace(" ", "")
    assert squeezed == text[line.start : line.end].replace(" ", "")
    assert all(p.slice(text).endswith(".") for p in found)


def test_a_zero_limit_is_refused() -> None:
    with pytest.raises(ValueError):
        parse_pieces("text", Span(0, 4), 0)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Ab.;:!?\n•|/©-–0123456789ЖжX ")), max_size=300))
def test_any_text_gives_ordered_lines(text: str) -> None:
    spans = prose_paragraphs(text)
    assert all(0 <= a.start < a.end <= len(text) for a in spans)
    assert all(a.end < b.start for a, b in zip(spans, spans[1:], strict=False))
    for span in spans:
        body = span.slice(text)
        assert "\n" not in body and body == body.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=1, max_value=60))
def test_any_line_gives_pieces_within_the_limit(text: str, limit: int) -> None:
    found = parse_pieces(text, Span(0, len(text)), limit)
    assert all(0 <= p.start < p.end <= len(text) and p.end - p.start <= limit for p in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    squeezed = "".join("".join(p.slice(text) for p in found).split())
    assert squeezed == "".join(text.split())
    assert all(p.slice(text) == p.slice(text).strip() for p in found)
