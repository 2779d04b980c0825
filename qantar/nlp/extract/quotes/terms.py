"""Quoted words that are not speech: names, terms, charges, scare quotes.

Writers put quotation marks around what they do not say themselves: the name of a body or a
place (‘Oyan, Qazaqstan’), a charge ("convicted for “participating in mass riots”"), a
nickname or a term ("the so-called ‘terrorists’", "marked as ‘top secret’"). Such words are a
quotation only when the text puts them in someone's mouth; a single quoted word never is one
(a phrase of two or more words counts, SCHEMA.md convention 6).
"""

from __future__ import annotations

from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.quote_spans import QuoteSpan
from qantar.nlp.extract.quotes import cues
from qantar.nlp.normalize.names import skeleton

#: An unattributed quotation shorter than this (in words) is a scare quote or a term.
MIN_UNATTRIBUTED_WORDS = 5
#: Fewer words than this is a quoted word, never a quotation.
MIN_WORDS = 2


def is_name(quote: QuoteSpan, context: DocumentContext) -> bool:
    """A quoted span that is only the name of an organization or place is not speech."""
    if quote.text.endswith(("!", "?")):
        return False  # a slogan that names something ("Oyan, Kazakhstan!") is still speech
    key = skeleton(quote.text)
    return any(
        skeleton(m.text) == key or skeleton(m.canonical) == key
        for m in context.entities
        if m.kind in ("organization", "place")
    )


def is_word(quote: QuoteSpan) -> bool:
    """One quoted word ("shame", ‘terrorists’) is a term, whoever is said to use it."""
    return len(quote.text.split()) < MIN_WORDS


def nested(quote: QuoteSpan, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < quote.start and quote.end <= q.end for q in quotes)


def is_term(quote: QuoteSpan, text: str, quotes: list[QuoteSpan]) -> bool:
    """Unattributed quotes that are terms, charges or scare quotes rather than speech: short
    ones, any right after a preposition ("for", "за"), an article between them allowed, and
    any coordinated with such a term ("for “A” and “B”", "по статьям «А» и «Б»")."""
    words = quote.text.split()
    if len(words) < MIN_UNATTRIBUTED_WORDS and not quote.text.endswith(("!", "?")):
        return True
    joined = next((q for q in quotes if _coordinated(text, q, quote)), None)
    if joined is not None:
        return is_term(joined, text, quotes)
    before = text[max(0, quote.start - 40) : quote.start].split()
    while before and before[-1].lower() in cues.term_articles():
        if cues.term_prepositions().fullmatch(before[-1]):
            return True  # "so-called"
        before.pop()
    if not before:
        return False
    return bool(
        cues.term_prepositions().fullmatch(before[-1])
        or (len(before) > 1 and cues.term_prepositions().fullmatch(" ".join(before[-2:])))
    )


def _coordinated(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """ "“A” and “B”", "«А», «Б» или «В»": two quotes joined by a conjunction or a comma."""
    if first.end > second.start or second.start - first.end > 6:
        return False
    between = text[first.end : second.start].strip().lower()
    return between in cues.conjunctions()
