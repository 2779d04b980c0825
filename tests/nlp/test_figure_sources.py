"""Who gives a figure: the source the text credits, and its kind (sentences written for these
tests, English and Russian, tidy and untidy)."""

from __future__ import annotations

import pytest

from qantar.model import Document, make_document_id
from qantar.model import Source as Origin
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.figures import REQUIRES
from qantar.nlp.extract.figures.sources import Source, find_source, is_anaphoric, source_cues
from tests.nlp.helpers import extract, pipeline


def context_of(text: str, language: str, outlet: str | None = None) -> DocumentContext:
    """The context the figures reader sees: the text read and the facts it requires found."""
    doc = Document(
        id=make_document_id(text),
        name="test.txt",
        text=text,
        language=language,
        published="2022-01-20",
        published_precision="day",
        sources=[Origin(outlet=outlet)] if outlet else [],
    )
    pipe = pipeline()
    [annotation] = list(pipe.annotate([doc]))
    context = DocumentContext(annotation, pipe.lexicon)
    for extractor in pipe.extractors:
        if extractor.name in REQUIRES:
            context.facts[extractor.name] = extractor.run(context)
    return context


def source_of(
    text: str, number: str, language: str = "en", outlet: str | None = None
) -> tuple[str | None, str] | None:
    """The source ``find_source`` gives the number written ``number`` in ``text``."""
    context = context_of(text, language, outlet)
    offset = text.index(number)
    found = find_source(context, context.annotation.sentence_at(offset), offset)
    return (found.name, found.kind) if found else None


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        # the subject of a verb of saying above the number's clause
        (
            "The health ministry said on Monday that 41 people had died in the clashes.",
            "41",
            ("health ministry", "official"),
        ),
        (
            "Officials say soldiers shot 17 protesters in the square.",
            "17",
            ("Officials", "official"),
        ),
        # a verb that gives a count as its object
        (
            "The prosecutor's office put the number of people killed at 231.",
            "231",
            ("prosecutor's office", "official"),
        ),
        (
            "The regional health department has raised the death toll to 240.",
            "240",
            ("regional health department", "official"),
        ),
        ("Local monitors counted 46 deaths in custody.", "46", ("Local monitors", "independent")),
        # a participle of saying speaks for the subject of its clause
        (
            "The president addressed the nation, stating that 20,000 militants had attacked.",
            "20,000",
            ("president", "official"),
        ),
        # a speech verb the parser hung under what it frames, with the outlet's frame on it
        (
            "The court acted lawfully and 19 officers were convicted, the ministry said, "
            "a news site reports.",
            "19",
            ("ministry", "official"),
        ),
        # attribution phrases
        (
            "According to Human Rights Watch, at least 12 detainees were tortured.",
            "12",
            ("Human Rights Watch", "independent"),
        ),
        (
            "Prosecutor General Berik Asylov spoke to parliament. According to him, 514 suspects "
            "are in custody.",
            "514",
            ("Berik Asylov", "official"),
        ),
        # "it was reported": a verb of saying that names nobody
        ("It was reported that 8,300 administrative cases had been opened.", "8,300", None),
        # "claimed 225 lives" has a subject but no speaker
        ("The unrest, which claimed at least 225 lives, shook the country.", "225", None),
        # the next sentence points back at this one
        (
            "At least 95 people were detained overnight. This was reported by the city police "
            "department.",
            "95",
            ("city police department", "official"),
        ),
        # a headline "Body: claim"
        ("Police: 50 detained in Aktau", "50", ("Police", "official")),
        # the one cited gives the figure, not the one citing
        (
            "Reuters reported 164 deaths, citing state television.",
            "164",
            ("state television", "official"),
        ),
        # "the ministry" is the ministry named just before
        (
            "The Ministry of Internal Affairs named the officers who died. The ministry also "
            "said that 5,100 people had been detained.",
            "5,100",
            ("Ministry of Internal Affairs", "official"),
        ),
        # an unnamed speaker of a known kind
        ('"I saw at least 12 bodies," a local doctor said.', "12", ("local doctor", "independent")),
    ],
)
def test_english_sources(text: str, number: str, expected: tuple[str, str] | None) -> None:
    assert source_of(text, number) == expected


def test_each_side_of_a_sentence_has_its_own_source() -> None:
    text = "Some 300 people were held, while the interior ministry said 120 had been freed."
    assert source_of(text, "300") is None
    assert source_of(text, "120") == ("interior ministry", "official")


@pytest.mark.parametrize(
    ("text", "number", "kind"),
    [
        # an office before the name, spelt either way
        (
            "Deputy Prosecutor-General Marat Bekov said that four people died in custody.",
            "four",
            "official",
        ),
        (
            "Deputy Prosecutor General Marat Bekov said that four people died in custody.",
            "four",
            "official",
        ),
        # an office after the name
        (
            "Marat Bekov, the deputy prosecutor general, said 57 cases had been opened.",
            "57",
            "official",
        ),
        # an office given elsewhere in the document
        (
            "Interior Minister Erlan Sadykov spoke to reporters on Friday. Sadykov said 90 "
            "officers were hurt.",
            "90",
            "official",
        ),
        # a post in an official body
        (
            "Deputy head of the investigation service of the Prosecutor-General's Office Daniyar "
            "Omarov said 392 cases had gone to court.",
            "392",
            "official",
        ),
        # roles that make a person independent
        ("Lawyer Aiman Dzhaksybekova said 14 of her clients were beaten.", "14", "independent"),
        (
            "Aliya Nurova, a researcher at the Kazakhstan International Bureau for Human Rights, "
            "told reporters that 33 people were still missing.",
            "33",
            "independent",
        ),
        # a name alone says nothing of its kind
        ("Nurlan Bekmukhamedov said 14 people were beaten.", "14", "unknown"),
    ],
)
def test_the_kind_of_a_person(text: str, number: str, kind: str) -> None:
    found = source_of(text, number)
    assert found is not None and found[1] == kind


def test_a_quotation_belongs_to_its_speaker() -> None:
    text = '"We counted 64 bodies in the morgue that night," said activist Galym Ageleuov.'
    assert source_of(text, "64") == ("Galym Ageleuov", "independent")


def test_a_bare_statement_continues_the_source_just_named() -> None:
    text = (
        "According to Sanzhar Tulegenov, head of the investigation department of the Interior "
        "Ministry, the inquiry is nearly over. In total, 4,100 criminal cases have been opened."
    )
    assert source_of(text, "4,100") == ("Sanzhar Tulegenov", "official")


def test_an_ngo_gives_the_figures_of_its_own_publication() -> None:
    text = (
        "Amnesty International: Kazakhstan annual review\n\n"
        "The protests began in early January. More than 150 protesters were injured by police."
    )
    assert source_of(text, "150", outlet="Amnesty International") == (
        "Amnesty International",
        "independent",
    )
    # an outlet's own uncredited figure is nobody's
    assert source_of(text, "150", outlet="The Daily Courier") is None


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        (
            "По данным Генеральной прокуратуры, погибли 225 человек.",
            "225",
            ("Генеральная прокуратура", "official"),
        ),
        # the phrase alone, in the nominative
        (
            "По официальным данным, задержаны 9 900 человек.",
            "9 900",
            ("официальные данные", "official"),
        ),
        # an estimate that names nobody is no source
        ("По предварительной оценке, ущерб составил 40 млн долларов.", "40", None),
        # the body after an impersonal verb of saying, in the nominative; not a day
        (
            "Как сообщили в пресс-службе областного суда, осуждены 48 человек.",
            "48",
            ("пресс-служба областного суда", "official"),
        ),
        (
            "Всего в области, как сообщили в областном суде, осуждён 61 человек.",
            "61",
            ("областной суд", "official"),
        ),
        ("Как сообщили в субботу, задержаны 40 человек.", "40", None),
        # dash-led speech with the speaker's title
        (
            "— Погибли 40 человек, — сообщил генпрокурор Берик Асылов.",
            "40",
            ("Берик Асылов", "official"),
        ),
        (
            "Задержаны 15 человек, сказал журналистам официальный представитель МВД Алмас "
            "Садубаев.",
            "15",
            ("Алмас Садубаев", "official"),
        ),
        # a title with the country between it and the name
        (
            "Министр внутренних дел Казахстана Ерлан Тургумбаев сообщил, что ранены 310 "
            "полицейских.",
            "310",
            ("Ерлан Тургумбаев", "official"),
        ),
        # the number in the object of the verb of saying
        (
            "Пресс-служба президента заявила о задержании 5,8 тыс. человек.",
            "5,8",
            ("Пресс-служба президента", "official"),
        ),
        (
            "Генпрокуратура сообщила о том, что 88 полицейских привлечены к ответственности.",
            "88",
            ("Генпрокуратура", "official"),
        ),
        # the next sentence points back; the one cited gives the figure, not the one citing
        (
            "В стране задержаны 7 900 человек. Такие данные приводит агентство со ссылкой на "
            "оперативный штаб МВД.",
            "7 900",
            ("оперативный штаб МВД", "official"),
        ),
        (
            "Ранены 120 человек. Об этом сообщили в пресс-службе МВД.",
            "120",
            ("пресс-служба МВД", "official"),
        ),
        # independent counters
        (
            "Волонтеры провели собственное расследование и насчитали 263 погибших.",
            "263",
            ("Волонтеры", "independent"),
        ),
        (
            "Правозащитница Айгуль Садыкова сообщила, что в изоляторе находятся 30 человек.",
            "30",
            ("Айгуль Садыкова", "independent"),
        ),
        (
            "Адвокат Жанна Ахметова, представляющая семьи погибших, заявила, что 18 человек "
            "погибли от пыток.",
            "18",
            ("Жанна Ахметова", "independent"),
        ),
        (
            "Айдос Садыков заявил, что 12 человек пропали без вести.",
            "12",
            ("Айдос Садыков", "unknown"),
        ),
        # a report named without its author: the body the text just said published it
        (
            "БДИПЧ ОБСЕ выпустило отчет о судебных процессах. В отчете говорится о 35 уголовных "
            "делах.",
            "35",
            ("БДИПЧ ОБСЕ", "independent"),
        ),
        # "по его словам" after an official was named
        (
            "Генеральный прокурор Берик Асылов выступил в Мажилисе. По его словам, под стражей "
            "находятся 514 человек.",
            "514",
            ("Берик Асылов", "official"),
        ),
        # a headline
        ("Генпрокуратура: число погибших достигло 230", "230", ("Генпрокуратура", "official")),
        # an attribution inside what someone says outranks the one who says it
        (
            "Авторы доклада напоминают, что, по официальным данным, в январе были задержаны "
            "почти 10 тысяч человек.",
            "10",
            ("официальные данные", "official"),
        ),
        (
            "Агентство сообщило о 164 погибших, ссылаясь на данные Минздрава.",
            "164",
            ("Минздрав", "official"),
        ),
        # a post whose kind is the body's, with the name under it
        (
            "Глава МВД Ерлан Тургумбаев сообщил журналистам, что задержаны 9 900 человек.",
            "9 900",
            ("Ерлан Тургумбаев", "official"),
        ),
        # dash-led speech over two sentences, the speaker's words after the second
        (
            "— Погибли 230 человек. Ранены 3,5 тысячи, — сказал генпрокурор Берик Асылов.",
            "230",
            ("Берик Асылов", "official"),
        ),
    ],
)
def test_russian_sources(text: str, number: str, expected: tuple[str, str] | None) -> None:
    assert source_of(text, number, "ru") == expected


def test_a_figure_record_takes_the_source_the_next_sentence_names() -> None:
    record = extract(
        "В Казахстане погибли 230 человек. Такую цифру назвал генеральный прокурор Берик Асылов.",
        language="ru",
        published="2022-01-20",
    )
    [figure] = record["figures"]
    assert (figure["attributed_to"], figure["source_type"]) == ("Берик Асылов", "official")


def test_an_anaphoric_body_is_recognised_in_any_case() -> None:
    context = context_of("Ведомство сообщило об этом.", "ru")
    assert is_anaphoric(context, Source("ведомство", "official"))
    assert not is_anaphoric(context, Source("МВД", "official"))


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_list_is_there_in_both_languages(language: str) -> None:
    cues = source_cues(language)
    for name in (
        "official",
        "independent",
        "official_titles",
        "independent_roles",
        "posts",
        "attribution",
        "speech_verbs",
        "figure_verbs",
        "count_verbs",
        "count_nouns",
        "statements",
        "anaphors",
        "pronouns",
    ):
        assert getattr(cues, name), f"{name} is empty for {language}"
