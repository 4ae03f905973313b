"""Values corrected in an exported spreadsheet, brought back as audited edits (the Excel round trip).

1. `read_edits(conn, FILE)` reads an export (XLSX official layout or CSV long) a colleague edited and compares
   it with the library, in one read-only snapshot: every cell whose value in the file differs from the value it
   had when exported is a change (old → new). The export carries each report's version and the id of its latest
   audit line; where the library changed the cell since (an audit line after that id), the change is a conflict
   and is not applied: the library's value is shown beside it. A re-parse since the export makes every change
   of that report a conflict (its cells may have moved).
2. `apply_edits(lib, preview, reviewer)` writes the accepted changes, one audited batch per report with the
   reason “Excel: FILE”, each at the report's version seen in the preview (a write since then is refused).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.errors import ReviewerError, ValidationError
from reviewer.export.common import iter_cells, unescape_text
from reviewer.formats import column_kind
from reviewer.store.backend import Db
from reviewer.store.records import check_value
from reviewer.store.types import CELL_KINDS, KIND_REPARSE, STATUS_VERIFIED, Change, Value

if TYPE_CHECKING:
    from reviewer.store.library import Library


@dataclass(slots=True)
class CellChange:
    report_id: int
    cell: str
    old: Value  # in the library when exported
    new: Value  # in the file
    current: Value  # in the library now
    conflict: str = ""  # why it is not applied ('' when it can be)

    @property
    def is_conflict(self) -> bool:
        return bool(self.conflict)


@dataclass(slots=True)
class EditsPreview:
    path: Path
    changes: list[CellChange] = field(default_factory=list)  # conflicts included
    versions: dict[int, int] = field(default_factory=dict)  # report id -> its version now (applied at it)
    problems: list[str] = field(default_factory=list)  # what in the file could not be read, one line each
    agencies: dict[int, str] = field(default_factory=dict)

    @property
    def applicable(self) -> list[CellChange]:
        return [c for c in self.changes if not c.is_conflict]

    @property
    def conflicts(self) -> list[CellChange]:
        return [c for c in self.changes if c.is_conflict]

    @property
    def reason(self) -> str:
        return f"Excel: {self.path.name}"

    def text(self) -> str:
        return (f"{self.path.name}：{len(self.changes)} 处修改，其中 {len(self.conflicts)} 处与资料库的后续修改冲突"
                + (f"，{len(self.problems)} 处无法读取" if self.problems else ""))


@dataclass(slots=True)
class _Exported:
    version: int
    seq: int
    values: dict[str, Any]  # cell -> value in the file
    where: dict[str, str]  # cell -> where in the file (for messages)


def _number(cid: str, v: Any, template: str | None, variant: str | None) -> Value:
    """A value read from the file as the store keeps it: text read as a reviewer's input, a whole float of a
    count column as an int (Excel keeps every number as a float)."""
    if isinstance(v, str):
        v = unescape_text(v).strip()
        if v == "":
            return None
    value = check_value(cid, v)
    if isinstance(value, float) and value.is_integer():
        table, rest = cid.split(":", 1)
        col = rest.rsplit(":", 1)[1]
        if column_kind(template, table, col, variant if table == "table2" else None) != "money":
            return int(value)
    return value


def _equal(a: Value, b: Value) -> bool:
    """Equal as a spreadsheet shows them: 3 and 3.0 are the same number here."""
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def _read_csv(path: Path, problems: list[str]) -> dict[int, _Exported]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030")  # Excel on a Chinese Windows saves CSV in GBK
    reader = csv.DictReader(io.StringIO(text))
    need = {"report_id", "table", "row", "column", "value", "report_version", "audit_seq"}
    if not need <= set(reader.fieldnames or ()):
        raise ValidationError(f"{path.name}：不是本程序导出的长表 CSV（缺少列 "
                              + "、".join(sorted(need - set(reader.fieldnames or ()))) + "）")
    out: dict[int, _Exported] = {}
    for n, row in enumerate(reader, 2):
        try:
            rid = int(row["report_id"])
            exp = out.setdefault(rid, _Exported(int(row["report_version"]), int(row["audit_seq"]), {}, {}))
        except (TypeError, ValueError):
            problems.append(f"第 {n} 行：报告编号或版本不是数字")
            continue
        cid = f"{unescape_text(row['table'])}:{unescape_text(row['row'])}:{unescape_text(row['column'])}"
        exp.values[cid] = row["value"]
        exp.where[cid] = f"第 {n} 行"
    return out


def _read_xlsx(path: Path, conn: Db, problems: list[str]) -> dict[int, _Exported]:
    import openpyxl

    from reviewer.export.xlsx import AUDIT_SEQ_HEADER, PROVENANCE, SHEET_NAMES, VERSION_HEADER, form_for

    try:
        wb = openpyxl.load_workbook(path, read_only=True)  # formulas as written: a formula is not a value
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ValidationError(f"{path.name}：无法作为 Excel 工作簿打开（{type(exc).__name__}）") from None
    try:
        if PROVENANCE not in wb.sheetnames:
            raise ValidationError(f"{path.name}：不是本程序导出的 XLSX（没有“{PROVENANCE}”工作表）")
        rows: list[tuple[Any, ...]] = list(wb[PROVENANCE].iter_rows(values_only=True))
        header = list(rows[0]) if rows else []
        if VERSION_HEADER not in header or AUDIT_SEQ_HEADER not in header:
            raise ValidationError(f"{path.name}：导出文件缺少报告版本（请用新版本重新导出）")
        vi, si = header.index(VERSION_HEADER), header.index(AUDIT_SEQ_HEADER)
        out = {int(r[0]): _Exported(int(r[vi]), int(r[si]), {}, {}) for r in rows[1:] if r and r[0] is not None}
        meta = {rid: conn.execute("SELECT template, table2_variant FROM reports WHERE id = ?", (rid,)).fetchone()
                for rid in out}
        cells = {rid: [c for c, *_ in cs] for rid, cs in iter_cells(conn, [r for r in out if meta[r]])}
        for tid, name in SHEET_NAMES.items():
            if name not in wb.sheetnames:
                continue
            grid = [list(r) for r in wb[name].iter_rows(values_only=True)]
            for top, line in enumerate(grid):
                title = str(line[0]) if line and line[0] is not None else ""
                if not title.startswith("#"):
                    continue
                try:
                    rid = int(title[1:].split()[0])
                except ValueError:
                    continue
                if rid not in out or not meta.get(rid):
                    continue
                template, variant = meta[rid]
                ids_t = [c for c in cells.get(rid, []) if c.startswith(tid + ":")]
                if not ids_t:
                    continue
                form = form_for(template, variant if tid == "table2" else None, tid, ids_t)
                _read_block(grid, name, top, form, rid, out[rid], problems)
        return out
    finally:
        wb.close()


def _read_block(grid: list[list[Any]], sheet: str, top: int, form: Any, rid: int, exp: _Exported,
                problems: list[str]) -> None:
    """The values of one report's table, whose title row is `top` (0-based) of `grid`, by the form's positions;
    refused when the form's labels are no longer where they were written (rows or columns moved)."""
    from openpyxl.utils import get_column_letter

    from reviewer.formlayout import CELL

    def at(y: int, c: int) -> Any:
        return grid[y][c] if y < len(grid) and c < len(grid[y]) else None

    def where(y: int, c: int) -> str:
        return f"“{sheet}” {get_column_letter(c + 1)}{y + 1}"

    moved = next(((top + 1 + r, c) for r, line in enumerate(form.rows) for c, slot in enumerate(line)
                  if slot.kind != CELL and slot.text and unescape_text(str(at(top + 1 + r, c) or "")) != slot.text),
                 None)
    if moved is not None:
        problems.append(f"报告 {rid} {where(*moved)}：表格的行列已改动（应为“{form.rows[moved[0] - top - 1][moved[1]].text}”），"
                        "此表未导入")
        return
    for cid, (r, c) in form.positions().items():
        y = top + 1 + r
        value = at(y, c)
        if isinstance(value, str) and value.startswith("="):
            problems.append(f"报告 {rid} {where(y, c)}：单元格是公式 {value}，未导入（请粘贴为数值）")
            continue
        exp.values[cid] = value
        exp.where[cid] = where(y, c)


def read_edits(conn: Db, path: str | Path) -> EditsPreview:
    """Compare an edited export with the library (a read-only connection in one snapshot)."""
    target = Path(path)
    if not target.is_file():
        raise ReviewerError(f"{target}：文件不存在")
    preview = EditsPreview(target)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        exported = _read_csv(target, preview.problems)
    elif suffix in (".xlsx", ".xlsm"):
        exported = _read_xlsx(target, conn, preview.problems)
    else:
        raise ValidationError(f"{target.name}：只能导入本程序导出的 XLSX 或长表 CSV")
    for rid, exp in sorted(exported.items()):
        row = conn.execute("SELECT version, template, table2_variant, agency, status, retired_at FROM reports "
                           "WHERE id = ?", (rid,)).fetchone()
        if row is None:
            preview.problems.append(f"报告 {rid}：资料库中没有这份报告")
            continue
        version, template, variant, agency, status, retired = row
        closed = ("报告已停用" if retired else
                  "报告已核实（只读）：请先重新打开审核" if status == STATUS_VERIFIED else "")
        preview.versions[rid] = version
        preview.agencies[rid] = agency or ""
        current = dict(conn.execute("SELECT cell, value FROM cells WHERE report_id = ?", (rid,)).fetchall())
        later = conn.execute("SELECT kind, cell, old_value FROM edits WHERE report_id = ? AND id > ? ORDER BY id",
                             (rid, exp.seq)).fetchall()
        reparsed = any(k == KIND_REPARSE for k, _c, _o in later)
        at_export: dict[str, Value] = {}
        for kind, cell, old in later:
            if kind in CELL_KINDS and cell not in at_export:
                at_export[cell] = old  # the value it had before its first change since the export
        for cid, raw in exp.values.items():
            if cid not in current:
                if raw not in (None, ""):
                    preview.problems.append(f"报告 {rid} {exp.where[cid]}：资料库中的报告没有单元格 {cid}")
                continue
            try:
                new = _number(cid, raw, template, variant)
            except ValidationError:
                preview.problems.append(f"报告 {rid} {exp.where[cid]}：“{raw}”不是数字")
                continue
            now_v = current[cid]
            old = at_export.get(cid, now_v)
            if _equal(new, old) or _equal(new, now_v):
                continue  # unchanged in the file, or already what the library holds
            why = closed
            if not why and reparsed:
                why = "导出后报告已重新解析"
            elif not why and cid in at_export:
                why = f"导出后资料库中已改为 {'空' if now_v is None else now_v}"
            preview.changes.append(CellChange(rid, cid, old, new, now_v, why))
    return preview


def apply_edits(lib: Library, preview: EditsPreview, *, reviewer: str | None,
                accepted: Iterable[CellChange] | None = None) -> list[Change]:
    """Write the accepted changes (default: every one without a conflict), one batch per report, with the
    reason “Excel: FILE”. A conflict is never written."""
    chosen = [c for c in (preview.applicable if accepted is None else accepted) if not c.is_conflict]
    by_report: dict[int, dict[str, Value]] = {}
    for c in chosen:
        by_report.setdefault(c.report_id, {})[c.cell] = c.new
    out = []
    for rid, values in by_report.items():
        out.append(lib.set_cells(rid, values, reviewer=reviewer, reason=preview.reason,
                                 expected_version=preview.versions[rid]))
    return out


__all__ = ["CellChange", "EditsPreview", "apply_edits", "read_edits"]
