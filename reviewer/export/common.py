"""What every export shares: which reports, their cells in record order, labels, escaping, atomic files."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from reviewer.errors import ReviewerError
from reviewer.formats import CellLabel, cell_label
from reviewer.store.backend import Db, is_server_url, server_reader
from reviewer.store.types import STATUS_LABELS, STATUS_VERIFIED, status_code

# A cell text starting with one of these would be read as a formula by Excel (and LibreOffice): OWASP's list.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORT_VERSION = 2  # of the layout of every export file; raise it when a column or sheet changes meaning
# v2: source defects (源文件错误) — CSV long gains printed_text, source_defect, should_be, defect_reason; CSV wide
# ends with source_defects and should_be; JSON Lines findings carry `resolution`; XLSX marks the cells and adds
# a 问题清单 sheet.


def escape_text(text: str) -> str:
    """Prefix a text that would start a formula with an apostrophe. Numbers are never passed here."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_text(text: str) -> str:
    """The inverse of `escape_text` (for readers of our exports)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


def esc(v: Any) -> Any:
    """Escape a value for a spreadsheet cell: text escaped, numbers and None as they are."""
    return escape_text(v) if isinstance(v, str) else v


@dataclass(slots=True)
class ExportResult:
    path: Path
    format: str
    reports: int
    rows: int

    def text(self) -> str:
        return f"已导出 {self.reports} 份报告（{self.rows} 行）到 {self.path}"


@dataclass(slots=True)
class ReportRow:
    id: int
    agency: str | None
    year: int | None
    region: str | None
    template: str | None
    variant: str | None
    status: str
    source_name: str
    sha256: str
    source_format: str | None
    parser_version: str
    reviewer: str | None
    verified_at: str | None
    imported_at: str
    updated_at: str
    version: int
    errors: int
    warnings: int

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


REPORT_SQL = ("SELECT id, agency, year, region, template, table2_variant, status, source_name, sha256, source_format, "
              "parser_version, reviewer, verified_at, imported_at, updated_at, version, errors, warnings FROM reports")


class HasLibraryPath(Protocol):
    """Anything that knows where its library file is (an open `Library` does)."""

    @property
    def path(self) -> Path: ...


# What an export reads from: the library file's path, or an object with a `path` such as an open `Library`.
# Exports never import the store's `Library`: they read the file through a read-only connection of their own.
LibrarySource = str | os.PathLike[str] | HasLibraryPath


def library_path(source: LibrarySource) -> Path:
    return Path(source) if isinstance(source, str | os.PathLike) else Path(source.path)


def server_url(source: LibrarySource) -> str | None:
    """The PostgreSQL address of a server library (a `postgresql://…` text, or a `Library` with a `url`)."""
    url = source if isinstance(source, str) else getattr(source, "url", None)
    return url if is_server_url(url) else None


def open_reader(source: LibrarySource) -> Db:
    """A read-only connection of its own, so a long export neither blocks nor is blocked by the library's
    writes (WAL readers, and a server's REPEATABLE READ, see one snapshot for the whole transaction)."""
    from reviewer.store.backend.sqlite import SqliteDb
    from reviewer.store.db import connect_readonly

    url = server_url(source)
    if url is not None:
        return server_reader(url)
    path = library_path(source).resolve()
    if not path.is_file():
        raise ReviewerError(f"{path}：没有这个审核库文件")
    conn = SqliteDb(connect_readonly(path), str(path), readonly=True)
    conn.begin_snapshot()  # one snapshot for the whole export
    return conn


def select_reports(conn: Db, *, include_all: bool = False, ids: list[int] | None = None,
                   status: str | None = None, agency: str | None = None, year: int | None = None,
                   all_versions: bool = False) -> list[ReportRow]:
    """Verified reports by default; `include_all` adds the others (each export shows the status). A `status`
    filter selects that status whatever `include_all` says. Retired reports never; of several reports of one
    agency and year only the one that counts (`versions.RANK`), unless `all_versions` or the `ids` are given."""
    from reviewer.store.normalize import agency_key
    from reviewer.store.versions import COUNTING_IDS

    where: list[str] = ["retired_at IS NULL"]
    params: list[object] = []
    if ids is None and not all_versions:
        where.append(f"id IN ({COUNTING_IDS})")
    if not include_all and not status:
        where.append("status = ?")
        params.append(STATUS_VERIFIED)
    if status:
        where.append("status = ?")
        params.append(status_code(status))
    if ids is not None:
        where.append(f"id IN (SELECT value FROM {conn.each_int})")
        params.append(json.dumps([int(i) for i in ids]))
    if agency:
        where.append("agency_key LIKE ? ESCAPE '\\'")
        key = agency_key(agency) or ""
        params.append("%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if year is not None:
        where.append("year = ?")
        params.append(int(year))
    sql = REPORT_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    return [ReportRow(*r) for r in conn.execute(sql, params)]


class ExportCancelled(ReviewerError):
    """The export was cancelled; no file was written (an earlier file of that name is left as it was)."""


Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
# The progress and cancel of the export running in this thread (set by `reviewer.export.export`): the writers
# stream reports through `iter_cells` (or call `tick`), which reports each one and stops when cancelled.
_WATCH: ContextVar[tuple[Progress | None, Cancel | None] | None] = ContextVar("export_watch", default=None)


@contextmanager
def watching(progress: Progress | None, cancel: Cancel | None) -> Iterator[None]:
    token = _WATCH.set((progress, cancel) if progress or cancel else None)
    try:
        yield
    finally:
        _WATCH.reset(token)


def tick(done: int, total: int) -> None:
    """Report `done` of `total` reports written; raise `ExportCancelled` when the export was cancelled."""
    watch = _WATCH.get()
    if watch is None:
        return
    progress, cancel = watch
    if cancel is not None and cancel():
        raise ExportCancelled("导出已取消")
    if progress is not None:
        progress(done, total, f"已写出 {done} / {total} 份报告")


def audit_positions(conn: Db, ids: list[int]) -> dict[int, int]:
    """The id of each report's latest audit line in this snapshot (0 when none): an export carries it with the
    report's version, so an import of edits made in the file can tell what changed in the library since."""
    rows = conn.execute(f"SELECT e.report_id, max(e.id) FROM {conn.each_int} AS j JOIN edits AS e "
                        "ON e.report_id = j.value GROUP BY e.report_id", (json.dumps(ids),)).fetchall()
    out = dict.fromkeys(ids, 0)
    out.update({int(r): int(m) for r, m in rows})
    return out


CellRow = tuple[Any, ...]  # cell id, value, parsed value, origin (and the printed text when asked for)


def iter_cells(conn: Db, ids: list[int], *,
               printed: bool = False) -> Iterator[tuple[int, list[CellRow]]]:
    """(report id, its cells in record order) for each id, in the order given, streamed in one query.
    `printed`: each row has a fifth item, the cell's text as printed."""
    cur = conn.execute(
        "SELECT c.report_id, c.ord, c.cell, c.value, c.parsed, c.origin" + (", c.printed" if printed else "")
        + f" FROM {conn.each_int} AS j JOIN cells AS c ON c.report_id = j.value ORDER BY j.key", (json.dumps(ids),))
    current: int | None = None
    rows: list[tuple[int, CellRow]] = []
    done = 0
    tick(0, len(ids))
    for rid, ord_, cid, *rest in cur:
        if rid != current:
            if current is not None:
                rows.sort(key=_first)
                yield current, [r for _o, r in rows]
                done += 1
                tick(done, len(ids))
            current, rows = rid, []
        rows.append((ord_, (cid, *rest)))
    if current is not None:
        rows.sort(key=_first)
        yield current, [r for _o, r in rows]
        tick(done + 1, len(ids))


def _first(t: tuple[int, Any]) -> int:
    return t[0]


def labels(template: str | None, variant: str | None, cid: str) -> CellLabel:
    """Chinese labels of a cell: the row's group path and label, the column's group and label."""
    table, rest = cid.split(":", 1)
    row, col = rest.rsplit(":", 1)
    return cell_label(template, variant if table == "table2" else None, table, row, col)


def _temp_beside(target: Path) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; an export is an ordinary file
    return tmp


@contextmanager
def atomic_file(path: str | Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename it over `path` once complete: a reader never sees
    half a file, and a failed export leaves any earlier file untouched."""
    target = Path(path)
    tmp = _temp_beside(target)
    try:
        with open(tmp, mode, **kwargs) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Like `atomic_file` for writers that want a path (openpyxl)."""
    target = Path(path)
    tmp = _temp_beside(target)
    try:
        yield Path(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
