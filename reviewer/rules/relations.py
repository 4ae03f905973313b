"""The messages of a format's relations over a record's values (the relations and their arithmetic are the
format's: `reviewer.formats.relations`, re-exported here)."""

from __future__ import annotations

from typing import Any

from reviewer.formats import TABLE_SHORT
from reviewer.formats.relations import EPS, Instance, holds, instances, total
from reviewer.model import Number, Record

__all__ = ["EPS", "Instance", "holds", "instances", "message", "total", "values_of"]
from reviewer.values import format_value


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
