"""Attribution phrases, and the nouns that stand for what someone said.

"According to X", "по данным X", "со ссылкой на X" credit what they govern, so the source is
read from the grammar of the phrase rather than from the nearest name: the word its last word
governs, the owner of its noun ("по данным МВД", "по его словам"), or, when it governs nobody,
the phrase itself if its words say whose it is ("по официальным данным").

A statement noun credits its owner ("X's statement that ...", "в заявлении МВД"); "в отчете"
alone credits the author of the report the text has just named. "Это", "this" and "такую
цифру" point back at the sentence before, so they name no source of their own.
"""

from __future__ import annotations

from qantar.nlp.annotate.types import Token
from qantar.nlp.extract.figures.sources.cues import UNKNOWN_KIND, Layer, Source
from qantar.nlp.extract.figures.sources.phrases import Phrases
from qantar.nlp.reading.tree import ancestors
from qantar.nlp.reading.types import OBJECT, SUBJECT

#: Sentences back in which a report named without its author ("в отчете") finds one.
STATEMENT_REACH = 6

#: Relations by which a statement or attribution noun names whose it is.
_OWNER_DEPS = frozenset({"nmod", "nmod:poss", "poss"})
_OWNER_PREPOSITIONS = frozenset({"of", "by", "from"})


class Attributions(Layer):
    """The attribution phrases and statement nouns of one document, and whom they credit."""

    def __init__(self, phrases: Phrases) -> None:
        super().__init__(phrases.context)
        self.phrases = phrases

    # -- attributions: "according to X", "по данным X" -------------------------------------

    def attributions(self, sentence: int) -> list[tuple[int, int]]:
        """The first and last token of each attribution phrase in the sentence."""
        tokens = self.reading.sentence_tokens(sentence)
        return [(hit.first, hit.last) for hit in self.cues.attribution.find(tokens)]

    def attributed(self, first: int, last: int) -> Source | None:
        """The source an attribution phrase names: what its last word governs ("according to
        X": X; "со ссылкой на X": X), the owner of its noun ("по данным X", "по его словам"),
        or the phrase itself when it has a word of its own ("по официальным данным")."""
        tokens, below = self.tokens, self.reading.children
        end = tokens[last]
        target: int | None = None
        if end.pos == "ADP" or end.pos == "VERB":
            objects = [c for c in below(last) if tokens[c].dep in ("pobj", "dobj", "obj")]
            if objects:
                target = objects[0]
            elif self.language == "ru" and end.pos == "ADP" and end.head > last:
                target = end.head
        else:
            target = last
        if target is None:
            return None
        if not (target == last or self.is_count(tokens[target]) or self.is_statement(target)):
            return self.phrases.source_at(target)  # "according to the NCE's press service"
        owner = self.owner(target)
        if owner is not None:
            return self.phrases.source_at(owner)  # "по данным МВД", "according to ministry data"
        # "по официальным данным", "according to official figures": the phrase alone, when
        # its words say whose it is ("по предварительной оценке" says nothing)
        source = self.phrases.phrase_source(target)
        return source if source is not None and source.kind != UNKNOWN_KIND else None

    def owner(self, index: int) -> int | None:
        """Whose a noun is: "данным МВД", "его словам", "the ministry's statement", "the
        report by X"."""
        tokens = self.tokens
        for child in self.reading.children(index):
            token = tokens[child]
            if token.dep in _OWNER_DEPS and token.pos in ("NOUN", "PROPN", "PRON", "DET", "X"):
                return child
            if token.dep == "det" and self.cues.pronouns.has(token):
                return child  # "по его словам"
            if token.dep == "prep" and token.lemma in _OWNER_PREPOSITIONS:
                objects = [c for c in self.reading.children(child) if tokens[c].dep == "pobj"]
                if objects:
                    return objects[0]
        return None

    def is_count(self, token: Token) -> bool:
        return self.cues.count_nouns.has(token) and token.pos in ("NOUN", "PROPN")

    # -- statements: "X's statement that ...", "в отчете" -----------------------------------

    def is_statement(self, index: int) -> bool:
        token = self.tokens[index]
        return token.pos in ("NOUN", "PROPN") and self.cues.statements.has(token)

    def statement_above(self, token: Token) -> Source | None:
        """A statement noun the number hangs under: "Tokayev's statement that 20,000 ..."."""
        for index in ancestors(self.reading.annotation, token.index):
            if self.is_statement(index):
                owner = self.owner(index)
                if owner is not None:
                    return self.phrases.source_at(owner)
        return None

    def statement_source(self, index: int) -> Source | None:
        """Whose statement or report a noun is: its owner ("в заявлении МВД"), else the
        author of the last such report the text named ("ОБСЕ выпустила отчет. ... В
        отчете ...")."""
        owner = self.owner(index)
        if owner is not None:
            return self.phrases.source_at(owner)
        sentence = self.tokens[index].sentence
        for back in range(sentence, max(-1, sentence - STATEMENT_REACH - 1), -1):
            for clause in reversed(self.reading.clauses_of(back)):
                if clause.predicate >= index or clause.passive:
                    continue
                objects = [a for a in clause.role(OBJECT) if self.is_statement(a.head)]
                subjects = clause.role(SUBJECT)
                if objects and subjects:
                    return self.phrases.source_at(subjects[0].head)
            for candidate in reversed(self.reading.sentence_tokens(back)):
                if candidate.index < index and self.is_statement(candidate.index):
                    owner = self.owner(candidate.index)
                    if owner is not None:
                        return self.phrases.source_at(owner)
        return None

    def points_back(self, index: int) -> bool:
        """ "это", "this", or a noun with "такой"/"these" on it ("такую цифру")."""
        token = self.tokens[index]
        if token.pos in ("PRON", "DET") and self.cues.anaphors.has(token):
            return True
        return any(
            self.tokens[c].dep in ("det", "amod") and self.cues.anaphors.has(self.tokens[c])
            for c in self.reading.children(index)
        )
