"""A review document as DOCX (python-docx), laid out like a Chinese official document (GB/T 9704): A4, the
title in 小标宋, level-1 headings in 黑体, level-2 in 楷体, the body in 仿宋, page numbers centred as “— 1 —”.

East Asian font names are set in every style's and run's `w:rFonts` (`w:eastAsia`): Word and WPS take the
Chinese font from there, and substitute one they have when it is missing.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reviewer.export.common import atomic_path
from reviewer.review_report.content import Document, Heading, Paragraph, Table, choose_font

SIZES = {"title": 22, "heading": 16, "subheading": 15, "body": 14, "note": 12, "table": 10.5}  # 二号 三号 … 五号
LATIN = "Times New Roman"


def _fonts(element: object, east_asian: str) -> None:
    """Set the Latin and the East Asian font of a style's or run's properties."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), east_asian)


def _run(paragraph: object, text: str, role: str, size: float, *, bold: bool = False, mark: bool = False) -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.size = Pt(size)
    run.font.bold = bold or mark or None
    if mark:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.font.underline = True
    _fonts(run._element, choose_font(role, None))


def _page_number(section: object) -> None:
    footer = section.footer  # type: ignore[attr-defined]
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "— ", "body", 14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    field.append(r)
    p._p.append(field)
    _run(p, " —", "body", 14)


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _table(doc: object, t: Table, usable_mm: float) -> None:
    table = doc.add_table(rows=1, cols=len(t.header))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = t.widths or [1.0] * len(t.header)
    total = sum(widths)
    for i, text in enumerate(t.header):
        cell = table.rows[0].cells[i]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], text, "heading", SIZES["table"], bold=True)
    _repeat_header(table.rows[0])
    for values in t.rows:
        cells = table.add_row().cells
        for i, text in enumerate(values):
            _run(cells[i].paragraphs[0], text, "body", SIZES["table"])
    table.autofit = False
    for i, w in enumerate(widths):  # the grid (LibreOffice, WPS) and each cell (Word) both carry the width
        width = Mm(usable_mm * w / total)
        table.columns[i].width = width
        for row in table.rows:
            row.cells[i].width = width
    doc.add_paragraph()  # type: ignore[attr-defined]


def write_docx(document: Document, path: str | Path) -> Path:
    """Write the document; atomically (a half-written file never replaces an earlier one)."""
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    usable = 210 - 28 - 26
    normal = doc.styles["Normal"]
    normal.font.name = LATIN
    normal.font.size = Pt(SIZES["body"])
    _fonts(normal.element, choose_font("body", None))
    doc.core_properties.title = document.title
    doc.core_properties.author = "年报审核台 Report Reviewer"
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, document.title, "title", SIZES["title"])
    if document.subtitle:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(sub, document.subtitle, "subheading", SIZES["body"])
    for block in document.blocks:
        if isinstance(block, Heading):
            p = doc.add_paragraph()
            p.paragraph_format.keep_with_next = True
            role = {1: "heading", 2: "subheading"}.get(block.level, "body")
            _run(p, block.text, role, SIZES["heading"] if block.level == 1 else SIZES["body"], bold=block.level == 3)
        elif isinstance(block, Table):
            _table(doc, block, usable)
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph()
            size = SIZES["note"] if block.style in ("note", "excerpt") else SIZES["body"]
            if block.style == "body":
                p.paragraph_format.first_line_indent = Pt(size * 2)
            for r in block.runs:
                _run(p, r.text, "body", size, bold=r.bold, mark=r.mark)
    if document.footer:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(p, document.footer, "body", SIZES["note"])
    _page_number(section)
    target = Path(path)
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
    return target


__all__ = ["write_docx"]
