"""Table-driven tests of date mentions: forms, the year left out, relative phrases, non-dates.

Every sentence here was written for these tests; the shared corpus is read in place and only
short date phrases from it are named.
"""

from __future__ import annotations

import csv
import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qantar.nlp.normalize.date_rules import load_date_grammar
from qantar.nlp.normalize.dates import DateMention, find_dates

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
ISO = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}

# (text, mention, published, expected): expected is the value, "start..end" for spans;
# the precision follows from its length, the language from the script.
PHRASINGS = [
    ("He spoke on January 7.", "January 7", "2022-01-20", "2022-01-07"),
    ("He spoke on 7 January.", "7 January", "2022-01-20", "2022-01-07"),
    ("It began on January 7, 2022.", "January 7, 2022", None, "2022-01-07"),
    ("It began on 7 January 2022.", "7 January 2022", None, "2022-01-07"),
    ("Jan. 7 was cold.", "Jan. 7", "2022-03-01", "2022-01-07"),
    ("Posted Jul 18, 2022 by staff.", "Jul 18, 2022", None, "2022-07-18"),
    ("It ended on the 7th of January.", "the 7th of January", "2022-02-01", "2022-01-07"),
    ("Unrest in January 2022 shook the country.", "January 2022", None, "2022-01"),
    ("Prices rose in January.", "January", "2022-05-01", "2022-01"),
    ("In early January the price rose.", "early January", "2022-02-10", "2022-01"),
    ("Until mid-January the curfew held.", "mid-January", "2022-02-10", "2022-01"),
    (
        "Clashes on January 5-6 left many dead.",
        "January 5-6",
        "2022-02-10",
        "2022-01-05..2022-01-06",
    ),
    (
        "Clashes on 5-6 January left many dead.",
        "5-6 January",
        "2022-02-10",
        "2022-01-05..2022-01-06",
    ),
    (
        "From 6-10 January, shots rang out.",
        "From 6-10 January",
        "2022-02-10",
        "2022-01-06..2022-01-10",
    ),
    ("We marched on 4 and 5 January.", "4 and 5 January", "2022-02-10", "2022-01-04..2022-01-05"),
    ("He ruled between 1991 and 2019.", "between 1991 and 2019", None, "1991..2019"),
    ("He has ruled since 1991.", "1991", None, "1991"),
    ("The 2022 protests were deadly.", "2022", None, "2022"),
    (
        "A curfew held until midnight on 19 January.",
        "midnight on 19 January",
        "2022-01-25",
        "2022-01-19",
    ),
    ("The file is dated 2022-01-05.", "2022-01-05", None, "2022-01-05"),
    ("The file is dated 05.01.2022.", "05.01.2022", None, "2022-01-05"),
    ("The verdict came on May 5, 2023.", "May 5, 2023", None, "2023-05-05"),
    ("Fighting in late January 2022 ended.", "late January 2022", None, "2022-01"),
    (
        "Police moved in on the evening of 4 January.",
        "the evening of 4 January",
        "2022-02-01",
        "2022-01-04",
    ),
    (
        "Talks began by the morning of 6 January.",
        "the morning of 6 January",
        "2022-02-01",
        "2022-01-06",
    ),
    ("Monday, January 3, 2022 was calm.", "Monday, January 3, 2022", None, "2022-01-03"),
    (
        "Riots on January 5-6 last year shook the city.",
        "January 5-6 last year",
        "2023-04-25",
        "2022-01-05..2022-01-06",
    ),
    ("Суд состоялся 11 июля.", "11 июля", "2023-07-13", "2023-07-11"),
    ("Суд состоялся 11 июля 2023 года.", "11 июля 2023 года", None, "2023-07-11"),
    ("Суд состоялся 11 июля 2023 г. в Алматы.", "11 июля 2023 г.", None, "2023-07-11"),
    ("Это случилось в январе.", "январе", "2022-03-01", "2022-01"),
    ("Это случилось в январе 2022 года.", "январе 2022 года", None, "2022-01"),
    ("Столкновения 5-6 января унесли жизни.", "5-6 января", "2022-03-01", "2022-01-05..2022-01-06"),
    ("Стрельба шла с 6 по 10 января.", "с 6 по 10 января", "2022-03-01", "2022-01-06..2022-01-10"),
    ("Протесты 5 и 6 января.", "5 и 6 января", "2022-03-01", "2022-01-05..2022-01-06"),
    ("В 2022 году прошли протесты.", "2022 году", None, "2022"),
    ("2022 год стал трудным.", "2022 год", None, "2022"),
    ("Это было в ночь на 5 января.", "ночь на 5 января", "2022-02-01", "2022-01-05"),
    ("Толпа собралась вечером 4 января.", "вечером 4 января", "2022-02-01", "2022-01-04"),
    ("Цены выросли в начале января 2022 года.", "начале января 2022 года", None, "2022-01"),
    ("Он правил с 1991 по 2019 год.", "с 1991 по 2019 год", None, "1991..2019"),
    ("Приговор от 05.01.2022 г. обжалован.", "05.01.2022 г.", None, "2022-01-05"),
    ("Его задержали в январе прошлого года.", "январе прошлого года", "2023-04-25", "2022-01"),
    # Days written as ordinal words.
    ("Его отпустили седьмого марта.", "седьмого марта", "2022-05-04", "2022-03-07"),
    (
        "Приговор огласили двадцать пятого декабря 2022 года.",
        "двадцать пятого декабря 2022 года",
        None,
        "2022-12-25",
    ),
    ("Суд назначили на первого января.", "первого января", "2023-02-01", "2023-01-01"),
    ("Первое января прошло без митингов.", "Первое января", "2023-02-01", "2023-01-01"),
    ("Срок продлили к тридцать первому мая.", "тридцать первому мая", "2022-06-10", "2022-05-31"),
    ("Четвёртого января начались волнения.", "Четвёртого января", "2022-02-01", "2022-01-04"),
    ("Четвертого января начались волнения.", "Четвертого января", "2022-02-01", "2022-01-04"),
    ("Шествие прошло 7-го марта.", "7-го марта", "2022-05-04", "2022-03-07"),
    (
        "Забастовка длилась с первого по седьмое января.",
        "с первого по седьмое января",
        "2022-02-01",
        "2022-01-01..2022-01-07",
    ),
    ("It was calm on the fifth of January.", "the fifth of January", "2022-02-01", "2022-01-05"),
    (
        "The hearing was set for the twenty-first of March 2023.",
        "the twenty-first of March 2023",
        None,
        "2023-03-21",
    ),
]

# Relative phrases: as above, "?precision" for a mention left unresolved.
RELATIVE = [
    (
        "Riots began on 5 January. The morning of that day was calm.",
        "The morning of that day",
        "2022-02-01",
        "2022-01-05",
    ),
    (
        "Его задержали 5 января. В тот же день его допросили.",
        "В тот же день",
        "2022-02-01",
        "2022-01-05",
    ),
    (
        "He resigned on January 6 and was arrested a day later.",
        "a day later",
        "2022-02-01",
        "2022-01-07",
    ),
    ("He was freed earlier this year.", "this year", "2023-04-25", "2023"),
    ("He was arrested last year.", "last year", "2023-04-25", "2022"),
    ("He was arrested last year.", "last year", "2023", "2022"),
    ("Его арестовали в прошлом году.", "в прошлом году", "2023-04-25", "2022"),
    ("Trials resumed this year.", "this year", "2023-04-25", "2023"),
    ("Relatives rallied last month.", "last month", "2023-01-10", "2022-12"),
    ("Relatives rallied last month.", "last month", "2023-01", "2022-12"),
    ("Relatives rallied last month.", "last month", "2023", "?month"),
    ("The court ruled yesterday.", "yesterday", "2023-03-01", "2023-02-28"),
    ("The court ruled yesterday.", "yesterday", "2023-03", "?day"),
    ("Суд вынес приговор вчера.", "вчера", "2023-03-01", "2023-02-28"),
    ("Суд выносит приговор сегодня.", "сегодня", "2023-03-01", "2023-03-01"),
    ("The court ruled on Monday.", "Monday", "2023-07-13", "2023-07-10"),
    ("The court ruled on Thursday.", "Thursday", "2023-07-13", "2023-07-13"),
    ("The court ruled last Thursday.", "last Thursday", "2023-07-13", "2023-07-06"),
    ("The court ruled on Monday.", "Monday", "2023-07", "?day"),
    ("Суд вынес приговор в среду.", "среду", "2023-07-13", "2023-07-12"),
    (
        "He fled on January 4. The following day he was caught.",
        "The following day",
        "2023-02-01",
        "2023-01-05",
    ),
    (
        "Его задержали 4 января. На следующий день его отпустили.",
        "На следующий день",
        "2023-02-01",
        "2023-01-05",
    ),
    (
        "He spoke on 6 January. The previous evening, shots rang out.",
        "The previous evening",
        "2022-02-01",
        "2022-01-05",
    ),
    (
        "Troops came on 6 January. That evening the square emptied.",
        "That evening",
        "2022-02-01",
        "2022-01-06",
    ),
    (
        "Crowds grew on 4 January; overnight the mood changed.",
        "overnight",
        "2022-02-01",
        "2022-01-05",
    ),
    (
        "Rallies began on 2 January. Just four days later, troops came.",
        "four days later",
        "2022-02-01",
        "2022-01-06",
    ),
    (
        "Его задержали 5 января, а через два дня отпустили.",
        "через два дня",
        "2023-04-25",
        "2023-01-07",
    ),
    ("The following day nobody spoke.", "The following day", "2023-02-01", "?day"),
    (
        "A year and a half later, they were sentenced.",
        "A year and a half later",
        "2023-07-13",
        "?year",
    ),
    ("He was arrested 18 months ago.", "18 months ago", "2023-07-13", "?month"),
    ("He was arrested three days ago.", "three days ago", "2023-07-13", "2023-07-10"),
]

NOT_DATES = [
    "They may march in May.",
    "March on the capital, they urged.",
    "May the court be fair.",
    "The bill came to $2019 in total.",
    "Police said 20,000 bandits attacked the city.",
    "Officials said 2019 people were detained.",
    "He was charged under Section 3 of Article 272.",
    "More than 2000 attended; about 1999 of them were students.",
    "Music of the 1990s played.",
    "He was born on 30 February 2020, the form said.",
    "The code 2022-13-01 is not a date, nor is 31.02.2022.",
    "Статья 272, часть 3, и 2019 человек.",
    "Марта сказала, что может прийти.",
    "It was the first January without a curfew.",
    "Пятого числа он не пришёл.",
    "Двадцать двадцатого января не бывает.",
]


def language(text: str) -> str:
    return "ru" if re.search("[а-яё]", text, re.IGNORECASE) else "en"


def expected(spec: str) -> tuple[str | None, str | None, str]:
    """``(value, end_value, precision)`` from "2022-01-05", "2022-01-05..2022-01-06" or "?day"."""
    if spec.startswith("?"):
        return None, None, spec[1:]
    value, _, end_value = spec.partition("..")
    return value, end_value or None, {10: "day", 7: "month", 4: "year"}[len(value)]


def find(text: str, mention: str, published: str | None = None) -> DateMention:
    """The first mention of ``text`` whose text is ``mention``."""
    mentions = find_dates(text, language(text), published)
    found = [m for m in mentions if m.text == mention]
    assert found, (mention, mentions)
    return found[0]


def assert_well_formed(text: str, mentions: list[DateMention]) -> None:
    """Spans in range, sorted, not overlapping, exact text; values valid ISO at their precision."""
    last_end = 0
    for m in mentions:
        assert last_end <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.precision in ISO
        last_end = m.end
        for value in (m.value, m.end_value):
            if value is None:
                continue
            assert re.fullmatch(ISO[m.precision], value), (m, value)
            date.fromisoformat(value + {"day": "", "month": "-01", "year": "-01-01"}[m.precision])


def test_tables_are_big_enough() -> None:
    assert len(PHRASINGS) + len(RELATIVE) >= 30
    assert sum(language(row[0]) == "ru" for row in PHRASINGS + RELATIVE) >= 10


@pytest.mark.parametrize(("text", "mention", "published", "spec"), PHRASINGS)
def test_phrasings(text: str, mention: str, published: str | None, spec: str) -> None:
    found = find(text, mention, published)
    assert (found.value, found.end_value, found.precision) == expected(spec)


@pytest.mark.parametrize(("text", "mention", "published", "spec"), RELATIVE)
def test_relative_phrases(text: str, mention: str, published: str, spec: str) -> None:
    found = find(text, mention, published)
    assert (found.value, found.end_value, found.precision) == expected(spec)
    assert found.relative


def test_counting_from_an_event_is_not_a_date() -> None:
    text = "In March, two months after his arrest, he was charged."
    assert [m.text for m in find_dates(text, "en", "2023-04-25")] == ["March"]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text, language(text), "2023-04-25") == []


def test_year_from_the_same_month_named_with_its_year_before() -> None:
    text = (
        "Eighteen months on, the trials over the unrest of January 2022 are ending. "
        "In a January 9 speech the president had promised reform. "
        "On July 10, a court in Taraz sentenced four men."
    )
    assert find(text, "January 9", published="2023-07-13").value == "2022-01-09"
    assert find(text, "July 10", published="2023-07-13").value == "2023-07-10"


def test_year_from_the_same_month_named_with_its_year_after() -> None:
    text = "The January 4 rally drew thousands. Officials later called January 2022 a coup."
    assert find(text, "January 4", published="2023-03-01").value == "2022-01-04"
    alone = "The January 4 rally drew thousands."
    assert find(alone, "January 4", published="2023-03-01").value == "2023-01-04"


def test_nearest_mention_before_wins() -> None:
    text = (
        "A verdict came in January 2023 over the rallies of January 2022. On January 12 he spoke."
    )
    assert find(text, "January 12", published="2023-06-01").value == "2022-01-12"


def test_year_from_the_publication_date() -> None:
    text = "On December 28 the court ruled. On January 3 the appeal was filed."
    assert find(text, "December 28", published="2023-01-10").value == "2022-12-28"
    assert find(text, "January 3", published="2023-01-10").value == "2023-01-03"
    assert find(text, "December 28", published="2023-01").value == "2022-12-28"
    assert find("He was freed on July 11.", "July 11", published="2023-07-13").value == (
        "2023-07-11"
    )


# Year-less days and months: (text, mention, published, title, expected), "?precision" for a
# mention that must stay unresolved. A year comes from the same month named with its year in
# the text, else from the title, else from the publication date; never from the nearest year.
YEARLESS = [
    # No publication date: other years in the text lend nothing.
    (
        "The republic became independent in 1991, long before the riots of 2022. "
        "The court met on July 11, and the case was closed in December.",
        "July 11",
        None,
        None,
        "?day",
    ),
    (
        "Riots shook the west in January 2022. A judge in Aktobe jailed the organiser on March 3.",
        "March 3",
        None,
        None,
        "?day",
    ),
    (
        "The riots of 2022 are still remembered. The court ruled on July 11.",
        "July 11",
        "2023",
        None,
        "?day",
    ),
    (
        "Беспорядки начались в январе 2022 года. Приговор огласили 14 апреля.",
        "14 апреля",
        None,
        None,
        "?day",
    ),
    (
        "Протесты 2022 года не забыты. Суд продлили до седьмого марта.",
        "седьмого марта",
        None,
        None,
        "?day",
    ),
    # The same month with its year, in the text.
    (
        "Troops left in January 2022. On January 19 the last plane took off.",
        "January 19",
        None,
        None,
        "2022-01-19",
    ),
    (
        "Их задержали пятого января, а в январе 2022 года таких было тысячи.",
        "пятого января",
        None,
        None,
        "2022-01-05",
    ),
    # The same month with its year, in the title only.
    (
        "December 1, Taraz: a man was fined. December 2, Aktau: a picket was broken up.",
        "December 2",
        None,
        "Arrests and fines, December 2022",
        "2022-12-02",
    ),
    (
        "On December 28 the last hearing took place.",
        "December 28",
        "2023-01-20",
        "What the courts did in December 2021",
        "2021-12-28",
    ),
    (
        "Третьего февраля суд вынес решение.",
        "Третьего февраля",
        None,
        "Хроника судов: февраль 2023 года",
        "2023-02-03",
    ),
    # A title naming another month, or a year alone, lends nothing.
    (
        "On March 3 the appeal was heard.",
        "March 3",
        None,
        "Verdicts over the January 2022 riots",
        "?day",
    ),
    (
        "On March 3 the appeal was heard.",
        "March 3",
        None,
        "Police punished for torture during 2022 protests",
        "?day",
    ),
    # A title naming the month with two years is no guide.
    (
        "Rallies on January 4 were the largest.",
        "January 4",
        None,
        "From January 2022 to January 2023",
        "?day",
    ),
    # The text's own mention wins over the title, and the title over the publication date.
    (
        "Protests in January 2022 were crushed. On January 6 troops arrived.",
        "January 6",
        "2023-02-01",
        "A look back at January 2021",
        "2022-01-06",
    ),
    (
        "On January 6 troops arrived.",
        "January 6",
        "2023-02-01",
        "Kazakhstan in January 2022",
        "2022-01-06",
    ),
    # Only the publication date.
    ("On January 6 troops arrived.", "January 6", "2023-02-01", None, "2023-01-06"),
    ("The verdict came in November.", "November", "2023-01-15", None, "2022-11"),
]


@pytest.mark.parametrize(("text", "mention", "published", "title", "spec"), YEARLESS)
def test_yearless_mentions(
    text: str, mention: str, published: str | None, title: str | None, spec: str
) -> None:
    found = [m for m in find_dates(text, language(text), published, title) if m.text == mention]
    assert found, mention
    assert (found[0].value, found[0].end_value, found[0].precision) == expected(spec)


def test_title_mentions_are_not_returned() -> None:
    mentions = find_dates("Fines on December 1.", "en", None, "Fines, December 1, 2022")
    assert [(m.text, m.value, m.start) for m in mentions] == [("December 1", "2022-12-01", 9)]


# A passage without a publication date whose dateline states one: (text, mention, expected).
DATELINES = [
    (
        "ALMATY, Jan. 10, 2022 (Newswire) - Troops patrolled on Monday. Shops reopened today.",
        "Monday",
        "2022-01-10",
    ),
    (
        "ALMATY, Jan. 10, 2022 (Newswire) - Troops patrolled on Monday. Shops reopened today.",
        "today",
        "2022-01-10",
    ),
    (
        "Posted on March 3, 2023\n\nThe activist was sentenced last year for a speech.",
        "last year",
        "2022",
    ),
    (
        "Posted on March 3, 2023\n\nThe activist was jailed on Wednesday.",
        "Wednesday",
        "2023-03-01",
    ),
    (
        "Posted on March 3, 2023\n\nHe was detained on December 29.",
        "December 29",
        "2022-12-29",
    ),
    (
        "Астана. 14 января 2022 года. КазТАГ – Во вторник в городе отменили режим ЧП.",
        "вторник",
        "2022-01-11",
    ),
    (
        "Астана. 14 января 2022 года. КазТАГ – Вчера в городе отменили режим ЧП.",
        "Вчера",
        "2022-01-13",
    ),
    (
        "By Dana Writer in Courts on 4 March 2023\n\nThe blogger was jailed yesterday.",
        "yesterday",
        "2023-03-03",
    ),
    (
        "(Astana, 5 May 2023) – Monitors said today that the trials were unfair.",
        "today",
        "2023-05-05",
    ),
    # A date inside the lead's first sentence is an event, not the day of writing.
    (
        "On January 2, 2022, a rally over gas prices began. Last year's crowds returned on Sunday.",
        "Sunday",
        "?day",
    ),
    (
        "On January 2, 2022, a rally over gas prices began. Relatives met again last year.",
        "last year",
        "?year",
    ),
    (
        "Police said January 5, 2022, was the worst day. On Friday they made arrests.",
        "Friday",
        "?day",
    ),
    (
        "5 января 2022 года в Алматы начались беспорядки, а в среду ввели войска.",
        "среду",
        "?day",
    ),
    # No dateline at all.
    ("The court ruled on Monday and the lawyer appealed the next day.", "Monday", "?day"),
    ("The court ruled on Monday and the lawyer appealed the next day.", "the next day", "?day"),
]


@pytest.mark.parametrize(("text", "mention", "spec"), DATELINES)
def test_dateline_anchors_a_passage_without_a_publication_date(
    text: str, mention: str, spec: str
) -> None:
    found = find(text, mention, None)
    assert (found.value, found.end_value, found.precision) == expected(spec)


def test_a_paragraph_with_its_own_dateline_counts_from_it() -> None:
    text = (
        "Rights groups called for calm on Monday.\n"
        "Update: January 17, 2022 - The network is back. As of today, 225 are dead.\n"
        "Officials spoke again today."
    )
    values = [m.value for m in find_dates(text, "en", "2022-01-10") if m.relative]
    assert values == ["2022-01-10", "2022-01-17", "2022-01-10"]  # Monday, today, today
    russian = "Обновлено 20 января 2022 года: сегодня сняли режим ЧП.\nВчера было тихо."
    values = [m.value for m in find_dates(russian, "ru", "2022-01-15") if m.relative]
    assert values == ["2022-01-20", "2022-01-14"]


def test_dateline_yields_to_a_precise_publication_date() -> None:
    text = "ALMATY, Jan. 10, 2022 (Newswire) - Troops patrolled.\nShops shut on Monday."
    assert find(text, "Monday", "2022-01-20").value == "2022-01-17"
    assert find(text, "Monday", "2022-01").value == "2022-01-10"  # the dateline is more precise
    assert find(text, "Monday", "2023").value is None  # a dateline from another year: no anchor
    far = "x" * 600 + "\nALMATY, Jan. 10, 2022 - Troops patrolled.\nShops shut on Monday."
    assert find(far, "Monday").value is None  # not near the top: it dates its paragraph only
    own = "ALMATY, Jan. 10, 2022 (Newswire) - Troops patrolled on Monday."
    assert find(own, "Monday", "2022-01-20").value == "2022-01-10"  # its own paragraph


def test_no_year_anywhere_stays_unresolved() -> None:
    for published in (None, "2023"):
        mention = find("The court met on July 11.", "July 11", published=published)
        assert (mention.value, mention.precision) == (None, "day")
    assert find("It happened in January.", "January").value is None


def test_relative_chain_follows_resolved_mentions() -> None:
    text = (
        "A march on the evening of 4 January was broken up. The following day the crowd "
        "returned, and the events of that day are disputed. He resigned on 6 January and was "
        "arrested one day later."
    )
    values = {m.text: m.value for m in find_dates(text, "en", "2022-02-01")}
    assert values["The following day"] == "2022-01-05"
    assert values["that day"] == "2022-01-05"
    assert values["one day later"] == "2022-01-07"


def test_grammar_word_lists_cover_russian_case_forms() -> None:
    months = load_date_grammar().months
    for form in ("января", "январе", "январь", "январём", "январем", "январю", "мая", "мае"):
        assert months[form] in (1, 5)


def test_published_must_be_iso() -> None:
    with pytest.raises(ValueError):
        find_dates("On July 11.", "en", "13/07/2023")
    assert find_dates("On July 11.", "en", "")[0].value is None


def test_speed_of_a_long_article() -> None:
    paragraph = (
        "On 4 January protesters gathered in the square, and overnight the police moved in. "
        "By the morning of 5 January, thousands had been detained; the following day the "
        "president spoke of 20,000 bandits. Since 1991 the country had not seen such unrest, "
        "and last year the courts sentenced more than 2000 people under Article 272. "
    )
    text = paragraph * (4000 // len(paragraph.split()) + 1)
    find_dates(text, "en", "2023-07-13")
    best = min(_timed(text) for _ in range(5))
    assert best < 0.05, best


def _timed(text: str) -> float:
    start = time.perf_counter()
    find_dates(text, "en", "2023-07-13")
    return time.perf_counter() - start


TOKENS = [
    "January",
    "Jan.",
    "May",
    "March",
    "may",
    "march",
    "July",
    "Sept",
    "Monday",
    "января",
    "январе",
    "мая",
    "марта",
    "года",
    "году",
    "г.",
    "в",
    "с",
    "по",
    "и",
    "вчера",
    "сегодня",
    "на следующий день",
    "в прошлом году",
    "ночь на",
    "the following day",
    "last year",
    "last month",
    "overnight",
    "that day",
    "yesterday",
    "between",
    "and",
    "from",
    "to",
    "the",
    "evening of",
    "early",
    "mid-",
    "ago",
    "later",
    "days",
    "two",
    "через",
    "дня",
    "$",
    ",",
    ".",
    "-",
    "–",
    " ",
    "0",
    "1",
    "5",
    "7",
    "12",
    "29",
    "30",
    "31",
    "32",
    "1900",
    "1991",
    "2019",
    "2022",
    "2099",
    "2100",
    "20,000",
    "2022-01-05",
    "05.01.2022",
    "31.02.2022",
    "Article",
    "седьмого",
    "первое",
    "двадцать",
    "fifth",
    "twenty-first",
    "of",
    "Posted",
    "Update:",
    "ALMATY,",
    "(Newswire)",
    "\n",
    "Monday",
    "среду",
]
PUBLISHED = st.one_of(
    st.none(),
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
    st.sampled_from(["2023-07-13", "2023-07", "2023", "2022-01-18"]),
)
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, published=PUBLISHED, language=st.sampled_from(["en", "ru"]))
def test_any_text_gives_well_formed_mentions(
    text: str, published: str | None, language: str
) -> None:
    assert_well_formed(text, find_dates(text, language, published))


@settings(max_examples=200, deadline=None)
@given(text=TEXTS, title=TEXTS, published=PUBLISHED)
def test_any_title_gives_well_formed_mentions(text: str, title: str, published: str | None) -> None:
    assert_well_formed(text, find_dates(text, "en", published, title))


def corpus() -> list[tuple[str, str, str]]:
    """(file, language, published) of each shared article; empty when the corpus is absent."""
    if not (CORPUS / "manifest.csv").exists():
        return []
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as f:
        return [(r["file"], r["language"], r["published"]) for r in csv.DictReader(f)]


@pytest.mark.skipif(not corpus(), reason="../shared/corpus is not beside the repository")
def test_shared_corpus() -> None:
    found: dict[str, list[DateMention]] = {}
    for name, language, published in corpus():
        text = (CORPUS / name).read_text(encoding="utf-8")
        found[name] = find_dates(text, language, published or None)
        assert_well_formed(text, found[name])

    def first(name: str, mention: str) -> DateMention:
        return next(m for m in found[name] if m.text == mention)

    assert first("000_ff552b2e285f6790.txt", "January 7").value == "2022-01-07"
    assert first("000_ff552b2e285f6790.txt", "July 11").value == "2023-07-11"
    assert first("000_ff552b2e285f6790.txt", "the same day").value == "2022-01-05"
    assert first("000_ff552b2e285f6790.txt", "last year").value == "2022"
    assert first("001_14ec0ca371bd0431.txt", "July 11").value == "2023-07-11"
    span = first("001_14ec0ca371bd0431.txt", "between 1991 and 2019")
    assert (span.value, span.end_value) == ("1991", "2019")
    assert first("001_14ec0ca371bd0431.txt", "A year and a half later").value is None
    assert first("002_427affaf1f501d04.txt", "June 24").value == "2022-06-24"
    assert first("002_427affaf1f501d04.txt", "last month").value == "2022-06"
    assert first("002_427affaf1f501d04.txt", "January 5").value == "2022-01-05"
    assert first("003_bcf7c140bd84d99a.txt", "overnight").value == "2022-01-05"
    assert first("003_bcf7c140bd84d99a.txt", "four days later").value == "2022-01-06"
    assert first("003_bcf7c140bd84d99a.txt", "midnight on 19 January").value == "2022-01-19"
    assert first("003_bcf7c140bd84d99a.txt", "overnight on 7 January").value == "2022-01-07"
    assert first("003_bcf7c140bd84d99a.txt", "7 января 2022").value == "2022-01-07"
    span = first("003_bcf7c140bd84d99a.txt", "From 6-10 January")
    assert (span.value, span.end_value) == ("2022-01-06", "2022-01-10")
    span = first("004_373ad7b1365f506c.txt", "January 5-6 last year")
    assert (span.value, span.end_value, span.relative) == ("2022-01-05", "2022-01-06", True)
    assert first("004_373ad7b1365f506c.txt", "April 24").value == "2023-04-24"
    assert first("004_373ad7b1365f506c.txt", "The following day").value == "2022-01-05"
    assert first("004_373ad7b1365f506c.txt", "one day later").value == "2022-01-07"
    texts = {m.text for ms in found.values() for m in ms}
    assert not texts & {"may", "May", "we", "now", "20,000", "Bloody January"}
