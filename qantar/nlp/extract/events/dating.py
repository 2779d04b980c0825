"""The dates a clause gives its happening, read from the clause's own tokens.

"X, who was arrested in May, was sentenced on July 11": the arrest owns "in May" and the verdict
"July 11", because each clause owns only its tokens and not those of the clauses embedded in it
(:meth:`qantar.nlp.reading.document.Reading.own_tokens`). On top of that:

- a page's machine stamps are no day of the story: an ISO date ("date 2022-01-08") or a date
  followed by a clock time ("Modified 30 марта, 08:22", "9 March 2023, 13:53");
- a date after a limit word is a limit or a tenure, not a day ("until 19 January", "since
  2015", "до 19 января");
- in "The prosecutor said in early January 2023 that ...", the parser may hang the date on the
  content clause; a date before the complementizer ("that", "что") is the saying's, and the
  content keeps only the dates after it;
- a clause hung on a date ("in January 2022, when protests erupted", "в январе 2022 года, когда
  вспыхнули протесты") is dated by it;
- a date on a noun after a concurrency word ("detained during the mass riots in January
  2022") dates the clause as well, since "during" makes the two happen together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from qantar.nlp.annotate.types import Token
from qantar.nlp.context import DocumentContext
from qantar.nlp.extract.events.cues import EventCues
from qantar.nlp.normalize.dates import DateMention
from qantar.nlp.reading.types import Clause

#: A machine date: the ISO form no reporter writes in prose.
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A clock time right after a date: the date is a page's time stamp.
_CLOCK = re.compile(r"\s*[,|·-]?\s*(?:в\s+)?\d{1,2}:\d{2}")
#: Words that introduce what a speech verb says.
_COMPLEMENTIZERS = frozenset({"that", "что", "чтобы", ":"})


def story_dates(context: DocumentContext) -> list[DateMention]:
    """The document's resolved dates that can be a day of the story (no page stamps)."""
    text = context.text
    return [
        d
        for d in context.dates
        if d.value and not _ISO.fullmatch(d.text.strip()) and not _CLOCK.match(text, d.end)
    ]


def date_value(mention: DateMention) -> str | dict[str, str] | None:
    """The SCHEMA.md form of a date: an ISO string, or a start/end span."""
    if mention.value and mention.end_value:
        return {"start": mention.value, "end": mention.end_value}
    return mention.value


class ClauseDates:
    """Reads the dates of clauses in one document (see the module docstring)."""

    def __init__(self, context: DocumentContext, cues: EventCues) -> None:
        self.context = context
        self.reading = context.reading
        self.cues = cues
        self.dates = story_dates(context)
        self._by_start = {d.start: d for d in self.dates}

    def in_tokens(self, tokens: Iterable[Token]) -> list[DateMention]:
        """Dates that start at one of ``tokens``, limits and tenures left out."""
        starts = {t.start for t in tokens}
        found = [d for d in self.dates if d.start in starts]
        return [d for d in found if not self._limited(d)]

    def _limited(self, date: DateMention) -> bool:
        """Whether a limit word stands right before the date ("until the 19th", "до 19")."""
        token = self.reading.token_at(date.start)
        if token is None:
            return True
        before = [
            t
            for t in self.reading.tokens[max(token.index - 4, 0) : token.index]
            if t.sentence == token.sentence
        ]
        while before and before[-1].pos == "DET":
            before.pop()  # "until the 19th"
        for at in range(len(before)):
            hit = self.cues.limits.match_at(before, at)
            if hit is not None and hit.last == before[-1].index:
                return True
        return False

    def own(self, clause: Clause) -> list[DateMention]:
        """The clause's own dates (see the module docstring)."""
        tokens = [t for t in self.reading.own_tokens(clause) if t.index not in self._spilt(clause)]
        for inner in self.reading.embedded(clause):
            tokens += [self.reading.tokens[i] for i in self._spilt(inner)]
            if inner.kind == "complement" and inner.reported:
                tokens += self._before_complementizer(inner)
        cut = set()
        if clause.reported and clause.parent is not None:
            cut = {t.index for t in self._before_complementizer(clause)}
        found = self.in_tokens(t for t in tokens if t.index not in cut)
        found += self._concurrent(clause)
        hung = self._hung_on_date(clause)
        if hung is not None:
            found.append(hung)
        return sorted({d.start: d for d in found}.values(), key=lambda d: d.start)

    def _spilt(self, clause: Clause) -> set[int]:
        """Tokens a participle or gerund clause owns before the comma that opens it: the parser
        hung them on the clause, but they are its parent's ("попросил о помощи вечером 5
        января, назвав ...": the evening is the asking's)."""
        if clause.kind not in ("adverbial", "modifier") or clause.parent is None:
            return set()
        parent = self.reading.clauses[clause.parent]
        own = self.reading.own_tokens(clause)
        commas = [t.index for t in own if t.text == "," and t.index < clause.predicate]
        if not commas or clause.predicate < parent.predicate:
            return set()
        return {t.index for t in own if parent.predicate < t.index < commas[-1]}

    def _said_content(self, clause: Clause) -> list[Clause]:
        return [c for c in self.reading.embedded(clause) if c.kind == "complement" and c.reported]

    def _before_complementizer(self, clause: Clause) -> list[Token]:
        """A content clause's own tokens before its "that"/"что", if it has one."""
        own = self.reading.own_tokens(clause)
        marks = [
            t for t in own if t.text.lower() in _COMPLEMENTIZERS and t.index < clause.predicate
        ]
        if not marks:
            return []
        return [t for t in own if t.index < marks[-1].index]

    def _concurrent(self, clause: Clause) -> list[DateMention]:
        """Dates on a noun the clause puts itself during ("during the riots in January 2022")."""
        found: list[DateMention] = []
        own = self.reading.own_tokens(clause)
        for at in range(len(own)):
            hit = self.cues.concurrent.match_at(own, at)
            if hit is None:
                continue
            after = [t for t in own if t.index > hit.last]
            if not after:
                continue
            phrase = [self.reading.tokens[i] for i in self.reading.subtree(after[0].index)]
            found += [d for d in self.in_tokens(phrase) if d not in found]
        return found

    def _hung_on_date(self, clause: Clause) -> DateMention | None:
        """The date a "when" clause tells of: the one it hangs on ("in January 2022, when
        ..."), or the one right before its "when" ("until 5 January, when ...")."""
        if clause.kind not in ("relative", "adverbial", "modifier", "coordinate"):
            return None
        tokens = self.reading.tokens
        head = tokens[tokens[clause.predicate].head]
        if clause.kind != "coordinate":
            for date in self.dates:
                if date.start <= head.start < date.end and head.sentence == clause.sentence:
                    return None if self._limited(date) else date
        own = self.reading.own_tokens(clause)
        opener = next((t for t in own if self.cues.when_words.match_at([t], 0)), None)
        if opener is None:
            return None
        for date in self.dates:
            gap = self.context.text[date.end : opener.start]
            if date.end <= opener.start and not gap.strip(" ,"):
                return date
        return None

    def fronted(self, clause: Clause) -> list[DateMention]:
        """The dates of an unreported adverbial clause before the predicate, which frames
        the sentence ("Выступая 11 января в мажилисе, Токаев объявил ...")."""
        found: list[DateMention] = []
        for inner in self.reading.embedded(clause):
            if (
                inner.kind == "adverbial"
                and inner.predicate < clause.predicate
                and not inner.reported
            ):
                found += self.own(inner)
        return found


def nearest(dates: Sequence[DateMention], offset: int) -> DateMention | None:
    """The date nearest ``offset``; on a tie, the one before it."""
    if not dates:
        return None
    return min(dates, key=lambda d: (min(abs(d.start - offset), abs(d.end - offset)), d.start))
