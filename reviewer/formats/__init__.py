"""The national formats and provincial variants, read from `resources/formats/*.json`.

A format is data: its sections, tables, rows and columns (with the label variants seen in real reports)
and its relations. Adding a variant means adding a file there, not code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
FORMATS_DIR = RESOURCES / "formats"
TABLE_TITLES = {"table2": "主动公开政府信息情况", "table3": "收到和处理政府信息公开申请情况",
                "table4": "政府信息公开行政复议、行政诉讼情况"}
TABLE_SHORT = {"table2": "表二", "table3": "表三", "table4": "表四"}


@dataclass(frozen=True, slots=True)
class ColumnDef:
    key: str
    label: str
    variants: tuple[str, ...]
    kind: str = "count"  # count | signed | money
    group: str | None = None


@dataclass(frozen=True, slots=True)
class RowDef:
    key: str
    label: str
    variants: tuple[str, ...]
    group: str | None = None  # '/'-joined path of group labels, e.g. "三、本年度办理结果/（三）不予公开"
    columns: tuple[str, ...] | None = None  # None: every column of the table


@dataclass(frozen=True, slots=True)
class RowAlternative:
    """A row some reports print instead of several rows of the form (a 2021 report printing the 2019 single
    （六）其他处理 row): kept under its own key and checked in their place (see `reviewer.formats.alternatives`)."""

    row: RowDef
    replaces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableDef:
    id: str
    title: str
    title_variants: tuple[str, ...]
    kind: str  # grid | blocks | flat
    columns: tuple[ColumnDef, ...]
    rows: tuple[RowDef, ...]
    alternatives: tuple[RowAlternative, ...] = ()

    def row(self, key: str) -> RowDef:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def column(self, key: str) -> ColumnDef:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def row_columns(self, row: RowDef) -> tuple[str, ...]:
        return row.columns if row.columns is not None else tuple(c.key for c in self.columns)


@dataclass(frozen=True, slots=True)
class FormatDef:
    id: str
    template: str
    name: str
    detect: tuple[str, ...]
    tables: dict[str, TableDef]
    relations: tuple[dict[str, Any], ...]
    cross: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Table2Variant:
    id: str
    name: str
    detect: tuple[str, ...]
    columns: tuple[ColumnDef, ...]
    total_row: str
    total_variants: tuple[str, ...] = field(default_factory=tuple)


def _columns(items: list[dict[str, Any]]) -> tuple[ColumnDef, ...]:
    return tuple(ColumnDef(c["key"], c["label"], tuple(c.get("variants", [c["label"]])), c.get("kind", "count"),
                           c.get("group")) for c in items)


def _row(r: dict[str, Any]) -> RowDef:
    return RowDef(r["key"], r["label"], tuple(r.get("variants", [r["label"]])), r.get("group"),
                  tuple(r["columns"]) if "columns" in r else None)


def _table(tid: str, d: dict[str, Any]) -> TableDef:
    rows = tuple(_row(r) for r in d["rows"])
    alternatives = tuple(RowAlternative(_row(a["row"]), tuple(a["replaces"])) for a in d.get("alternatives", []))
    return TableDef(tid, d["title"], tuple(d.get("title_variants", [d["title"]])), d.get("kind", "grid"),
                    _columns(d["columns"]), rows, alternatives)


@cache
def load_formats() -> dict[str, FormatDef]:
    """All national formats by template ("2019", "2021")."""
    out: dict[str, FormatDef] = {}
    for path in sorted(FORMATS_DIR.glob("national-*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        tables = {tid: _table(tid, td) for tid, td in d["sections"].items()}
        out[d["template"]] = FormatDef(d["id"], d["template"], d["name"], tuple(d["detect"]), tables,
                                       tuple(d["relations"]), tuple(d.get("cross", [])))
    return out


def load_format(template: str) -> FormatDef:
    return load_formats()[template]


@cache
def load_table2_variants() -> tuple[Table2Variant, ...]:
    out = []
    for path in sorted(FORMATS_DIR.glob("table2-*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        out.append(Table2Variant(d["id"], d["name"], tuple(d["detect"]), _columns(d["columns"]), d["total_row"],
                                 tuple(d.get("total_variants", [d["total_row"]]))))
    return tuple(out)


def table2_variant(variant_id: str) -> Table2Variant | None:
    for v in load_table2_variants():
        if v.id == variant_id:
            return v
    return None


@cache
def column_kind(template: str | None, table: str, col: str, variant: str | None = None) -> str:
    """The kind of a column: count (non-negative integer), signed (integer) or money (decimal)."""
    if table == "table2" and variant:
        v = table2_variant(variant)
        if v:
            for c in v.columns:
                if c.key == col:
                    return c.kind
        return "count"
    if template not in load_formats():
        return "count"
    tdef = load_format(template).tables.get(table)
    if tdef is None:
        return "count"
    for c in tdef.columns:
        if c.key == col:
            return c.kind
    return "count"


def full_row_label(rdef: RowDef) -> str:
    """A row's label with its nearest group: "（四）无法提供 1.本机关不掌握相关政府信息"."""
    if rdef.group and not rdef.label.startswith("（") and "、" not in rdef.label[:3]:
        return f"{rdef.group.split('/')[-1]} {rdef.label}"
    return rdef.label


def label_of(template: str | None, table: str, row: str, col: str | None = None) -> str:
    """Chinese label of a row (and column) for messages and exports.

    The report's own format is asked first, then the other formats: a cell kept from an edit made under the
    other format (the reviewer changed the format) is still named in words.
    """
    formats = load_formats()
    order = ([template] if template in formats else []) + [t for t in formats if t != template]
    for t in order:
        tdef = formats[t].tables.get(table)
        if tdef is None:
            continue
        try:
            rlabel = full_row_label(tdef.row(row))
        except KeyError:
            continue
        if col is None:
            return rlabel
        try:
            return f"{rlabel}·{tdef.column(col).label}"
        except KeyError:
            return f"{rlabel}·{col}"
    if col is not None and table == "table2":  # a provincial table: rows are label paths
        for variant in load_table2_variants():
            for c in variant.columns:
                if c.key == col:
                    return f"{row}·{c.label}"
    return row if col is None else f"{row}·{col}"
