"""Where a figure's source is found when no clause above the number names one.

Texts often credit a figure outside its clause: a quotation whose speaker the quotes reader
found, dash-led or quoted speech whose speaker's words follow in the paragraph, a headline
"Body: claim", a next sentence that points back ("Об этом сообщил X", "Такую цифру назвал X",
"This was reported by X"), or a source the sentence or two before name for all they say
("According to X, ... . In total, 4,600 cases were opened."), unless this sentence names
someone or dates itself. In a document an NGO published itself, a figure nobody else is
credited with is that NGO's (SCHEMA.md, convention 7).
"""

from __future__ import annotations

from functools import cached_property

from qantar.model import Span
from qantar.names import skeleton
from qantar.nlp.annotate.types import Token
from qantar.nlp.extract.figures.sources.clauses import ClauseSources
from qantar.nlp.extract.figures.sources.cues import INDEPENDENT, UNKNOWN_KIND, Layer, Source
from qantar.nlp.reading.types import Clause

#: Sentences back whose named source a bare statement of figures continues.
HELD_REACH = 2
#: Sentences before a figure that, when one of them names a source, keep an NGO's own
#: document from claiming the figure (the caller carries that source instead).
OWN_STATEMENT_GUARD = 2


class Fallbacks(Layer):
    """The sources the sentences and the publisher around a figure of one document give."""

    def __init__(self, clauses: ClauseSources) -> None:
        super().__init__(clauses.context)
        self.clauses = clauses
        self.speakers = clauses.speakers
        self.attributions = clauses.attributions
        self.phrases = clauses.attributions.phrases
        self.who = clauses.attributions.phrases.who

    def quote_speaker(self, offset: int) -> Source | None:
        """The speaker of a quotation the number stands in, as the quotes reader found it."""
        for quote in self.context.facts.get("quotes", []):
            where = quote.provenance
            speaker = quote.record.get("speaker")
            if not (where.start <= offset < where.end and speaker):
                continue
            name = str(speaker)
            for person in self.context.people:
                if person.name == name:
                    return Source(name, self.who.person_kind(person))
            # a label standing for an unnamed speaker ("prosecutors"): read where it stands
            annotation = self.context.annotation
            start = annotation.sentence_at(where.start).start
            end = annotation.sentence_at(max(where.start, where.end - 1)).end
            words = [
                t for t in self.reading.tokens_between(start, end) if t.text.lower() == name.lower()
            ]
            return Source(name, self.who.kind(words, words[-1].index) if words else UNKNOWN_KIND)
        return None

    def speech_after(self, token: Token, chain: list[Clause]) -> Source | None:
        """Speech in quotes or after a dash whose speaker's words come later in the paragraph
        ("— Погибли 230 человек. Ранены 3,5 тысячи, — сказал X")."""
        if not chain or not chain[0].reported:
            return None
        if any(self.speakers.gives_figures(c) for c in chain):
            return None  # "it was reported that ...": the speech verb names nobody
        paragraph = self.who.paragraph(token.start)
        for clause in self.reading.clauses:
            if clause.predicate <= token.index or clause.reported:
                continue
            start = self.tokens[clause.predicate].start
            if paragraph is None or start >= paragraph.end:
                break
            if self.cues.speech_verbs.has(self.tokens[clause.predicate]):
                return self.speakers.speaker(clause)
        return None

    def headline(self, token: Token) -> Source | None:
        """ "Body: claim", a headline's way of saying who says what follows."""
        who = self.who
        words = [t for t in self.reading.sentence_tokens(token.sentence) if t.text.strip()]
        for position, word in enumerate(words[:7]):
            if word.text != ":":
                continue
            before = words[:position]
            if not before or word.index > token.index:
                return None
            if any(t.pos in ("VERB", "AUX") for t in before):
                return None
            for t in before:
                if t.index in who.people:
                    person = who.people[t.index][1]
                    return Source(person.name, who.person_kind(person))
            heads = [t for t in before if t.pos in ("NOUN", "PROPN")]
            if not heads:
                return None
            kind = who.kind(before, heads[-1].index)
            named = any(t.index in who.bodies for t in before)
            if kind == UNKNOWN_KIND and not named:
                return None
            text = self.context.text[before[0].start : before[-1].end]
            return Source(text, kind)
        return None

    def pointed_back(self, sentence: int) -> Source | None:
        """The source the next sentence gives by pointing back at this one: "Об этом сообщил
        X", "Такую цифру назвал X", "This was reported by X", "Такие данные приводит X со
        ссылкой на Y" (Y: the one cited gives the figure, not the one citing)."""
        attributions = self.attributions
        following = sentence + 1
        for clause in self.reading.clauses_of(following):
            if not self.speakers.gives_figures(clause):
                continue
            if not any(attributions.points_back(a.head) for a in clause.arguments):
                continue
            for first, last in attributions.attributions(following):
                if self.clauses.attributes(first, clause):
                    source = attributions.attributed(first, last)
                    if source is not None:
                        return source
            return self.speakers.speaker(clause)
        return None

    def held(self, span: Span, sentence: int) -> Source | None:
        """The source of the sentence or two before, for a bare statement that follows it:
        "According to X, ... . In total, 4,600 cases have been opened." A sentence that
        names someone or dates itself is a statement of its own and holds nothing over."""
        named = any(
            e.kind in ("person", "organization") and span.start <= e.start < span.end
            for e in self.context.entities
        )
        dated = any(span.start <= d.start < span.end for d in self.context.dates)
        if named or dated:
            return None
        for back in range(sentence - 1, max(-1, sentence - HELD_REACH - 1), -1):
            source = self.clauses.sentence_source(back)
            if source is not None:
                return source
        return None

    def own_statement(self, sentence: int) -> Source | None:
        """In a document an NGO published itself, an uncredited figure is the NGO's own."""
        body = self._publisher
        if body is None:
            return None
        for back in range(max(0, sentence - OWN_STATEMENT_GUARD), sentence):
            named = self.clauses.sentence_source(back)
            if named is not None and not _same_name(named, body):
                return None  # "According to the police, ...": the next figure may be theirs
        return body

    @cached_property
    def _publisher(self) -> Source | None:
        """The NGO that published the document (its manifest outlet), named as the text names
        it, or unnamed where the text never does."""
        cues = self.cues
        for where in self.context.annotation.doc.sources:
            outlet = where.outlet or ""
            matched = {skeleton(m.group(0)) for m in cues.own_statements.finditer(outlet)}
            if not matched:
                continue
            for m in cues.own_statements.finditer(self.context.text):
                if skeleton(m.group(0)) in matched:
                    name = self.phrases.body_name(m.start(), m.end(), m.group(0))
                    return Source(name, INDEPENDENT)
            return Source(None, INDEPENDENT)
        return None


def _same_name(one: Source, other: Source) -> bool:
    return bool(one.name and other.name) and skeleton(one.name or "") == skeleton(other.name or "")
