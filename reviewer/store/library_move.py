"""Moving a local library (a SQLite file) into a team's library on a PostgreSQL server (`reviewer migrate`).

- The file is first copied (SQLite's online backup: consistent while the app has it open, the original never
  written) and the copy brought to the current schema; its audit chains must verify, or nothing is moved.
- The target must be an empty library (a new database becomes one); one that holds reports is refused.
- Every table of the library is copied in one transaction holding the server's write lock, every row with its
  ids as they are (the identity counters are then moved past them; `library_meta`'s settings too, but the
  server's own schema version and creation time), so references (`version_of`, `batch`,
  `verification_id`, a `choose_version` line's report ids) and the audit chains — which hash report ids and
  references — hold unchanged. A failure anywhere rolls the transaction back: the target keeps no row of the
  source (a new database is left an empty library) and the move can simply be run again.
- Afterwards both sides are compared table by table: the count of rows and a checksum of the table's content
  (`table_checksum`), and the target's audit chains are walked (`audit_trail.verify`).
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store import audit_trail
from reviewer.store.backend import Db

# Parents before the rows that refer to them; a table not named here (a later version's) comes after, by name.
ORDER = ("reports", "documents", "cells", "findings", "edits", "verifications", "acknowledgements", "conflicts",
         "confirmations", "audit_heads")
SKIP = ("library_meta",)  # copied by `_copy_meta`: the schema version and creation time are each side's own
OWN_META = ("schema_version", "created_at")
CHUNK = 500
Progress = Callable[[str, int, int], None]  # (table, rows done, rows in the table)


@dataclass(slots=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def same(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sum == self.target_sum


@dataclass(slots=True)
class MoveSummary:
    source: str
    target: str
    tables: list[TableCheck] = field(default_factory=list)
    audit: audit_trail.AuditReport | None = None

    def rows(self, table: str) -> int:
        return next((t.target_rows for t in self.tables if t.table == table), 0)

    @property
    def ok(self) -> bool:
        return all(t.same for t in self.tables) and self.audit is not None and self.audit.intact

    def line(self) -> str:
        counts = (f"{self.rows('reports')} 份报告、{self.rows('cells')} 个单元格、{self.rows('edits')} 条修改记录、"
                  f"{self.rows('verifications')} 次核实、{self.rows('acknowledgements')} 条警告说明、"
                  f"{self.rows('confirmations')} 个源文件错误")
        if self.ok:
            assert self.audit is not None
            return (f"已迁移 {self.source} → {self.target}：{counts}；{len(self.tables)} 张表的行数与校验和两边一致，"
                    f"审核记录哈希链完好（{self.audit.entries} 条）")
        bad = [t.table for t in self.tables if not t.same]
        parts = []
        if bad:
            parts.append("行数或校验和不一致的表：" + "、".join(
                f"{t.table}（{t.source_rows} → {t.target_rows}）" for t in self.tables if not t.same))
        if self.audit is not None and not self.audit.intact:
            parts.append(f"目标资料库有 {len(self.audit.breaks)} 份报告的审核记录哈希链断开")
        return f"迁移 {self.source} → {self.target} 后核对失败：" + "；".join(parts)


def row_form(row: Sequence[object]) -> bytes:
    """A row's canonical form for the checksum: Python's `repr` of the tuple of its values, UTF-8. Both sides
    are read into the same Python types (int, float, str, bytes, None), whose reprs differ by type — 13 and
    13.0, '13' and 13, None and '' — and escape text the same way every time."""
    return repr(tuple(row)).encode("utf-8")


class Checksum:
    """The checksum of a table's content: the sum modulo 2^256 of the SHA-256 of each row's `row_form`, as 64
    hex digits — a sum, so it does not depend on the order rows come in (text collations differ)."""

    def __init__(self) -> None:
        self.rows = 0
        self.total = 0

    def add(self, row: Sequence[object]) -> None:
        self.total = (self.total + int.from_bytes(hashlib.sha256(row_form(row)).digest(), "big")) & MASK
        self.rows += 1

    @property
    def hex(self) -> str:
        return f"{self.total:064x}"


MASK = (1 << 256) - 1


def table_checksum(db: Db, table: str, columns: list[str]) -> tuple[int, str]:
    """(rows, checksum) of a table (`Checksum`) over `columns`."""
    check = Checksum()
    for row in _read(db, table, columns):
        check.add(row)
    return check.rows, check.hex


def _read(db: Db, table: str, columns: list[str]) -> Iterator[tuple[object, ...]]:
    cur = db.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while True:
        rows = cur.fetchmany(CHUNK)  # type: ignore[attr-defined]
        if not rows:
            return
        yield from rows


def _sqlite_tables(db: Db) -> list[str]:
    names = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                      "'sqlite_%'")]
    known = [t for t in ORDER if t in names]
    return known + sorted(t for t in names if t not in ORDER and t not in SKIP)


def _sqlite_columns(db: Db, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]


def _pg_columns(db: Db, table: str) -> dict[str, str]:
    return {c: t for c, t in db.execute("SELECT column_name, data_type FROM information_schema.columns WHERE "
                                        "table_schema = current_schema() AND table_name = ?", (table,))}


def _copy_of(path: Path, into: Path) -> Path:
    """A consistent copy of the library file (the online backup API), never writing the original."""
    copy = into / "source.sqlite3"
    src = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return copy


def move(source: str | Path, target: str, *, progress: Progress | None = None,
         fail_after: str | None = None) -> MoveSummary:
    """Move the library file `source` into the empty server library `target` (see the module's docstring).
    `fail_after` (tests only) raises after that table was copied, inside the transaction."""
    from reviewer.store.library import Library  # the store's facade, for opening and migrating both sides

    path = Path(source)
    if not path.is_file():
        raise StoreError(f"{path}: 资料库文件不存在")
    with tempfile.TemporaryDirectory(prefix="rr-migrate-") as tmp:
        try:
            copy = _copy_of(path, Path(tmp))
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: 无法读取资料库（{exc}）") from exc
        with Library(copy, seed_samples=False) as src, Library(target, seed_samples=False) as dst:
            summary = MoveSummary(str(path), dst.location)
            before = src.verify_audit()
            if not before.intact:
                raise StoreError(f"{path}: 审核记录哈希链已断开（{before.break_line(before.breaks[0])}），未迁移；"
                                 "请先运行 reviewer audit verify 查明")
            s, d = src.connection, dst.connection
            held = int(d.execute("SELECT count(*) FROM reports").fetchone()[0])
            if held:
                raise StoreError(f"{dst.location}: 目标资料库已有 {held} 份报告；迁移只写入空资料库，未作任何改动")
            tables = _sqlite_tables(s)
            missing = [t for t in tables if not _pg_columns(d, t)]
            if missing:
                raise StoreError(f"{dst.location}: 目标资料库没有表 {'、'.join(missing)}；请先升级服务器上的资料库")
            sums: dict[str, Checksum] = {}
            with d.write():
                for table in tables:
                    sums[table] = _copy_table(s, d, table, progress)
                    if table == fail_after:
                        raise StoreError(f"迁移在复制 {table} 之后中断（测试）")
                for table in tables:
                    if "id" in _pg_columns(d, table):
                        d.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")
                meta = _copy_meta(s, d, path)
            summary.tables.append(meta_check(s, d, meta))
            for table in tables:
                n_dst, sum_dst = table_checksum(d, table, _sqlite_columns(s, table))
                summary.tables.append(TableCheck(table, sums[table].rows, n_dst, sums[table].hex, sum_dst))
            summary.audit = dst.verify_audit()
    return summary


def _copy_meta(s: Db, d: Db, path: Path) -> list[str]:
    """The library's settings and facts (`library_meta`) but its own schema version and creation time (the file's
    is kept as `source_created_at`), plus `migrated_from`. Returns the keys copied."""
    rows = [(k, v) for k, v in s.execute("SELECT key, value FROM library_meta") if k not in OWN_META]
    created = s.execute("SELECT value FROM library_meta WHERE key = 'created_at'").fetchone()
    rows += [("source_created_at", created[0] if created else None), ("migrated_from", str(path.resolve()))]
    for k, v in rows:
        d.execute("INSERT INTO library_meta(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                  "excluded.value", (k, v))
    return [k for k, _ in rows if k not in ("source_created_at", "migrated_from")]


def meta_check(s: Db, d: Db, keys: list[str]) -> TableCheck:
    """`library_meta` compared on the keys copied."""
    sums = []
    for db in (s, d):
        check = Checksum()
        for k, v in db.execute("SELECT key, value FROM library_meta"):
            if k in keys:
                check.add((k, v))
        sums.append(check)
    return TableCheck("library_meta", sums[0].rows, sums[1].rows, sums[0].hex, sums[1].hex)


def _copy_table(s: Db, d: Db, table: str, progress: Progress | None) -> Checksum:
    """Copy one table by COPY (psycopg's connection), the source's checksum taken from the rows as they pass."""
    cols = _sqlite_columns(s, table)
    types = _pg_columns(d, table)
    lacking = [c for c in cols if c not in types]
    if lacking:
        raise StoreError(f"{d.location}: 表 {table} 缺少列 {'、'.join(lacking)}；请先升级服务器上的资料库")
    jsonb = [i for i, c in enumerate(cols) if types[c] == "jsonb"]
    total = int(s.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    check = Checksum()
    raw = getattr(d, "raw")  # noqa: B009 - PgDb's psycopg connection: COPY is many times faster than INSERTs
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
        for row in _read(s, table, cols):
            check.add(row)
            if jsonb:
                values = list(row)
                for i in jsonb:
                    values[i] = d.any_value(values[i])
                row = tuple(values)
            copy.write_row(row)
            if progress is not None and check.rows % CHUNK == 0:
                progress(table, check.rows, total)
    if progress is not None:
        progress(table, check.rows, total)
    return check
