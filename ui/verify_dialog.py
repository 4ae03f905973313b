"""Verify a report: allowed when no error remains; each remaining warning is acknowledged with a reason."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.model import Finding, finding_key
from ui.i18n import tr


class VerifyDialog(QDialog):
    def __init__(self, warnings: list[Finding], render: Callable[[Finding], str],
                 acknowledged: Mapping[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("核实报告"))
        self.setMinimumWidth(640)
        acknowledged = acknowledged or {}
        layout = QVBoxLayout(self)
        intro = QLabel(tr("没有错误。请为每条警告写明确认理由，然后核实。") if warnings
                       else tr("没有错误，也没有警告。确认核实这份报告？"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reasons: dict[str, QLineEdit] = {}
        if warnings:
            inner = QWidget()
            form = QFormLayout(inner)
            for f in warnings:
                key = finding_key(f)
                if key in self.reasons:
                    continue
                text = QLabel(f"{f.rule} {render(f)}", inner)
                text.setWordWrap(True)
                edit = QLineEdit(acknowledged.get(key, ""), inner)
                edit.setPlaceholderText(tr("确认理由（必填）"))
                edit.textChanged.connect(self._update)
                edit.returnPressed.connect(lambda e=edit: self._entered(e))
                form.addRow(text)
                form.addRow(tr("理由："), edit)
                self.reasons[key] = edit
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(inner)
            layout.addWidget(scroll, 1)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("备注（可选）"))
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("核实"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()
        first = next((e for e in self.reasons.values() if not e.text().strip()), None)
        (first or self.buttons.button(QDialogButtonBox.StandardButton.Ok)).setFocus()

    def _entered(self, edit: QLineEdit) -> None:
        """Enter in a reason goes to the next reason still empty; once all are written, the default button
        (核实) takes the Enter."""
        empty = [e for e in self.reasons.values() if not e.text().strip() and e is not edit]
        if empty:
            empty[0].setFocus()

    def _update(self) -> None:
        ok = all(e.text().strip() for e in self.reasons.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def acknowledgements(self) -> dict[str, str]:
        return {k: e.text().strip() for k, e in self.reasons.items()}

    def note_text(self) -> str | None:
        return self.note.text().strip() or None


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> QWidget:
        record = sample_record("004")
        return VerifyDialog([f for f in record.findings if f.severity == "warning"], lambda f: f.message)

    run_preview(make)
