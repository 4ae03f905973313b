"""Chart drill-down: which figure a click on a stacked bar means, and the list of the reports behind it
(`reviewer.store.stats.reports_behind`); opening one takes the reviewer to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.store.stats import Contribution, LibraryStats
from ui.i18n import tr

BAR_HALF_WIDTH = 0.3  # the bars are 0.6 wide, centred on their year


def bar_at(stats: LibraryStats, prefix: str, stack: Sequence[str], x: float, y: float) -> tuple[int, str] | None:
    """The (year, series) of the stacked bar segment at chart coordinates (x, y), or None. `prefix` names the
    chart's series ("requests", "review" …) and `stack` its segments bottom up."""
    year = round(x)
    if abs(x - year) > BAR_HALF_WIDTH or y < 0:
        return None
    ys = stats.year(year)
    if ys is None:
        return None
    bottom = 0.0
    for key in stack:
        top = bottom + float(ys.value(f"{prefix}.{key}"))
        if bottom <= y < top:
            return year, f"{prefix}.{key}"
        bottom = top
    return None


def _v(c: Contribution) -> str:
    if c.value is None:
        return tr("空白")
    text = f"{c.value:.2f}".rstrip("0").rstrip(".") if isinstance(c.value, float) else str(c.value)
    return text + (tr("（{n} 格空白）").format(n=c.blanks) if c.blanks else "")


class DrillDownDialog(QDialog):
    """The reports behind one figure; Enter, a double-click or 打开报告 opens the chosen one."""

    openRequested = Signal(int)

    def __init__(self, title: str, behind: list[Contribution], statuses: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 420)
        self.behind = behind
        self.table = QTableWidget(len(behind), 4, self)
        self.table.setHorizontalHeaderLabels([tr("机关"), tr("年度"), tr("状态"), tr("数值")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, c in enumerate(behind):
            for col, text in enumerate((c.agency or tr("（未识别机关）"), str(c.year), statuses.get(c.status, c.status),
                                        _v(c))):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if behind:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(tr("打开报告"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setEnabled(bool(behind))
        self.open_button.setDefault(True)
        buttons.accepted.connect(self.open_current)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("{n} 份报告").format(n=len(behind)), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def open_current(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.behind):
            self.openRequested.emit(self.behind[row].id)
            self.accept()
