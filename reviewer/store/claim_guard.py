"""Whether a write may go ahead while a report is claimed (`claims`): the claim itself, the active claims, and
the check every write makes (`writes.bump` calls `guard`). Apart from `claims` so that `writes` can use it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.errors import ValidationError
from reviewer.store import library_settings, timefmt
from reviewer.store.db import now


@dataclass(frozen=True, slots=True)
class Claim:
    report_id: int
    holder: str
    claimed_at: str
    seen_at: str
    expires_at: str  # when it lapses unless its holder edits or sends a heartbeat

    def describe(self) -> str:
        return f"{self.holder}（{timefmt.short(self.claimed_at)} 起）"


class ClaimHeld(ValidationError):
    """The report is claimed by another reviewer: `claim` says by whom."""

    def __init__(self, message: str, claim: Claim) -> None:
        super().__init__(message)
        self.claim = claim


SERVER_NOW = """SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"""


def clock(c: Any) -> str:
    """Now, by the library's own clock: a server's on PostgreSQL, so that whether a claim lapsed is judged by one
    clock whatever the reviewers' computers say; this computer's for a library file (one host). The format of
    `db.now()`, so the times compare as text."""
    if getattr(c, "kind", "sqlite") == "postgresql":
        return str(c.execute(SERVER_NOW).fetchone()[0])
    return now()


def _claim(row: Any, idle_minutes: int) -> Claim:
    rid, holder, claimed_at, seen_at = row
    return Claim(int(rid), str(holder), str(claimed_at), str(seen_at), timefmt.minutes_after(str(seen_at), idle_minutes))


def active(c: Any, idle_minutes: int, report_id: int | None = None, *, at: str | None = None) -> dict[int, Claim]:
    """The claims that have not lapsed (of one report, or all)."""
    since = timefmt.minutes_before(at or clock(c), idle_minutes)
    sql = "SELECT report_id, holder, claimed_at, seen_at FROM claims WHERE seen_at >= ?"
    params: list[Any] = [since]
    if report_id is not None:
        sql += " AND report_id = ?"
        params.append(report_id)
    return {r[0]: _claim(r, idle_minutes) for r in c.execute(sql + " ORDER BY report_id", params).fetchall()}


def held_message(report_id: int, claim: Claim) -> str:
    return (f"报告 {report_id} 正由 {claim.holder} 审核（{timefmt.short(claim.claimed_at)} 领取，最近活动 "
            f"{timefmt.short(claim.seen_at)}）；如需修改，请说明理由后接管")


def holder_of(c: Any, report_id: int, idle_minutes: int) -> Claim | None:
    return active(c, idle_minutes, report_id).get(report_id)


def guard(c: Any, report_id: int, writer: str, idle_minutes: int | None = None) -> None:
    """Inside a write transaction: refuse a write to a report another reviewer holds; the holder's own write
    keeps the claim alive."""
    if idle_minutes is None:
        idle_minutes = library_settings.read(c).claim_idle_minutes
    at = clock(c)
    current = active(c, idle_minutes, report_id, at=at).get(report_id)
    if current is None:
        return
    if current.holder != writer:
        raise ClaimHeld(held_message(report_id, current), current)
    c.execute("UPDATE claims SET seen_at = ? WHERE report_id = ?", (at, report_id))
