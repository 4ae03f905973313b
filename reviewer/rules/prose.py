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
