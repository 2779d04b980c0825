"""Near-identical texts found as copies of one article; different articles kept apart.

The paragraphs are made up for the tests: fictional court cases, no real events.
"""

from __future__ import annotations

import pytest

from qantar.analyze.copies import SHINGLE_WORDS, copy_groups, shingles

BODY_SHYMKENT = (
    "A district court in Shymkent on Tuesday sentenced a local bus driver, Serik Almatov, "
    "to four years in a general regime colony for his part in the unrest of early January. "
    "Prosecutors told the court that Almatov had blocked a main road with his bus for most "
    "of a day and had urged passers-by to join the crowd outside the regional governor's "
    "office. The defence argued that the driver had been stuck in traffic like everyone else "
    "and had only spoken to reporters about the price of fuel. Three witnesses for the "
    "prosecution, all of them police officers, said they had seen him hand out leaflets, "
    "but none of them could say what the leaflets contained. His wife, who sat in the "
    "second row throughout the hearing, said the family would appeal against the ruling. "
    "The judge refused a request to release him on bail while the appeal is prepared, "
    "citing the risk that he might leave the city before the higher court sits."
)

BODY_PAVLODAR = (
    "In Pavlodar, a regional court has acquitted a schoolteacher, Dana Yerlanova, who had "
    "been charged with calling for mass riots in a messaging group with about forty members. "
    "The investigators had relied on a single voice note in which, they said, she urged "
    "parents to gather in the central square. An expert linguist called by the defence told "
    "the court that the note asked parents to collect their children early from school and "
    "said nothing at all about a rally. The prosecutor did not challenge the expert's "
    "reading, and the judge ruled that the evidence did not show any crime. Yerlanova spent "
    "five weeks in pre-trial detention before she was moved to house arrest in February. "
    "Her lawyer said she would seek compensation from the state for the time she was held "
    "and for the wages she lost while suspended from her job at the village school."
)

BODY_SHYMKENT_OTHER = (
    "Supporters of Serik Almatov gathered outside the Shymkent courthouse on Wednesday, a day "
    "after the bus driver was given four years for his role in the January events. Several "
    "of his colleagues from the city bus depot held up handwritten signs asking for his "
    "release, and a small group of pensioners sang songs until the police asked them to "
    "leave. The depot's manager told our correspondent that Almatov had worked there for "
    "eleven years without a single complaint and that the company had offered to vouch for "
    "him in court. A human rights group in Almaty said it had asked the prosecutor general "
    "to review the case, pointing to what it called contradictions in the testimony of the "
    "officers. The regional police declined to comment, and the court's press office said "
    "the written judgment would be published within ten days of the hearing."
)


def republish(body: str, headline: str, trailer: str) -> str:
    return f"{headline}\n{body}\n{trailer}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Court Jails Driver", {b"court jails driver"}),
        ("One two three four five", {b"one two three four five"}),
        ("", set()),
        ("  ... !!", set()),
    ],
)
def test_short_text_is_one_case_folded_shingle(text: str, expected: set[bytes]) -> None:
    """Up to SHINGLE_WORDS words make one shingle; punctuation is dropped."""
    assert shingles(text) == expected


def test_long_text_shingles_overlap_and_fold_case() -> None:
    """Six words make two overlapping five-word shingles, lower-cased."""
    assert SHINGLE_WORDS == 5
    assert shingles("The Court Jailed Serik Almatov Today") == {
        b"the court jailed serik almatov",
        b"court jailed serik almatov today",
    }
    assert shingles("ДВА СЛОВА") == {"два слова".encode()}


def test_republication_under_another_headline_is_a_copy() -> None:
    """Same body, another headline and another trailing line: one group."""
    texts = {
        "d2": republish(
            BODY_SHYMKENT, "Shymkent bus driver jailed", "Read more at steppewire.example"
        ),
        "d1": republish(
            BODY_SHYMKENT,
            "Court sends driver to colony for four years",
            "Read more at almaty-daily.example/courts",
        ),
        "d3": BODY_PAVLODAR,
    }
    groups = copy_groups(texts)
    assert groups == {"d1": "d1", "d2": "d1", "d3": "d3"}


def test_edited_copy_with_one_word_changed_is_a_copy() -> None:
    """Correcting one word does not make a new article."""
    edited = BODY_PAVLODAR.replace("five weeks", "six weeks")
    assert edited != BODY_PAVLODAR
    groups = copy_groups({"b": edited, "a": BODY_PAVLODAR})
    assert groups == {"a": "a", "b": "a"}


def test_another_article_on_the_same_case_is_its_own_group() -> None:
    """Same people and town, different words: two independent reports."""
    groups = copy_groups({"x": BODY_SHYMKENT, "y": BODY_SHYMKENT_OTHER})
    assert groups == {"x": "x", "y": "y"}


def test_empty_texts_are_never_copies() -> None:
    """Two empty documents are not one article, nor copies of anything."""
    groups = copy_groups({"e1": "", "e2": "   ", "full": BODY_SHYMKENT})
    assert groups == {"e1": "e1", "e2": "e2", "full": "full"}


def test_group_id_is_the_smallest_id_across_a_chain_of_copies() -> None:
    """Three copies are one group named by the smallest id, whatever the insertion order."""
    texts = {
        "zz": republish(BODY_PAVLODAR, "Teacher acquitted", "Read more at a.example"),
        "mm": BODY_PAVLODAR.replace("forty", "fifty"),
        "aa": republish(BODY_PAVLODAR, "Court clears teacher", "Read more at b.example"),
        "kk": BODY_SHYMKENT,
    }
    groups = copy_groups(texts)
    assert groups == {"zz": "aa", "mm": "aa", "aa": "aa", "kk": "kk"}


def test_no_texts_no_groups() -> None:
    assert copy_groups({}) == {}


def test_texts_without_words_are_never_copies() -> None:
    """A page that kept only its separators is no more a copy than an empty one."""
    groups = copy_groups({"p1": "* * *", "p2": "— — —", "full": BODY_SHYMKENT})
    assert groups == {"p1": "p1", "p2": "p2", "full": "full"}
