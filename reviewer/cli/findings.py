"""How the command line names findings (E1, W2 …), a confirmed source defect, and a report's marks in a list:
shared by the library commands and the review commands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewer.errors import ValidationError
from reviewer.model import NUMBER_PREFIX, Finding, finding_key, number_findings
from reviewer.store.types import DEFECT_LABEL, ReportSummary


def numbered(findings: Sequence[Finding]) -> list[tuple[str, Finding]]:
    return number_findings(list(findings))


def pick(findings: Sequence[Finding], name: str, report_id: int) -> Finding:
    """The finding numbered `name` (E1, w2 …) by `numbered`, or whose key is `name`."""
    text = name.strip()
    label = text.upper()
    for number, f in numbered(findings):
        if number == label or finding_key(f) == text:
            return f
    counts = ", ".join(f"{p}1–{p}{k}" for p, k in _counts(findings).items())
    raise ValidationError(f"报告 {report_id} 没有问题 {text}（现有：{counts or '无'}；编号见 reviewer show {report_id}）")


def _counts(findings: Sequence[Finding]) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in findings:
        p = NUMBER_PREFIX.get(f.severity, "I")
        out[p] = out.get(p, 0) + 1
    return out


def _v(v: Any) -> str:
    return "空" if v is None else str(v)


def resolution_text(f: Finding) -> str:
    """`源文件错误：理由；应为 table…=3（张三）` for a confirmed finding, '' for an open one."""
    r = f.resolution
    if r is None:
        return ""
    should = "；".join(f"{cid} 应为 {_v(v)}" for cid, v in (r.get("should_be") or {}).items())
    return f"{DEFECT_LABEL}：{r.get('reason', '')}" + (f"；{should}" if should else "") + \
        (f"（{r.get('reviewer')}）" if r.get("reviewer") else "")


def summary_marks(s: ReportSummary) -> str:
    """What the library list adds after a report: defects, versions, retired."""
    marks = []
    if s.defects:
        marks.append(f"{DEFECT_LABEL} {s.defects}")
    if s.has_versions:
        marks.append(f"{s.versions} 个版本，" + ("以此为准" if s.counts else f"以 #{s.counting_id} 为准"))
    if s.retired:
        marks.append("已停用")
    return f"  （{'；'.join(marks)}）" if marks else ""
