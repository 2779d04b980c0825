"""Within-document coreference for people: "Tleuzhanova" after "Aigerim Tleuzhanova" is her.

News introduces a person once by full name and then uses the surname. Spelling may vary inside
one article too ("Kassym-Jomart" and "Kassym-Zhomart"), so names are compared by their
transliteration skeleton (:func:`qantar.names.skeleton`), and a lone surname may
differ by an ending ("Satybaldy" and "Satybalda") when the Jaro-Winkler similarity of the
skeletons is high (:func:`qantar.names.similar_surname`). When two people share a surname, a
bare surname goes to the one mentioned most recently, which is how a reader resolves it too.

This lives in nlp, not resolve, because it is part of reading one document: the extractors
(people, quotes, verdicts) need to know who "Tleuzhanova" is before they write a fact, and
they run before the store. :mod:`qantar.resolve` works across documents, after the store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qantar.names import similar_surname, skeleton

if TYPE_CHECKING:
    from qantar.nlp.extract.entities import EntityMention
    from qantar.nlp.lexicon import Lexicon

_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+([^,.;:()“”\"]{2,80}?)(?=,|\.|;|\s*\(|\s+who\b|\s+and\b)"
)


#: A name given as initials and a surname ("М. Жунусов", "A. B. Smith"): the initials say
#: which of the people with that surname it is, so it joins that person rather than standing
#: as a full name of its own.
_INITIALLED = re.compile(r"^(\w)\.\s*(?:\w\.\s*)?\S+$")


@dataclass
class PersonCluster:
    """One person of one document: the fullest name, other spellings, roles and mentions."""

    mentions: list[EntityMention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def forms(self) -> list[str]:
        return [m.normal or m.text for m in self.mentions]

    @property
    def name(self) -> str:
        forms = self.forms()
        counts = Counter(forms)
        longest = max(len(f.split()) for f in forms)
        full = [f for f in forms if len(f.split()) == longest]
        return max(full, key=lambda f: (counts[f], -forms.index(f)))

    @property
    def variants(self) -> list[str]:
        name = self.name
        return sorted({f for f in self.forms() if f != name})

    @property
    def surname_key(self) -> str:
        return skeleton(self.name).split(" ")[-1]


def _roles_at(mention: EntityMention, text: str, lexicon: Lexicon) -> list[str]:
    roles = [mention.role] if mention.role else []
    after = _APPOSITION.match(text, mention.end)
    if after:
        role = after.group(1).strip()
        if set(re.findall(r"[a-z-]+", role.lower())) & lexicon.role_nouns:
            roles.append(role)
    before = text[max(0, mention.start - 60) : mention.start]
    for title in lexicon.titles:
        if before.endswith(title + " ") and (
            len(before) == len(title) + 1 or not before[-len(title) - 2].isalpha()
        ):
            roles.append(title)
            break
    return roles


def cluster_people(
    mentions: Sequence[EntityMention], text: str, lexicon: Lexicon
) -> list[PersonCluster]:
    """Group person mentions of one document into people, in order of first mention."""
    clusters: list[PersonCluster] = []
    by_full: dict[str, PersonCluster] = {}
    people = [m for m in mentions if m.kind == "person"]
    for m in people:  # full names first, so that surnames can find them
        form = m.normal or m.text
        if " " in form and not _INITIALLED.match(form):
            key = skeleton(form)
            if key not in by_full:
                by_full[key] = PersonCluster()
                clusters.append(by_full[key])
            by_full[key].mentions.append(m)
    last_seen: dict[int, int] = {}
    for m in sorted(people, key=lambda m: m.start):
        form = m.normal or m.text
        initial = _INITIALLED.match(form)
        if " " in form and not initial:
            last_seen[id(by_full[skeleton(form)])] = m.start
            continue
        key = skeleton(form.split(" ")[-1])
        matches = [c for c in clusters if similar_surname(key, c.surname_key)]
        if initial:  # "М. Жунусов" is the Жунусов whose first name starts with М
            matches = [c for c in matches if c.name.startswith(initial.group(1))]
        if not matches:
            cluster = PersonCluster()
            clusters.append(cluster)
            matches = [cluster]
        best = max(matches, key=lambda c: last_seen.get(id(c), -1))
        best.mentions.append(m)
        last_seen[id(best)] = m.start
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
        roles: list[str] = []
        for m in cluster.mentions:
            roles.extend(r for r in _roles_at(m, text, lexicon) if r not in roles)
        cluster.roles = roles
    return sorted(clusters, key=lambda c: c.mentions[0].start)


@dataclass
class NameGroup:
    """The mentions of one organization or place in one document."""

    key: str
    canonical: str
    mentions: list[EntityMention] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest form the article gives (a spelled-out name beats its acronym), in the
        nominative where the annotator knows it (Russian declines names of bodies too)."""
        forms = [m.normal or m.text for m in self.mentions]
        return max(forms, key=lambda f: (not f.isupper(), len(f.split()), len(f), -forms.index(f)))

    @property
    def variants(self) -> list[str]:
        name = skeleton(self.name)
        seen: dict[str, str] = {}
        for m in self.mentions:
            seen.setdefault(skeleton(m.text), m.text)
        return sorted(form for key, form in seen.items() if key != name)


def group_names(mentions: Sequence[EntityMention], kind: str, home_country: str) -> list[NameGroup]:
    """Group organization or place mentions that name the same thing.

    Mentions fold together when they share a gazetteer entry or an acronym definition
    (both set ``canonical``), or the same skeleton. A name that is another name minus
    "of <home country>" is the same body ("Democratic Party" in an article about Kazakhstan
    is the "Democratic Party of Kazakhstan").
    """
    selected = [m for m in mentions if m.kind == kind]
    keys = {id(m): skeleton(m.canonical or m.text) for m in selected}
    home = skeleton(home_country)
    known = set(keys.values())
    groups: dict[str, NameGroup] = {}
    for m in selected:
        key = keys[id(m)]
        if home and f"{key} of {home}" in known:
            key = f"{key} of {home}"
        group = groups.setdefault(key, NameGroup(key=key, canonical=m.canonical))
        group.canonical = group.canonical or m.canonical
        group.mentions.append(m)
    return sorted(groups.values(), key=lambda g: g.mentions[0].start)
