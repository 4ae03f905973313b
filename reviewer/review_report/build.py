"""The content of a review report, computed from a read-only view of the library.

For each report: what was found in the values as parsed (every rule re-checked on them), and how each problem
ended — a misread corrected (the reviewer's edit and its reason), a defect of the source confirmed (the
reviewer's reason and the value it should have), a warning acknowledged at verification, gone with another
correction, or still open — then the edit history. One report gives an 审核意见书; several give a 问题清单 with
a section per agency.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reviewer.export.common import ReportRow, select_reports
from reviewer.formats import TABLE_SHORT, label_of, load_format, load_formats
from reviewer.model import ORIGIN_EDITED, ORIGIN_PARSED, CellSource, Finding, Record, finding_key
from reviewer.review_report.content import Document, Paragraph, Run, Table, cn_number
from reviewer.store import records
from reviewer.store.backend import Db
from reviewer.store.types import STATUS_LABELS, STATUS_VERIFIED, Value
from reviewer.values import format_value

# How each resolution reads in the report.
MISREAD = "更正误读"
DEFECT = "确认原件有误"
ACKNOWLEDGED = "说明理由后保留"
CLEARED = "随其他更正消除"
OPEN = "尚未处理"
# Rules the checks implement in code (the relations of a format carry their own words, `explain`).
RULE_TEXTS = {
    "R6": "数值应为非负整数（本年增/减可为负，金额可有小数）",
    "R7": "本年“二、上年结转”应等于上年报告的“四、结转下年度继续办理”",
    "R8": "现行有效件数应约等于上年现行有效件数 + 本年制发件数 − 本年废止件数",
    "R10": "本年收费金额为行政事业性收费（万元），不是信息处理费",
    "PROSE": "正文所述数字应与统计表一致",
    "BLANK": "单元格不应为空",
    "T2-SUM": "表二合计应等于各项之和",
    "REPARSE": "重新解析后的数值应与审核人所改的原值一致",
    "POSITION": "行标签缺失，按位置放置的数值需核对",
    "UNPLACED": "表内数值应能对应到单元格",
    "MISSING": "报告应包含三张统计表",
    "YEAR": "报告年度应与统计期一致",
    "UNIT": "金额单位已换算",
    "SHORT": "表格行的单元格数应完整",
}
KIND_LABELS = {"edit": "修改", "undo": "撤销", "redo": "重做", "paste": "粘贴", "suggestion": "采纳建议",
               "clear": "清空", "metadata": "修改基本信息", "status": "状态", "reparse": "重新解析", "import": "导入",
               "defect": "确认原件有误"}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, slots=True)
class Defect:
    """A finding a reviewer confirmed to be an error of the source itself (源文件错误), with the reason and,
    when known, the values its cells should have had (应为)."""

    finding_key: str
    reason: str
    rule: str = ""
    cells: tuple[str, ...] = ()
    should_be: dict[str, Value] = field(default_factory=dict)
    reviewer: str | None = None
    at: str | None = None

    @property
    def match(self) -> tuple[str, frozenset[str]]:
        return self.rule, frozenset(self.cells)


DefectSource = Callable[[Db, int], list[Defect]]


def stored_defects(conn: Db, report_id: int) -> list[Defect]:
    """The findings the library holds as confirmed source defects (`Library.confirm_defect`)."""
    from reviewer.store import confirmations

    return [Defect(c.finding_key, c.reason, c.rule, tuple(c.cells), dict(c.should_be), c.reviewer, c.at)
            for c in confirmations.by_key(conn, report_id).values()]


@dataclass(slots=True)
class CellLine:
    cid: str
    name: str
    printed: str  # as printed in the source ('' when blank)
    parsed: Value
    current: Value
    expected: Value  # the suggestion, or the value a confirmed defect should have had


@dataclass(slots=True)
class Problem:
    key: str
    rule: str
    severity: str
    rule_text: str
    message: str
    cells: list[CellLine]
    all_cells: list[str]  # every cell the rule involves, named
    excerpt: list[Run]  # the source line with the value marked ([] when the cell has no place in the text)
    resolution: str
    reason: str
    by: str | None = None
    at: str | None = None


@dataclass(slots=True)
class EditLine:
    at: str
    reviewer: str | None
    kind: str
    what: str
    old: str
    new: str
    reason: str


@dataclass(slots=True)
class ReportReview:
    row: ReportRow
    source_path: str
    verification_note: str | None
    problems: list[Problem] = field(default_factory=list)
    history: list[EditLine] = field(default_factory=list)
    misreads: int = 0
    defects: int = 0
    acknowledged: int = 0

    @property
    def errors_found(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def title(self) -> str:
        return f"{self.row.agency or '（未识别机关）'}{self.row.year or ''}年度政府信息公开工作年度报告"


def _v(v: Value) -> str:
    return "空" if v is None else format_value(v)


def cell_name(template: str | None, cid: str) -> str:
    """`表三 （四）无法提供 1.本机关不掌握相关政府信息·总计`: a cell in the words of the form."""
    try:
        table, rest = cid.split(":", 1)
        row, col = rest.rsplit(":", 1)
    except ValueError:
        return cid
    return f"{TABLE_SHORT.get(table, table)} {label_of(template, table, row, col)}"


def rule_text(template: str | None, finding: Finding) -> str:
    if template in load_formats():
        fmt = load_format(template)
        for rel in fmt.relations:
            if rel.get("id") == finding.rule and rel.get("explain"):
                return str(rel["explain"])
    return RULE_TEXTS.get(finding.rule, finding.name or finding.rule)


def excerpt(record: Record, cid: str, width: int = 30) -> list[Run]:
    """The source text around a cell's value (about `width` characters each side, line breaks shown as " | "),
    the value marked."""
    src = record.provenance.get(cid)
    text = record.text
    if src is None or src.span is None or not text:
        return []
    start, end = src.span
    if not 0 <= start <= end <= len(text):
        return []
    left, right = max(0, start - width), min(len(text), end + width)

    def flat(t: str) -> str:
        return " | ".join(part.strip() for part in t.split("\n"))

    value = text[start:end] or "（空白）"
    return [Run(("…" if left > 0 else "") + flat(text[left:start])), Run(value, mark=True),
            Run(flat(text[end:right]) + ("…" if right < len(text) else ""))]


def _original_findings(record: Record, parsed: dict[str, Value]) -> list[Finding]:
    """The findings of the values as parsed: the problems the review started from."""
    from reviewer.api import refresh_findings

    orig = copy.copy(record)
    orig.tables = {t: {r: dict(c) for r, c in rows.items()} for t, rows in record.tables.items()}
    for cid, v in parsed.items():
        orig.set(cid, v)
    # as parsed, nothing a reviewer did: the notes their values answer (`rules.answered`) ask again
    orig.provenance = {c: CellSource(s.text, s.span, ORIGIN_PARSED) if s.origin == ORIGIN_EDITED else s
                       for c, s in record.provenance.items()}
    orig.parse_notes = [f for f in record.parse_notes if f.rule != "REPARSE"]
    return refresh_findings(orig).findings


def _last_edits(conn: Db, report_id: int) -> dict[str, tuple[Any, Any, str | None, str | None, str]]:
    """cell -> (old, new, reason, reviewer, at) of its latest value change."""
    out: dict[str, tuple[Any, Any, str | None, str | None, str]] = {}
    for cell, old, new, reason, who, at in conn.execute(
            "SELECT cell, old_value, new_value, reason, reviewer, at FROM edits WHERE report_id = ? AND kind IN "
            "('edit', 'undo', 'redo', 'paste', 'suggestion', 'clear', 'capture') ORDER BY id", (report_id,)):
        out[cell] = (old, new, reason, who, at)
    return out


def review_of(conn: Db, row: ReportRow, defects: DefectSource = stored_defects) -> ReportReview:
    loaded = records.read(conn, row.id)
    record = loaded.record
    template = record.template
    edited = {cid for cid, o in loaded.origins.items() if o == ORIGIN_EDITED}
    last = _last_edits(conn, row.id)
    ver = conn.execute("SELECT id, note FROM verifications WHERE report_id = ? ORDER BY id DESC LIMIT 1",
                       (row.id,)).fetchone()
    acks: dict[str, str] = {}
    if ver is not None and row.status == STATUS_VERIFIED:
        acks = dict(conn.execute("SELECT finding_key, reason FROM acknowledgements WHERE verification_id = ?",
                                 (ver[0],)).fetchall())
    confirmed = {d.finding_key: d for d in defects(conn, row.id)}
    by_cells = {d.match: d for d in confirmed.values() if d.rule}
    current = {finding_key(f): f for f in record.findings}
    original = _original_findings(record, loaded.parsed)
    seen: set[str] = set()
    findings: list[Finding] = []
    for f in original + record.findings:
        k = finding_key(f)
        if k not in seen and f.severity in ("error", "warning"):
            seen.add(k)
            findings.append(f)
    review = ReportReview(row, str(record.source.get("path") or row.source_name), ver[1] if ver else None)
    for f in findings:
        k = finding_key(f)
        fixed = [c for c in f.cells if c in edited]
        defect = confirmed.get(k) or by_cells.get((f.rule, frozenset(f.cells)))
        by = at = None
        if defect is not None:
            resolution, reason, by, at = DEFECT, defect.reason, defect.reviewer, defect.at
            if defect.should_be:
                reason += "（" + "；".join(f"{cell_name(template, c)} 应为 {_v(v)}"
                                          for c, v in defect.should_be.items()) + "）"
        elif fixed:
            resolution = MISREAD
            parts = []
            for c in fixed:
                old, new, why, by, at = last.get(c, (loaded.parsed.get(c), record.get(c), None, None, ""))
                parts.append(f"{cell_name(template, c)} 由 {_v(loaded.parsed.get(c))} 改为 {_v(record.get(c))}"
                             + (f"，理由：{why}" if why else ""))
            reason = "；".join(parts)
        elif k in current and k in acks:
            resolution, reason = ACKNOWLEDGED, acks[k]
        elif k in current:
            resolution, reason = OPEN, ""
        else:
            resolution, reason = CLEARED, ""
        culprit = (f.suggestion or {}).get("cell")
        cells = [c for c in f.cells if c.count(":") == 2]
        shown = [c for c in cells if c in fixed or c == culprit or (defect is not None and c in defect.should_be)]
        if not shown and cells:
            shown = [cells[0]]
        lines = []
        for c in shown:
            expected: Value = None
            if defect is not None and c in defect.should_be:
                expected = defect.should_be[c]
            elif c == culprit:
                expected = (f.suggestion or {}).get("value")
            elif c in fixed:
                expected = record.get(c)
            src = record.provenance.get(c)
            lines.append(CellLine(c, cell_name(template, c), src.text if src else "", loaded.parsed.get(c),
                                  record.get(c), expected))
        first = shown[0] if shown else None
        review.problems.append(Problem(
            k, f.rule, f.severity, rule_text(template, f), f.message, lines,
            [cell_name(template, c) for c in cells], excerpt(record, first) if first else [],
            resolution, reason, by, at))
    review.misreads = len(edited)
    review.defects = len(confirmed)
    review.acknowledged = len(acks)
    review.history = history_of(conn, row, template)
    return review


def history_of(conn: Db, row: ReportRow, template: str | None) -> list[EditLine]:
    out = []
    for kind, cell, old, new, who, at, reason in conn.execute(
            "SELECT kind, cell, old_value, new_value, reviewer, at, reason FROM edits WHERE report_id = ? "
            "ORDER BY id", (row.id,)):
        if kind == "import":
            what, old_s, new_s = str(new or ""), "", ""
        elif kind == "status":
            what, old_s, new_s = "状态", STATUS_LABELS.get(old, str(old or "")), STATUS_LABELS.get(new, str(new or ""))
        elif cell and cell.count(":") >= 2:
            what, old_s, new_s = cell_name(template, cell), _v(old), _v(new)
        else:
            what, old_s, new_s = cell or "", "" if old is None else str(old), "" if new is None else str(new)
        out.append(EditLine(at, who, KIND_LABELS.get(kind, kind), what, old_s, new_s, reason or ""))
    return out


def select_for_review(conn: Db, *, ids: Sequence[int] | None = None, verified_from: str | None = None,
                      verified_to: str | None = None, year: int | None = None) -> list[ReportRow]:
    """The given reports (any status), or every verified one (verified within [from, to], dates as YYYY-MM-DD,
    and of `year` when given)."""
    if ids:
        rows = {r.id: r for r in select_reports(conn, include_all=True, ids=list(ids))}
        missing = [i for i in ids if i not in rows]
        if missing:
            from reviewer.store.types import NotFoundError

            raise NotFoundError("资料库中没有编号为 " + "、".join(map(str, missing)) + " 的报告")
        return [rows[i] for i in ids]
    out = select_reports(conn, year=year)
    if verified_from:
        out = [r for r in out if (r.verified_at or "") >= verified_from]
    if verified_to:
        out = [r for r in out if (r.verified_at or "")[:10] <= verified_to]
    return out


def reviews(conn: Db, rows: Sequence[ReportRow], defects: DefectSource = stored_defects,
            cancel: Callable[[], bool] | None = None) -> list[ReportReview]:
    out = []
    for r in rows:
        if cancel is not None and cancel():
            break
        out.append(review_of(conn, r, defects))
    return out


# -- the document ---------------------------------------------------------------------------------------------
def _summary_text(rv: ReportReview) -> str:
    return (f"共发现错误 {rv.errors_found} 个、警告 {sum(1 for p in rv.problems if p.severity == 'warning')} 个；"
            f"更正误读 {rv.misreads} 处，确认原件有误 {rv.defects} 处，说明理由后保留的警告 {rv.acknowledged} 个。")


def _problem_blocks(doc: Document, rv: ReportReview, level: int) -> None:
    if not rv.problems:
        doc.para("未发现问题。")
        return
    for i, p in enumerate(rv.problems, 1):
        doc.heading(level, f"{i}. [{SEVERITY_LABELS.get(p.severity, p.severity)}] {p.rule_text}（{p.rule}）")
        doc.para(p.message)
        if p.all_cells:
            names = "、".join(p.all_cells[:8]) + (f" 等 {len(p.all_cells)} 个单元格" if len(p.all_cells) > 8 else "")
            doc.para(f"涉及单元格：{names}", "note")
        if p.cells:
            doc.blocks.append(Table(
                ["单元格", "原文印为", "解析值", "现值", "应为"],
                [[c.name, c.printed or "（空白）", _v(c.parsed), _v(c.current),
                  "" if c.expected is None else _v(c.expected)] for c in p.cells],
                [5, 1.4, 1.2, 1.2, 1.2]))
        if p.excerpt:
            doc.blocks.append(Paragraph([Run("原文："), *p.excerpt], "excerpt"))
        how = f"处理：{p.resolution}" + (f"。理由：{p.reason}" if p.reason and p.resolution != MISREAD else
                                          f"。{p.reason}" if p.reason else "")
        if p.by:
            how += f"（{p.by}{'，' + p.at[:10] if p.at else ''}）"
        doc.para(how, bold=False)


def _basic_table(rv: ReportReview) -> Table:
    r = rv.row
    return Table(["项目", "内容"], [
        ["机关", r.agency or "（未识别）"], ["年度", str(r.year or "（未识别）")],
        ["源文件", rv.source_path], ["SHA-256", r.sha256], ["审核人", r.reviewer or ""],
        ["导入时间", r.imported_at[:19].replace("T", " ")],
        ["核实时间", (r.verified_at or "（未核实）")[:19].replace("T", " ")],
        ["状态", r.status_label], *([["核实说明", rv.verification_note]] if rv.verification_note else [])],
        [1, 4])


def _history_table(rv: ReportReview) -> Table:
    return Table(["时间", "审核人", "类型", "单元格或项目", "原值", "新值", "理由"],
                 [[e.at[:19].replace("T", " "), e.reviewer or "", e.kind, e.what, e.old, e.new, e.reason]
                  for e in rv.history], [2.4, 1.2, 1, 4, 1.2, 1.2, 2.6])


def review_document(items: Sequence[ReportReview], *, now: datetime | None = None, period: str = "") -> Document:
    """One report: an 审核意见书. Several: a 问题清单 with an overview and one section per agency."""
    stamp = (now or datetime.now(UTC)).astimezone().strftime("%Y年%m月%d日")
    if len(items) == 1:
        rv = items[0]
        doc = Document(f"关于{rv.title}的审核意见书", footer=f"年报审核台 · {stamp}")
        doc.heading(1, "一、基本情况")
        doc.blocks.append(_basic_table(rv))
        doc.heading(1, "二、审核概况")
        doc.para(_summary_text(rv))
        doc.heading(1, "三、发现的问题及处理")
        _problem_blocks(doc, rv, 3)
        doc.heading(1, "四、修改记录")
        if rv.history:
            doc.blocks.append(_history_table(rv))
        else:
            doc.para("无修改记录。")
        return doc
    doc = Document("政府信息公开工作年度报告审核问题清单", period, footer=f"年报审核台 · {stamp}")
    doc.heading(1, "一、总体情况")
    doc.para(f"共审核报告 {len(items)} 份，发现错误 {sum(r.errors_found for r in items)} 个；更正误读 "
             f"{sum(r.misreads for r in items)} 处，确认原件有误 {sum(r.defects for r in items)} 处，说明理由后保留的警告 "
             f"{sum(r.acknowledged for r in items)} 个。")
    doc.blocks.append(Table(["机关", "年度", "状态", "错误", "更正误读", "原件有误", "保留的警告"],
                            [[r.row.agency or "（未识别）", str(r.row.year or ""), r.row.status_label,
                              str(r.errors_found), str(r.misreads), str(r.defects), str(r.acknowledged)]
                             for r in items], [4, 1, 1.2, 1, 1.2, 1.2, 1.2]))
    by_agency: dict[str, list[ReportReview]] = {}
    for r in items:
        by_agency.setdefault(r.row.agency or "（未识别机关）", []).append(r)
    for n, (agency, group) in enumerate(by_agency.items(), 2):
        doc.heading(1, f"{cn_number(n)}、{agency}")
        for m, rv in enumerate(group, 1):
            doc.heading(2, f"（{cn_number(m)}）{rv.row.year or ''}年度报告（{rv.source_path.rsplit('/', 1)[-1]}）")
            doc.para(f"SHA-256：{rv.row.sha256}；审核人：{rv.row.reviewer or ''}；核实时间："
                     f"{(rv.row.verified_at or '（未核实）')[:10]}。", "note")
            doc.para(_summary_text(rv))
            _problem_blocks(doc, rv, 3)
    return doc


__all__ = ["Defect", "ReportReview", "review_document", "review_of", "reviews", "select_for_review"]
