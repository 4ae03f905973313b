"""The official forms as grids of slots (captions, headers, labels, value cells) with their merged ranges.

Pure data from `reviewer.formats`: the XLSX export lays each report's tables out with it. Three shapes:
`grid` (table 3: hierarchical row labels on the left, two-level column headers), `flat` (table 4: one row of
fifteen values under three header rows) and `blocks` (table 2: a caption row, a header row and rows per
第二十条 item). Provincial table-2 variants and unknown formats become grids of their label paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from reviewer.formats import TABLE_TITLES, load_format, load_formats, table2_variant

CAPTION, HEADER, LABEL, CELL, BLANK = "caption", "header", "label", "cell", "blank"
# Texts the official form prints that the format definitions do not carry.
CORNER = {"table3": "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"}
SUPER_HEADER = {"table3": "申请人情况"}
ITEM_HEADER = "信息内容"


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str
    text: str = ""
    cell: str | None = None


@dataclass(slots=True)
class Form:
    """rows × width slots; merges are (row0, col0, row1, col1), zero-based and inclusive."""

    title: str
    width: int
    rows: list[list[Slot]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)

    def add_row(self, slots: list[Slot]) -> int:
        row = slots + [Slot(BLANK)] * (self.width - len(slots))
        self.rows.append(row)
        return len(self.rows) - 1

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        if (r0, c0) != (r1, c1):
            self.merges.append((r0, c0, r1, c1))

    def finish(self) -> Form:
        """Blank every slot a merge covers except its top-left one (Excel keeps only that one)."""
        for r0, c0, r1, c1 in self.merges:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        if self.rows[r][c].kind == CELL:
                            raise ValueError(f"a merge covers the value cell {self.rows[r][c].cell}")
                        self.rows[r][c] = Slot(BLANK)
        return self

    def positions(self) -> dict[str, tuple[int, int]]:
        return {s.cell: (r, c) for r, row in enumerate(self.rows) for c, s in enumerate(row) if s.cell}


@dataclass(frozen=True, slots=True)
class _Row:
    key: str
    path: tuple[str, ...]  # group labels above the row
    label: str
    columns: tuple[str, ...] | None  # None: every column


@dataclass(frozen=True, slots=True)
class _Col:
    key: str
    label: str
    group: str | None


def _grid(title: str, rows: list[_Row], cols: list[_Col], row_keys_cells: dict[str, set[str]], tid: str) -> Form:
    depth = max((len(r.path) for r in rows), default=0) + 1
    grouped = any(c.group for c in cols)
    super_text = SUPER_HEADER.get(tid)
    head_rows = (1 if super_text else 0) + (2 if grouped else 1)
    form = Form(title, depth + len(cols))
    for _ in range(head_rows):
        form.add_row([])
    corner = CORNER.get(tid, ITEM_HEADER)
    form.rows[0][0] = Slot(HEADER, corner)
    form.merge(0, 0, head_rows - 1, depth - 1)
    top = 0
    if super_text:
        form.rows[0][depth] = Slot(HEADER, super_text)
        form.merge(0, depth, 0, depth + len(cols) - 1)
        top = 1
    c = 0
    while c < len(cols):
        col = cols[c]
        x = depth + c
        if grouped and col.group:
            end = c
            while end + 1 < len(cols) and cols[end + 1].group == col.group:
                end += 1
            form.rows[top][x] = Slot(HEADER, col.group)
            form.merge(top, x, top, depth + end)
            for k in range(c, end + 1):
                form.rows[top + 1][depth + k] = Slot(HEADER, cols[k].label)
            c = end + 1
            continue
        form.rows[top][x] = Slot(HEADER, col.label)
        form.merge(top, x, head_rows - 1, x)
        c += 1
    first = len(form.rows)
    for r in rows:
        slots = [Slot(LABEL, g) for g in r.path] + [Slot(LABEL, r.label)]
        slots += [Slot(BLANK)] * (depth - len(slots))
        present = row_keys_cells.get(r.key, set())
        for col in cols:
            cid = f"{tid}:{r.key}:{col.key}"
            in_form = r.columns is None or col.key in r.columns
            slots.append(Slot(CELL, cell=cid) if in_form or cid in present else Slot(BLANK))
        y = form.add_row(slots)
        form.merge(y, len(r.path), y, depth - 1)
    # Vertical merges of group labels over the consecutive rows they head.
    for level in range(depth - 1):
        y = first
        while y < len(form.rows):
            r = rows[y - first]
            if len(r.path) <= level:
                y += 1
                continue
            end = y
            while end + 1 < len(form.rows) and rows[end + 1 - first].path[:level + 1] == r.path[:level + 1]:
                end += 1
            form.merge(y, level, end, level)
            y = end + 1
    return form


def _flat(title: str, rows: list[_Row], cols: list[_Col], tid: str) -> Form:
    paths = [((r.path[0],) if r.path else ()) + (r.label,) for r in rows]
    depth = max(len(p) for p in paths)
    width = len(rows) * len(cols)
    form = Form(title, width)
    for _ in range(depth + 1):
        form.add_row([])
    for j, p in enumerate(paths):
        x0 = j * len(cols)
        for level, text in enumerate(p):
            form.rows[level][x0] = Slot(HEADER, text)
        for k, col in enumerate(cols):
            form.rows[len(p)][x0 + k] = Slot(HEADER, col.label)  # spans down to the last header row
            form.merge(len(p), x0 + k, depth, x0 + k)
        for level in range(len(p)):
            prev = paths[j - 1] if j else ()
            if level < len(prev) and prev[:level + 1] == p[:level + 1]:
                continue  # merged with the block before
            end = j
            while end + 1 < len(rows) and paths[end + 1][:level + 1] == p[:level + 1]:
                end += 1
            form.merge(level, x0, level, (end + 1) * len(cols) - 1)
    form.add_row([Slot(CELL, cell=f"{tid}:{r.key}:{c.key}") for r in rows for c in cols])
    return form


def _blocks(title: str, rows: list[_Row], cols: list[_Col], tid: str) -> Form:
    by_key = {c.key: c for c in cols}
    width = 1 + max(len(r.columns or cols) for r in rows)
    form = Form(title, width)
    i = 0
    while i < len(rows):
        group = rows[i].path[0] if rows[i].path else ""
        block = [rows[i]]
        while i + len(block) < len(rows) and (rows[i + len(block)].path[:1] or ("",))[0] == group:
            block.append(rows[i + len(block)])
        keys: list[str] = []
        for r in block:
            for k in r.columns or tuple(c.key for c in cols):
                if k not in keys:
                    keys.append(k)
        if group:
            y = form.add_row([Slot(CAPTION, group)])
            form.merge(y, 0, y, width - 1)
        y = form.add_row([Slot(HEADER, ITEM_HEADER)] + [Slot(HEADER, by_key[k].label) for k in keys])
        form.merge(y, len(keys), y, width - 1)
        for r in block:
            y = form.add_row([Slot(LABEL, r.label)] + [Slot(CELL, cell=f"{tid}:{r.key}:{k}")
                                                        if r.columns is None or k in r.columns else Slot(BLANK)
                                                        for k in keys])
            form.merge(y, len(keys), y, width - 1)
        i += len(block)
    return form


@cache
def _national(template: str, tid: str) -> tuple[str, str, tuple[_Row, ...], tuple[_Col, ...]]:
    tdef = load_format(template).tables[tid]
    rows = tuple(_Row(r.key, tuple(r.group.split("/")) if r.group else (), r.label, r.columns) for r in tdef.rows)
    cols = tuple(_Col(c.key, c.label, c.group) for c in tdef.columns)
    return tdef.title, tdef.kind, rows, cols


def form_for(template: str | None, variant: str | None, tid: str, cells: list[str]) -> Form:
    """The form of one table of a report, given the cell ids it has (in record order)."""
    return _form_for(template, variant, tid, cells).finish()


def _form_for(template: str | None, variant: str | None, tid: str, cells: list[str]) -> Form:
    row_cells: dict[str, set[str]] = {}
    row_order: list[str] = []
    col_order: list[str] = []
    for cid in cells:
        _t, rest = cid.split(":", 1)
        row, col = rest.rsplit(":", 1)
        if row not in row_cells:
            row_cells[row] = set()
            row_order.append(row)
        row_cells[row].add(cid)
        if col not in col_order:
            col_order.append(col)
    title = TABLE_TITLES.get(tid, tid)
    if not (tid == "table2" and variant) and template in load_formats() and tid in load_format(template).tables:
        title, kind, rows_def, cols_def = _national(template, tid)
        known = {r.key for r in rows_def}
        rows = [r for r in rows_def if r.key in row_cells]
        rows += [_Row(k, (), k, None) for k in row_order if k not in known]  # rows beyond the form, kept
        known_cols = {c.key for c in cols_def}
        cols = list(cols_def) + [_Col(k, k, None) for k in col_order if k not in known_cols]
        if not rows:
            return Form(title, 1)
        if kind == "flat" and len(cols) == len(cols_def):
            return _flat(title, rows, cols, tid)
        if kind == "blocks" and len(cols) == len(cols_def):
            return _blocks(title, rows, cols, tid)
        return _grid(title, rows, cols, row_cells, tid)
    v = table2_variant(variant) if tid == "table2" and variant else None
    col_labels = {c.key: c.label for c in v.columns} if v else {}
    rows = [_Row(k, tuple(k.split("/")[:-1]), k.split("/")[-1], None) for k in row_order]
    cols = [_Col(k, col_labels.get(k, k), None) for k in col_order]
    if v:
        title = f"{title}（{v.name}）"
    if not rows:
        return Form(title, 1)
    return _grid(title, rows, cols, row_cells, tid)
