"""Names as the text gives them (issue 18, SCHEMA conventions 1 and 2): places with their kind
("Aktobe region"), the regions of a list, places inside the names of bodies, bodies in lower
case or described in full, bodies joined to their place, titles kept out of people's names, and
Russian names in the nominative. Every text here is written for the test, tidy or not."""

from __future__ import annotations

from typing import Any

import pytest

from tests.nlp.helpers import extract, names


def folded(values: Any) -> set[str]:
    return {str(v).casefold() for v in values}


def org_names(record: dict[str, Any]) -> set[str]:
    return folded(names(record["organizations"]))


# --- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Protesters blocked a highway in the Aktobe region on Tuesday.", "aktobe region"),
        ("A village in the Munaily district was left without gas for a week.", "munaily district"),
        ("Karaganda Region officials said the roads were open again.", "karaganda region"),
        ("Жители Актюбинской области вышли на площадь.", "актюбинская область"),
        ("В Кызылординской области задержали трех человек.", "кызылординская область"),
    ],
)
def test_a_place_is_named_with_its_kind(text: str, place: str) -> None:
    language = "ru" if any("а" <= ch <= "я" for ch in text.lower()) else "en"
    assert place in folded(extract(text, language=language)["places"])


def test_a_region_alone_does_not_name_its_city() -> None:
    record = extract("Two officers of the Almaty region police were detained in May.")
    assert "almaty region" in folded(record["places"])
    assert "almaty" not in folded(record["places"])


def test_a_list_before_a_plural_names_one_place_per_item() -> None:
    text = (
        "Compensation claims came from the Aktobe, Zhambyl, North and West Kazakhstan regions, "
        "officials said."
    )
    places = folded(extract(text)["places"])
    assert {"aktobe region", "zhambyl region", "west kazakhstan region"} <= places
    assert "aktobe" not in places


def test_a_russian_list_before_a_plural_names_one_region_per_item() -> None:
    text = "Заявления поступили из Атырауской, Жамбылской и Восточно-Казахстанской областей."
    places = folded(extract(text, language="ru")["places"])
    assert {"атырауская область", "жамбылская область", "восточно-казахстанская область"} <= places


def test_a_place_inside_a_court_name_counts() -> None:
    text = "On Friday the Karaganda City Court upheld the sentences of both men."
    record = extract(text)
    assert "karaganda" in folded(record["places"])
    assert "karaganda city court" in org_names(record)


def test_a_compound_adjective_names_no_place() -> None:
    text = "Russia-led troops left the country within a fortnight, the ministry said."
    assert "russia" not in folded(extract(text)["places"])


def test_a_section_label_in_capitals_names_a_place() -> None:
    text = "KYRGYZSTAN / POLITICS\n\nLawmakers met on Monday to discuss the border."
    assert "kyrgyzstan" in folded(extract(text)["places"])


# --- organizations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "He was tried by the specialised inter-district military court last spring.",
            "specialised inter-district military court",
        ),
        (
            "The case went to the inter-district criminal court of Astana in June.",
            "inter-district criminal court of astana",
        ),
        ("The interior ministry published the list of the dead on Sunday.", "interior ministry"),
        (
            "Дело рассмотрел специализированный межрайонный военный суд.",
            "специализированный межрайонный военный суд",
        ),
        ("Приговор вынес суд Жетысуской области.", "суд жетысуской области"),
        ("Законопроект одобрил мажилис в среду.", "мажилис"),
    ],
)
def test_a_body_described_in_full_counts_in_lower_case(text: str, body: str) -> None:
    language = "ru" if any("а" <= ch <= "я" for ch in text.lower()) else "en"
    assert body in org_names(extract(text, language=language))


def test_a_bare_court_is_no_name() -> None:
    text = "The court adjourned until Monday, and the judge left the room."
    assert not org_names(extract(text))


def test_a_body_of_a_place_in_lower_case() -> None:
    text = "The Zhambyl regional police said on Monday that the roads were closed."
    record = extract(text)
    assert "zhambyl regional police" in org_names(record)
    assert "zhambyl" in folded(record["places"])


def test_a_body_joins_its_place_and_keeps_the_place() -> None:
    text = "A spokesman for the National Guard of the Republic of Kazakhstan declined to comment."
    record = extract(text)
    assert "national guard of the republic of kazakhstan" in org_names(record)
    assert "kazakhstan" in folded(record["places"])


def test_a_foreign_ministry_of_interior_is_another_body() -> None:
    text = (
        "The Ministry of Internal Affairs said 40 people were held. The Ministry of Internal "
        "Affairs of Kyrgyzstan said it had closed two crossings."
    )
    bodies = org_names(extract(text))
    assert {"ministry of internal affairs", "ministry of internal affairs of kyrgyzstan"} <= bodies


def test_an_outlet_named_by_its_address() -> None:
    text = "Steppe-news.kz\n\nThe mayor resigned on Tuesday, the site reported."
    assert "steppe-news.kz" in org_names(extract(text))


def test_a_russian_body_joins_the_place_in_the_genitive() -> None:
    text = "Об этом сообщили в Министерстве обороны России в четверг."
    assert "министерство обороны россии" in org_names(extract(text, language="ru"))


def test_a_russian_long_form_is_the_same_body_as_its_english_name() -> None:
    text = (
        "Войска Организации Договора о коллективной безопасности (ОДКБ) ушли. "
        "Миссия ОДКБ завершена."
    )
    bodies = extract(text, language="ru")["organizations"]
    assert len(bodies) == 1
    assert bodies[0]["canonical"] == "Collective Security Treaty Organization"


# --- people -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "not_person"),
    [
        (
            "Colonel Daniyar Sultanov was dismissed on Friday.",
            "Daniyar Sultanov",
            "Colonel Daniyar Sultanov",
        ),
        (
            "Judge Aliya Kemelbayeva read out the verdict.",
            "Aliya Kemelbayeva",
            "Judge Aliya Kemelbayeva",
        ),
        (
            "The Head of State Kassym-Jomart Tokayev spoke on television.",
            "Kassym-Jomart Tokayev",
            "State Kassym-Jomart Tokayev",
        ),
    ],
)
def test_a_title_is_not_part_of_the_name(text: str, person: str, not_person: str) -> None:
    people = names(extract(text)["people"])
    assert person in people
    assert not_person not in people


def test_a_name_in_apposition_with_an_owner_is_a_person() -> None:
    text = "The talks with Erlan Tursynbek, Kazakhstan's deputy foreign minister, ended early."
    record = extract(text)
    assert "Erlan Tursynbek" in names(record["people"])
    assert "erlan tursynbek" not in org_names(record)


def test_a_headline_of_phrases_gives_no_people() -> None:
    text = (
        "Appeal Hearing, Missing Evidence, and Lawyers Walk Out: Airport Case Continues\n\n"
        "The hearing resumed on Monday."
    )
    assert not names(extract(text)["people"])


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Суд оправдал Айдоса Жаксылыка в среду.", "Айдос Жаксылык"),
        ("Об этом рассказала юрист Алия Садвакасова.", "Алия Садвакасова"),
        ("Автор – Алена Субботина.", "Алена Субботина"),
    ],
)
def test_russian_names_in_the_nominative(text: str, person: str) -> None:
    assert person in names(extract(text, language="ru")["people"])
