"""Prose against tables: the figures the text states, checked against the cells they restate."""

from __future__ import annotations

from reviewer.formats import TABLE_SHORT, FormatDef, cell_label, label_of, load_formats
from reviewer.model import Finding, Number, Record


def _format(record: Record) -> FormatDef | None:
    return load_formats().get(record.template or "")


def prose_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """Each figure the format's `prose` checks name, against the cells it restates."""
    fmt = _format(record)
    out: list[Finding] = []
    for check in fmt.prose if fmt else ():
        key, name = check.key, check.name
        stated = record.narrative.get(key)
        if stated is None:
            continue
        sums = []
        for cells in check.alternatives:
            vs = [values.get(c) for c in cells]
            if any(v is None for v in vs):
                continue
            sums.append((cells, sum(vs)))  # type: ignore[arg-type]
        if not sums or any(abs(s - stated) < 1e-6 for _, s in sums):
            continue
        cells, s = sums[0]
        out.append(Finding(rule="PROSE", severity="warning", cells=list(cells), name="prose against table",
                           message=f"正文所述{name}为 {stated}，表格为 {s}",
                           message_id="prose_mismatch", params={"key": key, "stated": stated, "table": s}))
    return out


def statement_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """Statements without a figure: "均已办结" against 结转下年度, "均获维持" against table 4."""
    fmt = _format(record)
    statements = fmt.statements if fmt else {}
    out: list[Finding] = []
    finished = list(statements.get("all_finished", ()))
    forward = sum(v for c in finished if (v := values.get(c)) is not None)
    if record.narrative.get("all_finished") and forward:
        table, row, _col = finished[0].split(":")
        out.append(Finding(rule="PROSE", severity="warning", cells=[c for c in finished if values.get(c)],
                           name="prose against table",
                           message=f"正文称申请均已办结，{TABLE_SHORT[table]}“{label_of(record.template, table, row)}”为 {forward}",
                           message_id="prose_all_finished", params={"table": forward}))
    if record.narrative.get("all_upheld") and statements.get("all_upheld"):
        cells = list(statements["all_upheld"])
        others = sum(v for c in cells if (v := values.get(c)) is not None)
        if others:
            out.append(Finding(rule="PROSE", severity="warning", cells=[c for c in cells if values.get(c)],
                               name="prose against table",
                               message=f"正文称复议、诉讼均获维持，表四有 {others} 件为纠正、其他结果或尚未审结",
                               message_id="prose_all_upheld", params={"others": others}))
    return out


def fee_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    """R10: 本年收费金额 is 行政事业性收费 in 万元, not the 信息处理费 of section 六 (in 元)."""
    fee = record.narrative.get("processing_fee_yuan")
    fmt = _format(record)
    cid = fmt.fee_cell if fmt else None
    amount = values.get(cid) if cid else None
    if cid is None or not fee or amount is None or abs(amount - fee) > 1e-6:
        return []
    table, row, col = cid.split(":")
    lab = cell_label(record.template, None, table, row, col)
    return [Finding(rule="R10", severity="warning", cells=[cid], name="fee is not the processing fee",
                    message=f"{lab.table_short}“{lab.text}”为 {amount}，与正文所述信息处理费 {fee} 元相同："
                            "本年收费金额应为行政事业性收费（单位：万元），不是信息处理费",
                    message_id="fee_vs_processing_fee", params={"amount": amount, "fee_yuan": fee})]
