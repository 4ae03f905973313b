"""The values the parser could not place: their text, table, place in the text (line:column) and why.

Choosing one shows it in the text. Enter (or 填入所选单元格), or dragging it onto a cell, asks to put it in a cell
(`assignRequested`); a value already captured into a cell names that cell.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton, QWidget

from reviewer.model import Unplaced
from ui.grid_view import SPAN_MIME
from ui.i18n import tr
from ui.messages import table_name
from ui.row_table import ModelIndex, RowTableModel, bar_above, row_view

Span = tuple[int, int]


def line_col(starts: list[int], pos: int) -> tuple[int, int]:
    """1-based line and column of a character offset, given the offsets where lines start."""
    line = bisect.bisect_right(starts, pos) - 1
    return line + 1, pos - starts[line] + 1


class UnplacedModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Unplaced] = []
        self._where: list[str] = []
        self._placed: dict[Span, str] = {}  # span -> label of the cell it was captured into

    def set_values(self, values: list[Unplaced], text: str) -> None:
        self.beginResetModel()
        self._rows = list(values)
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        self._where = [tr("第 {line} 行第 {col} 列").format(line=lc[0], col=lc[1])
                       if u.span and (lc := line_col(starts, u.span[0])) else "—" for u in self._rows]
        self.endResetModel()

    def set_placed(self, placed: Mapping[Span, str]) -> None:
        self._placed = dict(placed)
        self.rows_changed()

    def value(self, row: int) -> Unplaced | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headers(self) -> list[str]:
        return [tr("表"), tr("数值"), tr("位置"), tr("已填入"), tr("原因")]

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        u = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            placed = self._placed.get((u.span[0], u.span[1])) if u.span else None
            return [table_name(u.table), u.text, self._where[index.row()], placed or "", u.reason][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def mimeTypes(self) -> list[str]:
        return [SPAN_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        spans = [self._rows[r].span for r in rows if self._rows[r].span]
        data.setData(SPAN_MIME, ";".join(f"{s[0]},{s[1]}" for s in spans if s).encode("ascii"))
        return data


class UnplacedPanel(QWidget):
    chosen = Signal(object)  # the span of the value chosen
    assignRequested = Signal(object)  # the span of a value to put in the grid's current cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = UnplacedModel(self)
        self.view = row_view(self.model, (56, 70, 130, 170), self)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.hint = QLabel(tr("在表格中选中单元格，再在这里按回车（或把数值拖到单元格上、在原文中单击数字）填入；"
                              "在原文中选中一行数字后按 Ctrl+R 填入当前行。"), self)
        self.hint.setWordWrap(True)
        self.assign_button = QPushButton(tr("填入所选单元格"), self)
        self.assign_button.setToolTip(tr("把所选数值填入表格中的当前单元格 (Enter)"))
        self._locked: str | None = None  # read-only: why (the button says so instead of failing on click)
        bar_above(self, self.view, (self.hint, 1), self.assign_button)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.assign_button.clicked.connect(self.assign_current)
        self.view.installEventFilter(self)

    def set_values(self, values: list[Unplaced], text: str) -> None:
        self.model.set_values(values, text)
        self._update_button()

    def set_locked(self, reason: str | None) -> None:
        """A read-only report (已核实, claimed by another …): nothing can be filled in; the tooltip says why."""
        self._locked = reason
        self._update_button()

    def _update_button(self) -> None:
        self.assign_button.setEnabled(self.model.rowCount() > 0 and self._locked is None)
        self.assign_button.setToolTip(self._locked or tr("把所选数值填入表格中的当前单元格 (Enter)"))

    def current(self) -> Unplaced | None:
        idx = self.view.currentIndex()
        return self.model.value(idx.row()) if idx.isValid() else None

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        u = self.model.value(current.row())
        if u is not None and u.span:
            self.chosen.emit(tuple(u.span))

    def assign_current(self) -> None:
        u = self.current()
        if u is not None and u.span:
            self.assignRequested.emit(tuple(u.span))

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.view and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.assign_current()
            return True
        return super().eventFilter(obj, event)


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> UnplacedPanel:
        rec = sample_record("004")
        panel = UnplacedPanel()
        panel.set_values(rec.unplaced, rec.text)
        panel.chosen.connect(lambda span: print("chosen", span))
        return panel

    run_preview(make, size=(900, 260))
