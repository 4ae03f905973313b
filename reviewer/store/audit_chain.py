"""The audit trail's hash chain: the canonical form of an entry and its hash. Pure: no database here.

Every entry of the audit trail — a row of `edits`, `verifications` or `acknowledgements` — belongs to one
report and carries `chain_seq` (its place in that report's chain: 1, 2, 3 … across the three tables, in the
order the entries were written) and `chain_hash`:

    chain_hash = lowercase hex SHA-256 of the UTF-8 bytes of canonical(entry)

    canonical(entry) = JSON text, no whitespace (separators "," and ":"), non-ASCII characters written as
                       themselves (not \\u escapes), of the array
        ["rr-audit/1", TABLE, REPORT_ID, CHAIN_SEQ, PREVIOUS_HASH, [V1, V2, …]]

- TABLE is "edits", "verifications" or "acknowledgements"; REPORT_ID and CHAIN_SEQ are JSON integers
  (an acknowledgement's report is its verification's).
- PREVIOUS_HASH is the `chain_hash` of the entry at CHAIN_SEQ − 1 of the same report, or 64 "0" for the first.
- V1, V2 … are the values of the table's columns in the order of `COLUMNS[TABLE]` below, each tagged so that
  no two different values serialise alike: NULL is JSON null; an integer is the string "i:" + its decimal
  digits (with "-" if negative); a floating-point number (REAL) is "f:" + its shortest round-trip decimal
  form as Python's `repr(float)` writes it (13.0 → "f:13.0", 0.1 → "f:0.1", 1e+16 → "f:1e+16"), so that the
  integer 13 ("i:13") and the amount 13.0 ("f:13.0") hash differently; text is "t:" + the text; bytes are
  "b:" + lowercase hex. A row's own generated id (`edits.id`, `verifications.id`) is not hashed — its place is
  its CHAIN_SEQ — but every reference is (`report_id`, `batch`, `verification_id`).

One chain per report across its audit tables, rather than one per table: a verification, its
acknowledgements and the status line written with it are one decision, and removing any of them must break
the same chain; a per-report chain also lets a report move between libraries (ids preserved) with its chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

FORMAT = "rr-audit/1"
GENESIS = "0" * 64

COLUMNS: dict[str, tuple[str, ...]] = {
    "edits": ("report_id", "batch", "kind", "cell", "old_value", "new_value", "reviewer", "at", "reason"),
    "verifications": ("report_id", "reviewer", "at", "note", "report_version"),
    "acknowledgements": ("verification_id", "finding_key", "reason", "rule", "message"),
}
TABLES = tuple(COLUMNS)


def tag(value: object) -> str | None:
    """One value in its canonical, type-tagged form."""
    if value is None:
        return None
    if isinstance(value, bool):  # never stored, but a bool is an int in Python: keep it from posing as one
        raise TypeError("a truth value is not an audit value")
    if isinstance(value, int):
        return f"i:{value}"
    if isinstance(value, float):
        return f"f:{value!r}"
    if isinstance(value, str):
        return f"t:{value}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"b:{bytes(value).hex()}"
    raise TypeError(f"cannot put {type(value).__name__} into the audit chain")


def canonical(table: str, report_id: int, seq: int, previous: str, values: Sequence[object]) -> bytes:
    """The bytes an entry's hash is taken over (see the module's docstring)."""
    if table not in COLUMNS:
        raise ValueError(f"{table} is not an audit table")
    if len(values) != len(COLUMNS[table]):
        raise ValueError(f"{table}: {len(values)} values for {len(COLUMNS[table])} columns")
    doc = [FORMAT, table, int(report_id), int(seq), previous, [tag(v) for v in values]]
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def entry_hash(table: str, report_id: int, seq: int, previous: str, values: Sequence[object]) -> str:
    return hashlib.sha256(canonical(table, report_id, seq, previous, values)).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    """An audit entry as stored: where it is (`table`, `key`: the row's id, or verification id and finding key),
    its place in the chain (None: the row carries no link) and the hashed values."""

    table: str
    key: tuple[object, ...]
    report_id: int
    seq: int | None
    hash: str | None
    values: tuple[object, ...]

    def describe(self) -> str:
        """'edits #12' — how `audit verify` names an entry."""
        if self.table == "acknowledgements":
            return f"acknowledgements（核实 #{self.key[0]} 的 {self.key[1]}）"
        return f"{self.table} #{self.key[0]}"


@dataclass(frozen=True, slots=True)
class Break:
    """The first broken link of a report's chain."""

    report_id: int
    seq: int  # the place in the chain where it breaks
    entry: Entry | None  # the entry found there (None: entries are missing at the end)
    problem: str  # one line in Chinese

    def line(self) -> str:
        where = self.entry.describe() + "，" if self.entry is not None else ""
        return f"第 {self.seq} 条（{where}{self.problem}）"


def check(report_id: int, entries: Sequence[Entry], head: tuple[int, str] | None) -> Break | None:
    """Walk one report's chain; the first broken link, or None. `head` is the (seq, hash) the library recorded
    as the report's last link (None: none recorded), so that entries removed from the end are found too."""
    linked = sorted((e for e in entries if e.seq is not None), key=lambda e: e.seq or 0)
    unlinked = [e for e in entries if e.seq is None or e.hash is None]
    previous = GENESIS
    expected = 1
    for e in linked:
        seq = e.seq or 0
        if seq < expected:
            return Break(report_id, seq, e, "与前一条位置相同：多出一条（被插入）")
        if seq > expected:
            return Break(report_id, expected, e,
                         f"此前缺少第 {expected}" + (f"–{seq - 1}" if seq - 1 > expected else "") + " 条（被删除）")
        if e.hash is None:
            return Break(report_id, seq, e, "没有哈希")
        if entry_hash(e.table, report_id, seq, previous, e.values) != e.hash:
            return Break(report_id, seq, e, "内容与其哈希不符（此条被改动，或其前的记录被删除后重新编号）")
        previous, expected = e.hash, expected + 1
    if unlinked:
        e = unlinked[0]
        return Break(report_id, expected, e, "不在哈希链中（被插入）")
    last = expected - 1
    if head is None:
        if last:
            return Break(report_id, last, linked[-1], "资料库未记录该报告的链尾（audit_heads 缺行）")
        return None
    head_seq, head_hash = head
    if head_seq > last:
        return Break(report_id, last + 1, None, f"链尾应为第 {head_seq} 条，此后的 {head_seq - last} 条缺失（被删除）")
    if head_seq < last or head_hash != previous:
        return Break(report_id, last, linked[-1] if linked else None, "与资料库记录的链尾不符")
    return None


def check_saved(report_id: int, entries: Sequence[Entry], saved: tuple[int, str], when: str = "") -> Break | None:
    """Compare a chain (already found unbroken) with a head saved earlier (`reviewer audit verify --save-heads`):
    the entry at the saved place must still carry the saved hash. A chain rewritten with every hash recomputed
    is whole in itself; only a head kept elsewhere shows it was rewritten."""
    seq, digest = saved
    at = next((e for e in entries if e.seq == seq), None)
    since = f"（{when}）" if when else ""
    if at is None:
        return Break(report_id, seq, None, f"保存的链尾{since}为第 {seq} 条，现在的链中已没有此条（记录被删除后链被重写）")
    if at.hash != digest:
        return Break(report_id, seq, at, f"与保存的链尾{since}不符：此条或其前的记录被改写，哈希被重新计算")
    return None
