"""文件 › 导入修改…: every cell changed in an edited export (old → new), conflicts shown and never applied; the
reviewer unticks what not to apply."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.export.excel_edits import CellChange, EditsPreview
from ui.i18n import tr

CONFLICT_BRUSH = QBrush(QColor("#fde0dc"))


def _v(v: object) -> str:
    return tr("空") if v is None else str(v)


class ImportEditsDialog(QDialog):
    """`name(report_id, cell)`: the cell in words."""

    COLUMNS = 6

    def __init__(self, preview: EditsPreview, name: Callable[[int, str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(tr("导入修改：{file}").format(file=preview.path.name))
        self.resize(980, 520)
        n, k = len(preview.changes), len(preview.conflicts)
        intro = QLabel(tr("文件中有 {n} 处修改，其中 {k} 处与导出后资料库中的修改冲突（不会应用）。"
                          "勾选的修改将记入审核记录，理由为“{reason}”。").format(n=n, k=k, reason=preview.reason), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(preview.changes), self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([tr("应用"), tr("报告"), tr("单元格"), tr("导出时 → 文件中"),
                                              tr("资料库现为"), tr("说明")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ticks: list[QTableWidgetItem] = []
        for row, c in enumerate(preview.changes):
            tick = QTableWidgetItem()
            self.ticks.append(tick)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not c.is_conflict:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            tick.setFlags(flags)
            tick.setCheckState(Qt.CheckState.Unchecked if c.is_conflict else Qt.CheckState.Checked)
            texts = [f"#{c.report_id} {preview.agencies.get(c.report_id, '')}", name(c.report_id, c.cell),
                     f"{_v(c.old)} → {_v(c.new)}", _v(c.current),
                     tr("冲突：{why}").format(why=c.conflict) if c.is_conflict else ""]
            self.table.setItem(row, 0, tick)
            items = [tick]
            for col, text in enumerate(texts, 1):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
                items.append(item)
            if c.is_conflict:
                for item in items:
                    item.setBackground(CONFLICT_BRUSH)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        if preview.problems:
            problems = QPlainTextEdit("\n".join(preview.problems), self)
            problems.setReadOnly(True)
            problems.setMaximumHeight(90)
            layout.addWidget(QLabel(tr("无法读取的内容："), self))
            layout.addWidget(problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("应用勾选的修改"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(preview.applicable))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accepted_changes(self) -> list[CellChange]:
        return [c for c, tick in zip(self.preview.changes, self.ticks, strict=True)
                if not c.is_conflict and tick.checkState() == Qt.CheckState.Checked]
