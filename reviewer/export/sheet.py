"""A streamed (write-only) worksheet that counts its rows and merges ranges, and its styled cells: shared by the
XLSX export's sheets (xlsx) and its problem list (xlsx_problems)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange

from reviewer.errors import ReviewerError
from reviewer.export.common import esc

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_ROWS = 1_048_576


class _Sheet:
    """A write-only sheet that knows its next row and collects merged ranges."""

    def __init__(self, ws: WriteOnlyWorksheet, widths: Sequence[float]) -> None:
        self.ws = ws
        self.row = 0
        for i, w in enumerate(widths, 1):
            # the stub lacks what Worksheet._setup gives a write-only sheet at run time
            ws.column_dimensions[get_column_letter(i)].width = w  # type: ignore[attr-defined]

    def append(self, cells: list[Any]) -> int:
        if self.row >= MAX_ROWS:
            raise ReviewerError(f"工作表“{self.ws.title}”超过 Excel 的 {MAX_ROWS} 行上限：请分批导出，或导出 CSV")
        self.ws.append(cells)
        self.row += 1
        return self.row

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        """1-based inclusive."""
        ranges = self.ws.merged_cells.ranges  # type: ignore[attr-defined]  # (the stub, as above)
        ranges.add(CellRange(min_col=c0, min_row=r0, max_col=c1, max_row=r1))


def _cell(ws: WriteOnlyWorksheet, value: Any, style: str = "rr-value") -> Cell:
    c = WriteOnlyCell(ws, value=esc(value))
    c.style = style
    return c
