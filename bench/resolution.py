"""Resolution speed and quality on synthetic mentions: the issue's "100,000 in under a minute".

Synthetic people get Kazakh given names and surnames (relatives share surnames, with -ов/-ова
for men and women), and each mention spells one of them the way some outlet might: Cyrillic,
Latin with zh/j, q/k, doubled letters and yev/ev variants, initials, surname first, a Russian
dative, or the surname alone. Two timings:

- ``memory``: :func:`qantar.resolve.resolver.resolve_person_names` (parsing, blocking,
  scoring, clustering), as a library user would call it;
- ``store`` (with ``--store``): the same mentions as person facts in a SQLite store, then
  :func:`qantar.resolve.resolve`, which also reads the facts and writes entities, members
  and every scored pair.

Quality is pairwise precision and recall against the true people: merging costs nothing if
it merges the wrong mentions, so the benchmark reports both.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from anyascii import anyascii


def words(text: str) -> tuple[str, ...]:
    """A word list written as text: name lists read better that way."""
    return tuple(text.split())


GIVEN_MEN = words(
    "Карим Касым Нурлан Ерлан Болат Канат Даурен Арман Серик Марат Айдар Бекзат Жандос "
    "Ержан Руслан Талгат Асхат Бауыржан Кайрат Мурат Нурсултан Азамат Дархан Ермек Олжас"
)
GIVEN_WOMEN = words(
    "Айгерим Дарига Алия Жанар Гульнара Сауле Динара Асель Айжан Мадина Жулдыз Салтанат "
    "Гаухар Камила Назым Меруерт Карлыгаш Ляззат Шолпан Асем"
)
ROOTS = words(
    "Мас Нурп Тлеуж Тока Шилиб Далиб Кармен Абиш Сатыб Жаксыл Есим Кунанб Ибраг Омар Тулег "
    "Сарсен Бекмух Жумаг Касым Ахмет Байм Нургал Ермек Ордаб Кайырб Иман Сулейм Мырз Ажиб "
    "Кенж Аман Бектур Сейтк Мухам Досм Торег Жакуп Утеш Смаг Каир Тажиб Ораз Сагынт Кусаин"
)
MIDDLES = ("", "им", "ан", "ал", "ен", "ур", "ас", "ер", "ай", "ек", "ым", "ит", "ум", "ат")
RUSSIAN_ENDINGS = {"ов": "ову", "ев": "еву", "ова": "овой", "ева": "евой"}


def make_people(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """``count`` people as (given, surname, suffix) in Cyrillic, no two with the same name.

    A fifth of them are relatives of someone already made (same surname root, another given
    name), as families are in the news."""
    people: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    while len(people) < count:
        woman = rng.random() < 0.35
        if people and rng.random() < 0.2:
            root = rng.choice(people)[1]
        else:
            root = rng.choice(ROOTS) + "".join(rng.choice(MIDDLES) for _ in range(3))
        suffix = rng.choice(("ов", "ев")) + ("а" if woman else "")
        given = rng.choice(GIVEN_WOMEN if woman else GIVEN_MEN)
        if (given, root) not in seen:
            seen.add((given, root))
            people.append((given, root, suffix))
    return people


def latin(word: str, rng: random.Random) -> str:
    """One of the Latin spellings outlets use for a Cyrillic word."""
    text = anyascii(word)
    if rng.random() < 0.5:
        text = text.replace("Zh", "J").replace("zh", "j")
    if rng.random() < 0.5:
        text = text.replace("q", "k").replace("Q", "K")
    if rng.random() < 0.4:
        text = text.replace("ev", "yev").replace("aev", "ayev")
    if rng.random() < 0.2:
        text = text.replace("s", "ss", 1)
    return text


def mention(person: tuple[str, str, str], rng: random.Random) -> str:
    given, root, suffix = person
    surname = root + suffix
    form = rng.random()
    if form < 0.30:
        return f"{given} {surname}"
    if form < 0.60:
        return f"{latin(given, rng)} {latin(surname, rng)}"
    if form < 0.70:
        return f"{latin(given, rng)[0]}. {latin(surname, rng)}"
    if form < 0.78:
        return f"{surname} {given}"
    if form < 0.88:
        return f"{given} {root + RUSSIAN_ENDINGS[suffix]}"
    return latin(surname, rng) if rng.random() < 0.5 else surname


def pairwise(clusters: list[list[int]], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of ``clusters`` against true person indexes."""
    together = same = 0
    for members in clusters:
        people = Counter(truth[i] for i in members)
        together += len(members) * (len(members) - 1) // 2
        same += sum(n * (n - 1) // 2 for n in people.values())
    sizes = Counter(truth)
    true_pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    return (same / together if together else 1.0, same / true_pairs if true_pairs else 1.0)


def store_timing(names: list[str]) -> float:
    """Seconds for :func:`qantar.resolve.resolve` over the names stored as person facts."""
    from qantar.model import Document, Fact, Provenance, make_document_id
    from qantar.resolve import resolve
    from qantar.store import open_store, save_document

    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(f"sqlite:///{Path(folder) / 'bench.db'}")
        per_doc = 50
        for offset in range(0, len(names), per_doc):
            chunk = names[offset : offset + per_doc]
            text = "\n".join(chunk)
            doc = Document(
                id=make_document_id(f"{offset}\n{text}"),
                name=f"{offset}.txt",
                text=text,
                language="en",
            )
            facts, at = [], 0
            for i, name in enumerate(chunk):
                record = {"name": name, "variants": [], "roles": []}
                provenance = Provenance(doc.id, at, at + len(name), name, "bench.v1")
                facts.append(Fact("person", f"{i}:{name}", record, provenance))
                at += len(name) + 1
            save_document(engine, doc, facts, "bench")
        start = time.perf_counter()
        report = resolve(engine)
        seconds = time.perf_counter() - start
        print(f"store:  {report.summary()}")
        engine.dispose()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="also time a resolution in SQLite")
    args = parser.parse_args()
    from qantar.resolve.resolver import resolve_person_names

    rng = random.Random(args.seed)
    people = make_people(args.people, rng)
    truth = [rng.randrange(len(people)) for _ in range(args.mentions)]
    names = [mention(people[t], rng) for t in truth]

    start = time.perf_counter()
    clusters = resolve_person_names(names)
    seconds = time.perf_counter() - start
    precision, recall = pairwise(clusters, truth)
    print(
        f"memory: {args.mentions:,} mentions of {args.people:,} people -> {len(clusters):,} "
        f"entities in {seconds:.1f} s ({args.mentions / seconds:,.0f} mentions/s); "
        f"pairwise precision {precision:.3f}, recall {recall:.3f}"
    )
    if args.store:
        print(f"store:  resolved in {store_timing(names):.1f} s")


if __name__ == "__main__":
    main()
