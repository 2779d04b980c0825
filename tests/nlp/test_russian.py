"""Russian annotation (natasha run for real) and the rules that put names into the nominative.

The news text below was written for these tests; it is not taken from the corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qantar.model import Document, make_document_id
from qantar.nlp.annotate.russian import NatashaModels, annotate_russian, load_natasha
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.normalize.russian_names import (
    first_name_gender,
    nominative_name,
    nominative_surname,
    normalize_people,
)

NEWS = """\
Суд в Алматы вынес приговор троим участникам январских протестов

Специализированный межрайонный суд по уголовным делам Алматы в среду вынес приговор троим \
участникам январских протестов. Активистку Айгерим Тлеужанову приговорили к трём годам \
ограничения свободы, а Калас Нурпеисов получил пять лет колонии. По версии следствия, \
Нурпеисову и Тлеужановой вменяли участие в массовых беспорядках у здания акимата. Защита \
Болата Сейтказиева заявила, что признательные показания были получены под давлением \
сотрудников КНБ.

«Мы будем обжаловать решение в Верховном суде», — сказал журналистам адвокат Ерлан Жумабеков.

Президент Касым-Жомарт Токаев ранее обещал амнистию для тех, кто не применял насилие. \
Напомним, что в январе в Казахстан по просьбе Токаева были введены войска ОДКБ. Бывшему главе \
КНБ Кариму Масимову предъявлено обвинение в госизмене. Правозащитница Бахытжан Торегожина из \
организации «Ар.Рух.Хак» назвала процесс показательным.
"""

MENU = """\
Главная
Политика
Россия
Узбекистан
Видео

Адвоката Ляззат Досмамбетову вызвали в департамент полиции Шымкента для дачи показаний.

Подписывайтесь
Telegram
"""


def _doc(text: str) -> Document:
    return Document(id=make_document_id(text), name="test.txt", text=text, language="ru")


@pytest.fixture(scope="module")
def models() -> NatashaModels:
    """natasha loaded once for the module (about a second)."""
    return load_natasha()


@pytest.fixture(scope="module")
def news(models: NatashaModels) -> Annotation:
    [annotation] = annotate_russian([_doc(NEWS)])
    return annotation


def _names(annotation: Annotation, label: str) -> list[str]:
    return [e.normal or e.text for e in annotation.entities if e.label == label]


def test_models_are_loaded_once(models: NatashaModels) -> None:
    assert load_natasha() is models


def test_people_are_found_in_the_nominative(news: Annotation) -> None:
    assert _names(news, "PERSON") == [
        "Айгерим Тлеужанова",
        "Калас Нурпеисов",
        "Нурпеисов",
        "Тлеужанова",
        "Болат Сейтказиев",
        "Ерлан Жумабеков",
        "Касым-Жомарт Токаев",
        "Токаев",
        "Карим Масимов",
        "Бахытжан Торегожина",
    ]


def test_normal_is_empty_when_the_surface_is_already_nominative(news: Annotation) -> None:
    normal = {e.text: e.normal for e in news.entities}
    assert normal["Калас Нурпеисов"] == ""
    assert normal["КНБ"] == ""
    assert normal["Кариму Масимову"] == "Карим Масимов"


def test_organisations_and_places(news: Annotation) -> None:
    assert {"КНБ", "ОДКБ", "Верховный суд", "Ар.Рух.Хак"} <= set(_names(news, "ORG"))
    assert _names(news, "ORG").count("КНБ") == 2
    assert set(_names(news, "GPE")) == {"Алматы", "Казахстан"}
    assert {e.label for e in news.entities} == {"PERSON", "ORG", "GPE"}


def test_offsets_slice_the_exact_surface_text(news: Annotation) -> None:
    assert news.entities
    for entity in news.entities:
        assert NEWS[entity.start : entity.end] == entity.text
    starts = [e.start for e in news.entities]
    assert starts == sorted(starts)


def test_sentences_cover_the_entities(news: Annotation) -> None:
    assert len(news.sentences) == 10  # the headline and nine sentences of prose
    for before, after in zip(news.sentences, news.sentences[1:], strict=False):
        assert before.end <= after.start
    for entity in news.entities:
        sentence = news.sentence_at(entity.start)
        assert sentence.start <= entity.start and entity.end <= sentence.end
    quote = news.sentence_text(NEWS.index("Ерлан Жумабеков"))
    assert quote.startswith("«Мы будем обжаловать") and quote.endswith("Ерлан Жумабеков.")


def test_menu_lines_are_skipped_and_offsets_stay_in_document_coordinates(
    models: NatashaModels,
) -> None:
    [annotation] = annotate_russian([_doc(MENU)])
    found = {(e.label, e.normal or e.text) for e in annotation.entities}
    assert found == {("PERSON", "Ляззат Досмамбетова"), ("GPE", "Шымкент")}
    prose_start = MENU.index("Адвоката")
    assert [(p.start, p.slice(MENU)[:8]) for p in annotation.paragraphs] == [
        (prose_start, "Адвоката")
    ]
    for entity in annotation.entities:
        assert entity.start > prose_start
        assert MENU[entity.start : entity.end] == entity.text


@pytest.mark.parametrize("text", ["", "\n\n", "Главная\nПолитика\nВидео\nКонтакты\n"])
def test_a_document_without_prose_gives_an_empty_annotation(
    models: NatashaModels, text: str
) -> None:
    [annotation] = annotate_russian([_doc(text)])
    assert annotation.paragraphs == []
    assert annotation.sentences == []
    assert annotation.entities == []


def test_documents_come_back_in_order(models: NatashaModels) -> None:
    docs = [_doc(MENU), _doc(""), _doc(NEWS)]
    assert [a.doc.id for a in annotate_russian(docs)] == [d.id for d in docs]


# --- names -------------------------------------------------------------------------------

NAME_CASES = [
    # tokens, gender hint, nominative
    (["Айгерим", "Тлеужановой"], "femn", "Айгерим Тлеужанова"),
    (["Айгерим", "Тлеужанову"], None, "Айгерим Тлеужанова"),  # Айгерим does not decline
    (["Нурпеисову"], None, "Нурпеисов"),  # -ову is never nominative: masculine dative
    (["Карима", "Масимова"], "masc", "Карим Масимов"),  # "приговор Карима Масимова"
    (["Карима", "Масимова"], "femn", "Карима Масимова"),
    (["Карима", "Масимова"], None, "Карима Масимова"),  # ambiguous: left as written
    (["Касым-Жомарта", "Токаева"], "masc", "Касым-Жомарт Токаев"),
    (["Касым-Жомарта", "Токаева"], None, "Касым-Жомарт Токаев"),  # Жомарт is a man's name
    (["Ляззат", "Досмамбетовой"], None, "Ляззат Досмамбетова"),
    (["Ляззат", "Досмамбетова"], None, "Ляззат Досмамбетова"),
    (["Бахытжан", "Торегожина"], "masc", "Бахытжан Торегожина"),  # grammar overrules the hint
    (["Бахытжан", "Торегожиной"], None, "Бахытжан Торегожина"),
    (["Бахытжана", "Сагинтаева"], None, "Бахытжан Сагинтаев"),
    (["Болата", "Сейтказиева"], None, "Болат Сейтказиев"),
    (["Ерлана", "Жумабекова"], None, "Ерлан Жумабеков"),
    (["Кариму", "Масимову"], None, "Карим Масимов"),
    (["Карим", "Масимову"], "masc", "Карим Масимов"),  # first name left undeclined
    (["Масимову", "Кариму"], None, "Масимов Карим"),  # surname first
    (["Нурсултаном", "Назарбаевым"], None, "Нурсултан Назарбаев"),
    (["Жан-Айдару", "Карменову"], None, "Жан-Айдар Карменов"),
    (["Берику", "Асылову"], None, "Берик Асылов"),
    (["Нурлана", "Абишевича", "Кенжебаева"], None, "Нурлан Абишевич Кенжебаев"),
    (["Жанар", "Кемелевны", "Асыловой"], None, "Жанар Кемелевна Асылова"),
    (["Сауле", "Тлеужановой"], None, "Сауле Тлеужанова"),
    (["Айгуль", "Сапарбаевой"], None, "Айгуль Сапарбаева"),
    (["Асель", "Нурпеисовой"], "Fem", "Асель Нурпеисова"),  # natasha's spelling of the gender
    (["Динары", "Асыловой"], None, "Динара Асылова"),
    (["Гульнары", "Кожахметовой"], None, "Гульнара Кожахметова"),
    (["Анной", "Ивановой"], None, "Анна Иванова"),
    (["Владимира", "Путина"], None, "Владимир Путин"),
    (["Марина", "Петрова"], None, "Марина Петрова"),  # Марина looks like a surname in -ин
    (["Нурлана", "Бекмуханбетулы"], None, "Нурлан Бекмуханбетулы"),
    (["Жанболату", "Кыдырбекулы"], None, "Жанболат Кыдырбекулы"),
    (["Серика", "Жумабай"], None, "Серик Жумабай"),
    (["К.", "Масимову"], None, "К. Масимов"),
    (["Калас", "Нурпеисов"], None, "Калас Нурпеисов"),
    ([], None, ""),
]


@pytest.mark.parametrize(("tokens", "gender", "expected"), NAME_CASES)
def test_nominative_name(tokens: list[str], gender: str | None, expected: str) -> None:
    assert nominative_name(tokens, gender) == expected


SURNAME_CASES = [
    ("Нурпеисову", None, "Нурпеисов"),
    ("Нурпеисову", "femn", "Нурпеисова"),
    ("Нурпеисова", None, "Нурпеисова"),
    ("Нурпеисова", "masc", "Нурпеисов"),
    ("Тлеужановой", None, "Тлеужанова"),
    ("Тлеужановой", "masc", "Тлеужанова"),  # -овой is only feminine
    ("Масимовым", None, "Масимов"),
    ("Масимове", None, "Масимов"),
    ("Токаеву", None, "Токаев"),
    ("Сатпаевым", None, "Сатпаев"),
    ("Соловьёвым", None, "Соловьёв"),
    ("Путину", "femn", "Путина"),
    ("Ильиной", None, "Ильина"),
    ("Ивановою", None, "Иванова"),
    ("Токаев", "femn", "Токаев"),
    ("Бекмуханбетулы", None, "Бекмуханбетулы"),
    ("Асылбек", "masc", "Асылбек"),
    ("Жумабай", None, "Жумабай"),
    ("суд", None, "суд"),
]


@pytest.mark.parametrize(("word", "gender", "expected"), SURNAME_CASES)
def test_nominative_surname(word: str, gender: str | None, expected: str) -> None:
    assert nominative_surname(word, gender) == expected


@pytest.mark.parametrize(
    ("word", "gender"),
    [
        ("Карима", "masc"),  # more often the genitive of Карим than the woman's name
        ("Кариму", None),  # Карим's dative and Карима's accusative weigh the same
        ("Айгерим", "femn"),
        ("Ляззат", "femn"),  # pymorphy2 says masculine; our table knows better
        ("Бахытжан", None),  # given to men and women
        ("Ерлана", "masc"),  # pymorphy2 only guesses; our table knows Ерлан
        ("Касым-Жомарта", "masc"),
        ("Динары", "femn"),
        ("Айгуль", "femn"),
        ("Smith", None),
    ],
)
def test_first_name_gender(word: str, gender: str | None) -> None:
    assert first_name_gender(word) == gender


def test_an_unknown_gender_value_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown gender"):
        nominative_name(["Нурпеисову"], "male")


def test_a_lone_surname_takes_the_gender_settled_elsewhere_in_the_document() -> None:
    alone = normalize_people([("Тлеужанову", "Тлеужанову")])
    assert alone == ["Тлеужанов"]  # no evidence: the masculine reading
    together = normalize_people(
        [("Айгерим Тлеужанову", "Айгерим Тлеужанову"), ("Тлеужанову", "Тлеужанову")]
    )
    assert together == ["Айгерим Тлеужанова", "Тлеужанова"]
    men = normalize_people([("Калас Нурпеисов", "Калас Нурпеисов"), ("Нурпеисова", "")])
    assert men == ["Калас Нурпеисов", "Нурпеисов"]


def test_natasha_settles_what_grammar_and_first_name_leave_open() -> None:
    # Марину is Марин's dative or Марина's accusative, and pymorphy2 weighs both the same.
    assert normalize_people([("Марину Петрову", "Марина Петрова")]) == ["Марина Петрова"]
    assert normalize_people([("Марину Петрову", "Марин Петров")]) == ["Марин Петров"]


def test_natasha_keeps_the_names_our_rules_do_not_cover() -> None:
    assert normalize_people([("Фёдора Достоевского", "Фёдор Достоевский")]) == ["Фёдор Достоевский"]
    assert normalize_people([("Достоевского", "")]) == ["Достоевского"]


_STEMS = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("БГДЖКМНПРСТШ"),
    st.text(alphabet="абвдеиклмнопрстуыш", min_size=2, max_size=7),
)


@settings(max_examples=300, deadline=None)
@given(stem=_STEMS, suffix=st.sampled_from(["ов", "ев", "ин"]))
def test_every_case_of_a_surname_folds_back(stem: str, suffix: str) -> None:
    masculine = stem + suffix
    for ending in ["", "а", "у", "ым", "е"]:
        assert nominative_surname(masculine + ending, "masc") == masculine
    for ending in ["а", "у", "ой", "ою"]:
        assert nominative_surname(masculine + ending, "femn") == masculine + "а"
