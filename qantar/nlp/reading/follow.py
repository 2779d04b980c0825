"""Keeping the document state as a reader walks the sentences: who speaks, what is counted, when.

:mod:`.state` holds what the text has established; this module is how the parts that every
reader shares get set, one sentence at a time, so each extractor does not re-derive them:

- the **speaker or source**: the named subject of a speech verb ("the ministry said", "заявил
  прокурор X"); later reported clauses within reach are theirs;
- the **head count**: the largest number counting people in the sentence ("2,300 detained"), so
  a later "of them, 57 were women" has something to break down;
- the **narrated day**: a sentence that opens with a day and goes on ("December 1, Taraz, ...")
  narrates that day; a line holding only a date and a time is the page's timestamp, not a day
  of the story.

Each value is held from its paragraph within its reach (:mod:`.state`), and a newer one replaces
it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.normalize.numbers import parse_number
from qantar.nlp.reading.cues import cue_list
from qantar.nlp.reading.document import Reading
from qantar.nlp.reading.state import DocumentState
from qantar.nlp.reading.types import SUBJECT

#: Two words in a row: a line that goes on after its date.
_WORDS = re.compile(r"[^\W\d_]{2,}\W+[^\W\d_]{2,}")
#: Smallest number taken as a head count: "two people" is not a total to break down.
SMALLEST_HEAD_COUNT = 10


class StateFollower:
    """Updates a :class:`DocumentState` sentence by sentence for one document.

    ``named`` is every entity mention of the document as ``(start, end, name)`` for people and
    bodies, ``dates`` every date mention; both come from the document context.
    """

    def __init__(
        self,
        reading: Reading,
        state: DocumentState,
        named: Sequence[tuple[int, int, str]],
        dates: Sequence[DateMention],
    ) -> None:
        self.reading = reading
        self.state = state
        self.named = named
        self.dates = dates
        language = reading.annotation.doc.language
        self.speech_verbs = cue_list("reading", "speech_verbs", language)
        self.people_nouns = cue_list("reading", "people_nouns", language)

    def sentence(self, index: int, paragraph: int, span: Span) -> None:
        """Take in what sentence ``index`` (in paragraph ``paragraph``) establishes."""
        self._narrated_day(paragraph, span)
        self._speaker(index, paragraph)
        self._head_count(index, paragraph)

    def _narrated_day(self, paragraph: int, span: Span) -> None:
        text = self.reading.annotation.doc.text
        for date in self.dates:
            if span.start <= date.start <= span.start + 2 and date.precision == "day":
                if date.value and _WORDS.search(text[date.end : span.end]):
                    self.state.narrative_date.set(date, paragraph)
                return

    def _speaker(self, index: int, paragraph: int) -> None:
        tokens = self.reading.tokens
        for clause in self.reading.clauses_of(index):
            if not self.speech_verbs.has(tokens[clause.predicate]):
                continue
            for argument in clause.role(SUBJECT):
                name = self._name_under(argument.head)
                if name:
                    self.state.speaker.set(name, paragraph)
                    return

    def _name_under(self, head: int) -> str:
        """The person or body named by the phrase under ``head``, if one is."""
        covered = [self.reading.tokens[i] for i in self.reading.subtree(head)]
        start, end = covered[0].start, covered[-1].end
        for m_start, m_end, name in self.named:
            if start <= m_start and m_end <= end:
                return name
        return ""

    def _head_count(self, index: int, paragraph: int) -> None:
        best: tuple[float, str] | None = None
        for token in self.reading.sentence_tokens(index):
            counted = self._counted_noun(token)
            if counted is None:
                continue
            value = parse_number(token.text, self.reading.annotation.doc.language)
            if (
                value is not None
                and value >= SMALLEST_HEAD_COUNT
                and (best is None or value > best[0])
            ):
                best = (value, counted.lemma)
        if best is not None:
            self.state.head_count.set((best[1], best[0]), paragraph)

    def _counted_noun(self, token: Token) -> Token | None:
        """The people noun a number counts ("2,300 people", "2,3 тысячи человек"), if any."""
        if token.pos != "NUM":
            return None
        head = self.reading.tokens[token.head]
        for candidate in (
            head,
            *[self.reading.tokens[c] for c in self.reading.children(token.index)],
        ):
            if candidate.index != token.index and self.people_nouns.has(candidate):
                return candidate
        return None
