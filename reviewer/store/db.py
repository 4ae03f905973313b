"""The SQLite connection: WAL, foreign keys, durable commits and one write transaction helper."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reviewer.errors import ReviewerError

BUSY_TIMEOUT_S = 15.0


def now() -> str:
    """UTC time, ISO 8601 to the millisecond (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open the library file. Autocommit mode: every write goes through `write()` and commits before it returns."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")  # a commit that returned is on disk
    except sqlite3.DatabaseError as exc:
        raise ReviewerError(f"{path}: 不是审核台资料库，或文件已损坏（{exc}）") from exc
    return conn


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. BEGIN IMMEDIATE takes the write lock first, so a version read inside it cannot
    change before the commit (another process waits up to BUSY_TIMEOUT_S)."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise ReviewerError(f"资料库正被另一程序占用，请稍后再试（{exc}）") from exc
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


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
