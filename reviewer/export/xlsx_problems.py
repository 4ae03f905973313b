"""The XLSX export's list of problems (问题清单): every finding of the exported reports, numbered as `reviewer
show` numbers them, with how it was resolved — confirmed as a source defect (源文件错误, with reason and
should-be values), acknowledged at verification, or open. Cells named by a source defect are marked in the
table sheets (`DEFECT_FILL`, with a note)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from reviewer.export.problems import CellDefect, problems
from reviewer.export.sheet import _cell, _Sheet
from reviewer.store.backend import Db

if TYPE_CHECKING:
    from openpyxl import Workbook

    from reviewer.export.common import ReportRow

PROBLEMS = "问题清单"
DEFECT_FILL = PatternFill("solid", fgColor="F8CBAD")
PROBLEMS_HEADER = ["报告编号", "机关", "年度", "状态", "编号", "类别", "规则", "问题", "单元格", "处理", "理由", "应为",
                   "处理人", "处理时间"]
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def mark(cell: Any, defect: CellDefect) -> None:
    """A cell confirmed as a source defect: its own fill and a note saying why and what it should be."""
    cell.style = "rr-defect"
    cell.comment = Comment(defect.text(), "年报审核台")


def write_problems(wb: Workbook, conn: Db, reports: list[ReportRow]) -> int:
    sheet = _Sheet(wb.create_sheet(PROBLEMS), [9, 28, 7, 8, 6, 6, 8, 60, 36, 10, 30, 24, 10, 24], title_rows="1:1")
    ws = sheet.ws
    sheet.append([_cell(ws, h, "rr-header") for h in PROBLEMS_HEADER])
    by_id = {r.id: r for r in reports}
    n = 0
    for p in problems(conn, list(by_id)):
        r = by_id[p.report_id]
        f = p.finding
        should = "\n".join(f"{cid} = {'空' if v is None else v}" for cid, v in p.should_be.items()) or None
        style = "rr-defect" if p.resolution == "源文件错误" else "rr-label"
        sheet.append([_cell(ws, x, "rr-label") for x in (
            r.id, r.agency, r.year, r.status_label, p.number, SEVERITY.get(f.severity, f.severity), f.rule,
            f.message, "\n".join(f.cells) or None)] + [_cell(ws, p.resolution, style)]
            + [_cell(ws, x, "rr-label") for x in (p.reason, should, p.by, p.at)])
        n += 1
    ws.freeze_panes = "A2"
    return n
