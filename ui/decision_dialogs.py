"""Dialogs of the reviewer's decisions: confirm a finding as a source defect (reason, optional 应为 value), and
a reason for reopening, retiring or choosing a version. Keyboard first: the reason field has the focus, Enter
confirms once a reason is written, Tab reaches the 应为 fields."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ValidationError
from reviewer.model import Finding, Number
from reviewer.values import format_value, parse_user_value
from ui.i18n import tr


class ReasonDialog(QDialog):
    """A question, and a reason that must be written before the OK button can be pressed."""

    def __init__(self, title: str, text: str, ok_text: str, parent: QWidget | None = None,
                 required: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.required = required
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(tr("理由（必填）") if required else tr("理由（可选）"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(label)
        self.layout_.addWidget(self.reason)
        self.layout_.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.reason.setFocus()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()) or not self.required)

    def reason_text(self) -> str:
        return self.reason.text().strip()


class ConfirmDefectDialog(ReasonDialog):
    """Confirm that the report prints the finding's values that way: the values stay as printed, the reason is
    recorded, and the value one cell should have been (应为) may be given."""

    def __init__(self, finding: Finding, message: str, cell_label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(tr("确认为源文件错误"),
                         "<b>" + message + "</b><br/><br/>"
                         + tr("确认报告原文就是这样印的、错误在源文件中：数值保持原文，问题作为源文件错误记录在案，"
                              "不再妨碍核实。请写明理由（例如“已与原件核对，原件即如此”）。"),
                         tr("确认为源文件错误"), parent)
        self.finding = finding
        self.cell = QComboBox(self)
        cells = [c for c in finding.cells if not c.endswith(":*")]
        suggested = finding.suggestion.get("cell") if finding.suggestion else None
        for cid in sorted(cells, key=lambda c: c != suggested):  # the likely culprit first
            self.cell.addItem(cell_label(cid), cid)
        self.value = QLineEdit(self)
        hint = finding.suggestion.get("value") if finding.suggestion else None
        self.value.setPlaceholderText(tr("可选；按关系推算为 {value}").format(value=format_value(hint))
                                      if hint is not None else tr("可选"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828")
        row = QHBoxLayout()
        row.addWidget(self.cell, 2)
        row.addWidget(self.value, 1)
        form = QFormLayout()
        form.addRow(tr("应为："), row)
        self.layout_.insertLayout(2, form)
        self.layout_.insertWidget(3, self.error)
        self.cell.setVisible(bool(cells))
        self.value.setEnabled(bool(cells))
        self.value.textChanged.connect(lambda _t: self.error.clear())
        self.setTabOrder(self.reason, self.cell)
        self.setTabOrder(self.cell, self.value)
        self.reason.setFocus()

    def should_be(self) -> dict[str, Number | None]:
        """{cell: value} when a value was given; raises `ValidationError` when it is not a number."""
        text = self.value.text().strip()
        if not text or self.cell.currentData() is None:
            return {}
        return {self.cell.currentData(): parse_user_value(text)}

    def accept(self) -> None:
        try:
            self.should_be()
        except ValidationError as exc:
            self.error.setText(str(exc))
            self.value.setFocus()
            return
        super().accept()


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> ConfirmDefectDialog:
        record = sample_record("003")
        f = next(f for f in record.findings if f.severity == "error")
        return ConfirmDefectDialog(f, f.message, lambda c: c)

    run_preview(make, size=(640, 300))
