"""Cue lists as rules: a :class:`CuePattern` matches what the plain pattern matches and says
which phrase did, so ``qantar eval --rules`` can count each one."""

from __future__ import annotations

import re

import pytest

from qantar.nlp import rule_log
from qantar.nlp.lexicon import CuePattern, coded_cues, coded_patterns, cue_pattern, phrase_pattern

PHRASES = ["walked out", "walk*", "strike", "sit-in"]
TEXT = "Miners walked out at dawn; by noon the strike had become a sit-in, and others walking too."


def spans(pattern: re.Pattern[str] | CuePattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_a_cue_pattern_matches_what_the_plain_pattern_matches() -> None:
    plain, cues = phrase_pattern(PHRASES), cue_pattern(PHRASES, "test.cues")
    assert cues.pattern == plain.pattern and cues.flags == plain.flags
    assert spans(cues, TEXT) == spans(plain, TEXT)
    assert len(spans(cues, TEXT)) == 4
    for method in ("search", "match", "fullmatch"):
        for text in (TEXT, "strike", "STRIKE", "sit-in"):
            ours, theirs = getattr(cues, method)(text), getattr(plain, method)(text)
            assert (ours and ours.span()) == (theirs and theirs.span()), (method, text)
    at = TEXT.index("strike")
    assert cues.search(TEXT, at, at + 6) is not None and cues.search(TEXT, at + 7, at + 20) is None
    assert cues.match(TEXT, at) is not None and cues.match(TEXT, at + 1) is None
    assert cues.findall(TEXT) == plain.findall(TEXT)  # strings, never group tuples
    assert cues.sub("X", TEXT) == plain.sub("X", TEXT)
    assert cues.sub(lambda m: m.group(0).upper(), "a strike") == "a STRIKE"


def test_each_match_reports_the_phrase_that_made_it() -> None:
    cues = cue_pattern(PHRASES, "test.cues")
    with rule_log.recording() as log:
        rule_log.set_document("miners.txt")
        list(cues.finditer(TEXT))
        rule_log.set_document("other.txt")
        cues.search("a long strike")
        cues.fullmatch("nothing here")
    assert log.hits == {
        "test.cues.walked out": {"miners.txt": 1},  # the longer phrase wins over "walk*"
        "test.cues.walk*": {"miners.txt": 1},
        "test.cues.strike": {"miners.txt": 1, "other.txt": 1},
        "test.cues.sit-in": {"miners.txt": 1},
    }
    assert {f"test.cues.{p}" for p in PHRASES} <= log.declared
    assert not [rule for rule in log.never_fired() if rule.startswith("test.cues.")]


def test_declared_phrases_that_never_match_are_listed() -> None:
    with rule_log.recording() as log:
        cues = cue_pattern(["stormed", "set ablaze"], "test.dead")
        cues.search("they stormed in")
    assert "test.dead.set ablaze" in log.never_fired()
    assert "test.dead.stormed" not in log.never_fired()


def test_nothing_is_kept_when_nobody_records() -> None:
    cues = cue_pattern(PHRASES, "test.quiet")
    assert cues.search(TEXT) is not None
    with rule_log.recording() as log:
        pass
    assert not log.hits


def test_an_empty_list_matches_nothing() -> None:
    cues = cue_pattern([], "test.empty")
    assert cues.search("anything at all") is None and cues.rules == {}
    assert phrase_pattern([]).search("anything at all") is None


def test_coded_cues_name_their_rules_by_file_section_code_and_phrase() -> None:
    plain = dict(coded_patterns("events.yml", "types", "event_types", "en"))
    cues = dict(coded_cues("events.yml", "types", "event_types", "en"))
    assert set(plain) == set(cues)
    assert "events.types.detention.detained" in cues["detention"].rules.values()
    assert cues["detention"].pattern == plain["detention"].pattern
    with rule_log.recording() as log:
        rule_log.set_document("x.txt")
        cues["detention"].search("Guards detained him.")
    assert log.hits["events.types.detention.detained"] == {"x.txt": 1}


@pytest.mark.parametrize("phrases", [["a", "b", "ab"], ["ba", "ab", "b"]])
def test_the_alternation_is_the_same_in_every_run(phrases: list[str]) -> None:
    """Longest first, then alphabetical: not the order of a set, which varies between runs."""
    assert phrase_pattern(phrases).pattern == phrase_pattern(sorted(phrases)).pattern
