"""Turning the phrase the grammar points at into a source.

The layers above find a word (the subject of "said", the object of "according to"); this one
says whom it names: a person, by name or by a title with the name under it, the person a
pronoun stands for, or a body, named by the words the phrase heads less its clauses and
appositions. A source is stored under one name, so "the ministry" is the ministry named just
before, and a Russian body is named in the nominative whatever case the sentence puts it in.
"""

from __future__ import annotations

from qantar.nlp.extract.figures.sources.cues import Layer, Source
from qantar.nlp.extract.figures.sources.who import PRONOUN_REACH, Who

#: Relations whose subtree is not part of the name of a source: relative and participle
#: clauses, appositions ("X, the deputy prosecutor general,"), coordinated names, commas.
_NOT_NAME = frozenset(
    {"relcl", "acl", "acl:relcl", "appos", "punct", "parataxis", "conj", "cc", "advcl", "ccomp"}
)


class Phrases(Layer):
    """The source a phrase of one document names."""

    def __init__(self, who: Who) -> None:
        super().__init__(who.context)
        self.who = who

    def source_at(self, head: int) -> Source | None:
        """The source a phrase headed by token ``head`` names: a person (by name, or by a
        title with the name under it), a pronoun's person, or a body."""
        who = self.who
        token = self.tokens[head]
        if token.pos in ("PRON", "DET"):
            if not self.cues.pronouns.has(token):
                return None  # "they", "it": nobody the text names
            person = who.person_before(token.start)
            return Source(person.name, who.person_kind(person)) if person else None
        if head in who.people:
            person = who.people[head][1]
            return Source(person.name, who.person_kind(person))
        if who.is_title(head):
            for index in self.reading.subtree(head):
                if index in who.people:
                    person = who.people[index][1]
                    return Source(person.name, who.person_kind(person))
        return self.phrase_source(head)

    def phrase_source(self, head: int) -> Source | None:
        words = self._name_tokens(head)
        if not words:
            return None
        kind = self.who.kind([self.tokens[i] for i in words], head)
        first, last = self.tokens[words[0]], self.tokens[words[-1]]
        named = self._named_before(head) if words == [head] else None
        if named is not None:
            return Source(named, kind)
        name = self.body_name(first.start, last.end, self.context.text[first.start : last.end])
        return Source(name, kind)

    def _named_before(self, head: int) -> str | None:
        """The body "the ministry" stands for: the last one named before it whose name holds
        that word ("The Ministry of Interior Affairs ... revealed the names ... The ministry
        also revealed that 5,135 ..."). English only, and only after "the"."""
        token = self.tokens[head]
        if self.language == "ru" or token.pos != "NOUN" or token.index in self.who.bodies:
            return None
        article = [c for c in self.reading.children(head) if self.tokens[c].lemma == "the"]
        if not article:
            return None
        paragraphs = self.context.annotation.paragraphs
        here = self.who.paragraph_index(token.start)
        earliest = paragraphs[max(0, here - PRONOUN_REACH)].start if paragraphs else 0
        word = token.lemma.lower()
        for entity in reversed(self.context.entities):
            if entity.kind != "organization" or entity.end > token.start:
                continue
            if entity.start < earliest:
                break
            if word in entity.text.lower().split():
                return entity.text
        return None

    def _name_tokens(self, head: int) -> list[int]:
        """The words naming a source: the head with what it governs, less clauses,
        appositions and coordinated names, less a leading article."""
        tokens, kept, stack = self.tokens, [head], [head]
        while stack:
            parent = stack.pop()
            for child in self.reading.children(parent):
                dep = tokens[child].dep
                # a second source coordinated with the head is not its name ("the ministry
                # and the police"); a conjunct deeper down is ("министерство индустрии и
                # инфраструктурного развития")
                if dep not in _NOT_NAME or (dep in ("conj", "cc") and parent != head):
                    kept.append(child)
                    stack.append(child)
        kept.sort()
        run = [head]  # the unbroken run of words around the head
        for index in reversed(kept[: kept.index(head)]):
            if index != run[0] - 1:
                break
            run.insert(0, index)
        for index in kept[kept.index(head) + 1 :]:
            if index != run[-1] + 1:
                break
            run.append(index)
        while (
            run
            and run[0] != head
            and (tokens[run[0]].pos in ("DET", "PUNCT") or tokens[run[0]].dep == "case")
        ):
            run.pop(0)
        while run and tokens[run[-1]].pos == "PUNCT" and run[-1] != head:
            run.pop()
        return run

    def body_name(self, start: int, end: int, text: str) -> str:
        """A body's name as the text gives it; in Russian, in the nominative (the name an
        organization mention normalizes to, else the phrase put into the nominative)."""
        text = " ".join(text.split())
        if self.language != "ru":
            return text
        for entity in self.context.entities:
            if entity.kind == "organization" and (entity.start, entity.end) == (start, end):
                return entity.normal or entity.text
        # imported here: pymorphy2 loads its dictionaries, which English text never needs
        from qantar.nlp.normalize.russian_phrases import nominative_phrase

        nominative = (nominative_phrase(text) or text).split()
        written = text.split()
        if len(nominative) != len(written):
            return " ".join(nominative)
        return " ".join(_capitals_of(n, w) for n, w in zip(nominative, written, strict=True))


def _capitals_of(word: str, like: str) -> str:
    """``word`` with the capitals of each hyphenated part of ``like`` ("Восточно-казахстанский"
    written like "Восточно-Казахстанском" is "Восточно-Казахстанский")."""
    parts, model = word.split("-"), like.split("-")
    if len(parts) != len(model):
        return word
    return "-".join(
        p[:1].upper() + p[1:] if m[:1].isupper() else p for p, m in zip(parts, model, strict=True)
    )
