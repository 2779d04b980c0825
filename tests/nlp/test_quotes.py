"""Quotations on articles the rules were not written for: dash-set Russian speech, untidy
quotation marks, short quoted phrases with a speaker, and quoted terms that are not speech.
Every text here is written for the test."""

from __future__ import annotations

from qantar.nlp.extract.quote_spans import find_quote_spans
from qantar.nlp.extract.quotes.dashes import dash_framed, dash_led
from tests.nlp.helpers import extract


def _quotes(text: str, language: str = "en") -> list[tuple[str | None, str]]:
    return [(q["speaker"], q["text"]) for q in extract(text, language=language)["quotes"]]


# -- finding the words ----------------------------------------------------------------------


def test_a_quote_closed_by_a_mark_of_another_kind_is_one_quote() -> None:
    text = 'He wrote: “the hearing lasted ten minutes in all" and left.'
    [quote] = find_quote_spans(text)
    assert (quote.text, quote.closed) == ("the hearing lasted ten minutes in all", True)


def test_a_quote_that_nothing_closes_runs_to_the_end_of_its_paragraph() -> None:
    text = "She said the guards were «ещё не готовы отвечать\nNext paragraph."
    [quote] = find_quote_spans(text, 0, text.index("\n"))
    assert (quote.text, quote.closed) == ("ещё не готовы отвечать", False)


def test_a_paragraph_of_dash_led_speech_splits_into_speech_and_author_words() -> None:
    text = "— Мы ничего не поджигали, — сказал подсудимый. — Нас задержали у дома."
    found = dash_led(text, 0, len(text))
    assert found is not None
    assert [q.text for q in found.speech] == ["Мы ничего не поджигали", "Нас задержали у дома."]
    assert [text[a:b] for a, b in found.authors] == ["сказал подсудимый"]


def test_speech_framed_by_a_dash_after_it_has_no_opening_dash() -> None:
    text = "Суд проигнорировал показания свидетелей, — отметила защитница. Заседание отложили."
    [(speech, author)] = dash_framed(text, 0, len(text))
    assert speech.text == "Суд проигнорировал показания свидетелей"
    assert text[author:].startswith("отметила")


# -- English --------------------------------------------------------------------------------


def test_a_short_phrase_ordered_by_a_named_person_is_a_quote() -> None:
    text = (
        "Interior Minister Serik Zhaksybekov ordered the police to 'clear the square by "
        "morning', according to two officers who were there."
    )
    assert _quotes(text) == [("Serik Zhaksybekov", "clear the square by morning")]


def test_quoted_charges_and_labels_are_not_quotes() -> None:
    text = (
        "The two brothers were sentenced to five years for “organising mass unrest” and "
        "“attacking a police officer on duty at the time”. Their file was marked as ‘strictly "
        "confidential’. Supporters in the courtroom shouted “disgrace”."
    )
    assert _quotes(text) == []


def test_the_speaker_of_a_complement_clause_frames_the_quote() -> None:
    text = (
        "Lawyer Dana Serikbayeva said that investigators had used “methods that leave no "
        "marks” on her client."
    )
    assert _quotes(text) == [("Dana Serikbayeva", "methods that leave no marks")]


def test_a_quote_alone_in_a_paragraph_continues_the_words_reported_before_it() -> None:
    text = (
        "Teacher Marat Kenesov says the police beat him in custody and kept him awake.\n\n"
        "“They made me stand for two days and never told me what I was accused of.”"
    )
    assert _quotes(text) == [
        (
            "Marat Kenesov",
            "They made me stand for two days and never told me what I was accused of.",
        )
    ]


def test_a_quote_cut_off_by_the_end_of_the_passage_keeps_its_speaker() -> None:
    text = (
        "Nurlan Abenov told reporters on Monday that his brother had been held “without any "
        "charge for almost tw"
    )
    assert _quotes(text) == [("Nurlan Abenov", "without any charge for almost tw")]


def test_quoted_as_saying_names_the_subject() -> None:
    text = (
        "“We never saw a single weapon among the people on the square,” Aliya Nurgaliyeva "
        "was quoted as saying by a local news site."
    )
    [(speaker, _)] = _quotes(text)
    assert speaker == "Aliya Nurgaliyeva"


# -- Russian --------------------------------------------------------------------------------


def test_dash_led_speech_takes_the_speaker_of_the_authors_words() -> None:
    text = (
        "— Мы не признаём этот приговор, — заявил журналистам адвокат Ержан Сапаров. — "
        "Будем обжаловать его в кассационной инстанции."
    )
    assert _quotes(text, "ru") == [
        ("Ержан Сапаров", "Мы не признаём этот приговор"),
        ("Ержан Сапаров", "Будем обжаловать его в кассационной инстанции."),
    ]


def test_speech_before_a_framing_dash_is_a_quote() -> None:
    text = (
        "Решение суда будет обжаловано в ближайшие дни, — отметила правозащитница Гульнара Бекова."
    )
    assert _quotes(text, "ru") == [
        ("Гульнара Бекова", "Решение суда будет обжаловано в ближайшие дни")
    ]


def test_a_dashed_list_is_not_speech() -> None:
    text = "По данным ведомства:\n— задержаны 120 человек;\n— возбуждено 40 уголовных дел."
    assert _quotes(text, "ru") == []


def test_a_participle_of_saying_speaks_for_its_subject() -> None:
    text = (
        "Министр Ерлан Тулегенов выступил в парламенте, назвав участников беспорядков "
        "«обманутой молодёжью»."
    )
    assert _quotes(text, "ru") == [("Ерлан Тулегенов", "обманутой молодёжью")]


def test_a_verb_of_saying_in_a_clause_of_time_frames_nothing() -> None:
    text = (
        "Пока чиновники рассказывают о реформах, дела о пытках закрывают «за отсутствием "
        "состава преступления»."
    )
    assert _quotes(text, "ru") == []
