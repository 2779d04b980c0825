"""English clauses read from spaCy's parse of short sentences written for these tests.

Each sentence is a plain shape news uses for a court outcome or a statement; the small English
model parses all of them correctly, so a failure here is a change in the reader (or the model).
"""

from __future__ import annotations

from functools import cache

import pytest

from qantar.model import Document, make_document_id
from qantar.nlp.annotate import english
from qantar.nlp.annotate.english import annotate_english
from qantar.nlp.annotate.types import Annotation
from qantar.nlp.reading import tree
from qantar.nlp.reading.english import english_clauses
from qantar.nlp.reading.types import (
    ADVERBIAL,
    AGENT,
    COMPLEMENT,
    COMPLEMENT_CLAUSE,
    COORDINATE,
    INDIRECT,
    MAIN,
    MODIFIER,
    OBJECT,
    OBLIQUE,
    RELATIVE,
    SUBJECT,
    Clause,
)
from qantar.settings import Settings


@cache
def annotate(text: str) -> Annotation:
    doc = Document(id=make_document_id(text), name="test.txt", text=text, language="en")
    [annotation] = annotate_english([doc], model=Settings.from_env({}).spacy_model)
    return annotation


def clause(text: str, predicate: str) -> Clause:
    """The clause whose predicate is the word ``predicate`` (the first one in the text)."""
    annotation = annotate(text)
    for found in english_clauses(annotation):
        if annotation.tokens[found.predicate].text == predicate:
            return found
    raise AssertionError(f"no clause on {predicate!r} in {text!r}")


def heads(text: str, found: Clause, role: str) -> list[str]:
    """The head words of the clause's arguments in ``role``, with the marker for obliques."""
    tokens = annotate(text).tokens
    return [
        f"{a.marker} {tokens[a.head].text}" if a.marker else tokens[a.head].text
        for a in found.role(role)
    ]


# Tokens ------------------------------------------------------------------------------------


def test_tokens_carry_lemmas_offsets_and_document_wide_heads() -> None:
    text = "Menu\n\nThe guards were sentenced on Monday. They appealed.\n\nA court fined him."
    annotation = annotate(text)
    tokens = annotation.tokens
    assert [t.index for t in tokens] == list(range(len(tokens)))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    sentenced = next(t for t in tokens if t.text == "sentenced")
    assert (sentenced.lemma, sentenced.pos, sentenced.dep) == ("sentence", "VERB", "root")
    assert sentenced.head == sentenced.index
    assert sentenced.feature("VerbForm") == "Part"
    guards = next(t for t in tokens if t.text == "guards")
    assert (guards.dep, guards.head, guards.lemma) == ("nsubjpass", sentenced.index, "guard")
    fined = next(t for t in tokens if t.text == "fined")
    him = next(t for t in tokens if t.text == "him")
    assert him.head == fined.index and fined.sentence == 2


def test_sentence_token_ranges_line_up_with_sentences() -> None:
    text = "The guards were sentenced. They appealed.\n\nA court fined him on Friday."
    annotation = annotate(text)
    assert len(annotation.sentence_tokens) == len(annotation.sentences) == 3
    expected_first = 0
    for number, (first, last) in enumerate(annotation.sentence_tokens):
        assert first == expected_first and last > first
        sentence = annotation.sentences[number]
        assert all(annotation.tokens[i].sentence == number for i in range(first, last))
        assert annotation.tokens[first].start == sentence.start
        assert all(annotation.tokens[i].head in range(first, last) for i in range(first, last))
        expected_first = last
    assert expected_first == len(annotation.tokens)


def test_an_overlong_paragraph_is_parsed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(english, "PIECE_LIMIT", 120)
    sentence = "The regional court in Taraz sentenced a local activist to three years. "
    text = "Headline about the trials in Taraz\n\n" + sentence * 6
    assert len(english.parse_spans(text, 120)) == 7, "the paragraph is cut into six pieces"
    doc = Document(id=make_document_id(text), name="long.txt", text=text, language="en")
    [annotation] = annotate_english([doc], model=Settings.from_env({}).spacy_model)
    assert all(s.end - s.start <= 120 for s in annotation.sentences)
    assert len(annotation.sentences) == 7
    assert [t.index for t in annotation.tokens] == list(range(len(annotation.tokens)))
    assert all(text[t.start : t.end] == t.text for t in annotation.tokens)
    sentenced = [c for c in english_clauses(annotation) if c.lemma == "sentence"]
    assert len(sentenced) == 6 and len({c.sentence for c in sentenced}) == 6


# Tree helpers ------------------------------------------------------------------------------


def test_tree_helpers_walk_the_parse() -> None:
    text = "The district court sentenced Aliyev, Bekov and Serikov to prison."
    annotation = annotate(text)
    index = {t.text: t.index for t in annotation.tokens}
    below = tree.children(annotation)
    assert below is tree.children(annotation), "children are built once per annotation"
    assert below[index["court"]] == [index["The"], index["district"]]
    assert index["court"] in below[index["sentenced"]]
    assert tree.subtree(annotation, index["court"]) == [0, 1, 2]
    assert tree.subtree_span(annotation, index["court"]).slice(text) == "The district court"
    assert tree.ancestors(annotation, index["The"]) == [index["court"], index["sentenced"]]
    assert tree.ancestors(annotation, index["sentenced"]) == []
    group = [index["Aliyev"], index["Bekov"], index["Serikov"]]
    assert all(tree.conjuncts(annotation, member) == group for member in group)
    assert tree.conjuncts(annotation, index["The"]) == [index["The"]]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("He said “we lost” and left.", ["we lost"]),
        ('He said "we lost" and "we won".', ["we lost", "we won"]),
        ("Она сказала: «нас „предали“ все».", ["нас „предали“ все"]),
        ("“It goes on and never closes", ["It goes on and never closes"]),
        ("A stray ” mark, then “a quote”.", ["a quote"]),
        ("“Outer «inner” closes both.", ["Outer «inner"]),
    ],
)
def test_quote_regions(text: str, inside: list[str]) -> None:
    assert [r.slice(text) for r in tree.quote_regions(text)] == inside


# Clauses -----------------------------------------------------------------------------------

PASSIVE = "Three former guards were sentenced to six years."
ACTIVE = "A district court sentenced the blogger to two years."
DITRANSITIVE = "The court handed the general a ten-year term."
GUILTY = "The tribunal found the teacher guilty of inciting unrest."
RELATIVE_TEXT = "The officer, who was detained in March, was released on bail last week."
PARTICIPLE = "The ruling handed down on Friday was upheld by the appeals court."
SAID_AFTER = "The trial was fair, the prosecutor said."
SAID_BEFORE = "The lawyer said that the court ignored the evidence."
QUOTED = "“The charges are invented,” his daughter told reporters."
NEGATED = "Police never charged the driver, and the judge did not release him."
SHARED = "He was found guilty and sentenced to five years."
AFTER = "After finding him guilty, the court sentenced him to three years."
CONTROL = "Prosecutors asked the judge to jail the pensioner for four years."


def test_passive_subject_and_oblique() -> None:
    found = clause(PASSIVE, "sentenced")
    assert (found.kind, found.passive, found.lemma) == (MAIN, True, "sentence")
    assert heads(PASSIVE, found, SUBJECT) == ["guards"]
    assert heads(PASSIVE, found, OBLIQUE) == ["to years"]
    assert not found.role(OBJECT) and found.parent is None
    assert found.span.slice(PASSIVE) == PASSIVE


def test_active_subject_object_and_oblique() -> None:
    found = clause(ACTIVE, "sentenced")
    assert not found.passive
    assert heads(ACTIVE, found, SUBJECT) == ["court"]
    assert heads(ACTIVE, found, OBJECT) == ["blogger"]
    assert heads(ACTIVE, found, OBLIQUE) == ["to years"]


def test_two_objects_make_the_first_the_recipient() -> None:
    found = clause(DITRANSITIVE, "handed")
    assert heads(DITRANSITIVE, found, INDIRECT) == ["general"]
    assert heads(DITRANSITIVE, found, OBJECT) == ["term"]


def test_a_recipient_after_to_is_an_oblique() -> None:
    text = "The court gave a suspended sentence to the journalist."
    found = clause(text, "gave")
    assert heads(text, found, OBJECT) == ["sentence"]
    assert heads(text, found, OBLIQUE) == ["to journalist"]
    assert not found.role(INDIRECT)
    assert not any(c.lemma == "suspend" for c in english_clauses(annotate(text)))


def test_found_guilty_is_object_and_complement() -> None:
    found = clause(GUILTY, "found")
    assert heads(GUILTY, found, OBJECT) == ["teacher"]
    assert heads(GUILTY, found, COMPLEMENT) == ["guilty"]
    inciting = clause(GUILTY, "inciting")
    assert inciting.parent == found.index and inciting.kind != MAIN


def test_passive_found_guilty_and_a_coordinated_verb_share_the_subject() -> None:
    found = clause(SHARED, "found")
    assert found.passive and heads(SHARED, found, COMPLEMENT) == ["guilty"]
    sentenced = clause(SHARED, "sentenced")
    assert (sentenced.kind, sentenced.parent) == (COORDINATE, found.index)
    assert sentenced.passive
    assert heads(SHARED, sentenced, SUBJECT) == ["He"]
    assert heads(SHARED, sentenced, OBLIQUE) == ["to years"]


def test_relative_clause_is_not_the_main_clause() -> None:
    detained = clause(RELATIVE_TEXT, "detained")
    released = clause(RELATIVE_TEXT, "released")
    assert (detained.kind, detained.parent, detained.passive) == (RELATIVE, released.index, True)
    assert heads(RELATIVE_TEXT, detained, SUBJECT) == ["who"]
    assert heads(RELATIVE_TEXT, detained, OBLIQUE) == ["in March"]
    assert detained.span.slice(RELATIVE_TEXT) == "who was detained in March"
    assert released.kind == MAIN
    assert heads(RELATIVE_TEXT, released, SUBJECT) == ["officer"]


def test_participle_on_a_noun_is_a_passive_modifier_with_a_particle() -> None:
    handed = clause(PARTICIPLE, "handed")
    upheld = clause(PARTICIPLE, "upheld")
    assert (handed.kind, handed.lemma, handed.parent) == (MODIFIER, "hand down", upheld.index)
    assert handed.passive
    assert heads(PARTICIPLE, handed, SUBJECT) == ["ruling"]
    assert heads(PARTICIPLE, handed, OBLIQUE) == ["on Friday"]
    assert upheld.passive and heads(PARTICIPLE, upheld, AGENT) == ["court"]


def test_agent_hung_on_the_term_is_still_the_agent() -> None:
    text = "The defendants were sentenced to 16, 15 and three years by the court."
    found = clause(text, "sentenced")
    assert heads(text, found, AGENT) == ["court"]


def test_a_verb_taken_for_a_participle_on_the_subject_is_the_main_verb() -> None:
    # The object after "to jail" makes spaCy hang "sentenced" on "court" as a participle.
    for text, start, obj in (
        (
            "Last week a court in Aktobe sentenced to prison two brothers who had joined the "
            "protests.",
            "Last week",
            "brothers",
        ),
        # ...and also makes "men" a second object of "to".
        (
            "On May 3, a court in Taraz sentenced to jail four men who took part in the riots.",
            "On May 3",
            "men",
        ),
    ):
        found = clause(text, "sentenced")
        assert (found.kind, found.passive, found.parent) == (MAIN, False, None)
        assert heads(text, found, SUBJECT) == ["court"]
        assert heads(text, found, OBJECT) == [obj]
        assert found.span.slice(text).startswith(start)
        assert found.span.slice(text).endswith(".")


def test_a_coordinated_there_is_keeps_no_subject() -> None:
    text = "Spring has seen many trials, but there is little trust in the courts."
    found = clause(text, "is")
    assert found.kind == COORDINATE and not found.role(SUBJECT)


def test_reported_when_the_speech_verb_follows() -> None:
    was = clause(SAID_AFTER, "was")
    said = clause(SAID_AFTER, "said")
    assert (was.kind, was.parent, was.reported, was.quoted) == (
        COMPLEMENT_CLAUSE,
        said.index,
        True,
        False,
    )
    assert heads(SAID_AFTER, was, SUBJECT) == ["trial"]
    assert heads(SAID_AFTER, was, COMPLEMENT) == ["fair"]
    assert said.kind == MAIN and not said.reported


def test_reported_when_the_speech_verb_comes_first() -> None:
    ignored = clause(SAID_BEFORE, "ignored")
    assert ignored.reported and not ignored.quoted
    assert heads(SAID_BEFORE, ignored, SUBJECT) == ["court"]
    assert not clause(SAID_BEFORE, "said").reported


def test_quoted_predicate() -> None:
    invented = clause(QUOTED, "invented")
    assert invented.quoted and invented.reported and invented.passive
    told = clause(QUOTED, "told")
    assert not told.quoted and not told.reported
    text = "She said the police “beat him badly” in custody."
    assert clause(text, "beat").quoted


def test_according_to_makes_a_clause_reported() -> None:
    text = "According to the ministry, 225 people died in the clashes."
    died = clause(text, "died")
    assert died.reported and not died.quoted
    assert "according to ministry" in heads(text, died, OBLIQUE)
    assert not any(c.lemma == "accord" for c in english_clauses(annotate(text)))


def test_negation() -> None:
    charged = clause(NEGATED, "charged")
    release = clause(NEGATED, "release")
    assert charged.negated and release.negated
    assert not clause(ACTIVE, "sentenced").negated


def test_after_finding_him_guilty_is_adverbial() -> None:
    finding = clause(AFTER, "finding")
    sentenced = clause(AFTER, "sentenced")
    assert (finding.kind, finding.parent) == (ADVERBIAL, sentenced.index)
    assert heads(AFTER, finding, OBJECT) == ["him"]
    assert heads(AFTER, finding, COMPLEMENT) == ["guilty"]
    assert not finding.role(SUBJECT), "adverbial clauses share nothing"
    assert sentenced.kind == MAIN and heads(AFTER, sentenced, OBJECT) == ["him"]


def test_infinitive_takes_the_object_or_the_subject_of_its_parent() -> None:
    jail = clause(CONTROL, "jail")
    asked = clause(CONTROL, "asked")
    assert (jail.kind, jail.parent) == (COMPLEMENT_CLAUSE, asked.index)
    assert heads(CONTROL, jail, SUBJECT) == ["judge"]
    assert heads(CONTROL, jail, OBJECT) == ["pensioner"]
    text = "He decided to appeal the sentence."
    assert heads(text, clause(text, "appeal"), SUBJECT) == ["He"]


def test_clauses_are_numbered_in_text_order_across_sentences() -> None:
    text = f"{PASSIVE} {RELATIVE_TEXT}\n\n{SAID_BEFORE}"
    annotation = annotate(text)
    clauses = english_clauses(annotation)
    assert [c.index for c in clauses] == list(range(len(clauses)))
    assert [c.predicate for c in clauses] == sorted(c.predicate for c in clauses)
    assert [c.sentence for c in clauses] == sorted(c.sentence for c in clauses)
    assert {c.sentence for c in clauses} == {0, 1, 2}
    for found in clauses:
        if found.parent is not None:
            assert clauses[found.parent].sentence == found.sentence


def test_a_document_without_tokens_has_no_clauses() -> None:
    doc = Document(id="x", name="x.txt", text="", language="en")
    assert english_clauses(Annotation(doc=doc, paragraphs=[], sentences=[])) == []
