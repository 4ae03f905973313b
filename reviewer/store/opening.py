"""Opening a library safely: a new file is created, an existing one is checked before any write; a server's
database is used only when it is empty or already a library."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reviewer.errors import StoreError
from reviewer.store.backend import Db, open_db
from reviewer.store.backend.sqlite import SqliteDb
from reviewer.store.db import connect, connect_readonly
from reviewer.store.guard import check_file, check_library, store_error


def _writable(path: Path) -> bool:
    """The file and its folder can be written (WAL mode writes -wal and -shm files beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def guard_open(path: Path) -> tuple[SqliteDb, bool]:
    """A connection to the library at `path` and whether it is read-only.

    A missing file becomes a new library; an existing one must be an undamaged library (see `guard`)."""
    if not check_file(path):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: 无法新建资料库所在的文件夹（{exc.strerror or exc}）") from exc
        return connect(path), False
    try:  # checked through a read-only connection: nothing is written (not even the WAL mark) before
        probe = connect_readonly(path)
    except sqlite3.Error as exc:
        raise store_error(exc, path, "打开") from exc
    try:
        check_library(probe, path)
    finally:
        probe.close()
    readonly = not _writable(path)
    return connect(path, readonly=readonly), readonly


def open_location(url: str) -> tuple[Db, bool]:
    """A connection to a library on a PostgreSQL server (`postgresql://…`). An empty database becomes a library;
    one holding another program's tables is refused untouched."""
    try:
        db = open_db(url)
    except ImportError as exc:
        raise StoreError("连接 PostgreSQL 资料库需要 psycopg：pip install 'psycopg[binary]'") from exc
    try:
        if db.execute("SELECT to_regclass('library_meta')").fetchone()[0] is None:
            tables = [t for (t,) in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename LIMIT 5")]
            if tables:
                raise StoreError(f"{db.location}: 数据库中已有其他程序的表（{'、'.join(tables)}），不是审核台资料库；"
                                 "未作任何改动。请为资料库新建一个空数据库")
    except BaseException:
        db.close()
        raise
    return db, False


def server_integrity(db: Db) -> str:
    """'ok' when every row of a server library belongs to a report and every edited cell agrees with its trail
    (the server keeps its own files sound: pg_amcheck checks those)."""
    from reviewer.store.guard import trail_mismatches

    orphans = db.execute(
        "SELECT (SELECT count(*) FROM cells WHERE report_id NOT IN (SELECT id FROM reports)) + "
        "(SELECT count(*) FROM edits WHERE report_id NOT IN (SELECT id FROM reports))").fetchone()[0]
    if orphans:
        return f"{orphans} 行数据没有所属报告"
    for (rid,) in db.execute("SELECT DISTINCT report_id FROM cells WHERE origin = 'edited'").fetchall():
        bad = trail_mismatches(db, rid)
        if bad:
            return f"报告 #{rid} 的 {bad[0][0]} 与修改记录不一致"
    return "ok"
