"""Make small PDF reports for the tests, written for them (no text from the corpus).

fpdf2 lays out real pages with a TrueType font (DejaVu, for Cyrillic), a running header and
a page number in the footer, as NGO reports have; pypdf then adds printed page labels or a
password. The PDFs are made at test time so every case says in code what it contains.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader, PdfWriter

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

HEADER = "Monitoring report on the January 2022 trials | Kazakhstan"

PAGES = [
    [
        "Trials after the January events",
        "The Almaty city court sentenced the journalist Aigerim Tleuzhanova to four years in "
        "prison on 11 July 2023. Prosecutors said she had taken part in the seizure of the "
        "Almaty airport on 5 January 2022, which she denied throughout the hearings.",
        "Her lawyer told monitors that the defence would appeal, and that none of the witnesses "
        "questioned in court had seen the defendants carrying weapons.",
    ],
    [
        "The same court sentenced the history teacher Kalas Nurpeisov to eight years in prison. "
        "Observers from the bureau attended eleven of the fourteen hearings and noted that the "
        "judge refused to admit medical evidence of ill-treatment in custody, which the defence "
        "had asked to be examined by an independent doctor before the closing speeches.",
        "According to the Prosecutor General's Office, 238 people died during the unrest.",
    ],
    [
        "Суд в Таразе приговорил активиста Ерлана Бекмурата к пяти годам лишения свободы.",
        "The defence lawyer Zhanar Baimukhanova said the Taraz verdict would be appealed.",
        "Monitors recommend an independent investigation into every death and every complaint "
        "of torture filed since January 2022.",
    ],
]


def _fpdf() -> FPDF:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_auto_page_break(auto=False)
    return pdf


def report(pages: list[list[str]] = PAGES, title: str | None = "Monitoring report") -> bytes:
    """A report with one list of paragraphs per page, a running header and page numbers."""
    pdf = _fpdf()
    for number, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 5, HEADER, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.set_font("DejaVu", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        pdf.set_y(-20)
        pdf.set_font("DejaVu", size=8)
        pdf.cell(0, 5, f"- {number} -", align="C")
    if title:
        pdf.set_title(title)
    return bytes(pdf.output())


def with_labels(data: bytes, first_printed: int) -> bytes:
    """The same PDF with printed page numbers: a cover labelled "i", then 1, 2, ... from
    ``first_printed`` on the second sheet."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.set_page_label(0, 0, style="/r")
    writer.set_page_label(1, len(writer.pages) - 1, style="/D", start=first_printed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted(data: bytes, password: str) -> bytes:
    """The same PDF locked with ``password`` (empty: opens without one, as many do)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned(pages: int = 2) -> bytes:
    """Pages holding only a picture of text, like a scan: no text layer at all."""
    pdf = _fpdf()
    picture = Image.new("L", (400, 560), color=255)
    for row in range(40, 520, 24):
        picture.paste(0, (40, row, 360, row + 6))  # grey bars where lines of type would be
    for _ in range(pages):
        pdf.add_page()
        pdf.image(picture, x=10, y=10, w=190)
    return bytes(pdf.output())
