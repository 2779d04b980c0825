"""Organizations and places across documents: aliases, acronyms and spellings.

Bodies and places have no given names to weigh; what makes two spellings one thing is a
listed alias (the gazetteer says CSTO = ОДКБ = Collective Security Treaty Organization, KNB =
NSC = КНБ = National Security Committee), an acronym one article spells out and another uses
bare, or the same name with or without "of Kazakhstan". Each of these is a :class:`Match`
feature, so a merged organization explains itself like a merged person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qantar.nlp.lexicon import Lexicon
from qantar.nlp.normalize.names import skeleton
from qantar.resolve.compare import Feature, Match

ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "to", "at"})
"""Words an acronym leaves out (Committee *to* Protect Journalists = CPJ)."""
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
BARE = "acronym:="
"""Link-key prefix of a name written as an acronym; it meets ``acronym:`` of a spelled-out name."""
LINK_SCORE = 0.9
"""Score of a pair joined by a shared alias, acronym or variant: above the merge threshold."""


@dataclass(frozen=True)
class BodyName:
    """One organization or place record's name, with the keys it can be found under."""

    key: str
    """The unit key: the folded gazetteer name when listed, else the folded name."""
    listed: str | None
    """The gazetteer's canonical name, when the name is listed."""
    links: tuple[tuple[str, str], ...]
    """(link key, how) pairs through which other records may be the same thing."""


def acronym(name: str) -> str:
    """The initials of a name's significant words, upper case ("National Security Committee"
    -> "NSC"); empty for a one-word name."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def body_name(
    name: str, variants: Sequence[str], canonical: str | None, lexicon: Lexicon
) -> BodyName:
    """The key and link keys of one organization or place record."""
    listed = canonical or _listed(lexicon, [name, *variants])
    key = skeleton(listed or name)
    links: list[tuple[str, str]] = []
    for form in [name, *variants]:
        folded = skeleton(form)
        if folded and folded != key:
            links.append((f"form:{folded}", f"both are written {form!r}"))
        if _ACRONYM.match(form):
            links.append((f"{BARE}{form}", f"{form} is written as an acronym"))
        short = acronym(form)
        if short:
            links.append((f"acronym:{short}", f"{short} is the acronym of {form!r}"))
    home = skeleton(lexicon.home_country)
    suffix = f" of {home}"
    if home and key.endswith(suffix):
        links.append(
            (f"form:{key[: -len(suffix)]}", f"the same name without 'of {lexicon.home_country}'")
        )
    links.append((f"form:{key}", f"both are written {listed or name!r}"))
    return BodyName(key=key, listed=listed, links=tuple(dict.fromkeys(links)))


def _listed(lexicon: Lexicon, forms: Iterable[str]) -> str | None:
    for form in forms:
        found = lexicon.lookup(form)
        if found is not None:
            return found[1]
    return None


def body_candidates(names: Mapping[str, BodyName]) -> list[tuple[str, str, Match]]:
    """Pairs of unit keys that share a link key, each with a :class:`Match` saying which.

    Two listed names with different gazetteer entries are never linked (the gazetteer is the
    authority on which spellings are one body); a link key shared by more than two distinct
    units is ambiguous (two bodies both abbreviated "NSC") and links nothing.
    """
    by_link: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key in sorted(names):
        for link, how in names[key].links:
            if link.startswith(BARE):  # a bare acronym meets the names it abbreviates
                link = "acronym:" + link[len(BARE) :]
                how = "=" + how
            by_link[link].append((key, how))
    found: dict[tuple[str, str], list[Feature]] = defaultdict(list)
    for link, holders in by_link.items():
        keys = sorted({key for key, _ in holders})
        if len(keys) != 2:
            continue
        if link.startswith("acronym:"):
            bare = {k for k, h in holders if h.startswith("=")}
            spelled = {k for k, h in holders if not h.startswith("=")}
            if not any(b != s for b in bare for s in spelled):
                continue
        left, right = keys
        if names[left].listed and names[right].listed:
            continue
        hows = sorted({h.lstrip("=") for _, h in holders})
        found[(left, right)].append(Feature("name", "linked", "; ".join(hows), LINK_SCORE))
    return [
        (left, right, Match(left, right, LINK_SCORE, tuple(features)))
        for (left, right), features in sorted(found.items())
    ]
