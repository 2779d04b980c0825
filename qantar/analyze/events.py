"""Events compared across documents: which reports tell of one happening, and on which day.

Two event reports from different documents are taken to tell of one *happening* when
- their types are of one family (``codebook.yml``: an arrest and a detention of one person are
  one happening told two ways),
- they name the same participants: one person in common for a type whose subject is a person
  (an arrest, a resignation), two people or bodies in common for the others (Tokayev and the
  CSTO for the request for troops: statements by one man are too many to match on him alone),
- and their dates are at most ``case.same_event_days`` apart (a man arrested in January and
  again in October was arrested twice).

Reports of one happening whose dates do not meet are a date **conflict**: Masimov's arrest
on 6 January in one article and on 7 January in another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from qantar.analyze.corpus import Corpus, Report
from qantar.analyze.findings import Finding, Side, agreeing_groups
from qantar.analyze.names import record_names
from qantar.analyze.periods import apart, gap_days, interval, same_event_window, show_date
from qantar.codebook import label, load_codebook
from qantar.dates import Interval

PARTICIPANT_FIELDS = ("actors", "person")
SHARED_PARTICIPANTS = 2
"""Participants two reports of a type without a person subject must share."""


@dataclass(frozen=True)
class Account:
    """One event report with what identifies its happening."""

    report: Report
    family: str
    participants: tuple[str, ...]
    """Entity keys of everyone the report names (:mod:`.names`)."""
    date: Interval

    @property
    def type(self) -> str:
        return str(self.report.record.get("type"))

    @property
    def shown_date(self) -> str:
        return show_date(self.report.record.get("date"))


@cache
def _families() -> dict[str, tuple[str, bool]]:
    """Per event type: its family and whether its subject is a person."""
    return {
        code: (str(spec.extra.get("family", code)), spec.extra.get("subject") == "person")
        for code, spec in load_codebook()["event_types"].items()
    }


def accounts(corpus: Corpus) -> list[Account]:
    """Every dated event report as an :class:`Account`."""
    found = []
    for report in corpus.reports("event"):
        when = interval(report.record.get("date"))
        kind = report.record.get("type")
        if when is None or kind not in _families():
            continue
        names = record_names(report.record, PARTICIPANT_FIELDS)
        found.append(
            Account(
                report, _families()[kind][0], tuple(corpus.names.keys(report.doc_id, names)), when
            )
        )
    return found


def same_happening(corpus: Corpus, a: Account, b: Account) -> bool:
    """Whether two accounts from different documents tell of one happening."""
    if a.report.doc_id == b.report.doc_id or a.family != b.family:
        return False
    if gap_days(a.date, b.date) > same_event_window().days:
        return False
    shared = set(a.participants) & set(b.participants)
    person_subject = _families()[a.type][1] and _families()[b.type][1]
    if person_subject:
        return any(corpus.names.is_person(key) for key in shared)
    return len(shared) >= SHARED_PARTICIPANTS


def happenings(corpus: Corpus) -> list[list[Account]]:
    """Accounts grouped into happenings (an account alone is a happening of its own)."""
    found = accounts(corpus)
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Each happening's documents: a join that would give one document two accounts of one
    # happening is refused, so matching through a third article never makes an article
    # contradict itself (detained on the 6th, arrested on the 8th, and another report).
    documents = [{account.report.doc_id} for account in found]
    holders: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, account in enumerate(found):
        for key in account.participants:
            holders[(account.family, key)].append(i)
    for members in holders.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                a, b = root(i), root(j)
                if a == b or documents[a] & documents[b]:
                    continue
                if same_happening(corpus, found[i], found[j]):
                    keep, gone = min(a, b), max(a, b)
                    parent[gone] = keep
                    documents[keep] |= documents[gone]
    groups: dict[int, list[Account]] = defaultdict(list)
    for i, account in enumerate(found):
        groups[root(i)].append(account)
    return [sorted(g, key=lambda a: (a.date, a.report.doc_name)) for g in groups.values()]


def date_sides(happening: list[Account]) -> list[list[Account]]:
    """A happening's accounts in groups whose dates meet (one group: no disagreement)."""
    return agreeing_groups(happening, lambda a, b: not apart(a.date, b.date))


def subject(corpus: Corpus, happening: list[Account]) -> str:
    """A happening as a reader names it: "Arrest: Karim Massimov"."""
    types = Counter(account.type for account in happening)
    kinds = " or ".join(label("event_types", t) for t, _ in types.most_common())
    named = Counter(key for account in happening for key in account.participants)
    everyone = len({a.report.doc_id for a in happening})
    common = [key for key, n in named.most_common() if n >= min(2, everyone)]
    people = [corpus.names.label(key) for key in common[:3]]
    return f"{kinds}: {', '.join(people)}" if people else kinds


def event_findings(corpus: Corpus) -> list[Finding]:
    """A date conflict for every happening whose reports give days that do not meet."""
    findings = []
    for happening in happenings(corpus):
        sides = date_sides(happening)
        if len(sides) > 1:
            findings.append(_finding(subject(corpus, happening), sides))
    return findings


def _finding(about: str, sides: list[list[Account]]) -> Finding:
    told = "; ".join(
        f"{', '.join(sorted({a.report.label() for a in side}))} date it {side[0].shown_date}"
        for side in sides
    )
    days = max(gap_days(a.date, b.date) for a in sides[0] for side in sides[1:] for b in side)
    reason = (
        f"{about}: {told}. The reports tell of the same kind of happening and name the same "
        f"participants, up to {days} day{'s' * (days != 1)} apart, so they cannot all be right."
    )
    found = [Side(side[0].shown_date, [a.report for a in side]) for side in sides]
    return Finding("conflict", "event", about, "date", found, reason)
