"""Preferences: the reviewer's name, the language, whether an edit needs a reason, the library file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ui.i18n import LANGUAGES, tr
from ui.server_connection import ServerAddressRow
from ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, current_library: str = "") -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("首选项"))
        self.setMinimumWidth(520)
        self.reviewer = QLineEdit(settings.get("reviewer_name"), self)
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.require_reason = QCheckBox(tr("每次修改都必须填写原因"), self)
        self.require_reason.setChecked(settings.get("require_reason"))
        self.open_next = QCheckBox(tr("核实后打开队列中的下一份报告"), self)
        self.open_next.setChecked(settings.get("open_next_after_verify"))
        self.enter_moves = QComboBox(self)
        self.enter_moves.addItem(tr("下一个问题"), "next_problem")
        self.enter_moves.addItem(tr("下一行"), "down")
        self.enter_moves.setCurrentIndex(max(0, self.enter_moves.findData(settings.get("enter_moves"))))
        self.library = QLineEdit(settings.get("library_path"), self)
        self.library.setPlaceholderText(tr("默认位置"))
        browse = QPushButton(tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.library, 1)
        row.addWidget(browse)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(tr("审核人"), self.reviewer)
        form.addRow(tr("界面语言"), self.language)
        form.addRow("", self.require_reason)
        form.addRow("", self.open_next)
        form.addRow(tr("输入数值后回车前往"), self.enter_moves)
        form.addRow(tr("资料库文件"), row)
        self.server = ServerAddressRow(settings.get("server_url"), self)
        form.addRow(tr("团队服务器"), self.server)
        if current_library:
            self.current_library = QLabel(tr("当前打开：{path}").format(path=current_library), self)
            self.current_library.setWordWrap(True)
            self.current_library.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow("", self.current_library)
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.language.currentIndexChanged.connect(self._explain)
        self.library.textChanged.connect(self._explain)
        self.server.address.textChanged.connect(self._explain)
        self.server.address.textChanged.connect(self._name_for_files_only)
        self._name_for_files_only()

    def _name_for_files_only(self, *_: object) -> None:
        """On a team server the reviewer is the database login: the typed name is a file library's only."""
        team = bool(self.server.text().strip())
        self.reviewer.setEnabled(not team)
        self.reviewer.setToolTip(tr("使用团队服务器时，审核人就是数据库登录名；此处的姓名只用于本机资料库文件")
                                 if team else "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("选择资料库文件"), self.library.text(),
                                              tr("资料库 (*.sqlite *.db)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.library.setText(path)

    def _explain(self, *_: object) -> None:
        restart = (self.language.currentData() != self.settings.get("language")
                   or self.library.text().strip() != self.settings.get("library_path")
                   or self.server.text() != self.settings.get("server_url"))
        self.note.setText(tr("界面语言和资料库文件在重新启动后生效。") if restart else "")

    def accept(self) -> None:
        from reviewer.store.server import PASSWORD_IN_ADDRESS, has_password

        if has_password(self.server.text()):  # never saved in clear
            self.server.result.setText("✘ " + PASSWORD_IN_ADDRESS)  # the core's words, as its other messages
            self.server.address.setFocus()
            return
        s = self.settings
        s.set("reviewer_name", self.reviewer.text().strip())
        s.set("language", self.language.currentData())
        s.set("require_reason", self.require_reason.isChecked())
        s.set("open_next_after_verify", self.open_next.isChecked())
        s.set("enter_moves", self.enter_moves.currentData())
        s.set("library_path", self.library.text().strip())
        s.set("server_url", self.server.text())
        super().accept()


if __name__ == "__main__":
    import tempfile

    from ui.preview import run_preview

    run_preview(lambda: SettingsDialog(Settings(tempfile.mktemp(suffix=".ini"))), size=(560, 260))
