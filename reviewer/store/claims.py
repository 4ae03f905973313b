"""Claims: who holds a report open to edit it (审核中 · name).

Opening a report to edit it claims it; everyone else sees it read-only with who holds it and may take it over
with a reason, which goes into the audit trail (kind `takeover`: old = who held it, new = who took it). A claim
lapses after the library's idle time (`library_settings.claim_idle_minutes`) without an edit or a heartbeat of
its holder; closing the report releases it. Writes check it (`guard`): a report another reviewer holds is
refused, in one line naming them. A claim is not a change of the report: its version stays.

Works the same on SQLite (several processes on one host, the free-text name) and PostgreSQL (the login).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reviewer.errors import ValidationError
from reviewer.store import library_settings
from reviewer.store.claim_guard import Claim, ClaimHeld, active, clock, held_message
from reviewer.store.timefmt import minutes_before
from reviewer.store.types import KIND_TAKEOVER, STATUS_IN_REVIEW, STATUS_NEW
from reviewer.store.writes import audit, next_batch


def _put(c: Any, report_id: int, holder: str, at: str, *, keep_since: bool) -> None:
    """Write the claim: its holder, since when (kept when the holder renews it) and the last sign of life."""
    row = c.execute("SELECT holder, claimed_at FROM claims WHERE report_id = ?", (report_id,)).fetchone()
    if row is None:
        c.execute("INSERT INTO claims(report_id, holder, claimed_at, seen_at) VALUES (?, ?, ?, ?)",
                  (report_id, holder, at, at))
        return
    since = row[1] if keep_since and row[0] == holder else at
    c.execute("UPDATE claims SET holder = ?, claimed_at = ?, seen_at = ? WHERE report_id = ?",
              (holder, since, at, report_id))


def take(c: Any, report_id: int, holder: str, idle_minutes: int) -> Claim:
    """Inside a write transaction: claim the report (or renew one's own claim); refused while another holds it."""
    at = clock(c)
    current = active(c, idle_minutes, report_id, at=at).get(report_id)
    if current is not None and current.holder != holder:
        raise ClaimHeld(held_message(report_id, current), current)
    _put(c, report_id, holder, at, keep_since=True)
    return active(c, idle_minutes, report_id, at=at)[report_id]


def take_over(c: Any, report_id: int, holder: str, reason: str | None, idle_minutes: int) -> Claim:
    """Inside a write transaction: take the report from whoever holds it, with a reason (audited). A claim that
    lapsed, or none, is simply taken (nothing to take over: no reason needed)."""
    at = clock(c)
    current = active(c, idle_minutes, report_id, at=at).get(report_id)
    if current is not None and current.holder != holder:
        why = (reason or "").strip()
        if not why:
            raise ValidationError(f"接管 {current.holder} 正在审核的报告 {report_id} 须说明理由")
        audit(c, [(report_id, next_batch(c), KIND_TAKEOVER, None, current.holder, holder, holder, at, why)])
    _put(c, report_id, holder, at, keep_since=current is not None and current.holder == holder)
    return active(c, idle_minutes, report_id, at=at)[report_id]


def touch(c: Any, report_id: int, holder: str, idle_minutes: int) -> Claim | None:
    """Inside a write transaction: the holder is still there (a heartbeat). None when the claim is no longer
    theirs (taken over; or lapsed and taken by someone else). A lapsed claim nobody took is renewed."""
    at = clock(c)
    current = active(c, idle_minutes, report_id, at=at).get(report_id)
    if current is not None and current.holder != holder:
        return None
    if current is None:
        row = c.execute("SELECT holder FROM claims WHERE report_id = ?", (report_id,)).fetchone()
        if row is not None and row[0] != holder:
            return None  # lapsed, and it was someone else's: the holder's window has to claim again
    _put(c, report_id, holder, at, keep_since=True)
    return active(c, idle_minutes, report_id, at=at)[report_id]


def release(c: Any, report_id: int, holder: str) -> bool:
    """Inside a write transaction: give the report up (only one's own claim). True when one was released."""
    row = c.execute("SELECT holder FROM claims WHERE report_id = ?", (report_id,)).fetchone()
    if row is None or row[0] != holder:
        return False
    c.execute("DELETE FROM claims WHERE report_id = ?", (report_id,))
    return True


# -- what a claim shows: 审核中 -----------------------------------------------------------------------------------
# Opening a report to edit it starts its review: to everyone it is 审核中 · name from then on, though its stored
# status turns in_review only with the holder's first write (a claim is not a change: no version, no audit line).
# Released without an edit, it is 待审核 again. Every place that shows or counts statuses says the same.

def shown_status(status: str, claimed: bool) -> str:
    """The status a report is shown and counted with: a 待审核 report someone holds is 审核中."""
    return STATUS_IN_REVIEW if claimed and status == STATUS_NEW else status


def claimed_ids_sql(c: Any) -> tuple[str, list[Any]]:
    """A subquery of the reports held by a claim in force, and its parameter (the idle time's start)."""
    since = minutes_before(clock(c), library_settings.read(c).claim_idle_minutes)
    return "SELECT report_id FROM claims WHERE seen_at >= ?", [since]


@dataclass(frozen=True, slots=True)
class StatusClause:
    """The WHERE clause listing the reports shown with a status (`shown_status`), and how to count them along a
    server's indexes: the stored status's count (`stored`) plus `sign` times the count of the held 待审核
    reports (`held`, found by key) — an id in the clause itself would make the server read every row."""

    clause: str
    params: list[Any]
    stored: tuple[str, list[Any]]
    held: tuple[str, list[Any]] | None = None
    sign: int = 0


def status_filter(c: Any, status: str) -> StatusClause:
    """The held reports are few (one a reviewer at work): named by id."""
    plain = ("status = ?", [status])
    if status not in (STATUS_NEW, STATUS_IN_REVIEW):
        return StatusClause(*plain, plain)
    held_sql, since = claimed_ids_sql(c)
    held = [int(r) for (r,) in c.execute(held_sql, since).fetchall()]
    if not held:
        return StatusClause(*plain, plain)
    ids = ", ".join("?" * len(held))
    among = (f"(status = ? AND id IN ({ids}))", [STATUS_NEW, *held])
    if status == STATUS_NEW:
        return StatusClause(f"(status = ? AND id NOT IN ({ids}))", [STATUS_NEW, *held], plain, among, -1)
    return StatusClause(f"(status = ? OR (status = ? AND id IN ({ids})))", [STATUS_IN_REVIEW, STATUS_NEW, *held],
                        plain, among, 1)


def claimed_new(c: Any) -> int:
    """How many 待审核 reports (not retired) someone holds: counted as 审核中."""
    held, params = claimed_ids_sql(c)
    return int(c.execute(f"SELECT count(*) FROM reports WHERE status = ? AND retired_at IS NULL AND id IN ({held})",
                         [STATUS_NEW, *params]).fetchone()[0])


__all__ = ["Claim", "ClaimHeld", "active", "claimed_new", "release", "shown_status", "status_filter", "take",
           "take_over", "touch"]
