"""Analysis speed and memory on a synthetic store: conflicts, corroboration and the timeline.

A synthetic corpus of ``--documents`` articles (default 2,000; one in ten a republished copy
with another headline and a syndication line) each carrying a death-toll figure, a verdict
and an arrest, as the extractors would store them, with person facts so resolution links
the names. Timed separately, each from a fresh :class:`qantar.analyze.Corpus` where it says so:

- ``sign``: fingerprinting every text for copy detection (a build does this once);
- ``load``: opening a Corpus (signatures read, copies grouped);
- ``conflicts``, ``corroboration``, ``timeline``: the three analyses;

then peak Python memory (tracemalloc, which slows Python down, so in a second, untimed pass)
over loading and all three analyses.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from qantar.analyze import Corpus, find_conflicts
from qantar.analyze.copies import SCHEME, signature_bytes
from qantar.analyze.corroboration import claims
from qantar.analyze.timeline import timeline
from qantar.model import Document, Fact, Mention, Provenance, Source, make_document_id
from qantar.resolve import resolve
from qantar.store import open_store, save_document
from qantar.store.signatures import fill_signatures

_PROSE = (
    "relatives gathered outside court building waited most day lawyers said they had not been "
    "allowed see files before hearing began prosecutor asked longer term judge read ruling aloud "
    "witnesses police officers city region january protest square night morning evening crowd"
)
WORDS = _PROSE.split(" ")
SURNAMES = ["Abenov", "Serikbayev", "Nurlanov", "Zhaksylykov", "Omarov", "Tulegenov", "Sadykov"]
GIVEN = ["Daniyar", "Nurlan", "Aidos", "Yerlan", "Marat", "Bolat", "Asset", "Ruslan", "Kanat"]


def article(n: int, rng: random.Random) -> tuple[str, str, int, int]:
    person = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}{n % 300}"
    toll = rng.choice([225, 227, 232, 238])
    years = rng.choice([3, 5, 7])
    text = (
        f"Report {n}\n\n{person} was sentenced to {years} years in prison. "
        f"Authorities said {toll} people died. {person} had been arrested in January. "
        + " ".join(rng.choice(WORDS) for _ in range(rng.randint(150, 400)))
        + f"Reference {n} {rng.random()}."
    )
    return text, person, toll, years


def facts_for(doc: Document, person: str, toll: int, years: int, day: int) -> list[Fact]:
    def fact(kind: str, surface: str, key: str, record: dict[str, object]) -> Fact:
        start = doc.text.index(surface)
        provenance = Provenance(doc.id, start, start + len(surface), surface, f"{kind}.bench")
        return Fact(kind, key, record, provenance, [Mention(start, start + len(surface), surface)])

    return [
        fact("person", person, person, {"name": person, "variants": [], "roles": []}),
        fact(
            "verdict",
            "sentenced",
            person,
            {
                "defendant": person,
                "outcome": "prison",
                "term_months": years * 12,
                "date": "2023-04-24",
                "city": "Almaty",
                "count": 1,
            },
        ),
        fact(
            "figure",
            f"{toll} people",
            "deaths",
            {
                "measure": "deaths",
                "value": toll,
                "qualifier": None,
                "as_of": None,
                "attributed_to": "Authorities",
                "source_type": "official",
                "scope": {"place": None, "period": None},
                "text": "",
            },
        ),
        fact(
            "event",
            "arrested",
            "arrest",
            {
                "date": f"2022-01-{day:02d}",
                "type": "arrest",
                "place": None,
                "actors": [person],
                "summary": f"{person} arrested",
            },
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=2000)
    args = parser.parse_args()
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(f"sqlite:///{Path(folder) / 'bench.db'}")
        previous: tuple[str, str, int, int] | None = None
        for n in range(args.documents):
            if previous and n % 10 == 0:
                body, person, toll, years = previous
                text = "Syndicated. " + body + "\nRepublished with permission."
            else:
                text, person, toll, years = article(n, rng)
            previous = (text, person, toll, years)
            doc = Document(
                id=make_document_id(text),
                name=f"doc{n:05d}.txt",
                text=text,
                language="en",
                published="2023-05-01",
                published_precision="day",
                sources=[Source(url=f"https://example.org/{n}", outlet=f"Outlet {n % 40}")],
            )
            save_document(engine, doc, facts_for(doc, person, toll, years, 6 + n % 3), "bench")
        resolve(engine)
        started = time.perf_counter()
        signed = fill_signatures(engine, SCHEME, signature_bytes)
        print(f"sign:          {signed} texts in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        corpus = Corpus(engine)
        print(
            f"load:          {time.perf_counter() - started:.2f} s, "
            f"{sum(len(g) for g in corpus.copies())} documents in {len(corpus.copies())} "
            "groups of copies"
        )
        started = time.perf_counter()
        findings = find_conflicts(corpus)
        print(f"conflicts:     {len(findings)} findings in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        found = claims(corpus, findings)
        print(f"corroboration: {len(found)} claims in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        entries = timeline(engine, corpus)
        print(f"timeline:      {len(entries)} entries in {time.perf_counter() - started:.2f} s")
        tracemalloc.start()
        corpus = Corpus(engine)
        timeline(engine, corpus)
        claims(corpus, find_conflicts(corpus))
        peak = tracemalloc.get_traced_memory()[1]
        print(f"peak Python memory over the analyses: {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
