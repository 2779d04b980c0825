"""A per-document budget of work, so one hostile or runaway article cannot stall a build.

Limits are in units of work that do not depend on the machine: characters before annotation,
tokens after it, and candidate pairs (a name or number weighed against a cue it may belong to)
while extracting. A serial and a parallel build therefore refuse exactly the same documents.
Wall-clock time is checked too, at the same points, but only as a last-resort guard set well
above what any real article needs.

Extractors spend from the budget of the document they read (``context.budget.spend(n, what)``)
wherever their work grows faster than the text; the pipeline checks the text and token limits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from qantar.exceptions import ExtractionRefused
from qantar.settings import Settings


@dataclass
class Budget:
    """The work one document may still do; raises :class:`ExtractionRefused` when it is spent."""

    document: str
    """The document's name, for the message."""
    max_chars: int
    max_tokens: int
    max_pairs: int
    timeout: float
    """Seconds; 0 disables the guard."""
    pairs: int = 0
    """Candidate pairs spent so far."""
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def for_document(cls, name: str, settings: Settings) -> Budget:
        return cls(
            name,
            settings.max_document_chars,
            settings.max_document_tokens,
            settings.max_candidate_pairs,
            settings.extract_timeout,
        )

    @classmethod
    def unlimited(cls, name: str = "") -> Budget:
        """No limits at all (code that builds a context by hand, benchmarks)."""
        return cls(name, 0, 0, 0, 0)

    def check_text(self, chars: int) -> None:
        """Refuse a text longer than the character limit, before any model sees it."""
        if self.max_chars and chars > self.max_chars:
            self._refuse(
                f"the text has {chars:,} characters, more than the limit of {self.max_chars:,}; "
                "split the article or raise QANTAR_MAX_DOCUMENT_CHARS"
            )

    def check_tokens(self, tokens: int) -> None:
        """Refuse an annotated text with more tokens than the limit."""
        if self.max_tokens and tokens > self.max_tokens:
            self._refuse(
                f"the text has {tokens:,} words and marks, more than the limit of "
                f"{self.max_tokens:,}; split the article or raise QANTAR_MAX_DOCUMENT_TOKENS"
            )
        self.check_time()

    def spend(self, pairs: int, what: str) -> None:
        """Spend ``pairs`` candidate pairs on ``what`` ("names x cues"); refuse past the limit."""
        self.pairs += pairs
        if self.max_pairs and self.pairs > self.max_pairs:
            self._refuse(
                f"reading it would weigh more than {self.max_pairs:,} candidate pairs "
                f"({what}); it is probably not an article (a list or a repeated block). "
                "Raise QANTAR_MAX_CANDIDATE_PAIRS to read it anyway"
            )
        self.check_time()

    def check_time(self) -> None:
        """The last-resort guard: refuse once the document has run past the timeout."""
        elapsed = time.monotonic() - self.started
        if self.timeout and elapsed > self.timeout:
            self._refuse(
                f"extraction ran for {elapsed:.0f} s, past the limit of {self.timeout:g} s; "
                "raise QANTAR_EXTRACT_TIMEOUT if the article is genuine"
            )

    def _refuse(self, reason: str) -> None:
        raise ExtractionRefused(self.document, reason)
