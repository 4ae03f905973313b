"""A Qt table model over one table of a record, laid out like the official form (`reviewer.formlayout`).

`data()` serves cached display strings and the cached marks; it never touches the record or settings.
`setData` validates through the core (`parse_user_value`) and hands the value to the edit handler (which goes
through the undo stack to the store); a refused value returns False and leaves the reason in `last_error`.
`refresh(cells, marks)` emits `dataChanged` for exactly the cells whose value or marks changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from reviewer.errors import ValidationError
from reviewer.formlayout import CAPTION, CELL, HEADER, LABEL, FormGrid
from reviewer.model import Number
from reviewer.values import format_value as core_format_value
from reviewer.values import parse_user_value
from ui.marks import EDITED, Marks, MarkStyle

Value = Number | None
EditHandler = Callable[[dict[str, Value], str], bool]  # changes, kind (edit | paste | clear)
ModelIndex = QModelIndex | QPersistentModelIndex

CELL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MARKS_ROLE = Qt.ItemDataRole.UserRole + 2
SLOT_KIND_ROLE = Qt.ItemDataRole.UserRole + 3

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def format_value(v: Value) -> str:
    return core_format_value(v, keep_point=True)


class GridModel(QAbstractTableModel):
    def __init__(self, grid: FormGrid, value_of: Callable[[str], Value], marks: Marks, style: MarkStyle,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self._value_of = value_of
        self._marks = marks
        self._style = style
        self._display = {cid: format_value(value_of(cid)) for cid in grid.positions}
        self.edit_handler: EditHandler | None = None
        self.locked: str | None = None  # read-only (a verified report): the reason typing is refused with
        self.save_failed = False
        self.last_error = ""
        self._bold = QFont()
        self._bold.setBold(True)
        self._edited = QFont()
        self._edited.setBold(True)
        self._edited.setItalic(True)

    # -- shape -----------------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.cols

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        slot = self.grid.slots[index.row()][index.column()]
        if slot.kind != CELL:
            return Qt.ItemFlag.NoItemFlags  # labels and headers are not stops for the cursor
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.edit_handler is not None and not self.locked:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- reading ---------------------------------------------------------------------------------------
    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        slot = self.grid.slots[index.row()][index.column()]
        if slot.kind == CELL:
            return self._cell_data(slot.cid or "", role)
        if role == Qt.ItemDataRole.DisplayRole:
            return slot.text or None
        if role == Qt.ItemDataRole.ToolTipRole:
            return slot.text or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._style.header_brush if slot.kind in (HEADER, CAPTION) else self._style.label_brush
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._style.text_brush
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT if slot.kind in (LABEL, CAPTION) else _CENTER
        if role == Qt.ItemDataRole.FontRole and slot.kind == CAPTION:
            return self._bold
        if role == SLOT_KIND_ROLE:
            return slot.kind
        return None

    def _cell_data(self, cid: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display.get(cid, "")
        if role == CELL_ID_ROLE:
            return cid
        if role == SLOT_KIND_ROLE:
            return CELL
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        marks = self._marks.get(cid)
        if role == MARKS_ROLE:
            return frozenset(marks.kinds) if marks else frozenset()
        if marks is None:
            return None
        top = marks.top
        if role == Qt.ItemDataRole.BackgroundRole and top is not None:
            return self._style.brush(top)
        if role == Qt.ItemDataRole.DecorationRole and top is not None:
            return self._style.icon(top)
        if role == Qt.ItemDataRole.ToolTipRole:
            return marks.tooltip() or None
        if role == Qt.ItemDataRole.FontRole and EDITED in marks.kinds:
            return self._edited
        return None

    # -- editing ---------------------------------------------------------------------------------------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        self.last_error = ""
        self.save_failed = False  # set by the pane when the store refused the write
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edit_handler is None:
            return False
        cid = self.grid.slots[index.row()][index.column()].cid
        if cid is None:
            return False
        try:
            parsed = parse_user_value("" if value is None else str(value))
        except ValidationError as exc:
            self.last_error = str(exc)
            return False
        return self.edit_handler({cid: parsed}, "edit")

    # -- lookups and refresh ---------------------------------------------------------------------------
    def cell_id(self, index: ModelIndex) -> str | None:
        if not index.isValid():
            return None
        return self.grid.slots[index.row()][index.column()].cid

    def index_of(self, cid: str) -> QModelIndex:
        pos = self.grid.positions.get(cid)
        return self.index(*pos) if pos else QModelIndex()

    def refresh(self, cells: Iterable[str], marks: Marks) -> int:
        """New values and marks: `dataChanged` for each listed cell of this table. Returns how many."""
        self._marks = marks
        n = 0
        for cid in cells:
            pos = self.grid.positions.get(cid)
            if pos is None:
                continue
            self._display[cid] = format_value(self._value_of(cid))
            idx = self.index(*pos)
            self.dataChanged.emit(idx, idx)
            n += 1
        return n

    def set_locked(self, reason: str | None) -> None:
        if reason != self.locked:
            self.locked = reason
            self.layoutChanged.emit()  # the views ask the flags again

    def set_style(self, style: MarkStyle) -> None:
        """A new palette (dark mode switched): every cell repaints once."""
        self._style = style
        if self.grid.rows and self.grid.cols:
            self.dataChanged.emit(self.index(0, 0), self.index(self.grid.rows - 1, self.grid.cols - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.DecorationRole,
                                   Qt.ItemDataRole.ForegroundRole])


if __name__ == "__main__":
    from PySide6.QtWidgets import QTableView

    from reviewer.formlayout import build
    from ui.marks import compute_marks
    from ui.preview import run_preview, sample_record

    def make() -> QTableView:
        rec = sample_record("003")
        origins = {c: s.origin for c, s in rec.provenance.items()}
        model = GridModel(build(rec, "table3"), rec.get, compute_marks(rec.findings, origins, lambda f: f.message),
                          MarkStyle())
        view = QTableView()
        view.setModel(model)
        model.setParent(view)
        return view

    run_preview(make)
