"""Table 4 — 行政复议、行政诉讼情况: 3 groups × 5 counts, often flattened to one row of 15 numbers."""

from __future__ import annotations

from reviewer.formats import ColumnDef, RowDef, TableDef
from reviewer.parsing.align import MATCH
from reviewer.parsing.builder import Builder
from reviewer.parsing.labels import similarity
from reviewer.parsing.rows import DataRow, Region, Value, fit

TABLE = "table4"


def _put_flat(values: list[Value], tdef: TableDef, b: Builder) -> None:
    cols = [c.key for c in tdef.columns]
    k = 0
    for r in tdef.rows:
        for c in cols:
            b.put(TABLE, r.key, c, values[k])
            k += 1


def _cells(d: DataRow, n: int) -> list[Value] | None:
    """The row's n value cells, or None. A blank cell inside the row is a blank column (a web page or a
    tab-separated row keeps its position); blank cells at the row's ends are layout."""
    core = [v for v in d.values if not v.blank]
    if len(core) == n:
        return core
    f = fit(d, n)
    if f.short or f.extra or not core:
        return None
    return [v for v in f.values if v is not None]


def _best(text: str, defs: tuple[RowDef, ...] | tuple[ColumnDef, ...]) -> tuple[str | None, float]:
    best, key = 0.0, None
    for d in defs:
        s = similarity(text, d.variants)
        if s > best:
            best, key = s, d.key
    return key, best


def _put_transposed(region: Region, data: list[DataRow], tdef: TableDef, b: Builder) -> bool:
    """A hand-made table 4 printed the other way round: rows 结果维持 … 总计, a column per group.

    Taken only when every row is named by a result label and the header names the three groups (their
    order is then certain); otherwise the caller reports the values it cannot place.
    """
    groups = len(tdef.rows)
    rows: dict[str, list[Value]] = {}
    for d in data:
        core = _cells(d, groups)
        key, score = _best(d.label, tdef.columns)
        if core is None or key is None or score < MATCH or key in rows:
            return False
        rows[key] = core
    if len(rows) != len(tdef.columns):
        return False
    first = data[0].index
    header = next((row for idx, row in reversed(region.label_rows) if idx < first), None)
    if header is None:
        return False
    order: list[str] = []
    for cell in header:
        key, score = _best(cell.text, tdef.rows) if cell.text.strip() else (None, 0.0)
        if key is not None and score >= MATCH and key not in order:
            order.append(key)
    if sorted(order) != sorted(r.key for r in tdef.rows):
        return False
    for k, group in enumerate(order):
        for col, values in rows.items():
            b.put(TABLE, group, col, values[k])
    return True


def parse_table4(region: Region, tdef: TableDef, b: Builder) -> None:
    cols = [c.key for c in tdef.columns]
    per_row = len(cols)
    flat_n = per_row * len(tdef.rows)
    data = [d for d in region.data if d.has_numbers]
    # 1. one row of 15 numbers: the form's order is the only key
    for d in data:
        core = _cells(d, flat_n)
        if core is not None:
            _put_flat(core, tdef, b)
            b.unplaced(TABLE, [v for e in data if e is not d for v in e.values], "表四之外的数值")
            return
    # 2. one row per group, named by its label
    placed: dict[str, list[Value]] = {}
    for d in data:
        core = _cells(d, per_row)
        if core is None:
            continue
        best, key = 0.0, None
        for r in tdef.rows:
            s = similarity(d.label, r.variants)
            if s > best:
                best, key = s, r.key
        if key and best >= MATCH and key not in placed:
            placed[key] = core
    if len(placed) == len(tdef.rows):
        for r in tdef.rows:
            for c, v in zip(cols, placed[r.key], strict=True):
                b.put(TABLE, r.key, c, v)
        return
    # 2b. transposed: one row per result (结果维持 …) with a value per group, groups in the header's order
    if _put_transposed(region, data, tdef, b):
        return
    # 3. the numbers spread over several lines (a wrapped row of 15)
    allv = [v for d in data for v in d.values if not v.blank]
    by_result = sum(1 for d in data if _best(d.label, tdef.columns)[1] >= 0.9)
    if len(allv) == flat_n and by_result < 2:  # rows named 结果维持 … are not a wrapped row: not by order
        _put_flat(allv, tdef, b)
        return
    for r in tdef.rows:
        for c in cols:
            b.put(TABLE, r.key, c, None)
    b.unplaced(TABLE, [v for d in data for v in d.values], f"表四应有 {flat_n} 个数值，读到 {len(allv)} 个，无法按列放置")
