"""The library: every report with agency, year, status (icon shape and colour) and its errors and warnings.

Filter by text, status and year; Enter or double-click opens a report. The rows are the store's lazy
`ReportList` (a library of 100,000 reports lists at once; rows are read as they are shown); filters and
sorting are queries of the store. The list refreshes row by row from each write (`update_row`), and as a
whole after an import (`refresh`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError
from reviewer.store.claims import shown_status
from reviewer.store.types import ReportList
from ui.i18n import tr
from ui.marks import MarkStyle

if TYPE_CHECKING:
    from reviewer.store import Library

ModelIndex = QModelIndex | QPersistentModelIndex
Query = Callable[..., ReportList]  # Library.list_reports
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ORDER = ("new", "in_review", "pending", "verified")


def local_time(stamp: str) -> str:
    """The store's UTC ISO time as local time, to the second."""
    try:
        return _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


def status_names() -> dict[str, str]:
    return {"new": tr("待审核"), "in_review": tr("审核中"), "pending": tr("待复核"), "verified": tr("已核实")}


HAS_PREFIX = "has:"  # the status filter's entries that are not statuses
RETIRED = "retired"  # the status filter's entry listing the retired reports (to restore one)


def problem_filters() -> list[tuple[str, str, str]]:
    """(filter of `list_reports(has=...)`, its name, the mark whose icon it shows)."""
    return [("errors", tr("有错误"), "error"), ("warnings", tr("有警告"), "warning"),
            ("defects", tr("源文件错误"), "defect")]


def shown_state(s: Any, holder: str | None, names: dict[str, str] | None = None) -> tuple[str, str]:
    """(status code, words) of a report as every place shows it (the list, the report's bar, the window's title,
    the counts): opening a report to edit it starts its review, so while someone holds it — 待审核 included —
    it is 审核中 · name (`reviewer.store.claims.shown_status`); 已停用 when retired (a verified report with
    confirmed source defects shows it by its icon and its tooltip)."""
    code = shown_status(s.status, holder is not None)
    if holder is not None and code == "in_review" and not getattr(s, "retired_at", None):
        return code, tr("审核中 · {name}").format(name=holder)
    return code, tr("已停用") if getattr(s, "retired_at", None) else (names or status_names()).get(code, code)


def version_marker(s: Any) -> str:
    """[版本✓] on the version of an agency's year that counts, [版本] on the others (none: a single file)."""
    if not getattr(s, "has_versions", False):
        return ""
    return "  [" + tr("版本") + ("✓" if s.counts else "") + "]"


def row_notes(s: Any) -> str:
    notes = []
    if getattr(s, "defects", 0):
        notes.append(tr("已确认的源文件错误：{n} 个").format(n=s.defects))
    if getattr(s, "has_versions", False):
        notes.append(tr("同一机关同一年度共有 {n} 份文件；{which}").format(
            n=s.versions, which=tr("计入导出和图表的是这一份") if s.counts else tr("计入的是另一份")))
        notes.append(tr("这一份：{file}（{fmt}）").format(file=s.source_name, fmt=s.template or "—"))
    if getattr(s, "retired_at", None):
        notes.append(tr("已停用（{at}）").format(at=local_time(s.retired_at)))
    return "".join("\n" + n for n in notes)


def status_icon(status: str, size: int = 14, defects: bool = False) -> QIcon:
    """Hollow circle (new), half-filled circle (in review), check mark in a green disc (verified); a verified
    report with confirmed source defects has a brown corner on its disc."""
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
            if defects:
                p.setPen(QPen(Qt.GlobalColor.white, 1))
                p.setBrush(QColor("#8d6e63"))
                p.drawEllipse(QRectF(r.right() - size * 0.45, r.top() - 0.5, size * 0.45, size * 0.45))
        elif status == "pending":  # three quarters: verified by a reviewer, a lead's sign-off to come
            p.setPen(QPen(QColor("#b26a00"), 1.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
            p.setBrush(QColor("#ef8f00"))
            p.drawPie(r, 90 * 16, 270 * 16)
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


class _StatusCell(QStyledItemDelegate):
    """A status too wide for its column shows its state word alone (审核中 · 张三 → 审核中; the holder is in the
    row's tooltip): elided, it would lose the word (审核…三) that the column is for."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight
        state, sep, _holder = option.text.partition(" · ")
        room = option.rect.width() - option.decorationSize.width() - 12  # the icon, the cell's margins
        if sep and option.fontMetrics.horizontalAdvance(option.text) > room:
            option.text = state


class LibraryModel(QAbstractTableModel):
    """The library's reports as rows: a lazy `ReportList` from the store (its length at once, its rows read in
    pages as the view shows them). Filters and sorting go to the store (`Library.list_reports`), so a library
    of 100,000 reports is never read whole; `data()` only reads through the list's page cache."""

    COLUMNS = ("status", "agency", "year", "errors", "warnings", "region", "source_name")
    # the store's order for each column (`Library.list_reports(order=...)`)
    ORDERS = {"status": "status", "agency": "agency", "year": "year", "errors": "errors", "warnings": "warnings",
              "region": "region", "source_name": "file"}

    ICON_COLUMNS = {"errors": "error", "warnings": "warning"}  # headers shown by the marks' icons

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.header_icons: dict[str, QIcon] = {}  # set by the panel from its palette
        self._rows = ReportList([], lambda ids: [])  # nothing listed yet
        self._query: Query | None = None
        self._filters: dict[str, Any] = {}
        self._order: tuple[str, bool] = ("id", False)
        self._icons = {s: status_icon(s) for s in STATUS_ORDER}
        self._defect_icon = status_icon("verified", defects=True)
        self._names = status_names()
        self.claims: dict[int, Any] = {}  # report id -> the claim in force (`Library.claims`), shown as 审核中 · name

    def headers(self) -> list[str]:
        return [tr("状态"), tr("机关"), tr("年度"), tr("错误"), tr("警告"), tr("地区"), tr("文件")]

    # -- the rows ----------------------------------------------------------------------------------------
    def set_query(self, query: Query | None) -> None:
        """Where the rows come from: `Library.list_reports` (filters and order as keywords)."""
        self._query = query
        self.reload()

    def set_filters(self, *, text: str = "", status: str | None = None, year: int | None = None,
                    has: str | None = None, retired: bool = False) -> None:
        self._filters = {"text": text.strip() or None, "status": status, "year": year}
        if has:
            self._filters["has"] = has
        if retired:
            self._filters["retired"] = True
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header: the store sorts (column -1: the library's order)."""
        key = self.ORDERS[self.COLUMNS[column]] if 0 <= column < len(self.COLUMNS) else "id"
        new = (key, order == Qt.SortOrder.DescendingOrder)
        if new != self._order:
            self._order = new
            self.reload()

    def reload(self) -> None:
        """Ask the store again with the current filters and order."""
        if self._query is not None:
            order, descending = self._order
            self.set_reports(self._query(**self._filters, order=order, descending=descending))

    def set_reports(self, summaries: ReportList) -> None:
        """Show these rows; the `ReportList` is kept as it is (never copied: its rows are read when shown)."""
        self.beginResetModel()
        self._rows = summaries
        self.endResetModel()

    def update_row(self, summary: Any) -> bool:
        """One report changed: refresh exactly its row."""
        i = self.row_of(summary.id)
        if i < 0:
            return False
        self._rows.put(summary)
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
        return True

    def set_claims(self, claims: dict[int, Any]) -> None:
        """Who holds which report now; the rows whose holder changed are shown again."""
        changed = {rid for rid in set(claims) | set(self.claims) if claims.get(rid) != self.claims.get(rid)}
        self.claims = dict(claims)
        column = self.COLUMNS.index("status")
        for rid in changed:
            row = self.row_of(rid)
            if row >= 0:
                index = self.index(row, column)
                self.dataChanged.emit(index, index)

    def summary(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, report_id: int) -> int:
        return self._rows.index_of(report_id)

    def ids(self) -> list[int]:
        """Report ids in the order shown, without reading the rows of a `ReportList`."""
        return self._rows.ids

    @property
    def rows(self) -> ReportList:
        return self._rows

    # -- Qt ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The counts of errors and warnings are headed by the marks' icons (narrow in every language; the
        status bar's legend names them), with their word as tooltip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        key = self.COLUMNS[section]
        icon = self.header_icons.get(self.ICON_COLUMNS.get(key, ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if icon is not None else self.headers()[section]
        if role == Qt.ItemDataRole.DecorationRole:
            return icon
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.headers()[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        try:
            s = self._rows[index.row()]  # a page of the list is read the first time one of its rows is shown
        except ReviewerError:  # the library cannot be read just now (a server gone away): blank until it can
            return None
        key = self.COLUMNS[index.column()]
        if role == SUMMARY_ROLE:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "status":
                held = self.claims.get(s.id)  # 审核中 · name: someone has it open to edit (`ui.claims`)
                return shown_state(s, held.holder if held else None, self._names)[1]
            if key == "agency":
                return (s.agency or "") + version_marker(s)
            value = getattr(s, key)
            if key in ("errors", "warnings"):
                return value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DecorationRole and key == "status":
            if getattr(s, "verified_with_defects", False):
                return self._defect_icon
            return self._icons.get(shown_status(s.status, s.id in self.claims))  # opened to edit: in review
        if role == Qt.ItemDataRole.ForegroundRole and key == "errors" and s.errors:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("year", "errors", "warnings"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = tr("{agency} {year}\n地区：{region}\n文件：{file}\n更新于 {at}").format(
                agency=s.agency or "", year=s.year or "", region=s.region or "—", file=s.source_name,
                at=local_time(s.updated_at))
            held = self.claims.get(s.id)
            if held is not None:
                tip += "\n" + tr("{name} 自 {at} 起审核").format(name=held.holder, at=local_time(held.claimed_at))
            return tip + row_notes(s)
        return None


class LibraryPanel(QWidget):
    """The list with its filters. The rows come from the library (`set_library`); a filter or a click on a
    header asks the store again. Region and file columns are hidden by default (their header's context menu
    shows them; the tooltip of a row names both) so the list fits its default width."""

    openRequested = Signal(int)
    HIDDEN = ("region", "source_name")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.model = LibraryModel(self)
        self._set_header_icons()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("筛选：机关、地区、文件名、年度…"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(tr("全部状态"), None)
        for code, name in status_names().items():
            self.status.addItem(status_icon(code), name, code)
        style = MarkStyle.for_palette(self.palette())
        for has, name, mark in problem_filters():  # not statuses: reports with errors, with warnings
            self.status.addItem(style.icon(mark), name, HAS_PREFIX + has)
        self.status.addItem(tr("已停用"), RETIRED)
        self.count = QLabel(self)  # how many reports the filters match
        self.count.setToolTip(tr("符合筛选条件的报告数"))
        self.year = QComboBox(self)
        self.year.addItem(tr("全部年度"), None)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the library's order
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # export, review report
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        # an agency's name starts with its place and ends with its kind (…人民政府, …教育局): a narrow column keeps
        # both ends (the whole name is in the row's tooltip)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._status_delegate = _StatusCell(self.view)
        self.view.setItemDelegateForColumn(LibraryModel.COLUMNS.index("status"), self._status_delegate)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one height for all: no row is measured
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self._set_column_widths()
        filters = QHBoxLayout()  # the filter box on its own line, so a narrow panel keeps it readable
        filters.addWidget(self.status, 1)
        filters.addWidget(self.year, 1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self.search.textChanged.connect(self._filter)
        self.status.currentIndexChanged.connect(self._filter)
        self.year.currentIndexChanged.connect(self._filter)
        self.view.doubleClicked.connect(self._activated)
        self.view.installEventFilter(self)
        self.search.installEventFilter(self)
        self.search.returnPressed.connect(self._search_entered)
        self.model.modelReset.connect(self._count)

    def _set_header_icons(self) -> None:
        style = MarkStyle.for_palette(self.palette())
        self.model.header_icons = {kind: style.icon(kind) for kind in LibraryModel.ICON_COLUMNS.values()}

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "view"):  # dark mode switched
            self._set_header_icons()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LibraryModel.COLUMNS) - 1)

    def _set_column_widths(self) -> None:
        """Widths from what they show (Chinese or English), the agency taking what is left."""
        header = self.view.horizontalHeader()
        head, body = header.fontMetrics(), self.view.fontMetrics()
        arrow = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 8  # the sort indicator
        samples = {"status": max([*status_names().values(), tr("已停用")], key=body.horizontalAdvance),
                   "year": "2024",
                   "errors": "000", "warnings": "000"}
        for col, key in enumerate(LibraryModel.COLUMNS):
            if key in samples:
                extra = 18 + 6 if key == "status" else 0  # the status icon
                title = self.model.headerData(col, Qt.Orientation.Horizontal)
                heading = head.horizontalAdvance(title) if title else 14  # an icon
                width = max(heading + arrow, body.horizontalAdvance(samples[key]) + 12 + extra)
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(col, width)
            elif key == "agency":
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(col, body.horizontalAdvance("淄博市临淄区") + 16)
                self.view.setColumnHidden(col, key in self.HIDDEN)

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        titles = self.model.headers()
        for col, key in enumerate(LibraryModel.COLUMNS):
            if key in self.HIDDEN:
                action = menu.addAction(tr("显示“{column}”列").format(column=titles[col]))
                action.setCheckable(True)
                action.setChecked(not self.view.isColumnHidden(col))
                action.toggled.connect(lambda on, c=col: self.view.setColumnHidden(c, not on))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    # -- rows from the library ---------------------------------------------------------------------------
    def set_library(self, library: Library | None) -> None:
        """Show this library's reports (`list_reports` for the rows, `years` for the year filter)."""
        self.library = library
        self._fill_years()
        self.model.set_query(library.list_reports if library is not None else None)

    def refresh(self) -> None:
        """The library changed (an import): ask again, keeping the selection."""
        if self.library is None:
            return
        current = self.current_id()
        self._fill_years()
        self.model.reload()
        if current is not None:
            self.select(current)

    def _fill_years(self) -> None:
        years = self.library.years() if self.library is not None else []
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("全部年度"), None)
        for y in years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)

    def _count(self) -> None:
        self.count.setText(tr("{n} 份").format(n=self.model.rowCount()))

    def _search_entered(self) -> None:
        """Enter in the filter box: the single match opens; with several, the keyboard goes into the list."""
        if self.model.rowCount() == 1:
            self.view.selectRow(0)
            self._activated(self.model.index(0, 0))
        elif self.model.rowCount() > 1:
            self.enter_list()

    def enter_list(self) -> None:
        """The keyboard into the list, on the selected report or the first one."""
        if self.model.rowCount() == 0:
            return
        if not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self.view.setFocus()

    def _filter(self, *_: Any) -> None:
        current = self.current_id()
        chosen = self.status.currentData()
        has = chosen[len(HAS_PREFIX):] if isinstance(chosen, str) and chosen.startswith(HAS_PREFIX) else None
        retired = chosen == RETIRED
        self.model.set_filters(text=self.search.text(), status=None if has or retired else chosen,
                               year=self.year.currentData(), has=has, retired=retired)
        if current is not None:
            self.select(current)

    def current_id(self) -> int | None:
        s = self.view.currentIndex().data(SUMMARY_ROLE) if self.view.currentIndex().isValid() else None
        return s.id if s is not None else None

    def _activated(self, index: QModelIndex) -> None:
        s = index.data(SUMMARY_ROLE)
        if s is not None:
            self.openRequested.emit(s.id)

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.search and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress \
                and event.key() == Qt.Key.Key_Down:
            self.enter_list()
            return True
        if obj is self.view and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activated(self.view.currentIndex())
            return True
        return super().eventFilter(obj, event)

    def select(self, report_id: int) -> None:
        row = self.model.row_of(report_id)
        if row >= 0:
            self.view.selectRow(row)

    def queue(self) -> list[int]:
        """Report ids in the order shown (the review queue)."""
        return self.model.ids()

    def next_after(self, report_id: int) -> int | None:
        """The next report in the queue that is not verified yet (rows read only as far as needed)."""
        i = self.model.row_of(report_id)
        n = self.model.rowCount()
        if i < 0:
            return None
        for k in range(1, n):
            s = self.model.summary((i + k) % n)
            if s is not None and s.status != "verified":
                return int(s.id)
        return None


if __name__ == "__main__":
    from ui.preview import run_preview, sample_library

    def make() -> LibraryPanel:
        panel = LibraryPanel()
        panel.set_library(sample_library())
        panel.openRequested.connect(lambda rid: print("open", rid))
        return panel

    run_preview(make, size=(520, 400))
