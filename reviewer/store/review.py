"""The reviewer's decisions beside editing values: confirming a finding as a source defect (and withdrawing
it), reopening a verified report, retiring a report imported by mistake (and restoring it), choosing which
version of an agency's year counts. Each is one audited transaction, like an edit (`Library` delegates here).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from reviewer.errors import ValidationError
from reviewer.model import Finding, finding_key
from reviewer.store import confirmations, crossreport, records
from reviewer.store.backend import Db
from reviewer.store.db import now, write
from reviewer.store.records import check_value
from reviewer.store.types import (
    KIND_CHOOSE_VERSION,
    KIND_CONFIRM,
    KIND_RESTORE,
    KIND_RETIRE,
    KIND_SHOULD_BE,
    KIND_WITHDRAW,
    STATUS_IN_REVIEW,
    STATUS_NEW,
    STATUS_PENDING,
    STATUS_VERIFIED,
    Change,
    Confirmation,
    ReportLocked,
    Value,
)
from reviewer.store.writes import audit, bump, claim, next_batch, writable

if TYPE_CHECKING:
    from reviewer.store.handle import LibraryHandle


def _reason(reason: str | None, what: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValidationError(f"请说明{what}的理由")
    return text


def change(c: Db, report_id: int, version: int, findings: list[Finding], batch: int | None,
           related: list[int], cells: list[str] | None = None) -> Change:
    s = records.summary(c, report_id)
    return Change(report_id, version, cells or [], findings, s.status, s.errors, s.warnings, batch, related, s.defects)


def _dependents(c: Db, report_id: int) -> list[int]:
    """The other versions of the report (whether they count may have changed) and next year's reports of the
    agency, checked again (which report of this year counts may have changed)."""
    akey, year = c.execute("SELECT agency_key, year FROM reports WHERE id = ?", (report_id,)).fetchone()
    others = [i for (i,) in c.execute("SELECT id FROM reports WHERE agency_key = ? AND year = ? AND id != ? "
                                      "ORDER BY id", (akey, year, report_id))]
    return others + crossreport.recheck_dependents(c, akey, year, exclude=report_id)


def find(findings: list[Finding], key: str) -> Finding | None:
    return next((f for f in findings if finding_key(f) == key), None)


# -- source defects ------------------------------------------------------------------------------------------

def confirm(lib: LibraryHandle, report_id: int, key: str, *, reason: str | None, reviewer: str,
            should_be: Mapping[str, Value | str] | None, expected_version: int | None) -> Change:
    why = _reason(reason, "确认源文件错误")
    with lib.lock, write(lib.connection) as c:
        s = writable(claim(c, report_id, expected_version))
        findings, _ = crossreport.recheck(c, report_id)
        f = find(findings, key)
        if f is None:
            raise ValidationError(f"报告 {report_id} 当前没有问题“{key}”（可能已随修改消失）；请重新载入后再确认")
        if f.severity not in ("error", "warning"):
            raise ValidationError(f"“{f.message}”是提示，无需确认")
        named = [cid for cid in f.cells if not cid.endswith(":*")]
        values: dict[str, Value] = {}
        for cid, v in (should_be or {}).items():
            if cid not in named:
                raise ValidationError(f"单元格 {cid} 不在该问题所涉单元格中（可填：" + ("、".join(named) or "无") + "）")
            values[cid] = check_value(cid, v)
        before = confirmations.by_key(c, report_id).get(key)
        at, batch = now(), next_batch(c)
        rows: list[tuple[Any, ...]] = [(report_id, batch, KIND_CONFIRM, key, before.rule if before else None, f.rule, reviewer, at, why)]
        old_should = before.should_be if before else {}
        rows += [(report_id, batch, KIND_SHOULD_BE, cid, old_should.get(cid), v, reviewer, at, why)
                 for cid, v in values.items() if cid not in old_should or old_should[cid] != v]
        rows += [(report_id, batch, KIND_SHOULD_BE, cid, v, None, reviewer, at, why)
                 for cid, v in old_should.items() if cid not in values]
        audit(c, rows)
        confirmations.put(c, report_id, Confirmation(key, f.rule, f.severity, list(f.cells), f.message, why, values,
                                                     reviewer, at, batch))
        status = STATUS_IN_REVIEW if s.status == STATUS_NEW else s.status
        version, _ = bump(c, s, at=at, reviewer=reviewer, status=status, batch=batch, reason="开始审核")
        findings, _ = crossreport.recheck(c, report_id)
        return change(c, report_id, version, findings, batch, [], sorted(set(f.cells) | set(values)))


def withdraw(lib: LibraryHandle, report_id: int, key: str, *, reason: str | None, reviewer: str,
             expected_version: int | None) -> Change:
    with lib.lock, write(lib.connection) as c:
        s = writable(claim(c, report_id, expected_version))
        before = confirmations.by_key(c, report_id).get(key)
        if before is None:
            raise ValidationError(f"报告 {report_id} 的问题“{key}”未被确认为源文件错误")
        at, batch = now(), next_batch(c)
        why = (reason or "").strip() or None
        audit(c, [(report_id, batch, KIND_WITHDRAW, key, before.rule, None, reviewer, at, why)]
              + [(report_id, batch, KIND_SHOULD_BE, cid, v, None, reviewer, at, why)
                 for cid, v in before.should_be.items()])
        confirmations.remove(c, report_id, key)
        version, _ = bump(c, s, at=at, reviewer=reviewer, batch=batch)
        findings, _ = crossreport.recheck(c, report_id)
        return change(c, report_id, version, findings, batch, [], sorted(set(before.cells) | set(before.should_be)))


# -- verified reports are read-only until reopened ----------------------------------------------------------

def reopen(lib: LibraryHandle, report_id: int, *, reason: str | None, reviewer: str, expected_version: int | None) -> Change:
    why = _reason(reason, "重新打开审核")
    with lib.lock, write(lib.connection) as c:
        s = claim(c, report_id, expected_version)
        if s.retired_at is not None:
            writable(s)
        if s.status not in (STATUS_VERIFIED, STATUS_PENDING):  # 待复核: a lead sends it back the same way
            raise ValidationError(f"报告 {report_id} 未核实（{s.status_label}），无需重新打开")
        at, batch = now(), next_batch(c)
        version, _ = bump(c, s, at=at, reviewer=reviewer, status=STATUS_IN_REVIEW, batch=batch,
                          reason=f"重新打开审核：{why}")
        return change(c, report_id, version, records.stored_findings(c, report_id), batch, _dependents(c, report_id))


# -- retired reports ---------------------------------------------------------------------------------------------

def retire(lib: LibraryHandle, report_id: int, *, reason: str | None, reviewer: str,
           expected_version: int | None) -> Change:
    why = _reason(reason, "停用报告")
    with lib.lock, write(lib.connection) as c:
        s = claim(c, report_id, expected_version)
        if s.retired_at is not None:
            raise ReportLocked(f"报告 {report_id} 已于 {s.retired_at} 停用")
        at, batch = now(), next_batch(c)
        audit(c, [(report_id, batch, KIND_RETIRE, None, None, s.status, reviewer, at, why)])
        c.execute("UPDATE reports SET retired_at = ?, retired_reason = ? WHERE id = ?", (at, why, report_id))
        version, _ = bump(c, s, at=at, reviewer=reviewer, batch=batch)
        return change(c, report_id, version, records.stored_findings(c, report_id), batch, _dependents(c, report_id))


def restore(lib: LibraryHandle, report_id: int, *, reason: str | None, reviewer: str,
            expected_version: int | None) -> Change:
    with lib.lock, write(lib.connection) as c:
        s = claim(c, report_id, expected_version)
        if s.retired_at is None:
            raise ValidationError(f"报告 {report_id} 未停用，无需恢复")
        at, batch = now(), next_batch(c)
        audit(c, [(report_id, batch, KIND_RESTORE, None, s.retired_at, None, reviewer, at,
                   (reason or "").strip() or None)])
        c.execute("UPDATE reports SET retired_at = NULL, retired_reason = NULL WHERE id = ?", (report_id,))
        version, _ = bump(c, s, at=at, reviewer=reviewer, batch=batch)
        return change(c, report_id, version, records.stored_findings(c, report_id), batch, _dependents(c, report_id))


def retired_reason(c: Db, report_id: int) -> str | None:
    row = c.execute("SELECT retired_reason FROM reports WHERE id = ?", (report_id,)).fetchone()
    return row[0] if row else None


# -- versions ------------------------------------------------------------------------------------------------

def choose_version(lib: LibraryHandle, report_id: int, *, reason: str | None, reviewer: str,
                   expected_version: int | None) -> Change:
    """Make this report the one that counts for its agency and year."""
    with lib.lock, write(lib.connection) as c:
        s = claim(c, report_id, expected_version)
        if s.retired_at is not None:
            writable(s)
        if s.agency is None or s.year is None:
            raise ValidationError(f"报告 {report_id} 的机关或年度未识别，无从比较版本；请先更正机关和年度")
        at, batch = now(), next_batch(c)
        audit(c, [(report_id, batch, KIND_CHOOSE_VERSION, None, s.counting_id, report_id, reviewer, at,
                   (reason or "").strip() or None)])
        c.execute("UPDATE reports SET chosen_at = ? WHERE id = ?", (at, report_id))
        version, _ = bump(c, s, at=at, reviewer=reviewer, batch=batch)
        return change(c, report_id, version, records.stored_findings(c, report_id), batch, _dependents(c, report_id))
