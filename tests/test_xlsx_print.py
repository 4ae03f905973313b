"""The XLSX export prints: landscape A4, every table on a page of its own at a scale where it fits in width and
height, labels wrapped inside their merged cells, list sheets fit to width with their header row repeated."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from reviewer.export import export
from reviewer.export.sheet import LINE_HEIGHT, PAGE_HEIGHT, PAGE_WIDTH, column_points, text_width
from reviewer.export.xlsx import AUDIT, PROVENANCE, SHEET_NAMES
from reviewer.export.xlsx_problems import PROBLEMS
from reviewer.store import Library


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    d = tmp_path_factory.mktemp("print")
    with Library(d / "lib.sqlite3") as lib:
        n = len(lib.list_reports())
        out = d / "all.xlsx"
        export(lib, out, "xlsx", include_all=True)
    return out, n


def _titles(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[int]:
    return [r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("#")]


def test_page_setup_of_the_table_sheets(workbook: tuple[Path, int]) -> None:
    path, n = workbook
    wb = openpyxl.load_workbook(path)
    for name in SHEET_NAMES.values():
        ws = wb[name]
        ps = ws.page_setup
        assert (ps.orientation, ps.paperSize) == ("landscape", 9)  # A4
        titles = _titles(ws)
        assert len(titles) == n
        # one table per page: a manual break before every table but the first
        assert [b.id for b in ws.row_breaks.brk] == [t - 1 for t in titles[1:]]
        # the scale fits the widest table in the page's width and the tallest in its height
        scale = ps.scale / 100
        blocks = list(zip(titles, [*titles[1:], ws.max_row + 2], strict=True))
        for top, nxt in blocks:
            used = max(c.column for row in ws.iter_rows(min_row=top, max_row=nxt - 2) for c in row
                       if c.value is not None or c.coordinate in ws.merged_cells)
            width = sum(column_points(ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width)
                        for c in range(1, used + 1))
            height = sum(ws.row_dimensions[r].height or 15 for r in range(top, nxt - 1))
            assert width * scale <= PAGE_WIDTH and height * scale <= PAGE_HEIGHT, (name, top)
        assert ps.scale >= 40  # and no smaller than it must be: still legible


def test_labels_wrap_inside_their_merged_cells(workbook: tuple[Path, int]) -> None:
    path, _ = workbook
    ws = openpyxl.load_workbook(path)[SHEET_NAMES["table3"]]
    top = _titles(ws)[0]
    spans = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    checked = 0
    for row in ws.iter_rows(min_row=top + 1, max_row=top + 40):
        for c in row:
            if not isinstance(c.value, str) or c.column > 3:
                continue
            assert c.alignment.wrap_text, c.coordinate
            m = spans.get((c.row, c.column))
            cols = range(c.column, (m.max_col if m else c.column) + 1)
            rows = range(c.row, (m.max_row if m else c.row) + 1)
            width = sum(ws.column_dimensions[openpyxl.utils.get_column_letter(x)].width for x in cols)
            lines = -(-text_width(c.value) // int(width - 1))
            assert sum(ws.row_dimensions[r].height or 15 for r in rows) >= lines * LINE_HEIGHT, c.coordinate
            checked += 1
    assert checked > 20


def test_list_sheets_fit_to_width_with_their_header_repeated(workbook: tuple[Path, int]) -> None:
    path, _ = workbook
    wb = openpyxl.load_workbook(path)
    for name in (PROVENANCE, AUDIT, PROBLEMS):
        ws = wb[name]
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
        assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"


def _pdf_pages(xlsx: Path, out: Path) -> list[str] | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = (out / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(out), str(xlsx)], capture_output=True, timeout=180, check=False)
    pdf = out / (xlsx.stem + ".pdf")
    if not pdf.exists():
        return None
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def test_printed_by_libreoffice_one_table_a_page(workbook: tuple[Path, int], tmp_path: Path) -> None:
    path, n = workbook
    pages = _pdf_pages(path, tmp_path)
    if pages is None:
        pytest.skip("LibreOffice Calc (soffice) is not installed: cannot print the workbook to PDF")
    # the footer names the sheet: a page per table of each report, then the lists (sources, audit, problems)
    tables = [p for p in pages if any(f"{name} — 第" in p for name in SHEET_NAMES.values())]
    assert len(tables) == 3 * n and pages[:3 * n] == tables
    wb = openpyxl.load_workbook(path)
    order = [str(wb[name].cell(t, 1).value).split()[0] for name in SHEET_NAMES.values() for t in _titles(wb[name])]
    for page, tag in zip(tables, order, strict=True):
        assert tag + " " in page  # the table's own title…
    for page in tables[n:2 * n]:
        assert "申请人情况" in page and "（七）总计" in page  # …its header and its last row, on the same page
    assert 2 <= len(pages) - len(tables) <= 4  # the lists fit the width: a page or so each for five reports
