"""Is this the same person? A score with its reasons, for one pair of name spellings.

Each feature (surname, given name, gender, word order) says whether the two spellings agree,
in words a reviewer can check, and what that agreement is worth. The weights are chosen so
that a pair reaches :data:`MERGE_SCORE` only when the surname agrees *and* the given names
agree (or one side gives none): "Karim Masimov" = "Karim Massimov" (1.00), "Aigerim
Tleuzhanova" = "Aigerim Tleuzhan" (0.90), "K. Masimov" = "Karim Masimov" (0.90), while
"Almas Kaisar" and "Almaz Kumenov" share nothing and are never compared at all (see
:mod:`qantar.resolve.blocking`). A *conflict* (different given names, different genders with
nothing else to go on) means the two can never be one person automatically; only a reviewer's
judgement merges them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler, Levenshtein

from qantar.names import SURNAME_SIMILARITY
from qantar.resolve.person_names import PersonName

MERGE_SCORE = 0.85
"""Pairs scoring at least this are merged without a reviewer."""
SURNAME_EDITS = 1
"""At most this many letters may differ between two similar surname stems (or given names):
Jaro-Winkler alone rates long names with a shared start too close (Kairbekasov and Kairbekenov
are two families)."""
GIVEN_SIMILARITY = 0.92
"""Jaro-Winkler similarity of two given names above which they are one spelling (Almas / Almaz)."""

SURNAME_WEIGHTS = {"same": 0.6, "same stem": 0.5, "similar": 0.45}
GIVEN_WEIGHTS = {
    "same": 0.4,
    "first name same": 0.35,
    "similar": 0.3,
    "initials agree": 0.3,
    "one side has none": 0.25,
    "neither has one": 0.25,
}
ORDER_PENALTY = 0.05
"""Taken off when the names match only with one read surname first."""


@dataclass(frozen=True)
class Feature:
    """One reason for or against a match: what was compared, how it came out, what it adds."""

    name: str
    outcome: str
    detail: str
    weight: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "feature": self.name,
            "outcome": self.outcome,
            "detail": self.detail,
            "weight": self.weight,
        }


@dataclass(frozen=True)
class Match:
    """The comparison of two spellings: score, reasons, and a conflict if there is one."""

    left: str
    right: str
    score: float
    features: tuple[Feature, ...]
    conflict: str | None = None

    @property
    def merges(self) -> bool:
        return self.conflict is None and self.score >= MERGE_SCORE

    def explain(self) -> str:
        """The reasons in one line, e.g. ``surname same (masimov); given name same (karim)``."""
        reasons = "; ".join(f"{f.name} {f.outcome} ({f.detail})" for f in self.features)
        verdict = f"kept apart: {self.conflict}" if self.conflict else f"score {self.score:.2f}"
        return f"{reasons} -> {verdict}"


def _surname(a: PersonName, b: PersonName) -> Feature | None:
    if a.surname == b.surname:
        return Feature("surname", "same", a.surname, SURNAME_WEIGHTS["same"])
    if a.stem == b.stem:
        detail = f"{a.surname} / {b.surname}, stem {a.stem}"
        return Feature("surname", "same stem", detail, SURNAME_WEIGHTS["same stem"])
    if (
        a.stem[:1] == b.stem[:1]
        and min(len(a.stem), len(b.stem)) >= 5
        and Levenshtein.distance(a.stem, b.stem, score_cutoff=SURNAME_EDITS) <= SURNAME_EDITS
    ):
        similarity = JaroWinkler.similarity(a.stem, b.stem)
        if similarity >= SURNAME_SIMILARITY:
            detail = f"{a.surname} / {b.surname}, Jaro-Winkler {similarity:.2f}"
            return Feature("surname", "similar", detail, SURNAME_WEIGHTS["similar"])
    return None


def _initials_agree(a: PersonName, b: PersonName) -> bool:
    """The initials agree as far as both go (K. = Karim; К.К. = Karim, the second initial
    being a patronymic that English spellings drop)."""
    return all(i == f for i, f in zip(a.initials, b.initials, strict=False))


def _given(a: PersonName, b: PersonName) -> Feature:
    left, right = " ".join(a.given), " ".join(b.given)
    if not a.initials and not b.initials:
        return Feature(
            "given name", "neither has one", "surname only", GIVEN_WEIGHTS["neither has one"]
        )
    if not a.initials or not b.initials:
        return Feature(
            "given name", "one side has none", left or right, GIVEN_WEIGHTS["one side has none"]
        )
    if a.given and b.given:
        if "".join(a.given) == "".join(b.given):
            return Feature("given name", "same", left, GIVEN_WEIGHTS["same"])
        if a.given[0] == b.given[0] or _compound_prefix(a.given[0], b.given[0]):
            detail = f"{left} / {right}"
            return Feature(
                "given name", "first name same", detail, GIVEN_WEIGHTS["first name same"]
            )
        left_joined, right_joined = "".join(a.given), "".join(b.given)
        similarity = JaroWinkler.similarity(left_joined, right_joined)
        edits = Levenshtein.distance(left_joined, right_joined, score_cutoff=SURNAME_EDITS)
        if similarity >= GIVEN_SIMILARITY and edits <= SURNAME_EDITS:
            detail = f"{left} / {right}, Jaro-Winkler {similarity:.2f}"
            return Feature("given name", "similar", detail, GIVEN_WEIGHTS["similar"])
        return Feature("given name", "differ", f"{left} / {right}")
    if _initials_agree(a, b):
        detail = f"{'.'.join(a.initials)} / {'.'.join(b.initials)}"
        return Feature("given name", "initials agree", detail, GIVEN_WEIGHTS["initials agree"])
    return Feature("given name", "differ", f"{'.'.join(a.initials)} / {'.'.join(b.initials)}")


def _compound_prefix(a: str, b: str) -> bool:
    """One given name is the first part of the other's compound (Kassym / Kassym-Jomart)."""
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short)


def _compare(a: PersonName, b: PersonName) -> Match:
    surname = _surname(a, b)
    if surname is None:
        feature = Feature("surname", "differ", f"{a.surname} / {b.surname}")
        return Match(a.text, b.text, 0.0, (feature,), "surnames differ")
    given = _given(a, b)
    features = [surname, given]
    conflict = None
    if given.outcome == "differ":
        conflict = "given names differ"
    if a.gender and b.gender and a.gender != b.gender:
        detail = f"{a.surname} / {b.surname}"
        features.append(Feature("gender", "differ", detail))
        if given.outcome != "same":
            conflict = conflict or "surname forms are of different genders"
    score = 0.0 if conflict else round(surname.weight + given.weight, 4)
    return Match(a.text, b.text, score, tuple(features), conflict)


@lru_cache(maxsize=500_000)
def compare_names(a: PersonName, b: PersonName) -> Match:
    """Compare two parsed spellings, trying surname-first readings of two-word names too."""
    best = _compare(a, b)
    if best.merges or best.conflict != "surnames differ":
        return best  # read in order, the surnames agree: the other order cannot do better
    for left, right in ((a.swapped(), b), (a, b.swapped())):
        if left is None or right is None:
            continue
        turned = _compare(left, right)
        if turned.merges and turned.score - ORDER_PENALTY > best.score:
            order = Feature("word order", "differs", f"{a.text} / {b.text}", -ORDER_PENALTY)
            score = round(turned.score - ORDER_PENALTY, 4)
            best = Match(a.text, b.text, score, (*turned.features, order))
    return best
