"""Claims: who holds a report open to edit it (审核中 · name).

Opening a report to edit it claims it; everyone else sees it read-only with who holds it and may take it over
with a reason, which goes into the audit trail (kind `takeover`: old = who held it, new = who took it). A claim
lapses after the library's idle time (`library_settings.claim_idle_minutes`) without an edit or a heartbeat of
its holder; closing the report releases it. Writes check it (`guard`): a report another reviewer holds is
refused, in one line naming them. A claim is not a change of the report: its version stays.

Works the same on SQLite (several processes on one host, the free-text name) and PostgreSQL (the login).
"""

from __future__ import annotations

from typing import Any

from reviewer.errors import ValidationError
from reviewer.store.claim_guard import Claim, ClaimHeld, active, clock, held_message
from reviewer.store.types import KIND_TAKEOVER
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




__all__ = ["Claim", "ClaimHeld", "active", "release", "take", "take_over", "touch"]
