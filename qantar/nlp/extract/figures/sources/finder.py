"""The order in which a figure's source is looked for, and one reader per document.

The grammar of the number's own clauses comes first (:mod:`.clauses`), nearest clause first;
only a quotation the quotes reader already credited outranks it. Then a statement noun the
number hangs under (:mod:`.attribution`), then the sentences around it (:mod:`.fallbacks`),
and last the NGO that published the document. Nothing found is None, so the caller may carry
the source of the figures just before.

A document's figures are read one by one, but their sources share the document's people,
kinds and sentence sources, so one reader is kept per document context while it lives.
"""

from __future__ import annotations

import weakref

from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.figures.sources.attribution import Attributions
from qantar.nlp.extract.figures.sources.clauses import ClauseSources
from qantar.nlp.extract.figures.sources.cues import Layer, Source
from qantar.nlp.extract.figures.sources.fallbacks import Fallbacks
from qantar.nlp.extract.figures.sources.phrases import Phrases
from qantar.nlp.extract.figures.sources.speech import Speakers
from qantar.nlp.extract.figures.sources.who import Who


def find_source(
    context: DocumentContext, sentence: Span, offset: int, *, own_statement: bool = True
) -> Source | None:
    """The source the text gives for the figure at ``offset`` in ``sentence``; None when it
    names none (the caller may then carry the source of the figures before).

    With ``own_statement`` (the default), a figure in a document an NGO published itself that
    neither its sentence nor the two before it credit to anyone is the NGO's."""
    return _finder(context).find(sentence, offset, own_statement=own_statement)


# id(context) -> its finder, dropped with the context (a DocumentContext is not hashable).
_FINDERS: dict[int, _Finder] = {}


def _finder(context: DocumentContext) -> _Finder:
    key = id(context)
    finder = _FINDERS.get(key)
    if finder is None or finder.context is not context:
        finder = _Finder(context)
        if key not in _FINDERS:
            weakref.finalize(context, _FINDERS.pop, key, None)
        _FINDERS[key] = finder
    return finder


class _Finder(Layer):
    """Reads the sources of one document's figures, with its layers stacked bottom up."""

    def __init__(self, context: DocumentContext) -> None:
        super().__init__(context)
        self.attributions = Attributions(Phrases(Who(context)))
        self.clauses = ClauseSources(Speakers(self.attributions))
        self.fallbacks = Fallbacks(self.clauses)

    def find(self, sentence: Span, offset: int, *, own_statement: bool) -> Source | None:
        token = self._token(sentence, offset)
        if token is None:
            return None
        fallbacks = self.fallbacks
        quoted = fallbacks.quote_speaker(offset)
        if quoted is not None:
            return quoted
        chain = self.clauses.chain(token)
        for position, clause in enumerate(chain):
            below = chain[position - 1] if position else None
            source = self.clauses.from_clause(clause, token, below)
            if source is not None:
                return source
        found = (
            self.attributions.statement_above(token)
            or fallbacks.speech_after(token, chain)
            or fallbacks.headline(token)
            or fallbacks.pointed_back(token.sentence)
            or fallbacks.held(sentence, token.sentence)
        )
        if found is None and own_statement:
            found = fallbacks.own_statement(token.sentence)
        return found

    def _token(self, sentence: Span, offset: int) -> Token | None:
        token = self.reading.token_at(offset)
        if token is not None:
            return token
        after = self.reading.tokens_between(offset, sentence.end)
        return after[0] if after else None
