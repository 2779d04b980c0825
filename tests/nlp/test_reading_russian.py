"""Russian clauses read from natasha's parse (run for real), and the parsed tokens under them.

Every sentence here was written for these tests; none is taken from the corpus. natasha's
parse is imperfect, so the sentences are plain ones it reads right; what it gets wrong is
noted in the module docstring of :mod:`qantar.nlp.reading.russian` and left untested.
"""

from __future__ import annotations

from functools import cache

import pytest

from qantar.model import Document, make_document_id
from qantar.nlp.annotate.russian import _break_cycles, annotate_russian
from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.reading.russian import russian_clauses, speech_verbs
from qantar.nlp.reading.types import (
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


@cache
def annotate(text: str) -> Annotation:
    doc = Document(id=make_document_id(text), name="test.txt", text=text, language="ru")
    [annotation] = annotate_russian([doc])
    return annotation


@cache
def clauses(text: str) -> list[Clause]:
    return russian_clauses(annotate(text))


def clause(text: str, predicate: str) -> Clause:
    """The clause whose predicate is the word ``predicate`` (exactly one must match)."""
    tokens = annotate(text).tokens
    found = [c for c in clauses(text) if tokens[c.predicate].text == predicate]
    assert len(found) == 1, [tokens[c.predicate].text for c in clauses(text)]
    return found[0]


def heads(text: str, found: Clause, role: str) -> list[str]:
    """The head words of the clause's arguments in ``role``, with the marker if any."""
    tokens = annotate(text).tokens
    return [
        f"{a.marker} {tokens[a.head].text}" if a.marker else tokens[a.head].text
        for a in found.role(role)
    ]


def span_text(text: str, found: Clause) -> str:
    return found.span.slice(text)


# -- tokens ------------------------------------------------------------------------------

PARSED = (
    "Бывший полицейский осуждён на шесть лет. Суд назначил ему штраф.\n\n"
    "Адвокат заявила, что будет обжаловать приговор."
)


def test_tokens_cover_the_sentences_in_document_coordinates() -> None:
    annotation = annotate(PARSED)
    tokens = annotation.tokens
    assert len(annotation.sentence_tokens) == len(annotation.sentences) == 3
    assert [t.index for t in tokens] == list(range(len(tokens)))
    for number, (first, last) in enumerate(annotation.sentence_tokens):
        sentence = annotation.sentences[number]
        assert first < last
        for token in tokens[first:last]:
            assert token.sentence == number
            assert PARSED[token.start : token.end] == token.text
            assert sentence.start <= token.start < token.end <= sentence.end
            assert first <= token.head < last
    assert annotation.sentence_tokens[0][0] == 0
    assert annotation.sentence_tokens[-1][1] == len(tokens)


def test_tokens_carry_lemma_parse_and_features() -> None:
    tokens = {t.text: t for t in annotate(PARSED).tokens}
    judged = tokens["осуждён"]
    assert (judged.lemma, judged.pos, judged.dep) == ("осудить", "VERB", "root")
    assert judged.head == judged.index
    assert judged.feature("Voice") == "Pass" and judged.feature("Variant") == "Short"
    assert tokens["полицейский"].dep == "nsubj:pass"
    assert tokens["полицейский"].head == judged.index
    assert tokens["ему"].morph == "Case=Dat|Gender=Masc|Number=Sing|Person=3"
    assert tokens["ему"].lemma == "он"
    assert tokens["Суд"].lemma == "суд"  # lower case
    assert tokens["на"].pos == "ADP" and tokens["на"].morph == ""


def test_entities_still_found_with_the_parse() -> None:
    text = "Суд в Алматы приговорил Карима Масимова к восемнадцати годам."
    entities = {(e.text, e.label, e.normal) for e in annotate(text).entities}
    assert ("Карима Масимова", "PERSON", "Карим Масимов") in entities
    assert ("Алматы", "GPE", "") in entities


def _token(index: int, head: int, dep: str = "nsubj") -> Token:
    return Token(index, index * 2, index * 2 + 1, "x", "x", "NOUN", dep, head, 0)


def test_head_cycles_are_cut_so_every_sentence_is_a_tree() -> None:
    # 0 is the root; 1 and 2 are each other's head, as natasha sometimes parses.
    tokens = [_token(0, 0, "root"), _token(1, 2), _token(2, 1), _token(3, 1)]
    fixed = _break_cycles(tokens)
    assert [t.head for t in fixed] == [0, 0, 1, 1]
    assert fixed[1].dep == "dep" and fixed[2].dep == "nsubj"
    # A sentence with no root at all: the cut word becomes its root.
    rootless = _break_cycles([_token(0, 1), _token(1, 0)])
    assert [(t.head, t.dep) for t in rootless] == [(0, "root"), (0, "nsubj")]
    assert _break_cycles(tokens[:1]) == tokens[:1]


def test_no_tokens_no_clauses() -> None:
    assert russian_clauses(annotate("Главная\nВидео\nПолитика\n")) == []


# -- verdict clauses ---------------------------------------------------------------------


def test_active_third_plural_with_accusative_object() -> None:
    text = "Активиста Иванова приговорили к пяти годам колонии."
    found = clause(text, "приговорили")
    assert (found.lemma, found.kind, found.parent, found.passive) == (
        "приговорить",
        MAIN,
        None,
        False,
    )
    assert heads(text, found, OBJECT) == ["Активиста"]
    assert found.role(OBJECT)[0].case == "Acc"
    assert heads(text, found, OBLIQUE) == ["к годам"]
    assert found.role(OBLIQUE)[0].case == "Dat"
    assert found.role(SUBJECT) == []
    assert not found.negated and not found.reported and not found.quoted


def test_short_passive_participle() -> None:
    text = "Бывший полицейский осуждён на шесть лет."
    found = clause(text, "осуждён")
    assert (found.lemma, found.kind, found.passive) == ("осудить", MAIN, True)
    assert heads(text, found, SUBJECT) == ["полицейский"]
    assert heads(text, found, OBLIQUE) == ["на лет"]


def test_analytic_passive_with_instrumental_agent() -> None:
    text = "Журналист был осуждён судом за публикацию."
    found = clause(text, "осуждён")
    assert found.passive and found.lemma == "осудить"
    assert heads(text, found, AGENT) == ["судом"]
    assert heads(text, found, OBLIQUE) == ["за публикацию"]
    assert heads(text, found, SUBJECT) == ["Журналист"]
    sentenced = clause("Подсудимая была приговорена к трём годам лишения свободы.", "приговорена")
    assert sentenced.passive and sentenced.lemma == "приговорить"


def test_dative_recipient() -> None:
    text = "Суд назначил ему восемь лет условно."
    found = clause(text, "назначил")
    assert heads(text, found, INDIRECT) == ["ему"]
    assert found.role(INDIRECT)[0].case == "Dat"
    assert heads(text, found, SUBJECT) == ["Суд"]
    assert heads(text, found, OBJECT) == ["лет"]
    assert not found.passive


def test_bare_dative_oblique_is_the_recipient() -> None:
    text = "Бывшему главе ведомства предъявлено обвинение."
    found = clause(text, "предъявлено")
    assert heads(text, found, INDIRECT) == ["главе"]
    assert heads(text, found, SUBJECT) == ["обвинение"]
    assert found.passive and found.lemma == "предъявить"


def test_found_guilty_keeps_the_verb_lemma_with_its_complement() -> None:
    text = "Суд признал Петрова виновным в организации беспорядков."
    found = clause(text, "признал")
    assert found.lemma == "признать" and not found.passive
    assert heads(text, found, OBJECT) == ["Петрова"]
    assert heads(text, found, COMPLEMENT) == ["виновным"]
    assert found.role(COMPLEMENT)[0].case == "Ins"
    assert len(clauses(text)) == 1  # "виновным" is no clause of its own


def test_found_guilty_in_the_passive() -> None:
    text = "Журналистка признана виновной."
    found = clause(text, "признана")
    assert (found.lemma, found.passive) == ("признать", True)
    assert heads(text, found, SUBJECT) == ["Журналистка"]
    assert heads(text, found, COMPLEMENT) == ["виновной"]


def test_negation() -> None:
    text = "Подсудимый не признал вину."
    found = clause(text, "признал")
    assert found.negated
    assert heads(text, found, OBJECT) == ["вину"]
    assert not clause("Суд признал Петрова виновным в организации беспорядков.", "признал").negated


# -- how clauses are embedded ------------------------------------------------------------


def test_relative_clause() -> None:
    text = "Блогер, который был задержан в мае, вышел на свободу."
    detained = clause(text, "задержан")
    released = clause(text, "вышел")
    assert (detained.kind, detained.parent, detained.passive) == (RELATIVE, released.index, True)
    assert heads(text, detained, SUBJECT) == ["который"]
    assert heads(text, detained, OBLIQUE) == ["в мае"]
    assert "который был задержан в мае" in span_text(text, detained)
    assert released.kind == MAIN and heads(text, released, SUBJECT) == ["Блогер"]
    assert span_text(text, released) == text
    assert [c.index for c in clauses(text)] == [0, 1]  # text order


def test_participle_modifier_takes_its_noun_as_subject() -> None:
    text = "Задержанный полицией студент провёл в изоляторе две недели."
    detained = clause(text, "Задержанный")
    spent = clause(text, "провёл")
    assert (detained.kind, detained.parent, detained.passive) == (MODIFIER, spent.index, True)
    assert detained.lemma == "задержать"
    assert heads(text, detained, AGENT) == ["полицией"]
    assert heads(text, detained, SUBJECT) == ["студент"]
    assert span_text(text, detained) == "Задержанный полицией"


def test_bare_participle_before_its_noun_is_no_clause() -> None:
    text = "Задержанный студент провёл в изоляторе две недели."
    assert [annotate(text).tokens[c.predicate].text for c in clauses(text)] == ["провёл"]


def test_coordinated_verb_shares_the_subject() -> None:
    text = "Суд признал его виновным и назначил ему штраф."
    found = clause(text, "признал")
    second = clause(text, "назначил")
    assert (second.kind, second.parent) == (COORDINATE, found.index)
    assert heads(text, second, SUBJECT) == ["Суд"]
    assert heads(text, second, INDIRECT) == ["ему"]
    assert heads(text, second, OBJECT) == ["штраф"]
    assert heads(text, found, COMPLEMENT) == ["виновным"]


def test_infinitive_complement_is_controlled_by_the_object() -> None:
    text = "Следователи попросили суд арестовать его."
    asked = clause(text, "попросили")
    arrest = clause(text, "арестовать")
    assert (arrest.kind, arrest.parent) == (COMPLEMENT_CLAUSE, asked.index)
    assert heads(text, arrest, SUBJECT) == ["суд"]
    assert heads(text, arrest, OBJECT) == ["его"]


# -- speech ------------------------------------------------------------------------------


def test_quoted_speech_framed_by_a_dash() -> None:
    text = "«Мы будем обжаловать этот приговор», — сказал адвокат."
    appeal = clause(text, "обжаловать")
    said = clause(text, "сказал")
    assert (appeal.kind, appeal.parent) == (COMPLEMENT_CLAUSE, said.index)
    assert appeal.quoted and appeal.reported
    assert heads(text, appeal, OBJECT) == ["приговор"]
    assert span_text(text, appeal) == "«Мы будем обжаловать этот приговор»"
    assert (said.kind, said.parent, said.quoted, said.reported) == (MAIN, None, False, False)
    assert heads(text, said, SUBJECT) == ["адвокат"]
    assert span_text(text, said).startswith("«Мы будем")


def test_dash_led_speech_without_quotation_marks() -> None:
    text = "— Наш подзащитный не виновен, — заявила адвокат."
    innocent = clause(text, "виновен")
    declared = clause(text, "заявила")
    assert (innocent.kind, innocent.parent) == (COMPLEMENT_CLAUSE, declared.index)
    assert innocent.reported and not innocent.quoted and innocent.negated
    assert innocent.lemma == "виновный"
    assert heads(text, innocent, SUBJECT) == ["подзащитный"]
    assert declared.kind == MAIN and not declared.reported
    assert heads(text, declared, SUBJECT) == ["адвокат"]


def test_dash_led_paragraph_goes_on_speaking_after_the_author() -> None:
    text = "— Мы не согласны с приговором, — ответил он. — Будем обжаловать."
    assert clause(text, "согласны").reported
    assert not clause(text, "ответил").reported
    appeal = clause(text, "обжаловать")
    assert appeal.reported and not appeal.quoted and appeal.kind == MAIN


def test_complement_of_a_speech_verb_is_reported() -> None:
    text = "Адвокат заявила, что её подзащитного избили в полиции."
    beaten = clause(text, "избили")
    declared = clause(text, "заявила")
    assert (beaten.kind, beaten.parent) == (COMPLEMENT_CLAUSE, declared.index)
    assert beaten.reported and not beaten.quoted
    assert not declared.reported
    assert heads(text, beaten, OBLIQUE) == ["в полиции"]


@pytest.mark.parametrize(
    ("text", "content", "speech"),
    [
        (
            "Приговор не вступил в законную силу, сообщили в пресс-службе суда.",
            "вступил",
            "сообщили",
        ),
        ("Как сообщил прокурор, обвиняемые были задержаны в Алматы.", "задержаны", "сообщил"),
    ],
)
def test_speech_verb_beside_what_it_reports(text: str, content: str, speech: str) -> None:
    said = clause(text, content)
    frame = clause(text, speech)
    assert (said.kind, said.parent, said.reported) == (COMPLEMENT_CLAUSE, frame.index, True)
    assert (frame.kind, frame.parent, frame.reported) == (MAIN, None, False)


def test_clause_that_is_not_said_is_not_reported() -> None:
    text = "Суд не признал его виновным, а прокурор обжаловал решение."
    assert not any(c.reported or c.quoted for c in clauses(text))


def test_speech_verbs_come_from_the_shared_pattern_file() -> None:
    verbs = speech_verbs()
    for lemma in ("сказать", "заявить", "сообщить", "отметить", "подчеркнуть"):
        assert verbs.has(Token(0, 0, 1, lemma, lemma, "VERB", "root", 0, 0))
    assert not verbs.has(Token(0, 0, 1, "признал", "признать", "VERB", "root", 0, 0))
