"""Who a person or body is: which words of the document name them, and of what kind they are.

A source's kind comes from the word lists, matched by lemma: bodies from
``patterns/sources.yml``, offices and roles of people from ``patterns/titles.yml``. A person is
official when the document gives them an office anywhere, before the name or after it,
independent when it calls them a lawyer, activist, journalist, witness and the like, and
otherwise unknown: a name alone says nothing of its kind. That is why a person's kind is read
over all their mentions, not only the one that gives the figure.

"He" and "по его словам" stand for a person named shortly before; this layer finds them, since
it knows the document's people and its paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.entities import EntityMention
from qantar.nlp.extract.figures.sources.cues import INDEPENDENT, OFFICIAL, UNKNOWN_KIND, Layer
from qantar.nlp.within_document import PersonCluster

#: Words looked at on either side of a person's name for a title or a role.
TITLE_REACH = 12
#: Paragraphs back in which "he" or "по его словам" finds the person it stands for.
PRONOUN_REACH = 2

#: Prepositions that open a description of a person after the name ("X of Human Rights Watch").
_AFTER_NAME = frozenset({"of", "from", "at", "with", "из"})
#: Marks that may stand inside a title or a body's name («Право и голос», Prosecutor-General).
_INNER_MARKS = frozenset({"«", "»", "“", "”", '"', "„", "'", "’", "-", "‘"})
_CLAUSE_WORDS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ", "PRON"})


class Who(Layer):
    """The people and bodies of one document, their kinds, and whom a pronoun stands for."""

    def __init__(self, context: DocumentContext) -> None:
        super().__init__(context)
        self._kinds: dict[int, str] = {}

    # -- the document's names --------------------------------------------------------------

    @cached_property
    def people(self) -> dict[int, tuple[EntityMention, PersonCluster]]:
        """Token index -> the person mention covering it and its person."""
        found: dict[int, tuple[EntityMention, PersonCluster]] = {}
        for mention, person in self.context.person_mentions:
            for token in self.reading.tokens_between(mention.start, mention.end):
                found[token.index] = (mention, person)
        return found

    @cached_property
    def bodies(self) -> dict[int, EntityMention]:
        """Token index -> the organization mention covering it."""
        found: dict[int, EntityMention] = {}
        for entity in self.context.entities:
            if entity.kind == "organization":
                for token in self.reading.tokens_between(entity.start, entity.end):
                    found[token.index] = entity
        return found

    # -- kinds -------------------------------------------------------------------------------

    def kind(self, words: Sequence[Token], anchor: int) -> str:
        """official, independent or unknown: the body, title or role word nearest ``anchor``
        (covering it first, the longest first), official before independent on a tie."""
        cues = self.cues
        best: tuple[tuple[int, int], str] | None = None
        for kind, lists in (
            (OFFICIAL, (cues.official, cues.official_titles)),
            (INDEPENDENT, (cues.independent, cues.independent_roles)),
        ):
            for cue_list_ in lists:
                for hit in cue_list_.find(words):
                    if hit.first <= anchor <= hit.last:
                        distance = 0
                    else:
                        distance = min(abs(hit.first - anchor), abs(hit.last - anchor))
                    key = (distance, hit.first - hit.last)
                    if best is None or key < best[0]:
                        best = (key, kind)
        return best[1] if best else UNKNOWN_KIND

    def is_title(self, index: int) -> bool:
        """Whether the word is a title or post, so that a name under it is whose it is."""
        token = self.tokens[index]
        cues = self.cues
        titles = (cues.official_titles, cues.independent_roles, cues.posts)
        if any(t.has(token) for t in titles):
            return True
        before = self._window_before(index + 1, token.sentence)  # "deputy prosecutor general"
        return any(hit.first <= index <= hit.last for t in titles for hit in t.find(before))

    def person_kind(self, person: PersonCluster) -> str:
        """Official when the document gives the person an office anywhere, independent when
        it gives them a role of that kind, else unknown."""
        key = id(person)
        if key in self._kinds:
            return self._kinds[key]
        kinds = set()
        for mention in person.mentions:
            first = self.reading.tokens_between(mention.start, mention.end)
            if not first:
                continue
            if len(first) > 1:  # a title the name's mention took in ("Президент Токаев")
                inside = self.kind(first, first[-1].index)
                if inside != UNKNOWN_KIND:
                    kinds.add(inside)
            before = self._window_before(first[0].index, first[0].sentence)
            if before:
                kinds.add(self.kind(before, before[-1].index))
            after = self._window_after(first[-1].index)
            if after:
                kinds.add(self.kind(after, after[0].index))
        kind = OFFICIAL if OFFICIAL in kinds else INDEPENDENT if INDEPENDENT in kinds else None
        self._kinds[key] = kind or UNKNOWN_KIND
        return self._kinds[key]

    def _window_before(self, index: int, sentence: int) -> list[Token]:
        """The words before token ``index`` that may be a title on a name: back to a clause
        word, a punctuation mark (quotes inside a body's name aside) or another person."""
        words: list[Token] = []
        current = index - 1
        while current >= 0 and len(words) < TITLE_REACH:
            token = self.tokens[current]
            if token.sentence != sentence or token.index in self.people:
                break
            if token.pos in _CLAUSE_WORDS and not self.cues.official_titles.has(token):
                break
            if token.pos == "PUNCT" and token.text not in _INNER_MARKS:
                break
            words.insert(0, token)
            current -= 1
        return words

    def _window_after(self, index: int) -> list[Token]:
        """The description after a name: ", the deputy prosecutor general," or "of Human
        Rights Watch", up to the next punctuation mark or verb."""
        start = index + 1
        if start >= len(self.tokens) or self.tokens[start].sentence != self.tokens[index].sentence:
            return []
        opener = self.tokens[start]
        if opener.text in (",", "(", "—", "–"):
            start += 1
        elif opener.lemma not in _AFTER_NAME:
            return []
        words: list[Token] = []
        for token in self.tokens[start : start + TITLE_REACH]:
            if token.sentence != opener.sentence or token.index in self.people:
                break
            if token.pos == "PUNCT" and token.text not in _INNER_MARKS:
                break
            if token.pos in _CLAUSE_WORDS and not self.cues.official_titles.has(token):
                if not words:
                    return []  # "X, who ...": a clause, not a description
                break
            words.append(token)
        return words

    # -- pronouns ----------------------------------------------------------------------------

    def person_before(self, position: int) -> PersonCluster | None:
        """The person "he", "she" or "его" stands for: the last one named in the nominative in
        this paragraph, else the last one named at all within a couple of paragraphs."""
        paragraphs = self.context.annotation.paragraphs
        here = self.paragraph_index(position)
        earliest = paragraphs[max(0, here - PRONOUN_REACH)].start if paragraphs else 0
        before = [
            (m, person)
            for m, person in self.context.person_mentions
            if earliest <= m.start and m.end <= position
        ]
        if not before:
            return None
        start = paragraphs[here].start if paragraphs else 0
        nominative = [pair for pair in before if pair[0].start >= start and _nominative(pair[0])]
        return (nominative or before)[-1][1]

    def paragraph_index(self, position: int) -> int:
        paragraphs = self.context.annotation.paragraphs
        found = 0
        for number, paragraph in enumerate(paragraphs):
            if paragraph.start <= position:
                found = number
        return found

    def paragraph(self, position: int) -> Span | None:
        paragraphs = self.context.annotation.paragraphs
        return paragraphs[self.paragraph_index(position)] if paragraphs else None


def _nominative(mention: EntityMention) -> bool:
    """Whether a mention is written in its nominative (always true of English names)."""
    return not mention.normal or mention.normal == mention.text
