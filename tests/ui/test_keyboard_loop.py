"""The verification station with the keyboard only: keys go to whatever widget has the focus, as on a desk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.conftest import sample
from ui.grid_view import GridView

CULPRIT_CELL = "table3:unable.not_held:total"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focus():  # noqa: ANN201
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    widget = focus()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifiers)


def type_text(qtbot, text: str) -> None:  # noqa: ANN001
    for ch in text:
        widget = focus()
        assert widget is not None
        qtbot.keyClicks(widget, ch)


def wait_focus_in(qtbot, dialog) -> None:  # noqa: ANN001
    """A new window takes the keyboard once the window system activates it."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focus()), timeout=3000)


def current_cell(window) -> str | None:  # noqa: ANN001
    widget = focus()
    view = widget if isinstance(widget, GridView) else None
    if view is None:
        return None
    return view.grid_model().cell_id(view.currentIndex())


def imported(window, library, *prefixes: str) -> dict[str, int]:  # noqa: ANN001
    ids = {p: library.import_paths([str(sample(p))], reviewer="导入").imported[0] for p in prefixes}
    window.refresh_library()
    return ids


def test_seed_003_is_opened_fixed_and_verified_without_a_mouse(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "001", "003")
    panel = window.library_panel
    press(qtbot, Qt.Key.Key_F, CTRL | SHIFT)  # 视图 › 筛选资料库
    assert focus() is panel.search
    type_text(qtbot, "2020")  # the year (an input method types Chinese; QTest types keys)
    assert panel.count.text() == "1 份"
    with qtbot.waitSignal(window.reportOpened, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)  # the single match opens
    assert window.session.report_id == ids["003"]
    # the keyboard is in the grid, on the first problem's cell, not in the library list
    assert isinstance(focus(), GridView) and current_cell(window) == CULPRIT_CELL

    press(qtbot, Qt.Key.Key_F8)
    assert window.review.problems.current().rule == "R2"
    assert current_cell(window) == CULPRIT_CELL
    type_text(qtbot, "3")  # typing replaces the printed 0
    assert isinstance(focus(), QLineEdit)
    press(qtbot, Qt.Key.Key_Return)
    assert library.load(ids["003"]).record.get(CULPRIT_CELL) == 3
    assert [f.severity for f in window.session.record.findings] == []

    press(qtbot, Qt.Key.Key_Return, CTRL)  # verify
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    wait_focus_in(qtbot, dialog)
    with qtbot.waitSignal(window.verified, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)  # nothing to acknowledge: the focused 核实 button
    assert library.load(ids["003"]).summary.status == "verified"
    assert not library.load(ids["001"]).summary.status == "verified"


def test_f8_walks_the_problems_then_goes_to_the_next_report_with_problems(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "003", "001", "004")
    window.open_report(ids["003"])
    rules = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F8)
        rules.append(window.review.problems.current().rule)
        assert isinstance(focus(), GridView)
    assert rules == ["R2", "R3", "PROSE"]
    with qtbot.waitSignal(window.reportOpened, timeout=5000) as opened:
        press(qtbot, Qt.Key.Key_F8)  # after the last problem: 001 has none, 004 has warnings
    assert opened.args[0] == ids["004"]
    assert isinstance(focus(), GridView) and current_cell(window) is not None
    press(qtbot, Qt.Key.Key_F8, SHIFT)
    assert window.review.problems.current() is not None


def test_enter_moves_to_the_next_problem_or_down_as_set(qtbot, window, library, settings):  # noqa: ANN001
    ids = imported(window, library, "003")
    window.open_report(ids["003"])
    press(qtbot, Qt.Key.Key_F8)
    press(qtbot, Qt.Key.Key_F8)  # R3, the 总计 column: its culprit is the same cell
    type_text(qtbot, "5")  # a wrong value: R2 and R3 still fail
    press(qtbot, Qt.Key.Key_Return)
    assert library.load(ids["003"]).record.get(CULPRIT_CELL) == 5
    assert window.review.problems.current().rule != "R3"  # moved on to another problem

    settings.set("enter_moves", "down")
    window.review.select_cell("table3:granted:natural")
    window.review.views["table3"].setFocus()
    type_text(qtbot, "1")
    press(qtbot, Qt.Key.Key_Return)
    assert current_cell(window) == "table3:partial:natural"


def test_verify_dialog_takes_each_reason_from_the_keyboard(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "004")
    window.open_report(ids["004"])
    press(qtbot, Qt.Key.Key_Return, CTRL)
    dialog = window.dialog
    fields = list(dialog.reasons.values())
    assert len(fields) == len(window.session.warnings()) >= 2
    wait_focus_in(qtbot, dialog)
    assert focus() is fields[0]
    for i, _field in enumerate(fields):
        assert focus() is fields[i]
        type_text(qtbot, f"checked {i}")
        if i < len(fields) - 1:
            press(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.verified, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    acks = library.load(ids["004"]).verification.acknowledgements
    assert sorted(a.reason for a in acks) == sorted(f"checked {i}" for i in range(len(fields)))


def test_filter_box_down_goes_into_the_list_and_counts_matches(qtbot, window, library):  # noqa: ANN001
    imported(window, library, "001", "003", "004")
    panel = window.library_panel
    window.focus_filter()
    assert panel.count.text() == "3 份"
    press(qtbot, Qt.Key.Key_Down)
    assert focus() is panel.view and panel.current_id() is not None
    panel.status.setCurrentIndex(panel.status.findData("has:errors"))
    assert panel.count.text() == "1 份" and panel.model.summary(0).errors > 0
    panel.status.setCurrentIndex(panel.status.findData("has:warnings"))
    assert {panel.model.summary(r).warnings > 0 for r in range(panel.model.rowCount())} == {True}


def test_help_lists_every_shortcut_from_the_menus(qtbot, window):  # noqa: ANN001
    press(qtbot, Qt.Key.Key_F1)
    dialog = window.dialog
    keys = " ".join(dialog.keys())
    dialog.close()
    assert dialog.table.rowCount() == len(dialog.rows) > 20
    for action in window.actions_.values():
        if action.shortcuts():  # each action with a key is listed (a key a keyboard has, not the Open key)
            assert any(seq.toString(seq.SequenceFormat.NativeText) in keys for seq in action.shortcuts()), \
                action.text()
    verify = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)  # 回车 in Chinese
    assert "F8" in keys and verify in keys and "F2" in keys
