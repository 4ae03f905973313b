"""Checking a record: the relations of its format, value kinds, blanks, prose and last year's report.

`check(record, previous)` is a pure function of the current values; it is cheap enough to run on every edit.
"""

from __future__ import annotations

from functools import cache

from reviewer.formats import label_of, load_formats, table2_variant
from reviewer.formats.alternatives import Used, effective, used_alternatives
from reviewer.model import Finding, Number, Record, split_cell_id
from reviewer.rules.cells import blank_findings, malformed_findings, value_findings
from reviewer.rules.cross import cross_findings
from reviewer.rules.prose import fee_findings, prose_findings, statement_findings
from reviewer.rules.relations import Instance, holds, instances, message, values_of
from reviewer.rules.suggest import suggest
from reviewer.rules.timeliness import timeliness_findings

__all__ = ["check"]


@cache
def _instances(template: str, used: Used) -> tuple[Instance, ...]:
    return tuple(instances(effective(template, used)))


def _variant_total(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """A provincial table 2: its total row adds up every other row, column by column."""
    variant = table2_variant(record.table2_variant or "")
    if variant is None:
        return []
    rows = record.tables.get("table2", {})
    out: list[Finding] = []
    for column in variant.columns:
        col = column.key
        total_id = f"table2:{variant.total_row}:{col}"
        parts = [f"table2:{r}:{col}" for r, cols in rows.items() if r != variant.total_row and col in cols]
        known = [v for c in parts if (v := values.get(c)) is not None]
        s = sum(known) if known else None
        printed = values.get(total_id)
        where = variant.total_row if len(variant.columns) == 1 else f"{variant.total_row}·{column.label}"
        if printed is None and total_id in values:
            said = variant.stated_total
            stated = record.narrative.get(said[0]) if said is not None and said[1] == col else None
            msg = f"表二{where}为空；其各项之和为 {s if s is not None else '—'}"
            if stated is not None and s is not None:
                msg += f"，正文称主动公开 {stated} 条" + ("，两者一致" if stated == s else "，两者不一致")
            out.append(Finding(rule="BLANK", severity="warning", cells=[total_id], name="blank cell", message=msg,
                               message_id="variant_total_blank", params={"sum": s, "stated": stated},
                               suggestion={"cell": total_id, "value": s} if s is not None else None))
        elif printed is not None and s is not None and abs(printed - s) > 1e-6:
            out.append(Finding(rule="T2-SUM", severity="error", cells=[total_id, *parts], name="variant total",
                               message=f"表二{where}印为 {printed}，各项之和为 {s}",
                               message_id="variant_total", params={"sum": s, "printed": printed},
                               suggestion={"cell": total_id, "value": s}))
    return out


def check(record: Record, previous: Record | None = None) -> list[Finding]:
    """Every rule that fails on the record's current values."""
    values = values_of(record)
    out: list[Finding] = []
    if record.template in load_formats():
        insts = _instances(record.template, used_alternatives(load_formats()[record.template], record.tables))
        failing = [i for i in insts if holds(i, values) is False]
        suggestions = suggest(failing, insts, values, record)
        for inst in failing:
            text, params = message(inst, values)
            rel = inst.rel
            sug = suggestions.get(id(inst))
            if sug is not None:
                table, row, col = split_cell_id(sug[0])
                text += f" 若将“{label_of(record.template, table, row, col, record.table2_variant)}”改为 {sug[1]}，相关关系均成立。"
            out.append(Finding(
                rule=rel["id"], severity=rel.get("severity", "error"), cells=list(inst.cells), message=text,
                name=rel.get("name", ""), message_id=f"relation_{rel['id']}", params=params,
                suggestion={"cell": sug[0], "value": sug[1]} if sug is not None else None))
    out.extend(value_findings(record, values))
    out.extend(malformed_findings(record, values))
    out.extend(blank_findings(record, values))
    out.extend(_variant_total(record, values))
    out.extend(prose_findings(record, values))
    out.extend(fee_findings(record, values))
    out.extend(statement_findings(record, values))
    out.extend(timeliness_findings(record))
    if previous is not None:
        out.extend(cross_findings(record, previous))
    return out
