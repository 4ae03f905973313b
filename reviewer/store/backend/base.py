"""The connection interface the store uses (`Db`), the errors both backends share, and library addresses."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from reviewer.errors import StoreError

SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: object) -> bool:
    """True for a PostgreSQL address (`postgresql://…` or `postgres://…`), False for a file path."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


def redact(url: str) -> str:
    """The address without its password, for messages and the window title."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", url.strip())


class DbError(StoreError):
    """A server library failed (PostgreSQL); str() is a one-line reason, the driver's error is its cause."""


class DbIntegrityError(DbError):
    """A constraint refused a row (a duplicate, a missing reference)."""


class DbConnectionLost(DbError):
    """The server cannot be reached or the connection broke; the next call connects again."""


class DbClosed(DbError):
    """The library was closed: nothing more is read through this connection."""


ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, DbError)
INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError, DbIntegrityError)


class Cursor(Protocol):
    """What a query returns: rows as tuples."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Db(Protocol):
    """One connection to a library. SQL is written with `?` placeholders; every statement outside `write()` and
    `snapshot()` commits on its own (autocommit)."""

    kind: str  # "sqlite" | "postgresql"
    location: str  # the file's path or the server's address without password (for messages)
    readonly: bool

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows at once (SQLite: executemany; PostgreSQL: COPY, one round trip)."""
        ...

    def bulk(self, on: bool) -> None:
        """While a batch import runs (`on`), commits may skip waiting for the disk: a commit still survives a
        killed client, only a crash of the machine (SQLite) or of the server (PostgreSQL) can lose the last
        few, and nothing is ever corrupted. Turning it off makes everything before durable again."""
        ...

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run an INSERT into a table with an `id` key and return the new row's id."""
        ...

    def write(self) -> AbstractContextManager[Db]:
        """One write transaction holding the library's write lock from its start: a version read inside cannot
        change before the commit. Commits on leaving, rolls back on an exception."""
        ...

    def snapshot(self) -> AbstractContextManager[Db]:
        """A consistent read-only view for several SELECTs."""
        ...

    def begin_snapshot(self) -> None:
        """Start a snapshot that lasts until `close()` (a reader of its own, as an export uses)."""
        ...

    def script(self, statements: Sequence[str]) -> None:
        """Run DDL statements inside the current transaction."""
        ...

    @property
    def in_transaction(self) -> bool: ...

    def close(self) -> None: ...

    # -- where the dialects differ -----------------------------------------------------------------
    @property
    def each_int(self) -> str:
        """A FROM item with one `?` (a JSON array of integers) yielding rows (key = position, value)."""
        ...

    @property
    def each_text(self) -> str:
        """The same for a JSON array of strings."""
        ...

    @property
    def insert_order(self) -> str:
        """An expression ordering an append-only table's rows as they were inserted."""
        ...

    def group_concat(self, expr: str) -> str:
        """An aggregate joining the values of `expr` with commas (NULLs left out), as text."""
        ...

    def any_value(self, value: Any) -> Any:
        """A parameter for an audit line's untyped old/new value (a number, a text or None)."""
        ...
