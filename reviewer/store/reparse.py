"""Re-parsing a stored report (after a parser update, or under the format a reviewer chose), keeping the
reviewer's work.

The edits in effect (cells whose current value is not the parsed one) are re-applied by cell id from the
audit trail, as are corrections of the agency, year and region. Where the new parse reads a cell differently
from the value the reviewer had replaced (and differently from the reviewer's value), a conflict is stored
and shown as a warning until the cell is edited again or the report is verified. An edit whose cell the new
parse does not have (the other format has other rows) is a conflict marked `missing`: listed in the result,
shown as a warning, and kept in the trail, so choosing the first format again re-applies it.

The format a reviewer chose is a metadata entry of field `template` in the trail; a later plain re-parse
parses under the latest one instead of detecting the format again.

Steps, reported through `progress(done, STEPS, message)`: the stored source, reading it, parsing it, the write.
`cancel()` is polled before each; the write is one transaction and is not interrupted once begun.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from reviewer.api import parse_document, source_of
from reviewer.errors import ValidationError
from reviewer.formats import load_formats
from reviewer.reading import read_bytes
from reviewer.store import crossreport, records
from reviewer.store.backend import Db
from reviewer.store.db import now, write
from reviewer.store.handle import LibraryHandle
from reviewer.store.normalize import agency_key
from reviewer.store.records import cell_rows, extra_json, origin_after, same
from reviewer.store.types import (
    CELL_KINDS,
    KIND_METADATA,
    KIND_REPARSE,
    STATUS_IN_REVIEW,
    STATUS_VERIFIED,
    TEMPLATE_FIELD,
    Conflict,
    ReparseResult,
    Value,
)
from reviewer.store.writes import audit, bump, claim, next_batch, writable

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

# The messages of the steps (the UI maps them to its own words).
STEP_SOURCE = "读取存档的原件"
STEP_READ = "读取文件内容"
STEP_PARSE = "解析表格"
STEP_WRITE = "写入资料库"
STEP_DONE = "完成"
STEPS = 4


def check_template(template: str) -> str:
    """"2019" or "2021" (the national formats); anything else is refused with the known ones."""
    formats = load_formats()
    t = str(template).strip()
    if t not in formats:
        raise ValidationError(f"未知的格式“{template}”；可用：" + "、".join(f"{k}（{f.name}）" for k, f in formats.items()))
    return t


def forced_template(c: Db, report_id: int) -> str | None:
    """The format a reviewer chose for the report (the latest one in the trail), or None: detected."""
    row = c.execute("SELECT new_value FROM edits WHERE report_id = ? AND cell = ? AND kind = ? ORDER BY id DESC "
                    "LIMIT 1", (report_id, TEMPLATE_FIELD, KIND_METADATA)).fetchone()
    return str(row[0]) if row and row[0] else None


def run_reparse(lib: LibraryHandle, report_id: int, *, reviewer: str | None, expected_version: int | None,
                template: str | None = None, reason: str | None = None,
                metadata: Mapping[str, Any] | None = None, progress: Progress | None = None,
                cancel: Cancel | None = None) -> ReparseResult:
    """See `Library.reparse`. `metadata`: checked corrections of agency/year/region written in the same
    transaction (`update_metadata` with a new format)."""
    if template is not None:
        template = check_template(template)
    actor = (reviewer or "").strip() or None
    why = (reason or "").strip() or None
    if actor is None and (template is not None or metadata):
        raise ValidationError("请注明审核人：修改格式或基本信息要记入修改记录")

    def step(done: int, message: str) -> bool:
        """Report a step; True when the caller asked to stop."""
        if progress is not None:
            progress(done, STEPS, message)
        return cancel is not None and bool(cancel())

    stop = step(0, STEP_SOURCE)
    with lib.lock:
        conn = lib.connection
        s = claim(conn, report_id, expected_version)  # a stale view is refused before the slow parse too
        if template is not None or metadata:  # a reviewer's decision: not on a read-only report
            writable(s)
        (path,) = conn.execute("SELECT source_path FROM reports WHERE id = ?", (report_id,)).fetchone()
        forced = forced_template(conn, report_id)
    if stop:
        return _cancelled(lib, s.id)
    name, data = lib.source(report_id)
    if step(1, STEP_READ):
        return _cancelled(lib, s.id)
    doc = read_bytes(data, name)  # outside the write lock: reading a PDF takes a while
    if step(2, STEP_PARSE):
        return _cancelled(lib, s.id)
    record = parse_document(doc, source_of(doc, data, path or name), template or forced)
    if step(3, STEP_WRITE):
        return _cancelled(lib, s.id)
    with lib.lock, write(lib.connection) as c:  # from here on one transaction: cancel is no longer polled
        s = claim(c, report_id, expected_version)
        old_key, old_parser = c.execute("SELECT agency_key, parser_version FROM reports WHERE id = ?",
                                        (report_id,)).fetchone()
        at, batch = now(), next_batch(c)
        new_meta = {k: v for k, v in (metadata or {}).items() if getattr(s, k) != v}
        format_change = template is not None and template != s.template
        if format_change or new_meta:
            rows = [(report_id, batch, KIND_METADATA, k, getattr(s, k), v, actor, at, why) for k, v in new_meta.items()]
            if format_change:
                rows.append((report_id, batch, KIND_METADATA, TEMPLATE_FIELD, s.template, template, actor, at, why))
            audit(c, rows)
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
            if field != TEMPLATE_FIELD:  # the format is the parse's own (forced above)
                setattr(record, field, value)
        changed_cells = [cid for cid, (_p, v) in old_cells.items() if cid not in values or not same(values[cid], v)]
        changed_cells += [cid for cid in values if cid not in old_cells]

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
        lost = sum(1 for f in found if f[4])
        summary = f"重新应用 {len(reapplied)} 处修改，{len(found) - lost} 处冲突"
        if lost:
            summary += f"，{lost} 处修改的单元格在新的解析中不存在"
        if s.template != record.template:
            summary = f"格式 {s.template or '未识别'} → {record.template}；" + summary
        audit(c, [(report_id, batch, KIND_REPARSE, None, old_parser, record.parser_version, actor, at, summary)])
        status = STATUS_IN_REVIEW if s.status == STATUS_VERIFIED and (changed_cells or found or new_meta) \
            else s.status
        version, _ = bump(c, s, at=at, reviewer=actor, status=status, batch=batch,
                          reason="重新解析后数值有变化")
        findings, _ = crossreport.recheck(c, report_id)
        related = crossreport.recheck_dependents(c, old_key, s.year, exclude=report_id)
        if (akey, record.year) != (old_key, s.year):
            related += [r for r in crossreport.recheck_dependents(c, akey, record.year, exclude=report_id)
                        if r not in related]
        conflicts = records.conflicts(c, report_id)
        after = records.summary(c, report_id)
        chosen = forced_template(c, report_id)
    if progress is not None:
        progress(STEPS, STEPS, STEP_DONE)
    return ReparseResult(
        report_id, version, changed_cells, findings, after.status, after.errors, after.warnings, batch, related,
        reapplied=reapplied, conflicts=conflicts, parser_version=record.parser_version, template=record.template,
        template_before=s.template, forced_template=chosen)


def _cancelled(lib: LibraryHandle, report_id: int) -> ReparseResult:
    """Stopped before the write: the report as it is."""
    with lib.lock:
        c = lib.connection
        s = records.summary(c, report_id)
        findings = records.stored_findings(c, report_id)
        parser = c.execute("SELECT parser_version FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
        conflicts = records.conflicts(c, report_id)
        chosen = forced_template(c, report_id)
    return ReparseResult(report_id, s.version, [], findings, s.status, s.errors, s.warnings, None, [],
                         conflicts=conflicts, parser_version=parser, template=s.template, template_before=s.template,
                         forced_template=chosen, cancelled=True)


__all__ = ["STEPS", "Conflict", "check_template", "forced_template", "run_reparse"]
