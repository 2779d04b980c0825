"""Russian speech set off by dashes, with its speaker read from the author's words.

The dashes only give the shape (:mod:`.dashes`); the words between them are speech when the
author's words hold a verb of saying ("— ..., — отметил прокурор"), whose subject is the
speaker, or when the paragraph before ends with a colon after one ("Адвокат рассказал:").
A dash-led paragraph whose author's words say nothing (a list, an aside) is not speech.
"""

from __future__ import annotations

from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.quote_spans import QuoteSpan
from qantar.nlp.extract.quotes.dashes import dash_framed, dash_led
from qantar.nlp.extract.quotes.framing import Frames


def _author_speaker(frames: Frames, start: int, end: int) -> tuple[bool, str | None]:
    """Whether ``[start, end)`` holds a verb of saying outside quotes, and its speaker."""
    for token in frames.reading.tokens_between(start, end):
        owner = frames.reading.owner(token.index)
        if owner < 0 or frames.in_quote[token.index]:
            continue
        clause = frames.reading.clauses[owner]
        if clause.predicate == token.index and frames.speech.has(token):
            return True, frames.clause_speaker(clause, start)
    return False, None


def _introduced(context: DocumentContext, frames: Frames, start: int) -> str | None:
    """The speaker of the paragraph before ``start`` when it ends with a colon ("X сказал:")."""
    before = [p for p in context.annotation.paragraphs if p.end <= start]
    if not before or not context.text[before[-1].start : before[-1].end].rstrip().endswith(":"):
        return None
    return frames.last_speaker_in(before[-1].start, before[-1].end)


def dashed_speech(
    context: DocumentContext, frames: Frames, marked: list[QuoteSpan]
) -> dict[QuoteSpan, str | None]:
    """Every stretch of dash-set speech not already inside quotation marks, with its speaker."""
    text = context.text
    found: dict[QuoteSpan, str | None] = {}

    def free(span: QuoteSpan) -> bool:
        return not any(q.start < span.end and span.start < q.end for q in marked)

    for paragraph in context.annotation.paragraphs:
        led = dash_led(text, paragraph.start, paragraph.end)
        if led is not None:
            said, speaker = False, None
            for start, end in led.authors:
                said, speaker = _author_speaker(frames, start, end)
                if said:
                    break
            if not said:
                speaker = _introduced(context, frames, paragraph.start)
                said = speaker is not None
            if said:
                found.update((s, speaker) for s in led.speech if free(s))
            continue
        for speech, author in dash_framed(text, paragraph.start, paragraph.end):
            token = frames.reading.token_at(author)
            if token is None:
                continue
            said, speaker = _author_speaker(frames, token.start, token.end)
            if said and free(speech):
                found[speech] = speaker
    return found
