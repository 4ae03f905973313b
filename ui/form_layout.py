"""The official form's layout of a table, as a grid of slots with merged ranges (no Qt).

Built from the format definition (`reviewer.formats`): header rows with merged cells, the row hierarchy from
each row's `group` path, table 2 by its blocks (第二十条第（X）项), table 4 as the form's one row of fifteen
numbers, and a provincial table 2 by its label paths. The header texts the format files do not carry
(the corner note of table 3, 申请人情况 …) are passed in already translated by the caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.formats import TableDef, load_format, load_formats, table2_variant
from reviewer.model import Record, cell_id

CELL, LABEL, HEADER, CAPTION, BLANK = "cell", "label", "header", "caption", "blank"


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str
    text: str = ""
    cid: str | None = None


@dataclass(slots=True)
class FormGrid:
    table: str
    slots: list[list[Slot]]
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # row, col, rows, cols
    header_rows: int = 0
    label_cols: int = 0
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    row_labels: dict[str, str] = field(default_factory=dict)  # row key -> label as printed on the form

    @property
    def rows(self) -> int:
        return len(self.slots)

    @property
    def cols(self) -> int:
        return len(self.slots[0]) if self.slots else 0


@dataclass(frozen=True, slots=True)
class HeaderTexts:
    """Texts of the form that the format files do not carry (translated by the UI)."""

    corner: str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    applicants: str = "申请人情况"
    content: str = "信息内容"
    classification: str = "分类"


class _Builder:
    def __init__(self, table: str, cols: int) -> None:
        self.grid = FormGrid(table, [])
        self.cols = cols

    def new_row(self) -> int:
        self.grid.slots.append([Slot(BLANK)] * self.cols)
        return len(self.grid.slots) - 1

    def put(self, r: int, c: int, slot: Slot, rows: int = 1, cols: int = 1) -> None:
        self.grid.slots[r][c] = slot
        if rows > 1 or cols > 1:
            self.grid.spans.append((r, c, rows, cols))
        if slot.kind == CELL and slot.cid:
            self.grid.positions[slot.cid] = (r, c)


def _label_rows(b: _Builder, entries: list[tuple[str, list[str], str]], first_col_cells: int,
                table: str, col_keys: list[str]) -> None:
    """Data rows with hierarchical labels: entries are (row key, group path, label)."""
    depth = first_col_cells
    start = len(b.grid.slots)
    for key, path, label in entries:
        r = b.new_row()
        for level, name in enumerate(path):
            b.grid.slots[r][level] = Slot(LABEL, name)
        b.put(r, len(path), Slot(LABEL, label), cols=depth - len(path))
        b.grid.row_labels[key] = label
        for j, col in enumerate(col_keys):
            b.put(r, depth + j, Slot(CELL, cid=cell_id(table, key, col)))
    # merge equal group labels down consecutive rows (the form's vertical merges)
    for level in range(depth - 1):
        r = start
        while r < len(b.grid.slots):
            entry = entries[r - start]
            if len(entry[1]) <= level:
                r += 1
                continue
            prefix = entry[1][: level + 1]
            end = r + 1
            while end < len(b.grid.slots) and entries[end - start][1][: level + 1] == prefix:
                end += 1
            if end - r > 1:
                b.grid.spans.append((r, level, end - r, 1))
            r = end


def _extra_rows(tdef: TableDef | None, record: Record, table: str) -> list[str]:
    known = {r.key for r in tdef.rows} if tdef else set()
    return [r for r in record.tables.get(table, {}) if r not in known]


def _grid_table(tdef: TableDef, record: Record, texts: HeaderTexts) -> FormGrid:
    """Table 3: three header rows (corner note, 申请人情况, column groups) and the row hierarchy."""
    paths = [r.group.split("/") if r.group else [] for r in tdef.rows]
    depth = max((len(p) for p in paths), default=0) + 1
    col_keys = [c.key for c in tdef.columns]
    has_groups = any(c.group for c in tdef.columns)
    b = _Builder(tdef.id, depth + len(col_keys))
    r0 = b.new_row()
    head_rows = 3 if has_groups else 2
    b.put(r0, 0, Slot(HEADER, texts.corner), rows=head_rows, cols=depth)
    b.put(r0, depth, Slot(HEADER, texts.applicants), cols=len(col_keys))
    r1 = b.new_row()
    r2 = b.new_row() if has_groups else r1
    j = 0
    while j < len(tdef.columns):
        c = tdef.columns[j]
        if c.group:
            n = 1
            while j + n < len(tdef.columns) and tdef.columns[j + n].group == c.group:
                n += 1
            b.put(r1, depth + j, Slot(HEADER, c.group), cols=n)
            for k in range(n):
                b.put(r2, depth + j + k, Slot(HEADER, tdef.columns[j + k].label))
            j += n
        else:
            b.put(r1, depth + j, Slot(HEADER, c.label), rows=r2 - r1 + 1)
            j += 1
    b.grid.header_rows = head_rows
    b.grid.label_cols = depth
    entries = [(r.key, p, r.label) for r, p in zip(tdef.rows, paths, strict=True)]
    entries += [(k, [], k) for k in _extra_rows(tdef, record, tdef.id)]
    _label_rows(b, entries, depth, tdef.id, col_keys)
    return b.grid


def _flat_table(tdef: TableDef, record: Record) -> FormGrid:
    """Table 4 as printed: 行政复议 | 行政诉讼 (未经复议直接起诉 · 复议后起诉), five results each, one row."""
    ncol = len(tdef.columns)
    b = _Builder(tdef.id, ncol * len(tdef.rows))
    r0, r1, r2, r3 = b.new_row(), b.new_row(), b.new_row(), b.new_row()
    j = 0
    while j < len(tdef.rows):
        row = tdef.rows[j]
        if row.group:
            n = 1
            while j + n < len(tdef.rows) and tdef.rows[j + n].group == row.group:
                n += 1
            b.put(r0, j * ncol, Slot(HEADER, row.group), cols=n * ncol)
            for k in range(n):
                b.put(r1, (j + k) * ncol, Slot(HEADER, tdef.rows[j + k].label), cols=ncol)
            j += n
        else:
            b.put(r0, j * ncol, Slot(HEADER, row.label), rows=2, cols=ncol)
            j += 1
    for i, row in enumerate(tdef.rows):
        b.grid.row_labels[row.key] = row.label
        for k, c in enumerate(tdef.columns):
            b.put(r2, i * ncol + k, Slot(HEADER, c.label))
            b.put(r3, i * ncol + k, Slot(CELL, cid=cell_id(tdef.id, row.key, c.key)))
    b.grid.header_rows = 3
    return b.grid


def _blocks_table(tdef: TableDef, record: Record, texts: HeaderTexts) -> FormGrid:
    """Table 2 of the national forms: per block a caption row, a header row, then its rows."""
    width = max(len(tdef.row_columns(r)) for r in tdef.rows)
    b = _Builder(tdef.id, 1 + width)
    b.grid.label_cols = 1
    group: str | None = None
    for row in tdef.rows:
        cols = list(tdef.row_columns(row))
        if row.group != group or row.group is None:
            group = row.group
            if group:
                b.put(b.new_row(), 0, Slot(CAPTION, group), cols=1 + width)
            h = b.new_row()
            b.put(h, 0, Slot(HEADER, texts.content))
            for j, col in enumerate(cols):
                b.put(h, 1 + j, Slot(HEADER, tdef.column(col).label), cols=width - j if j == len(cols) - 1 else 1)
        r = b.new_row()
        b.put(r, 0, Slot(LABEL, row.label))
        b.grid.row_labels[row.key] = row.label
        for j, col in enumerate(cols):
            b.put(r, 1 + j, Slot(CELL, cid=cell_id(tdef.id, row.key, col)),
                  cols=width - j if j == len(cols) - 1 else 1)
    for key in _extra_rows(tdef, record, tdef.id):
        r = b.new_row()
        b.put(r, 0, Slot(LABEL, key))
        b.grid.row_labels[key] = key
        for j, col in enumerate(list(record.tables[tdef.id][key])[:width]):
            b.put(r, 1 + j, Slot(CELL, cid=cell_id(tdef.id, key, col)))
    return b.grid


def _variant_table(record: Record, texts: HeaderTexts) -> FormGrid:
    """A provincial table 2 whose rows are label paths (基础分类/动态/公示公告) with one column."""
    variant = table2_variant(record.table2_variant or "")
    rows = list(record.tables.get("table2", {}))
    col_keys = [c.key for c in variant.columns] if variant else ["value"]
    col_labels = [c.label for c in variant.columns] if variant else ["value"]
    paths = [k.split("/") for k in rows]
    depth = max((len(p) for p in paths), default=1)
    b = _Builder("table2", depth + len(col_keys))
    h = b.new_row()
    b.put(h, 0, Slot(HEADER, variant.name if variant else texts.classification), cols=depth)
    for j, label in enumerate(col_labels):
        b.put(h, depth + j, Slot(HEADER, label))
    b.grid.header_rows = 1
    b.grid.label_cols = depth
    entries = [(k, p[:-1], p[-1]) for k, p in zip(rows, paths, strict=True)]
    _label_rows(b, entries, depth, "table2", col_keys)
    return b.grid


def template_of(record: Record) -> str:
    """The record's template, or the national one its table-3 rows match when it is unknown."""
    if record.template in load_formats():
        return record.template
    rows = record.tables.get("table3", {})
    return "2021" if "other.other" in rows or "other" not in rows else "2019"


def build(record: Record, table: str, texts: HeaderTexts | None = None) -> FormGrid:
    texts = texts or HeaderTexts()
    if table == "table2" and record.table2_variant:
        return _variant_table(record, texts)
    tdef = load_format(template_of(record)).tables[table]
    if tdef.kind == "flat":
        return _flat_table(tdef, record)
    if tdef.kind == "blocks":
        return _blocks_table(tdef, record, texts)
    return _grid_table(tdef, record, texts)


TABLES = ("table2", "table3", "table4")


if __name__ == "__main__":
    from ui.preview import sample_record

    for prefix in ("003", "004"):
        rec = sample_record(prefix)
        for tid in TABLES:
            g = build(rec, tid)
            print(f"== {prefix} {tid}: {g.rows}×{g.cols}, {len(g.spans)} merged ranges, {len(g.positions)} cells")
            for row in g.slots[: g.header_rows + 4]:
                print(" | ".join((s.text or s.cid or "")[:14] for s in row))
