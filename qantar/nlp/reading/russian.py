"""Russian clauses from natasha's dependency parse (Universal Dependencies labels).

One :class:`Clause` per predicate, over every sentence, numbered in text order. A predicate is
a VERB token (a finite verb, an infinitive, a gerund, a participle: natasha tags participles
VERB with ``VerbForm=Part``), a short adjective ("виновны", "незаконен", and a short passive
participle natasha takes for an adjective), or a full adjective with a copula ("было
незаконным"). A bare participle in front of its noun ("задержанный активист") is not a
predicate unless it has arguments of its own ("задержанный полицией активист").

How labels become roles (``case`` is the head's grammatical case, "Dat", "Acc", ...):

=========================  ==============================================================
``nsubj``, ``nsubj:pass``  SUBJECT; ``nsubj:pass`` (or ``aux:pass``) makes the clause passive,
                           as do ``Voice=Pass`` and a short participle ("осуждён")
``obj``                    OBJECT
``iobj``                   INDIRECT ("назначил ему восемь лет")
``obl`` with a preposition OBLIQUE, ``marker`` the preposition's lemma ("к", "за", "в связи
                           с") and ``case`` the head's case
``obl`` in the dative      INDIRECT ("Бывшему главе КНБ предъявлено обвинение")
``obl`` in the instrumental AGENT in a passive clause ("приговорён судом"), else OBLIQUE
``obl`` otherwise          OBLIQUE with marker "" and the head's case ("восемь лет")
``obl:agent``              AGENT
``xcomp`` not a verb       COMPLEMENT: an adjective, participle or noun ("признал виновным",
                           "признана экстремистской организацией")
=========================  ==============================================================

An ``nmod`` hung directly on a predicate is read as an ``obl`` (natasha does that now and
then). The clause ``lemma`` is the predicate's lemma (natasha lemmatizes participles to the
infinitive: "приговорён" -> "приговорить"; a short participle tagged ADJ is looked up in
pymorphy2). A "не" particle on the predicate makes the clause negated.

Kinds follow the predicate's relation: root -> MAIN; ``conj`` -> COORDINATE; ``acl:relcl``
(or an ``acl`` with "который") -> RELATIVE; ``acl``/``amod`` -> MODIFIER; ``ccomp``/``xcomp``/
``csubj`` -> COMPLEMENT_CLAUSE; ``advcl`` -> ADVERBIAL; ``parataxis`` -> COORDINATE, but
COMPLEMENT_CLAUSE under a speech verb ("Адвокат сказал: «...»"). ``parent`` is the clause of
the nearest predicate above.

Subjects are shared as the English reader (:mod:`.english`) shares them: a coordinated verb
with no subject takes its parent's ("Суд назначил ... и признал его виновным": "признал" has
"Суд"); a verbal ``xcomp`` takes the parent's OBJECT or INDIRECT where there is one
("попросили суд арестовать его": the court arrests), else its SUBJECT; a participle on a noun
takes the noun, passive when the participle is ("задержанный полицией активист").

Speech framed after what is said. natasha hangs the speech verb under the clause it reports:
"«Мы будем обжаловать», — сказал адвокат", "Приговор несправедлив, — отметил X",
"..., сообщает пресс-служба", "Как сообщил прокурор, ..." all come with the speech verb as a
``parataxis`` (sometimes a second root) of the content. Such a frame is turned the way the
English parser builds it ("The trial was fair, the prosecutor said"): the speech verb takes
the content clause's kind and parent, and the content becomes its COMPLEMENT_CLAUSE, so an
extractor finds the speaker as the SUBJECT of a reported clause's parent in either language.
The frame's span then covers the content; the content's span stops at the frame.

``quoted``: the predicate stands inside quotation marks in its paragraph
(:func:`.tree.quoted_tokens`). ``reported``: quoted; or a complement of a speech verb
(``speech_verbs`` in ``patterns/reading.yml``); or framed as above; or in the speech of a
paragraph of dash-led direct speech ("— Мы не виновны, — сказал адвокат. — Будем
обжаловать."), where the author's words (", — сказал адвокат,") are not; or inside a
clause that is reported for one of these reasons (a clause under a quoted one is not
reported for that alone, as in English).

What natasha's parse gets wrong often enough to know (on the dev texts): about one sentence in
eight has two roots, mostly a trailing "..., сообщает X" or a second sentence-like part after
a dash (a second root is taken as a frame of the root before it when it is a speech verb);
some sentences have head cycles, which the annotator cuts (:mod:`qantar.nlp.annotate.russian`);
a short neuter adjective is read as an adverb ("«Решение незаконно»": no predicate); a
predicative hung on the object as ``nmod`` ("признал организацию экстремистской": no
COMPLEMENT); a possessive ("её подзащитного") taken for a second ``obj``; a second verb
coordinated with the verb of the complement clause instead of the speech verb ("заявил, что
..., и потребовал": "потребовал" comes out reported); a participle after a noun hung as
``conj`` on a verb.
"""

from __future__ import annotations

from functools import cache

from qantar.model import Span
from qantar.nlp.annotate.types import Annotation, Token
from qantar.nlp.reading.assemble import ClauseDraft, assemble, nearest_predicates
from qantar.nlp.reading.cues import LemmaCues, cue_list
from qantar.nlp.reading.tree import children, quoted_tokens, subtree
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
    "conj": COORDINATE,
    "parataxis": COORDINATE,
    "acl:relcl": RELATIVE,
    "acl": MODIFIER,
    "amod": MODIFIER,
    "ccomp": COMPLEMENT_CLAUSE,
    "xcomp": COMPLEMENT_CLAUSE,
    "csubj": COMPLEMENT_CLAUSE,
    "csubj:pass": COMPLEMENT_CLAUSE,
    "advcl": ADVERBIAL,
}
#: Relations under which a verb is not a predicate (a helper verb natasha tagged VERB).
_NOT_PREDICATE = frozenset({"aux", "aux:pass", "cop", "case", "fixed", "flat"})
#: Children that make a participle in front of its noun a clause of its own.
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "xcomp", "ccomp", "advcl"}
)
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: What a non-verbal ``xcomp`` may be to count as a COMPLEMENT ("признал виновным").
_SMALL_CLAUSE = frozenset({"ADJ", "NOUN", "PROPN", "PRON", "NUM", "DET"})
_DASHES = frozenset({"—", "–", "―", "-", "--"})
#: Children of a speech verb that are what it says; a verb with one is not a bare frame.
_CONTENT_DEPS = frozenset({"ccomp", "obj", "parataxis", "xcomp", "csubj"})
#: Relations by which natasha hangs a framing speech verb on the clause it frames.
_FRAME_DEPS = frozenset({"parataxis", "advcl", "conj", "ccomp", "root"})
#: Relations of what a speech verb says under it ("заявил, что ...", "сказал: «...»").
_SAID_DEPS = frozenset({"ccomp", "parataxis", "csubj"})
_RELATIVE_WORDS = frozenset({"который"})
#: Marks after which a dash in dash-led speech switches between speech and author's words.
_TOGGLE_AFTER = frozenset({",", "!", "?", "…", "»", "”", "“", '"'})


def speech_verbs() -> LemmaCues:
    """The Russian speech verbs of ``patterns/reading.yml``."""
    return cue_list("reading", "speech_verbs", "ru")


@cache
def _participle_lemma(word: str) -> str:
    """The infinitive of a short passive participle ("признан" -> "признать"), or ""."""
    from qantar.nlp.normalize.russian_names import morph_vocab

    for parse in morph_vocab().parse(word.lower()):
        if parse.tag.POS == "PRTS":
            return str(parse.normal_form).replace("ё", "е")
    return ""


def _is_dash(token: Token) -> bool:
    return token.pos == "PUNCT" and token.text in _DASHES


def _short_participle(token: Token) -> bool:
    return token.feature("Variant") == "Short" and (
        token.feature("VerbForm") == "Part" or bool(_participle_lemma(token.text))
    )


class _Reader:
    def __init__(self, annotation: Annotation) -> None:
        self.annotation = annotation
        self.tokens = annotation.tokens
        self.below = children(annotation)
        self.speech = speech_verbs()

    # -- predicates and kinds -------------------------------------------------------------

    def is_predicate(self, token: Token) -> bool:
        below, tokens = self.below[token.index], self.tokens
        if token.dep in _NOT_PREDICATE and token.head != token.index:
            return False
        if token.pos == "VERB":
            if token.dep == "amod":
                return any(tokens[c].dep in _ARGUMENT_DEPS for c in below)
            return True
        if token.pos == "ADJ":
            if token.dep in ("amod", "xcomp") and token.head != token.index:
                return False
            short = token.feature("Variant") == "Short"
            return short or any(tokens[c].dep == "cop" for c in below)
        return False

    def kind(self, index: int, predicates: set[int]) -> str:
        token = self.tokens[index]
        if token.head == index:
            return MAIN
        head = self.tokens[token.head]
        dep = token.dep
        if dep == "conj" and token.head not in predicates:
            return self.kind(token.head, predicates) if head.head != head.index else MAIN
        if dep == "parataxis" and token.head in predicates and self.is_speech(token.head):
            return COMPLEMENT_CLAUSE
        if dep == "acl" and any(self.tokens[c].lemma in _RELATIVE_WORDS for c in self.below[index]):
            return RELATIVE
        if dep in _KINDS:
            return _KINDS[dep]
        form = token.feature("VerbForm")
        if form == "Part":
            return MODIFIER
        if form == "Conv":
            return ADVERBIAL
        return MODIFIER if head.pos in _NOMINAL else COMPLEMENT_CLAUSE

    def lemma(self, token: Token) -> str:
        if token.pos == "ADJ" and token.feature("Variant") == "Short":
            return _participle_lemma(token.text) or token.lemma
        return token.lemma

    def is_speech(self, index: int) -> bool:
        return self.speech.has(self.tokens[index])

    # -- arguments ------------------------------------------------------------------------

    def draft(self, index: int, kind: str, predicates: set[int]) -> ClauseDraft:
        tokens, below = self.tokens, self.below
        token = tokens[index]
        draft = ClauseDraft(index, kind, self.lemma(token))
        draft.passive = token.feature("Voice") == "Pass" or _short_participle(token)
        instrumental: list[int] = []
        for child in below[index]:
            arg = tokens[child]
            dep, case = arg.dep, arg.feature("Case")
            if dep == "nsubj":
                draft.arguments.append(Argument(SUBJECT, child, case=case))
            elif dep == "nsubj:pass":
                draft.arguments.append(Argument(SUBJECT, child, case=case))
                draft.passive = True
            elif dep in ("aux:pass", "csubj:pass"):
                draft.passive = True
            elif dep == "obj":
                draft.arguments.append(Argument(OBJECT, child, case=case))
            elif dep == "iobj":
                draft.arguments.append(Argument(INDIRECT, child, case=case))
            elif dep == "obl:agent":
                draft.arguments.append(Argument(AGENT, child, case=case))
            elif dep in ("obl", "nmod"):
                marker = self.preposition(child)
                if marker:
                    draft.arguments.append(Argument(OBLIQUE, child, marker, case))
                elif case == "Dat" and arg.pos in _NOMINAL:
                    draft.arguments.append(Argument(INDIRECT, child, case=case))
                elif case == "Ins" and arg.pos in _NOMINAL:
                    instrumental.append(child)
                else:
                    draft.arguments.append(Argument(OBLIQUE, child, case=case))
            elif dep == "xcomp" and child not in predicates:
                if arg.pos in _SMALL_CLAUSE or arg.feature("VerbForm") == "Part":
                    draft.arguments.append(Argument(COMPLEMENT, child, case=case))
            elif arg.lemma == "не" and arg.pos == "PART":
                draft.negated = True
        for number, child in enumerate(instrumental):
            has_agent = any(a.role == AGENT for a in draft.arguments)
            role = AGENT if draft.passive and number == 0 and not has_agent else OBLIQUE
            draft.arguments.append(Argument(role, child, case="Ins"))
        return draft

    def preposition(self, index: int) -> str:
        """The lemma of the preposition on a noun ("к", "в связи с"), or ""."""
        tokens = self.tokens
        for child in self.below[index]:
            if tokens[child].dep == "case" and tokens[child].pos == "ADP":
                words = [child, *(c for c in self.below[child] if tokens[c].dep == "fixed")]
                return " ".join(tokens[w].lemma for w in sorted(words))
        return ""

    def share(self, draft: ClauseDraft, parent: ClauseDraft | None) -> None:
        """Copy the subject a clause shares with its parent or takes from its noun."""
        tokens = self.tokens
        predicate = tokens[draft.predicate]
        if any(a.role == SUBJECT for a in draft.arguments):
            return
        own_aux = any(tokens[c].dep in ("aux", "aux:pass") for c in self.below[draft.predicate])
        if draft.kind == MODIFIER and predicate.dep in ("acl", "amod"):
            if predicate.feature("VerbForm") == "Part" and not own_aux:
                case = tokens[predicate.head].feature("Case")
                draft.arguments.append(Argument(SUBJECT, predicate.head, case=case))
            return
        if parent is None or predicate.head != parent.predicate:
            return
        subjects = [a for a in parent.arguments if a.role == SUBJECT]
        if predicate.dep == "conj":
            draft.arguments.extend(subjects)
        elif predicate.dep == "xcomp":
            objects = [a for a in parent.arguments if a.role in (OBJECT, INDIRECT)]
            controller = objects if objects and not parent.passive else subjects
            draft.arguments.extend(Argument(SUBJECT, a.head, case=a.case) for a in controller)

    # -- speech ---------------------------------------------------------------------------

    def frame_of(self, index: int, content: int | None) -> bool:
        """Whether speech verb ``index`` frames clause ``content`` from the side: "«...», —
        сказал адвокат", "..., сообщает пресс-служба", "Как сообщил прокурор, ...".

        The verb must say nothing of its own (no object, no complement clause) and be set off
        by a dash, by "как", or by a comma after the content."""
        if content is None or not self.is_speech(index):
            return False
        tokens, below = self.tokens, self.below
        token = tokens[index]
        if token.dep not in _FRAME_DEPS:
            return False
        if token.feature("VerbForm") not in ("Fin", "Part"):
            return False  # "..., чтобы сказать о ценах": an infinitive says nothing of its own
        kids = below[index]
        if any(tokens[c].dep in _CONTENT_DEPS for c in kids):
            return False
        marks = [c for c in kids if tokens[c].dep == "mark" or tokens[c].lemma == "как"]
        if any(tokens[c].lemma == "как" and c < index for c in marks):
            return True
        if marks:
            return False  # "..., если скажет": a clause of its own, not a frame
        if token.dep == "conj" and any(tokens[c].dep == "cc" for c in kids):
            return False
        if index < content:
            return False
        first = subtree(self.annotation, index)[0]
        lead = [t for t in range(first, index) if tokens[t].pos == "PUNCT"]
        if first > 0 and tokens[first - 1].sentence == token.sentence:
            lead.append(first - 1)
        return any(_is_dash(tokens[t]) or tokens[t].text == "," for t in lead)

    def dash_speech(self) -> list[bool]:
        """For each token, whether it is speech in a paragraph of dash-led direct speech.

        A paragraph that opens with a dash is speech up to the author's words, which start
        at a dash after a comma, "!", "?" or a closing quote, and run to the next such dash
        or to the end of the sentence; a dash that opens a sentence starts speech again.
        A paragraph whose author's words have no speech verb (a list of dashed items) is
        left alone."""
        tokens = self.tokens
        flags = [False] * len(tokens)
        by_paragraph: dict[int, list[int]] = {}
        paragraphs = self.annotation.paragraphs
        number = 0
        for token in tokens:
            while number + 1 < len(paragraphs) and paragraphs[number + 1].start <= token.start:
                number += 1
            by_paragraph.setdefault(number, []).append(token.index)
        for members in by_paragraph.values():
            if not _is_dash(tokens[members[0]]):
                continue
            states: list[bool] = []
            speaking = True
            for position, index in enumerate(members):
                token = tokens[index]
                if position and _is_dash(token):
                    previous = tokens[members[position - 1]]
                    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
                    opens = previous.sentence != token.sentence or previous.text in (".", "…")
                    if opens and not following[:1].islower():
                        speaking = True
                    elif previous.text in _TOGGLE_AFTER or opens:
                        speaking = not speaking
                states.append(speaking)
            author_speech = any(
                not state and self.is_speech(index) and tokens[index].pos == "VERB"
                for state, index in zip(states, members, strict=True)
            )
            if author_speech:
                for state, index in zip(states, members, strict=True):
                    flags[index] = state
        return flags


def _depths(parents: dict[int, int | None]) -> dict[int, int]:
    depths: dict[int, int] = {}
    for start in parents:
        chain = []
        current: int | None = start
        while current is not None and current not in depths and current not in chain:
            chain.append(current)
            current = parents[current]
        base = depths.get(current, -1) if current is not None else -1
        for index in reversed(chain):
            base += 1
            depths[index] = base
    return depths


def _span(annotation: Annotation, tokens: list[int]) -> Span:
    items = annotation.tokens
    return Span(items[tokens[0]].start, items[tokens[-1]].end)


def russian_clauses(annotation: Annotation) -> list[Clause]:
    """Every clause of a Russian annotation, in text order of the predicates."""
    if not annotation.tokens:
        return []
    reader = _Reader(annotation)
    tokens = annotation.tokens
    order = [t.index for t in tokens if reader.is_predicate(t)]
    predicates = set(order)
    parents = nearest_predicates(annotation, order)
    drafts = {
        index: reader.draft(index, reader.kind(index, predicates), predicates) for index in order
    }
    depths = _depths(parents)
    for index in sorted(order, key=lambda i: depths[i]):
        parent = parents[index]
        reader.share(drafts[index], None if parent is None else drafts[parent])

    spans = {index: subtree(annotation, index) for index in order}
    frames: set[int] = set()
    for index in order:
        token = tokens[index]
        content = parents[index]
        if token.head == index:  # a second root: "..., сообщает пресс-служба" after the first
            first = annotation.sentence_tokens[token.sentence][0]
            roots = [r for r in order if first <= r < index and tokens[r].head == r]
            content = roots[-1] if roots else None
        if content is None or content in frames or not reader.frame_of(index, content):
            continue
        frames.add(index)
        inner = [t for t in spans[content] if t not in set(spans[index])]
        run = [t for t in inner if (t < index) == (content < index)]
        drafts[index].kind, parents[index] = drafts[content].kind, parents[content]
        drafts[content].kind, parents[content] = COMPLEMENT_CLAUSE, index
        spans[index] = sorted(set(spans[index]) | set(run))
        spans[content] = run or spans[content]
    depths = _depths(parents)

    quoted = quoted_tokens(annotation)
    dashed = reader.dash_speech()
    said: dict[int, bool] = {}
    for index in sorted(order, key=lambda i: depths[i]):
        parent = parents[index]
        token = tokens[index]
        complement = (
            parent is not None
            and drafts[index].kind == COMPLEMENT_CLAUSE
            and reader.is_speech(parent)
            and (parent in frames or (token.head == parent and token.dep in _SAID_DEPS))
        )
        inherited = parent is not None and said[parent] and index not in frames
        said[index] = complement or (dashed[index] and index not in frames) or inherited

    return assemble(
        annotation,
        order,
        drafts,
        parents,
        quoted,
        said,
        {index: _span(annotation, spans[index]) for index in order},
    )
