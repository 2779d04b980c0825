"""Verdicts told without a verdict verb of their own: gapped terms, listed names, list lines.

- Gapping: "A got 12 years, B nine and C 6": after a clause with one defendant and one term,
  each person named later in the sentence takes the number that follows them, in the unit of
  the first term.
- A counted group named later: "five guards were sentenced: A, B, C, D and E", or the names in
  the next sentence or one per line below; one record per named person.
- List lines: "Name – к шести годам колонии;", "Name, Article 405 (restriction of liberty for
  1.5 years)": a penalty phrase (an outcome word with a term) that no verb takes as its
  argument, beside the one person the line names.
- Pleas: "He pleaded not guilty", "Никто из подсудимых вину не признал".
"""

from __future__ import annotations

import bisect

from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.verdicts.charges import find_charges
from qantar.nlp.extract.verdicts.clauses import VerdictClause
from qantar.nlp.extract.verdicts.cues import VerdictCues
from qantar.nlp.extract.verdicts.defendants import Defendant, DefendantFinder
from qantar.nlp.normalize.numbers import parse_number
from qantar.nlp.normalize.terms import find_terms
from qantar.nlp.reading.document import Reading
from qantar.nlp.reading.state import Trial
from qantar.nlp.reading.types import MAIN, Clause
from qantar.nlp.rule_log import fired

#: Most names a counted group may be matched with ("14 defendants: ..." lists them all).
LARGEST_LISTED_GROUP = 30
#: How many paragraphs away the names of "those five protesters" may stand.
LIST_REACH = 3
#: How many sentences after a counted group its names may follow.
NAMES_REACH = 3
_INSIDE_PHRASE = frozenset({"pobj", "prep", "compound", "amod", "nummod", "nmod", "case"})
_ARGUMENT_RELATIONS = frozenset({"dobj", "obj", "pobj", "obl", "iobj", "dative", "nsubj"})


class ListReader:
    """The constructions of the module docstring, for one document."""

    def __init__(
        self,
        context: DocumentContext,
        reading: Reading,
        cues: VerdictCues,
        finder: DefendantFinder,
    ) -> None:
        self.context = context
        self.reading = reading
        self.cues = cues
        self.finder = finder
        self.language = context.annotation.doc.language

    def people_in(self, start: int, end: int) -> list[Defendant]:
        """The people named in ``[start, end)`` who could stand trial: not the court's side,
        and not a name that only describes another noun ("the deputies of X")."""
        found: dict[int, Defendant] = {}
        for m, person in self.context.people_between(start, end):
            if {r.lower() for r in person.roles} & self.cues.court_roles:
                continue
            if self.finder.described(m.start, m.end):
                continue
            found.setdefault(id(person), Defendant(m.start, m.end, person))
        return list(found.values())

    # -- gapping ------------------------------------------------------------------------------

    def gapped(
        self, verdict: VerdictClause, sentence: Span, claimed: set[int]
    ) -> list[tuple[Defendant, int, str | None]]:
        """(person, months) for "B nine and C 6" after "A got 12 years" ("Б – четыре года"
        too: a gapped term may keep its unit). ``claimed`` are the people another verdict
        clause of the sentence reads for itself ("and B got four years of restricted
        freedom"): theirs is that clause's."""
        named = [d for d in verdict.defendants if d.person is not None]
        singles = [t for t in verdict.terms if t.months is not None]
        if len(named) != 1 or not singles or len(verdict.defendants) != 1:
            return []
        term = next((t for t in singles if t.start >= named[0].end), singles[0])
        unit = 1 if any(w in term.text.lower() for w in ("month", "месяц")) else 12
        later = [
            p
            for p in self.people_in(term.end, sentence.end)
            if p.person is not named[0].person and id(p.person) not in claimed
        ]
        out = []
        for index, person in enumerate(later):
            limit = later[index + 1].start if index + 1 < len(later) else sentence.end
            months = self._number_after(person.end, limit, unit)
            if months:
                # "..., а B – четыре года ограничения свободы": B's own outcome word, if any
                stretch = self.reading.tokens_between(person.end, limit)
                codes = [c for c, _ in self._codes(stretch) if c != "ban"]
                out.append((person, months, codes[0] if codes else None))
        if out:
            fired("verdicts.gapping")
        return out

    def _number_after(self, start: int, end: int, unit: int) -> int | None:
        for term in find_terms(self.context.text, self.language, start, end):
            if term.months:
                return term.months
        for token in self.reading.tokens_between(start, min(end, start + 24)):
            if token.pos == "NUM":
                value = parse_number(token.text, self.language)
                if value and 0 < value * unit <= 1200:
                    return int(round(value * unit))
        return None

    # -- a counted group named later --------------------------------------------------------

    def names_for(
        self, verdict: VerdictClause, group: Defendant, sentence: Span
    ) -> list[Defendant]:
        """The people the text lists for a counted group, if it lists them."""
        if not 1 < group.count <= LARGEST_LISTED_GROUP:
            return []
        if group.definite:
            return self._listed_elsewhere(verdict, group.count)
        text = self.context.text
        colon = text.find(":", group.end, sentence.end)
        if colon != -1:
            listed = self.people_in(colon, sentence.end)
            if listed and len(listed) <= group.count:
                fired("verdicts.names_after_colon")
                return listed[: group.count]
        listed = []
        sentences = self.context.annotation.sentences
        index = next((i for i, s in enumerate(sentences) if s.start == sentence.start), None)
        if index is None:
            return []
        for following in range(index + 1, min(index + 1 + NAMES_REACH, len(sentences))):
            if not self._lists_names(following):
                break
            span = sentences[following]
            listed.extend(self.people_in(span.start, span.end))
            if len(listed) >= group.count:
                break
        if listed and len(listed) <= group.count:
            fired("verdicts.names_below")
            return listed
        return []

    def _listed_elsewhere(self, verdict: VerdictClause, count: int) -> list[Defendant]:
        """ "Those five protesters": the people of the nearest sentence, within LIST_REACH
        paragraphs before or after, that names exactly that many of them."""
        paragraphs = [p.start for p in self.context.annotation.paragraphs]
        options = []
        for index, span in enumerate(self.context.annotation.sentences):
            paragraph = bisect.bisect_right(paragraphs, span.start) - 1
            distance = abs(paragraph - verdict.paragraph)
            if distance > LIST_REACH or span.start <= verdict.span.start < span.end:
                continue
            people = self.people_in(span.start, span.end)
            if len(people) == count:
                options.append((distance, span.start < verdict.span.start, index, people))
        if not options:
            return []
        fired("verdicts.names_elsewhere")
        return min(options, key=lambda o: o[:3])[3]

    def _lists_names(self, sentence: int) -> bool:
        """A sentence that is a list of names: no clause, or only "they are" / "these are"."""
        span = self.context.annotation.sentences[sentence]
        if not self.people_in(span.start, span.end):
            return False
        clauses = self.reading.clauses_of(sentence)
        return all(
            self.reading.tokens[c.predicate].lemma.lower() in ("be", "include", "name", "являться")
            for c in clauses
        )

    def named_before(self, verdict: VerdictClause, sentence: Span) -> list[Defendant]:
        """ "They were sentenced ...": the people named in the sentence before, if any."""
        sentences = self.context.annotation.sentences
        before = [s for s in sentences if s.end <= sentence.start]
        if not before:
            return []
        found = self.people_in(before[-1].start, before[-1].end)
        if found:
            fired("verdicts.back_reference.previous_sentence")
        return found

    # -- list lines ---------------------------------------------------------------------------

    def list_line(self, sentence: int, paragraph: int, trial: Trial | None) -> list[VerdictClause]:
        """A verdict on a line with no verdict verb: a person beside a free penalty phrase."""
        tokens = self.reading.sentence_tokens(sentence)
        if not tokens:
            return []
        span = self.context.annotation.sentences[sentence]
        for code, cues in self.cues.outcomes:
            if code == "ban":
                continue
            for hit in cues.find(tokens):
                head = self.reading.tokens[hit.first]
                terms = [
                    t
                    for t in find_terms(self.context.text, self.language, span.start, span.end)
                    if t.months and abs(t.start - head.start) < 40
                ]
                if not terms or (self._taken_by_verb(head) and trial is None):
                    continue
                people = self.people_in(span.start, span.end)
                if len(people) != 1:
                    continue
                fired("verdicts.list_line")
                outcome = code
                if any(c == "suspended" for c, h in self._codes(tokens)):
                    outcome = "suspended"
                clause = Clause(
                    -1,
                    sentence,
                    head.index,
                    head.lemma,
                    (),
                    False,
                    False,
                    MAIN,
                    None,
                    False,
                    False,
                    Span(span.start, span.end),
                )
                return [
                    VerdictClause(
                        clause=clause,
                        span=Span(span.start, span.end),
                        family="list",
                        defendants=people,
                        outcome=outcome,
                        extra_outcomes=[],
                        terms=terms[:1],
                        date=None,
                        city=None,
                        court=None,
                        charges=[],
                        paragraph=paragraph,
                    )
                ]
        return []

    def _codes(self, tokens: list[Token]) -> list[tuple[str, int]]:
        return [(code, h.first) for code, cues in self.cues.outcomes for h in cues.find(tokens)]

    def _taken_by_verb(self, token: Token) -> bool:
        """Whether a verb takes the penalty phrase as its argument ("faces ten years in
        prison"); a phrase set beside a name ("X (restriction of liberty for 1.5 years)") or
        standing alone on its line is free."""
        tokens = self.reading.tokens
        current = token
        while current.dep in _INSIDE_PHRASE and current.head != current.index:
            current = tokens[current.head]
        head = tokens[current.head]
        if head.index == current.index:
            return False
        return head.pos in ("VERB", "AUX") and current.dep in _ARGUMENT_RELATIONS

    # -- pleas ----------------------------------------------------------------------------------

    def plea(self, sentence: int) -> bool | None:
        """True for "admitted their guilt", False for "pleaded not guilty" or a negated
        admission ("none of them pleaded guilty", "вину не признал"), else None."""
        tokens = self.reading.sentence_tokens(sentence)
        if self.cues.pleaded_not_guilty.find(tokens):
            return False
        hit = self.cues.pleaded_guilty.first(tokens)
        if hit is None:
            return None
        clause = self._clause_of(sentence, hit.first, hit.last)
        negated = clause is not None and clause.negated
        before = [t for t in tokens if t.index < hit.first]
        if negated or self.cues.negative_subjects.find(before):
            return False
        return not any(
            t.lemma.lower() in ("not", "не", "n't")
            for t in tokens[: hit.last + 1]
            if hit.first - 3 <= t.index <= hit.last
        )

    def plea_charges(self, sentence: int) -> list[str]:
        """What a plea admits to, where it names it ("признала вину в участии в ...")."""
        tokens = self.reading.sentence_tokens(sentence)
        hit = self.cues.pleaded_guilty.first(tokens) or self.cues.pleaded_not_guilty.first(tokens)
        if hit is None:
            return []
        span = self.context.annotation.sentences[sentence]
        start = self.reading.tokens[hit.first].start
        charges, _at = find_charges(self.context.text, span, self.cues, start)
        return charges

    def _clause_of(self, sentence: int, first: int, last: int) -> Clause | None:
        for clause in self.reading.clauses_of(sentence):
            if first <= clause.predicate <= last:
                return clause
        return None
