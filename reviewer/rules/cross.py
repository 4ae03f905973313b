"""Rules across two years of one agency, as the format's `cross` rules say: `carry` (R7: this year's 上年结转 is
last year's 结转下年度, column by column) and `roll` (R8: 现行有效件数 ≈ last year's + 本年制发 − 本年废止)."""

from __future__ import annotations

from typing import Any

from reviewer.formats import cell_label, load_format, load_formats
from reviewer.model import Finding, Record


def _name(r: Record) -> str:
    return f"{r.agency or '？'} {r.year or '？'} 年报告"


def _carry(rule: dict[str, Any], record: Record, previous: Record) -> list[Finding]:
    table = rule["table"]
    this_row = record.tables.get(table, {}).get(rule["this_row"], {})
    prev_row = previous.tables.get(table, {}).get(rule["prev_row"], {})
    out = []
    for col, v in this_row.items():
        p = prev_row.get(col)
        if v is None or p is None or abs(v - p) < 1e-6:
            continue
        cid = f"{table}:{rule['this_row']}:{col}"
        this_label = cell_label(record.template, None, table, rule["this_row"], col)
        prev_label = cell_label(previous.template, None, table, rule["prev_row"])
        out.append(Finding(
            rule=rule["id"], severity=rule.get("severity", "warning"), cells=[cid], name=rule["name"],
            message=f"本报告“{this_label.row}”（{this_label.column_label}）为 {v}，{_name(previous)}“{prev_label.row}”为 {p}",
            message_id="carry_over", params={"cell": cid, "this": v, "previous": p,
                                             "previous_report": _name(previous)},
            suggestion={"cell": cid, "value": p}))
    return out


def _roll(rule: dict[str, Any], record: Record, previous: Record) -> list[Finding]:
    if previous.template != record.template:
        return []
    table = rule["table"]
    now_t, prev_t = record.tables.get(table, {}), previous.tables.get(table, {})
    out = []
    for row in rule["rows"]:
        now, plus, minus = (now_t.get(row, {}).get(k) for k in (rule["this"], rule["plus"], rule["minus"]))
        before = prev_t.get(row, {}).get(rule["prev"])
        if now is None or plus is None or minus is None or before is None:
            continue
        expected = before + plus - minus
        if abs(now - expected) > 1e-6:
            cid = f"{table}:{row}:{rule['this']}"
            this, add, sub = (cell_label(record.template, None, table, row, rule[k]).column_label
                              for k in ("this", "plus", "minus"))
            out.append(Finding(
                rule=rule["id"], severity=rule.get("severity", "warning"), cells=[cid], name=rule["name"],
                message=f"{this}为 {now}；按{_name(previous)}的 {before} + {add} {plus} − {sub} {minus} 应约为 {expected}",
                message_id="in_force_roll", params={"cell": cid, "this": now, "expected": expected}))
    return out


def cross_findings(record: Record, previous: Record) -> list[Finding]:
    if record.template not in load_formats():
        return []
    out: list[Finding] = []
    for rule in load_format(record.template).cross:
        out.extend((_carry if rule["kind"] == "carry" else _roll)(rule, record, previous))
    return out
