"""Table-driven tests of sentence-term lengths, English and Russian.

Every sentence here was written for these tests; the shared seed articles are read in place.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qantar.nlp.normalize.terms import MAX_MONTHS, TermMention, find_terms
from tests.conftest import CORPUS

# (language, sentence, phrase found, expected) where expected is months for a single term,
# (low, high) for a range, or ("each", ...) for a list.
TERMS: list[tuple[str, str, str, object]] = [
    ("en", "The court gave Bekov eight years in a penal colony.", "eight years", 96),
    ("en", "Omarova was jailed for 8 years on Monday.", "8 years", 96),
    ("en", "The judge handed him an 18-year sentence.", "18-year", 216),
    ("en", "An 18-year prison term was upheld on appeal.", "18-year", 216),
    (
        "en",
        "She received three years and seven months in prison.",
        "three years and seven months",
        43,
    ),
    ("en", "He got three years, seven months for theft.", "three years, seven months", 43),
    (
        "en",
        "Both men got three-and-a-half years of restricted freedom.",
        "three-and-a-half years",
        42,
    ),
    ("en", "He was given three and a half years.", "three and a half years", 42),
    ("en", "They were jailed for two and a half years.", "two and a half years", 30),
    ("en", "A sentence of one and a half years followed.", "one and a half years", 18),
    ("en", "The blogger was given a year and a half of probation.", "a year and a half", 18),
    # Kazakh media write years and months as a decimal (SCHEMA.md, convention 3)
    ("en", "The term was 15.6 years on average.", "15.6 years", 186),
    ("en", "A driver was sentenced to a year on probation.", "a year", 12),
    ("en", "Two students got six months of community work.", "six months", 6),
    ("en", "He served 18 months in custody.", "18 months", 18),
    ("en", "The sentence was one year and six months.", "one year and six months", 18),
    ("en", "She was sentenced to a year and six months.", "a year and six months", 18),
    ("en", "He was sentenced to five years' imprisonment.", "five years", 60),
    ("en", "He was sentenced to five years’ imprisonment.", "five years", 60),
    ("en", "A guard got to four years in a medium-security penal colony.", "four years", 48),
    ("en", "They face four to eight years.", "four to eight years", (48, 96)),
    ("en", "They were given four-to-eight years each.", "four-to-eight years", (48, 96)),
    ("en", "Prosecutors asked for 4-8 years.", "4-8 years", (48, 96)),
    ("en", "Terms ranged between four and eight years.", "between four and eight years", (48, 96)),
    ("en", "Sentences ran from four to eight years.", "from four to eight years", (48, 96)),
    ("en", "They got five or six years.", "five or six years", (60, 72)),
    (
        "en",
        "Three officials were sentenced to 16, 15 and three years, respectively.",
        "16, 15 and three years",
        ("each", 192, 180, 36),
    ),
    (
        "en",
        "The two got five and seven years respectively.",
        "five and seven years",
        ("each", 60, 84),
    ),
    ("en", "He was sentenced to two years after a closed trial.", "two years", 24),
    ("en", "The court handed down half a year of restricted freedom.", "half a year", 6),
    ("en", "A ten-year term was requested.", "ten-year", 120),
    ("en", "Eight Years In Prison for a post", "Eight Years", 96),
    ("ru", "Суд приговорил его к восьми годам лишения свободы.", "восьми годам", 96),
    ("ru", "Ему дали восемь лет.", "восемь лет", 96),
    ("ru", "Активисту назначили пять лет колонии.", "пять лет", 60),
    ("ru", "Её приговорили к трём годам ограничения свободы.", "трём годам", 36),
    ("ru", "Её приговорили к трем годам ограничения свободы.", "трем годам", 36),
    ("ru", "Срок составил три года и семь месяцев.", "три года и семь месяцев", 43),
    ("ru", "Его приговорили к трём годам и семи месяцам.", "трём годам и семи месяцам", 43),
    ("ru", "Блогер получил полтора года.", "полтора года", 18),
    ("ru", "Срок — два с половиной года.", "два с половиной года", 30),
    ("ru", "Его приговорили к году ограничения свободы.", "году", 12),
    ("ru", "Его приговорили к году и шести месяцам.", "году и шести месяцам", 18),
    ("ru", "Водитель получил год колонии.", "год", 12),
    ("ru", "Суд приговорил их к 8 годам.", "8 годам", 96),
    ("ru", "Прокурор просил шести месяцев ареста.", "шести месяцев", 6),
    ("ru", "Им грозит от четырёх до восьми лет.", "от четырёх до восьми лет", (48, 96)),
    ("ru", "Им грозит от 4 до 8 лет.", "от 4 до 8 лет", (48, 96)),
    ("ru", "Им грозит 4–8 лет.", "4–8 лет", (48, 96)),
    (
        "ru",
        "Их приговорили к 16, 15 и 3 годам соответственно.",
        "16, 15 и 3 годам",
        ("each", 192, 180, 36),
    ),
    ("ru", "Срок — 2,5 года.", "2,5 года", 30),
    ("ru", "Суд назначил полгода исправительных работ.", "полгода", 6),
    ("ru", "Суд назначил двадцати пяти лет заключения.", "двадцати пяти лет", 300),
    ("ru", "Ему назначили полутора лет ограничения свободы.", "полутора лет", 18),
    ("ru", "Ему дали 2 года 6 месяцев.", "2 года 6 месяцев", 30),
    ("ru", "Его приговорили к восьми с половиной годам.", "восьми с половиной годам", 102),
    ("ru", "Лишение свободы сроком на один год.", "один год", 12),
]


def _expected(mention: TermMention) -> object:
    if mention.each:
        return ("each", *mention.each)
    if mention.low is not None and mention.high is not None:
        return (mention.low, mention.high)
    return mention.months


@pytest.mark.parametrize(("language", "sentence", "phrase", "expected"), TERMS)
def test_term_lengths(language: str, sentence: str, phrase: str, expected: object) -> None:
    [mention] = find_terms(sentence, language)
    assert mention.text == phrase
    assert _expected(mention) == expected
    assert mention.unit_only == (phrase in ("a year", "году", "год"))


EXCLUDED = [
    ("en", "A year and a half later, the case was closed."),
    ("en", "She was detained 18 months ago."),
    ("en", "Two years after the unrest, nothing changed."),
    ("en", "In March, two months after his arrest, the video appeared."),
    ("en", "He had left three years earlier."),
    ("en", "The group has met weekly for the past two years."),
    ("en", "The party ruled over the last 30 years."),
    ("en", "Prices rose in the last year."),
    ("en", "The decree was signed a year ago."),
    ("en", "Years later, the file was still sealed."),
    ("en", "The court met twice a year."),
    ("en", "For a year and a half, the list was not published."),
    ("en", "A 45-year-old man was detained."),
    ("en", "The defendant is 45 years old."),
    ("en", "The defendant, aged 45, pleaded guilty."),
    ("en", "He was sentenced to life imprisonment."),
    ("en", "The life sentence was upheld."),
    ("en", "By then 545 people had been sentenced."),
    ("en", "The protests began in 2022 and ended within two weeks."),
    ("en", "The month-long trial ended."),
    ("en", "Two years on, the families wait."),
    ("en", "People aged between 20 and 30 years joined."),
    ("ru", "Год спустя дело закрыли."),
    ("ru", "Это случилось два года назад."),
    ("ru", "Через полтора года его освободили."),
    ("ru", "В 2022 году начались протесты."),
    ("ru", "В прошлом году суд рассмотрел дело."),
    ("ru", "За последние 30 лет ничего не изменилось."),
    ("ru", "Мужчина в возрасте 45 лет задержан."),
    ("ru", "Его приговорили к пожизненному лишению свободы."),
    ("ru", "Спустя два года дело пересмотрели."),
    ("ru", "Задержанному в 45 лет предъявили обвинение."),
    ("en", "It was the first such conviction in 30 years."),
]


@pytest.mark.parametrize(("language", "sentence"), EXCLUDED)
def test_offsets_ages_and_bare_numbers_are_not_terms(language: str, sentence: str) -> None:
    assert find_terms(sentence, language) == []


def test_several_terms_in_order_with_offsets() -> None:
    text = (
        "Two years after the riots, Amanov got eight years and Serikova four to six years; "
        "a month later a third man received 18 months."
    )
    found = find_terms(text)
    assert [m.text for m in found] == ["eight years", "four to six years", "18 months"]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_window_limits_the_search_and_keeps_offsets() -> None:
    text = "He got eight years. She got six months."
    second = text.index("She")
    [mention] = find_terms(text, start=second)
    assert (mention.text, mention.months, mention.start) == ("six months", 6, text.index("six"))
    assert find_terms(text, end=second) == find_terms(text)[:1]
    assert find_terms(text, start=5, end=3) == []


def test_broken_range_falls_back_to_its_last_length() -> None:
    [mention] = find_terms("On 12 May 2023 to 5 years, the court said.")
    assert (mention.text, mention.months) == ("5 years", 60)
    [mention] = find_terms("They got eight to four years.")
    assert (mention.text, mention.months) == ("four years", 48)


def test_calendar_years_are_not_lengths() -> None:
    assert find_terms("к 2022 годам", "ru") == []
    assert find_terms("It lasted 2023 years.") == []


# ---- properties ---------------------------------------------------------------------------

_VOCABULARY = """one two three eight sixteen twenty-five a an half and to or between from
    years year months month later ago old aged life respectively , - – ' 1,200 15.6
    восемь восьми трём полтора с половиной и до от к лет года годам году месяцев
    спустя назад лишения свободы колонии полгода 2022 0 18-year three-and-a-half"""
_PIECES = _VOCABULARY.split()


def _check(text: str, language: str) -> None:
    found = find_terms(text, language)
    last_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        last_end = m.end
        assert text[m.start : m.end] == m.text
        if m.months is not None:
            assert 0 < m.months <= MAX_MONTHS
            assert m.low is None and m.high is None and not m.each
        elif m.each:
            assert all(0 < v <= MAX_MONTHS for v in m.each) and len(m.each) >= 2
        else:
            assert m.low is not None and m.high is not None and 0 < m.low < m.high <= MAX_MONTHS


@given(st.text(), st.sampled_from(["en", "ru"]))
def test_any_text_gives_well_formed_mentions(text: str, language: str) -> None:
    _check(text, language)


@given(
    st.lists(
        st.one_of(st.sampled_from(_PIECES), st.integers(0, 3000).map(str)), min_size=1, max_size=12
    ),
    st.sampled_from([" ", "  ", "-", ", "]),
    st.sampled_from(["en", "ru"]),
)
def test_mixes_of_numbers_and_units_give_well_formed_mentions(
    pieces: list[str], joiner: str, language: str
) -> None:
    _check(joiner.join(pieces), language)


@given(st.text(), st.integers(-5, 60), st.integers(-5, 60))
def test_window_mentions_stay_inside_the_window(text: str, start: int, end: int) -> None:
    for m in find_terms(text, "en", start, end):
        assert max(0, start) <= m.start < m.end <= min(end, len(text))


# ---- the shared seed articles, read in place --------------------------------------------


def _seed(name: str) -> tuple[str, list[TermMention]]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    text = path.read_text("utf-8")
    return text, find_terms(text)


def test_seed_004_has_the_respectively_list_and_the_18_year_term() -> None:
    _, found = _seed("004_373ad7b1365f506c.txt")
    assert any(m.each == (192, 180, 36) for m in found)
    assert any(m.months == 216 and m.text == "18-year" for m in found)
    assert any(m.months == 216 and m.text == "18 years" for m in found)
    assert [m for m in found if m.text.startswith("two months")] == []  # "... after his arrest"


def test_seed_002_has_its_four_lengths_and_nothing_else() -> None:
    _, found = _seed("002_427affaf1f501d04.txt")
    assert [m.months for m in found] == [43, 42, 12, 72]
    [probation] = [m for m in found if m.months == 12]
    assert probation.unit_only


def test_seed_001_a_year_and_a_half_later_is_not_a_term() -> None:
    text, found = _seed("001_14ec0ca371bd0431.txt")
    later = text.index("A year and a half later")
    assert all(not (m.start <= later < m.end) for m in found)
    assert [_expected(m) for m in found] == [(48, 96), 216]


def test_seed_000_range_and_single_terms() -> None:
    _, found = _seed("000_ff552b2e285f6790.txt")
    assert [_expected(m) for m in found] == [(48, 96), 96, 48, 216]


def test_no_seed_term_is_a_time_offset() -> None:
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    offset = re.compile(r"\s*(?:later|ago|earlier|after|old)\b", re.IGNORECASE)
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text("utf-8")
        for m in find_terms(text):
            assert not offset.match(text, m.end) or text[: m.start].rstrip().endswith(" to"), (
                path.name,
                m.text,
            )
