"""Put Russian-language person names into the nominative, Kazakh names included.

Why rules and not natasha alone: natasha inflects each token with pymorphy2, which does not
know most Kazakh surnames, so ``Айгерим Тлеужанову`` comes back unchanged
(shared/notes/nlp-dependencies.md, section 2) and ``Болата Сейтказиева`` may come back
half-folded as ``Болат Сейтказиева``. Surnames in -ов/-ев/-ин decline by a closed table,
though, so each token is given the set of (gender, case) readings it can have, and the readings
all tokens of a name share are the grammatical analyses of the whole name: ``Айгерим`` is a
woman's name that does not decline, so ``Айгерим Тлеужанову`` can only be feminine accusative,
i.e. ``Айгерим Тлеужанова``. Where grammar leaves two analyses (``Карима Масимова`` is the
genitive of ``Карим Масимов`` and also a woman's nominative), the first name's gender decides
when pymorphy2's dictionary or our tables (:data:`FEMALE_NAMES`, :data:`MALE_NAMES`) know it;
otherwise a form that may already be nominative is left as it is. The one form that is never
nominative, -ову (masculine dative or feminine accusative), is read as masculine: that is the
commoner reading in news, and a guess costs nothing against a form that is certainly wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

MASC, FEMN = "masc", "femn"
CASES = ("nomn", "gent", "accs", "datv", "ablt", "loct")
Reading = tuple[str, str]
"""A (gender, case) analysis of a name, in pymorphy2's grammeme names."""
_ALL: frozenset[Reading] = frozenset((g, c) for g in (MASC, FEMN) for c in CASES)
_GENDERS = {"masc": MASC, "Masc": MASC, "femn": FEMN, "Fem": FEMN}
"""Accepted spellings of a gender: pymorphy2's grammemes and natasha's (UD) feature values."""


def _words(text: str) -> frozenset[str]:
    """A word list written as text: tables of names read better that way."""
    return frozenset(text.split())


#: Women's names that do not decline in Russian text (they end in a consonant or -е) and that
#: pymorphy2 lacks, files as masculine (Ляззат, Жанар) or misreads (Сауле as a case of Саул).
FEMALE_NAMES = _words(
    "Айгерим Ляззат Жанар Сауле Асель Гаухар Меруерт Толкын Жибек Салтанат Шолпан "
    "Анель Жанель Асем Акмарал Айжан Балжан Гульжан Назым Дильназ Жулдыз Карлыгаш "
    "Маржан Айман Алтынай Шынар Жансулу"
)
#: Name endings that only women's names have (Айгуль, Назгуль, Кунсулу).
FEMALE_ENDINGS = ("гуль", "гүл", "сулу")
#: Common Kazakh men's names missing from pymorphy2's dictionary, whose guesser then offers a
#: woman's nominative for the genitive (``Ерлана``). They decline like any name ending in a
#: consonant (:data:`_MALE_ENDINGS`).
MALE_NAMES = _words(
    "Ерлан Болат Касым Жомарт Калас Даурен Жанболат Бекболат Бауыржан Ержан Нуржан "
    "Канат Мирас Жандос Кайсар Дархан Темирлан Жакып Ербол Асет Медет"
)
_MALE_ENDINGS: dict[str, tuple[str, ...]] = {
    "": ("nomn",),
    "а": ("gent", "accs"),
    "у": ("datv",),
    "ом": ("ablt",),
    "е": ("loct",),
}
#: Names given to both men and women: an undeclined form may be a woman's (Бахытжан
#: Торегожина), so the feminine reading stays open, but they say nothing about gender.
UNISEX_NAMES = frozenset({"Бахытжан", "Бахыт", "Айнур"})

# Surname ending -> readings. The nominative is stem + suffix (masculine) or + "а" (feminine).
_SURNAME = re.compile(
    r"^(?P<stem>[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+?)(?P<suffix>ов|ев|ёв|ин|ын)(?P<ending>|а|у|ым|е|ой|ою)$"
)
_SURNAME_READINGS: dict[str, tuple[Reading, ...]] = {
    "": ((MASC, "nomn"),),
    "а": ((MASC, "gent"), (MASC, "accs"), (FEMN, "nomn")),
    "у": ((MASC, "datv"), (FEMN, "accs")),
    "ым": ((MASC, "ablt"),),
    "е": ((MASC, "loct"),),
    "ой": ((FEMN, "gent"), (FEMN, "datv"), (FEMN, "ablt"), (FEMN, "loct")),
    "ою": ((FEMN, "ablt"),),
}
# Kazakh patronymic surnames ("son of", "daughter of") never decline; -бек/-бай surnames are
# left as written.
_KAZAKH_GENDERED = {"улы": MASC, "ұлы": MASC, "кызы": FEMN, "қызы": FEMN}
_KAZAKH_INDECLINABLE = ("бек", "бай")
_CYRILLIC_WORD = re.compile(r"[А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")
_VOWEL_END = re.compile(r"[аеёиоуыэюяйь]$", re.IGNORECASE)


@cache
def morph_vocab() -> Any:
    """natasha's ``MorphVocab`` (a pymorphy2 analyzer), shared with the Russian annotator."""
    from natasha import MorphVocab

    return MorphVocab()


def _gender(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return _GENDERS[value]
    except KeyError:
        raise ValueError(f"unknown gender {value!r}; use 'masc' or 'femn'") from None


def _kazakh_gender(token: str) -> str | None:
    lower = token.lower()
    return next((g for end, g in _KAZAKH_GENDERED.items() if lower.endswith(end)), None)


@cache
def _known_given_name(word: str) -> bool:
    """Whether pymorphy2's dictionary (not its guesser) lists the word as a first name."""
    return any(p.is_known and "Name" in p.tag for p in morph_vocab().parse(word))


def _surname_index(tokens: Sequence[str]) -> int | None:
    """The token that is the surname: the last one declining like -ов/-ин that is not a
    dictionary first name (Марина), else a trailing Kazakh -бек/-бай; None when neither."""
    for index in reversed(range(len(tokens))):
        if _SURNAME.match(tokens[index]) and not _known_given_name(tokens[index]):
            return index
    if len(tokens) > 1 and tokens[-1].lower().endswith(_KAZAKH_INDECLINABLE):
        return len(tokens) - 1
    return None


def _capitalised(form: str, like: str) -> str:
    if "ё" in form and "ё" not in like.lower():
        form = form.replace("ё", "е")
    return form[:1].upper() + form[1:]


def _table_name(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """(gender, nominative, cases) of a form of a name in our tables, else None."""
    if word in FEMALE_NAMES or word.lower().endswith(FEMALE_ENDINGS):
        return FEMN, word, CASES
    for ending, cases in _MALE_ENDINGS.items():
        base = word[: len(word) - len(ending)]
        if word.endswith(ending) and base in MALE_NAMES:
            return MASC, base, cases
    return None


@cache
def _given_name_forms(token: str) -> dict[Reading, str]:
    """Readings of a first name or patronymic and its nominative under each, from our
    tables or pymorphy2. In a compound name only the last part declines (Касым-Жомарта).

    Cached (names repeat across thousands of mentions); callers must not change the dict."""
    prefix, _, word = token.rpartition("-")
    lead = prefix + "-" if prefix else ""
    table = _table_name(word)
    if table is not None:
        gender, nominative, cases = table
        return {(gender, case): lead + nominative for case in cases}
    parses = morph_vocab().parse(word)
    ranked = sorted(parses, key=lambda p: (not p.is_known, "Name" not in p.tag, -p.score))
    forms: dict[Reading, str] = {}
    for parse in ranked:
        tag = parse.tag
        if tag.POS not in ("NOUN", "ADJF") or tag.number != "sing":
            continue
        if tag.gender not in (MASC, FEMN) or tag.case not in CASES:
            continue
        if tag.animacy == "inan" and tag.gender == MASC and tag.case == "accs":
            continue  # a person's accusative is the genitive form, never the nominative one
        nominative = parse.inflect({"Nom"})
        lemma = nominative.word if nominative is not None else parse.normal_form
        forms.setdefault((tag.gender, tag.case), lead + _capitalised(lemma, word))
    known_masc = any(p.is_known and "Name" in p.tag and p.tag.gender == MASC for p in parses)
    if not _VOWEL_END.search(word) and (word in UNISEX_NAMES or not known_masc):
        for case in CASES:  # a woman's name ending in a consonant does not decline
            forms.setdefault((FEMN, case), token)
    return forms


def _forms(token: str, is_surname: bool) -> dict[Reading, str]:
    """Every (gender, case) reading of one token with the token's nominative under it."""
    kazakh = _kazakh_gender(token)
    if kazakh is not None:
        return {(kazakh, case): token for case in CASES}
    if not _CYRILLIC_WORD.fullmatch(token.replace("-", "")):
        return dict.fromkeys(_ALL, token)  # initials, Latin script: nothing to fold
    match = _SURNAME.match(token) if is_surname else None
    if match is not None:
        masculine = match["stem"] + match["suffix"]
        nominative = {MASC: masculine, FEMN: masculine + "а"}
        return {r: nominative[r[0]] for r in _SURNAME_READINGS[match["ending"]]}
    if is_surname:
        return dict.fromkeys(_ALL, token)
    return _given_name_forms(token) or dict.fromkeys(_ALL, token)


def _choose(readings: Iterable[Reading], gender: str | None) -> Reading:
    """Pick one analysis: the given gender if grammar allows it; with both genders still
    open, a nominative one (keep what may be right) or else the masculine one."""
    pool = set(readings)
    if gender is not None and any(g == gender for g, _ in pool):
        pool = {r for r in pool if r[0] == gender}
    if len({g for g, _ in pool}) > 1:
        nominative = {r for r in pool if r[1] == "nomn"}
        pool = nominative or {r for r in pool if r[0] == MASC}
    return min(pool, key=lambda r: (CASES.index(r[1]), r[0] != MASC))


def nominative_name(tokens: list[str], gender: str | None) -> str:
    """The nominative of a person's name given as tokens, e.g. ``["Кариму", "Масимову"]``.

    ``gender`` (``"masc"``/``"femn"``, or natasha's ``"Masc"``/``"Fem"``) settles analyses
    that grammar leaves open; it is overruled when the tokens cannot agree in that gender.
    When the tokens agree in no reading at all (a first name left undeclined, ``Карим
    Масимову``), only the surname is folded."""
    if not tokens:
        return ""
    wanted = _gender(gender)
    surname = _surname_index(tokens)
    table = [_forms(token, index == surname) for index, token in enumerate(tokens)]
    common = set(_ALL).intersection(*table)
    if not common and surname is not None:
        table = [t if i == surname else dict.fromkeys(_ALL, tokens[i]) for i, t in enumerate(table)]
        common = set(table[surname])
    if not common:
        return " ".join(tokens)
    reading = _choose(common, wanted)
    return " ".join(forms[reading] for forms in table)


def nominative_surname(word: str, gender: str | None = None) -> str:
    """Fold one surname to the nominative: Нурпеисову -> Нурпеисов, Тлеужановой ->
    Тлеужанова. Without ``gender`` the ambiguous -ова/-ина stays as written (it may be a
    woman's nominative); other words are returned unchanged."""
    if not _SURNAME.match(word) and not word.lower().endswith(_KAZAKH_INDECLINABLE):
        return word
    forms = _forms(word, is_surname=True)
    return forms[_choose(forms, _gender(gender))]


def first_name_gender(word: str) -> str | None:
    """``"masc"``/``"femn"`` when the first name's gender is known, else None.

    Our tables count first, then pymorphy2's dictionary but not its guesser (which takes an
    unknown ``Ерлана`` for a woman's name); a name listed for both genders goes by the weight
    of its readings (``Карима`` is more often the genitive of ``Карим``); a tie says nothing."""
    parts = word.split("-")
    if parts[-1] in UNISEX_NAMES:
        return None
    for part in reversed(parts):  # either part of a compound name will do
        table = _table_name(part)
        if table is not None:
            return table[0]
        weight = {MASC: 0.0, FEMN: 0.0}
        for parse in morph_vocab().parse(part):
            if parse.is_known and "Name" in parse.tag and parse.tag.gender in weight:
                weight[parse.tag.gender] += parse.score
        if weight[MASC] != weight[FEMN]:
            return MASC if weight[MASC] > weight[FEMN] else FEMN
    return None


def _name_gender(tokens: Sequence[str], surname: int | None) -> str | None:
    """Gender from the first token that is neither the surname nor an initial."""
    for index, token in enumerate(tokens):
        if index != surname and _CYRILLIC_WORD.fullmatch(token.replace("-", "")):
            return _kazakh_gender(token) or first_name_gender(token)
    return None


def normalize_people(mentions: Sequence[tuple[str, str]]) -> list[str]:
    """Nominatives for one document's person mentions, given as (surface, natasha's normal).

    Names our rules cover (an -ов/-ин surname, a Kazakh -улы/-кызы/-бек/-бай) are folded by
    :func:`nominative_name`; for the rest natasha's normal is kept. A name grammar leaves open
    is settled by, in order: a mention of the same person in the document that grammar does
    settle (``Калас Нурпеисов`` for a later ``Нурпеисову``), the first name's gender, and
    natasha's own reading when it is one of the two."""
    tokens = [surface.split() for surface, _ in mentions]
    surnames = [_surname_index(t) for t in tokens]
    handled = [
        s is not None or any(_kazakh_gender(w) for w in t)
        for s, t in zip(surnames, tokens, strict=True)
    ]
    options = [
        {nominative_name(t, MASC), nominative_name(t, FEMN)} if h else set()
        for t, h in zip(tokens, handled, strict=True)
    ]
    settled = {next(iter(o)) for o in options if len(o) == 1}
    settled_surnames = {name.split()[-1] for name in settled if " " in name}
    results: list[str] = []
    for (surface, natasha), words, surname, opts in zip(
        mentions, tokens, surnames, options, strict=True
    ):
        if not opts:
            results.append(natasha or surface)
            continue
        known = settled | settled_surnames if len(words) == 1 else settled
        in_document = opts & known
        gender = _name_gender(words, surname)
        if len(opts) == 1 or len(in_document) == 1:
            results.append(next(iter(opts if len(opts) == 1 else in_document)))
        elif gender is not None:
            results.append(nominative_name(words, gender))
        elif natasha in opts:
            results.append(natasha)
        else:
            results.append(nominative_name(words, None))
    return results
