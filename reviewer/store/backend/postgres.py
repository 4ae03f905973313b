"""The PostgreSQL backend (psycopg 3): a team's library on a server.

The store's SQL is written once with `?` placeholders; `translate` turns it into psycopg's (`%t`, every
parameter sent as text) and SQLite's case-blind LIKE into ILIKE. Values keep their nature as in SQLite: cell
values are NUMERIC whose scale survives (a float is sent as its decimal text, 13.0 stays `13.0`; read back,
a numeric without decimals is an int and one with decimals a float), the audit trail's untyped old/new values
are JSONB (a number, a text or null). Every write transaction takes one advisory lock first, as SQLite's
BEGIN IMMEDIATE takes the file's write lock: writers queue, readers never wait, and a version checked inside
cannot change before the commit. A broken connection (the server restarted, the network dropped) raises
`DbConnectionLost` with a one-line reason; the next call connects again.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import pq
from psycopg.adapt import Dumper, Loader
from psycopg.types.json import Jsonb

from reviewer.store.backend.base import DbClosed, DbConnectionLost, DbError, DbIntegrityError, redact

WRITE_LOCK = 0x52525752  # pg_advisory_xact_lock key of the library's writers ("RRWR")
CONNECT_TIMEOUT_S = 10
RETRY_AFTER_S = 2.0  # after a failed reconnect, calls fail at once for this long (a window repaints often)

_LIKE = re.compile(r"\bLIKE\b")


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """`?` -> `%t` outside quoted literals, `%` -> `%%`, LIKE -> ILIKE (SQLite's LIKE ignores ASCII case)."""
    out: list[str] = []
    quoted = False
    for ch in sql:
        if quoted:
            out.append("%%" if ch == "%" else ch)
            quoted = ch != "'"
        elif ch == "'":
            out.append(ch)
            quoted = True
        elif ch == "?":
            out.append("%t")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return _LIKE.sub("ILIKE", "".join(out))


class _FloatAsNumeric(Dumper):
    """A float goes to the server as its shortest decimal text typed numeric: 13.0 is stored with its scale."""

    oid = 1700  # numeric

    def dump(self, obj: Any) -> bytes:
        f = float(obj)
        if f != f:
            return b"NaN"
        if f in (float("inf"), float("-inf")):
            return b"Infinity" if f > 0 else b"-Infinity"
        s = repr(f)
        if "e" in s or "E" in s:
            s = format(Decimal(s), "f")
            if "." not in s:
                s += ".0"
        return s.encode()


class _NumericAsNumber(Loader):
    """A numeric read back: an int when it has no decimals, else a float (as SQLite gives INTEGER and REAL)."""

    def load(self, data: Any) -> int | float:
        s = bytes(data).decode()
        if "." in s or s in ("NaN", "Infinity", "-Infinity"):
            return float(s)
        return int(s)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:160] if text else type(exc).__name__


def convert(exc: psycopg.Error, location: str) -> DbError:
    """The driver's error as the store's: a one-line reason naming the server."""
    if isinstance(exc, psycopg.IntegrityError):
        return DbIntegrityError(_first_line(exc))
    if isinstance(exc, psycopg.OperationalError) and (
            not isinstance(exc, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable)):
        return DbConnectionLost(f"与资料库服务器 {location} 的连接中断或无法连接（{_first_line(exc)}）")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return DbError(f"资料库服务器 {location} 拒绝了此操作：没有权限（{_first_line(exc)}）")
    return DbError(f"资料库服务器 {location} 出错（{_first_line(exc)}）")


class PgDb:
    """A `Db` over one psycopg connection in autocommit mode, connected again after a break."""

    kind = "postgresql"

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url.strip()
        self.location = redact(self.url)
        self.readonly = readonly
        self._guard = threading.RLock()
        self._closed = False
        self._down: tuple[float, DbConnectionLost] | None = None  # when the last reconnect failed, and why
        self._bulk = False  # a batch import runs (`bulk`)
        self.raw: psycopg.Connection[Any] = self._connect()

    # -- the connection ----------------------------------------------------------------------------------
    def _connect(self) -> psycopg.Connection[Any]:
        try:
            raw = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                  application_name="report-reviewer")
        except psycopg.Error as exc:
            if hasattr(self, "raw"):  # a reconnect
                raise DbConnectionLost(f"与资料库服务器 {self.location} 的连接中断，暂时无法重新连接"
                                       f"（{_first_line(exc)}）") from exc
            raise DbConnectionLost(f"无法连接资料库服务器 {self.location}（{_first_line(exc)}）") from exc
        raw.adapters.register_dumper(float, _FloatAsNumeric)
        raw.adapters.register_loader("numeric", _NumericAsNumber)
        if self.readonly:
            raw.execute("SET default_transaction_read_only = on")
        return raw

    def _ensure(self, wait: bool = False) -> psycopg.Connection[Any]:
        """The live connection; a new one when the last broke (outside a transaction only). Within RETRY_AFTER_S
        of a failed reconnect a read fails at once with the same reason (`wait`: a write always tries)."""
        if self._closed:
            raise DbClosed(f"资料库 {self.location} 已关闭")
        if self.raw.closed or self.raw.broken:
            if not wait and self._down is not None and time.monotonic() - self._down[0] < RETRY_AFTER_S:
                raise self._down[1]
            try:
                self.raw = self._connect()
            except DbConnectionLost as exc:
                self._down = (time.monotonic(), exc)
                raise
            self._down = None
        return self.raw

    @property
    def in_transaction(self) -> bool:
        return (not self.raw.closed
                and self.raw.info.transaction_status != pq.TransactionStatus.IDLE)

    def close(self) -> None:
        with self._guard:
            self._closed = True
            self.raw.close()

    # -- statements --------------------------------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[Any]:
        with self._guard:
            query = translate(sql)
            read = sql.lstrip()[:6].upper() in ("SELECT", "WITH")
            retry = read and not self.in_transaction
            # While an import runs the library may grow from nothing: a read's plan kept from its first reports
            # (a scan of a table of ten rows) would scan thousands, so each read is planned for the table as it is.
            prepare = False if self._bulk and read else None
            try:
                return self._ensure().execute(query, tuple(params), prepare=prepare)
            except psycopg.OperationalError as exc:
                if retry and self.raw.broken:  # a read on a connection that broke while idle: once more
                    try:
                        return self._ensure().execute(query, tuple(params))
                    except psycopg.Error as again:
                        raise convert(again, self.location) from again
                raise convert(exc, self.location) from exc
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self._guard:
            try:
                with self._ensure().cursor() as cur:
                    cur.executemany(translate(sql), [tuple(r) for r in rows])
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc

    def copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self._guard:
            try:
                with self._ensure().cursor() as cur, cur.copy(
                        f"COPY {table} ({', '.join(columns)}) FROM STDIN".encode()) as copy:
                    for row in rows:
                        copy.write_row(row)
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc

    def bulk(self, on: bool) -> None:
        with self._guard:
            try:
                self._ensure().execute(f"SET synchronous_commit = {'off' if on else 'on'}".encode())
                self._bulk = on
                if not on:  # a commit that waits for the disk flushes the WAL of every commit before it
                    try:
                        with self.write():
                            self.raw.execute(b"INSERT INTO library_meta(key, value) VALUES ('last_import', "
                                             b"now()::text) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                    except psycopg.errors.InsufficientPrivilege:
                        pass  # a role that may not write it: the server's WAL writer flushes within a second
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc

    def insert(self, sql: str, params: Sequence[Any] = ()) -> int:
        row = self.execute(sql + " RETURNING id", params).fetchone()
        assert row is not None
        return int(row[0])

    def script(self, statements: Sequence[str]) -> None:
        with self._guard:
            try:
                for stmt in statements:
                    self._ensure().execute(stmt.encode())  # DDL as written: no placeholders
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc

    # -- transactions ------------------------------------------------------------------------------------
    def _begin(self, statement: str) -> None:
        """BEGIN, connecting again first when the connection broke while idle (nothing was sent yet)."""
        try:
            self._ensure(wait=True).execute(statement.encode())
        except psycopg.OperationalError:
            if not self.raw.broken:
                raise
            self._ensure(wait=True).execute(statement.encode())

    def _rollback(self) -> None:
        if not self.raw.closed and not self.raw.broken and self.in_transaction:
            try:
                self.raw.execute(b"ROLLBACK")
            except psycopg.Error:
                pass

    @contextmanager
    def write(self) -> Iterator[PgDb]:
        with self._guard:
            try:
                # one round trip: no parameters, so both statements go in one simple query
                self._begin(f"BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            except psycopg.Error as exc:
                self._rollback()
                raise convert(exc, self.location) from exc
            try:
                yield self
            except BaseException:
                self._rollback()
                raise
            try:
                self.raw.execute(b"COMMIT")
            except psycopg.Error as exc:  # the server went away: whether it committed is unknown to us
                self._rollback()
                raise convert(exc, self.location) from exc

    @contextmanager
    def snapshot(self) -> Iterator[PgDb]:
        with self._guard:
            try:
                self._begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc
            try:
                yield self
            finally:
                if self.in_transaction and not self.raw.broken:
                    try:
                        self.raw.execute(b"COMMIT")
                    except psycopg.Error:
                        pass

    def begin_snapshot(self) -> None:
        with self._guard:
            try:
                self._begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            except psycopg.Error as exc:
                raise convert(exc, self.location) from exc

    # -- where the dialects differ -----------------------------------------------------------------------
    each_int = "rr_each_int(?)"
    each_text = "rr_each_text(?)"
    insert_order = "ctid"

    def group_concat(self, expr: str) -> str:
        return f"string_agg(({expr})::text, ',')"

    def any_value(self, value: Any) -> Any:
        return None if value is None else Jsonb(value)

    def __repr__(self) -> str:
        return f"PgDb({self.location!r})"
