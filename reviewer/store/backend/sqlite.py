"""The SQLite backend: a library file through the standard sqlite3 module, its SQL passed as written."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class SqliteDb:
    """A `Db` over one sqlite3 connection (autocommit mode: `isolation_level=None`)."""

    kind = "sqlite"

    def __init__(self, raw: sqlite3.Connection, location: str, *, readonly: bool = False) -> None:
        self.raw = raw
        self.location = location
        self.readonly = readonly

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.raw.executemany(sql, rows)

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        marks = ", ".join("?" * len(columns))
        self.raw.executemany(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({marks})", rows)

    def bulk(self, on: bool) -> None:
        # WAL: a commit survives a killed process; fsync at checkpoints
        self.raw.execute(f"PRAGMA synchronous={'NORMAL' if on else 'FULL'}")

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        return int(self.raw.execute(sql + " RETURNING id", params).fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[SqliteDb]:
        """BEGIN IMMEDIATE takes the write lock first (another process waits up to the busy timeout)."""
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self._rollback()
            raise
        try:
            self.raw.execute("COMMIT")
        except sqlite3.Error:  # disk full, I/O error: the transaction is not on disk
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back if a transaction is still open (SQLite may have rolled it back itself, e.g. on a full disk)."""
        if self.raw.in_transaction:
            try:
                self.raw.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    @contextmanager
    def snapshot(self) -> Iterator[SqliteDb]:
        """A deferred transaction: every SELECT inside sees the same state (WAL)."""
        self.raw.execute("BEGIN")
        try:
            yield self
        finally:
            self.raw.execute("COMMIT")

    def begin_snapshot(self) -> None:
        self.raw.execute("BEGIN")

    def script(self, statements: Sequence[str]) -> None:
        for stmt in statements:
            self.raw.execute(stmt)

    @property
    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def close(self) -> None:
        self.raw.close()

    each_int = "json_each(?)"
    each_text = "json_each(?)"
    insert_order = "rowid"

    def group_concat(self, expr: str) -> str:
        return f"group_concat({expr})"

    def any_value(self, value: Any) -> Any:
        return value

    def __repr__(self) -> str:
        return f"SqliteDb({self.location!r})"
