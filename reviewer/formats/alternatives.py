"""Rows a report prints instead of rows of its form, as the format files declare them (`alternatives`).

A 2021 report that prints the 2019 single （六）其他处理 row instead of its three sub-rows keeps that row under
its own key (`other`); the table then has that row in their place, and every relation that sums the three
sums it instead. Which alternative a record uses is read from its rows: the alternative's row is present and
none of the rows it replaces is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from typing import Any

from reviewer.formats import FormatDef, TableDef, load_formats
from reviewer.formats.model import RowAlternative

Used = frozenset[tuple[str, int]]  # (table, index of the alternative in its table)


def rows_with(tdef: TableDef, alt: RowAlternative) -> TableDef:
    """The table with the alternative's row where the first row it replaces stood, the replaced rows gone."""
    rows = []
    for r in tdef.rows:
        if r.key == alt.replaces[0]:
            rows.append(alt.row)
        if r.key not in alt.replaces:
            rows.append(r)
    return replace(tdef, rows=tuple(rows))


def used_alternatives(fmt: FormatDef, tables: Mapping[str, Mapping[str, Any]]) -> Used:
    """The alternatives a record's rows show: the alternative's row is there and none of the replaced rows."""
    used: set[tuple[str, int]] = set()
    for tid, tdef in fmt.tables.items():
        rows = tables.get(tid)
        if not rows:
            continue
        for k, alt in enumerate(tdef.alternatives):
            if alt.row.key in rows and not any(r in rows for r in alt.replaces):
                used.add((tid, k))
    return frozenset(used)


def _rewrite(keys: list[str], alt: RowAlternative) -> list[str]:
    """A relation's row list with the replaced rows summed by the alternative's row instead."""
    if not all(r in keys for r in alt.replaces):
        return keys
    out: list[str] = []
    for k in keys:
        if k == alt.replaces[0]:
            out.append(alt.row.key)
        elif k not in alt.replaces:
            out.append(k)
    return out


@cache
def effective(template: str, used: Used) -> FormatDef:
    """The format as a record using these alternatives has it: its rows and relations."""
    fmt = load_formats()[template]
    if not used:
        return fmt
    tables = dict(fmt.tables)
    relations = [dict(r) for r in fmt.relations]
    for tid, k in sorted(used):
        alt = fmt.tables[tid].alternatives[k]
        tables[tid] = rows_with(tables[tid], alt)
        for rel in relations:
            if rel.get("table") != tid:
                continue
            for side in ("lhs", "rhs", "rows"):
                if side in rel and (side == "rows" or rel.get("each") == "column"):
                    rel[side] = _rewrite(list(rel[side]), alt)
    return replace(fmt, tables=tables, relations=tuple(relations))


def format_of(template: str, tables: Mapping[str, Mapping[str, Any]]) -> FormatDef:
    """The format of a record with these tables (the alternatives its rows use applied)."""
    return effective(template, used_alternatives(load_formats()[template], tables))
