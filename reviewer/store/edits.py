"""An edit as a plain object: one cell, the value it replaces and the new one.

The UI's undo stack wraps these (a multi-cell paste is a list applied as one batch by
`Library.apply_edits`). An undo applies the inverses as a *new* batch of kind 'undo': the audit trail
only grows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from reviewer.store.records import same
from reviewer.store.types import Value


@dataclass(frozen=True, slots=True)
class CellEdit:
    cell: str
    old: Value
    new: Value
    span: tuple[int, int] | None = None  # where in the text the new value was captured from (`store.spans`)
    old_span: tuple[int, int] | None = None  # … and the old one, when it was captured too

    def inverse(self) -> CellEdit:
        return CellEdit(self.cell, self.new, self.old, self.old_span, self.span)

    @property
    def is_noop(self) -> bool:
        return same(self.old, self.new)


def edits_for(current: Callable[[str], Value], changes: Mapping[str, Value]) -> list[CellEdit]:
    """The edits that take the cells from their current values (`current(cell)`) to `changes`; unchanged
    cells are left out."""
    out = [CellEdit(cid, current(cid), v) for cid, v in changes.items()]
    return [e for e in out if not e.is_noop]


def inverse_all(edits: Iterable[CellEdit]) -> list[CellEdit]:
    """The edits that undo a batch (in reverse order, so a cell edited twice ends at its first old value)."""
    return [e.inverse() for e in reversed(list(edits))]


def as_spans(edits: Iterable[CellEdit]) -> dict[str, tuple[int, int] | None]:
    """{cell: span its new value was captured from}; a later edit of the same cell wins."""
    out: dict[str, tuple[int, int] | None] = {}
    for e in edits:
        out[e.cell] = e.span
    return out


def as_changes(edits: Iterable[CellEdit]) -> dict[str, Value]:
    """{cell: new value}; a later edit of the same cell wins."""
    out: dict[str, Value] = {}
    for e in edits:
        out[e.cell] = e.new
    return out
