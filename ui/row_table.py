"""What the review's read-only lists share (problems, unplaced values, edit history): a table model with one row
per item of a list and the columns its `headers()` name, and the view that shows it a whole row at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QTableView, QVBoxLayout, QWidget

ModelIndex = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    """Rows from `_rows` (set by the subclass, replaced inside a model reset), columns from `headers()`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def rows_changed(self, roles: Sequence[Qt.ItemDataRole] = ()) -> None:
        """Every row shows something new (a style, a mark), the rows themselves unchanged."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1),
                                  list(roles))


def row_view(model: RowTableModel, widths: Sequence[int], parent: QWidget) -> QTableView:
    """A read-only view choosing one whole row at a time, the last column stretched, the others `widths` wide."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for col, width in enumerate(widths):
        view.setColumnWidth(col, width)
    return view


def bar_above(panel: QWidget, view: QTableView, *items: QWidget | tuple[QWidget, int]) -> QHBoxLayout:
    """Lay `panel` out as a bar of `items` (a `(widget, stretch)` pair stretches) above `view`; returns the bar."""
    bar = QHBoxLayout()
    bar.setContentsMargins(4, 2, 4, 2)
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        bar.addWidget(widget, stretch)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addLayout(bar)
    layout.addWidget(view)
    return bar
