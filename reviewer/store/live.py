"""Live: what other reviewers change, as it happens.

`Library.watch()` gives a watcher with a blocking `wait(timeout) -> list[LiveEvent]`, meant for a thread of its
own (the window turns the events into refreshes of its list and of the open report):

- PostgreSQL: a connection of its own LISTENs on `reviewer_live`; triggers on `reports` and `claims`
  (the team schema) NOTIFY at commit with the report, its version and who wrote — a change arrives within
  milliseconds;
- SQLite (several processes on one host): a connection of its own polls `PRAGMA data_version` (which moves when
  another connection commits) every `POLL_S`, then reads the audit lines appended since and the claims table.

Each event names a report and who changed it; `kind` is "report" (its values, status or metadata changed: read
it again) or "claim" (who holds it changed).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

CHANNEL = "reviewer_live"
POLL_S = 0.2


@dataclass(frozen=True, slots=True)
class LiveEvent:
    kind: str  # "report" | "claim"
    report_id: int
    by: str | None = None
    version: int | None = None


class Watcher(Protocol):
    def wait(self, timeout: float) -> list[LiveEvent]: ...

    def close(self) -> None: ...


def merge(events: list[LiveEvent]) -> list[LiveEvent]:
    """One event per (kind, report): the latest."""
    out: dict[tuple[str, int], LiveEvent] = {}
    for e in events:
        out.pop((e.kind, e.report_id), None)
        out[(e.kind, e.report_id)] = e
    return list(out.values())


class SqliteWatcher:
    """Changes committed by other connections to a SQLite library (other processes, other `Library` objects)."""

    def __init__(self, path: str | Path) -> None:
        from reviewer.store.db import connect_readonly

        self._conn = connect_readonly(Path(path))
        self._closed = threading.Event()
        self._lock = threading.Lock()  # poll and close never overlap
        self._data_version = self._version()
        self._last_edit = int(self._conn.execute("SELECT coalesce(max(id), 0) FROM edits").fetchone()[0])
        self._last_report = int(self._conn.execute("SELECT coalesce(max(id), 0) FROM reports").fetchone()[0])
        self._claims = self._read_claims()

    def _version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _read_claims(self) -> dict[int, tuple[str, str]]:
        try:
            rows = self._conn.execute("SELECT report_id, holder, claimed_at FROM claims").fetchall()
        except sqlite3.OperationalError:  # a library of an older schema: no claims
            return {}
        return {int(r): (str(h), str(at)) for r, h, at in rows}

    def poll(self) -> list[LiveEvent]:
        """The changes since the last call (none when nothing was committed meanwhile)."""
        with self._lock:
            return [] if self._closed.is_set() else self._poll()

    def _poll(self) -> list[LiveEvent]:
        version = self._version()
        if version == self._data_version:
            return []
        self._data_version = version
        events: list[LiveEvent] = []
        self._conn.execute("BEGIN")
        try:
            for edit_id, rid, by in self._conn.execute(
                    "SELECT id, report_id, reviewer FROM edits WHERE id > ? ORDER BY id", (self._last_edit,)):
                self._last_edit = int(edit_id)
                events.append(LiveEvent("report", int(rid), by))
            for (rid,) in self._conn.execute("SELECT id FROM reports WHERE id > ? ORDER BY id", (self._last_report,)):
                self._last_report = int(rid)
                events.append(LiveEvent("report", int(rid)))
            versions = {}
            ids = sorted({e.report_id for e in events})
            if ids:
                versions = dict(self._conn.execute("SELECT id, version FROM reports WHERE id IN (SELECT value FROM "
                                                   "json_each(?))", (json.dumps(ids),)).fetchall())
            claims = self._read_claims()
        finally:
            self._conn.execute("COMMIT")
        events = [LiveEvent(e.kind, e.report_id, e.by, versions.get(e.report_id)) for e in events]
        for rid in sorted(set(claims) | set(self._claims)):
            if claims.get(rid) != self._claims.get(rid):
                events.append(LiveEvent("claim", rid, (claims.get(rid) or self._claims[rid])[0]))
        self._claims = claims
        return merge(events)

    def wait(self, timeout: float) -> list[LiveEvent]:
        """Block until a change or `timeout` seconds (or `close`)."""
        waited = 0.0
        while not self._closed.is_set():
            events = self.poll()
            if events or waited >= timeout:
                return events
            step = min(POLL_S, timeout - waited)
            self._closed.wait(step)
            waited += step
        return []

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass


def parse_notify(payload: str) -> LiveEvent | None:
    """A NOTIFY payload of the team schema's triggers: {"k": kind, "r": report, "by": who, "v": version}."""
    try:
        d: dict[str, Any] = json.loads(payload)
        return LiveEvent(str(d.get("k", "report")), int(d["r"]), d.get("by"),
                         int(d["v"]) if d.get("v") is not None else None)
    except (ValueError, KeyError, TypeError):
        return None


class ServerWatcher:
    """Notifications of a PostgreSQL library: a connection of its own, LISTENing on `CHANNEL`."""

    def __init__(self, url: str) -> None:
        import psycopg

        from reviewer.store.backend.base import DbConnectionLost, redact

        self.url = url
        self._closed = threading.Event()
        try:
            self._conn = psycopg.connect(url, autocommit=True, application_name="report-reviewer live")
            self._conn.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            raise DbConnectionLost(f"无法连接资料库服务器 {redact(url)} 接收实时更新（{exc}）".splitlines()[0]) from exc

    def wait(self, timeout: float) -> list[LiveEvent]:
        """Block until notifications arrive or `timeout` seconds pass; the ones of a burst come together."""
        import psycopg

        from reviewer.store.backend.base import DbConnectionLost, redact

        payloads: list[str] = []
        try:
            payloads += [n.payload for n in self._conn.notifies(timeout=timeout, stop_after=1)]
            if payloads:  # what else came with it
                payloads += [n.payload for n in self._conn.notifies(timeout=0.02)]
        except psycopg.Error as exc:
            if self._closed.is_set():
                return []
            raise DbConnectionLost(f"与资料库服务器 {redact(self.url)} 的实时连接中断（{exc}）".splitlines()[0]) from exc
        parsed = [parse_notify(p) for p in payloads]
        return merge([e for e in parsed if e is not None])

    def close(self) -> None:
        self._closed.set()
        try:
            self._conn.close()
        except Exception:  # noqa: BLE001 - closing a broken connection
            pass
