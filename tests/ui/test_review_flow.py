"""A reviewer at work on seed 003: see the two failing relations, fix the culprit, undo, redo, verify."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import REVIEWER, open_sample, sample
from ui.grid_model import MARKS_ROLE
from ui.marks import CULPRIT, EDITED, INVOLVED

CULPRIT_CELL = "table3:unable.not_held:total"
ROW = [f"table3:unable.not_held:{c}" for c in ("natural", "commercial", "research", "social", "legal", "other")]
TOTAL_COLUMN = [f"table3:{r}:total" for r in (
    "granted", "partial", "denied.state_secret", "denied.law_prohibited", "denied.three_safety", "denied.third_party",
    "denied.internal_affairs", "denied.process_info", "denied.enforcement_file", "denied.admin_query",
    "unable.needs_creation", "unable.unclear", "not_processed.petition", "not_processed.duplicate",
    "not_processed.publication", "not_processed.massive", "not_processed.confirm", "other", "total")]
CTRL = Qt.KeyboardModifier.ControlModifier


def marks(window, cid: str) -> frozenset[str]:  # noqa: ANN001
    model = window.review.models[cid.split(":", 1)[0]]
    return model.data(model.index_of(cid), MARKS_ROLE)


def shown(window, cid: str) -> str:  # noqa: ANN001
    model = window.review.models[cid.split(":", 1)[0]]
    return model.data(model.index_of(cid))


def error_rules(window) -> list[str]:  # noqa: ANN001
    return [f.rule for f in window.review.problems.model.findings() if f.severity == "error"]


def test_seed_003_culprit_fixed_undone_redone_and_verified(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    assert "高青县行政审批服务局" in window.windowTitle()

    # two failing relations: the 本机关不掌握 row (R2) and the 总计 column (R3)
    assert sorted(error_rules(window)) == ["R2", "R3"]
    # the one cell that breaks both is the likely culprit; the rest of its row and column are involved
    assert CULPRIT in marks(window, CULPRIT_CELL)
    assert all(INVOLVED in marks(window, c) and CULPRIT not in marks(window, c) for c in ROW + TOTAL_COLUMN)
    assert marks(window, "table3:new_received:natural") == frozenset()  # an unrelated cell stays plain
    model = window.review.models["table3"]
    tip = model.data(model.index_of(CULPRIT_CELL), Qt.ItemDataRole.ToolTipRole)
    assert "建议改为 3" in tip and "总计 = 自然人 + 法人或其他组织各列" in tip

    # F8 reaches the problems: the culprit becomes the current cell, and the text shows its value
    qtbot.keyClick(window, Qt.Key.Key_F8)
    view = window.review.views["table3"]
    assert window.review.tabs.currentWidget() is view
    assert view.grid_model().cell_id(view.currentIndex()) == CULPRIT_CELL
    assert set(view.selected_cells()) >= {CULPRIT_CELL, *ROW}
    span = tuple(window.review.session.record.provenance[CULPRIT_CELL].span)
    assert span in window.review.text.highlighted()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert set(view.selected_cells()) >= {CULPRIT_CELL, *TOTAL_COLUMN}

    # apply the suggestion (Ctrl+.): 3, and every mark of the relations clears
    qtbot.keyClick(window, Qt.Key.Key_Period, CTRL)
    assert shown(window, CULPRIT_CELL) == "3"
    assert error_rules(window) == []
    assert marks(window, CULPRIT_CELL) == {EDITED}
    assert all(INVOLVED not in marks(window, c) for c in ROW + TOTAL_COLUMN)
    assert library.load(rid).record.get(CULPRIT_CELL) == 3  # saved at once

    # undo brings the value and the marks back; redo applies it again
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert shown(window, CULPRIT_CELL) == "0"
    assert sorted(error_rules(window)) == ["R2", "R3"]
    assert CULPRIT in marks(window, CULPRIT_CELL) and EDITED not in marks(window, CULPRIT_CELL)
    assert all(INVOLVED in marks(window, c) for c in ROW + TOTAL_COLUMN)
    assert library.load(rid).record.get(CULPRIT_CELL) == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert shown(window, CULPRIT_CELL) == "3" and error_rules(window) == []

    # verify (Ctrl+Enter), acknowledging whatever warning remains
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible()
    for edit in dialog.reasons.values():
        edit.setText("已与原件核对")
    with qtbot.waitSignal(window.verified, timeout=5000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    stored = library.load(rid)
    assert stored.summary.status == "verified"
    assert stored.record.get(CULPRIT_CELL) == 3
    trail = [(e.kind, e.old, e.new, e.reviewer) for e in library.history(rid) if e.cell == CULPRIT_CELL]
    assert trail == [("suggestion", 0, 3, REVIEWER), ("undo", 3, 0, REVIEWER), ("redo", 0, 3, REVIEWER)]
    assert "已核实" in window.library_panel.model.data(
        window.library_panel.model.index(window.library_panel.model.row_of(rid), 0))


def test_verify_opens_the_next_report_in_the_queue(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.import_paths([str(sample("001"))])
    window.last_message.close()
    window.review.apply_suggestion(next(f for f in window.session.record.findings if f.suggestion))
    with qtbot.waitSignal(window.reportOpened, timeout=5000) as opened:
        dialog = window.verify()
        for edit in dialog.reasons.values():
            edit.setText("已核对")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert opened.args[0] != rid
    assert window.session.report_id == opened.args[0]
    assert library.load(rid).summary.status == "verified"


def test_verify_is_refused_while_errors_remain(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    qtbot.keyClick(window, Qt.Key.Key_Return, CTRL)
    assert window.last_message is not None and "2 个错误" in window.last_message.text()
    window.last_message.close()
    assert library.load(rid).summary.status != "verified"


def _edit_cell(qtbot, view, cid: str, text: str) -> None:  # noqa: ANN001
    view.setFocus()
    view.setCurrentIndex(view.grid_model().index_of(cid))
    qtbot.keyClicks(view, text[0])  # typing replaces the cell: the first key opens the editor
    editor = view.focusWidget()
    assert editor is not view, "typing should open the cell editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter commits and moves down


def test_typed_edit_is_saved_and_undone_in_one_step(qtbot, window, library, settings):  # noqa: ANN001
    settings.set("enter_moves", "down")  # (the default moves to the next problem: tests/ui/test_keyboard_loop.py)
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    cid = "table3:granted:natural"
    window.review.reason.setText("原件第3页为12")  # optional: goes with the next edit
    _edit_cell(qtbot, view, cid, "12")
    assert shown(window, cid) == "12"
    entry = next(e for e in library.history(rid) if e.cell == cid)
    assert (entry.kind, entry.old, entry.new, entry.reason) == ("edit", 0, 12, "原件第3页为12")
    assert window.review.reason.text() == ""
    assert view.grid_model().cell_id(view.currentIndex()) == "table3:partial:natural"  # moved down
    assert library.load(rid).record.get(cid) == 12
    assert EDITED in marks(window, cid)
    assert window.undo.group.activeStack().count() == 1
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert shown(window, cid) == "0"
    assert library.load(rid).record.get(cid) == 0
    assert not window.undo.group.canUndo()


def test_a_value_that_is_not_a_number_is_refused_with_a_message(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    cid = "table3:granted:natural"
    _edit_cell(qtbot, view, cid, "12a")
    assert shown(window, cid) == "0"
    assert "不是数字" in window.status_label.text()
    assert all(e.cell != cid for e in library.history(rid))  # nothing was written
    assert not window.undo.group.canUndo()


def test_pasted_block_is_one_edit_and_one_undo_step(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    view.setFocus()
    view.setCurrentIndex(view.grid_model().index_of("table3:granted:natural"))
    QGuiApplication.clipboard().setText("1\t2\t3\r\n4\t5\t6\r\n")  # as Excel copies it
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    block = {"table3:granted:natural": 1, "table3:granted:commercial": 2, "table3:granted:research": 3,
             "table3:partial:natural": 4, "table3:partial:commercial": 5, "table3:partial:research": 6}
    stored = library.load(rid).record
    assert {c: stored.get(c) for c in block} == block
    assert [shown(window, c) for c in block] == [str(v) for v in block.values()]
    entries = [e for e in library.history(rid) if e.cell in block]
    assert len(entries) == 6 and {e.batch for e in entries} == {entries[0].batch}  # one audited batch
    assert {e.kind for e in entries} == {"paste"}
    assert window.undo.group.activeStack().count() == 1

    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    stored = library.load(rid).record
    assert all(stored.get(c) == 0 for c in block)
    assert all(shown(window, c) == "0" for c in block)
    assert not window.undo.group.canUndo()
    assert view.currentIndex() != QModelIndex()
