"""Four eyes (四眼复核): an office may require that a reviewer's verification be signed off by a lead.

While the library's `four_eyes` setting is on (`library_settings`), `verify` puts a report in 待复核 (`pending`)
rather than 已核实: it is read-only like a verified report, but not verified — lists, counts and charts show it
apart, and exports of verified data leave it out. A lead other than the reviewer who verified it signs it off
(`sign_off`: an audit line of kind `sign_off`, old = who verified, new = who signed, reason = the note), which
makes it 已核实; or sends it back with a reason (`Library.reopen`, as for a verified report).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.errors import ValidationError
from reviewer.store import crossreport, library_settings, records
from reviewer.store.db import now, write
from reviewer.store.types import KIND_SIGN_OFF, STATUS_PENDING, STATUS_VERIFIED, Change
from reviewer.store.writes import audit, bump, claim, next_batch

if TYPE_CHECKING:
    from reviewer.store.handle import LibraryHandle


def status_after_verify(c: Any) -> str:
    """待复核 while the library asks for four eyes, else 已核实."""
    return STATUS_PENDING if library_settings.read(c).four_eyes else STATUS_VERIFIED


def verifier(c: Any, report_id: int) -> str | None:
    row = c.execute("SELECT reviewer FROM verifications WHERE report_id = ? ORDER BY id DESC LIMIT 1",
                    (report_id,)).fetchone()
    return str(row[0]) if row else None


def sign_off(lib: LibraryHandle, report_id: int, *, lead: str, note: str | None,
             expected_version: int | None) -> Change:
    """A lead's sign-off of a 待复核 report: 已核实 (audited). The lead cannot be the one who verified it."""
    with lib.lock, write(lib.connection) as c:
        s = claim(c, report_id, expected_version)
        if s.status != STATUS_PENDING:
            raise ValidationError(f"报告 {report_id} 不在待复核状态（{s.status_label}），无需签核")
        by = verifier(c, report_id)
        if by == lead:
            raise ValidationError(f"四眼复核：报告 {report_id} 由 {lead} 核实，须由另一位组长签核")
        at, batch = now(), next_batch(c)
        why = (note or "").strip() or None
        audit(c, [(report_id, batch, KIND_SIGN_OFF, None, by, lead, lead, at, why)])
        version, _ = bump(c, s, at=at, reviewer=lead, status=STATUS_VERIFIED, batch=batch,
                          reason=f"复核签核：{why}" if why else "复核签核", verified_at=at)
        akey, year = c.execute("SELECT agency_key, year FROM reports WHERE id = ?", (report_id,)).fetchone()
        related = crossreport.recheck_dependents(c, akey, year, exclude=report_id)
        t = records.summary(c, report_id)
        return Change(report_id, version, [], records.stored_findings(c, report_id), t.status, t.errors, t.warnings,
                      batch, related, t.defects)
