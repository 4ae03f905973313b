"""At 1280 px the library folds while a report is open (beside a whole 表三 it showed three characters of an
agency), a 资料库 button at the head of the report brings it back showing agencies; at 1366 px and wider it
stays beside the review."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import sample


def _window(qtbot, library, settings, width: int, height: int):  # noqa: ANN001, ANN202
    from ui.main_window import MainWindow

    w = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(w)
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    ids = library.import_paths([str(sample(p)) for p in ("000", "001", "003")], reviewer="导入").imported
    w.refresh_library()
    return w, ids


def _agency_width(w) -> int:  # noqa: ANN001
    from ui.library_panel import LibraryModel

    return w.library_panel.view.columnWidth(LibraryModel.COLUMNS.index("agency"))


def _table3_whole(w) -> bool:  # noqa: ANN001
    view = w.review.views["table3"]
    w.review.tabs.setCurrentWidget(view)
    QApplication.processEvents()
    return sum(view.columnWidth(c) for c in range(view.model().columnCount())) <= view.viewport().width()


def test_at_1280_the_library_folds_while_a_report_is_open_and_comes_back_readable(qtbot, library, settings) -> None:  # noqa: ANN001
    w, ids = _window(qtbot, library, settings, 1280, 800)
    panel, button = w.library_panel, w.drawer.button
    assert panel.isVisible() and not button.isVisible()  # nothing open: the library is how one chooses
    w.open_report(ids[-1])
    QApplication.processEvents()
    assert not panel.isVisible() and button.isVisible() and button.text() == "资料库"
    assert _table3_whole(w)
    assert w.review.h_split.sizes()[0] >= 400  # the text gets the library's width (272 px before)
    button.click()  # back, with the keyboard in the list, agencies readable
    QApplication.processEvents()
    assert panel.isVisible() and not button.isVisible() and panel.view.hasFocus()
    assert _agency_width(w) >= panel.view.fontMetrics().horizontalAdvance("临清市行政审批局") + 8
    w.open_report(ids[0])  # another report chosen: out of the way again
    QApplication.processEvents()
    assert not panel.isVisible() and button.isVisible()
    w.resize(1600, 900)  # a wider window holds all three: it unfolds by itself
    QApplication.processEvents()
    assert panel.isVisible() and not button.isVisible() and _table3_whole(w)
    w.close()


def test_at_1366_the_library_stays_and_hidden_by_the_reviewer_it_shows_the_way_back(qtbot, library,  # noqa: ANN001
                                                                                     settings) -> None:  # noqa: ANN001
    w, ids = _window(qtbot, library, settings, 1366, 768)
    w.open_report(ids[-1])
    QApplication.processEvents()
    assert w.library_panel.isVisible() and not w.drawer.button.isVisible() and _table3_whole(w)
    w.actions_["toggle_library"].trigger()  # Ctrl+L: hidden by the reviewer, the button shows the way back
    assert not w.library_panel.isVisible() and w.drawer.button.isVisible()
    w.resize(1600, 900)
    QApplication.processEvents()
    assert not w.library_panel.isVisible()  # the reviewer's choice stands
    w.actions_["toggle_library"].trigger()
    assert w.library_panel.isVisible() and not w.drawer.button.isVisible()
    w.close()


def test_closed_while_folded_the_next_start_shows_the_library(qtbot, library, settings) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow

    w, ids = _window(qtbot, library, settings, 1280, 800)
    w.open_report(ids[-1])
    assert not w.library_panel.isVisible()
    w.close()  # saves the layout
    again = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.library_panel.isVisible() and again.splitter.sizes()[0] > 0
    assert _agency_width(again) >= again.library_panel.view.fontMetrics().horizontalAdvance("临清市行政审批局") + 8
    again.close()
