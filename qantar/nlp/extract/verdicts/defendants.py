"""Who stood trial in a verdict clause: read from the clause's arguments, not from zones of text.

The grammar says where the defendant is: the passive subject of "sentence" ("X was
sentenced"), its object in the active ("a court sentenced X", "суд приговорил X"), the
recipient of a penalty ("handed X a term", "дали ему восемь лет", "handed down to X"), the
subject of "receive" or "is serving". From that head the reader takes its conjuncts ("A, B and
C"), and for each one the person it names, an apposition that names one ("Masimov's former
deputies, A, B and C"), a counted group ("seven people", "a fourth defendant"), or a word that
points back to defendants already known ("he", "each", "the others", "those five
protesters"), which the reader resolves through the document state. A relative pronoun stands
for the noun its clause hangs on ("X, who received six years"). A possessor is never the
defendant ("Y's son-in-law X": X), and nobody in a court role (judge, lawyer) is.
"""

from __future__ import annotations

from dataclasses import dataclass

from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.verdicts.cues import VerdictCues
from qantar.nlp.normalize.numbers import parse_number
from qantar.nlp.reading.document import Reading
from qantar.nlp.reading.types import INDIRECT, OBJECT, OBLIQUE, SUBJECT, Argument, Clause
from qantar.nlp.within_document import PersonCluster

#: Relations (either parser's names) under which a word only describes its head.
_DESCRIBING = frozenset({"poss", "nmod:poss", "nmod", "prep", "acl", "relcl", "acl:relcl"})
#: Relations that set a name beside a noun: "Masimov's deputies, A, B and C", "co-defendants
#: A and B" (the parser may make the name a compound of the noun).
_APPOSITION = frozenset({"appos", "flat:name", "flat", "compound"})
_NOT_UNDER = frozenset({"poss", "nmod:poss", "relcl", "acl", "acl:relcl", "advcl", "ccomp"})
_RELATIVE_PRONOUNS = frozenset(
    {"who", "whom", "which", "that", "который", "которая", "которые", "которого", "кто"}
)
_ONE = frozenset({"a", "an", "one", "один", "одна", "одного", "одному"})
#: Relations a relative clause's antecedent may climb through to the person it describes.
_CLIMB = frozenset({"pobj", "prep", "appos", "compound", "nmod", "npadvmod"})
_RECIPIENT_MARKERS = frozenset({"against", "for", "to", "on", "upon"})
_DEFINITE = ("the ", "those ", "these ", "all ", "эти ", "этих ", "все ", "всех ")


@dataclass
class Defendant:
    """A named person, an unnamed group, or a pointer back to defendants already known."""

    start: int
    end: int
    person: PersonCluster | None = None
    count: int = 1
    definite: bool = False
    """ "the five defendants", "those protesters": the text has met them before."""
    back: str = ""
    """ "one" (he/she), "all" (they, each), "rest" (the others): resolved by the reader."""
    hedged: bool = False
    """The count is approximate ("more than 500"): a statistic, not a trial."""
    named_in: tuple[int, int] | None = None
    """The counted group this person was named for ("four residents: A, B, C and D"), kept in
    the verdict's provenance so the count is not read again as a statistic (figures)."""


def defendant_roles(clause: Clause, family: str, passive: bool) -> list[Argument]:
    """The arguments that may hold the defendant, most likely first.

    ``family`` is how the predicate reports the verdict: "verdict" (sentence, convict, find
    guilty), "penalty" (give, hand, impose), "receiving" (receive, get, serve). The voice
    decides the likely side; the other side follows, for parses that got the voice wrong.
    """
    if family == "receiving":
        order = [SUBJECT]
    elif family == "nominal":
        order = [OBJECT]  # the noun's complement, made the object of a clause for the noun
    elif family == "penalty":
        active = [INDIRECT, OBLIQUE, OBJECT]
        order = [SUBJECT, OBLIQUE, *active] if passive else [*active, SUBJECT]
    elif family == "appeal":  # "upheld the ten-year term for X", "upheld X's sentence"
        order = [SUBJECT, OBLIQUE] if passive else [OBJECT, OBLIQUE, INDIRECT, SUBJECT]
    else:
        order = [SUBJECT, OBJECT, INDIRECT] if passive else [OBJECT, INDIRECT, SUBJECT]
    arguments = []
    for role in dict.fromkeys(order):
        for argument in clause.role(role):
            if role == OBLIQUE and argument.marker not in _RECIPIENT_MARKERS:
                continue
            arguments.append(argument)
    return arguments


class DefendantFinder:
    """Reads the defendants under an argument head; one per document and language."""

    def __init__(self, context: DocumentContext, reading: Reading, cues: VerdictCues) -> None:
        self.context = context
        self.reading = reading
        self.cues = cues
        self.language = context.annotation.doc.language

    def person_at(self, token: Token) -> tuple[int, int, PersonCluster] | None:
        """The person whose mention covers ``token``, unless they hold a court role."""
        for mention, person in self.context.people_between(token.start - 80, token.end):
            if mention.start <= token.start and token.end <= mention.end:
                if {r.lower() for r in person.roles} & self.cues.court_roles:
                    return None
                return mention.start, mention.end, person
        return None

    def under(self, head: int, clause: Clause) -> list[Defendant]:
        """The defendants an argument headed by token ``head`` names, in text order."""
        tokens = self.reading.tokens
        found: list[Defendant] = []
        seen: set[int] = set()
        for index in self.reading.conjuncts(head):
            token = tokens[index]
            if token.lemma.lower() in _RELATIVE_PRONOUNS:
                found.extend(self._antecedent(clause))
                continue
            for defendant in self._one(token):
                key = id(defendant.person) if defendant.person else -defendant.start - 1
                if key not in seen:
                    seen.add(key)
                    found.append(defendant)
        return sorted(found, key=lambda d: d.start)

    def _antecedent(self, clause: Clause) -> list[Defendant]:
        """Who a relative pronoun stands for: the noun its clause hangs on, or the person that
        noun describes ("X, a father of two in Almaty, who received six years": X)."""
        tokens = self.reading.tokens
        current = tokens[clause.predicate]
        for _ in range(8):
            head = tokens[current.head]
            if head.index == current.index:
                return []
            if self.person_at(head) is not None:
                return self._with_conjuncts(head)
            if current.index != clause.predicate and current.dep not in _CLIMB:
                break
            current = head
        head = tokens[tokens[clause.predicate].head]
        if head.index == clause.predicate:
            return []
        following = tokens[head.index + 1] if head.index + 1 < len(tokens) else None
        if (
            following is not None
            and following.sentence == head.sentence
            and self.person_at(following) is not None  # "заместителей Ануара С., Даулета Е."
        ):
            return self._with_conjuncts(tokens[self._name_head(following)])
        return self._group_or_pointer(head)

    def _name_head(self, token: Token) -> int:
        """The head of a multi-word name ("Ануара" in "Ануара Садыкулова"): where conjuncts
        hang."""
        tokens = self.reading.tokens
        current = token
        while current.dep in ("flat:name", "flat", "compound") and current.head != current.index:
            current = tokens[current.head]
        return current.index

    def _with_conjuncts(self, token: Token) -> list[Defendant]:
        """The people named by a head and the heads coordinated with it."""
        found: list[Defendant] = []
        for index in self.reading.conjuncts(token.index):
            person = self.person_at(self.reading.tokens[index])
            if person is not None and all(d.person is not person[2] for d in found):
                found.append(Defendant(person[0], person[1], person[2]))
        return found

    def titled(self, start: int, end: int) -> bool:
        """Whether the name at ``[start, end)`` names the holder of an office or kin another
        phrase is about ("an ally of the former akim X", "a nephew of President X",
        "племянник Назарбаева"): such a person is described, not pointed back to."""
        token = self.reading.token_at(end - 1)
        if token is None:
            return False
        tokens = self.reading.tokens
        while token.dep in ("appos", "flat:name", "flat", "compound") and token.head != token.index:
            token = tokens[token.head]
            if self.cues.title_nouns.has(token):
                return True
        head = tokens[token.head]
        if token.dep == "pobj" and head.head != head.index:
            head = tokens[head.head]
        elif token.dep not in ("nmod", "poss", "nmod:poss"):
            return False
        return self.cues.title_nouns.has(head)

    def described(self, start: int, end: int) -> bool:
        """Whether the name at ``[start, end)`` only describes another noun ("deputies of
        Masimov", "Masimov's deputies", "заместителей Масимова"): not someone in a list."""
        token = self.reading.token_at(end - 1)
        if token is None:
            return False
        tokens = self.reading.tokens
        head = tokens[token.head]
        if token.dep in ("poss", "nmod:poss"):
            return True
        if token.dep == "pobj" and head.lemma.lower() == "of":
            return True
        return token.dep == "nmod" and token.feature("Case") == "Gen" and head.pos == "NOUN"

    def _one(self, token: Token) -> list[Defendant]:
        """What one conjunct names: a person, people in apposition, a group or a pointer."""
        person = self.person_at(token)
        if person is not None:
            # "A, B and C" that the parser hung as appositions of A are listed too (only
            # names set right beside A: "A, a nephew of B" does not make B a defendant)
            listed = [
                Defendant(p[0], p[1], p[2])
                for child in self.reading.children(token.index)
                if self.reading.tokens[child].dep == "appos"
                for conjunct in self.reading.conjuncts(child)
                if (p := self.person_at(self.reading.tokens[conjunct])) is not None
                and p[2] is not person[2]
            ]
            return [Defendant(person[0], person[1], person[2]), *listed]
        if self.cues.verdict_nouns.has(token):  # "the verdict against five defendants"
            for child in self.reading.children(token.index):
                marker = self.reading.tokens[child]
                if marker.dep in ("poss", "nmod:poss"):  # "upheld Ibraimov's sentence"
                    person = self.person_at(marker)
                    if person is not None:
                        return [Defendant(person[0], person[1], person[2])]
                elif marker.lemma.lower() in _RECIPIENT_MARKERS:
                    for grand in self.reading.children(child):
                        found = self._one(self.reading.tokens[grand])
                        if found:
                            return found
                elif marker.feature("Case") == "Dat" and marker.pos in ("NOUN", "PROPN", "PRON"):
                    found = self._one(marker)  # "оправдательный приговор военнослужащему"
                    if found:
                        return found
        named = self._in_apposition(token)
        if named:
            count = self._count(token) if self.cues.group_nouns.has(token) else None
            if count is not None and count > len(named):
                # "five protesters were sentenced: A, B and C": two are left unnamed
                named.append(Defendant(token.start, token.end, None, count - len(named)))
            return named
        return self._group_or_pointer(token)

    def _in_subtree(self, token: Token) -> list[Defendant]:
        tokens = self.reading.tokens
        for index in self.reading.subtree(token.index):
            person = self.person_at(tokens[index])
            if person is not None:
                return [Defendant(person[0], person[1], person[2])]
        return []

    def _in_apposition(self, token: Token) -> list[Defendant]:
        """People set in apposition anywhere under a head that names none ("The former chief
        of police of Almaty region, General X, ..."; "Masimov's former deputies, A, B and C").
        Only appositions count: "the son-in-law of Y" does not make Y the defendant, and
        nothing under a possessor or a relative clause does."""
        tokens = self.reading.tokens
        found: list[Defendant] = []
        stack = [token.index]
        while stack:
            node = stack.pop()
            for child in self.reading.children(node):
                if tokens[child].dep in _NOT_UNDER:
                    continue
                described = tokens[node].dep in ("pobj", "nmod")
                if node != token.index and described and self.cues.title_nouns.has(tokens[node]):
                    continue  # "the son-in-law of the former minister X": X is the minister
                if tokens[child].dep in _APPOSITION:
                    for conjunct in self.reading.conjuncts(child):
                        person = self.person_at(tokens[conjunct])
                        if person is not None and all(d.person is not person[2] for d in found):
                            found.append(Defendant(person[0], person[1], person[2]))
                stack.append(child)
        return sorted(found, key=lambda d: d.start)

    def _group_or_pointer(self, token: Token) -> list[Defendant]:
        cues, tokens = self.cues, self.reading.tokens
        phrase = [
            tokens[i]
            for i in self.reading.subtree(token.index)
            if i <= token.index and (i == token.index or tokens[i].dep not in _DESCRIBING)
        ]
        if cues.remaining_defendants.first(phrase):
            return [Defendant(token.start, token.end, count=0, back="rest")]
        if cues.one_defendant.has(token):
            return [Defendant(token.start, token.end, back="one")]
        if cues.plural_pronouns.has(token):
            return [Defendant(token.start, token.end, count=0, back="they")]
        number = self._count(token)
        if number is None and cues.all_defendants.first(phrase):
            return [Defendant(token.start, token.end, count=0, back="all", definite=True)]
        if token.pos in ("PUNCT", "X", "SYM"):  # "[Abish] was found guilty": the bracketed name
            return self._in_subtree(token)
        if not cues.group_nouns.has(token):
            return []
        words = " ".join(t.text.lower() for t in phrase)
        definite = words.startswith(_DEFINITE)
        if number is None:
            if _plural(token):
                if not definite:
                    return []  # "people convicted of ...": nobody in particular
                return [Defendant(token.start, token.end, count=0, back="all", definite=True)]
            if definite:
                return [Defendant(token.start, token.end, back="one")]  # "the officer"
            counted = {t.lemma.lower() for t in phrase} & _ONE or _ordinal_before(phrase, token)
            if not counted:
                if self.language != "ru":
                    return []
                # Russian has no articles: "Женщину признали виновной" is the woman just
                # named when there is one, else one unnamed person ("приговор военнослужащему")
                return [Defendant(token.start, token.end, back="one_or_group")]
            number = 1
        return [
            Defendant(
                phrase[0].start,
                token.end,
                count=number,
                definite=definite,
                back="all" if definite else "",
                hedged=self._hedged(phrase[0]),
            )
        ]

    def _count(self, token: Token) -> int | None:
        """The number counting a group noun ("seven people", "14 defendants"), if any."""
        for child in self.reading.children(token.index):
            number = self.reading.tokens[child]
            if number.pos == "NUM" or number.dep in ("nummod", "nummod:gov"):
                value = parse_number(number.text, self.language)
                if value is not None and value == int(value) and value >= 1:
                    return int(value)
        if token.index > 0:  # "пятерых обвиняемых", a numeral the parser left unattached
            before = self.reading.tokens[token.index - 1]
            if before.pos == "NUM":
                value = parse_number(before.text, self.language)
                if value is not None and value == int(value) and value >= 1:
                    return int(value)
        return None

    def _hedged(self, token: Token) -> bool:
        """Whether the count carries a hedge of statistics ("more than 500 people")."""
        window = [
            t
            for t in self.reading.tokens[max(token.index - 4, 0) : token.index]
            if t.sentence == token.sentence
        ]
        return bool(self.cues.statistics.find(window))


def _plural(token: Token) -> bool:
    number = token.feature("Number")
    if number:
        return number == "Plur"
    return token.text.lower().endswith("s") and token.lemma.lower() != token.text.lower()


def _ordinal_before(phrase: list[Token], token: Token) -> bool:
    """ "a fourth defendant", "one more activist": a single person counted in."""
    return any(t.index < token.index and t.feature("NumType") == "Ord" for t in phrase) or any(
        t.index < token.index and t.text.lower().endswith(("th", "rd", "nd")) and t.pos == "ADJ"
        for t in phrase
    )
