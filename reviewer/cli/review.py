"""The reviewer's decisions on the command line: confirm a finding as a source defect (and withdraw it),
reopen a verified report, retire and restore a report, list the versions of an agency's year and choose the one
that counts.

Findings are named as `reviewer show` numbers them: E1, E2 … for errors, W1 … for warnings, I1 … for notes, in
the order of the report's findings (confirmed ones keep their number), or by their key.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from reviewer.errors import ValidationError
from reviewer.model import NUMBER_PREFIX, Finding, finding_key, number_findings
from reviewer.store.library import Library
from reviewer.store.types import DEFECT_LABEL, STATUS_LABELS, ReportSummary


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


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from reviewer.cli.library import _common

    common = _common()
    p = sub.add_parser("confirm", parents=[common],
                       help="确认一个问题为源文件错误（原件即如此印制），数值不变；可给出应为的数值")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("finding", metavar="FINDING", help="问题编号（E1、W2…，见 reviewer show）或问题键")
    p.add_argument("--reason", required=True, help="确认理由")
    p.add_argument("--should-be", action="append", default=[], metavar="CELL=VALUE",
                   help="该单元格应为的数值（应为），可重复")
    p.add_argument("--expected-version", type=int)
    p.set_defaults(func=cmd_confirm)

    p = sub.add_parser("withdraw", parents=[common], help="撤销对一个问题的源文件错误确认")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("finding", metavar="FINDING", help="问题编号或问题键")
    p.add_argument("--reason")
    p.add_argument("--expected-version", type=int)
    p.set_defaults(func=cmd_withdraw)

    p = sub.add_parser("reopen", parents=[common], help="重新打开已核实的报告（须说明理由），以便修改")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--reason", required=True)
    p.add_argument("--expected-version", type=int)
    p.set_defaults(func=cmd_reopen)

    p = sub.add_parser("retire", parents=[common], help="停用误导入的报告：不再列出、导出或统计，可恢复，不删除")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_retire)

    p = sub.add_parser("restore", parents=[common], help="恢复已停用的报告")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("versions", parents=[common], help="列出同机关同年度的各版本，及以哪一份为准")
    p.add_argument("report", type=int, metavar="REPORT")
    p.set_defaults(func=cmd_versions)

    p = sub.add_parser("choose-version", parents=[common],
                       help="以此报告为其机关和年度的准版本（导出、图表、下一年度的上年结转均用它）")
    p.add_argument("report", type=int, metavar="REPORT")
    p.add_argument("--reason")
    p.set_defaults(func=cmd_choose_version)


def _open(args: argparse.Namespace) -> Library:
    from reviewer.cli.library import _open as open_library

    return open_library(args)


def _who(args: argparse.Namespace) -> str | None:
    from reviewer.cli.library import _who as who

    return who(args)


def _should_be(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        cell, sep, value = item.partition("=")
        if not sep or not cell.strip():
            raise ValidationError(f"--should-be 应写作 单元格=数值：{item}")
        out[cell.strip()] = value
    return out


def cmd_confirm(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rep = lib.load(args.report)
        f = pick(rep.record.findings, args.finding, args.report)
        version = args.expected_version if args.expected_version is not None else rep.version
        change = lib.confirm_defect(args.report, finding_key(f), reason=args.reason, reviewer=_who(args),
                                    should_be=_should_be(args.should_be), expected_version=version)
        confirmed = next(g for g in change.findings if finding_key(g) == finding_key(f))
    print(f"#{args.report} 已确认为{DEFECT_LABEL}：{f.message}")
    print(f"  {resolution_text(confirmed)}")
    print(f"  版本 {change.version}；未解决：错误 {change.errors} · 警告 {change.warnings}；{DEFECT_LABEL} {change.defects}")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rep = lib.load(args.report)
        key = finding_key(pick(rep.record.findings, args.finding, args.report)) \
            if not any(c.finding_key == args.finding for c in rep.confirmations) else args.finding
        version = args.expected_version if args.expected_version is not None else rep.version
        change = lib.withdraw_defect(args.report, key, reviewer=_who(args), reason=args.reason,
                                     expected_version=version)
    print(f"#{args.report} 已撤销{DEFECT_LABEL}确认（版本 {change.version}）；未解决：错误 {change.errors} · "
          f"警告 {change.warnings}")
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        version = args.expected_version if args.expected_version is not None else lib.summary(args.report).version
        change = lib.reopen(args.report, reason=args.reason, reviewer=_who(args), expected_version=version)
    print(f"#{args.report} 已重新打开审核：{STATUS_LABELS[change.status]}（版本 {change.version}）")
    return 0


def cmd_retire(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        change = lib.retire(args.report, reason=args.reason, reviewer=_who(args),
                            expected_version=lib.summary(args.report).version)
    print(f"#{args.report} 已停用（不再列出、导出或统计；reviewer restore {args.report} 可恢复）；版本 {change.version}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        change = lib.restore(args.report, reason=args.reason, reviewer=_who(args),
                             expected_version=lib.summary(args.report).version)
    print(f"#{args.report} 已恢复（{STATUS_LABELS[change.status]}）")
    return 0


def cmd_versions(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        rows = lib.versions(args.report)
    for s in rows:
        mark = "以此为准" if s.counts else ("已停用" if s.retired else "")
        print(f"{s.id:>6} {s.status_label:<4} {s.year or '？'} 错误 {s.errors} 警告 {s.warnings} "
              f"{DEFECT_LABEL} {s.defects}  {s.agency or '（未识别）'}  [{s.source_name}]  {mark}".rstrip())
    return 0


def cmd_choose_version(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        lib.choose_version(args.report, reviewer=_who(args), reason=args.reason)
        others = [s.id for s in lib.versions(args.report) if s.id != args.report]
    print(f"#{args.report} 为其机关和年度的准版本" + (f"（其他版本：{'、'.join(f'#{i}' for i in others)}）" if others else ""))
    return 0
