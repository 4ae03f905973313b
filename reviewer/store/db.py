"""The SQLite connection: WAL, foreign keys, durable commits and one write transaction helper."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

BUSY_TIMEOUT_S = 15.0


def now() -> str:
    """UTC time, ISO 8601 to the millisecond (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
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
    return conn


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


def db_path(conn: sqlite3.Connection) -> str:
    """The file a connection works on (for messages)."""
    try:
        for _seq, name, file in conn.execute("PRAGMA database_list"):
            if name == "main":
                return str(file)
    except sqlite3.Error:
        pass
    return "资料库"


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. BEGIN IMMEDIATE takes the write lock first, so a version read inside it cannot
    change before the commit (another process waits up to BUSY_TIMEOUT_S)."""
    from reviewer.store.guard import store_error

    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise store_error(exc, db_path(conn), "保存修改") from exc
    try:
        yield conn
    except BaseException as exc:
        _rollback(conn)
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError):
            raise store_error(exc, db_path(conn), "保存修改") from exc
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:  # disk full, I/O error: the transaction is not on disk
        _rollback(conn)
        raise store_error(exc, db_path(conn), "保存修改") from exc


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open (SQLite may have rolled it back itself, e.g. on a full disk)."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


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


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A consistent snapshot for several SELECTs (a deferred transaction)."""
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")
