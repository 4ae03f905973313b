"""The window around the review: background import, first size, the library file shown, the reviewer's name,
the 1366×768 screen, Qt's own dialogs in the UI language."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLabel, QMessageBox

from tests.ui.conftest import SAMPLES, sample
from ui.import_progress import ImportProgress
from ui.workers import TaskRunner


def test_an_import_runs_in_the_background_and_esc_does_not_cancel_it(qtbot, window, library):  # noqa: ANN001
    with qtbot.waitSignal(window.runner.finished, timeout=60_000):
        assert window.import_paths([str(SAMPLES)])
        assert window.runner.dialog is None  # no modal dialog: the window stays usable
        assert window.import_progress.isVisible() and window.import_progress.active
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # closing a menu must not stop the import
        assert not window.runner.cancelled
    assert library.count()["all"] == 5
    assert not window.import_progress.isVisible()
    window.last_message.close()


def test_cancelling_an_import_asks_first(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    runner = TaskRunner(host)
    progress = ImportProgress(runner, host)
    release = threading.Event()

    def task(report, cancel) -> int:  # noqa: ANN001
        n = 0
        while not cancel() and not release.wait(0.01):
            n += 1
            report(min(n, 99), 100, f"第 {n} 份")
        return n

    runner.start(task, label="", on_success=lambda _r: None, on_failure=lambda _m: None, show_dialog=False)
    progress.begin("正在导入")
    qtbot.waitUntil(lambda: progress.bar.maximum() == 100)
    box = progress.ask_cancel()
    assert box is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()  # 继续导入
    assert not runner.cancelled and runner.busy
    box = progress.ask_cancel()
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()  # 停止导入
    assert runner.cancelled and not progress.isVisible()
    release.set()


def test_the_first_start_opens_at_most_of_the_screen(qtbot, library, settings) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow

    w = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(w)
    from ui.main_window import FIRST_MIN, first_extent

    area = QGuiApplication.primaryScreen().availableGeometry()
    # 80 % of the screen, or all of it where 80 % would be less than 1366×768: a 1366×768 screen is used whole, and
    # so is a 1600×900 one (80 % of it, 1280 px, would leave the library 3 characters of an agency beside 表三)
    assert FIRST_MIN == (1366, 768)
    assert [first_extent(a, m) for a, m in ((1366, 1366), (768, 768), (1600, 1366), (900, 768), (1920, 1366),
                                            (1080, 768))] == [1366, 768, 1600, 900, 1536, 864]
    expected = [first_extent(a, m) for a, m in zip((area.width(), area.height()), FIRST_MIN, strict=True)]
    assert abs(w.width() - expected[0]) <= 2 and abs(w.height() - expected[1]) <= 2
    w.close()


def test_the_library_file_is_shown_and_about_gives_the_version(qtbot, window, library):  # noqa: ANN001
    assert window.library_label.text() == f"资料库：{Path(library.path).name}"
    assert window.library_label.toolTip() == str(library.path)
    window.show_settings()
    assert str(library.path) in window.dialog.current_library.text()
    window.dialog.close()
    from ui.about import about_text, app_version

    assert app_version() == "0.1.0"  # as pyproject.toml declares it (the checkout is not installed)
    assert "0.1.0" in about_text(library.path) and str(library.path) in about_text(library.path)


def test_a_cancelled_name_prompt_records_nothing_under_the_login_name(qtbot, library, tmp_path,  # noqa: ANN001
                                                                    monkeypatch):
    from ui.main_window import MainWindow
    from ui.settings import Settings

    monkeypatch.delenv("REVIEWER_NAME", raising=False)
    monkeypatch.setattr("reviewer.store.config.load_config", lambda: {})
    answers = [("", False), ("", False), ("李四", True)]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: answers.pop(0)))
    w = MainWindow(library, library.path, Settings(tmp_path / "fresh.ini"), "zh_CN")
    qtbot.addWidget(w)
    w.show()
    rid = library.import_paths([str(sample("003"))], reviewer="导入").imported[0]
    w.refresh_library()
    w.open_report(rid)
    w.ask_reviewer_name()  # the first start: cancelled
    assert w.reviewer == ""
    cell = "table3:granted:natural"
    assert w.review.request_edit({cell: 5}) is False  # asked again; cancelled: nothing written
    assert "未填写审核人" in w.status_label.text()
    assert all(e.cell != cell for e in library.history(rid))
    assert w.review.request_edit({cell: 5}) is True  # given now: the edit is recorded under that name
    assert [e.reviewer for e in library.history(rid) if e.cell == cell] == ["李四"]
    w.close()


def test_a_1366_by_768_window_shows_table_3_whole_the_agencies_and_the_legend(qtbot, library,  # noqa: ANN001
                                                                              settings) -> None:  # noqa: ANN001
    from ui.library_panel import LibraryModel
    from ui.main_window import MainWindow

    w = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    rid = library.import_paths([str(sample(p)) for p in ("000", "001", "003")], reviewer="导入").imported[-1]
    w.refresh_library()
    w.open_report(rid)
    view = w.review.views["table3"]
    w.review.tabs.setCurrentWidget(view)
    QApplication.processEvents()
    needed = sum(view.columnWidth(c) for c in range(view.model().columnCount()))
    assert needed <= view.viewport().width(), "the 总计 column is cut off"
    assert not view.horizontalScrollBar().isVisible()
    listed = w.library_panel.view
    agency = LibraryModel.COLUMNS.index("agency")
    # 8 characters of an agency's name at least: its place and its kind, elided in the middle
    assert listed.columnWidth(agency) >= listed.fontMetrics().horizontalAdvance("临清市行政审批局") + 8
    assert listed.textElideMode() == Qt.TextElideMode.ElideMiddle
    w.show_status("已自动备份资料库：" + "/一个很长的文件夹" * 20 + "/lib.sqlite3")  # a long message
    QApplication.processEvents()
    labels = [label for label in w.legend.findChildren(QLabel) if label.text()]
    assert len(labels) == 8
    for label in labels:  # every word of the legend whole, its full name in the tooltip
        assert label.width() >= label.sizeHint().width(), label.text()
        assert label.toolTip()
    assert w.status_label.shown_text().endswith("…") and w.status_label.toolTip().endswith("lib.sqlite3")
    w.close()


@pytest.mark.parametrize(("language", "ok", "cancel"), [("zh_CN", "确定", "取消"), ("en", "OK", "Cancel")])
def test_qt_dialogs_follow_the_ui_language(qtbot, language: str, ok: str, cancel: str) -> None:  # noqa: ANN001
    from ui import i18n

    app = QApplication.instance()
    try:
        i18n.install(app, language)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert [b.text() for b in box.buttons()] == [ok, cancel]
    finally:
        for t in list(i18n._installed):
            app.removeTranslator(t)
        i18n._installed.clear()
