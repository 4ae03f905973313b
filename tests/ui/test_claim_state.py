"""A report opened to edit is 审核中 · name in every place that shows its state — the library list, the report's
bar, the window's title, the library's counts and the status filter — before the holder's first edit as after
it, on a library file and on a team server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import REVIEWER, sample, type_into_cell

CID = "table3:granted:natural"


@pytest.fixture
def lib_window(qtbot, library_at, settings) -> Iterator[object]:  # noqa: ANN001
    from ui.library_access import close_library, open_library
    from ui.main_window import MainWindow

    lib = open_library(library_at(), seed_samples=True)  # the five samples, all 待审核
    window = MainWindow(lib, library_at(), settings, "zh_CN")
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    close_library(lib)


def _list_text(window, rid: int) -> str:  # noqa: ANN001
    model = window.library_panel.model
    return str(model.data(model.index(model.row_of(rid), model.COLUMNS.index("status"))))


def _everywhere(window, rid: int) -> dict[str, str]:  # noqa: ANN001
    bar = window.review.metadata
    return {"list": _list_text(window, rid), "bar": bar.status.text().replace("<b>", "").replace("</b>", ""),
            "bar icon": bar.status_code, "title": window.windowTitle().split("[")[1].split("]")[0]}


def test_a_claim_shows_in_review_with_its_holder_everywhere_before_the_first_edit(qtbot, lib_window) -> None:  # noqa: ANN001
    window = lib_window
    library = window.library
    name = library.login if library.team else REVIEWER
    held = f"审核中 · {name}"
    assert "待审核 5 · 审核中 0" in window.placeholder.text()  # the library's summary before anything is opened
    rid = window.library_panel.queue()[1]
    window.open_report(rid)
    assert library.summary(rid).status == "new" and library.claims()[rid].holder == name  # claimed, not edited
    assert _everywhere(window, rid) == {"list": held, "bar": held, "bar icon": "in_review", "title": held}
    counts = library.count()
    assert (counts["new"], counts["in_review"]) == (4, 1)  # what the list shows
    panel = window.library_panel
    panel.status.setCurrentIndex(panel.status.findData("in_review"))
    assert panel.model.ids() == [rid] and panel.count.text() == "1 份"
    panel.status.setCurrentIndex(panel.status.findData("new"))
    assert rid not in panel.model.ids() and panel.count.text() == "4 份"
    panel.status.setCurrentIndex(0)
    # the first edit changes the stored status, not what is shown
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    type_into_cell(qtbot, view, CID, "12")
    assert library.summary(rid).status == "in_review"
    assert _everywhere(window, rid) == {"list": held, "bar": held, "bar icon": "in_review", "title": held}


def test_a_report_closed_without_an_edit_is_pending_review_again(qtbot, lib_window) -> None:  # noqa: ANN001
    window = lib_window
    queue = window.library_panel.queue()
    first, second = queue[0], queue[2]
    window.open_report(first)
    window.open_report(second)  # opening another releases the first: nothing was done to it
    assert _list_text(window, first) == "待审核"
    assert first not in window.library.claims()
    counts = window.library.count()
    assert (counts["new"], counts["in_review"]) == (4, 1)


def test_a_retired_report_says_retired_in_the_list_the_bar_and_the_title(qtbot, lib_window) -> None:  # noqa: ANN001
    window = lib_window
    rid = window.library_panel.queue()[3]
    window.open_report(rid)
    dialog = window.decisions.retire()
    dialog.reason.setText("误导入")
    dialog.accept()
    panel = window.library_panel
    panel.status.setCurrentIndex(panel.status.findData("retired"))
    assert panel.model.ids() == [rid]
    shown = _everywhere(window, rid)
    assert (shown["list"], shown["bar"], shown["title"]) == ("已停用", "已停用", "已停用")


def test_a_report_opened_before_the_name_is_given_is_claimed_once_it_is(qtbot, library, settings, tmp_path,  # noqa: ANN001
                                                                        monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QInputDialog

    from ui.main_window import MainWindow

    monkeypatch.delenv("REVIEWER_NAME", raising=False)
    monkeypatch.setattr("reviewer.store.config.config_path", lambda: tmp_path / "none" / "cli.json")
    settings.set("reviewer_name", "")
    window = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    rid = library.import_paths([str(sample("003"))], reviewer="导入").imported[0]
    window.refresh_library()
    window.open_report(rid)  # the first start: the window opened a file before asking the name
    assert rid not in library.claims() and _everywhere(window, rid)["bar"] == "待审核"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("张三", True))
    window.ask_reviewer_name()
    assert library.claims()[rid].holder == "张三"
    assert _everywhere(window, rid) == {"list": "审核中 · 张三", "bar": "审核中 · 张三", "bar icon": "in_review",
                                        "title": "审核中 · 张三"}
    window.close()


def test_a_narrow_status_column_keeps_the_state_word_and_drops_the_name(qtbot, lib_window) -> None:  # noqa: ANN001
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = lib_window
    rid = window.library_panel.queue()[0]
    window.open_report(rid)
    view, model = window.library_panel.view, window.library_panel.model
    index = model.index(model.row_of(rid), model.COLUMNS.index("status"))
    delegate = view.itemDelegateForColumn(index.column())
    shown = {}
    for width in (400, 70):  # a wide column, and the 1280-px screen's
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, width, 24)
        delegate.initStyleOption(option, index)
        shown[width] = option.text
    name = window.library.login if window.library.team else REVIEWER
    assert shown == {400: f"审核中 · {name}", 70: "审核中"}  # elided, it read 审核…三
    assert name in str(model.data(index, Qt.ItemDataRole.ToolTipRole))  # the holder is still told
