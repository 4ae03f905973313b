"""XLSX: one sheet per table laid out like the official form (merged headers, the row hierarchy), one block
per report (cells confirmed as source defects marked, with a note), plus sheets of provenance, of the audit trail
and the list of problems (问题清单, `xlsx_problems`). Streamed (openpyxl write-only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

from reviewer.export.common import (
    EXPORT_VERSION,
    ExportResult,
    LibrarySource,
    atomic_path,
    audit_positions,
    escape_text,
    iter_cells,
    labels,
    open_reader,
    select_reports,
)
from reviewer.export.problems import CellDefect, cell_defects
from reviewer.export.sheet import (  # noqa: F401 (MAX_ROWS: for readers of this module)
    LINE_HEIGHT,
    MAX_ROWS,
    _cell,
    _Sheet,
    column_points,
    print_setup,
    text_width,
)
from reviewer.export.xlsx_problems import DEFECT_FILL, mark, write_problems
from reviewer.formats import TABLE_SHORT
from reviewer.formlayout import BLANK, CAPTION, CELL, HEADER, TABLES, HeaderTexts, Slot, layout
from reviewer.model import ORIGIN_EDITED, ORIGIN_POSITION
from reviewer.store.types import STATUS_LABELS

if TYPE_CHECKING:
    pass

SHEET_NAMES = {"table2": "表二 主动公开", "table3": "表三 依申请", "table4": "表四 复议诉讼"}
PROVENANCE = "来源"
AUDIT = "审核记录"
EDITED_FILL = PatternFill("solid", fgColor="FFF2CC")
POSITION_FILL = PatternFill("solid", fgColor="FCE4D6")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FILL = PatternFill("solid", fgColor="BDD7EE")
_thin = Side(style="thin", color="808080")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


# The corner of a provincial table 2 reads 信息内容 here, like the national one (the review grid shows the
# variant's name there).
TEXTS = HeaderTexts(variant=HeaderTexts().content)


@dataclass(frozen=True, slots=True)
class Form:
    """A table's form in Excel's terms: merges are (row0, col0, row1, col1), zero-based and inclusive, and the
    slots they cover are blank (Excel keeps only a merge's top-left cell)."""

    width: int
    rows: list[list[Slot]]
    merges: list[tuple[int, int, int, int]]

    def positions(self) -> dict[str, tuple[int, int]]:
        return {s.cid: (r, c) for r, row in enumerate(self.rows) for c, s in enumerate(row) if s.cid}


NO_TABLE = Form(1, [], [])


def form_for(template: str | None, variant: str | None, tid: str, cells: list[str]) -> Form:
    """The form of one table of a report (`reviewer.formlayout`), as printed, given the cell ids it has."""
    grid = layout(template, variant, tid, cells, TEXTS)
    covered = grid.covered()
    hidden = [grid.slots[r][c].cid for r, c in covered if grid.slots[r][c].kind == CELL]
    if hidden:
        raise ValueError(f"a merge covers the value cell {hidden[0]}")
    rows = [[Slot(BLANK) if (r, c) in covered else s for c, s in enumerate(line)] for r, line in enumerate(grid.slots)]
    return Form(max(grid.cols, 1), rows, grid.merged_ranges())


@lru_cache(maxsize=512)
def _form(template: str | None, variant: str | None, tid: str, cells: tuple[str, ...]) -> Form:
    return form_for(template, variant, tid, list(cells))


def title_text(rid: int, agency: str | None, year: int | None, status: str) -> str:
    """The row above each report's block; `#id` first so a reader can find the blocks again."""
    return f"#{rid} {agency or '（未识别机关）'} {year or '？'}年 · {STATUS_LABELS.get(status, status)}"


def _styles(wb: Workbook) -> None:
    """Named styles, registered once: a cell then takes its style by name (assigning font, fill and border
    objects to each cell would hash them every time, and dominate the export)."""
    bold = Font(bold=True)
    specs: dict[str, dict[str, Any]] = {
        "rr-title": {"font": bold, "fill": TITLE_FILL, "alignment": LEFT, "border": BORDER},
        "rr-header": {"font": bold, "fill": HEADER_FILL, "alignment": CENTER, "border": BORDER},
        "rr-label": {"alignment": LEFT, "border": BORDER},
        "rr-value": {"border": BORDER},
        "rr-edited": {"fill": EDITED_FILL, "border": BORDER},
        "rr-position": {"fill": POSITION_FILL, "border": BORDER},
        "rr-defect": {"fill": DEFECT_FILL, "border": BORDER},
        "rr-plain": {},
    }
    for name, attrs in specs.items():
        wb.add_named_style(NamedStyle(name=name, **attrs))


def row_heights(form: Form, width: Callable[[int, int], float]) -> list[float]:
    """The height of each row of a form so that every label and header shows whole, wrapped inside its
    (merged) cell: a text spanning several rows shares its lines among them. `width(c0, c1)`: 1-based columns."""
    spans = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in form.merges}
    heights = [LINE_HEIGHT + 1] * len(form.rows)
    for r, slots in enumerate(form.rows):
        for c, s in enumerate(slots):
            if s.kind == CELL or not s.text:
                continue
            r1, c1 = spans.get((r, c), (r, c))
            room = max(width(c + 1, c1 + 1) - 1, 1)
            lines = -(-text_width(s.text) // int(room))
            per_row = (lines * LINE_HEIGHT + 2) / (r1 - r + 1)
            for y in range(r, r1 + 1):
                heights[y] = max(heights[y], per_row)
    return [round(h, 1) for h in heights]


def _write_block(sheet: _Sheet, form: Form, title: str, values: dict[str, tuple[Any, str]],
                 defects: dict[str, CellDefect] | None = None) -> None:
    """One report's table, on a page of its own."""
    ws = sheet.ws
    width = form.width
    sheet.page_break()
    top = sheet.append([_cell(ws, title, "rr-title")] + [None] * (width - 1), LINE_HEIGHT + 4)
    sheet.merge(top, 1, top, width)
    first = sheet.row + 1
    heights = row_heights(form, sheet.width)
    sheet.widest = max(sheet.widest, sum(column_points(sheet.width(c, c)) for c in range(1, width + 1)))
    sheet.tallest = max(sheet.tallest, LINE_HEIGHT + 4 + sum(heights))
    for slots, height in zip(form.rows, heights, strict=True):
        out: list[Any] = []
        for s in slots:
            if s.kind == CELL and s.cid is not None:
                v, origin = values.get(s.cid, (None, ""))
                style = "rr-edited" if origin == ORIGIN_EDITED else "rr-position" if origin == ORIGIN_POSITION \
                    else "rr-value"
                out.append(_cell(ws, v, style))
                if defects and s.cid in defects:
                    mark(out[-1], defects[s.cid])
            elif s.kind == BLANK:
                out.append(_cell(ws, None))
            elif s.kind in (HEADER, CAPTION):
                out.append(_cell(ws, s.text, "rr-header"))
            else:
                out.append(_cell(ws, s.text, "rr-label"))
        sheet.append(out, height)
    for r0, c0, r1, c1 in form.merges:
        sheet.merge(first + r0, c0 + 1, first + r1, c1 + 1)
    if not form.rows:
        sheet.append([_cell(ws, "（报告中没有此表）", "rr-plain")])
    sheet.append([])


def write_xlsx(lib: LibrarySource, path: str | Path, *, include_all: bool = False, ids: list[int] | None = None,
               **filters: object) -> ExportResult:
    conn = open_reader(lib)
    wb = Workbook(write_only=True)
    wb.properties.creator = "年报审核台 Report Reviewer"
    wb.properties.title = "政府信息公开工作年度报告 统计表"
    wb.properties.description = f"report-reviewer export v{EXPORT_VERSION}"
    _styles(wb)
    try:
        reports = select_reports(conn, include_all=include_all, ids=ids, **filters)  # type: ignore[arg-type]
        by_id = {r.id: r for r in reports}
        sheets = {t: _Sheet(wb.create_sheet(SHEET_NAMES[t]), [16, 14, 30] + [11] * 15 if t == "table3"
                            else [22] + [13] * 14) for t in TABLES}
        defects = cell_defects(conn, list(by_id))
        for rid, cells in iter_cells(conn, list(by_id)):
            r = by_id[rid]
            title = title_text(rid, r.agency, r.year, r.status)
            values = {cid: (v, o) for cid, v, _p, o in cells}
            for t in TABLES:
                ids_t = tuple(cid for cid, *_ in cells if cid.startswith(t + ":"))
                form = _form(r.template, r.variant if t == "table2" else None, t, ids_t) if ids_t else NO_TABLE
                _write_block(sheets[t], form, f"{title} · {TABLE_SHORT[t]}", values, defects.get(rid))
        for sheet in sheets.values():
            sheet.fit_tables()
        _provenance(wb, conn, reports)
        n_audit = _audit(wb, conn, reports)
        write_problems(wb, conn, reports)
        with atomic_path(path) as tmp:
            wb.save(tmp)
    except BaseException:
        _discard(wb)
        raise
    finally:
        conn.close()
    return ExportResult(Path(path), "xlsx", len(reports), n_audit)


def _discard(wb: Workbook) -> None:
    """A write-only workbook that will not be saved (cancelled, failed): finish each sheet's stream and remove
    the temporary file openpyxl keeps it in."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            ws.close()
        except Exception:  # noqa: BLE001 - a sheet already closed, or its stream broken: remove it all the same
            pass
        try:
            writer.cleanup()
        except (OSError, ValueError):
            pass


VERSION_HEADER = "版本"
AUDIT_SEQ_HEADER = "审核记录位置"
PROVENANCE_HEADER = ["报告编号", "机关", "年度", "地区", "格式", "表二变体", "状态", "源文件", "SHA-256", "文件格式",
                     "解析器版本", "审核人", "核实时间", "核实说明", "已说明的警告", "导入时间", "更新时间", "错误", "警告",
                     VERSION_HEADER, AUDIT_SEQ_HEADER]
# The report's version and the id of its latest audit line when exported: `reviewer import-edits` reads them.


def _provenance(wb: Workbook, conn: Any, reports: list[Any]) -> None:
    sheet = _Sheet(wb.create_sheet(PROVENANCE), [9, 28, 7, 14, 7, 12, 8, 30, 66, 8, 10, 10, 24, 30, 40, 24, 24, 6, 6, 6, 12],
                   title_rows="1:1")
    ws = sheet.ws
    sheet.append([_cell(ws, h, "rr-header") for h in PROVENANCE_HEADER])
    seqs = audit_positions(conn, [r.id for r in reports])
    for r in reports:
        v = conn.execute("SELECT id, note FROM verifications WHERE report_id = ? ORDER BY id DESC LIMIT 1",
                         (r.id,)).fetchone()
        acks = ""
        if v is not None:
            acks = "\n".join(f"{k}：{why}" for k, why in conn.execute(
                f"SELECT finding_key, reason FROM acknowledgements WHERE verification_id = ? ORDER BY {conn.insert_order}",
                (v[0],)))
        sheet.append([_cell(ws, x, "rr-label") for x in (
            r.id, r.agency, r.year, r.region, r.template, r.variant, r.status_label, r.source_name, r.sha256,
            r.source_format, r.parser_version, r.reviewer, r.verified_at, v[1] if v else None, acks or None,
            r.imported_at, r.updated_at, r.errors, r.warnings, r.version, seqs[r.id])])
    sheet.ws.freeze_panes = "B2"


AUDIT_HEADER = ["报告编号", "时间", "审核人", "类型", "单元格", "表", "行", "列", "原值", "新值", "理由", "批次", "序号"]
KIND_LABELS = {"edit": "修改", "undo": "撤销", "redo": "重做", "paste": "粘贴", "suggestion": "采纳建议",
               "clear": "清空", "metadata": "修改基本信息", "status": "状态", "reparse": "重新解析", "import": "导入",
               "confirm": "确认源文件错误", "withdraw": "撤销源文件错误确认", "should_be": "应为",
               "retire": "停用", "restore": "恢复", "choose_version": "选定版本"}


def _audit(wb: Workbook, conn: Any, reports: list[Any]) -> int:
    sheet = _Sheet(wb.create_sheet(AUDIT), [9, 24, 10, 12, 36, 6, 30, 14, 10, 10, 30, 8, 8], title_rows="1:1")
    ws = sheet.ws
    sheet.append([_cell(ws, h, "rr-header") for h in AUDIT_HEADER])
    by_id = {r.id: r for r in reports}
    n = 0
    import json

    cur = conn.execute("SELECT e.id, e.report_id, e.batch, e.kind, e.cell, e.old_value, e.new_value, e.reviewer, "
                       f"e.at, e.reason FROM {conn.each_int} AS j JOIN edits AS e ON e.report_id = j.value "
                       "ORDER BY j.key, e.id", (json.dumps(list(by_id)),))
    for eid, rid, batch, kind, cell, old, new, who, at, reason in cur:
        r = by_id[rid]
        table = row = col = None
        old_v, new_v = old, new
        if kind == "status":
            old_v, new_v = STATUS_LABELS.get(old, old), STATUS_LABELS.get(new, new)
        elif cell and cell.count(":") >= 2:
            t = cell.split(":", 1)[0]
            lab = labels(r.template, r.variant if t == "table2" else None, cell)
            table, row, col = TABLE_SHORT.get(t, t), lab.row_label, lab.column_label
        sheet.append([_cell(ws, x, "rr-label") for x in (
            rid, at, who, KIND_LABELS.get(kind, kind), cell, table, row, col, old_v, new_v, reason, batch, eid)])
        n += 1
    sheet.ws.freeze_panes = "A2"
    return n


__all__ = ["escape_text", "title_text", "write_xlsx"]
