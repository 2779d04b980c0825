"""Read one clause about a court outcome: who, what outcome, how long, when, where, for what.

A clause reports a verdict when its predicate says so by lemma (sentence, convict, acquit,
приговорить, оправдать), gives a penalty it names (hand X a ten-year term, дать восемь лет
условно), is received by the defendant (receive, get, is serving, получить), convicts through a
complement (found guilty, признан виновным), or rules on an appeal. Everything else is read
from the clause's own tokens, without the clauses embedded in it: "X, who was detained in May,
was sentenced on July 11" dates the verdict July 11, and a relative clause about someone else
gives it no outcome, term, date or place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from qantar.codebook import setting
from qantar.model import Span
from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.verdicts.charges import find_charges
from qantar.nlp.extract.verdicts.cues import VerdictCues
from qantar.nlp.extract.verdicts.defendants import Defendant, DefendantFinder, defendant_roles
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.normalize.terms import TermMention, find_terms
from qantar.nlp.reading.cues import LemmaCues
from qantar.nlp.reading.document import Reading
from qantar.nlp.reading.types import COMPLEMENT, OBJECT, OBLIQUE, SUBJECT, Argument, Clause
from qantar.nlp.rule_log import fired


@dataclass
class VerdictClause:
    """What one clause says about one court outcome."""

    clause: Clause
    span: Span
    family: str
    """ "verdict", "penalty", "receiving", "guilty" or "appeal"."""
    defendants: list[Defendant]
    outcome: str | None
    extra_outcomes: list[str]
    terms: list[TermMention]
    date: DateMention | None
    city: str | None
    court: str | None
    charges: list[str]
    paragraph: int
    same_outcome_as_before: bool = False
    same_term_as_before: bool = False
    same_charges_as_before: bool = False
    appeal: str | None = None
    difference: bool = False
    """An appeal's term is a change ("reduced by three years"), not the new term."""
    lengthened: bool = False
    statistic: bool = False
    pleaded_guilty: bool | None = None

    @classmethod
    def for_trial(cls, clause: Clause, paragraph: int) -> VerdictClause:
        """A clause that only tells who stood trial; the verdicts come later."""
        return cls(clause, clause.span, "trial", [], None, [], [], None, None, None, [], paragraph)


def _lemma_matches(cues: LemmaCues, clause: Clause, token: Token) -> bool:
    """Whether the predicate (with its particle, "hand down") is one of ``cues``."""
    words = clause.lemma.split()
    forms = (token.lemma, words[0], token.text.lower())  # "fined": spaCy's lemma is "fin"
    for entry, shape, _split in cues.entries:
        if list(shape) == words or (len(shape) == 1 and shape[0] in forms):
            fired(f"{cues.name}.{entry}")
            return True
    return False


class ClauseReader:
    """Reads the verdict clauses of one document (see the module docstring)."""

    def __init__(self, context: DocumentContext, reading: Reading, cues: VerdictCues) -> None:
        self.context = context
        self.reading = reading
        self.cues = cues
        self.finder = DefendantFinder(context, reading, cues)
        self.language = context.annotation.doc.language

    def _passive(self, clause: Clause) -> bool:
        """Passive, or a participle coordinated with a passive ("were found guilty and
        sentenced to ...": "sentenced" shares the auxiliary)."""
        if clause.passive:
            return True
        if clause.kind != "coordinate" or clause.parent is None:
            return False
        parent = self.reading.clauses[clause.parent]
        own = {self.reading.tokens[c].dep for c in self.reading.children(clause.predicate)}
        # a verb of its own voice has its own subject or object; one with neither shares both
        # the subject and the auxiliary of the passive it is coordinated with
        return parent.passive and not any(d.startswith(("nsubj", "dobj", "obj")) for d in own)

    def penalty_tokens(self, clause: Clause) -> list[Token]:
        """The clause's own tokens, plus two things the parse hangs elsewhere that belong to
        the penalty: a participle on a penalty noun ("sentences ranging from four to six
        years") and a penalty phrase the parser attached inside a relative clause ("handed X,
        who was known as Y's ally, an 18-year term": the term is the verb's, not the ally's)."""
        reading, tokens = self.reading, self.reading.tokens
        own = {t.index for t in reading.own_tokens(clause)}
        for inner in reading.embedded(clause):
            head = tokens[tokens[inner.predicate].head]
            if inner.kind == "modifier" and head.index in own and self.cues.verdict_nouns.has(head):
                own.update(reading.subtree(inner.predicate))
            elif inner.kind == "complement" and self._infinitive(inner.predicate):
                own.update(reading.subtree(inner.predicate))  # "запретил занимать должности"
            elif inner.kind == "relative":
                for index in reading.subtree(inner.predicate):
                    if tokens[index].dep == "appos" and self._is_penalty(index):
                        own.update(reading.subtree(index))
        if not self._has_penalty_words([tokens[i] for i in own]):
            own.update(t.index for t in self._right_after(clause))
        return [tokens[i] for i in sorted(own)]

    def _infinitive(self, index: int) -> bool:
        token = self.reading.tokens[index]
        return token.feature("VerbForm") == "Inf" or any(
            self.reading.tokens[c].lemma == "to" for c in self.reading.children(index)
        )

    def _has_penalty_words(self, tokens: list[Token]) -> bool:
        return any(hits.find(tokens) for _code, hits in self.cues.outcomes)

    def _right_after(self, clause: Clause) -> list[Token]:
        """The words right after the predicate up to a comma or the next verb: where the
        penalty stands when the parser hung it on another verb ("получили по два года
        ограничения свободы ... и бросала")."""
        sentence = self.reading.sentence_tokens(clause.sentence)
        run: list[Token] = []
        for token in sentence:
            if token.index <= clause.predicate:
                continue
            if token.text in ",;:—–." or token.pos in ("VERB", "AUX") or len(run) >= 8:
                break
            run.append(token)
        return run if self._has_penalty_words(run) else []

    def _is_penalty(self, index: int) -> bool:
        phrase = [self.reading.tokens[i] for i in self.reading.subtree(index)]
        has_term = bool(
            find_terms(self.context.text, self.language, phrase[0].start, phrase[-1].end)
        )
        return has_term and bool(self.cues.verdict_nouns.find(phrase))

    def antecedent_tokens(self, clause: Clause) -> list[Token]:
        """For a relative or participle clause, the noun phrase it describes, without the
        clause itself ("a similar judgment in Taldykorgan, where four officers received ...":
        the verdict is in Taldykorgan)."""
        if clause.kind not in ("relative", "modifier"):
            return []
        tokens = self.reading.tokens
        head = tokens[clause.predicate].head
        if head == clause.predicate:
            return []
        inner = set(self.reading.subtree(clause.predicate))
        return [tokens[i] for i in self.reading.subtree(head) if i not in inner]

    def family(self, clause: Clause, own: list[Token]) -> str | None:
        """How the clause reports a verdict, or None when it does not."""
        cues = self.cues
        token = self.reading.tokens[clause.predicate]
        if self._irrealis(clause) or clause.negated:
            return None  # "иного наказания ему не назначили", "was not convicted"
        has_penalty = bool(self.outcome_words(clause, own) or self.terms(clause, own)) or bool(
            cues.verdict_nouns.find(own)
        )
        reports = any(c.kind == "complement" for c in self.reading.embedded(clause))
        for status, predicates in cues.appeal_predicates:
            if reports:
                break  # "the court confirmed that it had sentenced X": a report, not an appeal
            if _lemma_matches(predicates, clause, token) and cues.appeal_words.find(
                self.reading.sentence_tokens(clause.sentence)
            ):
                return f"appeal:{status}"
        if _lemma_matches(cues.verdict_predicates, clause, token):
            return "verdict"
        if _lemma_matches(cues.guilty_predicates, clause, token) and self._guilty(clause):
            return "guilty"
        if _lemma_matches(cues.receiving_predicates, clause, token) and has_penalty:
            if _lemma_matches(cues.progressive_only, clause, token) and not _progressive(
                self.reading, token
            ):
                return None
            return "receiving"
        if _lemma_matches(cues.penalty_predicates, clause, token) and has_penalty:
            return "penalty"
        return None

    def _irrealis(self, clause: Clause) -> bool:
        """A verdict that is planned, demanded or possible: a modal or future auxiliary, or an
        infinitive under a verb of intent ("instructed to hold them accountable"). An infinitive
        under a decision stays ("ruled to strip X of the right", "the court's decision to
        sentence three policemen")."""
        tokens = self.reading.tokens
        first = clause
        while first.kind == "coordinate" and first.parent is not None:
            first = self.reading.clauses[first.parent]
        for c in (clause, first):
            children = [tokens[i] for i in self.reading.children(c.predicate)]
            if any(
                self.cues.irrealis_auxiliaries.has(t) for t in children if t.dep.startswith("aux")
            ):
                return True
            governor = tokens[tokens[c.predicate].head]
            if governor.index != c.predicate and self.cues.irrealis_auxiliaries.has(governor):
                return True  # "может быть приговорён": the parser made the modal the head
        predicate = tokens[first.predicate]
        infinitive = predicate.feature("VerbForm") == "Inf" or any(
            tokens[i].lemma == "to" and tokens[i].dep == "aux"
            for i in self.reading.children(first.predicate)
        )
        if not infinitive or first.parent is None:
            return False
        governor = tokens[predicate.head]
        return governor.pos in ("VERB", "AUX") and self.cues.intent_verbs.has(governor)

    def _guilty(self, clause: Clause) -> bool:
        for argument in clause.role(COMPLEMENT):
            phrase = [self.reading.tokens[i] for i in self.reading.subtree(argument.head)]
            if self.cues.guilty_complements.first(phrase) or self.cues.innocent_complements.first(
                phrase
            ):
                return True
        own = self.reading.own_tokens(clause)
        return bool(self.cues.guilty_complements.first(own))

    def outcome_words(self, clause: Clause, own: list[Token]) -> list[tuple[int, str]]:
        """(token index, outcome) for every outcome word in the clause not denied by a contrast."""
        found = []
        for code, cues in self.cues.outcomes:
            for hit in cues.find(own):
                before = [t for t in own if hit.first - 3 <= t.index < hit.first]
                if self.cues.contrast.find(before):
                    continue
                found.append((hit.first, code))
        return sorted(found)

    def terms(self, clause: Clause, own: list[Token]) -> list[TermMention]:
        """The terms that start in the clause's own tokens (not in a clause embedded in it)."""
        if not own:
            return []
        owned = {t.start for t in own}
        found = find_terms(self.context.text, self.language, own[0].start, own[-1].end)
        return [t for t in found if self._starts_a_token_in(t.start, owned)]

    def _starts_a_token_in(self, offset: int, owned: set[int]) -> bool:
        token = self.reading.token_at(offset)
        return token is not None and token.start in owned

    def nominal(self, sentence: int, paragraph: int, taken: set[int]) -> list[VerdictClause]:
        """Verdicts named by a noun rather than a verb: "the sentencing of seven people to
        probation", "оправдательный приговор военнослужащему", "осуждение его и его
        заместителей". The noun's complement (English "of", a Russian genitive or dative) is
        the defendant; tokens a verbal verdict clause already read are skipped."""
        found = []
        tokens = self.reading.tokens
        for token in self.reading.sentence_tokens(sentence):
            if token.index in taken or token.pos != "NOUN":
                continue
            if not self.cues.verdict_nominals.has(token):
                continue
            for child in self.reading.children(token.index):
                complement = tokens[child]
                if complement.lemma.lower() == "of":
                    heads = [tokens[i] for i in self.reading.children(child)]
                elif complement.feature("Case") in ("Gen", "Dat") and complement.dep not in (
                    "amod",
                    "nummod",
                ):
                    heads = [complement]
                else:
                    continue
                for head in heads:
                    clause = Clause(
                        -1,
                        sentence,
                        token.index,
                        token.lemma,
                        (Argument(OBJECT, head.index),),
                        False,
                        False,
                        "main",
                        None,
                        False,
                        False,
                        Span(token.start, token.end),
                    )
                    verdict = self.read(clause, paragraph, family="nominal")
                    if verdict is not None and verdict.defendants:
                        fired("verdicts.family.nominal")
                        found.append(verdict)
                        break
                else:
                    continue
                break
        return found

    def read(
        self, clause: Clause, paragraph: int, family: str | None = None
    ) -> VerdictClause | None:
        own = self.penalty_tokens(clause)
        family = family or self.family(clause, own)
        if family is None:
            return None
        fired(f"verdicts.family.{family.split(':')[0]}")
        cues, text = self.cues, self.context.text
        outcome_words = self.outcome_words(clause, own)
        terms = self.terms(clause, own)
        predicate = self.reading.tokens[clause.predicate]
        appeal = family.split(":")[1] if family.startswith("appeal:") else None
        outcome = self._outcome(clause, family, predicate, outcome_words, terms)
        extra = (
            ["ban"]
            if outcome not in (None, "ban") and any(code == "ban" for _, code in outcome_words)
            else []
        )
        defendants = self._defendants(clause, "appeal" if appeal else family)
        if appeal and not defendants:
            # "an appeals court reduced the sentence by three years": the defendant whose
            # sentence the text is telling
            defendants = [Defendant(predicate.start, predicate.end, back="one")]
        span = Span(own[0].start, own[-1].end) if own else Span(predicate.start, predicate.end)
        dates = self.dates_in(own, nominal=clause.index < 0)
        # a charge ends at a date or where a coordinated verb takes over ("..., and sentenced
        # to"); clauses inside it ("for what the state alleged was ...") are part of it
        whole_span = self._span_of(clause.predicate) if clause.index >= 0 else span
        stops = [
            d.start for d in self.context.dates if whole_span.start <= d.start < whole_span.end
        ] + [
            self._span_of(c.predicate).start
            for c in self.reading.embedded(clause)
            if self.reading.tokens[c.predicate].start > predicate.start
            and (c.kind == "coordinate" or (c.kind == "adverbial" and self._set_off(c)))
        ]
        elsewhere = self._elsewhere(clause, own)
        whole = self._span_of(clause.predicate) if clause.index >= 0 else span
        region = Span(min(span.start, whole.start), max(span.end, whole.end))
        charges, charges_at = find_charges(
            text, region, cues, predicate.start, stops=stops, before=span.start, elsewhere=elsewhere
        )
        closing = [
            d
            for d in self._unrelated(self.context.dates)
            if charges_at.end <= d.start <= charges_at.end + 4
            and d.precision == "day"
            and d not in dates
        ]  # "for stealing weapons on July 11": the day that closes the charge is the verdict's,
        # but a day of the unrest itself ("за участие в беспорядках 5 января") is the offence's
        dates = dates + closing
        # "upheld the term for his former deputy, X": a person is who, never what
        charges = [c for c in charges if not self._names_someone(c, region)]
        same_charges = bool(cues.same_charges.search(text, span.start, span.end))
        around = self.antecedent_tokens(clause)
        verdict = VerdictClause(
            clause=clause,
            span=span,
            family=family,
            defendants=defendants,
            outcome=outcome,
            extra_outcomes=extra,
            terms=terms,
            date=_pick_date(dates, charges_at) or _pick_date(self.dates_in(around), span),
            city=self._city(own, charges_at.start)
            or self._city(around, span.end)
            or self._only_city(clause.sentence),
            court=self._court(own) or self._court(around),
            charges=[] if same_charges else charges,
            paragraph=paragraph,
            same_outcome_as_before=bool(
                cues.same_as_before.find(own) or cues.same_term_as_before.find(own)
            ),
            same_term_as_before=bool(cues.same_term_as_before.find(own)),
            same_charges_as_before=same_charges,
            appeal=appeal,
        )
        if appeal == "changed":
            verdict.difference = any(
                a.role == OBLIQUE and cues.difference_markers.has(self.reading.tokens[i])
                for a in clause.arguments
                for i in [self._marker_token(a)]
                if i is not None
            ) or self._difference_before_term(terms)
            verdict.lengthened = _lemma_matches(cues.lengthening, clause, predicate)
        verdict.statistic = self._statistic(clause, defendants) or self._tally(verdict)
        return verdict

    def _outcome(
        self,
        clause: Clause,
        family: str,
        predicate: Token,
        words: list[tuple[int, str]],
        terms: list[TermMention],
    ) -> str | None:
        cues = self.cues
        codes = [code for _, code in words]
        if family == "guilty":
            for argument in clause.role(COMPLEMENT):
                phrase = [self.reading.tokens[i] for i in self.reading.subtree(argument.head)]
                if cues.innocent_complements.first(phrase):
                    return "acquitted"
        if "suspended" in codes:
            return "suspended"  # "a suspended prison term", "лишения свободы условно"
        main = [c for c in codes if c != "ban"]
        if main:
            after = [c for i, c in words if i >= predicate.index and c != "ban"]
            return (after or main)[0]
        if "ban" in codes:
            return "ban"  # "запретил на три года занимать должности": the ban is the penalty
        if terms:
            return cues.default_outcome
        if family.startswith("appeal"):
            return None
        return cues.outcome_without_penalty

    def on_trial(self, clause: Clause) -> list[Defendant]:
        """The people a clause puts on trial ("A, B and C stood trial", "судили A"), if its
        predicate says so by lemma; nobody otherwise."""
        own = self.reading.own_tokens(clause)
        near = [t for t in own if abs(t.index - clause.predicate) <= 3]
        if clause.negated or self._irrealis(clause) or not self.cues.trial_predicates.find(near):
            return []
        found: list[Defendant] = []
        for argument in clause.role(SUBJECT) + clause.role(OBJECT):
            found += [d for d in self.finder.under(argument.head, clause) if d.person is not None]
        return found

    def city_of_clause(self, clause: Clause) -> str | None:
        return self._city(self.reading.own_tokens(clause), clause.span.end)

    def _excluded_cases(self, clause: Clause, family: str) -> frozenset[str]:
        """Cases the defendant cannot stand in (empty: any). English marks case only on
        pronouns, and "handed him" is as much a recipient as "дали ему", so only Russian is
        checked, and only in the active voice."""
        if self.language != "ru" or self._passive(clause):
            return frozenset()
        return self.cues.excluded_defendant_cases.get(family, frozenset())

    def _case_fits(self, index: int, excluded: frozenset[str]) -> bool:
        return self.reading.tokens[index].feature("Case") not in excluded

    def _defendants(self, clause: Clause, family: str) -> list[Defendant]:
        excluded = self._excluded_cases(clause, family)
        for argument in defendant_roles(clause, family, self._passive(clause)):
            if not self._case_fits(argument.head, excluded):
                continue
            found = self.finder.under(argument.head, clause)
            if found:
                return found + self._companions(clause, found)
        if self.language == "ru":
            found = self._by_case(clause, excluded)
            if found:
                return found
        tokens = self.reading.tokens
        if family == "receiving" and not clause.role(SUBJECT):
            # "In Shymkent, A, B and C received ...": names the parser did not make the subject
            before = [t for t in self.reading.own_tokens(clause) if t.index < clause.predicate]
            found = []
            for token in before:
                person = self.finder.person_at(token)
                if (
                    person
                    and all(d.person is not person[2] for d in found)
                    and not self.finder.described(person[0], person[1])
                ):
                    found.append(Defendant(person[0], person[1], person[2]))
            if found:
                return found
        if family in ("verdict", "penalty", "guilty") and not self._passive(clause):
            # a name the parser hung loosely on the verb ("sentenced the former head of the
            # security services, X, to ...": X as an adverbial) is still its object
            for child in self.reading.children(clause.predicate):
                if tokens[child].dep in _LOOSE:
                    person = self.finder.person_at(tokens[child])
                    if person is not None:
                        return [Defendant(person[0], person[1], person[2])]
        if clause.kind == "coordinate" and clause.parent is not None and not clause.role(OBJECT):
            # "признал его виновным и приговорил к ...": the second verb shares the object
            parent = self.reading.clauses[clause.parent]
            for argument in defendant_roles(parent, family, self._passive(parent)):
                found = self.finder.under(argument.head, parent)
                if found:
                    return found
        if clause.kind == "modifier":  # "Kudebaev, sentenced to ...", "осужденного за ..."
            head = self.reading.tokens[clause.predicate].head
            if head != clause.predicate:
                return self.finder.under(head, clause)
        return []

    def _by_case(self, clause: Clause, excluded: frozenset[str]) -> list[Defendant]:
        """The people next to the predicate, up to the nearest comma or verb on either side,
        whose case fits: where the parser hung a Russian name on the wrong verb ("Ануару
        Садыкулову назначено 16 лет, Даулета Ергожина приговорили к 15 годам")."""
        sentence = self.reading.sentence_tokens(clause.sentence)
        if not sentence:
            return []
        first = sentence[0].index
        at = clause.predicate - first
        window: list[Token] = []
        for step in (-1, 1):
            i = at + step
            while 0 <= i < len(sentence):
                token = sentence[i]
                if token.text in ",;:—–" or token.pos in ("VERB", "AUX"):
                    break
                window.append(token)
                i += step
        found: list[Defendant] = []
        for token in sorted(window, key=lambda t: t.index):
            person = self.finder.person_at(token)
            if person is None or any(d.person is person[2] for d in found):
                continue
            if token.feature("Case") not in excluded:
                found.append(Defendant(person[0], person[1], person[2]))
        if found:
            fired("verdicts.defendant_by_case")
        return found

    def _companions(self, clause: Clause, found: list[Defendant]) -> list[Defendant]:
        """ "X was sentenced to eight years, along with A, B and C": the companions too."""
        extra: list[Defendant] = []
        for argument in clause.role(OBLIQUE):
            marker = self._marker_token(argument)
            if marker is None:
                continue
            window = self.reading.tokens[max(marker - 2, 0) : marker + 1]
            if self.cues.companions.find(window):
                extra.extend(self.finder.under(argument.head, clause))
        return extra

    def _marker_token(self, argument: Argument) -> int | None:
        """The preposition that marks an oblique ("to" in "to 18 years", "с" in "вместе с")."""
        head = argument.head
        token = self.reading.tokens[head]
        if token.dep in ("pobj", "pcomp"):
            return token.head
        for child in self.reading.children(head):
            if self.reading.tokens[child].dep == "case":
                return child
        return None

    def _difference_before_term(self, terms: list[TermMention]) -> bool:
        for term in terms:
            before = self.reading.token_at(max(term.start - 2, 0))
            if before is not None and self.cues.difference_markers.has(before):
                return True
        return False

    def _elsewhere(self, clause: Clause, own: list[Token]) -> list[Span]:
        """Stretches of relative and coordinated clauses where no charge of this verdict opens,
        except what this clause reads as its own and a relative clause that says what the
        defendants were accused of ("пятерым сотрудникам, которых обвиняли в пытках")."""
        owned = {t.index for t in own}
        text = self.context.text
        spans: list[Span] = []
        for inner in self.reading.embedded(clause):
            if inner.kind not in ("relative", "coordinate"):
                continue
            whole = self._span_of(inner.predicate)
            if inner.kind == "relative" and self.cues.preceding_charge_openers.search(
                text, whole.start, whole.end
            ):
                continue
            spans.extend(
                Span(self.reading.tokens[i].start, self.reading.tokens[i].end)
                for i in self.reading.subtree(inner.predicate)
                if i not in owned
            )
        return spans

    def _names_someone(self, charge: str, region: Span) -> bool:
        text = self.context.text
        return any(
            text[m.start : m.end] in charge
            for m, _person in self.context.people_between(region.start, region.end)
        )

    def _set_off(self, clause: Clause) -> bool:
        """Whether a clause is set off by a comma or dash (", sentencing them to ...")."""
        first = self.reading.subtree(clause.predicate)[0]
        before = self.reading.tokens[first - 1] if first > 0 else None
        return before is not None and before.text in {",", "–", "—", "-", ";"}

    def _span_of(self, index: int) -> Span:
        tokens = self.reading.subtree(index)
        return Span(self.reading.tokens[tokens[0]].start, self.reading.tokens[tokens[-1]].end)

    def dates_in(self, tokens: list[Token], nominal: bool = False) -> list[DateMention]:
        """Dates that start in ``tokens``, except those a word relates to something else
        ("as amended until March 17", "held since May") and those that date a noun of the
        clause rather than its verb ("serving four years over the seizure of the airport in
        January 2022": the seizure's month)."""
        starts = {t.start for t in tokens}
        return [
            d
            for d in self._unrelated(d for d in self.context.dates if d.start in starts)
            if nominal or not self._dates_a_noun(d)
        ]

    def _dates_a_noun(self, date: DateMention) -> bool:
        """A date after the verb that hangs on a noun dates that noun, unless the noun is the
        trial or the verdict itself. One before the verb
        ("On July 15, a court in Shymkent sentenced ...") frames the whole clause, whatever
        the parser hung it on."""
        tokens = self.reading.tokens
        token = self.reading.token_at(date.start)
        clause = self._clause_at(token.index) if token is not None else None
        if token is None or clause is None or token.index < clause.predicate:
            return False
        current = token
        for _ in range(6):
            head = tokens[current.head]
            if head.index == current.index:
                return False
            inside = date.start <= head.start < date.end
            if not inside and head.pos in ("NOUN", "PROPN") and current.dep in _DATE_ON_NOUN:
                # the day of a trial or verdict is the verdict's ("after a trial in April")
                return not self.cues.proceedings_nouns.has(head)
            if not inside and head.pos in ("VERB", "AUX", "ADJ"):
                return False
            current = head
        return False

    def _unrelated(self, dates: Iterable[DateMention]) -> list[DateMention]:
        """The dates that can be a verdict's day: no word before relates them to something
        else ("until", "since", "до"), and none falls in the unrest itself, when no court sat
        ("over the seizure of the airport in January 2022" dates the offence)."""
        found = []
        for date in dates:
            token = self.reading.token_at(date.start)
            if token is None or _in_the_unrest(date):
                continue
            before = self.reading.tokens[max(token.index - 1, 0) : token.index]
            if not self.cues.relational_date_words.find(before):
                found.append(date)
        return found

    def _clause_at(self, index: int) -> Clause | None:
        """The clause that owns token ``index``."""
        owner = self.reading.owner(index)
        return self.reading.clauses[owner] if owner >= 0 else None

    def _statistic(self, clause: Clause, defendants: list[Defendant]) -> bool:
        """Court statistics: a large or hedged unnamed count, or one the sentence breaks down."""
        groups = [d for d in defendants if d.person is None and not d.back]
        if not groups:
            return False
        if any(d.hedged or d.count > self.cues.largest_trial_group for d in groups):
            return True
        sentence = self.reading.sentence_tokens(clause.sentence)
        return bool(self.cues.statistics.find(sentence)) and all(d.count > 1 for d in groups)

    @staticmethod
    def _tally(verdict: VerdictClause) -> bool:
        """A count of people found guilty with nothing of a trial about it (no penalty,
        charge, court, place or day: "осуждены 57 человек") is a tally, not a verdict."""
        groups = [d for d in verdict.defendants if d.person is None and not d.back]
        if (
            not groups
            or len(groups) != len(verdict.defendants)
            or all(d.count == 1 for d in groups)
        ):
            return False
        bare = not (verdict.charges or verdict.court or verdict.city or verdict.date)
        return verdict.outcome == "convicted" and not verdict.terms and bare

    def _city(self, own: list[Token], charges_at: int) -> str | None:
        """The city of the first place named before the charges (else within them)."""
        starts = {t.start for t in own}
        cities = []
        for e in self.context.entities:
            if e.kind != "place" or e.start not in starts:
                continue
            city = self.context.lexicon.city_of(e.canonical or e.normal or e.text)
            if city:
                cities.append((e.start >= charges_at, e.start, city))
        return min(cities)[2] if cities else None

    def _only_city(self, sentence: int) -> str | None:
        """The city of the sentence when it names exactly one ("the proceedings that ended in
        the city of Taldykorgan saw three defendants sentenced ...")."""
        if sentence < 0:
            return None
        tokens = self.reading.sentence_tokens(sentence)
        if not tokens:
            return None
        cities = {
            city
            for e in self.context.entities
            if e.kind == "place" and tokens[0].start <= e.start < tokens[-1].end
            for city in [self.context.lexicon.city_of(e.canonical or e.normal or e.text)]
            if city
        }
        return cities.pop() if len(cities) == 1 else None

    def _court(self, own: list[Token]) -> str | None:
        starts = {t.start for t in own}
        for e in self.context.entities:
            if e.kind == "organization" and e.start in starts:
                name = e.canonical or e.normal or e.text
                if any(w in name.lower() for w in ("court", "суд")):
                    return name
        return None


#: Relations by which a date (or its preposition) hangs on a noun it dates.
_DATE_ON_NOUN = frozenset({"prep", "pobj", "nmod", "obl", "npadvmod", "compound", "appos"})
#: Relations under which a parser leaves a name it could not place.
_LOOSE = frozenset({"npadvmod", "appos", "dep", "obl:npmod", "parataxis"})


@cache
def _unrest_end() -> str:
    """The last day of the case's core period (codebook ``case.period``): no court sat then."""
    return str(setting("case")["period"]["end"])


def _in_the_unrest(date: DateMention) -> bool:
    """Whether the date lies within the unrest (or before it): no verdict of the case then."""
    return date.value is not None and date.value[:10] <= _unrest_end()


def _progressive(reading: Reading, token: Token) -> bool:
    """ "is serving", "are serving": the present progressive, a sentence being served."""
    if token.feature("Aspect") == "Prog" or token.feature("Tense") == "Pres":
        return (
            any(
                reading.tokens[c].lemma == "be" and reading.tokens[c].feature("Tense") == "Pres"
                for c in reading.children(token.index)
            )
            or token.feature("Aspect") == "Imp"
        )
    return False


def _pick_date(dates: list[DateMention], charges: Span) -> DateMention | None:
    """The verdict's own date: one before the charges, else one right after them.

    A date further into or after the charges dates the offence ("on charges of treason over
    ... unrest in January 2022"); one that ends the charge phrase ("for stealing weapons on
    July 11") is how reporters attach the verdict's day.
    """
    usable = sorted((d for d in dates if d.value), key=lambda d: d.relative)
    before = [d for d in usable if d.start < charges.start]
    closing = [
        d for d in usable if charges.end <= d.start <= charges.end + 4 and d.precision == "day"
    ]
    chosen = before or closing
    return chosen[0] if chosen else None
