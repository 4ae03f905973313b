"""The definitions a format file is read into (plain frozen data; `reviewer.formats.loading` builds them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ColumnDef:
    key: str
    label: str
    variants: tuple[str, ...]
    kind: str = "count"  # count | signed | money
    group: str | None = None
    form_unit: str | None = None  # money: the unit the official form itself states (None: the report must)


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
    total_column: str | None = None  # the column adding up the others on each row (table 3's 总计)
    section: str = ""  # the number printed before its title (二, 三, 四)
    header_mark: str | None = None  # blocks: the text opening each block's header row (信息内容)
    alternatives: tuple[RowAlternative, ...] = ()  # rows printed instead of rows of the form
    opening: tuple[str, ...] = ()  # texts a row of the table starts with that open it when its title is missing

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

    def has_cell(self, row: str, col: str) -> bool:
        try:
            return col in self.row_columns(self.row(row))
        except KeyError:
            return False


@dataclass(frozen=True, slots=True)
class ProseCheck:
    """A figure the prose states (`key` in the narrative) and the cells it restates: each alternative is a
    list of cells whose sum the prose may mean (收到申请 is 新收, or 新收 + 结转)."""

    key: str
    name: str
    alternatives: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class FormatDef:
    id: str
    template: str
    name: str
    since: int  # the first report year the format applies to
    detect: tuple[str, ...]
    tables: dict[str, TableDef]
    relations: tuple[dict[str, Any], ...]
    cross: tuple[dict[str, Any], ...]
    prose: tuple[ProseCheck, ...] = ()
    statements: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # all_finished / all_upheld -> cells
    fee_cell: str | None = None  # R10: 本年收费金额
    charts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # chart series -> cells it sums
    path: str = ""  # the file it was read from

    def has_cell(self, cid: str) -> bool:
        table, rest = cid.split(":", 1)
        row, col = rest.rsplit(":", 1)
        tdef = self.tables.get(table)
        return tdef is not None and tdef.has_cell(row, col)


@dataclass(frozen=True, slots=True)
class Table2Variant:
    """A provincial table printed instead of the national table 2. Its rows are kept by label path
    ("基础分类/动态/公示公告"); its columns are its own; `total_row` adds up every other row, per column."""

    id: str
    name: str
    detect: tuple[str, ...]
    columns: tuple[ColumnDef, ...]
    total_row: str
    total_variants: tuple[str, ...] = ()
    path: str = ""
    stated_total: tuple[str, str] | None = None  # (narrative key, column): the prose figure of a column's total

    def column(self, key: str) -> ColumnDef:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)
