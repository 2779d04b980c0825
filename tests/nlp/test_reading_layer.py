"""The reading layer's pieces on their own: lemma cue lists and the document state.

Cue tests read tokens from the real pipeline where the lemma matters (spaCy for English,
natasha for Russian) and build :class:`Token` objects by hand where the test is about the
matcher itself (wildcards, hyphens, which entry wins).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from qantar.model import Document, make_document_id
from qantar.nlp import rule_log
from qantar.nlp.annotate.types import Token
from qantar.nlp.lexicon import read_patterns
from qantar.nlp.reading.cues import LemmaCues, compile_cues, cue_list
from qantar.nlp.reading.state import (
    HEAD_COUNT_REACH,
    NARRATIVE_DATE_REACH,
    SPEAKER_REACH,
    TRIAL_REACH,
    DocumentState,
    Held,
    Trial,
)
from tests.nlp.helpers import pipeline

# ---- tokens --------------------------------------------------------------------------------------


def parsed(text: str, language: str) -> list[Token]:
    """The tokens the real annotator gives ``text``."""
    doc = Document(
        id=make_document_id(text),
        name="reading.txt",
        text=text,
        language=language,
        published=None,
        published_precision=None,
    )
    [annotation] = list(pipeline().annotate([doc]))
    return annotation.tokens


def token(tokens: Sequence[Token], text: str) -> Token:
    [found] = [t for t in tokens if t.text == text]
    return found


def made(*words: str | tuple[str, str]) -> list[Token]:
    """Hand-made tokens of one sentence: a word, or (text, lemma)."""
    tokens, at = [], 0
    for index, word in enumerate(words):
        text, lemma = word if isinstance(word, tuple) else (word, word.lower())
        tokens.append(Token(index, at, at + len(text), text, lemma, "X", "dep", 0, 0))
        at += len(text) + 1
    return tokens


def entries(cues: LemmaCues, tokens: Sequence[Token]) -> list[tuple[str, int, int]]:
    return [(h.entry, h.first, h.last) for h in cues.find(tokens)]


# ---- one lemma entry covers every form -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        pytest.param(
            "The court sentenced him. The judge sentences people daily. The court is "
            "sentencing them today.",
            ["sentenced", "sentences", "sentencing"],
            id="en",
        ),
        pytest.param(
            "Суд приговорил Болата Сейткали к пяти годам. Он приговорён к пяти годам. "
            "Они приговорены к трём годам.",
            ["приговорил", "приговорён", "приговорены"],
            id="ru",
        ),
    ],
)
def test_one_lemma_entry_matches_every_inflected_form(text: str, forms: list[str]) -> None:
    language = "ru" if forms[0].startswith("приговор") else "en"
    cues = compile_cues("test_reading.lemma", ["sentence" if language == "en" else "приговорить"])
    tokens = parsed(text, language)
    for form in forms:
        assert cues.has(token(tokens, form)), form
    others = [t for t in tokens if t.text not in forms]
    assert others and not any(cues.has(t) for t in others)


def test_a_word_with_another_lemma_is_no_match() -> None:
    cues = compile_cues("test_reading.lemma_other", ["sentence"])
    tokens = parsed("He sent a letter to the court.", "en")
    assert not any(cues.has(t) for t in tokens)


def test_a_cue_matches_the_lower_cased_text_as_well_as_the_lemma() -> None:
    cues = compile_cues("test_reading.surface", ["условно"])
    [hit] = cues.find(made("три", "года", ("Условно", "условный")))
    assert (hit.entry, hit.first, hit.last) == ("условно", 2, 2)


# ---- wildcards and hyphens -----------------------------------------------------------------------


def test_a_starred_word_matches_every_word_it_starts() -> None:
    cues = compile_cues("test_reading.prefix", ["колони*"])
    tokens = made(("колонии", "колония"), ("колонию", "колония"), ("колонна", "колонна"))
    assert [cues.has(t) for t in tokens] == [True, True, False]


def test_a_starred_word_matches_on_the_surface_form_too() -> None:
    cues = compile_cues("test_reading.prefix_surface", ["тюрьм*"])
    assert cues.has(made(("тюрьме", "тюрьмо"))[0])  # a lemmatizer's slip does not matter
    assert not cues.has(made(("тюль", "тюль"))[0])


def test_a_lone_star_matches_exactly_one_token() -> None:
    cues = compile_cues("test_reading.star", ["find * guilty"])
    one = made("The", "court", ("found", "find"), "him", "guilty", ".")
    assert entries(cues, one) == [("find * guilty", 2, 4)]
    none = made("The", "court", ("found", "find"), "guilty", ".")
    assert entries(cues, none) == []
    two = made("The", "court", ("found", "find"), "the", "man", "guilty", ".")
    assert entries(cues, two) == []


def test_a_lone_star_on_parsed_text() -> None:
    cues = compile_cues("test_reading.star_parsed", ["find * guilty"])
    tokens = parsed("The court found Bolat guilty of hooliganism.", "en")
    [hit] = cues.find(tokens)
    assert (tokens[hit.first].text, tokens[hit.last].text) == ("found", "guilty")


def test_a_hyphenated_entry_matches_the_split_tokens() -> None:
    cues = compile_cues("test_reading.hyphen", ["non-custodial"])
    split = made("a", "non", "-", "custodial", "sentence")
    assert entries(cues, split) == [("non-custodial", 1, 3)]
    whole = made("a", "non-custodial", "sentence")
    assert entries(cues, whole) == [("non-custodial", 1, 1)]
    apart = made("a", "non", "custodial", "sentence")
    assert entries(cues, apart) == []


def test_a_hyphenated_entry_on_parsed_text() -> None:
    cues = compile_cues("test_reading.hyphen_parsed", ["non-custodial"])
    tokens = parsed("Bolat Seitkali received a non-custodial sentence.", "en")
    [hit] = cues.find(tokens)
    assert tokens[hit.first].text.startswith("non")
    assert tokens[hit.last].text.endswith("custodial")


# ---- which entry wins ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrases",
    [["prison", "prison term"], ["prison term", "prison"]],
    ids=["short-first", "long-first"],
)
def test_the_longest_entry_wins(phrases: list[str]) -> None:
    cues = compile_cues("test_reading.longest", phrases)
    tokens = made("a", "ten-year", "prison", "term", "and", "prison")
    assert entries(cues, tokens) == [("prison term", 2, 3), ("prison", 5, 5)]


def test_hits_do_not_overlap_and_run_left_to_right() -> None:
    cues = compile_cues("test_reading.overlap", ["restricted freedom", "freedom of speech"])
    tokens = made("restricted", "freedom", "of", "speech")
    assert entries(cues, tokens) == [("restricted freedom", 0, 1)]


def test_match_at_stops_before_the_end_it_is_given() -> None:
    cues = compile_cues("test_reading.end", ["prison term"])
    tokens = made("prison", "term")
    assert cues.match_at(tokens, 0) is not None
    assert cues.match_at(tokens, 0, end=1) is None


def test_an_empty_list_is_false_and_matches_nothing() -> None:
    cues = compile_cues("test_reading.empty", ["", "  "])
    assert not cues
    assert cues.find(made("anything")) == []


# ---- every entry is a rule the log counts --------------------------------------------------------


def test_every_entry_is_declared_when_compiled() -> None:
    with rule_log.recording() as log:
        compile_cues("test_reading.declared", ["acquit", "find * guilty", "non-custodial"])
    assert {
        "test_reading.declared.acquit",
        "test_reading.declared.find * guilty",
        "test_reading.declared.non-custodial",
    } <= log.declared
    with rule_log.recording() as later:  # declared once, known to every later log
        pass
    assert "test_reading.declared.acquit" in later.declared


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("key", ["verdict_predicates", "outcomes.prison", "all_defendants"])
def test_every_entry_of_a_pattern_file_list_is_declared(key: str, language: str) -> None:
    node = read_patterns("verdicts.yml")
    for part in key.split("."):
        node = node[part]
    phrases = [str(p) for p in node[language]]
    assert phrases
    cues = cue_list("verdicts", key, language)
    with rule_log.recording() as log:
        pass
    assert {entry for entry, _words, _split in cues.entries} == set(phrases)
    assert {f"verdicts.{key}.{p}" for p in phrases} <= log.declared


def test_fired_is_counted_per_document_only_while_recording() -> None:
    cues = compile_cues("test_reading.fired", ["prison", "prison term"])
    tokens = made("a", "prison", "term", ",", "then", "prison", "again")
    cues.find(tokens)  # nobody records: nothing is kept
    with rule_log.recording() as log:
        rule_log.set_document("first.txt")
        cues.find(tokens)
        rule_log.set_document("second.txt")
        assert cues.has(made("prison")[0])
    assert log.hits["test_reading.fired.prison term"] == {"first.txt": 1}
    assert log.hits["test_reading.fired.prison"] == {"first.txt": 1, "second.txt": 1}
    assert "test_reading.fired.prison" not in log.never_fired()
    with rule_log.recording() as quiet:
        pass
    assert "test_reading.fired.prison" not in quiet.hits
    assert "test_reading.fired.prison" in quiet.never_fired()


# ---- held values answer only within their reach --------------------------------------------------


def test_held_answers_within_its_reach_of_paragraphs() -> None:
    held: Held[str] = Held(2)
    assert held.get(0) is None  # nothing held yet
    held.set("Almaty", 3)
    assert [held.get(p) for p in range(2, 7)] == [None, "Almaty", "Almaty", "Almaty", None]


def test_held_set_again_moves_its_reach() -> None:
    held: Held[str] = Held(1)
    held.set("Taraz", 0)
    held.set("Taraz", 4)
    assert (held.get(0), held.get(4), held.get(5), held.get(6)) == (None, "Taraz", "Taraz", None)
    held.set(None, 5)
    assert held.get(5) is None


def test_reaches_are_the_named_constants() -> None:
    state = DocumentState()
    assert (
        state.trial.reach,
        state.speaker.reach,
        state.head_count.reach,
        state.narrative_date.reach,
    ) == (TRIAL_REACH, SPEAKER_REACH, HEAD_COUNT_REACH, NARRATIVE_DATE_REACH)
    state.speaker.set("the prosecutor", 2)
    assert state.speaker.get(2 + SPEAKER_REACH) == "the prosecutor"
    assert state.speaker.get(3 + SPEAKER_REACH) is None


def test_a_new_trial_is_held_within_reach() -> None:
    state = DocumentState()
    first = state.new_trial(1)
    first.city = "Semey"
    assert state.trial.get(1) is first
    assert state.trial.get(1 + TRIAL_REACH) is first
    assert state.trial.get(2 + TRIAL_REACH) is None


def test_a_new_trial_replaces_the_one_in_reach() -> None:
    state = DocumentState()
    first = state.new_trial(0)
    first.defendants.append("Bolat Seitkali")
    second = state.new_trial(1)
    assert second is not first and isinstance(second, Trial)
    assert (second.city, second.defendants) == (None, [])
    assert state.trial.get(1) is second
    assert state.trial.get(1 + TRIAL_REACH) is second
    assert state.trial.get(2 + TRIAL_REACH) is None


def test_trials_do_not_share_their_lists() -> None:
    one, two = Trial(), Trial()
    one.defendants.append("Daulet Amanov")
    one.charges.append("mass riots")
    assert (two.defendants, two.charges) == ([], [])


# ---- following the state through a document ----------------------------------------------------


def followed(text: str, language: str = "en", published: str | None = "2022-02-01") -> list[Any]:
    """The document state after each sentence of ``text``, read by the real pipeline."""
    from qantar.nlp.context import DocumentContext
    from qantar.nlp.reading.follow import StateFollower

    doc = Document(
        id=make_document_id(text),
        name="follow.txt",
        text=text,
        language=language,
        published=published,
        published_precision="day" if published else None,
    )
    [annotation] = list(pipeline().annotate([doc]))
    context = DocumentContext(annotation, pipeline().lexicon)
    state = DocumentState()
    named = [
        (e.start, e.end, e.normal or e.text)
        for e in context.entities
        if e.kind in ("person", "organization")
    ]
    follower = StateFollower(context.reading, state, named, context.dates)
    starts = [p.start for p in annotation.paragraphs]
    snapshots = []
    for index, span in enumerate(annotation.sentences):
        paragraph = max(i for i, s in enumerate(starts) if s <= span.start)
        follower.sentence(index, paragraph, span)
        snapshots.append(
            (
                state.speaker.get(paragraph),
                state.head_count.get(paragraph),
                state.narrative_date.get(paragraph),
            )
        )
    return snapshots


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Interior Minister Marat Akhmetzhanov said the city was calm.", "en", "Akhmetzhanov"),
        ("Министр Марат Ахметжанов заявил, что в городе спокойно.", "ru", "Ахметжанов"),
    ],
)
def test_the_named_subject_of_a_speech_verb_is_the_speaker(
    text: str, language: str, speaker: str
) -> None:
    [(held, _count, _day)] = followed(text, language)
    assert held is not None and speaker in held


def test_a_speaker_is_held_only_within_its_reach() -> None:
    text = (
        "Interior Minister Marat Akhmetzhanov said the city was calm.\n\n"
        "Shops opened again.\n\nBuses ran.\n\nSchools stayed shut."
    )
    snapshots = followed(text)
    assert snapshots[1][0] is not None  # the next paragraph: within SPEAKER_REACH
    assert snapshots[-1][0] is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Police detained 2,300 people in the city.", "en", ("people", 2300.0)),
        ("Two people were hurt.", "en", None),
        ("В городе задержали 870 человек.", "ru", ("человек", 870.0)),
    ],
)
def test_the_largest_count_of_people_is_the_head_count(
    text: str, language: str, expected: tuple[str, float] | None
) -> None:
    [(_speaker, count, _day)] = followed(text, language)
    assert count == expected


def test_a_line_opening_with_a_day_narrates_it_but_a_timestamp_does_not() -> None:
    narrated = followed("March 3, Semey, a blogger was questioned by the police.")
    assert narrated[0][2] is not None and narrated[0][2].value == "2022-03-03"
    stamp = followed("March 3, 2022, 14:05\n\nA blogger was questioned.")
    assert all(day is None for _speaker, _count, day in stamp)
