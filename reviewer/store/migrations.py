"""Bringing a library to the current schema, one version at a time: on SQLite `PRAGMA user_version`, on
PostgreSQL `library_meta.schema_version`, with the same numbering (`schema.py`, `pg_schema.py`)."""

from __future__ import annotations

from collections.abc import Callable

from reviewer.errors import ReviewerError
from reviewer.store import audit_trail, pg_roles, pg_schema
from reviewer.store.backend import Db
from reviewer.store.db import now, split_script, write
from reviewer.store.normalize import agency_key
from reviewer.store.schema import (
    APPEND_ONLY,
    PEOPLE_VERSION,
    SCHEMA_VERSION,
    STATUS_CHECK_V1,
    STATUS_CHECK_V5,
    V1,
    V2,
    V3,
    V4,
    V5,
    append_only_triggers,
)

_SQLITE = {1: V1, 2: V2, 3: V3, 4: V4}


def _script(conn: Db, version: int) -> None:
    if conn.kind == "sqlite":
        conn.script(split_script(_SQLITE[version]))
    else:
        conn.script([pg_schema.SCRIPTS[version]])


def _v1(conn: Db) -> None:
    _script(conn, 1)
    conn.execute("INSERT INTO library_meta(key, value) VALUES ('created_at', ?)", (now(),))


def _v2(conn: Db) -> None:
    _script(conn, 2)
    rows = conn.execute("SELECT id, agency FROM reports").fetchall()
    conn.executemany("UPDATE reports SET agency_key = ? WHERE id = ?", [(agency_key(a), i) for i, a in rows])


def _v3(conn: Db) -> None:
    _script(conn, 3)


def _v5(conn: Db) -> None:
    if conn.kind != "sqlite":
        conn.script([pg_schema.SCRIPTS[PEOPLE_VERSION]])
        return
    conn.script(split_script(V5))
    # widen the status CHECK (SQLite's documented way to change a constraint that leaves the rows' format as it is)
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'reports'").fetchone()
    if STATUS_CHECK_V1 not in sql:
        raise ReviewerError(f"资料库的 reports 表定义与预期不符，无法升级到架构版本 {PEOPLE_VERSION}")
    (schema_version,) = conn.execute("PRAGMA schema_version").fetchone()
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'reports'",
                     (sql.replace(STATUS_CHECK_V1, STATUS_CHECK_V5),))
        conn.execute(f"PRAGMA schema_version = {int(schema_version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


def _v4(conn: Db) -> None:
    _script(conn, 4)
    link_unlinked(conn)


def link_unlinked(conn: Db) -> int:
    """Link the audit entries written before the chain existed (v4's step; a repaired older library): the
    append-only triggers are lifted for this only (inside the step's transaction) and put back as they were."""
    if conn.kind == "sqlite":
        for table in APPEND_ONLY:
            conn.execute(f"DROP TRIGGER {table}_no_update")
    else:
        conn.script([f"ALTER TABLE {table} DISABLE TRIGGER {table}_no_update" for table in APPEND_ONLY])
    n = audit_trail.backfill(conn)
    if conn.kind == "sqlite":
        conn.script([stmt for stmt in split_script(append_only_triggers(*APPEND_ONLY)) if "_no_update" in stmt])
    else:
        conn.script([f"ALTER TABLE {table} ENABLE TRIGGER {table}_no_update" for table in APPEND_ONLY])
    return n


STEPS: dict[int, Callable[[Db], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4}
STEPS[PEOPLE_VERSION] = _v5  # team mode's people: claims, 待复核 (v5, after the audit chain's v4)
assert max(STEPS) == SCHEMA_VERSION
assert max(pg_schema.SCRIPTS) == SCHEMA_VERSION


def user_version(conn: Db) -> int:
    """The schema version the library has (0: an empty file or database)."""
    if conn.kind == "sqlite":
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    if conn.execute("SELECT to_regclass('library_meta')").fetchone()[0] is None:
        return 0
    row = conn.execute("SELECT value FROM library_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row is not None else 0


def set_version(conn: Db, version: int) -> None:
    if conn.kind == "sqlite":
        conn.execute(f"PRAGMA user_version = {int(version)}")  # an int we control; PRAGMA takes no parameters
    else:
        conn.execute("INSERT INTO library_meta(key, value) VALUES ('schema_version', ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(version),))


def ensure_search(conn: Db) -> bool:
    """On PostgreSQL, the trigram indexes of the text filter (`pg_schema.SEARCH`) when the server allows them;
    False when it does not (the library works without them)."""
    if conn.kind == "sqlite":
        return False
    if conn.execute("SELECT to_regclass('reports_search_year')").fetchone()[0] is not None:
        return True
    try:
        with conn.write():
            conn.script([pg_schema.SEARCH])
    except ReviewerError:  # no pg_trgm on the server, or no right to create it: a slower text filter
        return False
    return True


def migrate(conn: Db) -> int:
    """Run the missing steps, each in its own transaction. Returns the version the library had (0: new)."""
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
            set_version(conn, v + 1)
    if conn.kind == "postgresql" and (first or 0) < SCHEMA_VERSION and pg_roles.roles_exist(conn):
        # a table a step added gets its grants
        pg_roles.apply(conn)
    return first
