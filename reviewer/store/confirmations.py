"""Findings confirmed as defects of the source (源文件错误): the `confirmations` table, read and written.

The table holds the confirmations in force, one per finding key; the audit trail (`edits`, kinds `confirm`,
`should_be`, `withdraw`) keeps every one ever made. A confirmation stays while its finding goes away (an edit
resolved it after all) and applies again when the finding comes back (an undo): `active` says which.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reviewer.store.backend import Db
from reviewer.store.types import Confirmation

_COLUMNS = "finding_key, rule, severity, cells, message, reason, should_be, reviewer, at, batch"
_UPSERT = ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS.split(", ")[1:])


def _make(row: tuple[Any, ...], active: bool = True) -> Confirmation:
    key, rule, severity, cells, message, reason, should_be, reviewer, at, batch = row
    return Confirmation(key, rule, severity, json.loads(cells), message, reason, json.loads(should_be), reviewer, at,
                        int(batch), active)


def by_key(conn: Db, report_id: int) -> dict[str, Confirmation]:
    """The confirmations of a report by finding key (whether their finding is current or not)."""
    return {c.finding_key: c for c in (_make(r) for r in conn.execute(
        f"SELECT {_COLUMNS} FROM confirmations WHERE report_id = ? ORDER BY at, batch", (report_id,)))}


def listed(conn: Db, report_id: int, current_keys: Iterable[str]) -> list[Confirmation]:
    """The confirmations of a report, `active` set from the current findings' keys: active ones first."""
    keys = set(current_keys)
    out = list(by_key(conn, report_id).values())
    for c in out:
        c.active = c.finding_key in keys
    return sorted(out, key=lambda c: not c.active)


def put(conn: Db, report_id: int, c: Confirmation) -> None:
    conn.execute(f"INSERT INTO confirmations(report_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 f"ON CONFLICT (report_id, finding_key) DO UPDATE SET {_UPSERT}",
                 (report_id, c.finding_key, c.rule, c.severity, json.dumps(c.cells, ensure_ascii=False), c.message,
                  c.reason, json.dumps(c.should_be, ensure_ascii=False), c.reviewer, c.at, c.batch))


def remove(conn: Db, report_id: int, key: str) -> None:
    conn.execute("DELETE FROM confirmations WHERE report_id = ? AND finding_key = ?", (report_id, key))
