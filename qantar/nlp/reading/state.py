"""What a reader carries from one sentence to the next, each with an explicit, short reach.

News spreads one fact over several sentences: the lead names the court and the day, the next
paragraph lists the defendants, a third gives "She was given five years". A reader keeps what
the text has established so far (the trial under discussion, who is speaking, the head count
being broken down, the day being narrated) and a later sentence may use it, but only while it
is near: every held value remembers the paragraph it was set in and answers only within its
``reach`` of paragraphs, so a date from the top of a long article never dates a verdict at its
bottom. The reaches are named constants, so a change of policy is one edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from qantar.nlp.normalize.dates import DateMention

T = TypeVar("T")

#: How many paragraphs after the one it was set in a held value still answers.
TRIAL_REACH = 2
SPEAKER_REACH = 1
HEAD_COUNT_REACH = 1
NARRATIVE_DATE_REACH = 1


@dataclass
class Held(Generic[T]):
    """A value the text established in paragraph ``paragraph``, usable within ``reach``."""

    reach: int
    value: T | None = None
    paragraph: int = -1

    def set(self, value: T | None, paragraph: int) -> None:
        self.value, self.paragraph = value, paragraph

    def get(self, paragraph: int) -> T | None:
        """The value, if it was set at most ``reach`` paragraphs before ``paragraph``."""
        if self.value is None or not 0 <= paragraph - self.paragraph <= self.reach:
            return None
        return self.value


@dataclass
class Trial:
    """The trial a passage is about: where, when, by which court, and who stood trial.

    ``defendants`` are the keys the verdict reader gives its drafts (a person, or an unnamed
    group), in the order the text named them; ``charges`` are what the trial is about, for a
    later "the same crime".
    """

    court: str | None = None
    city: str | None = None
    date: DateMention | None = None
    defendants: list[Any] = field(default_factory=list)
    charges: list[str] = field(default_factory=list)


@dataclass
class DocumentState:
    """The reader's memory of one document (see the module docstring)."""

    trial: Held[Trial] = field(default_factory=lambda: Held[Trial](TRIAL_REACH))
    speaker: Held[str] = field(default_factory=lambda: Held[str](SPEAKER_REACH))
    """The person or body whose words the text is giving ("the ministry said: ...")."""
    head_count: Held[tuple[str, float]] = field(
        default_factory=lambda: Held[tuple[str, float]](HEAD_COUNT_REACH)
    )
    """The last total being broken down: (what was counted, the number)."""
    narrative_date: Held[DateMention] = field(
        default_factory=lambda: Held[DateMention](NARRATIVE_DATE_REACH)
    )
    """The day the text is narrating (a dated lead, or a list line's leading date)."""

    def new_trial(self, paragraph: int) -> Trial:
        trial = Trial()
        self.trial.set(trial, paragraph)
        return trial
