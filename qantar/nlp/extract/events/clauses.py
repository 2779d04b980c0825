"""Whether one clause tells a happening, and of which type.

A clause tells a happening when its predicate says so by lemma (``types`` in
``patterns/events.yml``: detain, set on fire, задержать), when a noun for the happening is its
subject or object ("rallies began", "ввели режим ЧП"), or when what undergoes the happening is
("Russian troops arrived", "the government shut the internet"). A cue inside a noun phrase is
no clause and tells nothing by itself; the unrest a noun names is read by :mod:`.unrest`.

Not happenings: a negated clause, a quoted one, a planned or possible one ("will be
withdrawn", "instructed to detain", "instead of being released"), and a statistic ("2,700
people were detained", "погибли 230 человек"): a count of the detained or the dead is what a
statement gives, never a detention or a death of its own. Who is taken into custody decides the
type: one person (a name, a pronoun, a singular noun) is an ``arrest``, people unnamed or many a
``detention``. A statement needs a speaker, a body or a person, and is not the reporting
outlet's own verb ("Kazinform correspondent reports", "TASS reports", "as Eurasianet reported"),
unless the outlet cites a body ("сообщает Интерфакс со ссылкой на министерство").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events.cues import Construction, EventCues
from qantar.nlp.normalize.numbers import parse_number
from qantar.nlp.reading.cues import LemmaCues, word_matches
from qantar.nlp.reading.types import COMPLEMENT, OBJECT, SUBJECT, Argument, Clause
from qantar.nlp.rule_log import fired

#: Relative pronouns, whose argument stands for the noun the clause describes.
_RELATIVE_WORDS = frozenset({"who", "which", "that", "whose", "который"})
#: Custody types: the person or people taken decide between them.
_CUSTODY = ("detention", "arrest")
#: Types that a count of people turns into a statistic.
_COUNTED = frozenset({"detention", "arrest", "death"})


@dataclass(frozen=True)
class EventClause:
    """A clause that tells a happening of one type."""

    clause: Clause
    code: str
    cue: tuple[int, int]
    """Character span of the words that say the happening."""


def _phrase_after(cues: LemmaCues, predicate: Token, after: Sequence[Token]) -> str | None:
    """The longest entry whose first word is the predicate and whose other words follow it,
    as one run, among the clause's own tokens after it ("set ... on fire", "снял ... с
    должности")."""
    for entry, words, _split in cues.entries:
        if not word_matches(words[0], predicate):
            continue
        rest = words[1:]
        if not rest:
            return entry
        for at in range(len(after) - len(rest) + 1):
            if all(word_matches(w, after[at + i]) for i, w in enumerate(rest)):
                return entry
    return None


class ClauseTyper:
    """Types the clauses of one document (see the module docstring)."""

    def __init__(self, context: DocumentContext, cues: EventCues) -> None:
        self.context = context
        self.reading = context.reading
        self.cues = cues
        self.language = context.annotation.doc.language

    def read(self, clause: Clause) -> EventClause | None:
        if clause.negated or clause.quoted or self.irrealis(clause):
            return None
        found = self._construction(clause) or self._predicate(clause)
        if found is None:
            return None
        code, rule = found
        if code in _COUNTED and self._statistic(clause):
            fired("events.statistic")
            return None
        if code in _CUSTODY:
            code = "arrest" if self._one_person(clause) else "detention"
        if code == "statement" and (not self._speaker(clause) or self._announces_verdict(clause)):
            return None
        fired(rule)
        token = self.reading.tokens[clause.predicate]
        return EventClause(clause, code, (token.start, token.end))

    # -- what the clause says ---------------------------------------------------------------

    def _after(self, clause: Clause) -> list[Token]:
        return [t for t in self.reading.own_tokens(clause) if t.index > clause.predicate]

    def speaks(self, clause: Clause) -> bool:
        """Whether the predicate is a statement verb: the day of a saying is no day of the
        story."""
        predicate = self.reading.tokens[clause.predicate]
        return any(
            code == "statement" and _phrase_after(cues, predicate, []) is not None
            for code, cues in self.cues.predicates
        )

    def _predicate(self, clause: Clause) -> tuple[str, str] | None:
        predicate = self.reading.tokens[clause.predicate]
        after = self._after(clause)
        for code, cues in self.cues.predicates:
            entry = _phrase_after(cues, predicate, after)
            if entry is not None:
                return code, f"{cues.name}.{entry}"
        return None

    def _construction(self, clause: Clause) -> tuple[str, str] | None:
        predicate = self.reading.tokens[clause.predicate]
        after = self._after(clause)
        for construction in (*self.cues.nouns, *self.cues.participants):
            verb = _phrase_after(construction.verbs, predicate, after)
            if verb is None:
                continue
            noun = self._noun_argument(clause, construction)
            if noun is not None:
                return construction.code, f"{construction.nouns.name}.{noun}"
        return None

    def _noun_argument(self, clause: Clause, construction: Construction) -> str | None:
        """The noun entry naming a subject, object or complement of the clause, if one does."""
        for owner, argument in self._arguments(clause):
            if argument.role not in (SUBJECT, OBJECT, COMPLEMENT):
                continue
            head = self._antecedent(owner, argument)
            phrase = [self.reading.tokens[i] for i in self.reading.subtree(head)]
            for at in range(len(phrase)):
                hit = match_covering(construction.nouns, phrase, at, head)
                if hit is not None:
                    return hit
        return None

    def _arguments(self, clause: Clause) -> list[tuple[Clause, Argument]]:
        """The clause's arguments; a verb coordinated with another and lacking an object of
        its own shares that verb's ("ввели 5 января ..., а на следующий день распространили
        на всю страну": both have the emergency)."""
        own = [(clause, a) for a in clause.arguments]
        if clause.role(OBJECT) or clause.kind not in ("coordinate", "relative"):
            return own
        predicate = self.reading.tokens[clause.predicate]
        if predicate.dep != "conj" or clause.parent is None:
            return own
        parent = self.reading.clauses[clause.parent]
        if parent.predicate != predicate.head:
            return own
        return own + [(parent, a) for a in parent.arguments if a.role == OBJECT]

    def _subjects(self, clause: Clause) -> list[Argument]:
        """The clause's subjects; a gerund or a coordinated verb without one shares its
        parent's ("Выступая 11 января, Токаев объявил": Tokayev speaks)."""
        own = clause.role(SUBJECT)
        if own or clause.parent is None or clause.kind not in ("adverbial", "coordinate"):
            return own
        return self.reading.clauses[clause.parent].role(SUBJECT)

    def _antecedent(self, clause: Clause, argument: Argument) -> int:
        """The argument's head, or for a relative pronoun the noun the clause describes."""
        token = self.reading.tokens[argument.head]
        if token.lemma.lower() in _RELATIVE_WORDS or token.text.lower() in _RELATIVE_WORDS:
            described = self.reading.tokens[clause.predicate].head
            if described != clause.predicate:
                return described
        return argument.head

    # -- what rules a clause out ------------------------------------------------------------

    def irrealis(self, clause: Clause) -> bool:
        """Planned, possible or counterfactual: an irrealis auxiliary or governing verb, or
        irrealis words right before the clause ("instead of being released")."""
        tokens = self.reading.tokens
        children = [tokens[i] for i in self.reading.children(clause.predicate)]
        near = [t for t in children if t.dep.startswith(("aux", "mark")) or t.lemma == "to"]
        predicate = tokens[clause.predicate]
        if clause.kind == "complement" and predicate.head != predicate.index:
            near.append(tokens[predicate.head])
        span = self.reading.subtree(clause.predicate)
        first = span[0] if span else clause.predicate
        before = [t for t in tokens[max(first - 2, 0) : first] if t.sentence == clause.sentence]
        if self.cues.irrealis.find(before) or tokens[clause.predicate].feature("Tense") == "Fut":
            return True  # "instead of being released", "вывод войск начнётся"
        if any(self.cues.irrealis.match_at([t], 0) is not None for t in near):
            return True
        return self._wanted_infinitive(clause)

    def _wanted_infinitive(self, clause: Clause) -> bool:
        """An infinitive under a verb that does not make it happen ("demanded for the
        government to resign"); under "began", "decided", "начали" it happens."""
        tokens = self.reading.tokens
        predicate = tokens[clause.predicate]
        marked = any(
            tokens[c].lemma == "to" and tokens[c].dep == "aux"
            for c in self.reading.children(clause.predicate)
        )
        if not marked and predicate.feature("VerbForm") != "Inf":
            return False
        governor = tokens[predicate.head]
        if governor.index == predicate.index or governor.pos not in ("VERB", "AUX"):
            return False
        return self.cues.realizing.match_at([governor], 0) is None

    def _affected(self, clause: Clause) -> list[Argument]:
        objects = clause.role(OBJECT)
        return objects if objects and not clause.passive else clause.role(SUBJECT)

    def _statistic(self, clause: Clause) -> bool:
        """A count of people: a number of at least ``statistic_smallest`` or a word that
        counts in the many, in the phrase of those detained or dead."""
        for argument in self._affected(clause):
            phrase = [self.reading.tokens[i] for i in self.reading.subtree(argument.head)]
            if self.cues.statistic_words.find(phrase):
                return True
            for token in phrase:
                if self._in_date(token):
                    continue  # "killed on January 6, 2022": 2022 counts nobody
                value = parse_number(token.text, self.language) if token.pos == "NUM" else None
                if value is not None and value >= self.cues.statistic_smallest:
                    return True
        return False

    def _in_date(self, token: Token) -> bool:
        return any(d.start <= token.start < d.end for d in self.context.dates)

    def _one_person(self, clause: Clause) -> bool:
        """One person taken: a named person, or a singular noun or pronoun."""
        for argument in self._affected(clause):
            head = self.reading.tokens[self._antecedent(clause, argument)]
            if head.pos == "PROPN" or self._names_person(head):
                return True
            if head.feature("Number") == "Sing" and head.pos in ("NOUN", "PRON"):
                return not any(
                    self.reading.tokens[c].pos == "NUM" for c in self.reading.children(head.index)
                )
        return False

    def _names_person(self, head: Token) -> bool:
        covered = [self.reading.tokens[i] for i in self.reading.subtree(head.index)]
        start, end = covered[0].start, covered[-1].end
        return any(start <= m.start < end for m, _p in self.context.people_between(start, end))

    def _speaker(self, clause: Clause) -> bool:
        """A statement's subject is a body or a person, and not the reporting outlet."""
        tokens = self.reading.tokens
        own = self.reading.own_tokens(clause)
        children = [tokens[i] for i in self.reading.children(clause.predicate)]
        marks = [
            t
            for t in children
            if t.dep.startswith(("mark", "advmod")) and t.index < clause.predicate
        ]
        if any(self.cues.attribution_marks.match_at([t], 0) for t in marks):
            return False  # "as Eurasianet reported"
        citing = bool(self.cues.citing.find(own))
        predicate = tokens[clause.predicate]
        if (
            not citing
            and predicate.feature("Tense") == "Pres"
            and self.cues.outlet_verbs.match_at([predicate], 0) is not None
        ):
            return False  # "TASS reports", "передает Tengrinews"
        for argument in self._subjects(clause):
            phrase = [tokens[i] for i in self.reading.subtree(argument.head)]
            if self.cues.outlets.find(phrase) and not citing:
                return False
            head = tokens[argument.head]
            if head.pos in ("PROPN", "PRON") or self._names_person(head):
                return True
            if self._names_body(phrase) or self.cues.speakers.find(phrase):
                return True
        return False

    def _announces_verdict(self, clause: Clause) -> bool:
        """ "The court announced the 12-year sentence": a verdict, not a statement."""
        for argument in clause.role(OBJECT):
            if self.cues.verdict_objects.match_at([self.reading.tokens[argument.head]], 0):
                return True
        return False

    def simultaneous(self, clause: Clause) -> bool:
        """An adverbial clause that happens with its parent ("as people protested ...")."""
        if clause.kind != "adverbial":
            return False
        tokens = self.reading.tokens
        marks = [
            tokens[i]
            for i in self.reading.children(clause.predicate)
            if tokens[i].dep.startswith(("mark", "advmod"))
        ]
        return any(self.cues.simultaneous_marks.match_at([t], 0) for t in marks)

    def _names_body(self, phrase: list[Token]) -> bool:
        start, end = phrase[0].start, phrase[-1].end
        return any(
            e.kind in ("organization", "person") and start <= e.start < end
            for e in self.context.entities
        )


def match_covering(cues: LemmaCues, phrase: list[Token], at: int, head: int) -> str | None:
    """The entry matched at ``phrase[at]`` if its words take in the token ``head``."""
    for entry, words, _split in cues.entries:
        if at + len(words) > len(phrase):
            continue
        run = phrase[at : at + len(words)]
        if run[0].index <= head <= run[-1].index and all(
            word_matches(w, t) for w, t in zip(words, run, strict=True)
        ):
            return entry
    return None
