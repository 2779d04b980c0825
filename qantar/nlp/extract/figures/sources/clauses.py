"""The walk from a number up the clauses it is embedded in, and what each of them credits.

A reader credits a number to whoever the grammar says gives it, not to whoever stands nearest,
so each clause from the one that holds the number upwards is asked, nearest first:

- for an attribution on it or a verb of its own hung on it ("according to X", "reported 164
  deaths, citing state television": the one cited outranks the one citing);
- for a speaker framing the number from the side, wherever the parser hung the frame ("18
  officers died, the ministry said, a news site reports": the ministry);
- for the speaker of its verb of saying or counting, unless an attribution inside what is said
  outranks them ("the authors recall that, according to official data, ...");
- for a statement the number stands in ("в отчете X").

Only a verb above the number counts, so in "300 were detained, while the ministry said 120
were freed" the ministry gives the 120, not the 300.
"""

from __future__ import annotations

from qantar.nlp.annotate.types import Token
from qantar.nlp.extract.figures.sources.cues import Layer, Source
from qantar.nlp.extract.figures.sources.speech import Speakers
from qantar.nlp.reading.types import OBLIQUE, SUBJECT, Clause


class ClauseSources(Layer):
    """The sources the clauses of one document name for what they hold."""

    def __init__(self, speakers: Speakers) -> None:
        super().__init__(speakers.context)
        self.speakers = speakers
        self.attributions = speakers.attributions
        self._said: dict[int, Source | None] = {}

    def chain(self, token: Token) -> list[Clause]:
        """The clause that owns the token, then the clauses it is embedded in, nearest first."""
        clauses = self.reading.clauses
        index: int | None = self.reading.owner(token.index)
        chain: list[Clause] = []
        while index is not None and 0 <= index < len(clauses) and len(chain) < 20:
            clause = clauses[index]
            if clause in chain:
                break
            chain.append(clause)
            index = clause.parent
        return chain

    def from_clause(self, clause: Clause, number: Token, below: Clause | None) -> Source | None:
        """The source a clause names for what it holds: an attribution on it, a speaker
        framing the number from the side, the speaker of its verb of saying, or a statement
        it is in."""
        attributions, speakers = self.attributions, self.speakers
        for hit_first, hit_last in attributions.attributions(clause.sentence):
            if self.attributes(hit_first, clause):
                source = attributions.attributed(hit_first, hit_last)
                if source is not None:
                    return source
        for inner in self.reading.embedded(clause):
            if inner is not below and speakers.frames(inner, number.index):
                source = speakers.speaker(inner)
                if source is not None:
                    return source
        if speakers.gives_figures(clause, below):
            source = self._relayed(clause, number) or speakers.speaker(clause)
            if source is not None:
                return source
        for argument in clause.arguments:
            if argument.role in (SUBJECT, OBLIQUE) and attributions.is_statement(argument.head):
                source = attributions.statement_source(argument.head)
                if source is not None:
                    return source
        return None

    def attributes(self, first: int, clause: Clause) -> bool:
        """Whether the attribution starting at token ``first`` is on ``clause``: it stands in
        the clause, or it is a verb of its own hung on it ("reported 164 deaths, citing state
        television", "сообщило о 164 погибших, ссылаясь на данные Минздрава")."""
        owner = self.reading.owner(first)
        if owner == clause.index:
            return True
        clauses = self.reading.clauses
        return (
            0 <= owner < len(clauses)
            and clauses[owner].predicate == first
            and clauses[owner].parent == clause.index
        )

    def _relayed(self, clause: Clause, number: Token) -> Source | None:
        """An attribution inside what a speaker says, between the verb and the number: in
        "the authors recall that, according to official data, 10,000 were detained" the
        authors relay the figure and the data give it (whichever clause the parser hung the
        number on)."""
        for first, last in self.attributions.attributions(clause.sentence):
            if not clause.predicate < first <= last < number.index:
                continue
            owner = self.reading.owner(first)
            if owner != clause.index and self._under(owner, clause):
                source = self.attributions.attributed(first, last)
                if source is not None:
                    return source
        return None

    def _under(self, index: int, clause: Clause) -> bool:
        """Whether clause ``index`` is embedded, at any depth, in ``clause``."""
        clauses = self.reading.clauses
        seen: set[int] = set()
        current = clauses[index].parent if 0 <= index < len(clauses) else None
        while current is not None and current not in seen:
            if current == clause.index:
                return True
            seen.add(current)
            current = clauses[current].parent
        return False

    def sentence_source(self, sentence: int) -> Source | None:
        """The source a sentence names for all it says: an attribution on its main clause, or
        the speaker of its main verb of saying or of a frame ("..., the ministry said"). A
        speaker inside it ("Co-defendant X, who claimed in court that ...") is not one."""
        if sentence in self._said:
            return self._said[sentence]
        clauses = self.reading.clauses
        found: Source | None = None
        for first, last in self.attributions.attributions(sentence):
            owner = self.reading.owner(first)
            if found is None and 0 <= owner < len(clauses) and clauses[owner].parent is None:
                found = self.attributions.attributed(first, last)
        for clause in self.reading.clauses_of(sentence):
            if found is not None or not self.speakers.gives_figures(clause):
                continue
            if clause.parent is None or self.speakers.frames(clause, -1):
                found = self.speakers.speaker(clause)
        self._said[sentence] = found
        return found
