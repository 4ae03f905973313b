"""A save that fails says why, keeps what was typed in the cell, and a failure of the library can be retried."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QToolTip

import ui.save_errors as save_errors
from reviewer.errors import StoreError
from tests.ui.conftest import open_sample, shown_value, type_into_cell

CID = "table3:granted:natural"
HUGE = str(2**63)


def _editor_text(qtbot, view) -> str:  # noqa: ANN001
    qtbot.waitUntil(lambda: isinstance(view.focusWidget(), QLineEdit), timeout=2000)
    text = view.focusWidget().text()
    QToolTip.hideText()  # the refusal's tooltip: closed so that the window closes clean
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)
    return text


def test_a_huge_value_is_refused_and_stays_typed(qtbot, window, library) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    type_into_cell(qtbot, view, CID, HUGE)
    assert "数值超出范围" in window.status_label.text()
    assert _editor_text(qtbot, view) == HUGE  # the typed value is still there, to correct
    assert shown_value(window, CID) == "0" and all(e.cell != CID for e in library.history(rid))


def test_a_full_disk_says_why_and_retry_saves(qtbot, window, library, monkeypatch) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    real = library.apply_edits
    failures = [StoreError("lib.sqlite3: 保存修改失败：磁盘空间不足，修改未保存；请腾出空间后重试")]

    def full_then_fine(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if failures:
            raise failures.pop()
        return real(*args, **kwargs)

    asked: list[str] = []
    monkeypatch.setattr(library, "apply_edits", full_then_fine)
    monkeypatch.setattr(save_errors, "ask_retry", lambda parent, reason: asked.append(reason) or True)
    type_into_cell(qtbot, view, CID, "12")
    assert asked and "磁盘空间不足" in asked[0]
    assert shown_value(window, CID) == "12"
    assert [e.new for e in library.history(rid) if e.cell == CID] == [12]


def test_a_cancelled_retry_keeps_the_typed_value(qtbot, window, library, monkeypatch) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)

    def read_only(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise StoreError("lib.sqlite3: 保存修改失败：资料库文件或其所在文件夹是只读的，无法写入")

    monkeypatch.setattr(library, "apply_edits", read_only)
    monkeypatch.setattr(save_errors, "ask_retry", lambda parent, reason: False)
    type_into_cell(qtbot, view, CID, "12")
    assert "只读" in window.status_label.text()
    assert _editor_text(qtbot, view) == "12"
    assert shown_value(window, CID) == "0" and all(e.cell != CID for e in library.history(rid))
