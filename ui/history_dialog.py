"""The edit history of one report: who, when, which cell, old -> new, and why (the store's audit trail)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr
from ui.library_panel import local_time, status_names
from ui.row_table import ModelIndex, RowTableModel

if TYPE_CHECKING:
    from reviewer.store import AuditEntry


def kind_names() -> dict[str, str]:
    return {"edit": tr("修改"), "undo": tr("撤销"), "redo": tr("重做"), "paste": tr("粘贴"),
            "suggestion": tr("采纳建议"), "clear": tr("清空"), "metadata": tr("元数据"), "status": tr("状态"),
            "reparse": tr("重新解析"), "import": tr("导入"), "capture": tr("从原文填入"),
            "source_span": tr("原文位置"), "confirm": tr("确认源文件错误"),
            "withdraw": tr("撤销源文件错误确认"), "should_be": tr("应为"), "retire": tr("停用"), "restore": tr("恢复"),
            "choose_version": tr("选定版本")}


def field_names() -> dict[str, str]:
    return {"agency": tr("机关"), "year": tr("年度"), "region": tr("地区")}


def _v(v: Any) -> str:
    return tr("空") if v is None else str(v)


class HistoryModel(RowTableModel):
    def __init__(self, entries: list[AuditEntry], label: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = kind_names()
        self._fields = field_names()
        self._status = status_names()
        self._rows = [self._row(e, label) for e in reversed(entries)]  # newest first

    def _row(self, e: AuditEntry, label: Callable[[str], str]) -> list[str]:
        if e.kind in ("confirm", "withdraw"):  # cell is the finding key: rule|cells; name its rule and first cell
            rule, _, cells = (e.cell or "").partition("|")
            first = cells.split(",")[0].split("|")[0]
            where = f"{rule} {label(first)}" if first.count(":") == 2 else rule
            return [local_time(e.at), e.reviewer or "", self._names.get(e.kind, e.kind), where, "", e.reason or ""]
        if e.kind in ("retire", "restore", "choose_version"):
            return [local_time(e.at), e.reviewer or "", self._names.get(e.kind, e.kind), "", "", e.reason or ""]
        where = label(e.cell) if e.cell and ":" in e.cell else self._fields.get(e.cell or "", e.cell or "")
        if e.kind == "status":
            change = f"{self._status.get(e.old, _v(e.old))} → {self._status.get(e.new, _v(e.new))}"
        elif e.kind in ("import", "reparse"):
            change = ""
        elif e.kind == "source_span":  # where a captured value was read: characters old–new of the text
            change = tr("第 {start}–{end} 个字符").format(start=e.old, end=e.new)
        else:
            change = f"{_v(e.old)} → {_v(e.new)}"
        return [local_time(e.at), e.reviewer or "", self._names.get(e.kind, e.kind), where, change, e.reason or ""]

    def headers(self) -> list[str]:
        return [tr("时间"), tr("审核人"), tr("操作"), tr("单元格"), tr("原值 → 新值"), tr("原因")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries: list[AuditEntry], label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("修改记录 — {title}").format(title=title))
        self.resize(980, 480)
        self.model = HistoryModel(entries, label, self)
        view = QTableView(self)
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((150, 80, 70, 300, 110)):
            view.setColumnWidth(col, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("共 {n} 条记录，最新的在前").format(n=self.model.rowCount()), self))
        layout.addWidget(view)
        layout.addWidget(buttons)


if __name__ == "__main__":
    from ui.preview import run_preview, sample_library

    def make() -> HistoryDialog:
        lib = sample_library()
        s = next(s for s in lib.list_reports() if s.errors)
        report = lib.load(s.id)
        cid = next(iter(report.origins))
        lib.set_cells(s.id, {cid: 7}, reviewer="preview", reason="示例修改", expected_version=report.version)
        return HistoryDialog(f"{s.agency} {s.year}", lib.history(s.id), str)

    run_preview(make, size=(980, 300))
