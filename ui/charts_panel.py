"""Charts of the library by year: requests received and how they were handled, administrative reviews and
lawsuits by outcome, with a table of the exact numbers (colour is never the only carrier of a value).

The figures are the core's (`reviewer.store.stats.by_year`); this module only draws them. They are computed
off the GUI thread by the app's task runner (`ui.workers.TaskRunner`, without a progress dialog) through a
read-only connection of their own, so a large library never blocks the window;
a refresh asked for while the panel is hidden waits until it is shown, and bursts of edits are coalesced by a
300 ms single-shot timer. Plot items are created once and updated in place (`setData` / `setOpts`).

In the main window the panel sits in a dock opened from 视图 › 图表 (Ctrl+Shift+C), created the first time it
is shown (pyqtgraph and numpy are imported only then). `python -m ui.charts_panel` shows it alone on the
samples, plus the reports of a folder given with `--reports DIR` (e.g. made by benchmarks/make_reports.py);
`--screenshot PATH` saves a picture of it and quits.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QColor, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.model import Number
from reviewer.store.stats import LibraryStats, Marker, by_year, marker
from ui import shortcuts
from ui.i18n import tr
from ui.workers import Cancel, Progress, TaskRunner

if TYPE_CHECKING:
    import pyqtgraph as pg

    from reviewer.store import Library

ModelIndex = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the exact number of a table cell
BLANKS_ROLE = Qt.ItemDataRole.UserRole + 2  # reports with a blank cell in that series and year
REFRESH_DELAY_MS = 300
LABEL_MARGIN_PX = 10  # room for half a tick label below 0 and above the top tick

# Stacks, bottom up. Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
REQUEST_STACK = ("granted", "partial", "denied", "unable", "not_processed", "other", "carried_forward")
APPEAL_STACK = ("upheld", "corrected", "other", "pending")
REQUEST_COLOURS = {"granted": "#009E73", "partial": "#56B4E9", "denied": "#D55E00", "unable": "#E69F00",
                   "not_processed": "#CC79A7", "other": "#999999", "carried_forward": "#0072B2"}
APPEAL_COLOURS = {"upheld": "#009E73", "corrected": "#D55E00", "other": "#999999", "pending": "#56B4E9"}
APPEAL_PLOTS = ("review", "litigation")


def request_names() -> dict[str, str]:
    return {"received": tr("本年新收申请"), "carried_over": tr("上年结转申请"), "granted": tr("予以公开"),
            "partial": tr("部分公开"), "denied": tr("不予公开"), "unable": tr("无法提供"),
            "not_processed": tr("不予处理"), "other": tr("其他处理"), "carried_forward": tr("结转下年度办理"),
            "total": tr("办理结果总计")}


def appeal_names() -> dict[str, str]:
    return {"upheld": tr("结果维持"), "corrected": tr("结果纠正"), "other": tr("其他结果"), "pending": tr("尚未审结"),
            "total": tr("总计")}


def appeal_titles() -> dict[str, str]:
    return {"review": tr("行政复议"), "litigation": tr("行政诉讼")}


def table_rows() -> list[tuple[str, str]]:
    """(key, label) of the rows of the numbers table: counts of reports, then every charted series."""
    req, app, titles = request_names(), appeal_names(), appeal_titles()
    rows = [("reports", tr("报告份数")), ("with_errors", tr("其中有错误的报告"))]
    rows += [(f"requests.{k}", req[k]) for k in ("received", "carried_over", *REQUEST_STACK, "total")]
    for group in APPEAL_PLOTS:
        rows += [(f"{group}.{o}", tr("{kind}：{outcome}").format(kind=titles[group], outcome=app[o]))
                 for o in (*APPEAL_STACK, "total")]
    return rows


def format_number(v: Number) -> str:
    if isinstance(v, float):
        return f"{v:.2f}".rstrip("0").rstrip(".")
    return str(v)


class StatsTableModel(QAbstractTableModel):
    """Rows: counts and series; columns: years. Display text, the exact number (VALUE_ROLE) and the number of
    reports with blanks (BLANKS_ROLE, also said in the text and the tooltip)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = table_rows()
        self.stats: LibraryStats | None = None
        self.years: list[int] = []

    def set_stats(self, stats: LibraryStats) -> None:
        years = [y.year for y in stats.years]
        if years != self.years:
            self.beginResetModel()
            self.stats, self.years = stats, years
            self.endResetModel()
            return
        self.stats = stats
        if years:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(years) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.years)

    def cell(self, row: int, column: int) -> tuple[Number, int]:
        """The exact value of a cell and the reports left out because of blanks."""
        assert self.stats is not None
        ys = self.stats.years[column]
        key = self.rows[row][0]
        if key == "reports":
            return ys.reports, 0
        if key == "with_errors":
            return ys.with_errors, 0
        figure = ys.figure(key)
        return figure.value, figure.blanks

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.stats is None:
            return None
        value, blanks = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_number(value)
            return tr("{value}（{n} 份空白）").format(value=text, n=blanks) if blanks else text
        if role == VALUE_ROLE:
            return value
        if role == BLANKS_ROLE:
            return blanks
        if role == Qt.ItemDataRole.ToolTipRole and blanks:
            return tr("{n} 份报告此项有空白单元格：空白不计为 0，合计只含已填写的数字").format(n=blanks)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return tr("{year} 年").format(year=self.years[section]) if section < len(self.years) else None
        return self.rows[section][1] if section < len(self.rows) else None


Request = tuple[bool, str]  # include_all, agency filter


def _compute(path: Path | str, request: Request, known: Marker | None) -> tuple[Marker, LibraryStats | None]:
    """Off the GUI thread: the library's marker, and the figures unless the marker is `known`."""
    now = marker(path)
    if now == known:
        return now, None
    include_all, agency = request
    return now, by_year(path, include_all=include_all, agency=agency or None)


@cache
def _integer_axis() -> type:
    """A pyqtgraph axis whose ticks are whole numbers (counts and years), built on first use."""
    import pyqtgraph as pg

    class IntegerAxis(pg.AxisItem):
        def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
            levels = [(s, o) for s, o in super().tickSpacing(minVal, maxVal, size) if s >= 1]
            return levels or [(1.0, 0.0)]

        def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
            return [str(int(round(v * scale))) for v in values]

    return IntegerAxis


def swatch(colour: str, size: int = 12) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(QColor(colour))
    p = QPainter(pm)
    p.setPen(QColor(0, 0, 0, 90))
    p.drawRect(0, 0, size - 1, size - 1)
    p.end()
    return pm


def legend_widget(entries: Sequence[tuple[str, str | None, str]], parent: QWidget, per_row: int = 4) -> QWidget:
    """Swatch and name of each series (`colour` None: a line with dots), `per_row` to a row."""
    box = QWidget(parent)
    rows = QVBoxLayout(box)
    rows.setContentsMargins(6, 0, 6, 0)
    rows.setSpacing(2)
    line: QHBoxLayout | None = None
    for i, (key, colour, name) in enumerate(entries):
        if i % per_row == 0:
            line = QHBoxLayout()
            line.setSpacing(4)
            rows.addLayout(line)
        assert line is not None
        icon = QLabel(box)
        icon.setObjectName(f"legend-swatch-{key}")
        icon.setPixmap(swatch(colour) if colour else _line_swatch(box.palette().color(QPalette.ColorRole.Text)))
        text = QLabel(name, box)
        text.setObjectName(f"legend-{key}")
        line.addWidget(icon)
        line.addWidget(text)
        line.addSpacing(10)
        if i % per_row == per_row - 1 or i == len(entries) - 1:
            line.addStretch(1)
    return box


def _line_swatch(colour: QColor, size: int = 12) -> QPixmap:
    pm = QPixmap(size * 2, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(colour)
    p.drawLine(0, size // 2, size * 2, size // 2)
    p.setBrush(colour)
    p.drawEllipse(size - 3, size // 2 - 3, 6, 6)
    p.end()
    return pm


class ChartsPanel(QWidget):
    """Figures of the library by year, as stacked bars and as a table."""

    refreshed = Signal(object)  # LibraryStats, after the charts and the table show them
    failed = Signal(str)
    openReport = Signal(int)  # a report chosen in a drill-down list

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        import pyqtgraph as pg

        self.library = library
        self.path = library.address  # a file or a server: its reads use connections of their own
        self.stats: LibraryStats | None = None
        self._marker: Marker | None = None
        self._shown_request: Request | None = None
        self.runner = TaskRunner(self)  # one read at a time, no dialog: the panel says what it shows
        self._running: Request | None = None
        self._stale = True  # the library may have changed since the figures were read
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._start)

        self.scope = QComboBox(self)
        self.scope.addItem(tr("仅已核实的报告"), False)
        self.scope.addItem(tr("所有状态的报告"), True)
        self.scope.setToolTip(tr("图表默认只统计已核实的报告"))
        self.scope.setAccessibleName(tr("统计范围"))
        self.scope.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.agency = QLineEdit(self)
        self.agency.setPlaceholderText(tr("按机关名称筛选"))
        self.agency.setClearButtonEnabled(True)
        self.agency.setAccessibleName(tr("机关名称筛选"))
        self.agency.textChanged.connect(lambda _t: self._filter_changed(throttle=True))
        self.summary = QLabel(self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("统计："), self))
        bar.addWidget(self.scope)
        bar.addWidget(self.agency, 1)
        bar.addWidget(self.summary, 2)

        # plot items are created once here; `show_stats` updates them in place, `_apply_palette` recolours them
        req_names, app_names = request_names(), appeal_names()
        self._titles: dict[str, str] = {}
        self._tops: dict[int, float] = {}  # per plot: the top of its highest bar
        self.requests_plot = self._plot(pg, "requests", tr("依申请公开（件）：办理结果（堆叠柱）与本年新收申请（折线）"))
        self.request_bars: dict[str, pg.BarGraphItem] = {}
        for key in REQUEST_STACK:
            item = pg.BarGraphItem(x=[], height=[], width=0.6, brush=REQUEST_COLOURS[key], name=req_names[key])
            self.requests_plot.addItem(item)
            self.request_bars[key] = item
        self.received_line = self.requests_plot.plot([], [], symbol="o", symbolSize=7, name=req_names["received"])
        self.appeal_plots: dict[str, pg.PlotItem] = {}
        self.appeal_bars: dict[str, dict[str, pg.BarGraphItem]] = {}
        for group, title in appeal_titles().items():
            plot = self._plot(pg, group, tr("{kind}（件）：按结果（堆叠柱）").format(kind=title))
            self.appeal_plots[group] = plot
            self.appeal_bars[group] = {}
            for key in APPEAL_STACK:
                item = pg.BarGraphItem(x=[], height=[], width=0.6, brush=APPEAL_COLOURS[key], name=app_names[key])
                plot.addItem(item)
                self.appeal_bars[group][key] = item

        self.requests_view = self.requests_plot.getViewWidget()
        self.requests_view.setAccessibleName(tr("依申请公开图表；确切数字见下方表格"))
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.requests_view, 1)
        left.addWidget(legend_widget([(k, REQUEST_COLOURS[k], req_names[k]) for k in REQUEST_STACK]
                                     + [("received", None, req_names["received"])], self))
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        for group, plot in self.appeal_plots.items():
            view = plot.getViewWidget()
            view.setAccessibleName(tr("{kind}图表；确切数字见下方表格").format(kind=appeal_titles()[group]))
            right.addWidget(view, 1)
        right.addWidget(legend_widget([(k, APPEAL_COLOURS[k], app_names[k]) for k in APPEAL_STACK], self))
        charts = QWidget(self)
        row = QHBoxLayout(charts)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 3)
        row.addLayout(right, 2)

        self.model = StatsTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("各年度数字"))
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.note)
        lower_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(charts)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self._apply_palette()
        # drill-down: a click on a bar, or Enter / a double-click on a number, lists the reports behind it
        self.drilldown: QDialog | None = None
        self.requests_view.setToolTip(tr("点击柱形或表中的数字，列出其中的报告"))
        self.requests_plot.scene().sigMouseClicked.connect(
            lambda ev: self._bar_clicked(self.requests_plot, "requests", REQUEST_STACK, ev))
        for group, plot in self.appeal_plots.items():
            plot.scene().sigMouseClicked.connect(
                lambda ev, plot=plot, group=group: self._bar_clicked(plot, group, APPEAL_STACK, ev))
        self.table.activated.connect(self._number_chosen)
        self.table.doubleClicked.connect(self._number_chosen)

    def _plot(self, pg: Any, key: str, title: str) -> pg.PlotItem:
        axis = _integer_axis()
        widget = pg.PlotWidget(self, axisItems={"bottom": axis(orientation="bottom"), "left": axis(orientation="left")})
        widget.setMinimumSize(QSize(220, 160))
        plot = widget.getPlotItem()
        self._titles[key] = title
        plot.getViewBox().sigResized.connect(lambda _vb, plot=plot: self._fit_height(plot))
        plot.showGrid(y=True, alpha=0.25)
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        return plot

    def _plots(self) -> dict[str, pg.PlotItem]:
        return {"requests": self.requests_plot, **self.appeal_plots}

    def _apply_palette(self) -> None:
        """Background, text and lines in the colours of the palette (light or dark); the series keep theirs."""
        import pyqtgraph as pg

        fg = self.palette().color(QPalette.ColorRole.Text)
        bg = self.palette().color(QPalette.ColorRole.Base)
        for key, plot in self._plots().items():
            plot.getViewWidget().setBackground(bg)
            plot.setTitle(self._titles[key], color=fg, size="10pt")
            for name in ("left", "bottom"):
                ax = plot.getAxis(name)
                ax.setPen(fg)
                ax.setTextPen(fg)
        separator = pg.mkPen(bg, width=1)  # a thin gap between the stacked parts
        for bars in (self.request_bars, *self.appeal_bars.values()):
            for item in bars.values():
                item.setOpts(pen=separator)
        self.received_line.setPen(pg.mkPen(fg, width=2))
        self.received_line.setSymbolBrush(fg)
        self.received_line.setSymbolPen(fg)
        icon = self.findChild(QLabel, "legend-swatch-received")
        if icon is not None:
            icon.setPixmap(_line_swatch(fg))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "received_line"):
            self._apply_palette()

    # -- refreshing --------------------------------------------------------------------------------
    @property
    def include_all(self) -> bool:
        return bool(self.scope.currentData())

    def set_include_all(self, include_all: bool) -> None:
        self.scope.setCurrentIndex(1 if include_all else 0)

    def request(self) -> Request:
        return self.include_all, self.agency.text().strip()

    def schedule_refresh(self) -> None:
        """The library changed: refresh within REFRESH_DELAY_MS (one refresh for a burst), once visible."""
        self._stale = True
        if self.isVisible() and not self._timer.isActive():
            self._timer.start()

    def refresh_now(self) -> None:
        self._stale = True
        self._timer.stop()
        self._start()

    def _filter_changed(self, throttle: bool = False) -> None:
        if throttle:
            self.schedule_refresh()
        else:
            self.refresh_now()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._timer.isActive():
            self._timer.start(0 if self.stats is None else REFRESH_DELAY_MS)

    def busy(self) -> bool:
        """The figures are being read in the background."""
        return self.runner.busy

    def scheduled(self) -> bool:
        """A refresh will start when the throttle timer fires."""
        return self._timer.isActive()

    def _start(self) -> None:
        if self.runner.busy:  # one at a time; the newest request runs when this one is done
            return
        request = self.request()
        known = self._marker if request == self._shown_request else None
        self._stale = False
        self._running = request
        path = self.path

        def read(_progress: Progress, _cancel: Cancel) -> tuple[Marker, LibraryStats | None]:
            return _compute(path, request, known)

        self.runner.start(read, label=tr("正在统计…"), on_success=self._collect, on_failure=self._read_failed,
                          show_dialog=False)

    def _read_failed(self, reason: str) -> None:
        """Shown in one line; the panel keeps its last figures."""
        self.summary.setText(tr("无法统计：{reason}").format(reason=reason))
        self.failed.emit(reason)

    def _collect(self, result: tuple[Marker, LibraryStats | None]) -> None:
        found, stats = result
        request = self._running
        if request != self.request():  # the filter changed meanwhile: read again for the new one
            self._start()
            return
        self._marker, self._shown_request = found, request
        if stats is not None:
            self.show_stats(stats)
        elif self.stats is not None:
            self.refreshed.emit(self.stats)
        if self._stale:  # the library changed while reading
            self.schedule_refresh()

    def shutdown(self) -> None:
        """Wait for a read still running (the panel or its window closes)."""
        self._timer.stop()
        self.runner.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- drill-down ----------------------------------------------------------------------------------
    def _bar_clicked(self, plot: pg.PlotItem, prefix: str, stack: Sequence[str], event: Any) -> None:
        from ui.drilldown import bar_at

        if self.stats is None or not plot.sceneBoundingRect().contains(event.scenePos()):
            return
        point = plot.getViewBox().mapSceneToView(event.scenePos())
        hit = bar_at(self.stats, prefix, stack, point.x(), point.y())
        if hit is not None:
            self.drill(*hit)

    def _number_chosen(self, index: QModelIndex) -> None:
        if index.isValid() and self.stats is not None:
            self.drill(self.model.years[index.column()], self.model.rows[index.row()][0])

    def drill(self, year: int, key: str) -> QDialog:
        """List the reports behind one figure (same filters as the charts); opening one emits `openReport`."""
        from reviewer.store.stats import reports_behind
        from ui.drilldown import DrillDownDialog
        from ui.library_panel import status_names

        include_all, agency = self.request()
        behind = reports_behind(self.path, year, key, include_all=include_all, agency=agency or None)
        label = dict(table_rows()).get(key, key)
        dialog = DrillDownDialog(tr("{year} 年 · {series}：{n} 份报告").format(year=year, series=label, n=len(behind)),
                                 behind, status_names(), self)
        dialog.openRequested.connect(self.openReport.emit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.drilldown = dialog
        return dialog

    # -- drawing -----------------------------------------------------------------------------------
    def show_stats(self, stats: LibraryStats) -> None:
        import numpy as np

        self.stats = stats
        years = [y.year for y in stats.years]
        x = np.array(years, dtype=float)
        bottom = np.zeros(len(years))
        for key in REQUEST_STACK:
            h = np.array(stats.values(f"requests.{key}"), dtype=float)
            self.request_bars[key].setOpts(x=x, height=h, y0=bottom.copy(), width=0.6)
            bottom += h
        received = np.array(stats.values("requests.received"), dtype=float)
        self.received_line.setData(x, received)
        self._frame(self.requests_plot, years, max([*bottom, *received], default=0))
        for group, bars in self.appeal_bars.items():
            bottom = np.zeros(len(years))
            for key in APPEAL_STACK:
                h = np.array(stats.values(f"{group}.{key}"), dtype=float)
                bars[key].setOpts(x=x, height=h, y0=bottom.copy(), width=0.6)
                bottom += h
            self._frame(self.appeal_plots[group], years, max(bottom, default=0))
        self.model.set_stats(stats)
        self.summary.setText(self._summary_text(stats))
        self.note.setText(self._blanks_text(stats))
        self.note.setVisible(bool(self.note.text()))
        self.refreshed.emit(stats)

    def _frame(self, plot: pg.PlotItem, years: list[int], top: float) -> None:
        plot.getAxis("bottom").setTicks([[(float(y), str(y)) for y in years], []])
        if years:
            plot.setXRange(min(years) - 0.6, max(years) + 0.6, padding=0)
        else:
            plot.setXRange(0, 1, padding=0)
        self._tops[id(plot)] = max(1.0, float(top))
        self._fit_height(plot)

    def _fit_height(self, plot: pg.PlotItem) -> None:
        """Y from 0 to the top with LABEL_MARGIN_PX below and above: a tick label is drawn only where it fits
        inside the axis, so the 0 and the top tick keep theirs whatever the height of the plot."""
        top = self._tops.get(id(plot), 1.0)
        pixels = max(60.0, plot.getViewBox().height())
        pad = top * LABEL_MARGIN_PX / (pixels - 2 * LABEL_MARGIN_PX)
        plot.setYRange(-pad, top * 1.04 + pad, padding=0)

    def _summary_text(self, stats: LibraryStats) -> str:
        verified_only = len(stats.statuses) == 1
        if not stats.years and not stats.undated:
            if verified_only:
                return tr("还没有已核实的报告。选择“所有状态的报告”可查看全部报告的数字。")
            return tr("没有符合条件的报告。")
        text = tr("已核实的报告 {n} 份，其中 {e} 份有错误") if verified_only else \
            tr("所有状态的报告 {n} 份，其中 {e} 份有错误")
        parts = [text.format(n=stats.reports, e=sum(y.with_errors for y in stats.years))]
        if stats.undated:
            parts.append(tr("{n} 份没有年度，未计入").format(n=stats.undated))
        if stats.superseded:
            parts.append(tr("同一机关同一年度的另 {n} 份文件未重复计入").format(n=stats.superseded))
        return " · ".join(parts)

    def _blanks_text(self, stats: LibraryStats) -> str:
        keys = [k for k, _ in table_rows() if "." in k]
        years = [f"{y.year}" for y in stats.years if any(y.blanks(k) for k in keys)]
        if not years:
            return ""
        return tr("空白单元格不计为 0：{years} 年有报告的部分数字空白，图中只计已填写的数字，"
                  "空白的份数见下表括号。").format(years="、".join(years))


class ChartsDock(QDockWidget):
    """The charts panel in a dock of the main window, created the first time the dock is shown."""

    def __init__(self, window: QMainWindow, library: Library) -> None:
        super().__init__(tr("图表"), window)
        self.setObjectName("charts")
        self.library = library
        self.panel: ChartsPanel | None = None
        self.action = self.toggle_action()
        self.visibilityChanged.connect(self._shown)

    @classmethod
    def attach(cls, window: QMainWindow, library: Library) -> ChartsDock:
        """Add the dock (hidden) to `window`; its toggle (`action`, Ctrl+Shift+C) is registered with the window's
        commands, which put it in 视图. The window calls `library_changed` when the library changes."""
        dock = cls(window, library)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def toggle_action(self) -> QAction:
        action = self.toggleViewAction()
        action.setText(tr("图表"))
        action.setShortcuts(shortcuts.sequences("charts"))
        action.setStatusTip(tr("按年度查看申请、复议和诉讼的数字（默认只统计已核实的报告）"))
        return action

    def library_changed(self) -> None:
        if self.panel is not None:
            self.panel.schedule_refresh()

    def shutdown(self) -> None:
        if self.panel is not None:
            self.panel.shutdown()

    def _shown(self, visible: bool) -> None:
        if not visible or self.panel is not None:
            return
        self.panel = ChartsPanel(self.library, self)
        self.setWidget(self.panel)
        window = self.parent()
        opener = getattr(window, "open_report", None)
        if opener is not None:
            self.panel.openReport.connect(opener)  # a report chosen in a drill-down opens in the window
        if isinstance(window, QMainWindow) and not self.isFloating():
            window.resizeDocks([self], [max(320, int(window.height() * 0.45))], Qt.Orientation.Vertical)


__all__ = ["ChartsDock", "ChartsPanel", "StatsTableModel", "format_number", "table_rows"]


def preview_library(reports: Path | None = None, directory: Path | None = None) -> Library:
    """The samples plus the reports of the folder `reports` (for several years, e.g. generated by
    `python benchmarks/make_reports.py DIR --count 24 --seed 7`); two in three of the reports without findings
    verified, so the two filters show different figures."""
    from ui.preview import sample_library

    lib = sample_library(directory)
    if reports is not None:
        lib.import_paths([reports], reviewer="preview", workers=1)
    for i, rid in enumerate([s.id for s in lib.list_reports() if s.errors == 0 and s.warnings == 0]):
        if i % 3 != 2:
            lib.verify(rid, reviewer="preview", acknowledgements={}, expected_version=lib.summary(rid).version)
    return lib


def _main(argv: list[str]) -> int:
    import argparse

    from ui.preview import app_instance, run_preview

    parser = argparse.ArgumentParser(prog="python -m ui.charts_panel")
    parser.add_argument("--screenshot", type=Path, help="save a picture of the panel to this PNG and quit")
    parser.add_argument("--all", action="store_true", help="count reports of every status")
    parser.add_argument("--reports", type=Path, help="a folder of reports to import besides the samples")
    args = parser.parse_args(argv)

    def make() -> ChartsPanel:
        panel = ChartsPanel(preview_library(args.reports))
        panel.set_include_all(args.all)
        return panel

    if args.screenshot is None:
        return run_preview(make, size=(1280, 900))
    app = app_instance()
    panel = make()
    panel.resize(1280, 900)
    panel.show()

    def save(_stats: object) -> None:
        QTimer.singleShot(100, lambda: (panel.grab().save(str(args.screenshot)), app.quit()))

    panel.refreshed.connect(save)
    return app.exec()


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))

