"""Direct quotations and who said them (``quotes.v2``).

A quotation is words in quotation marks, or in Russian speech set off by dashes, that the
text puts in someone's mouth. The speaker is read as a reader reads it, from the clause that
frames the words (:mod:`.framing`, on the shared reading layer): the subject of the verb of
saying or ordering whose clause holds the quote, the possessor of a noun that carries words,
the speaker of a verb of saying elsewhere in the quote's sentence; failing those, a source
phrase or a name before a colon (:mod:`.surface`). A quote standing alone as a paragraph
continues the previous quote's speaker, or the person whose words the paragraph before it
reports. Quoted names, charges, terms and single words are not quotes unless the text
attributes the words to a speaker (:mod:`.terms`); a quote that nothing closes (a passage cut
off mid-quote) is kept only with a speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from qantar.model import Fact, Mention, Span
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.quote_spans import QuoteSpan, find_quote_spans
from qantar.nlp.extract.quotes import terms
from qantar.nlp.extract.quotes.dashed import dashed_speech
from qantar.nlp.extract.quotes.framing import Frames
from qantar.nlp.extract.quotes.surface import Surface
from qantar.nlp.normalize.names import skeleton

NAME = "quotes"
VERSION = 2
KIND = "quote"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places")


def _marked_speaker(quote: QuoteSpan, frames: Frames, surface: Surface) -> str | None:
    """The first reading that attributes the quote (:data:`.framing.UNNAMED` counts)."""
    readings: list[Callable[[QuoteSpan], str | None]] = [
        frames.attached,
        surface.source,
        lambda q: frames.in_sentence(q, surface.separated),
        surface.intro,
        frames.headline,
    ]
    for reading in readings:
        speaker = reading(quote)
        if speaker is not None:
            return speaker
    return None


def extract(context: DocumentContext) -> list[Fact]:
    """One ``quote`` fact per quotation, keyed by its position in the text."""
    paragraphs = context.annotation.paragraphs
    marked: list[QuoteSpan] = []
    for paragraph in paragraphs:
        marked.extend(find_quote_spans(context.text, paragraph.start, paragraph.end))
    marked = [q for q in marked if not terms.is_name(q, context)]
    frames = Frames(context, marked)
    surface = Surface(context, marked, frames)
    found = {q: _marked_speaker(q, frames, surface) for q in marked}
    if context.annotation.doc.language == "ru":
        found.update(dashed_speech(context, frames, marked))
    facts: list[Fact] = []
    previous: tuple[int, str | None] | None = None
    for quote in sorted(found, key=lambda q: (q.start, -q.end)):
        speaker = found[quote]
        attributed = speaker is not None
        paragraph = next(p for p in paragraphs if p.start <= quote.start < p.end)
        alone = not context.text[paragraph.start : quote.start].strip() and (
            quote.end >= paragraph.end - 1 or not quote.closed
        )
        if speaker is None and alone:
            speaker = _continued(context, frames, paragraph, previous)
        elif speaker is None and previous is not None and previous[0] >= paragraph.start:
            speaker = previous[1]
        if terms.is_word(quote) or (speaker is None and not quote.closed):
            continue
        unattributed = not attributed or terms.nested(quote, marked)
        if unattributed and terms.is_term(quote, context.text, marked):
            continue
        previous = (quote.start, speaker)
        facts.append(_fact(context, quote, speaker))
    return facts


def _continued(
    context: DocumentContext,
    frames: Frames,
    paragraph: Span,
    previous: tuple[int, str | None] | None,
) -> str | None:
    """The speaker of a quote standing alone as a paragraph: the previous quote's when it
    stands in the paragraph just before, else the person whose words that paragraph reports
    ("Activist X says the police ...\n\n“...”"), else the previous quote's."""
    text = context.text
    before = next(
        (
            p
            for p in reversed(context.annotation.paragraphs)
            if p.end <= paragraph.start and text[p.start : p.end].strip()
        ),
        None,
    )
    if before is None:
        return previous[1] if previous is not None else None
    if previous is not None and previous[0] >= before.start:
        return previous[1]
    reported = frames.last_speaker_in(before.start, before.end)
    if reported is not None:
        return reported
    return previous[1] if previous is not None else None


def _fact(context: DocumentContext, quote: QuoteSpan, speaker: str | None) -> Fact:
    record = {"speaker": speaker or None, "text": quote.text}
    provenance = context.provenance(quote.start, quote.end, f"{NAME}.v{VERSION}")
    return Fact(
        KIND,
        f"{quote.start}:{skeleton(quote.text)[:40]}",
        record,
        provenance,
        [Mention(quote.start, quote.end, context.text[quote.start : quote.end])],
    )
