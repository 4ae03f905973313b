"""The store's database seam: one small connection interface over SQLite and PostgreSQL.

The store writes its SQL once, with `?` placeholders, and runs it through a `Db` (`base.Db`): `sqlite.SqliteDb`
hands it to sqlite3 as it is, `postgres.PgDb` to psycopg 3 with its placeholders rewritten. The few places where
the two SQL dialects differ ask the connection (`Db.each_int`, `Db.group_concat`, …). Errors of either driver
come out as the driver's own (SQLite) or as `DbError` (PostgreSQL); `ERRORS` and `INTEGRITY_ERRORS` catch both.
"""

from __future__ import annotations

from reviewer.store.backend.base import (
    ERRORS,
    INTEGRITY_ERRORS,
    Cursor,
    Db,
    DbClosed,
    DbConnectionLost,
    DbError,
    DbIntegrityError,
    is_server_url,
    redact,
)


def open_db(location: str, *, readonly: bool = False) -> Db:
    """A connection to a server library (`postgresql://…`). SQLite files are opened by `reviewer.store.opening`,
    which checks the file first."""
    from reviewer.store.backend.postgres import PgDb

    return PgDb(location, readonly=readonly)


def server_reader(url: str) -> Db:
    """A read-only connection of its own to a server library, in one snapshot until closed (exports, charts)."""
    db = open_db(url, readonly=True)
    db.begin_snapshot()
    return db


__all__ = ["ERRORS", "INTEGRITY_ERRORS", "Cursor", "Db", "DbClosed", "DbConnectionLost", "DbError", "DbIntegrityError",
           "is_server_url", "open_db", "redact", "server_reader"]
