"""Bringing a library file to the current schema, one `PRAGMA user_version` step at a time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reviewer.errors import ReviewerError
from reviewer.store import audit_trail
from reviewer.store.db import now, split_script, write
from reviewer.store.normalize import agency_key
from reviewer.store.schema import APPEND_ONLY, SCHEMA_VERSION, V1, V2, V3, V4, append_only_triggers


def _v1(conn: sqlite3.Connection) -> None:
    for stmt in split_script(V1):
        conn.execute(stmt)
    conn.execute("INSERT INTO library_meta(key, value) VALUES ('created_at', ?)", (now(),))


def _v2(conn: sqlite3.Connection) -> None:
    for stmt in split_script(V2):
        conn.execute(stmt)
    rows = conn.execute("SELECT id, agency FROM reports").fetchall()
    conn.executemany("UPDATE reports SET agency_key = ? WHERE id = ?", [(agency_key(a), i) for i, a in rows])


def _v3(conn: sqlite3.Connection) -> None:
    for stmt in split_script(V3):
        conn.execute(stmt)


def _v4(conn: sqlite3.Connection) -> None:
    for stmt in split_script(V4):
        conn.execute(stmt)
    link_unlinked(conn)


def link_unlinked(conn: sqlite3.Connection) -> int:
    """Link the audit entries written before the chain existed (v4's step; a repaired older library): the
    append-only triggers are lifted for this only and put back as v1 wrote them. Returns how many."""
    for table in APPEND_ONLY:
        conn.execute(f"DROP TRIGGER {table}_no_update")
    n = audit_trail.backfill(conn)
    for stmt in split_script(append_only_triggers(*APPEND_ONLY)):
        if "_no_update" in stmt:
            conn.execute(stmt)
    return n


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4}
assert max(STEPS) == SCHEMA_VERSION


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Run the missing steps, each in its own transaction. Returns the version the file had (0: new file)."""
    found = user_version(conn)
    if found > SCHEMA_VERSION:
        raise ReviewerError(f"此资料库的架构版本为 {found}，高于本程序支持的 {SCHEMA_VERSION}；请升级程序后再打开")
    if found == SCHEMA_VERSION:
        return found
    first: int | None = None
    while True:
        with write(conn):
            v = user_version(conn)  # read again under the lock: another process may have migrated meanwhile
            if first is None:
                first = v
            if v >= SCHEMA_VERSION:
                break
            STEPS[v + 1](conn)
            conn.execute(f"PRAGMA user_version = {v + 1}")  # an int we control; PRAGMA takes no parameters
    return first
