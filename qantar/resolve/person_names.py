"""A person's name split into parts that can be compared across documents and alphabets.

Cross-document matching needs more than one folded string: "K. Masimov", "Masimov Karim",
"Карима Масимова" and "Karim Massimov" are the same man only once the surname, the given name
and the initials are known apart. :func:`parse_person_name` does that split:

- Cyrillic names are first put in the nominative (:mod:`qantar.nlp.normalize.russian_names`),
  so a court report's "Нурпеисову" compares as "Нурпеисов";
- every part is folded by :func:`~qantar.nlp.normalize.names.skeleton` (zh/j, kh/h, yev/ev,
  doubled letters, Kazakh letters through anyascii);
- patronymics (-ович, -овна, "Кажимкан улы") are set aside: English outlets drop them;
- the surname's *stem* drops the Russian suffix and its case or gender ending (-ов, -ова,
  -ову, -овой, -ев, -ин ...). Kazakh families increasingly drop the suffix too, so Tleuzhanova
  and Tleuzhan share the stem ``tleujan``; the suffix still tells the gender, which keeps
  Nazarbayev and Nazarbayeva apart when the given names say nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qantar.nlp.normalize.names import ascii_lower, clean_name, skeleton

_CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.-?)+[^\W\d_]?$|^[^\W\d_]$")
"""A token of initials: ``K.``, ``K.K.``, ``Zh.``, ``К.-Ж.`` (a compound name) or a lone letter."""
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovna|evna|ichna)$")
"""Russian patronymics, as they read after :func:`skeleton`."""
_KAZAKH_PATRONYMIC = frozenset({"uli", "kizi"})
"""Kazakh "son of" / "daughter of" (ұлы, қызы) after :func:`skeleton`."""
_SURNAME_FORM = re.compile(
    r"^(?P<stem>[a-z]{3,}?)(?:(?P<suffix>ov|ev|in)(?P<ending>|a|u|im|e|oi|oiu)|(?P<kazakh>uli|kizi))$"
)
"""A Russian-style surname after :func:`skeleton` (stem, suffix, then a gender or case ending),
or a Kazakh one in -ұлы/-қызы (Qunanbaiuly, "son of Qunanbai")."""
_VOWELS = frozenset("aeiou")
_FEMININE_ENDINGS = frozenset({"a", "oi", "oiu"})
_MASCULINE_ENDINGS = frozenset({"", "im"})


@dataclass(frozen=True)
class PersonName:
    """The comparable parts of one spelling of a person's name."""

    text: str
    """The spelling as given (cleaned of quotes and possessives)."""
    given: tuple[str, ...]
    """Folded given names in order, without initials and patronymics (``("kasim", "jomart")``)."""
    initials: tuple[str, ...]
    """First letters of the given names, from initials or from the given names themselves."""
    surname: str
    """The folded surname as written (``"tleujanova"``)."""
    stem: str
    """The surname without a Russian suffix or ending (``"tleujan"``): the blocking key."""
    gender: str | None
    """``"f"`` or ``"m"`` when the surname's form tells it, else None."""
    swappable: bool
    """Two bare words ("Masimov Karim"): the order may be surname first."""

    @property
    def key(self) -> str:
        """One string per distinct reading: equal keys are the same name without comparison."""
        given = " ".join(self.given) or ".".join(self.initials)
        return f"{given}|{self.surname}"

    @property
    def has_given_name(self) -> bool:
        """A full given name is known (not only initials, not only a surname)."""
        return bool(self.given)

    def swapped(self) -> PersonName | None:
        """The reading with surname first ("Masimov Karim" as Karim Masimov), if there is one."""
        if not self.swappable:
            return None
        return _swapped(self)


def _surname_parts(surname: str, cyrillic: bool, has_given: bool) -> tuple[str, str | None]:
    """(stem, gender) of a folded surname."""
    form = _SURNAME_FORM.match(surname)
    if form is None:
        return surname, None
    stem = form["stem"]
    if form["kazakh"]:
        return stem, "m" if form["kazakh"] == "uli" else "f"
    if form["suffix"] == "ev" and stem[-1] in _VOWELS:
        stem += "i"  # Назарбаев is Назарбай + ев: the stem keeps its й (Nazarbai, Qunanbaiuly)
    ending = form["ending"]
    gender = None
    if ending in _MASCULINE_ENDINGS:
        gender = "m"
    elif ending in _FEMININE_ENDINGS and (ending != "a" or has_given or not cyrillic):
        # A lone Cyrillic -ова may be a man's genitive (Масимова = of Masimov); with a given
        # name the Russian normaliser has already settled it, and in Latin it is a woman's.
        gender = "f"
    return stem, gender


def fold(word: str) -> str:
    """:func:`skeleton` plus x = ks (Alexander / Aleksandr), which only matters between names."""
    return skeleton(word).replace("x", "ks")


_INITIAL_FOLD = {"i": "e", "y": "e"}
"""Initials that stand for one sound: Ye., E., I. and Y. all open Yerlan, Erlan, Ерлан, Ilyas."""


def _initial(folded: str) -> str:
    return _INITIAL_FOLD.get(folded[0], folded[0])


def _initials_of(token: str) -> tuple[str, ...]:
    letters = [skeleton(part) for part in re.split(r"[.-]", token) if part]
    return tuple(_initial(letter) for letter in letters if letter)


def _parts(text: str, surname_words: tuple[str, ...], given_words: tuple[str, ...]) -> PersonName:
    cyrillic = bool(_CYRILLIC.search(text))
    given: list[str] = []
    initials: list[str] = []
    for word in given_words:
        if _INITIALS.match(word):
            initials.extend(_initials_of(word))
            continue
        folded = fold(word)
        if folded:
            given.append(folded.replace(" ", ""))
            initials.append(_initial(folded))
    surname = fold(" ".join(surname_words)).replace(" ", "")
    stem, gender = _surname_parts(surname, cyrillic, bool(given))
    return PersonName(
        text=text,
        given=tuple(given),
        initials=tuple(initials),
        surname=surname,
        stem=stem,
        gender=gender,
        swappable=False,
    )


@lru_cache(maxsize=200_000)
def _swapped(name: PersonName) -> PersonName:
    surname = name.given[0]
    stem, gender = _surname_parts(surname, bool(_CYRILLIC.search(name.text)), True)
    return PersonName(
        text=name.text,
        given=(name.surname,),
        initials=(_initial(name.surname),),
        surname=surname,
        stem=stem,
        gender=gender,
        swappable=False,
    )


_OBLIQUE = re.compile(r"(?:у|ю|ом|ем|ым|им|ой|ей|ою|ею|е)$", re.IGNORECASE)
"""Russian case endings no nominative name has (-у, -ым, -ой ...)."""
_GENITIVE = re.compile(r"[ая]$", re.IGNORECASE)
"""-а/-я: a man's genitive (Самата Абиша) when every word has it, or a woman's nominative."""


def _maybe_oblique(words: list[str]) -> bool:
    cyrillic = [word for word in words if _CYRILLIC.search(word)]
    if any(_OBLIQUE.search(word) for word in cyrillic):
        return True
    return len(cyrillic) > 1 and all(_GENITIVE.search(word) for word in cyrillic)


def _nominative(words: list[str]) -> list[str]:
    """Cyrillic names that may be in an oblique case put in the nominative (the morphology is
    slow, and most names are already nominative); other names as they are."""
    if not _maybe_oblique(words):
        return words
    from qantar.nlp.normalize.russian_names import nominative_name

    return nominative_name(words, None).split()


@lru_cache(maxsize=200_000)
def parse_person_name(text: str) -> PersonName | None:
    """Split a spelling of a person's name into comparable parts; None if nothing is left.

    >>> name = parse_person_name("Kassym-Zhomart Tokayev")
    >>> name.given, name.surname, name.stem
    (('kasimjomart',), 'tokaev', 'tokai')
    """
    cleaned = clean_name(text)
    words = [w for w in re.split(r"\s+", cleaned) if w and ascii_lower(w)]
    words = _nominative(words)
    if not words:
        return None
    folded = [skeleton(w) for w in words]
    kept = [
        i
        for i, f in enumerate(folded)
        if not _PATRONYMIC.search(f)
        and f not in _KAZAKH_PATRONYMIC
        and not (i + 1 < len(folded) and folded[i + 1] in _KAZAKH_PATRONYMIC)
    ]
    words = [words[i] for i in kept] or words
    full = [i for i, w in enumerate(words) if not _INITIALS.match(w)]
    if not full:
        return None
    # The surname is the last full word, unless the name is written surname first: initials
    # after it ("Masimov K.K.") or a patronymic dropped from the end ("Масимов Карим Кажимканович").
    dropped_last = bool(kept) and kept[-1] != len(folded) - 1
    surname_first = full[-1] != len(words) - 1 or (dropped_last and len(full) > 1)
    index = full[0] if surname_first else full[-1]
    surname = (words[index],)
    given = tuple(w for i, w in enumerate(words) if i != index)
    name = _parts(cleaned, surname, given)
    if len(words) == 2 and len(full) == 2 and not surname_first:
        name = PersonName(**{**name.__dict__, "swappable": True})
    return name
