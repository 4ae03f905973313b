"""The problems panel: every finding of the open report (severity, rule, cells, message).

Choosing a finding asks to show its cells and their source; F8 / Shift+F8 walk the list; "Apply suggestion"
(button and Ctrl+.) asks to set the suggested value of the chosen finding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QWidget

from reviewer.model import Finding
from ui.i18n import tr
from ui.marks import MarkStyle
from ui.messages import cell_label, rule_name, severity_name
from ui.row_table import ModelIndex, RowTableModel, bar_above, row_view

_ORDER = {"error": 0, "warning": 1, "info": 2}
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsModel(RowTableModel):
    def __init__(self, style: MarkStyle, render: Callable[[Finding], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._style = style
        self._render = render
        self._rows: list[tuple[Finding, list[str], str]] = []  # finding, texts of the columns, tooltip
        self._template: str | None = None

    def set_style(self, style: MarkStyle) -> None:
        self._style = style
        self.rows_changed([Qt.ItemDataRole.DecorationRole])

    def headers(self) -> list[str]:
        return [tr("级别"), tr("规则"), tr("单元格"), tr("说明")]

    def set_findings(self, findings: list[Finding], template: str | None) -> None:
        """The finding list is replaced as a whole (it is recomputed by the core on every change)."""
        self.beginResetModel()
        ordered = sorted(findings, key=lambda f: 4 if f.confirmed else _ORDER.get(f.severity, 3))  # defects last
        self._rows = [self._row(f, template) for f in ordered]
        self.endResetModel()

    def _row(self, f: Finding, template: str | None) -> tuple[Finding, list[str], str]:
        message = self._render(f)
        tip = message
        if f.suggestion:
            tip += "\n" + tr("建议值：{value}").format(value=f.suggestion.get("value"))
        if f.resolution is not None:  # confirmed as a source defect: documented, with the reviewer's reason
            tip += "\n" + tr("已确认为源文件错误：{reason}").format(reason=f.resolution.get("reason", ""))
            message = tr("【源文件错误】{message}").format(message=message)
        severity = tr("源文件错误") if f.resolution is not None else severity_name(f.severity)
        texts = [severity, f"{f.rule} {rule_name(f)}".strip(), self._cells_text(f, template), message]
        return f, texts, tip

    @staticmethod
    def _cells_text(f: Finding, template: str | None) -> str:
        labels = [cell_label(c, template) for c in f.cells[:3]]
        more = len(f.cells) - 3
        text = "、".join(labels)
        return text + (tr(" 等 {n} 个").format(n=len(f.cells)) if more > 0 else "")

    def finding(self, row: int) -> Finding | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def findings(self) -> list[Finding]:
        return [r[0] for r in self._rows]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f, texts, tip = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._style.severity_icon("defect" if f.resolution is not None else f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
        if role == FINDING_ROLE:
            return f
        return None


class ProblemsPanel(QWidget):
    findingChosen = Signal(object)  # Finding
    applyRequested = Signal(object)  # Finding with a suggestion

    def __init__(self, style: MarkStyle, render: Callable[[Finding], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ProblemsModel(style, render, self)
        self.view = row_view(self.model, (70, 150, 260), self)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.summary = QLabel(self)
        self.apply_button = QPushButton(tr("采纳建议"), self)
        self.apply_button.setToolTip(tr("将所选问题的建议值填入单元格 (Ctrl+.)"))
        self.apply_button.setEnabled(False)
        self.prev_button = QPushButton(tr("上一个"), self)
        self.prev_button.setToolTip(tr("上一个问题 (Shift+F8)"))
        self.next_button = QPushButton(tr("下一个"), self)
        self.next_button.setToolTip(tr("下一个问题 (F8)"))
        self._bar = bar_above(self, self.view, QLabel("<b>" + tr("问题") + "</b>　"), (self.summary, 1),
                              self.prev_button, self.next_button, self.apply_button)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.activated.connect(lambda idx: self._row_changed(idx, QModelIndex()))
        self.apply_button.clicked.connect(self.apply_current)
        self.next_button.clicked.connect(self.next)
        self.prev_button.clicked.connect(self.previous)
        self.set_findings([], None)

    def add_to_bar(self, widget: QWidget, stretch: int = 0) -> None:
        """Put a widget in the panel's bar, before its buttons."""
        self._bar.insertWidget(2, widget, stretch)

    def add_button(self, widget: QWidget) -> None:
        """Put a button at the end of the panel's bar (a feature's command beside 采纳建议)."""
        self._bar.addWidget(widget)

    def set_findings(self, findings: list[Finding], template: str | None) -> None:
        current = self.current()
        self.model.set_findings(findings, template)
        n_def = sum(1 for f in findings if f.confirmed)
        n_err = sum(1 for f in findings if f.severity == "error" and not f.confirmed)
        n_warn = sum(1 for f in findings if f.severity == "warning" and not f.confirmed)
        n_info = len(findings) - n_err - n_warn - n_def
        text = tr("错误 {e} · 警告 {w} · 提示 {i}").format(e=n_err, w=n_warn, i=n_info)
        if n_def:
            text += tr(" · 源文件错误 {d}").format(d=n_def)
        self.summary.setText(text if findings else tr("未发现问题"))
        self.next_button.setEnabled(bool(findings))
        self.prev_button.setEnabled(bool(findings))
        if current is not None:  # keep the same finding chosen when it is still there
            for row, f in enumerate(self.model.findings()):
                if f.rule == current.rule and f.cells == current.cells:
                    self.view.selectionModel().blockSignals(True)
                    self.view.selectRow(row)
                    self.view.selectionModel().blockSignals(False)
                    break
        self._update_apply()

    def current(self) -> Finding | None:
        idx = self.view.currentIndex()
        return self.model.finding(idx.row()) if idx.isValid() else None

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_apply()
        f = self.model.finding(current.row())
        if f is not None:
            self.findingChosen.emit(f)

    def _update_apply(self) -> None:
        f = self.current()
        self.apply_button.setEnabled(bool(f and f.suggestion))

    def _step(self, delta: int) -> Finding | None:
        n = self.model.rowCount()
        if n == 0:
            return None
        idx = self.view.currentIndex()
        row = (idx.row() + delta) % n if idx.isValid() else (0 if delta > 0 else n - 1)
        self.view.selectRow(row)
        f = self.model.finding(row)
        if f is not None and row == idx.row():  # one finding: choosing it again still shows it
            self.findingChosen.emit(f)
        return f

    def next(self) -> Finding | None:
        return self._step(1)

    def previous(self) -> Finding | None:
        return self._step(-1)

    def apply_current(self) -> None:
        f = self.current()
        if f is not None and f.suggestion:
            self.applyRequested.emit(f)


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> ProblemsPanel:
        rec = sample_record("004")
        panel = ProblemsPanel(MarkStyle(), lambda f: f.message)
        panel.set_findings(rec.findings, rec.template)
        panel.findingChosen.connect(lambda f: print("chosen", f.rule))
        panel.next()
        return panel

    run_preview(make, size=(1000, 240))
