"""Last year's report of the same agency, for the cross-report rules R7 and R8.

The rules are the core's (`reviewer.rules.check(record, previous)`); the store finds `previous`: the report
of the same agency (compared by `normalize.agency_key`) for the year before — a verified one first, then the
most recently imported. When a report changes, next year's reports of the agency are checked again.

Which findings depend on `previous` is read from the format: its `cross` rules (R7, R8). Re-checking another
report for a changed previous year therefore needs only its values (`light`), not its text and provenance,
which keeps importing thousands of reports of many years fast.
"""

from __future__ import annotations

import json
from functools import cache

from reviewer.api import PARSER_VERSION, refresh_findings
from reviewer.formats import load_format, load_formats
from reviewer.model import Finding, Record, assign_keys
from reviewer.rules.cross import cross_findings as rules_across_years
from reviewer.store import confirmations
from reviewer.store.backend import Db
from reviewer.store.records import counts, findings_rows, read
from reviewer.store.versions import RANK


@cache
def cross_rules(template: str | None) -> frozenset[str]:
    """Ids of the rules of a format that compare a report with last year's (R7, R8)."""
    if template not in load_formats():
        return frozenset()
    return frozenset(str(r["id"]) for r in load_format(template).cross)


def light(conn: Db, report_id: int) -> Record:
    """A report's metadata and current values only: enough for the rules across years."""
    agency, year, region, template, variant = conn.execute(
        "SELECT agency, year, region, template, table2_variant FROM reports WHERE id = ?", (report_id,)).fetchone()
    tables: dict[str, dict[str, dict[str, object]]] = {}
    rows = conn.execute("SELECT cell, value FROM cells WHERE report_id = ? ORDER BY ord", (report_id,)).fetchall()
    for cid, v in rows:  # fetched at once: a server's rows are loaded in one go, not one by one
        t, rest = cid.split(":", 1)
        r, c = rest.rsplit(":", 1)
        tables.setdefault(t, {}).setdefault(r, {})[c] = v
    return Record(source={}, agency=agency, year=year, template=template, table2_variant=variant, region=region,
                  tables=tables)  # type: ignore[arg-type]


def previous_id(conn: Db, akey: str | None, year: int | None) -> int | None:
    """The report of last year that counts (`versions.RANK`: chosen, else verified, else latest; never retired)."""
    if akey is None or year is None:
        return None
    row = conn.execute(f"SELECT id FROM reports WHERE agency_key = ? AND year = ? AND retired_at IS NULL "
                       f"ORDER BY {RANK} LIMIT 1", (akey, year - 1)).fetchone()
    return row[0] if row else None


def previous_record(conn: Db, akey: str | None, year: int | None) -> tuple[int, Record] | None:
    pid = previous_id(conn, akey, year)
    return None if pid is None else (pid, light(conn, pid))


def store_findings(conn: Db, report_id: int, findings: list[Finding],
                   rows: list[tuple[object, ...]] | None = None) -> tuple[int, int]:
    """Replace the stored findings of a report with those of its current values, each carrying its resolution
    when a reviewer confirmed it as a source defect. `rows`: prepared by an import (a new report: nothing is
    confirmed yet)."""
    if rows is None:
        assign_keys(findings)
        confirmed = confirmations.by_key(conn, report_id)
        for f in findings:
            c = confirmed.get(f.key)
            f.resolution = c.resolution() if c is not None else None
    conn.execute("DELETE FROM findings WHERE report_id = ?", (report_id,))
    conn.executemany("INSERT INTO findings(report_id, seq, rule, severity, key, json) VALUES (?, ?, ?, ?, ?, ?)",
                     rows if rows is not None else findings_rows(report_id, findings))
    errors, warnings = counts(findings)
    defects = sum(1 for f in findings if f.confirmed)
    conn.execute("UPDATE reports SET errors = ?, warnings = ?, defects = ?, checked_with = ? WHERE id = ?",
                 (errors, warnings, defects, PARSER_VERSION, report_id))
    return errors, warnings


def recheck(conn: Db, report_id: int, record: Record | None = None,
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


def cross_findings(record: Record, previous: Record | None) -> list[Finding]:
    """The findings of `check(record, previous)` that come from the cross-report rules: those rules alone are run
    (an import checks every report that has a previous year's, so the within-report rules are not run again)."""
    if previous is None:
        return []
    return rules_across_years(record, previous)


def recheck_cross(conn: Db, report_id: int, previous: Record | None,
                  record: Record | None = None) -> bool:
    """Replace only the cross-report findings of a stored report (its previous year changed).
    Returns whether its findings changed."""
    rec = record if record is not None else light(conn, report_id)
    ids = cross_rules(rec.template)
    stored = [json.loads(j) for (j,) in
              conn.execute("SELECT json FROM findings WHERE report_id = ? ORDER BY seq", (report_id,))]
    kept = [Finding.from_json(d) for d in stored if d["rule"] not in ids]
    new = cross_findings(rec, previous)
    if [_bare(f.to_json()) for f in new] == [_bare(d) for d in stored if d["rule"] in ids]:
        return False
    store_findings(conn, report_id, kept + new)
    return True


def _bare(d: dict[str, object]) -> dict[str, object]:
    """A finding's JSON without what the store adds (key, resolution): what the rules said."""
    return {k: v for k, v in d.items() if k not in ("key", "resolution")}


def dependents(conn: Db, akey: str | None, year: int | None) -> list[int]:
    """Reports whose previous-year report may be one of (akey, year)."""
    if akey is None or year is None:
        return []
    return [i for (i,) in conn.execute("SELECT id FROM reports WHERE agency_key = ? AND year = ? ORDER BY id",
                                       (akey, year + 1))]


def recheck_dependents(conn: Db, akey: str | None, year: int | None,
                       exclude: int | None = None) -> list[int]:
    """Check next year's reports of the agency against their previous report again; returns those whose
    findings changed."""
    changed = []
    cache_prev: dict[int, Record] = {}
    for rid in dependents(conn, akey, year):
        if rid == exclude:
            continue
        pid = previous_id(conn, akey, year + 1) if year is not None else None
        prev = None
        if pid is not None:
            prev = cache_prev.get(pid) or cache_prev.setdefault(pid, light(conn, pid))
        if recheck_cross(conn, rid, prev):
            changed.append(rid)
    return changed
