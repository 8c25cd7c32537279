"""PDF files for the demo's notices, laid out like a Vietnamese administrative document and drawn locally."""

import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FONTS = Path(__file__).parent / "fonts"


class DocumentPDF(FPDF):
    def multi_cell(self, *args, **kwargs):
        # Each block starts again at the left margin on the next line.
        kwargs.setdefault("new_x", XPos.LMARGIN)
        kwargs.setdefault("new_y", YPos.NEXT)
        return super().multi_cell(*args, **kwargs)


def official_document(
    *,
    issuer: str,
    number: str,
    place: str,
    day: datetime.date,
    kind: str,
    title: str,
    paragraphs: list[str],
    signer: str,
    signing_lines: str = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
) -> bytes:
    pdf = DocumentPDF(format="A4")
    pdf.set_creation_date(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC))
    pdf.set_title(title)
    pdf.set_author(issuer)
    pdf.add_font("Serif", "", str(FONTS / "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", str(FONTS / "DejaVuSerif-Bold.ttf"))
    pdf.set_margins(25, 20, 20)
    pdf.add_page()

    left, right = 75, 95
    top = pdf.get_y()
    pdf.set_font("Serif", "", 10.5)
    pdf.multi_cell(left, 5, issuer.upper(), align="C")
    pdf.set_font("Serif", "B", 10.5)
    pdf.set_xy(pdf.l_margin + left, top)
    pdf.multi_cell(right, 5, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", align="C")
    pdf.ln(3)
    pdf.set_font("Serif", "", 10.5)
    y = pdf.get_y()
    pdf.multi_cell(left, 5, f"Số: {number}", align="C")
    pdf.set_xy(pdf.l_margin + left, y)
    pdf.multi_cell(right, 5, f"{place}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}", align="C")
    pdf.ln(8)

    pdf.set_font("Serif", "B", 13)
    pdf.multi_cell(0, 7, kind.upper(), align="C")
    pdf.set_font("Serif", "B", 11.5)
    pdf.multi_cell(0, 6, title, align="C")
    pdf.ln(5)

    pdf.set_font("Serif", "", 12)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6.5, "      " + paragraph, align="J")
        pdf.ln(2)

    pdf.ln(6)
    pdf.set_x(pdf.l_margin + 85)
    pdf.set_font("Serif", "B", 11.5)
    pdf.multi_cell(80, 6, signing_lines, align="C")
    pdf.ln(16)
    pdf.set_x(pdf.l_margin + 85)
    pdf.multi_cell(80, 6, signer, align="C")
    return bytes(pdf.output())
