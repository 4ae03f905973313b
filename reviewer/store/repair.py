"""Recovering a damaged library: what can still be read goes into a new file, the old file is kept.

Rows are copied table by table; where a table cannot be read in one pass (a damaged page), row by row through
its key, so one bad page costs only the rows on it. A report is recovered whole or not at all: its row, its
source document and its cells must all be readable (its findings are checked again from its values). Audit
lines, verifications and conflicts are kept where readable and where their report was recovered. Every loss
is counted in the `RepairReport`; the damaged file is renamed `<name>.damaged-<time>` beside the new one.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store import crossreport
from reviewer.store.backend.sqlite import SqliteDb
from reviewer.store.db import connect, write
from reviewer.store.guard import trail_mismatches
from reviewer.store.migrations import link_unlinked, migrate
from reviewer.store.normalize import agency_key

Row = tuple[object, ...]

# Tables with their key column, in the order they are copied (parents first).
ROWID_TABLES = ("reports", "documents", "edits", "verifications", "conflicts")
KEYS = {"reports": "id", "documents": "report_id", "edits": "id", "verifications": "id", "conflicts": "id"}
PROBE_LIMIT = 2_000_000  # the highest key probed one by one when a table's own maximum cannot be read


@dataclass(slots=True)
class RepairReport:
    damaged: Path  # where the damaged file now is
    recovered: Path  # the new library (at the original path)
    reports: int = 0
    lost_reports: list[int] = field(default_factory=list)
    edits: int = 0
    lost_edits: int = 0
    verifications: int = 0
    lost_verifications: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.lost_reports or self.lost_edits or self.lost_verifications or self.notes)

    def lines(self) -> list[str]:
        out = [f"已恢复 {self.reports} 份报告、{self.edits} 条修改记录、{self.verifications} 次核实，"
               f"写入 {self.recovered}；损坏的原文件保留为 {self.damaged}"]
        if self.lost_reports:
            ids = "、".join(f"#{i}" for i in self.lost_reports[:20]) + ("…" if len(self.lost_reports) > 20 else "")
            out.append(f"丢失 {len(self.lost_reports)} 份报告（{ids}）：请从原文件重新导入")
        if self.lost_edits:
            out.append(f"丢失 {self.lost_edits} 条修改记录（单元格的当前值已随报告恢复）")
        if self.lost_verifications:
            out.append(f"丢失 {self.lost_verifications} 次核实记录")
        out.extend(self.notes)
        if self.complete:
            out.append("没有发现丢失的内容")
        return out


def _columns(conn: sqlite3.Connection | SqliteDb, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _shared_columns(src: sqlite3.Connection, c: SqliteDb, table: str) -> list[str]:
    """The new library's columns the damaged one has too (it may be of an earlier schema version)."""
    have = set(_columns(src, table))
    return [x for x in _columns(c, table) if x in have]


def _copy_chain_heads(src: sqlite3.Connection, c: SqliteDb, report: RepairReport, kept: set[int]) -> None:
    """The audit chain: each report's recorded head, as it was (a lost entry then shows as a broken link in
    `reviewer audit verify`, as it should); a library older than the chain gets its entries linked now."""
    if "chain_seq" not in _columns(src, "edits"):
        link_unlinked(c)
        return
    try:
        rows = [r for r in src.execute("SELECT report_id, seq, hash FROM audit_heads") if r[0] in kept]
    except sqlite3.DatabaseError:
        rows = None
    if rows is None or not _insert(c, "audit_heads", ["report_id", "seq", "hash"], rows):
        report.notes.append("审核记录哈希链的链尾（audit_heads）无法读取：audit verify 将报告链尾缺失")


def _max_key(src: sqlite3.Connection, table: str, key: str, hint: int) -> int:
    try:
        found = src.execute(f"SELECT max({key}) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        return max(hint, 1)
    return max(_key(found) or 0, hint)


def _rows(src: sqlite3.Connection, table: str, cols: list[str], key: str, hint: int) -> Iterator[Row]:
    """Every readable row: in one pass if the table reads, else one key at a time."""
    sql = f"SELECT {', '.join(cols)} FROM {table}"
    try:
        rows = src.execute(sql + f" ORDER BY {key}").fetchall()
    except sqlite3.DatabaseError:
        rows = None
    if rows is not None:
        yield from rows
        return
    top = min(_max_key(src, table, key, hint), PROBE_LIMIT)
    for k in range(1, top + 1):
        try:
            row = src.execute(sql + f" WHERE {key} = ?", (k,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            yield row


def _by_report(src: sqlite3.Connection, table: str, cols: list[str], rid: int) -> list[Row] | None:
    try:
        return src.execute(f"SELECT {', '.join(cols)} FROM {table} WHERE report_id = ?", (rid,)).fetchall()
    except sqlite3.DatabaseError:
        return None


def _hint(src: sqlite3.Connection, table: str, column: str) -> int:
    """The highest id another table refers to (a bound to probe up to when the table's own is unreadable)."""
    try:
        found = src.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
    except sqlite3.DatabaseError:
        return 0
    return _key(found) or 0


def _open_damaged(path: Path) -> sqlite3.Connection:
    src = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    try:
        names = {n for (n,) in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        src.close()
        raise StoreError(f"{path}: 资料库的目录页（第 1 页）已损坏，无法恢复任何内容（{exc}）") from exc
    if "reports" not in names:
        src.close()
        raise StoreError(f"{path}: 其中没有报告表，不是审核台资料库或已无法恢复")
    return src


def repair(path: str | Path) -> RepairReport:
    """Recover the library at `path` into a new file at `path`; the damaged file is renamed and kept."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: 文件不存在")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    new = path.with_name(f".{path.name}.recovering-{stamp}")
    damaged = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    src = _open_damaged(path)
    try:
        report = _recover(src, new, damaged, path)
    except BaseException:
        for p in (new, Path(f"{new}-wal"), Path(f"{new}-shm")):
            p.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    try:
        for suffix in ("", "-wal", "-shm"):
            old = Path(f"{path}{suffix}")
            if old.exists():
                os.replace(old, Path(f"{damaged}{suffix}"))
        os.replace(new, path)
    except OSError as exc:
        raise StoreError(f"{path}: 恢复的内容已写入 {new}，但无法替换原文件（{exc.strerror or exc}）") from exc
    return report


def _recover(src: sqlite3.Connection, new: Path, damaged: Path, path: Path) -> RepairReport:
    report = RepairReport(damaged=damaged, recovered=path)
    dst = connect(new)
    try:
        migrate(dst)
        dst.execute("PRAGMA foreign_keys=OFF")  # rows are checked against their report here, not by SQLite
        hints = {t: max(_hint(src, "edits", "report_id"), _hint(src, "cells", "report_id")) for t in ("reports",)}
        hints["documents"] = hints["reports"]
        hints["edits"] = 0
        hints["verifications"] = _hint(src, "acknowledgements", "verification_id")
        hints["conflicts"] = 0
        with write(dst) as c:
            try:
                for key, value in src.execute("SELECT key, value FROM library_meta"):
                    c.execute("INSERT OR REPLACE INTO library_meta(key, value) VALUES (?, ?)", (key, value))
            except sqlite3.DatabaseError:
                report.notes.append("资料库说明信息（library_meta）无法读取，已重建")
            c.execute("INSERT OR REPLACE INTO library_meta(key, value) VALUES ('repaired_at', ?)",
                      (datetime.now(UTC).isoformat(timespec="seconds"),))
            kept = _copy_reports(src, c, report, hints)
            _copy_dependents(src, c, report, kept, hints)
            _copy_chain_heads(src, c, report, kept)
            _restore_missing_cells(c, report, kept)
            _mend_from_trail(c, report, kept)
        with write(dst) as c:
            for rid in sorted(kept):
                crossreport.recheck(c, rid)
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise StoreError(f"{new}: 恢复出的资料库校验失败（{check}）")
    finally:
        dst.close()
    return report


def _restore_missing_cells(c: SqliteDb, report: RepairReport, kept: set[int]) -> None:
    """A damaged page can drop a report's cells without an error: the stored source is parsed again and a
    missing cell comes back with its parsed value, or the value of its latest audit line when it was edited."""
    from reviewer.api import parse_document, source_of
    from reviewer.errors import ReviewerError
    from reviewer.reading import read_bytes
    from reviewer.store.records import cell_rows

    for rid in sorted(kept):
        name, data, template = c.execute(
            "SELECT r.source_name, d.data, r.template FROM reports r JOIN documents d ON d.report_id = r.id "
            "WHERE r.id = ?", (rid,)).fetchone()
        have = {cell for (cell,) in c.execute("SELECT cell FROM cells WHERE report_id = ?", (rid,))}
        try:
            doc = read_bytes(bytes(data), name)
            record = parse_document(doc, source_of(doc, bytes(data), name), template)
        except ReviewerError:
            continue  # the source itself no longer reads: the cells recovered are all there is
        missing = [row for row in cell_rows(record) if row[0] not in have]
        for cid, ordinal, value, printed, origin, s0, s1 in missing:
            edit = c.execute("SELECT new_value FROM edits WHERE report_id = ? AND cell = ? ORDER BY id DESC LIMIT 1",
                             (rid, cid)).fetchone()
            current = edit[0] if edit is not None else value
            c.execute("INSERT INTO cells(report_id, cell, ord, parsed, value, printed, parsed_origin, origin, "
                      "span_start, span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      (rid, cid, ordinal, value, current, printed, origin, "edited" if edit is not None else origin,
                       s0, s1))
        if missing:
            report.notes.append(f"报告 #{rid} 有 {len(missing)} 个单元格已损坏，已从原文件重新读出"
                                "（修改过的按修改记录恢复），请核对")


def _mend_from_trail(c: SqliteDb, report: RepairReport, kept: set[int]) -> None:
    """An edited cell whose value disagrees with its latest audit line takes the audit line's value (what the
    reviewer entered), and the repair says so."""
    for rid in sorted(kept):
        for cell, value, new in trail_mismatches(c, rid):
            c.execute("UPDATE cells SET value = ? WHERE report_id = ? AND cell = ?", (new, rid, cell))
            report.notes.append(f"报告 #{rid} 的 {cell} 已损坏（读出 {value!r}），按修改记录恢复为 {new!r}，请核对")


def _usable_document(doc: Row | None, cols: list[str], report_row: dict[str, object],
                     report: RepairReport) -> Row | None:
    """The report's document row if it reads; rebuilt from the stored source when only its text or JSON is
    damaged (the source's hash proves it intact); None when neither can be trusted."""
    import hashlib

    if doc is None:
        return None
    d = dict(zip(cols, doc, strict=True))
    data = d.get("data")
    intact = isinstance(data, bytes) and hashlib.sha256(data).hexdigest() == report_row.get("sha256")
    try:
        json.loads(str(d["extra"]))
        readable = isinstance(d["text"], str)
    except (ValueError, TypeError):
        readable = False
    if readable:
        return doc
    if not intact or not isinstance(data, bytes):
        return None
    template = report_row.get("template")
    from reviewer.api import parse_bytes
    from reviewer.errors import ReviewerError
    from reviewer.store.records import extra_json

    try:
        record = parse_bytes(data, str(report_row.get("source_name") or "report"),
                             template=template if isinstance(template, str) else None)
    except ReviewerError:
        return None
    d["text"], d["extra"] = record.text, extra_json(record)
    report.notes.append(f"报告 #{report_row.get('id')} 的文字已损坏，已从原文件重新读出")
    return tuple(d[col] for col in cols)


def _key(value: object) -> int | None:
    """A key read from a damaged page: an int, or None when the bytes are garbage."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _insert(c: SqliteDb, table: str, cols: list[str], rows: list[Row]) -> bool:
    """Insert rows as one unit; False (nothing inserted) when a damaged row breaks a constraint."""
    sql = f"INSERT INTO {table}({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    c.execute("SAVEPOINT row")
    try:
        c.executemany(sql, rows)
    except sqlite3.Error:
        c.execute("ROLLBACK TO row")
        c.execute("RELEASE row")
        return False
    c.execute("RELEASE row")
    return True


def _copy_reports(src: sqlite3.Connection, c: SqliteDb, report: RepairReport,
                  hints: dict[str, int]) -> set[int]:
    """Reports whose row, document and cells all read; returns their ids."""
    src_cols = set(_columns(src, "reports"))
    cols = [x for x in _columns(c, "reports") if x in src_cols]
    doc_cols = _columns(c, "documents")
    cell_cols = _columns(c, "cells")
    finding_cols = _columns(c, "findings")
    seen: set[int] = set()
    kept: set[int] = set()
    docs: dict[int, Row] = {}
    for r in _rows(src, "documents", doc_cols, "report_id", hints["documents"]):
        key = _key(r[0])
        if key is not None:
            docs[key] = r
    for row in _rows(src, "reports", cols, "id", hints["reports"]):
        rid = _key(row[0])
        if rid is None or rid in seen:
            continue
        seen.add(rid)
        cells = [r for r in _by_report(src, "cells", cell_cols, rid) or [] if isinstance(r[1], str)]
        values = dict(zip(cols, row, strict=True))
        doc = _usable_document(docs.get(rid), doc_cols, values, report) if cells else None
        if doc is None:
            report.lost_reports.append(rid)
            continue
        if values.get("agency_key") is None and isinstance(values.get("agency"), str):
            values["agency_key"] = agency_key(values["agency"])
        names = list(values)
        c.execute("SAVEPOINT report")
        ok = (_insert(c, "reports", names, [tuple(values[n] for n in names)])
              and _insert(c, "documents", doc_cols, [doc]) and _insert(c, "cells", cell_cols, cells))
        if not ok:
            c.execute("ROLLBACK TO report")
            c.execute("RELEASE report")
            report.lost_reports.append(rid)
            continue
        c.execute("RELEASE report")
        _insert(c, "findings", finding_cols, _by_report(src, "findings", finding_cols, rid) or [])
        kept.add(rid)
    # reports whose row itself was unreadable, known from what refers to them
    for table in ("documents", "edits", "cells"):
        try:
            refs = {_key(r) for (r,) in src.execute(f"SELECT DISTINCT report_id FROM {table}")}
        except sqlite3.DatabaseError:
            refs = set(docs) if table == "documents" else set()
        for rid in refs - seen - {None}:
            assert rid is not None
            seen.add(rid)
            report.lost_reports.append(rid)
    report.lost_reports.sort()
    report.reports = len(kept)
    return kept


def _count(src: sqlite3.Connection, table: str, fallback: int) -> int:
    try:
        (total,) = src.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(total)
    except sqlite3.DatabaseError:
        return fallback  # ids are dense (append-only): the highest id counts them


def _copy_dependents(src: sqlite3.Connection, c: SqliteDb, report: RepairReport, kept: set[int],
                     hints: dict[str, int]) -> None:
    edit_cols = _shared_columns(src, c, "edits")
    n = 0
    for row in _rows(src, "edits", edit_cols, "id", hints["edits"]):
        if _key(row[0]) is not None and row[1] in kept and _insert(c, "edits", edit_cols, [row]):
            n += 1
    report.edits = n
    report.lost_edits = max(_count(src, "edits", _max_key(src, "edits", "id", 0)) - n, 0)
    ver_cols = _shared_columns(src, c, "verifications")
    ack_cols = _shared_columns(src, c, "acknowledgements")
    vids = []
    for row in _rows(src, "verifications", ver_cols, "id", hints["verifications"]):
        if _key(row[0]) is not None and row[1] in kept and _insert(c, "verifications", ver_cols, [row]):
            vids.append(row[0])
    report.verifications = len(vids)
    total = _count(src, "verifications", _max_key(src, "verifications", "id", 0))
    report.lost_verifications = max(total - len(vids), 0)
    for vid in vids:
        try:
            acks = src.execute(f"SELECT {', '.join(ack_cols)} FROM acknowledgements WHERE verification_id = ?",
                               (vid,)).fetchall()
        except sqlite3.DatabaseError:
            acks = None
        if acks is None or not _insert(c, "acknowledgements", ack_cols, acks):
            report.notes.append(f"核实记录 {vid} 的警告说明无法读取")
    conflict_cols = [x for x in _columns(c, "conflicts") if x in set(_columns(src, "conflicts"))]
    lost_conflicts = 0
    for row in _rows(src, "conflicts", conflict_cols, "id", 0):
        if not (row[1] in kept and _insert(c, "conflicts", conflict_cols, [row])):
            lost_conflicts += 1
    if lost_conflicts:
        report.notes.append(f"丢失 {lost_conflicts} 条重新解析冲突记录")
