"""Direct quotations and who said them (``quotes.v1``).

The speaker is read from the words around the quote, as a reader does: a person named next to
a speech verb ("Asylov said", "told X"), a source phrase ("according to X"), a name before a
colon that introduces the quote, a pronoun pointing back to the last person named, or a group
("prosecutors", "protesters") when no one is named. A quote standing alone as a paragraph
continues the previous quote's speaker. A quoted name (‘Oyan, Qazaqstan’) is not a quote.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from qantar.model import Fact, Mention
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.entities import EntityMention
from qantar.nlp.extract.quote_spans import QuoteSpan, find_quote_spans
from qantar.nlp.lexicon import CuePattern, cue_pattern
from qantar.nlp.normalize.names import skeleton
from qantar.nlp.within_document import PersonCluster

NAME = "quotes"
VERSION = 1
KIND = "quote"
REQUIRES: tuple[str, ...] = ("people", "organizations", "places")

#: How far (in characters) a speaker may stand from the speech verb.
SPEAKER_REACH = 60
#: ... when the speaker follows the verb: Russian puts a long description between them
#: ("», — сказала координатор правозащитной группы «Право и голос» Бахыт Ермекова").
SPEAKER_REACH_AFTER = 110
#: A quoted span this short (in words) inside the attribution is a name ("группы «Право и
#: голос»"), not another quotation the words around it could belong to.
MAX_NAME_WORDS = 3


@cache
def _cues() -> dict[str, list[str]]:
    raw = resources.files("qantar.nlp").joinpath("patterns", "quotes.yml").read_text("utf-8")
    data: dict[str, list[str]] = yaml.safe_load(raw)
    return data


@cache
def _patterns() -> tuple[CuePattern, CuePattern, CuePattern, CuePattern]:
    cues = _cues()
    return (
        cue_pattern(cues["speech_verbs"], "quotes.speech_verbs"),
        cue_pattern(cues["group_speakers"], "quotes.group_speakers"),
        cue_pattern(cues["source_phrases"], "quotes.source_phrases"),
        cue_pattern(cues["pronouns"], "quotes.pronouns"),
    )


class _Speakers:
    """Finds the speaker of each quote in one document."""

    def __init__(self, context: DocumentContext, quotes: list[QuoteSpan]) -> None:
        self.context = context
        self.text = context.text
        self.quotes = quotes
        self.owner: dict[int, PersonCluster] = {}
        for cluster in context.people:
            for m in cluster.mentions:
                self.owner[m.start] = cluster
        self.mentions = sorted(
            (m for c in context.people for m in c.mentions), key=lambda m: m.start
        )

    def _quoted(self, position: int, current: QuoteSpan | None = None) -> bool:
        """Inside a quote other than ``current`` and the quotes that contain it."""
        return any(
            q.start <= position < q.end
            for q in self.quotes
            if current is None or not (q.start <= current.start and current.end <= q.end)
        )

    def _separated(self, a: int, b: int, current: QuoteSpan) -> bool:
        """Another quote stands between positions ``a`` and ``b``: they belong to it."""
        low, high = min(a, b), max(a, b)
        return any(
            low <= q.start
            and q.end <= high
            and q is not current
            and not (q.start <= current.start and current.end <= q.end)
            and len(q.text.split()) > MAX_NAME_WORDS
            for q in self.quotes
        )

    def _people_in(
        self, start: int, end: int, current: QuoteSpan
    ) -> list[tuple[int, int, PersonCluster, EntityMention]]:
        return [
            (m.start, m.end, self.owner[m.start], m)
            for m in self.mentions
            if start <= m.start
            and m.end <= end
            and not self._quoted(m.start, current)
            and not (current.start <= m.start < current.end)
        ]

    def _last_person_before(self, position: int, current: QuoteSpan) -> PersonCluster | None:
        """The person a pronoun points back to: the last one named as a subject (in the
        nominative) in this paragraph, else the last one named at all. "Сауле Ибраева
        рассказала, что её мужа Ерболата Ибраева ... «...», — сказала она" is Сауле."""
        before = [
            m for m in self.mentions if m.end <= position and not self._quoted(m.start, current)
        ]
        paragraph = next(
            (p for p in self.context.annotation.paragraphs if p.start <= position < p.end), None
        )
        subjects = [
            m
            for m in before
            if paragraph is not None and m.start >= paragraph.start and _nominative(m)
        ]
        chosen = subjects or before
        return self.owner[chosen[-1].start] if chosen else None

    def speaker(self, quote: QuoteSpan) -> str | None:
        annotation = self.context.annotation
        start = annotation.sentence_at(quote.start).start
        end = annotation.sentence_at(max(quote.end - 1, quote.start)).end
        verbs, groups, sources, pronouns = _patterns()
        people = self._people_in(start, end, quote)
        for m in sources.finditer(self.text, start, end):
            after = [p for p in people if 0 <= p[0] - m.end() <= 3]
            if after:
                return after[0][2].name
        for verb in verbs.finditer(self.text, start, end):
            at = verb.start()
            if self._quoted(at, quote) or quote.start <= at < quote.end:
                continue
            if self._separated(at, quote.start, quote):
                continue  # the verb introduces another quote
            near = [
                p
                for p in people
                if (abs(at - p[1]) <= SPEAKER_REACH or 0 <= p[0] - at <= SPEAKER_REACH_AFTER)
                and not self._separated(p[0], at, quote)
            ]
            # The speaker is the verb's subject, so in the nominative: "— заявил адвокат
            # Петрова Иван Сидоров" is Сидоров, Петрова is whose lawyer he is.
            near = [p for p in near if _nominative(p[3])] or near
            if near:
                return min(near, key=lambda p: abs(at - p[1]))[2].name
            window = self.text[max(start, at - 25) : verb.end() + 24]
            if list(pronouns.finditer(window)):
                person = self._last_person_before(at, quote)
                if person is not None:
                    return person.name
            group = list(groups.finditer(window))
            if group:
                return group[-1].group(0).lower()
        intro = self.text[start : quote.start].rstrip()
        if intro.endswith((":", ",")):
            before = [p for p in people if p[1] <= quote.start]
            if before:
                return before[-1][2].name
            if pronouns.search(intro):
                person = self._last_person_before(quote.start, quote)
                if person is not None:
                    return person.name
        return None


def _nominative(mention: EntityMention) -> bool:
    """Whether a mention is written in its nominative (always true of English names)."""
    return not mention.normal or mention.normal == mention.text


#: An unattributed quotation shorter than this (in words) is a scare quote or a term.
MIN_UNATTRIBUTED_WORDS = 5


def _is_name(quote: QuoteSpan, context: DocumentContext) -> bool:
    """A quoted span that is only the name of an organization or place is not speech."""
    if quote.text.endswith(("!", "?")):
        return False  # a slogan that names something ("Oyan, Kazakhstan!") is still speech
    key = skeleton(quote.text)
    return any(
        skeleton(m.text) == key or skeleton(m.canonical) == key
        for m in context.entities
        if m.kind in ("organization", "place")
    )


def _nested(quote: QuoteSpan, quotes: list[QuoteSpan]) -> bool:
    return any(q.start < quote.start and quote.end <= q.end for q in quotes)


def _is_term(quote: QuoteSpan, text: str) -> bool:
    """Unattributed quotes that are terms, charges or scare quotes rather than speech."""
    words = quote.text.split()
    if len(words) < MIN_UNATTRIBUTED_WORDS and not quote.text.endswith(("!", "?")):
        return True
    before = text[max(0, quote.start - 20) : quote.start].split()
    return bool(before) and before[-1].lower() in _cues()["term_prepositions"]


def extract(context: DocumentContext) -> list[Fact]:
    """One ``quote`` fact per quotation, keyed by its position in the text."""
    quotes: list[QuoteSpan] = []
    for paragraph in context.annotation.paragraphs:
        quotes.extend(find_quote_spans(context.text, paragraph.start, paragraph.end))
    quotes = [q for q in quotes if not _is_name(q, context)]
    speakers = _Speakers(context, quotes)
    facts: list[Fact] = []
    previous: tuple[int, str | None] | None = None
    for quote in quotes:
        speaker = speakers.speaker(quote)
        paragraph = next(p for p in context.annotation.paragraphs if p.start <= quote.start < p.end)
        alone = paragraph.start == quote.start and quote.end >= paragraph.end - 1
        same_paragraph = previous is not None and previous[0] >= paragraph.start
        if speaker is None and previous is not None and (alone or same_paragraph):
            speaker = previous[1]
        if (speaker is None or _nested(quote, quotes)) and _is_term(quote, context.text):
            continue
        previous = (quote.start, speaker)
        record = {"speaker": speaker, "text": quote.text}
        provenance = context.provenance(quote.start, quote.end, f"{NAME}.v{VERSION}")
        facts.append(
            Fact(
                KIND,
                f"{quote.start}:{skeleton(quote.text)[:40]}",
                record,
                provenance,
                [Mention(quote.start, quote.end, context.text[quote.start : quote.end])],
            )
        )
    return facts
