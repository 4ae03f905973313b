"""编辑 › 选择拆分… with the keyboard: the 淮安 2024 crawler text prints 行政规范性文件 as "82666", six splits fit
every relation; the reviewer picks one in a small dialog, it is written as one capture edit, the warning turns
into an info, the run is marked placed, the report verifies without a reason, and Ctrl+Z takes it all back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.crawler_gen import STYLES, crawler_text
from tests.ui.conftest import REVIEWER
from tests.ui.test_keyboard_loop import CTRL, SHIFT, focus, press, wait_focus_in
from ui.grid_view import GridView
from ui.split_choice import SplitChoiceDialog

ROW = "table2:normative_documents"
CELLS = [f"{ROW}:issued", f"{ROW}:repealed", f"{ROW}:in_force"]


def _open_fused(window, library, tmp_path: Path) -> int:  # noqa: ANN001
    _want, text = crawler_text("huaian-2024", STYLES[0])
    path = tmp_path / "淮安市2024年政府信息公开工作年度报告.txt"
    path.write_text(text, encoding="utf-8")
    rid = library.import_paths([str(path)], reviewer="导入").imported[0]
    window.refresh_library()
    window.open_report(rid)
    return rid


def _dialog(qtbot, window) -> SplitChoiceDialog:  # noqa: ANN001
    press(qtbot, Qt.Key.Key_S, CTRL | SHIFT)  # 编辑 › 选择拆分…
    dialog = window.dialog
    assert isinstance(dialog, SplitChoiceDialog)
    wait_focus_in(qtbot, dialog)
    return dialog


def _warnings(window) -> list[str]:  # noqa: ANN001
    return sorted(f.rule for f in window.session.warnings())


def test_a_split_is_chosen_by_keyboard_verified_and_undone_in_one_step(qtbot, window, library, tmp_path):  # noqa: ANN001
    rid = _open_fused(window, library, tmp_path)
    action = window.commands["choose_split"]
    assert _warnings(window) == ["BLANK", "SPLIT", "UNPLACED"]
    press(qtbot, Qt.Key.Key_F8)  # the first problem: the ambiguous split, its first cell under the cursor
    assert window.review.problems.current().message_id == "split_ambiguous"
    assert action.isEnabled() and window.split_choice.button.isEnabled()
    dialog = _dialog(qtbot, window)
    assert focus() is dialog.table
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert [" · ".join(r) for r in rows] == window.review.problems.current().params["alternatives"]
    assert [dialog.table.horizontalHeaderItem(c).text() for c in range(3)] == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert dialog.chosen() == 0
    text = window.session.record.text
    assert [text[s:e] for s, e in sorted(window.review.text.highlighted())] == rows[0]  # the row's digits, marked
    press(qtbot, Qt.Key.Key_Down)
    assert [text[s:e] for s, e in sorted(window.review.text.highlighted())] == ["8", "26", "66"]
    with qtbot.waitSignal(window.review.changed, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focus(), GridView))

    stored = library.load(rid)
    assert [stored.record.get(c) for c in CELLS] == [8, 26, 66]
    spans = library.source_spans(rid)[1]
    assert [text[spans[c][0]:spans[c][1]] for c in CELLS] == ["8", "26", "66"]  # each cell links to its digits
    assert len({e.batch for e in library.history(rid) if e.cell in CELLS}) == 1  # one edit
    assert _warnings(window) == []
    info = window.review.problems.current()
    assert info.message_id == "split_chosen" and "审核人已选择拆分 8 · 26 · 66" in window.review.problems.model.index(
        window.review.problems.view.currentIndex().row(), 3).data()
    assert not action.isEnabled() and "撤销" in action.toolTip()  # answered: to choose again, undo first
    unplaced = window.review.unplaced.model
    assert unplaced.index(0, 1).data() == "82666" and "本年制发件数" in unplaced.index(0, 3).data()
    assert window.review.bottom.tabText(1) == "未定位数值（已全部填入）"

    press(qtbot, Qt.Key.Key_Z, CTRL)  # one step takes all three cells back, the warnings with them
    assert [library.load(rid).record.get(c) for c in CELLS] == [None] * 3
    assert _warnings(window) == ["BLANK", "SPLIT", "UNPLACED"] and unplaced.index(0, 3).data() == ""
    assert window.status_label.text() == "已撤销：从原文填入 3 个单元格"  # not the chosen split's message
    assert window.review.bottom.tabText(1) == "未定位数值 (1)"
    press(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [library.load(rid).record.get(c) for c in CELLS] == [8, 26, 66] and _warnings(window) == []
    assert window.status_label.text() == "已重做：从原文填入 3 个单元格"

    window.settings.set("open_next_after_verify", False)
    press(qtbot, Qt.Key.Key_Return, CTRL)  # 核实: no warning asks for a reason
    wait_focus_in(qtbot, window.dialog)
    with qtbot.waitSignal(window.verified, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    assert library.summary(rid).status == "verified"
    assert library.load(rid).acknowledged == {}


def test_a_digit_applies_its_row_and_escape_writes_nothing(qtbot, window, library, tmp_path):  # noqa: ANN001
    rid = _open_fused(window, library, tmp_path)
    version = library.load(rid).version
    assert window.commands["choose_split"].isEnabled()  # opened on the split's cell: the grid's cursor decides
    _dialog(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(focus(), GridView))  # closed, the keyboard back in the grid
    assert library.load(rid).version == version
    _dialog(qtbot, window)
    with qtbot.waitSignal(window.review.changed, timeout=5000):
        press(qtbot, Qt.Key.Key_4)  # the fourth split: 82 · 6 · 66
    assert [library.load(rid).record.get(c) for c in CELLS] == [82, 6, 66]
    assert "第 4 种" in next(f.message for f in library.load(rid).record.findings if f.rule == "SPLIT"
                            and f.cells == CELLS)


def test_the_command_says_why_it_is_disabled_and_a_verified_report_refuses(qtbot, window, library, tmp_path):  # noqa: ANN001
    action = window.commands["choose_split"]
    assert not action.isEnabled() and "请先打开一份报告" in action.toolTip()
    rid = _open_fused(window, library, tmp_path)
    window.review.select_cell("table3:granted:natural")  # a cell no split left open
    window.review.problems.view.clearSelection()
    window.review.problems.view.setCurrentIndex(window.review.problems.model.index(-1, -1))
    assert not action.isEnabled() and "拆分不唯一" in action.toolTip()
    window.review.select_cell(CELLS[1])
    assert action.isEnabled()
    window.session.held_by = "李四"  # claimed by another reviewer (`ui.claims` sets it): read-only
    window.decisions.update_lock()
    assert not action.isEnabled() and "李四" in action.toolTip() and not window.split_choice.button.isEnabled()
    fill = window.review.unplaced.assign_button  # the 未定位数值 panel says the same instead of failing on click
    assert not fill.isEnabled() and "李四" in fill.toolTip()
    window.session.held_by = None
    window.decisions.update_lock()
    assert action.isEnabled() and fill.isEnabled()
    stored = library.load(rid)
    acks = {f.key: "原件如此" for f in stored.record.findings if f.severity == "warning"}
    library.verify(rid, reviewer=REVIEWER, acknowledgements=acks, expected_version=stored.version)
    window.open_report(rid)
    window.review.select_cell(CELLS[1])
    assert not action.isEnabled() and "只读" in action.toolTip()
    assert not fill.isEnabled() and "只读" in fill.toolTip()
    assert window.split_choice.choose() is None and "只读" in window.status_label.text()
    f = next(f for f in window.session.record.findings if f.rule == "SPLIT" and f.cells == CELLS)
    assert not window.split_choice.apply(f, 1)  # written anyway: the pane refuses as it does every edit
    assert [library.load(rid).record.get(c) for c in CELLS] == [None] * 3
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, SplitChoiceDialog) and w.isVisible()] == []


def test_headers_name_the_row_when_the_run_printed_several(qapp) -> None:  # noqa: ANN001
    """Table 4 prints its three rows as one run: the columns of an undecided row say which row they are."""
    from ui.messages import cells_text, column_headers

    t4 = [f"table4:{r}:{c}" for r in ("review", "litigation_direct", "litigation_after_review")
          for c in ("upheld", "corrected", "other", "pending", "total")]
    assert column_headers(t4[10:12], "2021", t4) == ["行政诉讼 复议后起诉\n结果维持", "行政诉讼 复议后起诉\n结果纠正"]
    assert column_headers(CELLS, "2021") == ["本年制发件数", "本年废止件数", "现行有效件数"]
    assert cells_text(CELLS, "2021") == "表二 第二十条第（一）项 行政规范性文件·本年制发件数、本年废止件数、现行有效件数"
