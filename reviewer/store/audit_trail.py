"""Appending to the audit trail with its hash chain, and reading the chains back to verify them.

The hashing is `audit_chain` (pure); this module is the SQL around it. Every append reads the report's chain
head (`audit_heads`: its last `chain_seq` and `chain_hash`), links the new entries after it and moves the head,
inside the caller's write transaction — the write lock (SQLite's BEGIN IMMEDIATE; on PostgreSQL the head row
locked FOR UPDATE) keeps two writers from linking to the same head. The head also records how long each chain
is, so entries removed from its end are found too.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from reviewer.errors import StoreError
from reviewer.store.audit_chain import COLUMNS, GENESIS, Break, Entry, check, check_saved, entry_hash
from reviewer.store.backend import Db

EDIT_COLUMNS = COLUMNS["edits"]


def head(c: Db, report_id: int) -> tuple[int, str]:
    """The report's last link (0 and the genesis hash for an empty chain), locked for this transaction."""
    lock = " FOR UPDATE" if c.kind == "postgresql" else ""
    row = c.execute("SELECT seq, hash FROM audit_heads WHERE report_id = ?" + lock, (report_id,)).fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)


_MOVE_HEAD = ("INSERT INTO audit_heads(report_id, seq, hash) VALUES (?, ?, ?) ON CONFLICT(report_id) "
              "DO UPDATE SET seq = excluded.seq, hash = excluded.hash")
_INSERT_EDIT = ("INSERT INTO edits(report_id, batch, kind, cell, old_value, new_value, reviewer, at, reason, "
                "chain_seq, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _move_head(c: Db, report_id: int, seq: int, digest: str) -> None:
    c.execute(_MOVE_HEAD, (report_id, seq, digest))


def links(c: Db, report_id: int, table: str, rows: Sequence[Sequence[object]], *,
          fresh: bool = False) -> list[tuple[int, str]]:
    """(chain_seq, chain_hash) for each of `rows` (values in `COLUMNS[table]` order) appended to the report's
    chain, in order; the head is moved past them. `fresh`: the report was created in this transaction, its
    chain is empty (an import saves reading the head)."""
    seq, previous = (0, GENESIS) if fresh else head(c, report_id)
    out = []
    for values in rows:
        seq += 1
        previous = entry_hash(table, report_id, seq, previous, values)
        out.append((seq, previous))
    if out:
        _move_head(c, report_id, seq, previous)
    return out


def append_edits(c: Db, rows: Sequence[Sequence[object]], *, fresh: bool = False) -> None:
    """Insert audit lines (report_id, batch, kind, cell, old, new, reviewer, at, reason), each linked into its
    report's chain (`fresh`: see `links`)."""
    by_report: dict[int, list[Sequence[object]]] = defaultdict(list)
    for r in rows:
        by_report[int(r[0])].append(r)  # type: ignore[call-overload]
    for rid, group in by_report.items():
        linked = links(c, rid, "edits", group, fresh=fresh)
        values = [(*r[:4], c.any_value(r[4]), c.any_value(r[5]), *r[6:], s, h)
                  for r, (s, h) in zip(group, linked, strict=True)]
        if len(values) == 1:  # most writes: one statement, no batch machinery (psycopg's pipeline)
            c.execute(_INSERT_EDIT, values[0])
        else:
            c.executemany(_INSERT_EDIT, values)


def append_first(c: Db, rows: Sequence[Sequence[object]]) -> None:
    """The first audit line of each of several reports created in this transaction (each starts its chain),
    with their chain heads, in one statement per table."""
    if not rows:
        return
    values, heads = [], []
    for r in rows:
        rid = int(r[0])  # type: ignore[call-overload]
        digest = entry_hash("edits", rid, 1, GENESIS, r)
        values.append((*r[:4], c.any_value(r[4]), c.any_value(r[5]), *r[6:], 1, digest))
        heads.append((rid, 1, digest))
    c.executemany(_INSERT_EDIT, values)
    c.executemany(_MOVE_HEAD, heads)


def add_verification(c: Db, report_id: int, reviewer: str, at: str, note: str | None, version: int,
                     acknowledgements: Iterable[tuple[str, str, str | None, str | None]]) -> int:
    """Insert a verification and its acknowledgements (finding key, reason, rule, message; a key once), all
    linked into the report's chain. Returns the verification's id."""
    ((seq, digest),) = links(c, report_id, "verifications", [(report_id, reviewer, at, note, version)])
    sql = ("INSERT INTO verifications(report_id, reviewer, at, note, report_version, chain_seq, chain_hash) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")
    args = (report_id, reviewer, at, note, version, seq, digest)
    vid = c.insert(sql, args)
    seen: dict[str, tuple[object, ...]] = {}
    for key, reason, rule, message in acknowledgements:
        seen.setdefault(key, (vid, key, reason, rule, message))
    rows = list(seen.values())
    linked = links(c, report_id, "acknowledgements", rows)
    c.executemany("INSERT INTO acknowledgements(verification_id, finding_key, reason, rule, message, "
                  "chain_seq, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  [(*r, s, h) for r, (s, h) in zip(rows, linked, strict=True)])
    return int(vid)


# --- reading the chains back ---------------------------------------------------------------------------------

def _where(c: Db, column: str, report_id: int | None) -> tuple[str, tuple[object, ...]]:
    return (f" WHERE {column} = ?", (report_id,)) if report_id is not None else ("", ())


def entries(c: Db, report_id: int | None = None) -> Iterator[Entry]:
    """Every audit entry (of one report, or all), as stored."""
    where, args = _where(c, "report_id", report_id)
    for row in c.execute("SELECT id, chain_seq, chain_hash, " + ", ".join(EDIT_COLUMNS) + " FROM edits" + where,
                         args):
        yield Entry("edits", (row[0],), int(row[3]), row[1], row[2], tuple(row[3:]))
    for row in c.execute("SELECT id, chain_seq, chain_hash, " + ", ".join(COLUMNS["verifications"])
                         + " FROM verifications" + where, args):
        yield Entry("verifications", (row[0],), int(row[3]), row[1], row[2], tuple(row[3:]))
    where, args = _where(c, "v.report_id", report_id)
    cols = ", ".join(f"a.{k}" for k in COLUMNS["acknowledgements"])
    for row in c.execute(f"SELECT v.report_id, a.chain_seq, a.chain_hash, {cols} FROM acknowledgements AS a "
                         "LEFT JOIN verifications AS v ON v.id = a.verification_id" + where, args):
        yield Entry("acknowledgements", (row[3], row[4]), -1 if row[0] is None else int(row[0]), row[1], row[2],
                    tuple(row[3:]))


def heads(c: Db, report_id: int | None = None) -> dict[int, tuple[int, str]]:
    where, args = _where(c, "report_id", report_id)
    return {int(r): (int(s), str(h)) for r, s, h in c.execute("SELECT report_id, seq, hash FROM audit_heads" + where,
                                                               args)}


def verify(c: Db, report_id: int | None = None, saved: Mapping[int, tuple[int, str]] | None = None,
           saved_at: str = "") -> tuple[int, int, list[Break], dict[int, tuple[int, str]]]:
    """Walk every chain (or one report's): (reports walked, entries walked, the first break of each broken
    chain, the heads recorded). An acknowledgement whose verification is gone is reported under report −1.
    `saved`: heads saved earlier (`--save-heads`), each of which must still be in its chain (`check_saved`)."""
    by_report: dict[int, list[Entry]] = defaultdict(list)
    for e in entries(c, report_id):
        by_report[e.report_id].append(e)
    recorded = heads(c, report_id)
    ids = set(by_report) | set(recorded)
    if report_id is None:
        ids |= {int(r) for (r,) in c.execute("SELECT id FROM reports")} | set(saved or {})
    elif not ids:
        ids = {report_id}
    breaks = []
    for rid in sorted(ids):
        found = by_report.get(rid, [])
        b = check(rid, found, recorded.get(rid))
        if b is None and saved is not None and rid in saved:
            b = check_saved(rid, found, saved[rid], saved_at)
        if b is not None:
            breaks.append(b)
    return len(ids), sum(len(v) for v in by_report.values()), breaks, recorded


# --- linking entries written before the chain existed (schema v4's migration, a repaired old library) ----------

def _order(e: Entry, at: dict[object, tuple[str, object]]) -> tuple[object, ...]:
    """Entries written before v4 in the order they were written: by time, then the status line before the
    verification written with it, then its acknowledgements, then by id."""
    rank = {"edits": 0, "verifications": 1, "acknowledgements": 2}[e.table]
    if e.table == "acknowledgements":
        when, vid = at.get(e.key[0], ("", e.key[0]))
        return (when, rank, vid, str(e.key[1]))
    return (str(e.values[COLUMNS[e.table].index("at")]), rank, e.key[0], "")


def backfill(c: Db) -> int:
    """Link every entry that carries no link yet, report by report after its chain's head, in the order they
    were written. Needs the append-only triggers lifted by the caller (a migration step). Returns how many."""
    at = {vid: (str(when), vid) for vid, when in c.execute("SELECT id, at FROM verifications")}
    by_report: dict[int, list[Entry]] = defaultdict(list)
    for e in entries(c):
        if e.seq is None and e.report_id >= 0:
            by_report[e.report_id].append(e)
    n = 0
    for rid, todo in sorted(by_report.items()):
        todo.sort(key=lambda e: _order(e, at))
        seq, previous = head(c, rid)
        updates: dict[str, list[tuple[object, ...]]] = defaultdict(list)
        for e in todo:
            seq += 1
            previous = entry_hash(e.table, rid, seq, previous, e.values)
            updates[e.table].append((seq, previous, *e.key))
        for table, rows in updates.items():
            key = "verification_id = ? AND finding_key = ?" if table == "acknowledgements" else "id = ?"
            c.executemany(f"UPDATE {table} SET chain_seq = ?, chain_hash = ? WHERE {key}", rows)
        _move_head(c, rid, seq, previous)
        n += len(todo)
    return n


# --- the verdict of `reviewer audit verify` --------------------------------------------------------------------

@dataclass(slots=True)
class AuditReport:
    """Every chain walked: how many reports and entries, and each broken chain's first break with the report's
    agency and year (for the message)."""

    reports: int
    entries: int
    breaks: list[Break] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)  # report id -> "agency year"
    heads: dict[int, tuple[int, str]] = field(default_factory=dict)  # the heads the library recorded

    @property
    def intact(self) -> bool:
        return not self.breaks

    def break_line(self, b: Break) -> str:
        if b.report_id < 0:
            return f"无所属报告的记录：{b.line()}"
        name = self.names.get(b.report_id) or "资料库中已无此报告"
        return f"报告 #{b.report_id}（{name}）：哈希链在{b.line()}处断开"

    def summary(self) -> str:
        if self.intact:
            return f"审核记录完整：{self.reports} 份报告的 {self.entries} 条记录，哈希链均完好"
        return (f"审核记录被改动：{len(self.breaks)} 份报告的哈希链断开（共检查 {self.reports} 份报告的 "
                f"{self.entries} 条记录）")

    def lines(self) -> list[str]:
        return [self.break_line(b) for b in self.breaks] + [self.summary()]


def verify_library(c: Db, report_id: int | None = None, saved: SavedHeads | None = None) -> AuditReport:
    """`verify` with the names of the reports whose chains are broken."""
    n_reports, n_entries, breaks, recorded = verify(c, report_id, saved.heads if saved else None,
                                                    saved.at if saved else "")
    out = AuditReport(n_reports, n_entries, breaks, heads=recorded)
    for b in breaks:
        row = c.execute("SELECT agency, year, source_name FROM reports WHERE id = ?",
                        (b.report_id,)).fetchone()
        if row is not None:
            out.names[b.report_id] = " ".join(str(x) for x in (row[0] or row[2], row[1]) if x is not None)
    return out


# --- heads saved elsewhere (`reviewer audit verify --save-heads FILE`, `--against FILE`) ---------------------

HEADS_FORMAT = "rr-audit-heads/1"


@dataclass(slots=True)
class SavedHeads:
    """Every report's chain head at one moment, kept outside the library (a USB stick, a signed mail): a later
    `--against` finds a trail rewritten with its hashes recomputed, which the chain alone cannot."""

    at: str
    library: str
    heads: dict[int, tuple[int, str]]

    def to_json(self) -> str:
        return json.dumps({"format": HEADS_FORMAT, "at": self.at, "library": self.library,
                           "heads": {str(r): [s, h] for r, (s, h) in sorted(self.heads.items())}},
                          ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str, name: str) -> SavedHeads:
        try:
            doc = json.loads(text)
            if doc.get("format") != HEADS_FORMAT:
                raise ValueError(f"不是 {HEADS_FORMAT} 文件")
            heads = {int(r): (int(v[0]), str(v[1])) for r, v in doc["heads"].items()}
            return cls(str(doc.get("at", "")), str(doc.get("library", "")), heads)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            raise StoreError(f"{name}: 不是保存的审核记录链尾文件（{exc}）") from exc
