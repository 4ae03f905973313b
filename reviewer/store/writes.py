"""Helpers of every write transaction: claim a report at the expected version, append to the audit trail,
move the report to its next version."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewer.store import audit_trail, claim_guard, records
from reviewer.store.backend import Db
from reviewer.store.stale import stale_write
from reviewer.store.types import KIND_STATUS, STATUS_PENDING, STATUS_VERIFIED, ReportLocked, ReportSummary


def claim(c: Db, report_id: int, expected_version: int | None) -> ReportSummary:
    """Inside a write transaction: the report, refused if another writer got there first."""
    s = records.summary(c, report_id)
    if expected_version is not None and s.version != expected_version:  # say who changed what since (`stale`)
        raise stale_write(c, report_id, f"{s.agency or s.source_name} {s.year or ''}".strip(), expected_version,
                          s.version)
    return s


def writable(s: ReportSummary) -> ReportSummary:
    """Refuse a reviewer's change of a report that is read-only: 已核实 (until reopened) or retired (until
    restored)."""
    name = f"报告 {s.id}（{s.agency or s.source_name} {s.year or ''}）".replace(" ）", "）")
    if s.retired_at is not None:
        raise ReportLocked(f"{name}已停用，不能修改；请先恢复该报告")
    if s.status == STATUS_VERIFIED:
        raise ReportLocked(f"{name}已核实，为只读；如需修改或确认问题，请先重新打开审核（并说明理由）")
    if s.status == STATUS_PENDING:
        raise ReportLocked(f"{name}已核实，待组长复核签核，为只读；如需修改，请组长退回（重新打开审核）")
    return s


def next_batch(c: Db) -> int:
    """The batch id of the lines a call is about to append (the id its first line will get)."""
    return int(c.execute("SELECT coalesce(max(id), 0) + 1 FROM edits").fetchone()[0])


def audit(c: Db, rows: Sequence[tuple[Any, ...]]) -> None:
    """Append to the trail: (report_id, batch, kind, cell, old, new, reviewer, at, reason), hash-chained."""
    audit_trail.append_edits(c, rows)


def bump(c: Db, s: ReportSummary, *, at: str, reviewer: str | None, status: str | None = None,
         batch: int, reason: str | None = None, verified_at: str | None = None) -> tuple[int, str]:
    """New version (and status, with its audit line) of a report within the current transaction. Refused while
    another reviewer holds the report (`claim_guard`)."""
    if reviewer is not None:
        claim_guard.guard(c, s.id, reviewer)
    new_status = status or s.status
    if new_status != s.status:
        audit(c, [(s.id, batch, KIND_STATUS, None, s.status, new_status, reviewer, at, reason)])
    version = s.version + 1
    c.execute("UPDATE reports SET version = ?, status = ?, reviewer = coalesce(?, reviewer), updated_at = ?, "
              "verified_at = CASE WHEN ? = 'verified' THEN coalesce(?, verified_at) ELSE NULL END WHERE id = ?",
              (version, new_status, reviewer, at, new_status, verified_at, s.id))
    return version, new_status
