"""Last year's report of the same agency, for the cross-report rules R7 and R8.

The rules themselves are the core's (`reviewer.refresh_findings(record, previous)`); the store finds
`previous`: the report of the same agency (compared by `normalize.agency_key`) for the year before —
a verified one first, then the most recently imported. When a report changes, next year's reports of the
agency are checked again, since their R7/R8 findings depend on it.
"""

from __future__ import annotations

import sqlite3

from reviewer.api import PARSER_VERSION, refresh_findings
from reviewer.model import Finding, Record
from reviewer.store.records import counts, findings_rows, read


def previous_id(conn: sqlite3.Connection, akey: str | None, year: int | None) -> int | None:
    if akey is None or year is None:
        return None
    row = conn.execute("SELECT id FROM reports WHERE agency_key = ? AND year = ? "
                       "ORDER BY status = 'verified' DESC, id DESC LIMIT 1", (akey, year - 1)).fetchone()
    return row[0] if row else None


def previous_record(conn: sqlite3.Connection, akey: str | None, year: int | None) -> tuple[int, Record] | None:
    pid = previous_id(conn, akey, year)
    if pid is None:
        return None
    return pid, read(conn, pid, with_text=False, findings=False).record


def store_findings(conn: sqlite3.Connection, report_id: int, findings: list[Finding]) -> tuple[int, int]:
    """Replace the stored findings of a report with those of its current values."""
    conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
    conn.executemany("INSERT INTO findings(report_id, seq, rule, severity, key, json) VALUES (?, ?, ?, ?, ?, ?)",
                     findings_rows(report_id, findings))
    errors, warnings = counts(findings)
    conn.execute("UPDATE reports SET errors = ?, warnings = ?, checked_with = ? WHERE id = ?",
                 (errors, warnings, PARSER_VERSION, report_id))
    return errors, warnings


def recheck(conn: sqlite3.Connection, report_id: int, record: Record | None = None,
            akey: str | None = None) -> tuple[list[Finding], int | None]:
    """Check the report's current values (with last year's report) and store the findings.

    Returns the findings and the id of the previous report used (None when there is none)."""
    if record is None:
        loaded = read(conn, report_id, with_text=False, findings=False)
        record, akey = loaded.record, loaded.agency_key
    prev = previous_record(conn, akey, record.year)
    refresh_findings(record, prev[1] if prev else None)
    store_findings(conn, report_id, record.findings)
    return record.findings, prev[0] if prev else None


def dependents(conn: sqlite3.Connection, akey: str | None, year: int | None) -> list[int]:
    """Reports whose previous-year report may be one of (akey, year)."""
    if akey is None or year is None:
        return []
    return [i for (i,) in conn.execute("SELECT id FROM reports WHERE agency_key = ? AND year = ? ORDER BY id",
                                       (akey, year + 1))]


def recheck_dependents(conn: sqlite3.Connection, akey: str | None, year: int | None,
                       exclude: int | None = None) -> list[int]:
    """Check next year's reports of the agency again; returns those whose findings changed."""
    changed = []
    for rid in dependents(conn, akey, year):
        if rid == exclude:
            continue
        before = conn.execute("SELECT group_concat(json, char(10)) FROM "
                              "(SELECT json FROM findings WHERE report_id = ? ORDER BY seq)", (rid,)).fetchone()[0]
        findings, _ = recheck(conn, rid)
        after = "\n".join(r[5] for r in findings_rows(rid, findings))
        if (before or "") != after:
            changed.append(rid)
    return changed
