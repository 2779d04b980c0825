"""Who says a quotation, read from the clause that frames it (the reading layer).

A reader takes the speaker of quoted words from the grammar around them, whatever the
language: the subject of the verb of saying whose clause holds the quote ("X said that police
used “...”", "«...», — сказал X", "ordered forces 'to shoot to kill'"), the agent of a passive
one, the subject of the clause a participle of saying hangs on ("..., назвав происходящее
«...»"), the possessor of a noun that carries words ("Tokayev's order to 'shoot to kill'"),
or, for a quote that only stands in a sentence with a verb of saying, that verb's speaker.
A pronoun points back to the last person named as a subject; a group with no person in it
("investigators", "свидетели") is a label for an unnamed speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.entities import EntityMention
from qantar.nlp.extract.quote_spans import QuoteSpan
from qantar.nlp.extract.quotes import cues
from qantar.nlp.reading.types import (
    ADVERBIAL,
    AGENT,
    COMPLEMENT_CLAUSE,
    COORDINATE,
    MAIN,
    OBJECT,
    OBLIQUE,
    RELATIVE,
    SUBJECT,
    Clause,
)
from qantar.nlp.within_document import PersonCluster

#: The speaker of words the text attributes to someone it describes but does not name or
#: label ("a local doctor said"): the quote is attributed, its speaker left for the readers of
#: sources to describe in full.
UNNAMED = ""
#: Relations by which a noun takes its possessor ("Tokayev's order", "приказ Токаева").
_POSSESSOR_DEPS = frozenset({"poss", "nmod:poss", "nmod", "det"})
#: Relative pronouns: "the lawyer, who said ..." speaks for "the lawyer".
_RELATIVE_WORDS = frozenset({"who", "which", "that", "который"})
#: Markers of the Russian impersonal frame: "— уточнили в пресс-службе суда".
_IMPERSONAL_MARKERS = frozenset({"в"})
#: Prepositions of a topic: "talk about reforms", "рассказали о пытках".
_TOPIC_MARKERS = frozenset({"about", "о", "об", "про"})
#: How many heads up from a quote a noun that carries words may stand.
_NOUN_REACH = 4
#: Relations of a clause that gives a noun's content ("the statement that ... “...”").
_CONTENT_DEPS = frozenset({"acl", "ccomp", "xcomp"})


class Frames:
    """Reads the speaker of quotations from the clauses of one document."""

    def __init__(self, context: DocumentContext, quotes: list[QuoteSpan]) -> None:
        self.context = context
        self.reading = context.reading
        self.tokens: list[Token] = self.reading.tokens
        self.language = context.annotation.doc.language
        self.quotes = quotes
        self.speech = cues.speech_verbs(self.language)
        self.framing = cues.framing_verbs(self.language)
        self.nouns = cues.framing_nouns(self.language)
        self.pronouns = cues.pronouns(self.language)
        self.naming = cues.naming_words(self.language)
        self.groups = cues.group_speakers(self.language)
        self.person_at: dict[int, tuple[EntityMention, PersonCluster]] = {}
        for mention, person in context.person_mentions:
            for token in self.reading.tokens_between(mention.start, mention.end):
                self.person_at[token.index] = (mention, person)
        starts = [t.start for t in self.tokens]
        self.in_quote = [False] * len(self.tokens)
        for quote in quotes:
            first = bisect_left(starts, quote.start)
            last = bisect_left(starts, quote.end)
            self.in_quote[first:last] = [True] * (last - first)

    # -- the quote's place in the parse ----------------------------------------------------

    def inside(self, quote: QuoteSpan) -> set[int]:
        """The tokens of the quote, its marks included."""
        return {t.index for t in self.reading.tokens_between(quote.start, quote.end)}

    def _tops(self, inside: set[int]) -> list[int]:
        """Tokens of the quote whose head stands outside it (or that head their sentence)."""
        tokens = self.tokens
        return sorted(
            i
            for i in inside
            if tokens[i].pos != "PUNCT" and (tokens[i].head not in inside or tokens[i].head == i)
        )

    def speaks(self, clause: Clause) -> bool:
        predicate = self.tokens[clause.predicate]
        return self.speech.has(predicate) or self.framing.has(predicate)

    def attached(self, quote: QuoteSpan) -> str | None:
        """The speaker of the clause or noun the quote hangs on in the parse."""
        inside = self.inside(quote)
        for top in self._tops(inside):
            clause = self._framing_clause(top, inside)
            if clause is not None:
                speaker = self.clause_speaker(clause, quote.start)
                if speaker is not None:
                    return speaker
            speaker = self._noun_frame(top, inside, quote.start)
            if speaker is not None:
                return speaker
        return self._embedded_frame(quote, inside) or self._noun_argument(inside, quote.start)

    def _embedded_frame(self, quote: QuoteSpan, inside: set[int]) -> str | None:
        """A verb of saying the parser hung under the quoted clause: "As he said: “...”",
        "«...», — приводятся в докладе его слова". The nearest one to the quote speaks."""
        own = {
            self.reading.owner(i)
            for i in inside
            if self.reading.owner(i) >= 0
            and self.reading.clauses[self.reading.owner(i)].predicate in inside
        }
        frames = []
        for index in own:
            for clause in self.reading.embedded(self.reading.clauses[index]):
                predicate = self.tokens[clause.predicate]
                if clause.predicate in inside or self.in_quote[predicate.index]:
                    continue
                if self.speaks(clause):
                    frames.append((_distance(predicate.start, quote), clause))
        return self._nearest_speaker(frames, quote)

    def _noun_argument(self, inside: set[int], before: int) -> str | None:
        """A noun that carries words taken for the subject of the quoted verb ("Tokayev's order
        for forces to 'shoot to kill'" parsed with "order" under "shoot")."""
        for index in sorted(inside):
            owner = self.reading.owner(index)
            if owner < 0 or self.reading.clauses[owner].predicate != index:
                continue
            for argument in self.reading.clauses[owner].arguments:
                head = argument.head
                if head in inside or head > index or not self.nouns.has(self.tokens[head]):
                    continue
                for child in self.reading.children(head):
                    if self.tokens[child].dep in _POSSESSOR_DEPS:
                        speaker = self.resolve(child, before)
                        if speaker is not None and not self._is_label(speaker, child):
                            return speaker
        return None

    def _framing_clause(self, top: int, inside: set[int]) -> Clause | None:
        """Up from the quote through the clauses it is said in, to a verb of saying: the quote
        itself, then a clause that is what someone says ("X said that police used “...”")."""
        owner = self.reading.owner(top)
        clauses = self.reading.clauses
        seen: set[int] = set()
        while owner >= 0 and owner not in seen:
            seen.add(owner)
            clause = clauses[owner]
            if clause.predicate not in inside and self.speaks(clause):
                return clause
            if clause.predicate not in inside and clause.kind != COMPLEMENT_CLAUSE:
                return None
            if clause.parent is None:
                return None
            owner = clause.parent
        return None

    def _noun_frame(self, top: int, inside: set[int], before: int) -> str | None:
        """ "Tokayev's order for forces to 'shoot to kill'", "отдал приказ «...»": a noun that
        carries words speaks for its possessor, else for the subject of the clause whose object
        it is."""
        current = top
        for _ in range(_NOUN_REACH):
            head = self.tokens[current].head
            if head == current:
                return None
            current = head
            if current in inside:
                continue
            token = self.tokens[current]
            if not self.nouns.has(token) or token.pos not in ("NOUN", "PROPN"):
                if token.pos in ("VERB", "AUX") and token.dep not in _CONTENT_DEPS:
                    return None  # a verb of its own: only "the statement that ..." goes on
                continue
            for child in self.reading.children(current):
                if self.tokens[child].dep in _POSSESSOR_DEPS and child < top:
                    speaker = self.resolve(child, before)
                    if speaker is not None and not self._is_label(speaker, child):
                        return speaker
            owner = self.reading.owner(current)
            if owner >= 0:
                clause = self.reading.clauses[owner]
                if any(a.head == current for a in clause.role(OBJECT)):
                    return self.clause_speaker(clause, before)
            return None
        return None

    def _is_label(self, speaker: str, head: int) -> bool:
        return speaker == self.tokens[head].text.lower()

    # -- the sentence around the quote -------------------------------------------------------

    def in_sentence(
        self, quote: QuoteSpan, separated: Callable[[int, QuoteSpan], bool]
    ) -> str | None:
        """The speaker of the nearest verb of saying outside quotes in the quote's sentences."""
        annotation = self.context.annotation
        first = annotation.sentence_at(quote.start)
        last = annotation.sentence_at(max(quote.start, quote.end - 1))
        sentences = {
            t.sentence for t in self.reading.tokens_between(first.start, max(last.end, first.end))
        }
        candidates = []
        for sentence in sorted(sentences):
            for clause in self.reading.clauses_of(sentence):
                predicate = self.tokens[clause.predicate]
                if self.in_quote[predicate.index] or not self.speaks(clause):
                    continue
                if self._subordinate(clause) or self._says_its_own(clause):
                    continue
                if separated(predicate.start, quote):
                    continue
                candidates.append((_distance(predicate.start, quote), clause))
        return self._nearest_speaker(candidates, quote)

    def _nearest_speaker(self, frames: list[tuple[int, Clause]], quote: QuoteSpan) -> str | None:
        """The speaker of the nearest framing clause that names one."""
        for _, clause in sorted(frames, key=lambda pair: pair[0]):
            speaker = self.clause_speaker(clause, quote.start)
            if speaker is not None:
                return speaker
        return None

    def _subordinate(self, clause: Clause) -> bool:
        """A finite clause of time or condition with a subject of its own ("Пока власти
        рассказывают ...", "while officials say ..."): its verb of saying frames nothing else
        in the sentence, unlike a participle of saying ("..., saying", "..., заявив")."""
        return clause.kind == ADVERBIAL and bool(clause.role(SUBJECT))

    def _says_its_own(self, clause: Clause) -> bool:
        """A verb of saying given its own topic ("рассказывают о реформах", "talk about the
        reforms") frames that topic, not a quote elsewhere in the sentence."""
        return any(a.marker in _TOPIC_MARKERS for a in clause.role(OBLIQUE))

    def last_speaker_in(self, start: int, end: int) -> str | None:
        """The speaker of the last main clause of saying in ``[start, end)`` that names a
        person: "Activist X says the police ... \\n\\n “Quote.”" continues X's words."""
        found = None
        for clause in self.reading.clauses:
            predicate = self.tokens[clause.predicate]
            if not start <= predicate.start < end or self.in_quote[predicate.index]:
                continue
            if clause.kind not in (MAIN, COORDINATE) or not self.speech.has(predicate):
                continue
            speaker = self.clause_speaker(clause, predicate.start)
            if speaker is not None and self._names_person(speaker):
                found = speaker
        return found

    def _names_person(self, speaker: str) -> bool:
        return any(person.name == speaker for person in self.context.people)

    # -- the speaker of a clause -------------------------------------------------------------

    def clause_speaker(self, clause: Clause, before: int) -> str | None:
        """Who speaks in a clause of saying: its subject, the agent of a passive one, the
        subject of the clause a participle of saying hangs on, the body after an impersonal
        Russian one ("— уточнили в пресс-службе суда")."""
        clauses = self.reading.clauses
        if clause.passive:
            heads = [a.head for a in clause.role(AGENT)]
        else:
            heads = [a.head for a in clause.role(SUBJECT)]
            if not heads and clause.kind in (ADVERBIAL, COORDINATE) and clause.parent is not None:
                # "..., назвав происходящее «...»", "X was quoted as saying “...”": a participle
                # of saying speaks for the subject it hangs on, also of a passive verb of saying
                parent = clauses[clause.parent]
                if not parent.passive or self.speech.has(self.tokens[parent.predicate]):
                    heads = [a.head for a in parent.role(SUBJECT)]
        labels = True
        if not heads and self.language == "ru":
            # "— говорится в сообщении прокуратуры": a person there speaks; a body or a document
            # is left to the readers that know bodies (the figures' sources)
            impersonal = [a.head for a in clause.role(OBLIQUE) if a.marker in _IMPERSONAL_MARKERS]
            heads, labels = impersonal[:1], False
        for head in heads:
            if self.tokens[head].lemma.lower() in _RELATIVE_WORDS and clause.kind == RELATIVE:
                head = self.tokens[clause.predicate].head
            speaker = self.resolve(head, before, labels=labels)
            if speaker is not None:
                return speaker
        return None

    def resolve(self, head: int, before: int, *, labels: bool = True) -> str | None:
        """A person named at or under ``head`` (the one in the nominative first: "адвокат
        Касымова Нурлан Байжанов" is Байжанов), a pronoun's antecedent, or a label."""
        token = self.tokens[head]
        if self.in_quote[head]:
            return None  # the quote's own words ("«Мы ...»") do not name who says them
        if head in self.person_at:
            return self.person_at[head][1].name
        named = [
            (abs(i - head), not _nominative(self.person_at[i][0]), self.person_at[i][1].name)
            for i in self.reading.subtree(head)
            if i in self.person_at and not self.in_quote[i]
        ]
        if named:
            return min(named, key=lambda n: (n[1], n[0]))[2]
        for index in self.reading.subtree(head):  # "приводятся (в докладе) его слова"
            if self.nouns.has(self.tokens[index]) and not self.in_quote[index]:
                for child in self.reading.children(index):
                    if self.tokens[child].dep in _POSSESSOR_DEPS and self.pronouns.has(
                        self.tokens[child]
                    ):
                        return self.resolve(child, before)
        given = self._given_name(head)
        if given is not None:
            return given
        if token.pos == "PROPN":
            known = self._known_by_surname(token)
            if known is not None:
                return known
        if self.pronouns.has(token):
            person = self.last_person_before(token.start)
            return person.name if person is not None else None
        if labels and token.pos in ("NOUN", "PROPN"):
            return token.text.lower() if self.groups.has(token) else UNNAMED
        return None

    def _known_by_surname(self, token: Token) -> str | None:
        """A surname the entity reader did not tag here ("..., Bachelet said") that names a
        person the text has named in full elsewhere."""
        word = token.text.lower()
        for person in self.context.people:
            if any(m.text.lower().split()[-1:] == [word] for m in person.mentions):
                return person.name
        return None

    def _given_name(self, head: int) -> str | None:
        """ "a woman named Aliya", "мужчина по имени Ерлан": the name after a naming word in
        the description of someone the text does not otherwise name."""
        words = [self.tokens[i] for i in self.reading.subtree(head)]
        for at in range(len(words)):
            hit = self.naming.match_at(words, at)
            if hit is None:
                continue
            after = at + hit.last - hit.first + 1
            name = []
            while after < len(words) and words[after].pos == "PROPN":
                name.append(words[after].text)
                after += 1
            if name:
                return " ".join(name)
        return None

    def last_person_before(self, position: int) -> PersonCluster | None:
        """The person a pronoun points back to: the last one named as a subject (in the
        nominative) in this paragraph, else the last one named at all. "Сауле Ибраева
        рассказала, что её мужа Ерболата Ибраева ... «...», — сказала она" is Сауле."""
        before = [
            (m, p)
            for m, p in self.context.person_mentions
            if m.end <= position and not self._quoted_at(m.start)
        ]
        paragraph = next(
            (p for p in self.context.annotation.paragraphs if p.start <= position < p.end), None
        )
        subjects = [
            pair
            for pair in before
            if paragraph is not None and pair[0].start >= paragraph.start and _nominative(pair[0])
        ]
        chosen = subjects or before
        return chosen[-1][1] if chosen else None

    def quoted_elsewhere(self, position: int, current: QuoteSpan) -> bool:
        """Inside a quote other than ``current`` and the quotes that contain it."""
        return any(
            q.start <= position < q.end
            for q in self.quotes
            if not (q.start <= current.start and current.end <= q.end)
        )

    def headline(self, quote: QuoteSpan) -> str | None:
        """ "«Quote»: X did ...", a headline's way of giving whose words open it: the subject
        of the first main clause after the colon."""
        paragraph = next(
            (p for p in self.context.annotation.paragraphs if p.start <= quote.start < p.end), None
        )
        text = self.context.text
        if paragraph is None or text[paragraph.start : quote.start].strip():
            return None
        if not text[quote.end : quote.end + 2].lstrip().startswith(":"):
            return None
        for clause in self.reading.clauses:
            predicate = self.tokens[clause.predicate]
            if predicate.start < quote.end or self.in_quote[predicate.index]:
                continue
            if predicate.start >= paragraph.end or clause.kind not in (MAIN, COORDINATE):
                return None
            return self.clause_speaker(clause, quote.start)
        return None

    def _quoted_at(self, offset: int) -> bool:
        token = self.reading.token_at(offset)
        return token is not None and self.in_quote[token.index]


def _nominative(mention: EntityMention) -> bool:
    """Whether a mention is written in its nominative (always true of English names)."""
    return not mention.normal or mention.normal == mention.text


def _distance(offset: int, quote: QuoteSpan) -> int:
    """Characters from ``offset`` to the nearer end of the quote."""
    return min(abs(offset - quote.start), abs(offset - quote.end))
