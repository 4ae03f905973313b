"""The library: every report with agency, year, status (icon shape and colour) and its errors and warnings.

Filter by text, status and year; Enter or double-click opens a report. The list refreshes row by row from
each write (`update_row`), and as a whole after an import.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr

ModelIndex = QModelIndex | QPersistentModelIndex
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ORDER = ("new", "in_review", "verified")


def local_time(stamp: str) -> str:
    """The store's UTC ISO time as local time, to the second."""
    try:
        return _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


def status_names() -> dict[str, str]:
    return {"new": tr("待审核"), "in_review": tr("审核中"), "verified": tr("已核实")}


def status_icon(status: str, size: int = 14) -> QIcon:
    """Hollow circle (new), half-filled circle (in review), check mark in a green disc (verified)."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        pm = QPixmap(int(size * ratio), int(size * ratio))
        pm.setDevicePixelRatio(ratio)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(1.5, 1.5, size - 3, size - 3)
        if status == "verified":
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#2e7d32"))
            p.drawEllipse(r)
            p.setPen(QPen(Qt.GlobalColor.white, size / 7))
            p.drawPolyline([QPointF(r.left() + r.width() * 0.25, r.center().y()),
                            QPointF(r.left() + r.width() * 0.45, r.bottom() - r.height() * 0.25),
                            QPointF(r.right() - r.width() * 0.2, r.top() + r.height() * 0.28)])
        elif status == "in_review":
            p.setPen(QPen(QColor("#1e6fc8"), 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
            p.setBrush(QColor("#1e6fc8"))
            p.drawPie(r, 90 * 16, 180 * 16)
        else:
            p.setPen(QPen(QColor("#8a8f98"), 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
        p.end()
        icon.addPixmap(pm)
    return icon


class LibraryModel(QAbstractTableModel):
    COLUMNS = ("status", "agency", "year", "errors", "warnings", "region", "source_name")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._icons = {s: status_icon(s) for s in STATUS_ORDER}
        self._names = status_names()

    def headers(self) -> list[str]:
        return [tr("状态"), tr("机关"), tr("年度"), tr("错误"), tr("警告"), tr("地区"), tr("文件")]

    def set_reports(self, summaries: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def update_row(self, summary: Any) -> bool:
        """One report changed: refresh exactly its row."""
        for i, s in enumerate(self._rows):
            if s.id == summary.id:
                self._rows[i] = summary
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return True
        return False

    def summary(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, report_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == report_id), -1)

    def years(self) -> list[int]:
        return sorted({s.year for s in self._rows if s.year}, reverse=True)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == SUMMARY_ROLE:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                return self._names.get(s.status, s.status)
            value = getattr(s, key)
            if key in ("errors", "warnings"):
                return value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DecorationRole and key == "status":
            return self._icons.get(s.status)
        if role == Qt.ItemDataRole.ForegroundRole and key == "errors" and s.errors:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("year", "errors", "warnings"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{file}\n更新于 {at}").format(file=s.source_name, at=local_time(s.updated_at))
        return None


class LibraryFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.status: str | None = None
        self.year: int | None = None
        self.setSortRole(Qt.ItemDataRole.DisplayRole)

    def set_filter(self, text: str, status: str | None, year: int | None) -> None:
        self.beginFilterChange()
        self.text, self.status, self.year = text.strip().lower(), status, year
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        s = model.summary(row)
        if s is None:
            return False
        if self.status and s.status != self.status:
            return False
        if self.year and s.year != self.year:
            return False
        if self.text:
            hay = " ".join(str(x) for x in (s.agency, s.region, s.source_name, s.year) if x).lower()
            return self.text in hay
        return True


class LibraryPanel(QWidget):
    openRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("筛选：机关、地区、文件名…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(tr("全部状态"), None)
        for code, name in status_names().items():
            self.status.addItem(status_icon(code), name, code)
        self.year = QComboBox(self)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the library's order
        self.proxy.sort(-1)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((74, 150, 46, 40, 40, 64)):
            self.view.setColumnWidth(col, width)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self._filter)
        self.status.currentIndexChanged.connect(self._filter)
        self.year.currentIndexChanged.connect(self._filter)
        self.view.doubleClicked.connect(self._activated)
        self.view.installEventFilter(self)

    def set_reports(self, summaries: list[Any]) -> None:
        self.model.set_reports(summaries)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("全部年度"), None)
        for y in self.model.years():
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)

    def _filter(self, *_: Any) -> None:
        self.proxy.set_filter(self.search.text(), self.status.currentData(), self.year.currentData())

    def _activated(self, index: QModelIndex) -> None:
        s = index.data(SUMMARY_ROLE)
        if s is not None:
            self.openRequested.emit(s.id)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.view and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activated(self.view.currentIndex())
            return True
        return super().eventFilter(obj, event)

    def select(self, report_id: int) -> None:
        row = self.model.row_of(report_id)
        if row >= 0:
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid():
                self.view.selectRow(idx.row())

    def queue(self) -> list[int]:
        """Report ids in the order shown (the review queue)."""
        return [self.proxy.index(r, 0).data(SUMMARY_ROLE).id for r in range(self.proxy.rowCount())]

    def next_after(self, report_id: int) -> int | None:
        """The next report in the queue that is not verified yet."""
        ids = self.queue()
        if report_id not in ids:
            return None
        i = ids.index(report_id)
        for rid in ids[i + 1:] + ids[:i]:
            row = self.model.row_of(rid)
            if self.model.summary(row).status != "verified":
                return rid
        return None


if __name__ == "__main__":
    from ui.preview import run_preview, sample_library

    def make() -> LibraryPanel:
        panel = LibraryPanel()
        panel.set_reports(sample_library().list_reports())
        panel.openRequested.connect(lambda rid: print("open", rid))
        return panel

    run_preview(make, size=(520, 400))
