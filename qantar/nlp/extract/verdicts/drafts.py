"""From clauses to one verdict per defendant: how an article's sentences add up.

News spreads one verdict over several sentences: "On July 11, a journalist and four activists
were sentenced to four to eight years" (date, range, group), then "Nurpeisov was sentenced to
eight years, along with A, B and C" (names and terms), then "None of them pleaded guilty"
(plea). The rules, in order:

1. A person's clauses merge into one draft: the first specific term wins over a shared range
   (which leaves the term null), a ban next to another outcome is an extra penalty, charges add
   up, and an appeal ("upheld", "reduced") annotates the draft instead of adding a conviction.
2. Terms are spread over defendants: one term to all, a "respectively" list in order, a range
   to none.
3. A definite group ("those five protesters") is the people the article lists elsewhere in one
   sentence, when exactly that many are listed.
4. An unnamed group ("three people") that is later named one by one is absorbed by those
   names, which inherit its date, place and charges.
5. A verdict still without a date takes the date of a nearby sentence about the verdicts ("On
   July 11, the judge read the verdicts"), at most two paragraphs away; never from further.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qantar.nlp.extract.verdicts.clauses import VerdictClause
from qantar.nlp.extract.verdicts.defendants import Defendant
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.within_document import PersonCluster

#: The outcome of a conviction without a stated penalty; any penalty read later replaces it.
CONVICTED = "convicted"
#: How many paragraphs away a nearby verdict date or a list of names may stand.
DATE_REACH = 2
LIST_REACH = 3


@dataclass
class Draft:
    """A verdict being assembled for one defendant or unnamed group."""

    person: PersonCluster | None
    count: int
    outcome: str
    clause: VerdictClause
    term_months: int | None = None
    term_range: tuple[int, int] | None = None
    extra_outcomes: list[str] = field(default_factory=list)
    charges: list[str] = field(default_factory=list)
    date: DateMention | None = None
    city: str | None = None
    court: str | None = None
    pleaded_guilty: bool | None = None
    appeal: dict[str, object] | None = None
    definite: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)

    def fill_from(self, clause: VerdictClause, charges: list[str]) -> None:
        """Take what this draft lacks from another clause about the same verdict."""
        self.date = self.date or clause.date
        self.city = self.city or clause.city
        self.court = self.court or clause.court
        for charge in charges:
            if charge not in self.charges:
                self.charges.append(charge)
        if self.pleaded_guilty is None:
            self.pleaded_guilty = clause.pleaded_guilty


@dataclass(frozen=True)
class Terms:
    """The term one defendant gets from a clause."""

    months: int | None
    low_high: tuple[int, int] | None


def spread_terms(clause: VerdictClause, defendants: list[Defendant]) -> list[Terms]:
    """One :class:`Terms` per defendant, in order (rule 2)."""
    n = len(defendants)
    lists = [t for t in clause.terms if t.each]
    singles = [t for t in clause.terms if t.months is not None]
    ranges = [t for t in clause.terms if t.low is not None and t.high is not None]
    if lists and len(lists[0].each) == n:
        return [Terms(m, None) for m in lists[0].each]
    if len(singles) == 1 and not ranges:
        return [Terms(singles[0].months, None)] * n
    if len(singles) > 1:  # "X for eight years, and Y for four": the term that follows each
        following = [next((t for t in singles if t.start >= d.end), None) for d in defendants]
        return [Terms(t.months if t else None, None) for t in following]
    if ranges:
        low, high = ranges[0].low, ranges[0].high
        assert low is not None and high is not None
        return [Terms(None, (low, high))] * n
    return [Terms(None, None)] * n


def merge(
    draft: Draft, clause: VerdictClause, outcome: str, terms: Terms, charges: list[str]
) -> None:
    """Fold another clause about the same defendant into the draft (rule 1).

    An appeal annotates the verdict it is about. When the article reports only the appeal
    ("the appeals court upheld X's ten-year sentence"), the verdict's outcome, term and charges
    are read from it, but its date and court stay unknown: they are the appeal's.
    """
    if clause.appeal:
        new_term = terms.months if clause.appeal == "changed" else None
        if new_term is not None and clause.difference:  # "reduced by three years"
            base = draft.term_months
            sign = 1 if clause.lengthened else -1
            new_term = base + sign * new_term if base is not None else None
        draft.appeal = {
            "status": clause.appeal,
            "term_months": new_term,
            "date": clause.date.value if clause.date else None,
            "court": clause.court,
        }
        if draft.clause is clause and clause.appeal == "upheld":
            draft.term_months = terms.months
            draft.term_range = terms.low_high
            draft.charges = list(charges)
        return
    if clause.extra_outcomes:  # "nine years in prison and a ban from holding office"
        draft.extra_outcomes = sorted({*draft.extra_outcomes, *clause.extra_outcomes})
    if draft.outcome == CONVICTED and outcome not in (CONVICTED, "ban"):
        draft.outcome = outcome  # "found guilty ... and sentenced to eight years"
    elif outcome == "ban" and draft.outcome != "ban":
        draft.extra_outcomes = sorted({*draft.extra_outcomes, "ban"})
    elif draft.outcome == "ban" and outcome != "ban":
        draft.outcome, draft.extra_outcomes = outcome, sorted({*draft.extra_outcomes, "ban"})
    elif draft.outcome == "prison" and outcome == "suspended" and terms.months is None:
        draft.outcome = outcome  # "... eight years" then "the term is suspended"
    if draft.term_months is None and terms.months is not None:
        draft.term_months, draft.term_range = terms.months, None
    elif draft.term_months is None and draft.term_range is None:
        draft.term_range = terms.low_high
    draft.fill_from(clause, charges)


def absorb_groups(drafts: list[Draft]) -> list[Draft]:
    """Drop unnamed groups that the article goes on to name one by one (rule 4): "a court
    sentenced three people" and then three named verdicts of a compatible outcome."""
    kept = []
    for group in drafts:
        if group.person is not None or group.definite:
            kept.append(group)
            continue
        named = [
            d
            for d in drafts
            if d.person is not None
            and d.clause.span.start > group.clause.span.start
            and (0 <= d.clause.paragraph - group.clause.paragraph <= LIST_REACH or d.date is None)
            and (d.outcome == group.outcome or group.outcome == CONVICTED)
            and _within(d.term_months, group.term_range)
        ]
        # "... and one more defendant was acquitted": a single unnamed one told beside names
        single = [
            d
            for d in drafts
            if d.person is None
            and d is not group
            and d.count == 1
            and d.clause.span.start > group.clause.span.start
            and 0 <= d.clause.paragraph - group.clause.paragraph <= LIST_REACH
        ]
        if not named or len(named) + len(single) < group.count:
            kept.append(group)
            continue
        for draft in named[: group.count]:
            draft.fill_from(group.clause, group.charges)
            draft.spans.extend(group.spans)  # "three people" mentions them too
    return kept


def _within(months: int | None, term_range: tuple[int, int] | None) -> bool:
    if months is None or term_range is None:
        return True
    return term_range[0] <= months <= term_range[1]


def nearby_date(paragraph: int, anchors: list[tuple[int, DateMention]]) -> DateMention | None:
    """The date of the nearest sentence about the verdicts, within reach (rule 5)."""
    near = [(abs(p - paragraph), p > paragraph, d) for p, d in anchors]
    near = [n for n in near if n[0] <= DATE_REACH]
    if not near:
        return None
    return min(near, key=lambda n: (n[0], n[1], n[2].start))[2]


def merge_retold_groups(drafts: list[Draft]) -> list[Draft]:
    """One trial told twice (in the lead, then in detail) is one set of records: two unnamed
    groups of the same size whose outcomes, terms and cities do not disagree are one group."""
    kept: list[Draft] = []
    for draft in drafts:
        same = next((k for k in kept if _retold(k, draft)), None)
        if same is None:
            kept.append(draft)
            continue
        if same.outcome == CONVICTED:
            same.outcome = draft.outcome
        if same.term_months is None:
            same.term_months = draft.term_months
            same.term_range = same.term_range if same.term_months else draft.term_range
        same.fill_from(draft.clause, draft.charges)
        same.spans.extend(draft.spans)
    return kept


def _retold(a: Draft, b: Draft) -> bool:
    if a.person is not None or b.person is not None or a.count != b.count:
        return False
    if a.outcome != b.outcome and CONVICTED not in (a.outcome, b.outcome):
        return False
    if a.term_months and b.term_months and a.term_months != b.term_months:
        return False
    return not (a.city and b.city and a.city != b.city)
