"""Re-parsing a stored report after a parser update, keeping the reviewer's work.

The edits in effect (cells whose current value is not the parsed one) are re-applied by cell id from the
audit trail, as are corrections of the agency, year and region. Where the new parse reads a cell differently
from the value the reviewer had replaced (and differently from the reviewer's value), a conflict is stored
and shown as a warning until the cell is edited again or the report is verified.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.api import parse_bytes
from reviewer.store import crossreport, records
from reviewer.store.db import now, write
from reviewer.store.normalize import agency_key
from reviewer.store.records import cell_rows, extra_json, origin_after, same
from reviewer.store.types import (
    CELL_KINDS,
    KIND_METADATA,
    KIND_REPARSE,
    STATUS_IN_REVIEW,
    STATUS_VERIFIED,
    Conflict,
    ReparseResult,
    Value,
)
from reviewer.store.writes import audit, bump, claim, next_batch

if TYPE_CHECKING:
    from reviewer.store.library import Library


def run_reparse(lib: Library, report_id: int, *, reviewer: str | None,
                expected_version: int | None) -> ReparseResult:
    name, data = lib.source(report_id)
    with lib.lock:
        (path,) = lib.connection.execute("SELECT source_path FROM reports WHERE id = ?", (report_id,)).fetchone()
    record = parse_bytes(data, name, path=path)  # outside the write lock: parsing a PDF takes a while
    actor = (reviewer or "").strip() or None
    with lib.lock, write(lib.connection) as c:
        s = claim(c, report_id, expected_version)
        old_key, old_parser = c.execute("SELECT agency_key, parser_version FROM reports WHERE id = ?",
                                        (report_id,)).fetchone()
        old_cells = {cid: (p, v) for cid, p, v in
                     c.execute("SELECT cell, parsed, value FROM cells WHERE report_id = ?", (report_id,))}
        latest: dict[str, Value] = {}
        first_old: dict[str, Value] = {}
        meta: dict[str, Any] = {}
        marks = ",".join("?" * len(CELL_KINDS))
        for kind, cell, old, new in c.execute(
                f"SELECT kind, cell, old_value, new_value FROM edits WHERE report_id = ? "
                f"AND (kind IN ({marks}) OR kind = ?) ORDER BY id", [report_id, *CELL_KINDS, KIND_METADATA]):
            if kind == KIND_METADATA:
                meta[cell] = new
            else:
                latest[cell] = new
                first_old.setdefault(cell, old)
        at = now()
        new_rows = {row[0]: row for row in cell_rows(record)}
        values: dict[str, Value] = {cid: row[2] for cid, row in new_rows.items()}
        origins: dict[str, str] = {cid: row[4] for cid, row in new_rows.items()}
        reapplied: list[str] = []
        found: list[tuple[str, Value, Value, Value, bool]] = []  # cell, replaced, parsed, edited, missing
        for cid, edited in latest.items():
            replaced = old_cells[cid][0] if cid in old_cells else first_old[cid]
            if same(edited, replaced):
                continue  # the reviewer had gone back to the parsed value: the new parse stands
            if cid not in new_rows:
                found.append((cid, replaced, None, edited, True))
                continue
            parsed = new_rows[cid][2]
            values[cid] = edited
            origins[cid] = origin_after(edited, parsed, new_rows[cid][4])
            reapplied.append(cid)
            if not same(parsed, replaced) and not same(parsed, edited):
                found.append((cid, replaced, parsed, edited, False))
        for field, value in meta.items():
            setattr(record, field, value)
        values_changed = any(cid not in values or not same(values[cid], v) for cid, (_p, v) in old_cells.items()) \
            or any(cid not in old_cells for cid in values)

        c.execute("UPDATE conflicts SET resolved_at = ?, resolution = 'reparsed' WHERE report_id = ? "
                  "AND resolved_at IS NULL", (at, report_id))
        c.execute("DELETE FROM cells WHERE report_id = ?", (report_id,))
        c.executemany("INSERT INTO cells(report_id, cell, ord, parsed, value, printed, parsed_origin, origin, "
                      "span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [(report_id, cid, i, v, values[cid], t, o, origins[cid], s0, s1)
                       for cid, i, v, t, o, s0, s1 in new_rows.values()])
        c.executemany("INSERT INTO conflicts(report_id, cell, replaced, parsed, edited, missing, parser_version, at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                      [(report_id, cid, r, p, e, int(m), record.parser_version, at) for cid, r, p, e, m in found])
        akey = agency_key(record.agency)
        c.execute("UPDATE reports SET source_format = ?, agency = ?, agency_key = ?, year = ?, region = ?, "
                  "template = ?, table2_variant = ?, parser_version = ? WHERE id = ?",
                  (record.source.get("format"), record.agency, akey, record.year, record.region, record.template,
                   record.table2_variant, record.parser_version, report_id))
        c.execute("UPDATE documents SET text = ?, extra = ? WHERE report_id = ?",
                  (record.text, extra_json(record), report_id))
        batch = next_batch(c)
        audit(c, [(report_id, batch, KIND_REPARSE, None, old_parser, record.parser_version, actor, at,
                        f"重新应用 {len(reapplied)} 处修改，{len(found)} 处冲突")])
        status = STATUS_IN_REVIEW if s.status == STATUS_VERIFIED and (values_changed or found) else s.status
        version, _ = bump(c, s, at=at, reviewer=actor, status=status, batch=batch,
                               reason="重新解析后数值有变化")
        findings, _ = crossreport.recheck(c, report_id)
        crossreport.recheck_dependents(c, old_key, s.year, exclude=report_id)
        if (akey, record.year) != (old_key, s.year):
            crossreport.recheck_dependents(c, akey, record.year, exclude=report_id)
        conflicts = records.conflicts(c, report_id)
    return ReparseResult(report_id, version, reapplied, conflicts, findings, record.parser_version)


__all__ = ["Conflict", "run_reparse"]
