"""Names in the lines around an article: bylines, credit lines, datelines and headlines.

Every line of a page is read now, so the shape of these lines must give the right kind of name,
and the capitals of a headline must not make names out of ordinary words. Texts written here.
"""

from __future__ import annotations

from tests.nlp.helpers import extract, names

BODY = "Relatives gathered outside the court on Monday to wait for the verdict in the riot case."


def test_a_lower_case_byline_names_a_person() -> None:
    record = extract(f"Families wait for answers\nby Dinara Seitkali\n\n{BODY}")
    assert "Dinara Seitkali" in names(record["people"])
    assert "Dinara Seitkali" not in names(record["organizations"])


def test_a_name_under_an_author_label_is_a_person() -> None:
    record = extract(f"{BODY}\n\nAuthor:\n\nTemirova Aigul\n\nCourts Kazakhstan")
    assert "Temirova Aigul" in names(record["people"])
    assert "Temirova Aigul" not in names(record["organizations"])


def test_a_photo_credit_names_the_agency_and_the_photographer() -> None:
    caption = "Police on a square in the city centre. © 2022 STEPPEWIRE/Aliya Nurlanova"
    record = extract(f"{caption}\n\n{BODY}")
    assert "Aliya Nurlanova" in names(record["people"])
    assert "STEPPEWIRE" in names(record["organizations"])
    assert not any("/" in name for name in names(record["organizations"]))


def test_a_wire_dateline_names_a_place() -> None:
    record = extract(f"KORDAI, Kazakhstan -- {BODY}")
    assert "kordai" in {p.casefold() for p in record["places"]}
    assert not any(n.upper() == "KORDAI" for n in names(record["organizations"]))


def test_headlines_in_capitals_give_no_names_from_ordinary_words() -> None:
    record = extract(f"THE NIGHT THE SQUARE WENT DARK\n\n{BODY}")
    assert names(record["organizations"]) == set()
    assert names(record["people"]) == set()
    text = (
        "НОЧЬ, КОГДА ПОГАСЛА ПЛОЩАДЬ\n\n"
        "Родственники пришли к зданию суда в понедельник, чтобы услышать приговор."
    )
    record = extract(text, language="ru")
    assert names(record["organizations"]) == set()


def test_a_title_case_headline_gives_only_supported_names() -> None:
    headline = "Almaty Shopkeepers Receive Payments For Damage From The Riots"
    record = extract(f"{headline}\n\n{BODY}")
    assert "Almaty" in set(record["places"])
    assert not any("Shopkeepers" in n for n in names(record["organizations"]))
    headline = "See Also: In Astana, EU Council President Charles Michel Urges Closer Ties"
    record = extract(f"{BODY}\n\n{headline}\n\n{BODY}")
    assert "Charles Michel" in names(record["people"])
