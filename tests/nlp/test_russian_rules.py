"""Russian grammar rules for places, charges, verdict back-references and quote speakers.

Every sentence here was written for these tests (invented people, invented cases).
"""

from __future__ import annotations

from typing import Any

import pytest

from qantar.nlp.lexicon import load_lexicon
from qantar.nlp.normalize.russian_phrases import nominative_charges
from qantar.nlp.normalize.russian_places import place_case_forms
from qantar.nlp.normalize.spans import trim
from qantar.nlp.normalize.terms import find_terms
from tests.nlp.helpers import extract


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Кызылорда", "Кызылорде"),
        ("Кызылорда", "Кызылорды"),
        ("Костанай", "Костанае"),
        ("Павлодар", "Павлодаром"),
        ("Усть-Каменогорск", "Усть-Каменогорска"),
        ("Россия", "России"),
        ("Беларусь", "Беларуси"),
        ("аэропорт Алматы", "аэропорта Алматы"),
    ],
)
def test_place_names_decline_by_their_last_letter(name: str, form: str) -> None:
    assert form in place_case_forms(name)


@pytest.mark.parametrize("name", ["Алматы", "Актобе", "Атырау", "Almaty"])
def test_vowel_final_and_latin_names_do_not_decline(name: str) -> None:
    assert place_case_forms(name) == []


def test_the_gazetteer_finds_a_declined_place_with_its_nominative() -> None:
    [hit] = load_lexicon().find("Митинг в Павлодаре начался вечером.")
    assert (hit.text, hit.normal, hit.canonical) == ("Павлодаре", "Павлодар", "Pavlodar")


def test_a_declined_place_is_one_place_in_the_nominative() -> None:
    record = extract(
        "Акция прошла в Костанае. Жители Костаная вышли на площадь, сообщили в Костанае.",
        language="ru",
    )
    assert [p for p in record["places"] if p.startswith("Костана")] == ["Костанай"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("хулиганстве", ["хулиганство"]),
        ("краже, совершённой группой лиц", ["кража, совершённая группой лиц"]),
        ("хулиганстве и порче чужого имущества", ["хулиганство", "порча чужого имущества"]),
        ("участии в погромах и поджогах", ["участие в погромах и поджогах"]),
        ("организацию массовых беспорядков", ["организация массовых беспорядков"]),
        ("поджог автомобиля", ["поджог автомобиля"]),
    ],
)
def test_charges_come_out_in_the_nominative_one_per_offence(
    phrase: str, expected: list[str]
) -> None:
    assert nominative_charges(phrase) == expected


def test_a_range_with_a_unit_on_both_ends() -> None:
    [term] = find_terms("получили от шести месяцев до трёх лет колонии", "ru")
    assert (term.months, term.low, term.high) == (None, 6, 36)


def test_a_leading_russian_particle_is_not_part_of_a_name() -> None:
    text = "Ни Каиргалиев, ни его брат не пришли."
    start, end = trim(text, 0, len("Ни Каиргалиев"))
    assert text[start:end] == "Каиргалиев"


def _verdicts(text: str) -> dict[str | None, dict[str, Any]]:
    return {v["defendant"]: v for v in extract(text, language="ru")["verdicts"]}


def test_a_pronoun_clause_adds_charges_to_the_verdict_before_it() -> None:
    found = _verdicts(
        "Суд приговорил Тимура Абилова к четырём годам лишения свободы. "
        "Его признали виновным в хулиганстве и порче чужого имущества."
    )
    assert found["Тимур Абилов"]["term_months"] == 48
    assert "хулиганство" in found["Тимур Абилов"]["charges"]


def test_a_charge_in_a_relative_clause_before_the_trigger() -> None:
    found = _verdicts(
        "Руслана Ахметова, которому вменяли поджог полицейского автомобиля, суд оправдал."
    )
    [verdict] = found.values()
    assert verdict["outcome"] == "acquitted"
    assert verdict["charges"] == ["поджог полицейского автомобиля"]


def test_a_suspended_prison_term_is_suspended() -> None:
    found = _verdicts("Серику Оспанову суд назначил два года лишения свободы условно.")
    [verdict] = found.values()
    assert (verdict["outcome"], verdict["term_months"]) == ("suspended", 24)


def test_a_passive_penalty_names_its_outcome() -> None:
    found = _verdicts(
        "Айгуль Сарсенбаевой назначен штраф за участие в несанкционированном митинге."
    )
    [verdict] = found.values()
    assert verdict["outcome"] == "fine"
    assert verdict["charges"] == ["участие в несанкционированном митинге"]


def _speakers(text: str) -> list[str | None]:
    return [q["speaker"] for q in extract(text, language="ru")["quotes"]]


def test_the_speaker_after_the_verb_is_the_one_in_the_nominative() -> None:
    text = (
        "«Мы подадим жалобу в областной суд уже на этой неделе», — заявил журналистам "
        "адвокат Касымова Нурлан Байжанов."
    )
    assert _speakers(text) == ["Нурлан Байжанов"]


def test_a_pronoun_after_the_verb_is_the_last_subject_named() -> None:
    text = (
        "Медсестра Динара Алиева рассказала, что брата Руслана Алиева ранили на площади. "
        "«Мы искали его по больницам три дня подряд», — сказала она."
    )
    assert _speakers(text) == ["Динара Алиева"]


def test_a_short_quoted_name_does_not_cut_off_the_speaker() -> None:
    text = (
        "«Нам до сих пор не ответили ни на один запрос о задержанных», — сказал руководитель "
        "общественного фонда «Чистый город» Арман Сейтов."
    )
    assert _speakers(text) == ["Арман Сейтов"]


def test_a_pronoun_verdict_with_an_article_of_the_code() -> None:
    found = _verdicts(
        "Другой подсудимый, Марат Сабитов, был задержан в Караганде. "
        "Его осудили на восемь лет по статье о захвате заложников."
    )
    verdict = found["Марат Сабитов"]
    assert (verdict["outcome"], verdict["term_months"]) == ("prison", 96)
    assert verdict["charges"] == ["захват заложников"]


def test_a_verdict_without_a_place_takes_the_city_of_the_trial_before_it() -> None:
    record = extract(
        "Суд в Павлодаре в пятницу вынес приговор по делу о погромах. "
        "Ещё один обвиняемый оправдан.",
        language="ru",
        published="2022-09-10",
    )
    [verdict] = record["verdicts"]
    assert (verdict["outcome"], verdict["city"]) == ("acquitted", "Pavlodar")
