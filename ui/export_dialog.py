"""文件 › 导出…: the format, which reports, and the file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr

SCOPES = ("verified", "all", "filter", "selected")
SUFFIX = {"csv": ".csv", "csv-wide": ".csv", "xlsx": ".xlsx", "jsonl": ".jsonl"}


def format_names() -> dict[str, str]:
    return {"csv": tr("CSV（长表，每个单元格一行）"), "csv-wide": tr("CSV（宽表，每份报告一行）"),
            "xlsx": tr("XLSX（官方表样，可打印）"), "jsonl": tr("JSONL（记录格式）")}


def scope_names() -> dict[str, str]:
    return {"verified": tr("已核实的报告（{n} 份）"), "all": tr("全部报告（{n} 份）"),
            "filter": tr("当前筛选的报告（{n} 份）"), "selected": tr("选中的报告（{n} 份）")}


@dataclass(frozen=True, slots=True)
class ExportChoice:
    fmt: str
    scope: str
    path: Path


class ExportDialog(QDialog):
    """`counts`: how many reports each scope holds (a scope of none cannot be chosen)."""

    def __init__(self, counts: dict[str, int], folder: str, stem: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("导出"))
        self.folder = folder
        self.stem = stem
        self.format = QComboBox(self)
        for code, name in format_names().items():
            self.format.addItem(name, code)
        self.scopes = QButtonGroup(self)
        scope_box = QVBoxLayout()
        names = scope_names()
        self.scope_buttons: dict[str, QRadioButton] = {}
        for i, code in enumerate(SCOPES):
            button = QRadioButton(names[code].format(n=counts.get(code, 0)), self)
            button.setEnabled(counts.get(code, 0) > 0)
            self.scopes.addButton(button, i)
            self.scope_buttons[code] = button
            scope_box.addWidget(button)
        first = next((c for c in SCOPES if counts.get(c, 0) > 0), "verified")
        self.scope_buttons[first].setChecked(True)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(tr("导出文件"))
        browse = QPushButton(tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("格式："), self.format)
        form.addRow(tr("范围："), scope_box)
        form.addRow(tr("文件："), path_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导出"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(lambda _i: self._suggest())
        self._suggest()
        self.path.textChanged.connect(lambda _t: self._validate())
        self._validate()

    def _suggest(self) -> None:
        """The file name follows the format unless the reviewer typed another."""
        fmt = self.format.currentData()
        current = self.path.text().strip()
        if not current or Path(current).stem == self.stem:
            base = Path(current).parent if current else Path(self.folder)
            self.path.setText(str(base / f"{self.stem}{SUFFIX[fmt]}"))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        pattern = {"csv": tr("CSV 文件 (*.csv)"), "csv-wide": tr("CSV 文件 (*.csv)"),
                   "xlsx": tr("Excel 工作簿 (*.xlsx)"), "jsonl": tr("JSON Lines (*.jsonl)")}[fmt]
        path, _ = QFileDialog.getSaveFileName(self, tr("导出到"), self.path.text(), pattern)
        if path:
            self.path.setText(path)

    def _validate(self) -> None:
        ok = bool(self.path.text().strip()) and any(b.isChecked() and b.isEnabled() for b in self.scope_buttons.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def set_choice(self, fmt: str, scope: str, path: str | Path) -> None:
        """Fill the dialog (tests, and a caller that knows what it wants)."""
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.scope_buttons[scope].setChecked(True)
        self.path.setText(str(path))

    def choice(self) -> ExportChoice:
        fmt = self.format.currentData()
        scope = next(c for c, b in self.scope_buttons.items() if b.isChecked())
        path = Path(self.path.text().strip()).expanduser()
        if path.suffix.lower() != SUFFIX[fmt]:
            path = path.with_name(path.name + SUFFIX[fmt])
        return ExportChoice(fmt, scope, path)


if __name__ == "__main__":
    from ui.preview import run_preview

    run_preview(lambda: ExportDialog({"verified": 2, "all": 5, "filter": 5, "selected": 1}, "/tmp", "年报导出"),
                size=(560, 300))
