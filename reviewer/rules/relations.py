"""The relations of a format (R1–R5, R9), read from its JSON and evaluated over a record's values.

A relation says: for each column (or row), Σ lhs cells `op` Σ rhs cells. Nothing is evaluated from text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.formats import TABLE_SHORT, FormatDef, TableDef, cell_label
from reviewer.model import Number, Record
from reviewer.values import format_value

EPS = 1e-6


@dataclass(slots=True)
class Instance:
    """One relation applied to one column (or row)."""

    rel: dict[str, Any]
    table: str
    along: str  # the column key (each column) or the row key (each row)
    lhs: list[str]  # cell ids
    rhs: list[str]
    label: str  # Chinese label of the column or row

    @property
    def op(self) -> str:
        return str(self.rel.get("op", "eq"))

    @property
    def cells(self) -> list[str]:
        return self.lhs + self.rhs


def _has(tdef: TableDef, row: str, col: str) -> bool:
    return tdef.has_cell(row, col)


def instances(fmt: FormatDef) -> list[Instance]:
    """Every relation of the format, expanded over its columns or rows."""
    out: list[Instance] = []
    for rel in fmt.relations:
        table = rel["table"]
        tdef = fmt.tables[table]
        if rel["each"] == "column":
            for col in tdef.columns:
                lhs = [f"{table}:{r}:{col.key}" for r in rel["lhs"] if _has(tdef, r, col.key)]
                rhs = [f"{table}:{r}:{col.key}" for r in rel["rhs"] if _has(tdef, r, col.key)]
                if lhs and rhs:
                    name = cell_label(fmt.template, None, table, tdef.rows[0].key, col.key).column_label
                    out.append(Instance(rel, table, col.key, lhs, rhs, f"{name}列"))
        else:
            rows = rel.get("rows") or [r.key for r in tdef.rows]
            for rkey in rows:
                lhs = [f"{table}:{rkey}:{c}" for c in rel["lhs"] if _has(tdef, rkey, c)]
                rhs = [f"{table}:{rkey}:{c}" for c in rel["rhs"] if _has(tdef, rkey, c)]
                if lhs and rhs:
                    out.append(Instance(rel, table, rkey, lhs, rhs, f"“{cell_label(fmt.template, None, table, rkey).row}”行"))
    return out


def total(values: dict[str, Number | None], cells: list[str]) -> Number | None:
    s: Number = 0
    for c in cells:
        v = values.get(c)
        if v is None:
            return None
        s += v
    return s


def holds(inst: Instance, values: dict[str, Number | None]) -> bool | None:
    """True/False, or None when a blank cell leaves the relation undecided."""
    lhs, rhs = total(values, inst.lhs), total(values, inst.rhs)
    if lhs is None or rhs is None:
        return None
    if inst.op == "le":
        return lhs <= rhs + EPS
    return abs(lhs - rhs) <= EPS


def fmt_num(v: Number | None) -> str:
    return format_value(v, blank="空")


def message(inst: Instance, values: dict[str, Number | None]) -> tuple[str, dict[str, Any]]:
    lhs, rhs = total(values, inst.lhs), total(values, inst.rhs)
    rel = inst.rel
    lt, rt = rel.get("lhs_text", "左边"), rel.get("rhs_text", "右边")
    if inst.op == "le":
        text = (f"{TABLE_SHORT[inst.table]}{inst.label}：{lt}为 {fmt_num(lhs)}，超过{rt} {fmt_num(rhs)}。"
                f"{rel.get('explain', '')}")
    else:
        text = (f"{TABLE_SHORT[inst.table]}{inst.label}：{rt}为 {fmt_num(rhs)}，{lt}印为 {fmt_num(lhs)}，"
                f"相差 {fmt_num(abs((lhs or 0) - (rhs or 0)))}。应满足：{rel.get('explain', '')}。")
    params = {"table": inst.table, "along": inst.along, "lhs": lhs, "rhs": rhs, "lhs_text": lt, "rhs_text": rt}
    return text, params


def values_of(record: Record) -> dict[str, Number | None]:
    return {f"{t}:{r}:{c}": v for t, rows in record.tables.items() for r, cols in rows.items() for c, v in cols.items()}
