"""The library: one SQLite file of reports, their cells, findings, audit trail and verifications.

Every write is one transaction committed before the method returns, and checks the report's version
(`expected_version`) under the write lock: a write based on an older version raises `StaleWriteError`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.api import PARSER_VERSION
from reviewer.errors import ReviewerError, StoreError, ValidationError
from reviewer.model import Finding, finding_key
from reviewer.resources import samples_dir
from reviewer.store import audit_trail, confirmations, crossreport, four_eyes, records, review, spans
from reviewer.store.backend import ERRORS, Db, DbClosed, is_server_url, redact
from reviewer.store.claims import claimed_new, status_filter
from reviewer.store.claims import release as release_claim
from reviewer.store.config import default_library
from reviewer.store.db import now, snapshot, write
from reviewer.store.edits import CellEdit, as_changes, as_spans
from reviewer.store.guard import check_report, damage_message, store_error
from reviewer.store.listing import PagedIds, server_counts, server_years
from reviewer.store.migrations import ensure_search, migrate
from reviewer.store.normalize import agency_key
from reviewer.store.opening import guard_open, open_location
from reviewer.store.records import SUMMARY_COLUMNS, check_value, origin_after, same
from reviewer.store.reparse import check_template, forced_template
from reviewer.store.spans import CAPTURE_KINDS, span_lines
from reviewer.store.team import TeamMixin
from reviewer.store.types import (
    CELL_KINDS,
    DEFECT_LABEL,
    KIND_METADATA,
    METADATA_FIELDS,
    STATUS_IN_REVIEW,
    STATUS_LABELS,
    STATUS_NEW,
    STATUS_VERIFIED,
    STATUSES,
    TEMPLATE_FIELD,
    Acknowledgement,
    AuditEntry,
    Change,
    Confirmation,
    ImportSummary,
    ReparseResult,
    ReportList,
    ReportSummary,
    StoredReport,
    Value,
    Verification,
    VerificationRefused,
    has_code,
    status_code,
)
from reviewer.store.writes import audit, bump, claim, next_batch, writable

if TYPE_CHECKING:
    from reviewer.fetch import Fetched

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]


# Orders of `list_reports`: the terms of each (fixed SQL, never built from user text); `descending` flips them.
ORDERS: dict[str, tuple[str, ...]] = {
    "id": ("id",), "agency": ("agency_key", "year", "id"), "year": ("year", "id"),
    "status": ("status", "id"), "updated": ("updated_at DESC", "id"), "errors": ("errors", "warnings", "id"),
    "warnings": ("warnings", "errors", "id"), "region": ("region", "agency_key", "id"), "file": ("source_name", "id"),
}


def _order_sql(order: str, descending: bool, nulls: bool = False) -> str:
    """`nulls`: say where blanks go as SQLite puts them (first when ascending), for PostgreSQL (last by default)."""
    terms = ORDERS[order] if not descending else [t[:-5] if t.endswith(" DESC") else t + " DESC"
                                                  for t in ORDERS[order]]
    if nulls:
        terms = [t if t.split()[0] == "id" else t + (" NULLS LAST" if t.endswith(" DESC") else " NULLS FIRST")
                 for t in terms]
    return ", ".join(terms)


def who(reviewer: str | None) -> str:
    name = (reviewer or "").strip()
    if not name:
        raise ValidationError("请注明审核人（--reviewer 姓名，或在设置中填写审核人）")
    return name


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with its own % and _ taken literally (ESCAPE '\\')."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Library(TeamMixin):
    """A library file. Safe to share between threads of one process (calls are serialised)."""

    def __init__(self, path: str | Path | None = None, *, seed_samples: bool = True) -> None:
        self.url: str | None = str(path).strip() if is_server_url(path) else None  # a server library (team mode)
        if path is None:
            path = default_library()
            self.url = str(path) if is_server_url(path) else None
        self.path = Path(redact(self.url)) if self.url else Path(path)
        self.location = redact(self.url) if self.url else str(self.path)
        self._lock = threading.RLock()
        self._conn, self.readonly = open_location(self.url) if self.url else guard_open(self.path)
        try:
            found = migrate(self._conn)
            if self.url and not self.readonly:
                ensure_search(self._conn)
        except BaseException:
            self._conn.close()
            raise
        self.created = found == 0
        if self.created and seed_samples and samples_dir().is_dir():
            self.import_paths([samples_dir()], reviewer=None, workers=1)

    # -- lifetime ----------------------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def lock(self) -> threading.RLock:
        """Held by every call; the importer takes it around each chunk it writes."""
        return self._lock

    @property
    def connection(self) -> Db:
        """The underlying connection (exports and tests read through it; write only through the methods)."""
        return self._conn

    def integrity_check(self) -> str:
        """'ok', or what is wrong (SQLite: `PRAGMA integrity_check`; PostgreSQL: rows without their report)."""
        with self._lock:
            if self._conn.kind != "sqlite":
                from reviewer.store.opening import server_integrity

                return server_integrity(self._conn)
            return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])

    def verify_audit(self, report_id: int | None = None,
                     saved: audit_trail.SavedHeads | None = None) -> audit_trail.AuditReport:
        """Walk the audit trail's hash chains (every report's, or one): the first broken link of each; with
        `saved`, also whether each head saved earlier is still in its chain."""
        with self._lock, snapshot(self._conn) as c:
            return audit_trail.verify_library(c, report_id, saved)

    @property
    def address(self) -> str | Path:
        """What another thread or process opens a connection of its own with: the server's address (password
        included if it was given in it) or the file's path."""
        return self.url if self.url else self.path

    @property
    def is_server(self) -> bool:
        """True for a library on a PostgreSQL server (team mode): no file to guard, repair or back up."""
        return self.url is not None

    # -- import ------------------------------------------------------------------------------------
    def import_paths(self, paths: Iterable[str | Path], *, reviewer: str | None = None,
                     progress: Progress | None = None, cancel: Cancel | None = None,
                     workers: int | None = None, fetched: Iterable[Fetched] = (),
                     urls: Sequence[str] = ()) -> ImportSummary:
        """Import files and folders (recursively) and reports from the web (`fetched` already, or `urls` to
        fetch first; an address that cannot be fetched is listed as failed); parsing runs in parallel
        processes. See `importer`."""
        from reviewer.fetch import FetchError, fetch, source_extra
        from reviewer.store.importer import Source, run_import

        pages = list(fetched)
        failed: list[tuple[str, str]] = []
        for i, url in enumerate(urls):
            if cancel is not None and cancel():
                break
            if progress is not None:
                progress(i, len(urls), url)
            try:
                pages.append(fetch(url))
            except FetchError as exc:
                failed.append((url, str(exc)))
        sources = [Source(f.url, f.name, f.data, source_extra(f)) for f in pages]
        if self.team:  # the login imports (a reviewer's role), never a typed name
            reviewer = self._by(reviewer, "import")
        summary = run_import(self, list(paths), reviewer=reviewer, progress=progress, cancel=cancel,
                             workers=workers, sources=sources)
        summary.failed[:0] = failed
        return summary

    # -- reading -----------------------------------------------------------------------------------
    def list_reports(self, *, status: str | None = None, agency: str | None = None, year: int | None = None,
                     text: str | None = None, order: str = "id", descending: bool = False, limit: int | None = None,
                     offset: int = 0, has: str | None = None, retired: bool | None = False) -> ReportList:
        """Reports matching every given filter. `agency` matches part of the name (whitespace and punctuation
        ignored); `text` matches part of the agency, region, file name or year; `order` is one of ORDERS;
        `has` is errors | warnings | defects (open errors, open warnings, confirmed source defects; or their
        words 有错误 · 有警告 · 源文件错误); `retired`: False hides retired reports, True lists only them, None both.

        Returns a `ReportList`: its length at once, its rows read in pages as they are accessed."""
        where: list[str] = []
        params: list[Any] = []
        if retired is not None and (retired or self._any_retired()):  # none retired: no clause, lists stay fast
            where.append("retired_at IS NOT NULL" if retired else "retired_at IS NULL")
        if has:
            where.append(f"{has_code(has)} > 0")
        if agency:
            key = agency_key(agency)
            if key:
                where.append("agency_key LIKE ? ESCAPE '\\'")
                params.append(_like(key))
        if year is not None:
            where.append("year = ?")
            params.append(int(year))
        if text:
            where.append("(agency LIKE ? ESCAPE '\\' OR region LIKE ? ESCAPE '\\' OR source_name LIKE ? ESCAPE '\\' "
                         "OR CAST(year AS TEXT) LIKE ? ESCAPE '\\')")
            params.extend([_like(text.strip())] * 4)
        if order not in ORDERS:
            raise ValidationError(f"未知的排序 {order}；可用：" + "、".join(ORDERS))

        def query(last: tuple[str, list[Any]] | None) -> tuple[str, list[Any]]:
            clauses = where + [last[0]] if last else where
            return "SELECT id FROM reports" + (" WHERE " + " AND ".join(clauses) if clauses else ""), \
                params + (last[1] if last else [])

        shown = None
        if status:  # as shown: a 待审核 report someone holds is 审核中 (`claims.shown_status`)
            with self._lock:
                shown = status_filter(self._conn, status_code(status))
        sql, values = query((shown.clause, shown.params) if shown else None)
        if self._conn.kind != "sqlite" and limit is None:  # a server's list may be long: count, then pages
            counts = [(*query(shown.stored), 1), (*query(shown.held), shown.sign)] \
                if shown is not None and shown.held is not None else None
            return self._paged(sql, values, _order_sql(order, descending, nulls=True), counts)
        sql += " ORDER BY " + _order_sql(order, descending)
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            values.extend([int(limit), int(offset)])
        with self._lock:
            ids = [i for (i,) in self._conn.execute(sql, values)]
        return ReportList(ids, self._summaries)

    def _paged(self, sql: str, params: list[Any], order: str,
               counts: list[tuple[str, list[Any], int]] | None = None) -> ReportList:
        """The list's length at once (a count; or the sum of `counts`, each query's count times its sign), its
        ids read a page at a time along the order's index."""
        def count() -> int:
            with self._lock:
                return sum(sign * int(self._conn.execute(q.replace("SELECT id", "SELECT count(*)", 1), p).fetchone()[0])
                           for q, p, sign in counts or [(sql, params, 1)])

        def page(offset: int, limit: int) -> list[int]:
            bound = "" if limit < 0 else f" LIMIT {int(limit)} OFFSET {int(offset)}"
            with self._lock:
                return [i for (i,) in self._conn.execute(f"{sql} ORDER BY {order}{bound}", params)]

        return ReportList(PagedIds(count, page), self._summaries)

    def _any_retired(self) -> bool:
        with self._lock:  # the partial index reports_retired holds the retired ones only
            return self._conn.execute("SELECT 1 FROM reports WHERE retired_at IS NOT NULL LIMIT 1").fetchone() is not None

    def _summaries(self, ids: list[int]) -> list[ReportSummary]:
        """Summaries of the given reports, in that order."""
        with self._lock:
            try:
                rows = self._conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM reports WHERE id IN "
                                          f"(SELECT value FROM {self._conn.each_int})", (json.dumps(ids),)).fetchall()
            except (sqlite3.ProgrammingError, DbClosed) as exc:
                raise ReviewerError("资料库已关闭：请在关闭前读取列表") from exc
        by_id = {r[0]: ReportSummary._make(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def count(self) -> dict[str, int]:
        """Reports by status as the list shows them (a 待审核 report someone holds counts as 审核中; 'claimed' says
        how many), 'all', 'with_errors' (at least one open error), 'with_warnings', 'with_defects' (confirmed
        source defects) — retired reports left out — and 'retired'."""
        with self._lock:
            if self._conn.kind != "sqlite":  # a server's million reports: counted along indexes
                rows, with_errors, with_warnings, with_defects, retired = server_counts(self._conn,
                                                                                         self._any_retired())
            else:
                rows = self._conn.execute("SELECT status, count(*) FROM reports WHERE retired_at IS NULL "
                                          "GROUP BY status").fetchall()
                with_errors, with_warnings, with_defects, retired = self._conn.execute(
                    "SELECT count(CASE WHEN retired_at IS NULL AND errors > 0 THEN 1 END), "
                    "count(CASE WHEN retired_at IS NULL AND warnings > 0 THEN 1 END), "
                    "count(CASE WHEN retired_at IS NULL AND defects > 0 THEN 1 END), "
                    "count(retired_at) FROM reports").fetchone()
            held = claimed_new(self._conn)
        out = {s: 0 for s in STATUSES}
        out.update(dict(rows))
        out[STATUS_NEW] -= held
        out[STATUS_IN_REVIEW] += held
        out["claimed"] = held
        out["all"] = sum(n for _s, n in rows)
        out["with_errors"] = int(with_errors)
        out["with_warnings"] = int(with_warnings)
        out["with_defects"] = int(with_defects)
        out["retired"] = int(retired)
        return out

    def years(self) -> list[int]:
        """The years the library holds reports of (retired ones left out), latest first (for a filter's choices)."""
        with self._lock:
            if self._conn.kind != "sqlite":
                return server_years(self._conn, self._any_retired())
            return [y for (y,) in self._conn.execute(
                "SELECT DISTINCT year FROM reports WHERE year IS NOT NULL AND retired_at IS NULL ORDER BY year DESC")]

    def versions(self, report_id: int) -> list[ReportSummary]:
        """The reports of the same agency and year (the report itself included, retired ones left out), in
        import order; `ReportSummary.counts` marks the one that counts."""
        with self._lock:
            s = records.summary(self._conn, report_id)
            akey = self._conn.execute("SELECT agency_key FROM reports WHERE id = ?", (report_id,)).fetchone()[0]
            if akey is None or s.year is None:
                return [s]
            ids = [i for (i,) in self._conn.execute(
                "SELECT id FROM reports WHERE agency_key = ? AND year = ? AND (retired_at IS NULL OR id = ?) "
                "ORDER BY id", (akey, s.year, report_id))]
        return self._summaries(ids)

    def confirmations(self, report_id: int) -> list[Confirmation]:
        """The findings confirmed as source defects (`active` ones first: their finding is current)."""
        with self._lock:
            records.summary(self._conn, report_id)
            keys = [k for (k,) in self._conn.execute("SELECT key FROM findings WHERE report_id = ?", (report_id,))]
            return confirmations.listed(self._conn, report_id, keys)

    def summary(self, report_id: int) -> ReportSummary:
        with self._lock:
            return records.summary(self._conn, report_id)

    def load(self, report_id: int) -> StoredReport:
        """The report with its current values, findings, origins and latest verification."""
        try:
            return self._load(report_id)
        except ERRORS as exc:  # unreadable rows: a damaged library, said in one line
            raise store_error(exc, self.path, f"读取报告 #{report_id}") from exc
        except (ValueError, KeyError, TypeError) as exc:  # stored JSON or text that no longer decodes
            raise StoreError(damage_message(self.path, [], f"报告 #{report_id} 的数据无法解读（{exc}）")) from exc

    def _load(self, report_id: int) -> StoredReport:
        with self._lock:
            check_report(self._conn, report_id, self.path)
            stale = self._conn.execute("SELECT checked_with FROM reports WHERE id = ?", (report_id,)).fetchone()
            if stale is not None and stale[0] != PARSER_VERSION:
                with write(self._conn) as c:  # findings of an older rule set: check again (values unchanged)
                    crossreport.recheck(c, report_id)
            with snapshot(self._conn) as c:
                loaded = records.read(c, report_id)
                akey, year = loaded.agency_key, loaded.record.year
                prev = crossreport.previous_id(c, akey, year)
                verification = self._latest_verification(c, report_id)
                chosen = forced_template(c, report_id)
                confirmed = confirmations.listed(c, report_id, (f.key for f in loaded.record.findings))
        return StoredReport(
            summary=loaded.summary, record=loaded.record, text=loaded.record.text, version=loaded.summary.version,
            origins=loaded.origins,
            acknowledged={a.finding_key: a.reason for a in verification.acknowledgements} if verification else {},
            parsed=loaded.parsed, conflicts=loaded.conflicts, verification=verification, previous_id=prev,
            forced_template=chosen, confirmations=confirmed)

    def source_spans(self, report_id: int) -> tuple[dict[str, tuple[int, int] | None], dict[str, tuple[int, int]]]:
        """Where the cells' values come from in the text: the parsed spans, and the spans of the values a reviewer
        captured from the text (`store.spans`), which stand while those values do."""
        with self._lock, snapshot(self._conn) as c:
            records.summary(c, report_id)
            return spans.parsed_spans(c, report_id), spans.captured_spans(c, report_id)

    def source(self, report_id: int) -> tuple[str, bytes]:
        """The stored source file: its name and bytes."""
        with self._lock:
            name = records.summary(self._conn, report_id).source_name
            (data,) = self._conn.execute("SELECT data FROM documents WHERE report_id = ?", (report_id,)).fetchone()
        return name, bytes(data)

    def history(self, report_id: int, cell: str | None = None) -> list[AuditEntry]:
        """The audit trail of a report (or of one cell), oldest first."""
        sql = ("SELECT id, report_id, batch, kind, cell, old_value, new_value, reviewer, at, reason FROM edits "
               "WHERE report_id = ?")
        params: list[Any] = [report_id]
        if cell is not None:
            sql += " AND cell = ?"
            params.append(cell)
        with self._lock:
            records.summary(self._conn, report_id)
            return [AuditEntry(*row) for row in self._conn.execute(sql + " ORDER BY id", params)]

    def verifications(self, report_id: int) -> list[Verification]:
        with self._lock:
            ids = [i for (i,) in self._conn.execute(
                "SELECT id FROM verifications WHERE report_id = ? ORDER BY id", (report_id,))]
            return [self._verification(self._conn, i) for i in ids]

    def _latest_verification(self, c: Db, report_id: int) -> Verification | None:
        row = c.execute("SELECT max(id) FROM verifications WHERE report_id = ?", (report_id,)).fetchone()
        return self._verification(c, row[0]) if row[0] is not None else None

    @staticmethod
    def _verification(c: Db, vid: int) -> Verification:
        _, who_, at, note, version = c.execute(
            "SELECT id, reviewer, at, note, report_version FROM verifications WHERE id = ?", (vid,)).fetchone()
        acks = [Acknowledgement(*r) for r in c.execute(
            "SELECT finding_key, reason, rule, message FROM acknowledgements WHERE verification_id = ? "
            f"ORDER BY {c.insert_order}", (vid,))]
        return Verification(vid, who_, at, note, version, acks)

    # -- writing -----------------------------------------------------------------------------------
    def _change(self, c: Db, report_id: int, version: int, cells: list[str],
                findings: list[Finding], batch: int | None, related: list[int]) -> Change:
        s = records.summary(c, report_id)
        return Change(report_id, version, cells, findings, s.status, s.errors, s.warnings, batch, related, s.defects)

    def set_cells(self, report_id: int, changes: Mapping[str, Value | str], *, reviewer: str | None = None,
                  reason: str | None = None, expected_version: int | None, kind: str = "edit",
                  spans: Mapping[str, tuple[int, int] | None] | None = None) -> Change:
        """Set cell values: one transaction, one audit line per changed cell, one batch per call.

        A value may be a number, None (blank) or what a reviewer typed (read by `parse_user_value`). Cells
        whose value does not change are left out. Editing a verified report puts it back in review.
        `expected_version` is the version the caller's view shows (None skips the check: scripts only).
        `spans` gives, for values captured from the report's text, where they were read (see `store.spans`)."""
        name = self._by(reviewer, "edit")
        if kind not in CELL_KINDS:
            raise ValidationError(f"未知的修改类型 {kind}")
        values = {cid: check_value(cid, v) for cid, v in changes.items()}
        reason = (reason or "").strip() or None
        with self._lock, write(self._conn) as c:
            s = writable(claim(c, report_id, expected_version))
            current: dict[str, tuple[Value, Value, str]] = {}
            if values:
                marks = ",".join("?" * len(values))
                for cid, v, p, po in c.execute(
                        f"SELECT cell, value, parsed, parsed_origin FROM cells WHERE report_id = ? AND cell IN ({marks})",
                        [report_id, *values]):
                    current[cid] = (v, p, po)
            unknown = [cid for cid in values if cid not in current]
            if unknown:
                raise ValidationError(f"报告 {report_id} 中没有单元格 " + "、".join(unknown[:5]))
            # a value captured again from another place of the text changes where it comes from, not the value
            changed = [cid for cid, v in values.items() if not same(current[cid][0], v)
                       or (spans is not None and cid in spans and kind in CAPTURE_KINDS)]
            if not changed:
                return self._change(c, report_id, s.version, [], records.stored_findings(c, report_id), None, [])
            at, batch = now(), next_batch(c)
            audit(c, [(report_id, batch, kind, cid, current[cid][0], values[cid], name, at, reason)
                            for cid in changed])
            if spans:
                audit(c, span_lines(report_id, batch, spans, name, at, changed))
            c.executemany("UPDATE cells SET value = ?, origin = ? WHERE report_id = ? AND cell = ?",
                          [(values[cid], origin_after(values[cid], current[cid][1], current[cid][2]), report_id, cid)
                           for cid in changed])
            marks = ",".join("?" * len(changed))
            c.execute(f"UPDATE conflicts SET resolved_at = ?, resolution = 'edited' WHERE report_id = ? "
                      f"AND resolved_at IS NULL AND cell IN ({marks})", [at, report_id, *changed])
            version, _ = bump(c, s, at=at, reviewer=name, status=STATUS_IN_REVIEW, batch=batch, reason="开始修改")
            findings, _ = crossreport.recheck(c, report_id)
            row = c.execute("SELECT agency_key, year FROM reports WHERE id = ?", (report_id,)).fetchone()
            related = crossreport.recheck_dependents(c, row[0], row[1], exclude=report_id)
            return self._change(c, report_id, version, changed, findings, batch, related)

    def apply_edits(self, report_id: int, edits: Sequence[CellEdit], *, reviewer: str | None = None,
                    reason: str | None = None, expected_version: int | None, kind: str = "edit") -> Change:
        """Apply `CellEdit`s as one batch (an undo passes the inverses, kind 'undo')."""
        return self.set_cells(report_id, as_changes(edits), reviewer=reviewer, reason=reason,
                              expected_version=expected_version, kind=kind, spans=as_spans(edits))

    def set_status(self, report_id: int, status: str, *, reviewer: str | None = None, expected_version: int | None,
                   reason: str | None = None) -> Change:
        """Back to 待审核 or 审核中 (to mark a report 已核实, use `verify`)."""
        code = status_code(status)
        if code == STATUS_VERIFIED:
            raise ValidationError("请通过“核实”操作将报告标记为已核实（需处理所有错误并说明所有警告）")
        name = self._by(reviewer, "status")
        if (reason or "").strip() == "" and self.summary(report_id).status == STATUS_VERIFIED:
            raise ValidationError(f"报告 {report_id} 已核实：重新打开审核须说明理由")
        with self._lock, write(self._conn) as c:
            s = claim(c, report_id, expected_version)
            if s.retired_at is not None:
                writable(s)
            if s.status == code:
                return self._change(c, report_id, s.version, [], records.stored_findings(c, report_id), None, [])
            at, batch = now(), next_batch(c)
            version, _ = bump(c, s, at=at, reviewer=name, status=code, batch=batch,
                                    reason=(reason or "").strip() or None)
            akey, year = c.execute("SELECT agency_key, year FROM reports WHERE id = ?", (report_id,)).fetchone()
            related: list[int] = []
            if STATUS_VERIFIED in (s.status, code):  # the preferred previous report may change
                related = crossreport.recheck_dependents(c, akey, year, exclude=report_id)
            return self._change(c, report_id, version, [], records.stored_findings(c, report_id), batch, related)

    # -- the reviewer's decisions (reviewer.store.review) ------------------------------------------------------
    def confirm_defect(self, report_id: int, finding: str, *, reason: str | None, reviewer: str | None = None,
                       should_be: Mapping[str, Value | str] | None = None,
                       expected_version: int | None) -> Change:
        """Confirm a finding (by `finding_key`) as a defect of the source (源文件错误): the report prints it that
        way. Values are left as they are; `should_be` may give, for cells of the finding, the value the source
        should have printed (应为). Audited (kinds confirm, should_be), one batch; confirming again replaces
        reason and should-be values. The finding then carries its `resolution`, no longer counts as open and no
        longer blocks verification. Refused on a verified (`ReportLocked`) or retired report."""
        return review.confirm(self, report_id, finding, reason=reason, reviewer=self._by(reviewer, "confirm"), should_be=should_be,
                              expected_version=expected_version)

    def withdraw_defect(self, report_id: int, finding: str, *, reviewer: str | None = None, reason: str | None = None,
                        expected_version: int | None) -> Change:
        """Withdraw a confirmation (the undo of `confirm_defect`): audited as kind withdraw, the finding is open
        again."""
        return review.withdraw(self, report_id, finding, reason=reason, reviewer=self._by(reviewer, "confirm"),
                               expected_version=expected_version)

    def reopen(self, report_id: int, *, reason: str | None, reviewer: str | None = None,
               expected_version: int | None) -> Change:
        """重新打开审核: a verified report back to 审核中, with a reason (audited). Until then it is read-only."""
        return review.reopen(self, report_id, reason=reason, reviewer=self._by(reviewer, "reopen"),
                             expected_version=expected_version)

    def retire(self, report_id: int, *, reason: str | None, reviewer: str | None = None,
               expected_version: int | None) -> Change:
        """Retire a report imported by mistake: hidden from lists, queues, charts and exports, and no longer last
        year's report of anything; nothing is deleted, its trail is kept, `restore` brings it back."""
        return review.retire(self, report_id, reason=reason, reviewer=self._by(reviewer, "retire"),
                             expected_version=expected_version)

    def restore(self, report_id: int, *, reviewer: str | None = None, reason: str | None = None,
                expected_version: int | None) -> Change:
        return review.restore(self, report_id, reason=reason, reviewer=self._by(reviewer, "restore"),
                              expected_version=expected_version)

    def choose_version(self, report_id: int, *, reviewer: str | None = None, reason: str | None = None,
                       expected_version: int | None = None) -> Change:
        """Make this report the version that counts for its agency and year (exports, charts, last year's report
        of the next year). Audited; choosing another later replaces the choice. `Change.related` lists the
        other versions and next year's reports whose findings changed."""
        return review.choose_version(self, report_id, reason=reason, reviewer=self._by(reviewer, "choose_version"),
                                     expected_version=expected_version)

    def verify(self, report_id: int, *, reviewer: str | None = None, note: str | None = None,
               acknowledgements: Mapping[str, str] | None = None, expected_version: int | None) -> Change:
        """Mark the report 已核实. Refused (`VerificationRefused`) while an error remains or a warning has no
        acknowledgement: `acknowledgements` maps `finding_key(warning)` to the reviewer's reason."""
        name = self._by(reviewer, "verify")
        acks = {k: (r or "").strip() for k, r in (acknowledgements or {}).items()}
        with self._lock, write(self._conn) as c:
            s = claim(c, report_id, expected_version)
            findings, _ = crossreport.recheck(c, report_id)
            errors = [f for f in findings if f.severity == "error" and not f.confirmed]
            warnings = [f for f in findings if f.severity == "warning"]
            for f in warnings:  # a warning confirmed as a source defect is explained by its confirmation
                if f.resolution is not None and not acks.get(finding_key(f)):
                    acks[finding_key(f)] = f"{DEFECT_LABEL}：{f.resolution.get('reason', '')}"
            missing = [f for f in warnings if not acks.get(finding_key(f))]
            if errors or missing:
                parts = []
                if errors:
                    parts.append(f"仍有 {len(errors)} 个错误（" + "；".join(f"{f.rule} {f.message}" for f in errors[:3])
                                 + ("…" if len(errors) > 3 else "") + "）")
                if missing:
                    parts.append(f"{len(missing)} 个警告未说明理由（" + "、".join(sorted({f.rule for f in missing})) + "）")
                raise VerificationRefused(f"报告 {report_id} 不能核实：" + "，".join(parts), errors, missing)
            at, batch = now(), next_batch(c)
            version, _ = bump(c, s, at=at, reviewer=name, status=four_eyes.status_after_verify(c), batch=batch,
                                    reason=(note or "").strip() or "核实", verified_at=at)
            release_claim(c, report_id, name)  # the work is done (待复核 or 已核实: read-only)
            audit_trail.add_verification(c, report_id, name, at, (note or "").strip() or None, version,
                                         [(finding_key(f), acks[finding_key(f)], f.rule, f.message) for f in warnings])
            c.execute("UPDATE conflicts SET resolved_at = ?, resolution = 'acknowledged' WHERE report_id = ? "
                      "AND resolved_at IS NULL", (at, report_id))
            akey, year = c.execute("SELECT agency_key, year FROM reports WHERE id = ?", (report_id,)).fetchone()
            related = crossreport.recheck_dependents(c, akey, year, exclude=report_id)
            return self._change(c, report_id, version, [], findings, batch, related)

    def update_metadata(self, report_id: int, *, expected_version: int | None, reviewer: str | None = None,
                        reason: str | None = None, progress: Progress | None = None, cancel: Cancel | None = None,
                        **fields: Any) -> Change:
        """Correct the agency, year, region or format version (audited like a cell; kept across re-parses).

        A new `template` ("2019" / "2021") re-parses the stored source under that format (see `reparse`): the
        result is then a `ReparseResult`, and the other fields are corrected in the same transaction."""
        name = self._by(reviewer, "metadata")
        allowed = (*METADATA_FIELDS, TEMPLATE_FIELD)
        unknown = set(fields) - set(allowed)
        if unknown:
            raise ValidationError("只能修改 " + "、".join(allowed) + "；不能修改 " + "、".join(sorted(unknown)))
        template = fields.pop(TEMPLATE_FIELD, None)
        clean = {k: _meta_value(k, v) for k, v in fields.items()}
        if template is not None:
            template = check_template(template)
            if template != self.summary(report_id).template:
                return self.reparse(report_id, template=template, reviewer=name, reason=reason,
                                    expected_version=expected_version, progress=progress, cancel=cancel,
                                    metadata=clean)
        with self._lock, write(self._conn) as c:
            s = writable(claim(c, report_id, expected_version))
            old_key, old_year = c.execute("SELECT agency_key, year FROM reports WHERE id = ?", (report_id,)).fetchone()
            old = {"agency": s.agency, "year": s.year, "region": s.region}
            changed = {k: v for k, v in clean.items() if old[k] != v}
            if not changed:
                return self._change(c, report_id, s.version, [], records.stored_findings(c, report_id), None, [])
            at, batch = now(), next_batch(c)
            audit(c, [(report_id, batch, KIND_METADATA, k, old[k], v, name, at, (reason or "").strip() or None)
                            for k, v in changed.items()])
            new = {**old, **changed}
            c.execute("UPDATE reports SET agency = ?, agency_key = ?, year = ?, region = ? WHERE id = ?",
                      (new["agency"], agency_key(new["agency"]), new["year"], new["region"], report_id))
            version, _ = bump(c, s, at=at, reviewer=name, batch=batch)
            findings, _ = crossreport.recheck(c, report_id)
            related = crossreport.recheck_dependents(c, old_key, old_year, exclude=report_id)
            related += [r for r in crossreport.recheck_dependents(c, agency_key(new["agency"]), new["year"],
                                                                  exclude=report_id) if r not in related]
            return self._change(c, report_id, version, [], findings, batch, related)

    def reparse(self, report_id: int, *, template: str | None = None, reviewer: str | None = None,
                reason: str | None = None, expected_version: int | None = None, progress: Progress | None = None,
                cancel: Cancel | None = None, metadata: Mapping[str, Any] | None = None) -> ReparseResult:
        """Parse the stored source again and re-apply the reviewer's edits by cell id, flagging a conflict where
        the new parse differs from the value the reviewer had replaced.

        `template` ("2019" / "2021") parses under that format (a reviewer's decision: `reviewer` required,
        audited as a metadata entry with `reason`, and kept by later re-parses); None keeps the format a
        reviewer chose before, or detects it. Edits whose cell the new format lacks are listed in
        `ReparseResult.lost` and stay in the trail. `progress(done, total, message)` is called after each step
        and `cancel()` polled before each; a cancelled re-parse changes nothing (`cancelled` is set). The write
        is one transaction."""
        from reviewer.store.reparse import run_reparse

        return run_reparse(self, report_id, reviewer=reviewer, expected_version=expected_version, template=template,
                           reason=reason, metadata=metadata, progress=progress, cancel=cancel)

    def forced_template(self, report_id: int) -> str | None:
        """The format a reviewer chose for the report (kept by re-parses), or None when it is detected."""
        with self._lock:
            records.summary(self._conn, report_id)
            return forced_template(self._conn, report_id)

    def __repr__(self) -> str:
        return f"Library({self.location!r})"


def _meta_value(key: str, v: Any) -> Any:
    if key == "year":
        if v is None or v == "":
            return None
        try:
            year = int(str(v).strip())
        except ValueError:
            raise ValidationError(f"年度“{v}”不是有效年份") from None
        if not 2000 <= year <= 2100:
            raise ValidationError(f"年度 {year} 不在 2000–2100 之间")
        return year
    if v is None:
        return None
    text = str(v).strip()
    return text or None


__all__ = ["STATUS_LABELS", "Library"]
