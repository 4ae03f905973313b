"""A streamed (write-only) worksheet, print-ready, that counts its rows and merges ranges, and its styled cells:
shared by the XLSX export's sheets (xlsx) and its problem list (xlsx_problems)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from reviewer.errors import ReviewerError
from reviewer.export.common import esc

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_ROWS = 1_048_576
# (the ignores below: openpyxl's stub lacks what Worksheet._setup gives a write-only sheet at run time)
LINE_HEIGHT = 14.5  # points per line of 11-point text
DEFAULT_WIDTH = 13.0


def text_width(text: str) -> int:
    """Width in Excel's character units: a CJK character takes two."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


# Landscape A4 less the margins below, in points: the room a page gives a table.
MARGIN_SIDE, MARGIN_TOP = 0.4, 0.6  # inches
PAGE_WIDTH = 841.9 - 2 * MARGIN_SIDE * 72
PAGE_HEIGHT = 595.3 - 2 * MARGIN_TOP * 72 - 12  # the footer's line


def column_points(width: float) -> float:
    """A column's printed width in points, from its width in characters of the default font. Excel's Calibri
    takes 7 px a character; LibreOffice without Calibri measures with DejaVu Sans, about 9.3 px: the estimate
    takes the wider, so a table fits its page in both."""
    return (width * 9.5 + 5) * 0.75


def print_setup(ws: Any, title_rows: str | None = None) -> None:
    """Print-ready: landscape A4, centred, narrow margins, the sheet and page number in the footer. A list
    (`title_rows`, e.g. "1:1", repeated on every page) fits the page's width and runs down as many pages as it
    needs; a sheet of tables gets its scale from `_Sheet.fit_tables` instead (Excel ignores manual page breaks
    under “fit to”)."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = MARGIN_SIDE
    ws.page_margins.top = ws.page_margins.bottom = MARGIN_TOP
    ws.oddFooter.center.text = "&A — 第 &P 页，共 &N 页"
    if title_rows:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = title_rows


class _Sheet:
    """A write-only sheet that knows its next row and collects merged ranges."""

    def __init__(self, ws: WriteOnlyWorksheet, widths: Sequence[float], title_rows: str | None = None) -> None:
        self.ws = ws
        self.row = 0
        self.widths = list(widths)
        self.widest = 0.0  # points, of the widest table written
        self.tallest = 0.0  # points, of the tallest table with its title
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w  # type: ignore[attr-defined]
        print_setup(ws, title_rows)

    def width(self, c0: int, c1: int) -> float:
        """The width of columns c0..c1 (1-based, inclusive), in Excel's character units."""
        return sum(self.widths[c - 1] if c <= len(self.widths) else DEFAULT_WIDTH for c in range(c0, c1 + 1))

    def fit_tables(self) -> int:
        """The scale at which every table of the sheet fits a page, in width and height, each table on its own
        page with its header rows (Excel's 10–100 %)."""
        if not self.widest:
            return 100
        scale = min(100.0, PAGE_WIDTH / self.widest * 100, PAGE_HEIGHT / self.tallest * 100)
        self.ws.page_setup.scale = max(10, int(scale))  # type: ignore[attr-defined]
        return self.ws.page_setup.scale  # type: ignore[attr-defined]

    def page_break(self) -> None:
        """The next row starts a new printed page."""
        if self.row:
            self.ws.row_breaks.append(Break(id=self.row))  # type: ignore[attr-defined]

    def append(self, cells: list[Any], height: float | None = None) -> int:
        if self.row >= MAX_ROWS:
            raise ReviewerError(f"工作表“{self.ws.title}”超过 Excel 的 {MAX_ROWS} 行上限：请分批导出，或导出 CSV")
        if height is not None:
            self.ws.row_dimensions[self.row + 1].height = height  # type: ignore[attr-defined]  # written with the row
        self.ws.append(cells)
        self.row += 1
        return self.row

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        """1-based inclusive."""
        self.ws.merged_cells.ranges.add(CellRange(min_col=c0, min_row=r0, max_col=c1, max_row=r1))  # type: ignore[attr-defined]



def _cell(ws: WriteOnlyWorksheet, value: Any, style: str = "rr-value") -> Cell:
    c = WriteOnlyCell(ws, value=esc(value))
    c.style = style
    return c


