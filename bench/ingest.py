"""Ingest speed and memory for the new kinds of source: a long PDF report and a JSON Lines export.

- ``pdf``: a synthetic report of ``--pages`` pages (default 200) typeset with fpdf2 (a running
  header, a page number, four paragraphs a page), read into text with its page starts;
- ``jsonl``: a JSON Lines file of ``--articles`` lines (default 5,000), read into documents;
- ``decode``: charset detection on ``--articles`` short legacy-encoded texts (cp1251, KOI8-R,
  cp1252 in turn), the slowest path a text file can take.

Each is timed, then peak Python memory is taken in a second pass under tracemalloc. Reading is
the part measured; extraction runs at the pipeline's speed whatever the source
(bench/throughput.py).

    python bench/ingest.py [--pages 200] [--articles 5000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fpdf import FPDF

from qantar.ingest import iter_inputs
from qantar.ingest.files import decode_text
from qantar.ingest.pdf import read_pdf

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PARAGRAPH = (
    "The court in {city} heard the case of {name} on day {n} of the trial. Monitors noted that "
    "the judge refused to admit the defence's evidence of ill-treatment in custody, and that "
    "the prosecution relied on confessions the defendant had retracted in court."
)
CITIES = ["Almaty", "Taraz", "Shymkent", "Aktobe", "Kyzylorda", "Taldykorgan"]
NAMES = ["Yerlan Abenov", "Saule Nurlanova", "Daulet Omarov", "Aruzhan Sadykova"]
RUSSIAN = "Суд в Таразе приговорил активиста к пяти годам лишения свободы за участие в беспорядках."
ENGLISH = "The café owner’s account — “a fabrication” — was dismissed by the judge in Almaty."


def make_pdf(pages: int) -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_auto_page_break(auto=False)
    for page in range(pages):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 5, "Monitoring report | Kazakhstan", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("DejaVu", size=11)
        for k in range(4):
            n = page * 4 + k
            text = PARAGRAPH.format(city=CITIES[n % 6], name=NAMES[n % 4], n=n)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_y(-20)
        pdf.cell(0, 5, str(page + 1), align="C")
    return bytes(pdf.output())


def make_jsonl(path: Path, articles: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            text = " ".join(
                PARAGRAPH.format(city=CITIES[(n + k) % 6], name=NAMES[k % 4], n=n) for k in range(5)
            )
            record = {"text": text, "url": f"https://example.org/{n}", "published": "2023-07-11"}
            out.write(json.dumps(record) + "\n")


def measure(label: str, work: Callable[[], Any], unit: str, count: int) -> None:
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    work()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:7} {count:6} {unit:9} {seconds:7.2f} s  {count / seconds:9.1f} {unit}/s  "
        f"peak {peak / 2**20:6.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    data = make_pdf(args.pages)
    found = read_pdf(data)
    assert len(found.pages) == args.pages, len(found.pages)
    print(f"pdf of {args.pages} pages: {len(data) / 2**10:.0f} KiB, {len(found.text)} characters")
    measure("pdf", lambda: read_pdf(data), "pages", args.pages)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.jsonl"
        make_jsonl(path, args.articles)
        measure("jsonl", lambda: sum(1 for _ in iter_inputs([path])), "articles", args.articles)
    texts = [
        (RUSSIAN * 3).encode("cp1251"),
        (RUSSIAN * 3).encode("koi8_r"),
        (ENGLISH * 3).encode("cp1252"),
    ]
    samples = [texts[n % 3] for n in range(args.articles)]
    measure("decode", lambda: [decode_text(sample) for sample in samples], "texts", args.articles)


if __name__ == "__main__":
    main()
