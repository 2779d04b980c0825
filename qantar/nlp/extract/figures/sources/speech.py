"""Verbs of saying and counting, and who speaks in them.

"X said that 230 died", "Authorities say security forces killed 26", "X put the number of dead
at 238", "пресс-служба заявила о задержании 5,8 тыс.": the subject of such a verb gives the
figure; so does the agent of a passive one ("was reported by X") and the body after an
impersonal one ("как сообщили в областном суде"). A verb of saying gives only what it says,
not what is said of its object, and a subject is a speaker only when it can be one: "The
protests claimed 238 lives" has a subject but no speaker.
"""

from __future__ import annotations

from qantar.nlp.extract.figures.sources.attribution import Attributions
from qantar.nlp.extract.figures.sources.cues import UNKNOWN_KIND, Layer, Source
from qantar.nlp.reading.types import (
    ADVERBIAL,
    AGENT,
    COMPLEMENT_CLAUSE,
    MODIFIER,
    OBJECT,
    OBLIQUE,
    RELATIVE,
    SUBJECT,
    Clause,
)

#: Relative pronouns standing for the noun their clause describes.
_RELATIVE = frozenset({"who", "which", "that", "который"})
#: Impersonal speech takes the body that spoke in "в"/"во" ("как сообщили в прокуратуре").
_IMPERSONAL_MARKERS = frozenset({"в", "во"})


class Speakers(Layer):
    """The clauses of one document that give figures, and their speakers."""

    def __init__(self, attributions: Attributions) -> None:
        super().__init__(attributions.context)
        self.attributions = attributions
        self.phrases = attributions.phrases
        self.who = attributions.phrases.who

    def gives_figures(self, clause: Clause, below: Clause | None = None) -> bool:
        """A verb by which someone says or counts: "said", "estimated", "заявила"; or one
        that gives a count as its object ("put the number at", "назвал цифру").

        ``below`` is the clause on the way up from the number, if the number is not in this
        one: a verb of saying gives what it says, its complement ("said that ...", "сообщила
        о том, что ..."), not what is said of its object ("denied the public any chance to
        learn of the violence that killed 238")."""
        predicate = self.tokens[clause.predicate]
        cues = self.cues
        if cues.figure_verbs.has(predicate):
            return True
        if cues.speech_verbs.has(predicate):
            return below is None or self._is_said(below)
        if not cues.count_verbs.has(predicate):
            return False
        counted = clause.role(SUBJECT) if clause.passive else clause.role(OBJECT)
        return any(self.attributions.is_count(self.tokens[a.head]) for a in counted)

    def _is_said(self, clause: Clause) -> bool:
        """Whether a clause is what the verb above it says: its complement, or a clause on a
        pronoun or statement noun that stands for it ("о том, что ...", "the claim that")."""
        if clause.kind == COMPLEMENT_CLAUSE:
            return True
        head = self.tokens[self.tokens[clause.predicate].head]
        return clause.kind == MODIFIER and (
            head.pos in ("PRON", "DET") or self.attributions.is_statement(head.index)
        )

    def speaker(self, clause: Clause) -> Source | None:
        """Who speaks in a clause of saying: its subject, the agent of a passive one, the body
        after an impersonal one ("как сообщили в суде")."""
        attributions = self.attributions
        if clause.passive:
            agents = clause.role(AGENT)
            return self._speaking(agents[0].head) if agents else None
        subjects = clause.role(SUBJECT)
        if not subjects and clause.kind == ADVERBIAL and clause.parent is not None:
            # "Tokayev gave the order, stating that ...", "..., заявив, что ...": a participle
            # of saying speaks for the subject of the clause it hangs on
            parent = self.reading.clauses[clause.parent]
            subjects = [] if parent.passive else parent.role(SUBJECT)
        if subjects:
            head = subjects[0].head
            if self.tokens[head].lemma in _RELATIVE and clause.kind == RELATIVE:
                head = self.tokens[clause.predicate].head  # "the lawyer, who said ..."
            if attributions.points_back(head):
                return None
            if attributions.is_statement(head):
                # "the report says", "в докладе говорится"
                return attributions.statement_source(head)
            return self._speaking(head)
        if self.language == "ru":
            for argument in clause.role(OBLIQUE):
                in_body = argument.marker in _IMPERSONAL_MARKERS
                if in_body and not attributions.is_statement(argument.head):
                    source = self._speaking(argument.head)  # not "в субботу"
                    if source is not None:
                        return source
        return None

    def _speaking(self, head: int) -> Source | None:
        """The subject of a verb of saying as a source, when it can be one: a person, a named
        body, or words of a known kind ("officials", "местные журналисты"). "The protests
        claimed 238 lives" has a subject but no speaker."""
        source = self.phrases.source_at(head)
        if source is None or source.kind != UNKNOWN_KIND:
            return source
        words = self.reading.subtree(head)
        named = any(i in self.who.people or i in self.who.bodies for i in words)
        return source if named else None

    def frames(self, inner: Clause, after: int) -> bool:
        """A bare speech verb after token ``after`` (the number), hung by the parser on a
        clause above it ("The court acted lawfully, the ministry said" read with "said" under
        "acted", or both under the outlet's "..., a news site reports"); it says nothing of
        its own but may carry the outlet's frame ("..., X said, El.kz reports")."""
        predicate = self.tokens[inner.predicate]
        return (
            inner.predicate > after
            and self.cues.speech_verbs.has(predicate)
            and bool(inner.role(SUBJECT))
            and not inner.role(OBJECT)
            and all(  # "..., X said, El.kz reports": the outlet's frame on the frame
                self.cues.speech_verbs.has(self.tokens[e.predicate])
                for e in self.reading.embedded(inner)
            )
        )
