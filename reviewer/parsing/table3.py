"""Table 3 — 收到和处理政府信息公开申请情况: 25 (2021) or 23 (2019) rows × 7 columns."""

from __future__ import annotations

from reviewer.formats import TableDef
from reviewer.formats.alternatives import rows_with
from reviewer.model import ORIGIN_PARSED, ORIGIN_POSITION, Finding, cell_id
from reviewer.parsing.align import MATCH, Placement, align, strip_groups
from reviewer.parsing.builder import Builder
from reviewer.parsing.labels import norm, similarity
from reviewer.parsing.rows import DataRow, Region, Value, fit

TABLE = "table3"


def group_norms(tdef: TableDef) -> tuple[str, ...]:
    parts = {norm(p) for r in tdef.rows if r.group for p in r.group.split("/")}
    return tuple(sorted((p for p in parts if p), key=len, reverse=True))


def column_order(region: Region, tdef: TableDef) -> list[str]:
    """Columns in the order the header prints them; the form's order unless the header names all seven.

    The header has two levels: the sub-columns printed under 法人或其他组织 take that group's place, wherever
    the extraction put their labels (often after 总计).
    """
    default = [c.key for c in tdef.columns]
    groups = {c.group for c in tdef.columns if c.group}
    first_data = region.data[0].index if region.data else None
    seen: list[str] = []
    sub: list[str] = []
    for idx, row in region.label_rows:
        if first_data is not None and idx > first_data:
            break
        one_row = [c.key for cell in row for c in tdef.columns
                   if norm(cell.text) and any(norm(cell.text) == norm(v) for v in c.variants)]
        if sorted(dict.fromkeys(one_row)) == sorted(default):
            return list(dict.fromkeys(one_row))  # one header row names every column: its order is certain
        for cell in row:
            n = norm(cell.text)
            if not n:
                continue
            if any(n == norm(g) for g in groups):
                if "GROUP" not in seen:
                    seen.append("GROUP")
                continue
            for c in tdef.columns:
                if any(n == norm(v) for v in c.variants) and c.key not in seen and c.key not in sub:
                    (sub if c.group else seen).append(c.key)
    if "GROUP" in seen:
        k = seen.index("GROUP")
        seen[k:k + 1] = sub
    else:
        seen += sub
        if seen and seen[-1] != tdef.total_column:
            return default  # without the group label a two-level header cannot be told apart
    return seen if sorted(seen) == sorted(default) else default


def _row_total_ok(values: list[Value | None], cols: list[str], total: str | None) -> bool:
    """The row adds up: its `total` column (the format's `total_column`) is the sum of the others."""
    nums = {c: (v.parsed.value if v is not None else None) for c, v in zip(cols, values, strict=True)}
    if total is None or nums.get(total) is None:
        return False
    parts = [nums[c] for c in cols if c != total]
    return None not in parts and sum(parts) == nums[total]  # type: ignore[arg-type]


def _named_rows(d: DataRow, tdef: TableDef, groups: tuple[str, ...]) -> set[str]:
    """The rows a data row's own label could name."""
    own = strip_groups(d.label, groups)
    return {r.key for r in tdef.rows if own and similarity(own, r.variants) >= MATCH}


def join_split_rows(data: list[DataRow], tdef: TableDef, cols: list[str], groups: tuple[str, ...],
                    by_layout: list[int] | None = None) -> list[DataRow]:
    """Rows whose values were printed on two lines, put back together.

    In a PDF of the Word form the 总计 column is top-aligned while the other values sit in the middle of a
    tall row, so a wrapped row reads "三、本年度 1362" / "（一）予以公开 1288 21 0 0 50 3". Two neighbouring
    rows are joined when their values together fill the columns, the joined row adds up (R2), and
    they do not carry labels of two different rows. A row that does not add up is joined too when the layout
    alone says how: one value beside a group label that names no row (a group has no cells of its own), then
    a row that lacks exactly one value — that value is its top-aligned 总计, printed last in the header. Its
    index in the result goes to `by_layout` (the value is flagged: the row's sum does not confirm it).
    """
    n = len(cols)
    out: list[DataRow] = []
    i = 0
    while i < len(data):
        a = data[i]
        if i + 1 < len(data):
            nxt = data[i + 1]
            va = [v for v in a.values if not v.blank]
            vb = [v for v in nxt.values if not v.blank]
            if va and vb and len(va) + len(vb) == n:
                na, nb = _named_rows(a, tdef, groups), _named_rows(nxt, tdef, groups)
                if na and nb and not na & nb:
                    out.append(a)  # two rows, each with its own label
                    i += 1
                    continue
                joined = next((vals for vals in (vb + va, va + vb)
                               if _row_total_ok(list(vals), cols, tdef.total_column)), None)
                if (joined is None and len(va) == 1 and not na and nb and tdef.total_column == cols[-1]
                        and by_layout is not None):
                    joined = vb + va
                    by_layout.append(len(out))
                if joined is not None:
                    out.append(DataRow(a.index, a.label_cells + nxt.label_cells, list(joined), before=a.before,
                                       after=nxt.after, trailing_text=a.trailing_text + nxt.trailing_text))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _total(places: list[Placement]) -> float:
    return sum(p.score for p in places)


def _left_out(region: Region, places: list[Placement]) -> int:
    """Rows of values an alignment leaves unplaced."""
    placed = {p.data for p in places}
    return sum(1 for i, d in enumerate(region.data) if d.has_numbers and i not in placed)


def _with_alternatives(region: Region, tdef: TableDef, groups: tuple[str, ...], places: list[Placement],
                       value_range: tuple[int, int]) -> tuple[TableDef, tuple[str, ...], list[Placement]]:
    """The table as printed when a row of the format's alternatives (the 2019 single （六）其他处理 row in a 2021
    report) stands instead of rows the alignment left empty, and aligns better than the form's own rows."""
    by_label = {tdef.rows[p.row].key for p in places if not p.by_position}
    for alt in tdef.alternatives:
        if all(r in by_label for r in alt.replaces):
            continue
        marks = tuple(norm(v) for v in alt.row.variants)
        if not any(d.has_numbers and any(m in norm(d.label + d.before) for m in marks) for d in region.data):
            continue  # cheap test first: the alternative's label is printed on a row with values
        alt_tdef = rows_with(tdef, alt)
        alt_groups = group_norms(alt_tdef)
        alt_places = align(region.data, alt_tdef.rows, alt_groups, positional=True, value_range=value_range)
        # better by label, and leaving no more rows of values unplaced (sub-rows placed by position stay)
        if _total(alt_places) > _total(places) + 0.5 and _left_out(region, alt_places) <= _left_out(region, places):
            tdef, groups, places = alt_tdef, alt_groups, alt_places
    return tdef, groups, places


def parse_table3(region: Region, tdef: TableDef, b: Builder, alternatives: bool = True) -> None:
    cols = column_order(region, tdef)
    groups = group_norms(tdef)
    laid_out: list[int] = []
    region.data = join_split_rows(region.data, tdef, cols, groups, laid_out)
    value_range = (len(cols) - 1, len(cols) + 3)
    places = align(region.data, tdef.rows, groups, positional=True, value_range=value_range)
    if alternatives and tdef.alternatives:
        tdef, groups, places = _with_alternatives(region, tdef, groups, places, value_range)
    placed_rows = {p.data for p in places}
    by_row = {p.row: p for p in places}
    position_cells: list[str] = []
    short_rows: list[tuple[str, str]] = []
    for j, rdef in enumerate(tdef.rows):
        p = by_row.get(j)
        if p is None:
            for c in cols:
                b.put(TABLE, rdef.key, c, None)
            continue
        drow = region.data[p.data]
        f = fit(drow, len(cols), prefer="last", accept=lambda vals: _row_total_ok(vals, cols, tdef.total_column))
        origin = ORIGIN_POSITION if p.by_position else ORIGIN_PARSED
        for c, v in zip(cols, f.values, strict=True):
            b.put(TABLE, rdef.key, c, v, origin)
            if p.by_position:
                position_cells.append(cell_id(TABLE, rdef.key, c))
        if f.extra:
            b.unplaced(TABLE, f.extra, f"“{rdef.label}”一行的数值多于 {len(cols)} 列")
        if f.short:
            short_rows.append((rdef.key, rdef.label))
    for i, d in enumerate(region.data):
        if i not in placed_rows:
            b.unplaced(TABLE, d.values, f"无法确定所属行（行标签：“{d.label or '无'}”）")
    for p in places:
        if p.data in laid_out and tdef.total_column:
            rdef = tdef.rows[p.row]
            cid = cell_id(TABLE, rdef.key, tdef.total_column)
            b.note(Finding(
                rule="LAYOUT", severity="warning", cells=[cid], name="total on the line above",
                message=f"表三“{rdef.label}”一行的总计印在上一行（分组标签旁），已按表格版式读作该行总计；"
                        "该行各列之和与之不符，请核对原文",
                message_id="total_on_line_above", params={"table": TABLE, "row": rdef.key}))
    if position_cells:
        rows_n = len(position_cells) // len(cols)
        cells = ([f"{TABLE}:*"] if rows_n >= 5 else []) + position_cells
        b.note(Finding(
            rule="POSITION", severity="warning", cells=cells, name="row labels lost",
            message=f"表三有 {rows_n} 行的行标签在提取中丢失，已按表格格式的行序依次放置，请逐行核对",
            message_id="rows_by_position", params={"table": TABLE, "rows": rows_n}))
    for key, label in short_rows:
        b.note(Finding(
            rule="SHORT", severity="warning", cells=[cell_id(TABLE, key, c) for c in cols], name="row with missing cells",
            message=f"表三“{label}”一行印出的数值少于 {len(cols)} 个，缺少的单元格记为空，请核对所在列",
            message_id="row_short", params={"table": TABLE, "row": label, "row_key": key}))
