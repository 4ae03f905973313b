"""Tables 2–4 of a fused crawler text: rows found by label, their digit runs split by the solver.

Rows are matched to the format by label as in the ordinary parsers (table 3 by the in-order alignment,
table 2 by best label, table 4 as its fifteen cells in the form's order); every matched row becomes a
`Slot` and the three tables are solved together against the format's relations. The findings say how each
cell was decided: split by arithmetic (info), the alternatives when the split is not unique, the split
breaking the fewest relations when the report itself does not add up.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reviewer.formats import FormatDef, TableDef, column_kind, full_row_label, load_format
from reviewer.formats.alternatives import Used, effective, rows_with
from reviewer.formats.relations import Instance, instances
from reviewer.model import Cell, CellSource, Finding, Number, cell_id, split_cell_id
from reviewer.parsing.align import MATCH, Placement, align
from reviewer.parsing.builder import Builder
from reviewer.parsing.fused import Figure, Piece, Slot, SlotResult, solve, split_text
from reviewer.parsing.fused_pieces import Split
from reviewer.parsing.labels import norm, similarity
from reviewer.parsing.rows import DataRow, Region, Value
from reviewer.parsing.table2 import (
    detect_variant,
    foreign_columns,
    foreign_reason,
    named_columns,
    parse_variant,
)
from reviewer.parsing.table3 import group_norms
from reviewer.values import parse_printed, to_wan_yuan

_HEADER_MARKS = ("信息内容", "申请人情况", "本列数据")
SHORT = {"table2": "表二", "table3": "表三", "table4": "表四"}


def _segments(values: list[Value]) -> tuple[Piece, ...]:
    return tuple(Piece(v.cell.text, v.cell.start, v.cell.end) for v in values if not v.blank)


def _slot(template: str, table: str, row: str, cols: tuple[str, ...], values: list[Value]) -> Slot:
    return Slot(tuple(cell_id(table, row, c) for c in cols),
                tuple(column_kind(template, table, c) for c in cols), _segments(values))


def _row_label(d: DataRow, tdef: TableDef) -> str:
    """The row's own label: a header printed before it (信息内容 本年制发件数 …) cut off."""
    label = d.label
    if not any(m in label for m in _HEADER_MARKS):
        return label
    end = 0
    for c in tdef.columns:
        for v in c.variants:
            k = label.rfind(v)
            if k >= 0:
                end = max(end, k + len(v))
    return label[end:].lstrip("）)") or label


def _table2(region: Region, tdef: TableDef, template: str, b: Builder) -> list[Slot]:
    slots: list[Slot] = []
    used: set[str] = set()
    foreign: list[str] = []  # the block's header names another format's columns: its values have no cell
    named: list[str] = []  # the columns the block's header names
    for d in region.data:
        if any(m in d.label for m in _HEADER_MARKS):
            foreign = foreign_columns(d.label, template)
            named = named_columns(d.label, tdef)
        label = _row_label(d, tdef)
        best, rdef = 0.0, None
        for r in tdef.rows:
            if r.key in used:
                continue
            s = similarity(label, r.variants)
            if s > best:
                best, rdef = s, r
        if rdef is None or best < MATCH:
            b.unplaced("table2", d.values, f"无法确定所属行（行标签：“{label or '无'}”）")
            continue
        used.add(rdef.key)
        if foreign:
            b.unplaced("table2", d.values, foreign_reason(rdef.label, foreign))
            slots.append(_slot(template, "table2", rdef.key, tdef.row_columns(rdef), []))
            continue
        cols = tuple(tdef.row_columns(rdef))
        if named and set(named) < set(cols):  # the header prints some of the row's columns: the values are theirs
            slots.append(_slot(template, "table2", rdef.key, tuple(c for c in cols if c not in named), []))
            cols = tuple(c for c in named if c in cols)
        slots.append(_slot(template, "table2", rdef.key, cols, d.values))
    for r in tdef.rows:
        if r.key not in used:
            slots.append(_slot(template, "table2", r.key, tdef.row_columns(r), []))
    return slots


def _with_alternative(data: list[DataRow], tdef: TableDef, places: list[Placement]
                      ) -> tuple[TableDef, list[Placement], int | None]:
    """The table as printed when a row of the format's alternatives (the 2019 single （六）其他处理 row in a 2021
    report) stands instead of rows the alignment left unplaced, and its labels align better: the table, the
    placements and the alternative's index (None: the form's own rows)."""
    for k, alt in enumerate(tdef.alternatives):
        if all(r in {tdef.rows[p.row].key for p in places} for r in alt.replaces):
            continue
        marks = tuple(norm(v) for v in alt.row.variants)
        if not any(d.values and any(m in norm(d.label) for m in marks) for d in data):
            continue  # cheap test first: the alternative's label is printed on a row with values
        alt_tdef = rows_with(tdef, alt)
        alt_places = align(data, alt_tdef.rows, group_norms(alt_tdef), positional=False)
        if sum(p.score for p in alt_places) > sum(p.score for p in places) + 0.5 and len(alt_places) >= len(places):
            return alt_tdef, alt_places, k
    return tdef, places, None


def _table3(region: Region, tdef: TableDef, template: str, b: Builder,
            alternatives: bool = True) -> tuple[list[Slot], int | None]:
    """Table 3's slots (a row each, in the form's order) and the alternative row printed, if any."""
    cols = tuple(c.key for c in tdef.columns)
    data = [DataRow(d.index, [Cell(_row_label(d, tdef), 0, 0)], d.values, d.before, d.after, d.trailing_text)
            for d in region.data]
    places = align(data, tdef.rows, group_norms(tdef), positional=False)
    alt: int | None = None
    if alternatives and tdef.alternatives:
        tdef, places, alt = _with_alternative(data, tdef, places)
    by_row = {p.row: p.data for p in places}
    placed = set(by_row.values())
    for i, d in enumerate(region.data):
        if i not in placed:
            b.unplaced("table3", d.values, f"无法确定所属行（行标签：“{d.label or '无'}”）")
    return [_slot(template, "table3", r.key, cols, region.data[by_row[j]].values if j in by_row else [])
            for j, r in enumerate(tdef.rows)], alt


def _table4(region: Region, tdef: TableDef, template: str, b: Builder) -> list[Slot]:
    """One slot of fifteen cells: the groups' rows in the form's order, whether printed as one run or three.

    The values start after the header (its column labels); figures of a sentence before it are not cells.
    """
    marks = [v for c in tdef.columns for v in c.variants if len(v) >= 4]
    start = next((k for k, d in enumerate(region.data) if any(m in d.label for m in marks)), 0)
    for d in region.data[:start]:
        b.unplaced("table4", d.values, f"表四表头之前的数值（“{d.label}”）")
    values = [v for d in region.data[start:] for v in d.values]
    cols = tuple(c.key for c in tdef.columns)
    cells = tuple(cell_id("table4", r.key, c) for r in tdef.rows for c in cols)
    kinds = tuple(column_kind(template, "table4", c) for _r in tdef.rows for c in cols)
    return [Slot(cells, kinds, _segments(values))]


def parse_fused(regions: dict[str, tuple[Region, str]], fmt: FormatDef, b: Builder,
                narrative: dict[str, Number] | None = None, alternatives: bool = True) -> None:
    """Parse the fused tables found (`regions`: table -> its rows and text) and place their cells; the
    figures the prose states (`narrative`, read as for the prose checks) choose where the relations cannot.
    `alternatives`: table 3 may print a row the format declares instead of its rows (as `parse_table3`)."""
    template = fmt.template
    slots: list[Slot] = []
    used: Used = frozenset()
    if "table2" in regions:
        region, text = regions["table2"]
        variant = detect_variant(region, text, fmt.tables["table2"])
        if variant is not None:
            parse_variant(region, variant, b)  # one value per row: nothing to split
        else:
            slots += _table2(region, fmt.tables["table2"], template, b)
    if "table3" in regions:
        t3, alt = _table3(regions["table3"][0], fmt.tables["table3"], template, b, alternatives)
        slots += t3
        if alt is not None:  # the relations sum the alternative's row in place of the rows it replaces
            used = frozenset({("table3", alt)})
    if "table4" in regions:
        slots += _table4(regions["table4"][0], fmt.tables["table4"], template, b)
    stated = narrative or {}
    figures = [Figure(p.key, p.name, stated[p.key], p.alternatives) for p in fmt.prose if p.key in stated]
    results = solve(slots, _relations(template, used), prose=figures)
    for res in results:
        _write(res, template, b, used)


@lru_cache(maxsize=8)
def _relations(template: str, used: Used = frozenset()) -> tuple[Instance, ...]:
    return tuple(instances(effective(template, used)))


@lru_cache(maxsize=1024)
def _row_name(template: str, cid: str, used: Used = frozenset()) -> str:
    table, row, _col = split_cell_id(cid)
    tdef = effective(template, used).tables[table]
    return full_row_label(tdef.row(row))


def _write(res: SlotResult, template: str, b: Builder, used: Used = frozenset()) -> None:
    slot = res.slot
    for cid in slot.cells:
        table, row, col = split_cell_id(cid)
        piece = res.placed.get(cid)
        if piece is None:
            b.put(table, row, col, None)
            if cid in res.undecided and slot.segments:
                span = (slot.segments[0].start, slot.segments[-1].end)
                b.record.provenance[cid] = CellSource("", span, "parsed")
            continue
        cell = Cell(piece.text, piece.start, piece.end)
        b.put(table, row, col, Value(cell, parse_printed(piece.text)))
    if not slot.segments:
        return
    table = split_cell_id(slot.cells[0])[0]
    printed = " ".join(p.text for p in slot.segments)
    rows = "、".join(dict.fromkeys(_row_name(template, c, used) for c in slot.cells))
    params: dict[str, Any] = {"table": table, "rows": rows, "printed": printed, "cells": list(slot.cells),
                              "count": len(slot.cells)}
    runs = [Value(Cell(p.text, p.start, p.end), parse_printed(p.text)) for p in slot.segments]
    cells = list(slot.cells)
    if res.status == "failed":
        b.unplaced(table, runs, f"{SHORT[table]}“{rows}”印为“{printed}”，未能拆分为 {len(slot.cells)} 个单元格")
        _note(b, message_id="split_failed", severity="warning", name="cannot split", cells=cells, params=params)
        return
    if res.status == "too_many":
        b.unplaced(table, runs, f"{SHORT[table]}“{rows}”印为“{printed}”，未能拆分为 {len(slot.cells)} 个单元格")
        _note(b, message_id="split_too_many", severity="warning", name="cannot split", cells=cells, params=params)
        return
    if res.status == "printed" or (not res.split and not res.alternatives):
        return  # one printed segment per cell: nothing was split
    alts = [split_text(a) for a in res.alternatives]
    params.update(split=split_text(tuple(res.placed.get(c) for c in slot.cells)), alternatives=alts,
                  others="；".join(alts) or "无")
    placed = [c for c in slot.cells if res.placed.get(c) is not None]
    if res.status == "prose":
        names = {p.key: p.name for p in load_format(template).prose}
        params.update(figures="、".join(names.get(k, k) for k in res.prose), figure_keys=list(res.prose))
        _note(b, message_id="split_prose", severity="info", name="split by the prose", cells=placed, params=params)
    elif res.status == "heuristic":
        _note(b, message_id="split_heuristic", severity="warning", name="split by a heuristic bound", cells=cells,
              params=params)
    elif not res.undecided and not (res.violations and res.alternatives) and res.status == "only":
        _note(b, message_id="split_only", severity="info", name="split by arithmetic", cells=placed, params=params)
    elif not res.undecided and not (res.violations and res.alternatives):
        _note(b, message_id="split_arithmetic", severity="info", name="split by arithmetic", cells=placed,
              params=params)
    elif not res.undecided:
        _note(b, message_id="split_least", severity="warning", name="split breaking fewest relations", cells=cells,
              params=params)
    else:  # several splits fit equally well: the cells they disagree on are left for the reviewer
        params.update(undecided=list(res.undecided), blank=len(res.undecided),
                      run=[slot.segments[0].start, slot.segments[-1].end],
                      choices=_choices(slot, res.alternatives, res.undecided))
        undecided = list(res.undecided)
        if res.violations:
            _note(b, message_id="split_tied", severity="warning", name="ambiguous split", cells=undecided,
                  params=params)
        else:
            _note(b, message_id="split_ambiguous", severity="warning", name="ambiguous split", cells=undecided,
                  params=params)
        b.unplaced(table, runs, f"{SHORT[table]}“{rows}”的数字串拆分不唯一（{params['others']}），未确定的单元格留空")


def _choices(slot: Slot, alternatives: list[Split], undecided: list[str]) -> list[dict[str, Any]]:
    """The alternatives as a reviewer may choose one (docs/design/findings.md): per alternative its text and, for
    each undecided cell, the piece's printed text, its span in the report text and its value as parsing reads it."""
    out: list[dict[str, Any]] = []
    for alt in alternatives:
        cells: dict[str, Any] = {}
        for cid, kind, piece in zip(slot.cells, slot.kinds, alt, strict=True):
            if cid not in undecided:
                continue
            cells[cid] = {"text": piece.text if piece else "", "span": [piece.start, piece.end] if piece else None,
                          "value": _value(piece.text, kind) if piece else None}
        out.append({"split": split_text(alt), "cells": cells})
    return out


def _value(text: str, kind: str) -> Number | None:
    """A piece's value as `Builder.put` stores it (money in 万元)."""
    p = parse_printed(text)
    if p.kind != "number" or p.value is None:
        return None
    return to_wan_yuan(p.value, p.unit)[0] if kind == "money" else p.value


# the findings of splitting, in Chinese (ui/messages.py holds the same templates for other languages)
MESSAGES = {
    "split_arithmetic": "{table}“{rows}”印为“{printed}”，已按运算拆分为 {split}",
    "split_only": "{table}“{rows}”印为“{printed}”，已按列数拆分为 {split}",
    "split_least": ("{table}“{rows}”印为“{printed}”，任何拆分都不能使各项关系全部成立；已按违反关系最少、相差最小的拆分 {split} 放置。"
                    "其他拆分：{others}"),
    "split_ambiguous": "{table}“{rows}”印为“{printed}”，可拆分为：{others}。各项关系都成立，无法确定，{blank} 个单元格留空，请核对原文选择",
    "split_tied": "{table}“{rows}”印为“{printed}”，可拆分为：{others}。违反的关系一样少，无法确定，{blank} 个单元格留空，请核对原文选择",
    "split_prose": ("{table}“{rows}”印为“{printed}”，各项关系允许多种拆分（另有：{others}），按正文所述的{figures}拆分为 {split}"),
    "split_heuristic": ("{table}“{rows}”印为“{printed}”，按经验关系（如本年新公开数量不超过对外公开总数量）拆分为 {split}；"
                        "若该关系不成立，也可拆分为：{others}，请核对"),
    "split_failed": "{table}“{rows}”印为“{printed}”，无法按格式拆分为 {count} 个单元格，已列为未放置数值",
    "split_too_many": "{table}“{rows}”印为“{printed}”，可能的拆分过多，未能确定 {count} 个单元格，已列为未放置数值",
}


def _note(b: Builder, *, message_id: str, severity: str, name: str, cells: list[str], params: dict[str, Any]) -> None:
    text = MESSAGES[message_id].format(**{**params, "table": SHORT[params["table"]]})
    b.note(Finding(rule="SPLIT", severity=severity, cells=cells, name=name, message=text, message_id=message_id,
                   params=params))
