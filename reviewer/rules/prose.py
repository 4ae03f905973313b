"""Prose against tables: the figures the text states, checked against the cells they restate."""

from __future__ import annotations

from reviewer.model import Finding, Number, Record

# narrative key -> (Chinese name, alternatives: each a list of cells whose sum the prose may mean)
CHECKS: dict[str, tuple[str, list[list[str]]]] = {
    "requests_received": ("收到申请数", [["table3:new_received:total"],
                                     ["table3:new_received:total", "table3:carried_over:total"]]),
    "requests_answered": ("办结（答复）数", [["table3:total:total"]]),
    "carried_over": ("上年结转数", [["table3:carried_over:total"]]),
    "carried_forward": ("结转下年度数", [["table3:carried_forward:total"]]),
    "granted_or_partial": ("予以公开及部分公开数", [["table3:granted:total", "table3:partial:total"]]),
    "denied_total": ("不予公开数", [[f"table3:denied.{k}:total" for k in (
        "state_secret", "law_prohibited", "three_safety", "third_party", "internal_affairs", "process_info",
        "enforcement_file", "admin_query")]]),
    "unable_total": ("无法提供数", [[f"table3:unable.{k}:total" for k in ("not_held", "needs_creation", "unclear")]]),
    "not_processed_total": ("不予处理数", [[f"table3:not_processed.{k}:total" for k in (
        "petition", "duplicate", "publication", "massive", "confirm")]]),
    "review_total": ("行政复议数", [["table4:review:total"]]),
    "litigation_total": ("行政诉讼数", [["table4:litigation_direct:total", "table4:litigation_after_review:total"]]),
}


def prose_findings(record: Record, values: dict[str, Number | None]) -> list[Finding]:
    out: list[Finding] = []
    for key, (name, alternatives) in CHECKS.items():
        stated = record.narrative.get(key)
        if stated is None:
            continue
        sums = []
        for cells in alternatives:
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
    out: list[Finding] = []
    forward = values.get("table3:carried_forward:total")
    if record.narrative.get("all_finished") and forward:
        out.append(Finding(rule="PROSE", severity="warning", cells=["table3:carried_forward:total"],
                           name="prose against table", message=f"正文称申请均已办结，表三“四、结转下年度继续办理”为 {forward}",
                           message_id="prose_all_finished", params={"table": forward}))
    if record.narrative.get("all_upheld"):
        groups = ("review", "litigation_direct", "litigation_after_review")
        cells = [f"table4:{g}:{c}" for g in groups for c in ("corrected", "other", "pending")]
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
    cid = "table2:fees:amount"
    amount = values.get(cid)
    if record.template != "2021" or not fee or amount is None or abs(amount - fee) > 1e-6:
        return []
    return [Finding(rule="R10", severity="warning", cells=[cid], name="fee is not the processing fee",
                    message=f"表二“行政事业性收费·本年收费金额”为 {amount}，与正文所述信息处理费 {fee} 元相同："
                            "本年收费金额应为行政事业性收费（单位：万元），不是信息处理费",
                    message_id="fee_vs_processing_fee", params={"amount": amount, "fee_yuan": fee})]
