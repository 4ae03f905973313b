"""文件 › 从网址导入: fetch an address off the GUI thread; a 年报 column page shows its report links to pick.

The fetching and the telling of a column page from a report are the core's (`reviewer.fetch`); this module asks
for the address, shows the links, and hands the choice to the window's import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.fetch import Fetched, Link, fetch, is_url, listed_reports
from ui.i18n import tr
from ui.read_errors import read_error_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class PickDialog(QDialog):
    """The report links of a column page, each with a check box; Enter imports the checked ones."""

    def __init__(self, url: str, links: list[Link], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("选择要导入的报告"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        note = QLabel(tr("{url} 列出 {n} 份年度报告。勾选要导入的报告（空格键勾选）：").format(url=url, n=len(links)))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.list = QListWidget(self)
        for link in links:
            item = QListWidgetItem(link.title, self.list)
            item.setToolTip(link.url)
            item.setData(Qt.ItemDataRole.UserRole, link.url)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导入所选"))
        everything = QPushButton(tr("全选"), self)
        everything.clicked.connect(lambda: self.set_all(True))
        buttons.addButton(everything, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.setFocus()

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def chosen(self) -> list[str]:
        items = [self.list.item(i) for i in range(self.list.count())]
        return [str(it.data(Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == Qt.CheckState.Checked]


class UrlImport:
    """One import from an address: ask, fetch in the background, pick if it lists reports, import."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.picker: PickDialog | None = None

    def ask(self) -> None:
        url, ok = QInputDialog.getText(self.window, tr("从网址导入"),
                                       tr("报告网页、PDF 或 Word 文件的网址，或年报栏目页的网址："))
        if ok and url.strip():
            self.start(url.strip())

    def start(self, url: str) -> bool:
        if not is_url(url):
            self.window.inform(tr("从网址导入"), tr("请输入以 http:// 或 https:// 开头的网址"),
                               QMessageBox.Icon.Warning)
            return False

        def task(progress: Any, cancel: Any) -> tuple[Fetched, list[Link]]:
            progress(0, 0, url)
            page = fetch(url)
            return page, listed_reports(page)

        started = self.window.runner.start(task, label=tr("正在下载 {url}…").format(url=url),
                                           on_success=self._fetched, on_failure=self._failed)
        if not started:
            self.window.inform(tr("从网址导入"), tr("另一项任务正在进行，请稍后再试"), QMessageBox.Icon.Warning)
        return started

    def _failed(self, message: str) -> None:
        self.window.inform(tr("无法下载"), read_error_text(message), QMessageBox.Icon.Warning)

    def _fetched(self, result: tuple[Fetched, list[Link]]) -> None:
        page, links = result
        if not links:
            self.window.import_paths([], open_first=True, fetched=[page])
            return
        self.picker = PickDialog(page.url, links, self.window)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        assert self.picker is not None
        urls = self.picker.chosen()
        if urls:
            self.window.import_paths([], open_first=len(urls) == 1, urls=urls)

