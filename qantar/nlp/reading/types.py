"""The shapes the reading layer hands to extractors: clauses with their arguments.

A clause is one predicate with what the parse attaches to it. Extractors ask questions of
clauses ("is the predicate a verdict cue?", "who is the passive subject?", "is this a relative
clause about someone else?") instead of matching zones of surface text, so a cue learnt in one
sentence shape holds in the next. English and Russian clauses come from different parsers and
relation inventories (:mod:`.english`, :mod:`.russian`); here they meet in one vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass

from qantar.model import Span

#: Argument roles, the same in every language.
SUBJECT = "subject"  # the active subject, or the passive one ("X was sentenced": X)
OBJECT = "object"  # the direct object ("sentenced X", "handed X a term": the term)
INDIRECT = "indirect"  # the recipient ("handed X a term": X; "дали ему": ему)
OBLIQUE = "oblique"  # a prepositional or case-marked phrase; ``marker`` says which
AGENT = "agent"  # "by the court" in a passive clause
COMPLEMENT = "complement"  # a predicative ("found guilty", "признан виновным")

#: Clause kinds: where the clause stands in its sentence.
MAIN = "main"
COORDINATE = "coordinate"  # "..., and sentenced him": shares the subject of its parent
RELATIVE = "relative"  # "X, who was arrested in May, ..."
MODIFIER = "modifier"  # a participle or infinitive on a noun: "the verdict handed down"
COMPLEMENT_CLAUSE = "complement"  # "said that ...", "decided to ..."
ADVERBIAL = "adverbial"  # "after finding him guilty", "when ..."


@dataclass(frozen=True)
class Argument:
    """One argument of a clause: its role, its head token and the word that marks it."""

    role: str
    head: int
    """Index of the head token in the annotation's tokens."""
    marker: str = ""
    """The preposition's lemma for obliques ("to", "for", "on", "к", "за", "в"), else ""."""
    case: str = ""
    """The head's grammatical case where the language marks it ("Dat", "Acc"), else ""."""


@dataclass(frozen=True)
class Clause:
    """One predicate of a sentence with its arguments and how it is embedded."""

    index: int
    """Position in the document's list of clauses."""
    sentence: int
    predicate: int
    """Index of the predicate's head token (a verb, or a participle or adjective)."""
    lemma: str
    """The predicate's lemma, with a verb particle where there is one ("hand down")."""
    arguments: tuple[Argument, ...]
    negated: bool
    passive: bool
    kind: str
    """One of MAIN, COORDINATE, RELATIVE, MODIFIER, COMPLEMENT_CLAUSE, ADVERBIAL."""
    parent: int | None
    """Index of the clause this one is embedded in or coordinated with; None for a main clause."""
    quoted: bool
    """The predicate stands inside quotation marks."""
    reported: bool
    """The clause is what someone says: under a speech verb ("said that ...") or quoted."""
    span: Span
    """From the clause's first token to its last, embedded clauses included."""

    def role(self, role: str) -> list[Argument]:
        """The arguments with this role, in text order."""
        return [a for a in self.arguments if a.role == role]
