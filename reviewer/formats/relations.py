"""A format's relations (R1–R5, R9) expanded over its columns or rows, and evaluated over values.

A relation says: for each column (or row), Σ lhs cells `op` Σ rhs cells. Nothing is evaluated from text. The
format owns this arithmetic so that both the checks (`reviewer.rules`) and the parser's split of fused digits
(`reviewer.parsing.fused`) use it; the rules add the messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.formats.labels import cell_label
from reviewer.formats.model import FormatDef, TableDef
from reviewer.model import Number

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


