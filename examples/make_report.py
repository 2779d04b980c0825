"""Typeset the demo's PDF report (articles/09_monitoring_report.pdf) from the text below.

The report is written for the demo, like the articles beside it: a made-up monitoring group
summarising the trials, on three numbered pages after an unnumbered cover, so the demo shows
facts citing "page 2". Run it again after editing the text (needs fpdf2, a dev dependency, and
the DejaVu font from Debian's fonts-dejavu-core):

    python examples/make_report.py
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
OUT = Path(__file__).parent / "articles" / "09_monitoring_report.pdf"
HEADER = "qantar demo monitoring group (fictional) | Trials after January 2022"

COVER = [
    "Trials after January 2022: a monitoring summary",
    "A report written for the qantar demo. The group and its monitors are fictional; the "
    "facts follow public reporting in simplified form.",
]
PAGES = [
    [
        "1. Death toll",
        "According to the Prosecutor General's Office, 238 people died during the January events, "
        "among them 19 members of the security forces. The office has not published the names of "
        "all of the dead, and relatives told monitors that some families were never contacted by "
        "investigators.",
        "Independent monitors counted at least 21 people who died in custody or after "
        "detention; the authorities have not given a figure of their own.",
    ],
    [
        "2. The airport case",
        "On 11 July 2023 the Almaty city court sentenced the journalist Aigerim Tleuzhanova to "
        "four years in prison over the seizure of Almaty airport on 5 January 2022. Her four "
        "co-defendants, among them the former history teacher Kalas Nurpeisov, were sentenced to "
        "eight years each.",
        "Monitors attended nine hearings. None of the defendants pleaded guilty, and the defence "
        "said that no witness had seen them carrying weapons.",
    ],
    [
        "3. Recommendations",
        "The group recommends an independent investigation into every death, publication of the "
        "full list of the dead, and a review of convictions that rest on confessions retracted "
        "in court.",
    ],
]


def _page(pdf: FPDF, paragraphs: list[str], number: int | None) -> None:
    pdf.add_page()
    pdf.set_font("DejaVu", size=8)
    pdf.cell(0, 5, HEADER, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("DejaVu", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    if number is not None:
        pdf.set_y(-20)
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 5, str(number), align="C")


def main() -> None:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_auto_page_break(auto=False)
    pdf.set_title("Trials after January 2022: a monitoring summary")
    pdf.set_creation_date(__import__("datetime").datetime(2023, 9, 4))
    _page(pdf, COVER, None)
    for number, paragraphs in enumerate(PAGES, start=1):
        _page(pdf, paragraphs, number)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bytes(pdf.output()))))
    writer.set_page_label(0, 0, style="/r")  # the cover is "i"; the report's page 1 follows
    writer.set_page_label(1, len(writer.pages) - 1, style="/D", start=1)
    out = io.BytesIO()
    writer.write(out)
    OUT.write_bytes(out.getvalue())
    print(f"wrote {OUT} ({len(out.getvalue())} bytes)")


if __name__ == "__main__":
    main()
