"""Rules across two years of one agency: R7 (结转 carried into 上年结转) and R8 (现行有效件数 roll-forward)."""

from __future__ import annotations

from reviewer.formats import load_format, load_formats
from reviewer.model import Finding, Record


def _name(r: Record) -> str:
    return f"{r.agency or '？'} {r.year or '？'} 年报告"


def cross_findings(record: Record, previous: Record) -> list[Finding]:
    if record.template not in load_formats():
        return []
    out: list[Finding] = []
    for rule in load_format(record.template).cross:
        if rule["id"] == "R7":
            this_row = record.tables.get("table3", {}).get(rule["this_row"], {})
            prev_row = previous.tables.get("table3", {}).get(rule["prev_row"], {})
            for col, v in this_row.items():
                p = prev_row.get(col)
                if v is None or p is None or abs(v - p) < 1e-6:
                    continue
                cid = f"table3:{rule['this_row']}:{col}"
                out.append(Finding(
                    rule="R7", severity="warning", cells=[cid], name=rule["name"],
                    message=f"本报告“二、上年结转”（{col}）为 {v}，{_name(previous)}“四、结转下年度继续办理”为 {p}",
                    message_id="carry_over", params={"cell": cid, "this": v, "previous": p,
                                                     "previous_report": _name(previous)},
                    suggestion={"cell": cid, "value": p}))
        elif rule["id"] == "R8" and previous.template == record.template:
            t2, p2 = record.tables.get("table2", {}), previous.tables.get("table2", {})
            for row in rule["rows"]:
                now, plus, minus = (t2.get(row, {}).get(k) for k in (rule["this"], rule["plus"], rule["minus"]))
                before = p2.get(row, {}).get(rule["prev"])
                if None in (now, plus, minus, before):
                    continue
                expected = before + plus - minus  # type: ignore[operator]
                if abs(now - expected) > 1e-6:  # type: ignore[operator]
                    cid = f"table2:{row}:{rule['this']}"
                    out.append(Finding(
                        rule="R8", severity="warning", cells=[cid], name=rule["name"],
                        message=f"现行有效件数为 {now}；按{_name(previous)}的 {before} + 本年制发 {plus} − 本年废止 {minus} 应约为 {expected}",
                        message_id="in_force_roll", params={"cell": cid, "this": now, "expected": expected}))
    return out
