"""The import's writer: a chunk of parsed reports in one transaction, with few round trips to the library.

On a server every statement is a round trip, and the writer is the import's critical path, so it asks once per
report what it must know before writing it (a version of the same agency and year, last year's report that
counts, whether next year's reports exist, the next audit batch) and sends the report's other rows together
(`Pending.flush`: documents, cells, findings, audit lines and chain heads, one statement per table) before
anything reads them back and before the commit. Last year's values, which R7/R8 compare with, come from the
reports this run wrote (`Known`) instead of being read back, as long as the report's version is still the one
written (every change of its values or metadata bumps it).

What the import guarantees is unchanged: a report is written whole or not at all (the transaction), its
audit line is the first link of its hash chain, and a chunk that fails is written again report by report by
the caller, so one bad file is named and the rest are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewer.model import Record
from reviewer.store import audit_trail, crossreport
from reviewer.store.backend import Db
from reviewer.store.versions import RANK

KNOWN_MAX = 10_000  # light records kept of the reports this run wrote (a few kB each)

# Before a report is written: the first report of its agency and year (it is then a version of it), last year's
# report that counts (id and version), how many reports of next year there are, and the next audit batch.
LOOKUP = ("SELECT (SELECT min(id) FROM reports WHERE agency_key = ? AND year = ?), "
          f"(SELECT id FROM reports WHERE agency_key = ? AND year = ? AND retired_at IS NULL ORDER BY {RANK} LIMIT 1), "
          "(SELECT version FROM reports WHERE agency_key = ? AND year = ? AND retired_at IS NULL "
          f"ORDER BY {RANK} LIMIT 1), "
          "(SELECT count(*) FROM reports WHERE agency_key = ? AND year = ?), "
          "(SELECT coalesce(max(id), 0) + 1 FROM edits)")

CELL_COLUMNS = ("report_id", "cell", "ord", "parsed", "value", "printed", "parsed_origin", "origin", "span_start",
                "span_end")


@dataclass(frozen=True, slots=True)
class Lookup:
    version_of: int | None
    previous: tuple[int, int] | None  # (id, version) of last year's report that counts
    next_year: int  # how many reports of the agency's next year the library holds
    next_batch: int


def lookup(c: Db, akey: str | None, year: int | None) -> Lookup:
    """What `LOOKUP` asks, in one statement (nothing of an agency or year unknown)."""
    known = akey is not None and year is not None
    y = year if year is not None else 0
    row = c.execute(LOOKUP, (akey, year, akey, y - 1, akey, y - 1, akey, y + 1) if known
                    else (None, None, None, None, None, None, None, None)).fetchone()
    return Lookup(row[0], (int(row[1]), int(row[2])) if row[1] is not None else None, int(row[3] or 0),
                  int(row[4]))


class Known:
    """The light records (metadata and values) of the reports this run wrote, by (id, version): newest kept,
    `KNOWN_MAX` at most, each as its values alone beside the cell ids it shares with the reports of the same
    layout (a few kB each). A transaction's reports are staged and kept only once it commits."""

    def __init__(self, limit: int = KNOWN_MAX) -> None:
        self.limit = limit
        self._kept: OrderedDict[tuple[int, int], _Packed] = OrderedDict()
        self._staged: dict[tuple[int, int], tuple[Record, Sequence[Sequence[Any]]]] = {}
        self._layouts: dict[tuple[str, ...], _Layout] = {}

    def get(self, key: tuple[int, int]) -> Record | None:
        staged = self._staged.get(key)
        if staged is not None:
            return staged[0]
        packed = self._kept.get(key)
        return None if packed is None else _unpack(packed)

    def stage(self, key: tuple[int, int], record: Record, cells: Sequence[Sequence[Any]]) -> None:
        """`record`'s values are also `cells` (rows of cell id, order, value …, in the order of its tables)."""
        self._staged[key] = (record, cells)

    def commit(self) -> None:
        for key, (r, cells) in self._staged.items():
            ids = tuple(c[0] for c in cells)
            layout = self._layouts.get(ids)
            if layout is None:
                layout = self._layouts[ids] = tuple(_split(cid) for cid in ids)
            self._kept[key] = (r.agency, r.year, r.region, r.template, r.table2_variant, layout,
                               tuple(c[2] for c in cells))
        self._staged.clear()
        while len(self._kept) > self.limit:
            self._kept.popitem(last=False)

    def discard(self) -> None:
        self._staged.clear()


_Layout = tuple[tuple[str, str, str], ...]  # (table, row, column) of each cell, in order
_Packed = tuple[Any, ...]  # agency, year, region, template, table2_variant, layout, values in layout order


def _split(cid: str) -> tuple[str, str, str]:
    t, rest = cid.split(":", 1)
    r, c = rest.rsplit(":", 1)
    return t, r, c


def _unpack(p: _Packed) -> Record:
    agency, year, region, template, variant, layout, values = p
    tables: dict[str, dict[str, dict[str, Any]]] = {}
    for (t, r, c), v in zip(layout, values, strict=True):
        tables.setdefault(t, {}).setdefault(r, {})[c] = v
    return Record(source={}, agency=agency, year=year, template=template, table2_variant=variant, region=region,
                  tables=tables)


@dataclass(slots=True)
class Pending:
    """Rows of the reports written in this transaction that nothing has read back yet, sent together."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    cells: list[tuple[Any, ...]] = field(default_factory=list)
    findings: list[tuple[Any, ...]] = field(default_factory=list)
    edits: list[tuple[Any, ...]] = field(default_factory=list)  # first audit lines of new reports
    reports: set[int] = field(default_factory=set)  # whose rows are pending
    batch: int = 0  # the next audit batch this transaction may give

    def next_batch(self, in_library: int) -> int:
        """The batch of a new report's audit line: past every line in the library (`in_library`, its largest id
        + 1) and every batch given in this transaction, pending or sent (a line's id is never below its batch)."""
        b = max(self.batch, in_library)
        self.batch = b + 1
        return b

    def flush(self, c: Db) -> None:
        if self.documents:
            c.executemany("INSERT INTO documents(report_id, data, text, extra) VALUES (?, ?, ?, ?)", self.documents)
        c.copy_rows("cells", CELL_COLUMNS, self.cells)
        if self.findings:
            c.executemany("INSERT INTO findings(report_id, seq, rule, severity, key, json) VALUES (?, ?, ?, ?, ?, ?)",
                          self.findings)
        audit_trail.append_first(c, self.edits)
        self.documents, self.cells, self.findings, self.edits = [], [], [], []
        self.reports.clear()


def previous_record(c: Db, found: Lookup, known: Known, pending: Pending) -> Record | None:
    """Last year's report's light record: kept from this run when its version is unchanged, else read."""
    if found.previous is None:
        return None
    record = known.get(found.previous)
    if record is None:
        pending.flush(c)
        record = crossreport.light(c, found.previous[0])
    return record


def recheck_next_year(c: Db, akey: str | None, year: int | None, rid: int, this: Record, known: Known,
                      pending: Pending) -> None:
    """Next year's reports compare with this one when it is now the one that counts: their R7/R8 findings are
    replaced (their values are taken from this run when their version is unchanged)."""
    if akey is None or year is None:
        return
    rows = c.execute(f"SELECT id, version, (SELECT id FROM reports WHERE agency_key = ? AND year = ? AND retired_at IS "
                     f"NULL ORDER BY {RANK} LIMIT 1) AS counting FROM reports WHERE agency_key = ? AND year = ? ORDER BY id",
                     (akey, year, akey, year + 1)).fetchall()
    if not rows or rows[0][2] != rid:  # the report that counts for this year (`crossreport.previous_id`)
        return
    for dep, version, _ in rows:
        if int(dep) in pending.reports:
            pending.flush(c)  # its findings are read back
        crossreport.recheck_cross(c, int(dep), this, known.get((int(dep), int(version))))
