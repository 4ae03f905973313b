"""The team server's address in 首选项: a field, 测试连接 (run off the GUI thread) and its one-line result."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.i18n import tr


class ServerAddressRow(QWidget):
    """`address` holds postgresql://user@host/db; `result` says what 测试连接 found."""

    tested = Signal(bool, str)  # usable, the one-line result (from the test's thread, queued to the GUI)

    def __init__(self, address: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = QLineEdit(address, self)
        self.address.setPlaceholderText("postgresql://用户名@服务器/资料库名")
        self.address.setAccessibleName(tr("团队服务器地址"))
        self.test = QPushButton(tr("测试连接"), self)
        self.test.clicked.connect(self.run_test)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.note = QLabel(tr("填写后使用服务器上的团队资料库（留空则用本机资料库文件）。密码不保存在设置中：请用 "
                              "PGPASSWORD 环境变量、~/.pgpass 文件或 libpq 服务文件（service=名称）。"), self)
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.address, 1)
        row.addWidget(self.test)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.result)
        box.addWidget(self.note)
        self.tested.connect(self._show)
        self.worker: threading.Thread | None = None

    def text(self) -> str:
        return self.address.text().strip()

    def run_test(self) -> None:
        from reviewer.store.server import check_server

        url = self.text()
        if not url:
            self._show(False, tr("请先填写服务器地址"))
            return
        self.test.setEnabled(False)
        self.result.setText(tr("正在连接…"))
        self.worker = threading.Thread(target=lambda: self.tested.emit(*check_server(url)), daemon=True,
                                       name="server-test")
        self.worker.start()

    def _show(self, ok: bool, message: str) -> None:
        self.test.setEnabled(True)
        self.result.setText(("✔ " if ok else "✘ ") + message)
        self.result.setProperty("ok", ok)
