"""Values read by OCR with low confidence: a warning on each such cell, to be checked against the page image."""

from __future__ import annotations

from reviewer.model import LOW_OCR_CONFIDENCE, Finding, Record


def confidence_notes(record: Record) -> list[Finding]:
    out = []
    for cid, box in record.cell_boxes().items():
        if box.confidence >= LOW_OCR_CONFIDENCE:
            continue
        printed = record.provenance[cid].text
        out.append(Finding(
            rule="OCR", severity="warning", cells=[cid], name="low OCR confidence",
            message=f"“{printed}”是文字识别读出的，置信度仅 {box.confidence:.0%}，请对照原图核对",
            message_id="ocr_low_confidence", params={"printed": printed, "confidence": round(box.confidence, 3)}))
    return out
