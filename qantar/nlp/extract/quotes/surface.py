"""Speakers that the words around a quote give without a clause to carry them.

A source phrase ("according to X", "по словам X") and a name or pronoun before a colon that
introduces the quote ("Tleuzhanova remained defiant: “...”", "As he said: “...”") name the
speaker in fragments a parser often leaves unattached.
"""

from __future__ import annotations

from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.quote_spans import QuoteSpan
from qantar.nlp.extract.quotes import cues
from qantar.nlp.extract.quotes.framing import Frames

#: A quoted span this short (in words) inside the attribution is a name ("группы «Право и
#: голос»"), not another quotation the words around it could belong to.
MAX_NAME_WORDS = 3


class Surface:
    """Source phrases and colon intros for the quotes of one document."""

    def __init__(self, context: DocumentContext, quotes: list[QuoteSpan], frames: Frames) -> None:
        self.context = context
        self.text = context.text
        self.quotes = quotes
        self.frames = frames

    def _sentences(self, quote: QuoteSpan) -> tuple[int, int]:
        annotation = self.context.annotation
        start = annotation.sentence_at(quote.start).start
        return start, annotation.sentence_at(max(quote.end - 1, quote.start)).end

    def _people(self, start: int, end: int, quote: QuoteSpan) -> list[tuple[int, int, str]]:
        return [
            (m.start, m.end, person.name)
            for m, person in self.context.people_between(start, end)
            if m.end <= end
            and not self.frames.quoted_elsewhere(m.start, quote)
            and not quote.start <= m.start < quote.end
        ]

    def separated(self, a: int, quote: QuoteSpan) -> bool:
        """Another quotation stands between offset ``a`` and ``quote``: ``a`` belongs to it."""
        low, high = min(a, quote.start), max(a, quote.start)
        return any(
            low <= q.start
            and q.end <= high
            and q is not quote
            and not (q.start <= quote.start and quote.end <= q.end)
            and len(q.text.split()) > MAX_NAME_WORDS
            for q in self.quotes
        )

    def source(self, quote: QuoteSpan) -> str | None:
        """ "According to X, “...”", "По словам X, «...»"."""
        start, end = self._sentences(quote)
        people = self._people(start, end, quote)
        for m in cues.source_phrases().finditer(self.text, start, end):
            after = [p for p in people if 0 <= p[0] - m.end() <= 3]
            if after:
                return after[0][2]
        return None

    def intro(self, quote: QuoteSpan) -> str | None:
        """A name, or a pronoun, ending the words before the quote with a colon or comma."""
        start, _ = self._sentences(quote)
        intro = self.text[start : quote.start].rstrip()
        if not intro.endswith((":", ",")):
            return None
        before = [p for p in self._people(start, quote.start, quote) if p[1] <= quote.start]
        if before:
            return before[-1][2]
        if cues.pronoun_phrases().search(intro):
            person = self.frames.last_person_before(quote.start)
            if person is not None:
                return person.name
        return None
