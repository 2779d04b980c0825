"""The case forms of a Russian place name, so the gazetteer finds "в Таразе" as "Тараз".

Why rules and not pymorphy2: most Kazakh place names are not in its dictionary, and its
guesser declines "Кызылорда" into "Кызылорд". Foreign and Kazakh place names in Russian decline
by their last letter, as Russian nouns do (Розенталь, "Справочник по правописанию", §§ on
geographical names):

- a consonant: masculine second declension, "Тараз, Тараза, Таразу, Таразом, Таразе";
- -й: the same with a soft stem, "Костанай, Костаная, Костанаю, Костанаем, Костанае";
- -а: first declension, "Кызылорда, Кызылорды, Кызылорде, Кызылорду, Кызылордой" (-и after
  г, к, х, ж, ш, ч, щ: "Караганда" has д, so "Караганды");
- -ия: "Россия, России, Россию, Россией";
- -ь: feminine third declension, "Беларусь, Беларуси, Беларусью";
- any other vowel (Алматы, Актобе, Атырау, Кокшетау): indeclinable.

In a hyphenated name only the last part declines ("Усть-Каменогорска"), except "Алма-Ата"
style names whose parts both decline, which are rare enough to list as aliases. A name of
several words ("аэропорт Алматы", "Площадь Республики") declines its first word, the head
noun, when the words after it are a genitive or an indeclinable name, which is how such site
names are built; the head is lower-case or capitalised alike.
"""

from __future__ import annotations

import re

_CONSONANT = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")
_HUSHING_OR_VELAR = frozenset("гкхжшчщ")
_CYRILLIC = re.compile(r"^[А-ЯЁа-яё-]+$")


def _word_forms(word: str) -> list[str]:
    """The oblique case forms of one declinable word (empty when it does not decline)."""
    lower = word.lower()
    if _CONSONANT.search(lower):
        return [word + e for e in ("а", "у", "ом", "е")]
    if lower.endswith("й"):
        stem = word[:-1]
        return [stem + e for e in ("я", "ю", "ем", "е")]
    if lower.endswith("ия"):
        stem = word[:-1]
        return [stem + e for e in ("и", "ю", "ей")]
    if lower.endswith("а"):
        stem = word[:-1]
        genitive = "и" if stem[-1:].lower() in _HUSHING_OR_VELAR else "ы"
        return [stem + e for e in (genitive, "е", "у", "ой")]
    if lower.endswith("ь"):
        stem = word[:-1]
        return [stem + e for e in ("и", "ью")]
    return []


def place_case_forms(name: str) -> list[str]:
    """Every oblique case form of a Cyrillic place name; none for Latin script names."""
    words = name.split(" ")
    if not all(_CYRILLIC.match(w) for w in words):
        return []
    if len(words) > 1:
        return [" ".join([form, *words[1:]]) for form in _word_forms(words[0])]
    head, _, last = name.rpartition("-")
    lead = head + "-" if head else ""
    return [lead + form for form in _word_forms(last)]
