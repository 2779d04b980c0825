"""English clauses from spaCy's dependency parse (ClearNLP labels, lower-cased).

One :class:`Clause` per predicate, over every sentence, numbered in text order. A predicate is
a VERB token, or an AUX that is not an auxiliary but heads a clause with arguments of its own.
That takes in the copula ("The trial was fair, the prosecutor said": lemma "be", SUBJECT trial,
COMPLEMENT fair), because ClearNLP makes "be" the head of its clause: without it, a relative
or reported clause built on "be" ("X, who was head of the bank, ...") would have no clause to
stand apart from its parent. A verb used as a preposition ("according to", "following") is
not a predicate, and neither is a bare participle in front of a noun ("a suspended sentence").

How labels become roles:

=========================  ==============================================================
``nsubj``                  SUBJECT
``nsubjpass``              SUBJECT, and the clause is passive (so is an ``auxpass`` child)
``dobj``                   OBJECT, and so is a second ``pobj`` of a preposition on the verb
                           ("sentenced to jail four men"); with two objects ("handed Masimov
                           a term" parsed as two ``dobj``, or ``dobj`` + a counted
                           ``npadvmod`` as in "handed X 16 years") the first is INDIRECT and
                           the second OBJECT
``dative``                 INDIRECT; a ``dative`` that is the preposition "to"/"for" is an
                           OBLIQUE with that marker, like any other ``prep``
``prep``                   OBLIQUE; ``marker`` is the preposition's lemma ("according to" for
                           the verb-preposition) and ``head`` its ``pobj``; a preposition with
                           no object of its own but a preposition under it ("out of prison")
                           gives the marker "out of" and the inner object
``agent``                  AGENT ("by the court"), headed by its ``pobj``; in a passive
                           clause with no agent, a "by" phrase the parser hung on the object
                           of an oblique ("sentenced to 16, 15 and three years by the court")
``oprd``/``acomp``/``attr`` COMPLEMENT ("found guilty", "pleaded guilty")
``ccomp`` on an adjective  "found the activist guilty": spaCy makes "guilty" a clausal
                           complement with "activist" as its subject; here the activist is
                           the OBJECT and "guilty" the COMPLEMENT of "found"
=========================  ==============================================================

The clause ``lemma`` is the verb's lemma with its particles ("hand down", "hand over"); a
``neg`` child ("not", "n't", "never") makes it negated. Clause kinds follow the predicate's own
relation: ROOT -> MAIN; ``conj`` -> COORDINATE (``parataxis`` too); ``relcl`` -> RELATIVE;
``acl`` (or an ``amod`` participle with arguments) -> MODIFIER; ``ccomp``/``xcomp``/``csubj``
-> COMPLEMENT_CLAUSE; ``advcl``, or ``pcomp`` under a preposition on a verb ("after finding him
guilty") -> ADVERBIAL (under a preposition on a noun or adjective, "guilty of organising riots",
MODIFIER). ``parent`` is the clause of the nearest predicate above. One repair: when spaCy
takes a sentence's verb for a participle on its subject ("a court in Shymkent sentenced to jail
three people": "court" made the root, "sentenced" an ``acl`` with an object), the verb is read
as the MAIN predicate with that noun as its active subject.

Shared subjects are copied into the clause, so readers need not walk to the parent:

- a coordinated verb with no subject of its own takes its parent's SUBJECT ("He was found guilty
  and sentenced to five years": "sentenced" has the subject "He"), and its passive voice when it
  is a bare past participle;
- an ``xcomp`` verb with no subject takes the parent's OBJECT if there is one ("asked the court
  to jail him": the court jails), else the parent's SUBJECT ("decided to appeal");
- a participle on a noun takes that noun as its SUBJECT, passive when the participle is past
  ("Masimov, sentenced to 18 years in April, ...": Masimov, passive).

A relative pronoun stays the head of its argument ("who"); the noun it stands for is the head
of the relative clause's predicate. Adverbial clauses share nothing ("sentenced him for
organising riots": the court did not organise them).

``quoted``: the predicate stands inside quotation marks in its paragraph. ``reported``: quoted,
or the complement of a speech verb (``speech_verbs`` in ``patterns/reading.yml``) in either
order ("The ministry said that ...", "The court acted lawfully, the ministry said"), or
attributed with "according to", or inside a clause reported for one of these reasons (being
under a quoted clause is not enough: the parser sometimes hangs the author's words on the
quotation that follows them).
"""

from __future__ import annotations

from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.reading.assemble import ClauseDraft, assemble, nearest_predicates
from qantar.nlp.reading.cues import LemmaCues, cue_list
from qantar.nlp.reading.tree import (
    ancestors,
    children,
    conjuncts,
    quoted_tokens,
    subtree,
    subtree_span,
)
from qantar.nlp.reading.types import (
    ADVERBIAL,
    AGENT,
    COMPLEMENT,
    COMPLEMENT_CLAUSE,
    COORDINATE,
    INDIRECT,
    MAIN,
    MODIFIER,
    OBJECT,
    OBLIQUE,
    RELATIVE,
    SUBJECT,
    Argument,
    Clause,
)

_KINDS = {
    "root": MAIN,
    "conj": COORDINATE,
    "parataxis": COORDINATE,
    "relcl": RELATIVE,
    "acl": MODIFIER,
    "amod": MODIFIER,
    "ccomp": COMPLEMENT_CLAUSE,
    "xcomp": COMPLEMENT_CLAUSE,
    "csubj": COMPLEMENT_CLAUSE,
    "csubjpass": COMPLEMENT_CLAUSE,
    "advcl": ADVERBIAL,
    "npadvmod": ADVERBIAL,
    "advmod": ADVERBIAL,
}
#: Relations under which a verb is not a predicate at all.
_NOT_PREDICATE = frozenset({"aux", "auxpass", "prep", "agent", "dative", "prt"})
#: Children that make a participle on a noun ("detained during the protests") a clause.
_ARGUMENT_DEPS = frozenset(
    {
        *("nsubj", "nsubjpass", "expl", "dobj", "dative", "prep", "agent"),
        *("oprd", "acomp", "attr", "ccomp"),
    }
)
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_SMALL_CLAUSE = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})  # "found him guilty"
_PREPOSITION_OBJECTS = ("pobj", "pcomp")
_SOURCE_MARKERS = frozenset({"according to", "as quoted by"})


def speech_verbs() -> LemmaCues:
    """The English speech verbs of ``patterns/reading.yml``."""
    return cue_list("reading", "speech_verbs", "en")


def _is_predicate(token: Token, below: list[int], tokens: list[Token]) -> bool:
    if token.dep in _NOT_PREDICATE and token.head != token.index:
        return False
    if token.pos == "AUX":
        return any(tokens[c].dep in _ARGUMENT_DEPS for c in below)
    if token.pos != "VERB":
        return False
    if token.dep in ("amod", "compound"):
        return any(tokens[c].dep in _ARGUMENT_DEPS for c in below)
    return True


def _past_participle(token: Token) -> bool:
    return token.feature("VerbForm") == "Part" and token.feature("Tense") == "Past"


def _marker_and_object(prep: int, tokens: list[Token], below: list[list[int]]) -> Argument | None:
    """The OBLIQUE under preposition ``prep``: its lemma (and any nested preposition's) and
    its object."""
    words: list[str] = []
    current = prep
    for _ in range(3):
        token = tokens[current]
        words.append(token.text.lower() if token.pos == "VERB" else token.lemma)
        kids = below[current]
        objects = [c for c in kids if tokens[c].dep == "pobj"]
        if objects:
            return Argument(OBLIQUE, objects[0], " ".join(words))
        nested = [c for c in kids if tokens[c].dep == "prep"]
        if not nested or any(tokens[c].dep == "pcomp" for c in kids):
            return None
        current = nested[0]
    return None


class _Reader:
    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation
        self.tokens = annotation.tokens
        self.below = children(annotation)
        self.speech = speech_verbs()
        self.speech_words = {words[0] for _, words, _ in self.speech.entries if words}

    def predicates(self) -> list[int]:
        return [t.index for t in self.tokens if _is_predicate(t, self.below[t.index], self.tokens)]

    def kind(self, index: int, predicates: set[int]) -> str:
        token = self.tokens[index]
        if token.head == index or token.dep == "root":
            return MAIN
        head = self.tokens[token.head]
        if self.lost_main_verb(index):
            return MAIN
        if token.dep == "conj" and token.head not in predicates:
            return self.kind(token.head, predicates) if head.head != head.index else MAIN
        if token.dep == "pcomp":
            # "after finding him guilty": the preposition hangs on a verb.
            return ADVERBIAL if self.tokens[head.head].pos in ("VERB", "AUX") else MODIFIER
        if token.dep in _KINDS:
            return _KINDS[token.dep]
        return MODIFIER if head.pos in _NOMINAL else COMPLEMENT_CLAUSE

    def lost_main_verb(self, index: int) -> bool:
        """ "On July 15, a court in Shymkent sentenced to jail three people who ...": with the
        object after a prepositional phrase, spaCy takes the verb for a participle on "court"
        and makes "court" the root. A participle with a direct object, on the root noun of a
        sentence that ends like a sentence (not a headline), is read as the main verb."""
        token, tokens = self.tokens[index], self.tokens
        head = tokens[token.head]
        if token.dep != "acl" or head.head != head.index or token.feature("Tense") != "Past":
            return False
        below = self.below[index]
        if not any(tokens[c].dep == "dobj" or self._shifted_objects(c) for c in below):
            return False
        first, last = self.annotation.sentence_tokens[token.sentence]
        ending = [t for t in tokens[first:last] if t.text.strip()]
        return bool(ending) and ending[-1].text in (".", "!", "?")

    def clause_top(self, index: int, draft: ClauseDraft) -> int:
        """The token whose subtree is the clause: the root noun for a lost main verb."""
        token = self.tokens[index]
        return token.head if draft.kind == MAIN and token.dep == "acl" else index

    def draft(self, index: int, kind: str, predicates: set[int]) -> ClauseDraft:
        tokens, below = self.tokens, self.below
        draft = ClauseDraft(index, kind, self.tokens[index].lemma)
        objects: list[int] = []
        counted: list[int] = []  # "handed X 16 years": a counted npadvmod after the object
        for child in below[index]:
            token = tokens[child]
            dep = token.dep
            if dep == "nsubj":
                draft.arguments.append(Argument(SUBJECT, child))
            elif dep == "nsubjpass":
                draft.arguments.append(Argument(SUBJECT, child))
                draft.passive = True
            elif dep in ("auxpass", "csubjpass"):
                draft.passive = True
            elif dep == "neg":
                draft.negated = True
            elif dep == "prt":
                draft.lemma += f" {token.lemma}"  # "hand down", "hand over"
            elif dep == "dobj":
                objects.append(child)
            elif dep == "dative":
                if token.pos == "ADP":
                    oblique = _marker_and_object(child, tokens, below)
                    if oblique is not None:
                        draft.arguments.append(oblique)
                else:
                    draft.arguments.append(Argument(INDIRECT, child))
            elif dep == "prep":
                oblique = _marker_and_object(child, tokens, below)
                if oblique is not None:
                    draft.arguments.append(oblique)
                objects.extend(self._shifted_objects(child))
            elif dep == "agent":
                agents = [c for c in below[child] if tokens[c].dep == "pobj"]
                if agents:
                    draft.arguments.append(Argument(AGENT, agents[0]))
            elif dep in ("oprd", "acomp", "attr"):
                draft.arguments.append(Argument(COMPLEMENT, child))
            elif dep in ("ccomp", "xcomp") and child not in predicates:
                if token.pos in _SMALL_CLAUSE:
                    subjects = [c for c in below[child] if tokens[c].dep == "nsubj"]
                    objects.extend(subjects[:1])
                    draft.arguments.append(Argument(COMPLEMENT, child))
            elif dep == "npadvmod" and self._counted(child):
                counted.append(child)
        if draft.passive and not any(a.role == AGENT for a in draft.arguments):
            draft.arguments.extend(self._stray_agent(draft.arguments))
        if objects and counted and counted[0] > objects[-1] and len(objects) == 1:
            objects.append(counted[0])
        has_indirect = any(a.role == INDIRECT for a in draft.arguments)
        if len(objects) >= 2 and not has_indirect:
            draft.arguments.append(Argument(INDIRECT, objects[0]))
            draft.arguments.extend(Argument(OBJECT, o) for o in objects[1:])
        else:
            draft.arguments.extend(Argument(OBJECT, o) for o in objects)
        return draft

    def _stray_agent(self, arguments: list[Argument]) -> list[Argument]:
        """ "sentenced to 16, 15 and three years by the court": the parser hangs "by" on the
        last conjunct of the term, not on the verb. A "by" phrase under the object of one of
        a passive clause's obliques is taken as the clause's agent."""
        tokens, below = self.tokens, self.below
        for argument in arguments:
            if argument.role != OBLIQUE:
                continue
            for head in conjuncts(self.annotation, argument.head):
                for child in below[head]:
                    if tokens[child].dep in ("prep", "agent") and tokens[child].lemma == "by":
                        agents = [c for c in below[child] if tokens[c].dep == "pobj"]
                        if agents:
                            return [Argument(AGENT, agents[0])]
        return []

    def _shifted_objects(self, prep: int) -> list[int]:
        """ "sentenced to jail four men": the object moved after the prepositional phrase is
        parsed as a second object of the preposition; every object after its first is the
        verb's."""
        tokens = self.tokens
        if tokens[prep].dep != "prep":
            return []
        nominal = [c for c in self.below[prep] if tokens[c].dep == "pobj"]
        nominal = [c for c in nominal if tokens[c].pos in _NOMINAL]
        shifted = []
        for before, after in zip(nominal, nominal[1:], strict=False):
            # "from third parties – his favourite trick" is an apposition, not an object.
            gap = range(subtree(self.annotation, before)[-1] + 1, after)
            if not any(tokens[i].pos == "PUNCT" for i in gap):
                shifted.append(after)
        return shifted

    def _counted(self, index: int) -> bool:
        """A noun phrase of a number and a unit ("16 years"), not a time ("two days later")."""
        kinds = {self.tokens[c].dep for c in self.below[index]}
        return self.tokens[index].pos == "NOUN" and "nummod" in kinds and "advmod" not in kinds

    def share(self, draft: ClauseDraft, parent: ClauseDraft | None) -> None:
        """Copy the subject a clause shares with its parent or takes from its noun."""
        tokens = self.tokens
        predicate = tokens[draft.predicate]
        own = {tokens[c].dep for c in self.below[draft.predicate]}
        if any(a.role == SUBJECT for a in draft.arguments) or own & {"expl", "csubj", "csubjpass"}:
            return
        own_aux = bool(own & {"aux", "auxpass"})
        if draft.kind == MAIN and predicate.dep == "acl":  # see lost_main_verb
            draft.arguments.append(Argument(SUBJECT, predicate.head))
            return
        if draft.kind == MODIFIER and predicate.dep in ("acl", "amod"):
            form = predicate.feature("VerbForm")
            if predicate.head != draft.predicate and form != "Inf" and not own_aux:
                draft.arguments.append(Argument(SUBJECT, predicate.head))
                if _past_participle(predicate) or predicate.feature("Tense") == "Past":
                    draft.passive = True
            return
        if parent is None or predicate.head != parent.predicate:
            return
        subjects = [a for a in parent.arguments if a.role == SUBJECT]
        if predicate.dep == "conj":
            draft.arguments.extend(subjects)
            if parent.passive and not own_aux and _past_participle(predicate):
                draft.passive = True
        elif predicate.dep == "xcomp":
            objects = [a for a in parent.arguments if a.role == OBJECT]
            controller = objects if objects and not parent.passive else subjects
            draft.arguments.extend(Argument(SUBJECT, a.head) for a in controller)

    def speech_reported(
        self,
        order: list[int],
        drafts: dict[int, ClauseDraft],
        parents: dict[int, int | None],
        top_down: list[int],
    ) -> dict[int, bool]:
        """Which clauses someone is said to say, quotation marks aside.

        A clause under a quoted one is not reported for that alone: the parser sometimes
        hangs the author's "he justified it:" under the quotation that follows.
        """
        tokens = self.tokens
        reporting = {
            index  # speech verbs hung on the clause they report
            for index in order
            if (parent := parents[index]) is not None
            and self.reports_parent(drafts[index], drafts[parent])
        }
        reported: dict[int, bool] = {}
        for index in top_down:
            draft, parent, token = drafts[index], parents[index], tokens[index]
            said = (
                parent is not None
                and token.head == parent
                and self.is_speech(parent)
                and (token.dep == "ccomp" or (token.dep == "xcomp" and drafts[parent].passive))
            )
            says_itself = any(parents[other] == index for other in reporting)
            attributed = any(
                a.role == OBLIQUE and a.marker in _SOURCE_MARKERS for a in draft.arguments
            )
            inherited = parent is not None and reported[parent] and index not in reporting
            reported[index] = said or says_itself or attributed or inherited
        return reported

    def is_speech(self, index: int) -> bool:
        token = self.tokens[index]
        if token.lemma not in self.speech_words and token.text.lower() not in self.speech_words:
            return False  # the common case, without trying every entry
        return self.speech.has(token)

    def reports_parent(self, draft: ClauseDraft, parent: ClauseDraft | None) -> bool:
        """A speech verb hung on the clause it reports ("The court acted lawfully, the
        ministry said" parsed with "said" under "acted")."""
        predicate = self.tokens[draft.predicate]
        return (
            parent is not None
            and predicate.head == parent.predicate
            and predicate.dep in ("parataxis", "advcl", "ccomp")
            and draft.predicate > parent.predicate
            and self.is_speech(draft.predicate)
            and self._bare_speech(draft.predicate)
        )

    def _bare_speech(self, index: int) -> bool:
        """The verb has a subject of its own and nothing said under it ("the ministry said")."""
        deps = {self.tokens[c].dep for c in self.below[index]}
        return "nsubj" in deps and not deps & {"ccomp", "dobj", "mark", "xcomp"}


def english_clauses(annotation: Annotation) -> list[Clause]:
    """Every clause of an English annotation, in text order of the predicates."""
    if not annotation.tokens:
        return []
    reader = _Reader(annotation)
    order = reader.predicates()
    predicates = set(order)
    parents = nearest_predicates(annotation, order)
    drafts: dict[int, ClauseDraft] = {}
    for index in order:
        drafts[index] = reader.draft(index, reader.kind(index, predicates), predicates)
    # Parents before children, so a shared subject is already in place when it is copied.
    top_down = sorted(order, key=lambda i: len(ancestors(annotation, i)))
    for index in top_down:
        parent = parents[index]
        reader.share(drafts[index], None if parent is None else drafts[parent])

    quoted = quoted_tokens(annotation)
    speech = reader.speech_reported(order, drafts, parents, top_down)
    spans = {
        index: subtree_span(annotation, reader.clause_top(index, drafts[index])) for index in order
    }
    return assemble(annotation, order, drafts, parents, quoted, speech, spans)
