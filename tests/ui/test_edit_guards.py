"""Edits guarded as a reviewer expects: a required reason, and a write from another window first."""

from __future__ import annotations

import re

import ui.review_pane as review_pane
from reviewer.store import Library
from tests.ui.conftest import open_sample, shown_value, type_into_cell

CID = "table3:granted:natural"


def test_a_required_reason_is_asked_and_a_refusal_writes_nothing(qtbot, window, library, settings,
                                                                 monkeypatch) -> None:  # noqa: ANN001
    settings.set("require_reason", True)
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    asked: list[str] = []

    def no_reason(*args: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return "", False

    monkeypatch.setattr(review_pane.QInputDialog, "getText", no_reason)
    type_into_cell(qtbot, view, CID, "12")
    assert asked and "必填" in asked[0]
    assert shown_value(window, CID) == "0"
    assert all(e.cell != CID for e in library.history(rid))
    assert "未填写原因" in window.status_label.text()

    monkeypatch.setattr(review_pane.QInputDialog, "getText", lambda *a: ("原件第3页为12", True))
    type_into_cell(qtbot, view, CID, "12")
    assert shown_value(window, CID) == "12"
    entry = next(e for e in library.history(rid) if e.cell == CID)
    assert (entry.old, entry.new, entry.reason) == (0, 12, "原件第3页为12")


def test_a_stale_write_is_refused_and_the_window_shows_the_other_value(qtbot, window, library,
                                                                       monkeypatch) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    # another window of the same reviewer (its own connection to the same file) writes first
    other = Library(library.path, seed_samples=False)
    try:
        version = other.load(rid).version
        other.set_cells(rid, {CID: 7}, reviewer=window.reviewer, reason="另一窗口", expected_version=version)
    finally:
        other.close()
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(review_pane.QMessageBox, "warning", lambda *a: warned.append((str(a[1]), str(a[2]))))
    type_into_cell(qtbot, view, CID, "12")
    assert [title for title, _text in warned] == ["报告已在别处修改"]
    said = warned[0][1]  # who changed what, and when
    assert re.search(rf"{window.reviewer} 于 \d\d:\d\d 修改了 表三 .*为 7", said), said
    assert shown_value(window, CID) == "7"  # reloaded: the other window's value, not a lost update
    entries = [e for e in library.history(rid) if e.cell == CID]
    assert [(e.new, e.reason) for e in entries] == [(7, "另一窗口")]
    assert not window.undo.group.canUndo()
    # the value typed here is not lost: it stays in view, and 重新应用 writes it over the new version
    bar = window.review.pending
    assert bar.isVisible() and "→ 12" in bar.label.text()
    bar.apply.click()
    assert shown_value(window, CID) == "12" and not bar.isVisible()
    assert [e.new for e in library.history(rid) if e.cell == CID] == [7, 12]
