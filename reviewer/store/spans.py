"""Where a captured value was read: the source span recorded with a reviewer's edit.

A reviewer may fill a cell from the report's text (a value the parser left unplaced, a table it did not find).
The edit (kind `capture`) is audited like any other, and the span of the number in the text goes with it as an
audit line of kind `source_span` in the same batch (cell = the cell, old = start, new = end). The cell's link to
its source is then that span for as long as the captured value stands: the latest value line of the cell decides,
so an undo (which records the span of the value it brings back, if that one was captured too) or a later typed
value gives the cell its parsed span again. Nothing else in the schema changes; the trail only grows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reviewer.store.backend import Db
from reviewer.store.types import CELL_KINDS

KIND_SOURCE_SPAN = "source_span"
# Writes that may change only where a value comes from (a capture of the same value elsewhere, its undo and redo).
CAPTURE_KINDS = ("capture", "undo", "redo")
Span = tuple[int, int]


def span_lines(report_id: int, batch: int, spans: Mapping[str, Span | None], reviewer: str, at: str,
               cells: Sequence[str]) -> list[tuple[Any, ...]]:
    """Audit rows (as `writes.audit` takes them) recording the spans of the cells a batch changed."""
    return [(report_id, batch, KIND_SOURCE_SPAN, cid, int(span[0]), int(span[1]), reviewer, at, None)
            for cid in cells if (span := spans.get(cid)) is not None]


def captured_spans(conn: Db, report_id: int) -> dict[str, Span]:
    """Cell -> the span its current value was captured from (cells whose latest value line carries a span)."""
    marks = ",".join("?" * len(CELL_KINDS))
    latest: dict[str, int] = {}  # cell -> batch of its latest value line
    spans: dict[tuple[int, str], Span] = {}
    for batch, kind, cell, old, new in conn.execute(
            f"SELECT batch, kind, cell, old_value, new_value FROM edits WHERE report_id = ? "
            f"AND (kind IN ({marks}) OR kind = ?) ORDER BY id", [report_id, *CELL_KINDS, KIND_SOURCE_SPAN]):
        if kind == KIND_SOURCE_SPAN:
            spans[(batch, cell)] = (int(old), int(new))
        else:
            latest[cell] = batch
    return {cell: spans[(batch, cell)] for cell, batch in latest.items() if (batch, cell) in spans}


def parsed_spans(conn: Db, report_id: int) -> dict[str, Span | None]:
    """Cell -> the span its printed value was parsed from (None: the cell was not found in the text)."""
    return {cid: (s0, s1) if s0 is not None else None for cid, s0, s1 in conn.execute(
        "SELECT cell, span_start, span_end FROM cells WHERE report_id = ?", (report_id,))}
