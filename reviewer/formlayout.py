"""The official form's layout of a table, as a grid of slots with merged ranges (no Qt).

Built from the format definitions (`reviewer.formats`) and the cell ids a report has, in three shapes: `grid`
(table 3: two-level column headers, the row hierarchy from each row's `group` path), `flat` (table 4: one row of
fifteen values under three header rows) and `blocks` (table 2: per 第二十条 item a caption row, a header row and
its rows). A provincial table 2, an unknown format, or a table with columns its form lacks becomes a grid of the
rows' label paths. No cell of the report is left out: rows and columns the form lacks are added.

The review grid (`ui.grid_model`) shows it with the header texts translated; the XLSX export writes it with
Excel's merged ranges (`FormGrid.merged_ranges`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from reviewer.formats import load_format, load_formats, table2_variant
from reviewer.formats.alternatives import Used, effective, used_alternatives
from reviewer.model import Record

CELL, LABEL, HEADER, CAPTION, BLANK = "cell", "label", "header", "caption", "blank"
TABLES = ("table2", "table3", "table4")

Span = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str
    text: str = ""
    cid: str | None = None


@dataclass(frozen=True, slots=True)
class HeaderTexts:
    """Texts the form prints that the format files do not carry (the UI passes them translated)."""

    corner: str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"  # table 3, top left
    applicants: str = "申请人情况"  # table 3, over all its columns
    content: str = "信息内容"  # the label column's header of table 2 and of the other tables
    classification: str = "分类"  # corner of a provincial table 2 whose variant is not known
    variant: str | None = None  # corner of every provincial table 2; None: the variant's name


@dataclass(slots=True)
class FormGrid:
    """rows × cols slots. A merged range is a span (row, col, rows, cols) whose top-left slot holds the text;
    the group labels of the row hierarchy are also kept in the rows their span covers."""

    table: str
    slots: list[list[Slot]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    header_rows: int = 0
    label_cols: int = 0
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)  # cell id -> (row, col)

    @property
    def rows(self) -> int:
        return len(self.slots)

    @property
    def cols(self) -> int:
        return len(self.slots[0]) if self.slots else 0

    def merged_ranges(self) -> list[Span]:
        """The spans as spreadsheets give them: (row0, col0, row1, col1), zero-based and inclusive."""
        return [(r, c, r + rows - 1, c + cols - 1) for r, c, rows, cols in self.spans]

    def covered(self) -> set[tuple[int, int]]:
        """The slots a span hides (all of its slots but the top-left one)."""
        return {(r + i, c + j) for r, c, rows, cols in self.spans
                for i in range(rows) for j in range(cols) if i or j}


class _Builder:
    def __init__(self, table: str, cols: int) -> None:
        self.grid = FormGrid(table)
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


def _grid(table: str, rows: list[_Row], cols: list[_Col], present: dict[str, set[str]], corner: str,
          over_columns: str | None) -> FormGrid:
    """Row labels on the left (one column per level of the hierarchy), one or two levels of column headers,
    and `over_columns` (申请人情况) above them all when given."""
    depth = max((len(r.path) for r in rows), default=0) + 1
    grouped = any(c.group for c in cols)
    head_rows = (1 if over_columns else 0) + (2 if grouped else 1)
    b = _Builder(table, depth + len(cols))
    for _ in range(head_rows):
        b.new_row()
    b.put(0, 0, Slot(HEADER, corner), rows=head_rows, cols=depth)
    top = 0
    if over_columns:
        b.put(0, depth, Slot(HEADER, over_columns), cols=len(cols))
        top = 1
    j = 0
    while j < len(cols):
        col = cols[j]
        if grouped and col.group:
            n = 1
            while j + n < len(cols) and cols[j + n].group == col.group:
                n += 1
            b.put(top, depth + j, Slot(HEADER, col.group), cols=n)
            for k in range(n):
                b.put(top + 1, depth + j + k, Slot(HEADER, cols[j + k].label))
            j += n
            continue
        b.put(top, depth + j, Slot(HEADER, col.label), rows=head_rows - top)
        j += 1
    first = b.grid.rows
    for row in rows:
        y = b.new_row()
        for level, name in enumerate(row.path):
            b.grid.slots[y][level] = Slot(LABEL, name)
        b.put(y, len(row.path), Slot(LABEL, row.label), cols=depth - len(row.path))
        cells = present.get(row.key, set())
        for k, col in enumerate(cols):
            cid = f"{table}:{row.key}:{col.key}"
            if row.columns is None or col.key in row.columns or cid in cells:
                b.put(y, depth + k, Slot(CELL, cid=cid))
    # the form's vertical merges: a group label down the consecutive rows it heads
    for level in range(depth - 1):
        i = 0
        while i < len(rows):
            prefix = rows[i].path[:level + 1]
            if len(prefix) <= level:
                i += 1
                continue
            n = 1
            while i + n < len(rows) and rows[i + n].path[:level + 1] == prefix:
                n += 1
            if n > 1:
                b.grid.spans.append((first + i, level, n, 1))
            i += n
    b.grid.header_rows = head_rows
    b.grid.label_cols = depth
    return b.grid


def _flat(table: str, rows: list[_Row], cols: list[_Col]) -> FormGrid:
    """Table 4: 行政复议 | 行政诉讼 (未经复议直接起诉 · 复议后起诉) over five results each, and one row of values.

    As printed on the form: a row without a group (行政复议) has its label on the top header row and its
    results spanning the rows below."""
    paths = [((r.path[0],) if r.path else ()) + (r.label,) for r in rows]
    levels = max(len(p) for p in paths)
    ncol = len(cols)
    b = _Builder(table, len(rows) * ncol)
    for _ in range(levels + 2):
        b.new_row()
    for j, p in enumerate(paths):
        x = j * ncol
        for level, text in enumerate(p):
            prev = paths[j - 1] if j else ()
            if level < len(prev) and prev[:level + 1] == p[:level + 1]:
                continue  # within the span of the block before
            n = 1
            while j + n < len(paths) and paths[j + n][:level + 1] == p[:level + 1]:
                n += 1
            down = 1
            b.put(level, x, Slot(HEADER, text), rows=down, cols=n * ncol)
        results = len(p)
        for k, col in enumerate(cols):
            b.put(results, x + k, Slot(HEADER, col.label), rows=levels - results + 1)
            b.put(levels + 1, x + k, Slot(CELL, cid=f"{table}:{rows[j].key}:{col.key}"))
    b.grid.header_rows = levels + 1
    return b.grid


def _blocks(table: str, rows: list[_Row], cols: list[_Col], content: str) -> FormGrid:
    """Table 2 of the national forms: per block of rows (第二十条第（X）项) a caption row, a header row of the
    block's columns, then its rows; each row's last column spans to the right edge."""
    by_key = {c.key: c for c in cols}
    width = max(len(r.columns or cols) for r in rows)
    b = _Builder(table, 1 + width)
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
            b.put(b.new_row(), 0, Slot(CAPTION, group), cols=1 + width)
        y = b.new_row()
        b.put(y, 0, Slot(HEADER, content))
        for j, k in enumerate(keys):
            b.put(y, 1 + j, Slot(HEADER, by_key[k].label), cols=width - j if j == len(keys) - 1 else 1)
        for r in block:
            y = b.new_row()
            b.put(y, 0, Slot(LABEL, r.label))
            for j, k in enumerate(keys):
                slot = Slot(CELL, cid=f"{table}:{r.key}:{k}") if r.columns is None or k in r.columns else Slot(BLANK)
                b.put(y, 1 + j, slot, cols=width - j if j == len(keys) - 1 else 1)
        i += len(block)
    b.grid.label_cols = 1
    return b.grid


@cache
def _national(template: str, table: str, used: Used = frozenset()) -> tuple[str, tuple[_Row, ...], tuple[_Col, ...]]:
    tdef = effective(template, used).tables[table]
    rows = tuple(_Row(r.key, tuple(r.group.split("/")) if r.group else (), r.label, r.columns) for r in tdef.rows)
    cols = tuple(_Col(c.key, c.label, c.group) for c in tdef.columns)
    return tdef.kind, rows, cols


def layout(template: str | None, variant: str | None, table: str, cells: Iterable[str],
           texts: HeaderTexts | None = None) -> FormGrid:
    """The form of one table of a report, given the cell ids it has (in record order) and, for table 2, its
    provincial variant. The export and the review grid both lay it out as printed on the form."""
    texts = texts or HeaderTexts()
    present: dict[str, set[str]] = {}
    col_order: list[str] = []
    for cid in cells:
        row, col = cid.split(":", 1)[1].rsplit(":", 1)
        present.setdefault(row, set()).add(cid)
        if col not in col_order:
            col_order.append(col)
    if table == "table2" and variant:
        v = table2_variant(variant)
        col_labels = {c.key: c.label for c in v.columns} if v else {}
        corner = texts.variant if texts.variant is not None else v.name if v else texts.classification
        return _by_paths(table, present, [_Col(k, col_labels.get(k, k), None) for k in col_order], corner, None)
    over = texts.applicants if table == "table3" else None
    corner = texts.corner if table == "table3" else texts.content
    if template is None or template not in load_formats() or table not in load_format(template).tables:
        return _by_paths(table, present, [_Col(k, k, None) for k in col_order], corner, over)
    # a row printed instead of rows of the form (a 2021 report's single （六）其他处理) stands in their place
    kind, rows_def, cols_def = _national(template, table, used_alternatives(load_format(template), {table: present}))
    known_rows = {r.key for r in rows_def}
    known_cols = {c.key for c in cols_def}
    rows = [r for r in rows_def if r.key in present]
    rows += [_Row(k, (), k, None) for k in present if k not in known_rows]  # rows beyond the form, kept
    cols = list(cols_def) + [_Col(k, k, None) for k in col_order if k not in known_cols]
    if not rows:
        return FormGrid(table)
    if kind == "flat" and len(cols) == len(cols_def):
        return _flat(table, rows, cols)
    if kind == "blocks" and len(cols) == len(cols_def):
        return _blocks(table, rows, cols, texts.content)
    return _grid(table, rows, cols, present, corner, over)


def _by_paths(table: str, present: dict[str, set[str]], cols: list[_Col], corner: str,
              over_columns: str | None) -> FormGrid:
    """A grid whose row keys are label paths (基础分类/动态/公示公告): a provincial table 2, an unknown format."""
    rows = [_Row(k, tuple(k.split("/")[:-1]), k.split("/")[-1], None) for k in present]
    return _grid(table, rows, cols, present, corner, over_columns) if rows else FormGrid(table)


def template_of(record: Record) -> str:
    """The record's template, or the national one whose table-3 rows it has most of when it is unknown (the
    newest on a tie)."""
    formats = load_formats()
    if record.template is not None and record.template in formats:
        return record.template
    rows = record.tables.get("table3", {})

    def score(template: str) -> int:
        tdef = formats[template].tables.get("table3")
        return sum(1 for r in tdef.rows if r.key in rows) if tdef is not None else 0

    return max(reversed(list(formats)), key=score)


def build(record: Record, table: str, texts: HeaderTexts | None = None) -> FormGrid:
    """The form of one table of a record (its format guessed from its rows when unknown)."""
    cells = [f"{table}:{row}:{col}" for row, values in record.tables.get(table, {}).items() for col in values]
    variant = record.table2_variant if table == "table2" else None
    return layout(template_of(record), variant, table, cells, texts)


if __name__ == "__main__":
    from reviewer import parse_file
    from reviewer.resources import samples_dir

    for sample in sorted(samples_dir().glob("00[34]_*.txt")):
        rec = parse_file(sample)
        for tid in TABLES:
            g = build(rec, tid)
            print(f"== {sample.name[:3]} {tid}: {g.rows}×{g.cols}, {len(g.spans)} merged ranges, "
                  f"{len(g.positions)} cells")
            for line in g.slots[: g.header_rows + 4]:
                print(" | ".join((s.text or s.cid or "")[:14] for s in line))
