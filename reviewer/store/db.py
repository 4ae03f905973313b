"""Opening a SQLite library file (WAL, foreign keys, durable commits) and the transaction helpers of any `Db`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from reviewer.store.backend.base import ERRORS, INTEGRITY_ERRORS, Db
from reviewer.store.backend.sqlite import SqliteDb

BUSY_TIMEOUT_S = 15.0
D = TypeVar("D", bound=Db)


def now() -> str:
    """UTC time, ISO 8601 to the millisecond (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def connect(path: str | Path, *, readonly: bool = False) -> SqliteDb:
    """Open the library file. Autocommit mode: every write goes through `write()` and commits before it returns.

    `readonly` opens it for reading only (a read-only file or folder): lists and exports work, writes are
    refused with a one-line reason."""
    from reviewer.store.guard import store_error

    try:
        if readonly:
            conn = connect_readonly(Path(path))
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")  # a commit that returned is on disk
    except sqlite3.Error as exc:
        raise store_error(exc, path, "打开") from exc
    return SqliteDb(conn, str(path), readonly=readonly)


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Read-only: through SQLite's shared memory when it can open it; on a read-only disk without a -wal file
    (nothing can write there) as an immutable file."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if Path(str(path) + "-wal").exists():
            raise
    return sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def db_path(conn: Db) -> str:
    """The file or server a connection works on (for messages)."""
    return conn.location


@contextmanager
def write(conn: D) -> Iterator[D]:
    """One write transaction (`Db.write`): the write lock first, so a version read inside it cannot change
    before the commit. A failure of the database (not a refused row) is a `StoreError` with a one-line reason."""
    from reviewer.store.guard import store_error

    try:
        with conn.write() as c:
            yield c  # type: ignore[misc]  # Db.write yields the connection itself
    except INTEGRITY_ERRORS:
        raise
    except ERRORS as exc:
        raise store_error(exc, conn.location, "保存修改") from exc


def split_script(script: str) -> list[str]:
    """Complete SQL statements of a script (triggers included), to run them inside one transaction:
    `executescript` would commit first."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not buf.strip().startswith("--"):
        out.append(buf.strip())
    return out


def snapshot(conn: Db) -> AbstractContextManager[Db]:
    """A consistent snapshot for several SELECTs (`Db.snapshot`)."""
    return conn.snapshot()
