"""Organizations and places: gazetteer aliases, acronyms and "of Kazakhstan"."""

from __future__ import annotations

from qantar.nlp.lexicon import load_lexicon
from qantar.resolve.bodies import acronym, body_candidates, body_name


def key(name: str, *variants: str) -> str:
    return body_name(name, list(variants), None, load_lexicon()).key


def test_gazetteer_aliases_share_one_key_in_both_alphabets() -> None:
    csto = key("Collective Security Treaty Organization")
    assert key("CSTO") == key("ОДКБ") == csto
    assert key("KNB") == key("КНБ") == key("NSC") == key("National Security Committee")
    assert key("Алматы") == key("Alma-Ata") == key("Almaty")


def test_acronyms() -> None:
    assert acronym("Committee to Protect Journalists") == "CPJ"
    assert acronym("Democratic Party of Kazakhstan") == "DPK"
    assert acronym("Amanat") == ""


def candidates(*entries: tuple[str, ...]) -> list[tuple[str, str, str]]:
    lexicon = load_lexicon()
    names = {}
    for name, *variants in entries:
        body = body_name(name, variants, None, lexicon)
        names[body.key] = body
    return [(a, b, m.features[0].detail) for a, b, m in body_candidates(names)]


def test_an_acronym_meets_the_name_it_abbreviates() -> None:
    found = candidates(("Almaty Workers Union",), ("AWU",))
    assert found == [
        (
            "almati vorkers union",
            "avu",
            "AWU is the acronym of 'Almaty Workers Union'; AWU is written as an acronym",
        )
    ]


def test_two_spelled_out_names_with_one_acronym_are_not_linked() -> None:
    assert candidates(("Almaty Workers Union",), ("Astana Writers Union",)) == []


def test_an_acronym_of_two_bodies_links_neither() -> None:
    assert candidates(("Almaty Workers Union",), ("Astana Writers Union",), ("AWU",)) == []


def test_the_name_without_of_home_country() -> None:
    found = candidates(("Social Democratic Party of Kazakhstan",), ("Social Democratic Party",))
    assert [(a, b) for a, b, _ in found] == [
        ("social democratic parti", "social democratic parti of kazahstan")
    ]
