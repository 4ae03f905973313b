"""The documented problems of exported reports: findings with their resolution, and the cells confirmed as
source defects (源文件错误) with their should-be values. Every export reads them here, from its own snapshot."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewer.model import Finding, finding_key, number_findings
from reviewer.store.backend import Db
from reviewer.store.types import DEFECT_LABEL

RESOLUTION_OPEN = "未处理"
RESOLUTION_ACKNOWLEDGED = "已说明"


@dataclass(slots=True)
class CellDefect:
    """A cell named by a finding confirmed as a source defect: why, and the should-be value when given."""

    reasons: list[str] = field(default_factory=list)
    should_be: Any = None
    has_should_be: bool = False

    @property
    def reason(self) -> str:
        """The reasons of the confirmations naming the cell, each once."""
        return "；".join(dict.fromkeys(self.reasons))

    def text(self) -> str:
        """`源文件错误：理由；应为 3` (a note on the cell)."""
        out = f"{DEFECT_LABEL}：{self.reason}"
        return out + (f"；应为 {'空' if self.should_be is None else self.should_be}" if self.has_should_be else "")


def cell_defects(conn: Db, ids: list[int]) -> dict[int, dict[str, CellDefect]]:
    """Report id -> cell -> its defect, for the confirmations in force (their finding is current)."""
    out: dict[int, dict[str, CellDefect]] = {}
    for rid, cells, reason, should_be in conn.execute(
            f"SELECT c.report_id, c.cells, c.reason, c.should_be FROM {conn.each_int} AS j "
            "JOIN confirmations AS c ON c.report_id = j.value "
            "JOIN findings AS f ON f.report_id = c.report_id AND f.key = c.finding_key ORDER BY j.key, c.at, c.batch",
            (json.dumps(ids),)):
        values = json.loads(should_be)
        per = out.setdefault(rid, {})
        for cid in json.loads(cells):
            if cid.endswith(":*"):
                continue
            d = per.setdefault(cid, CellDefect())
            d.reasons.append(reason)
            if cid in values:
                d.should_be, d.has_should_be = values[cid], True
    return out


@dataclass(frozen=True, slots=True)
class Problem:
    """One line of a report's list of problems (问题清单)."""

    report_id: int
    number: str  # E1, W2 … as `reviewer show` numbers it
    finding: Finding
    resolution: str  # 源文件错误 · 已说明 · 未处理
    reason: str | None
    should_be: dict[str, Any]
    by: str | None
    at: str | None


def problems(conn: Db, ids: list[int]) -> Iterator[Problem]:
    """The findings of each report, in order, with how each was resolved: confirmed as a source defect, or
    acknowledged at the latest verification (a warning), or open."""
    for rid in ids:
        findings = [Finding.from_json(json.loads(j)) for (j,) in
                    conn.execute("SELECT json FROM findings WHERE report_id = ? ORDER BY seq", (rid,))]
        if not findings:
            continue
        acks = dict(conn.execute(
            "SELECT a.finding_key, a.reason FROM acknowledgements AS a WHERE a.verification_id = "
            "(SELECT max(id) FROM verifications WHERE report_id = ?)", (rid,)).fetchall())
        verified = conn.execute("SELECT reviewer, at FROM verifications WHERE report_id = ? ORDER BY id DESC LIMIT 1",
                                (rid,)).fetchone()
        for number, f in number_findings(findings):
            r = f.resolution
            if r is not None:
                yield Problem(rid, number, f, DEFECT_LABEL, r.get("reason"), dict(r.get("should_be") or {}),
                              r.get("reviewer"), r.get("at"))
            elif finding_key(f) in acks:
                yield Problem(rid, number, f, RESOLUTION_ACKNOWLEDGED, acks[finding_key(f)], {},
                              verified[0] if verified else None, verified[1] if verified else None)
            else:
                yield Problem(rid, number, f, RESOLUTION_OPEN, None, {}, None, None)
