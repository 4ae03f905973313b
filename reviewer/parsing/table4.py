"""Table 4 — 行政复议、行政诉讼情况: 3 groups × 5 counts, often flattened to one row of 15 numbers."""

from __future__ import annotations

from reviewer.formats import TableDef
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
    # 3. the numbers spread over several lines (a wrapped row of 15)
    allv = [v for d in data for v in d.values if not v.blank]
    if len(allv) == flat_n:
        _put_flat(allv, tdef, b)
        return
    for r in tdef.rows:
        for c in cols:
            b.put(TABLE, r.key, c, None)
    b.unplaced(TABLE, [v for d in data for v in d.values], f"表四应有 {flat_n} 个数值，读到 {len(allv)} 个，无法按列放置")
