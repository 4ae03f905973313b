"""Values the parser could not place, and a table it did not find, captured from the text with the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reviewer import parse_file
from tests.ui.conftest import sample
from tests.ui.test_keyboard_loop import CTRL, SHIFT, focus, press
from ui.grid_view import GridView

TITLE = "三、收到和处理政府信息公开申请情况"
RENAMED = "申请办理情况统计如下"  # the section title the parser looks for is gone: 表三 is not found


def select_text(window, start: int, end: int) -> None:  # noqa: ANN001
    """The reviewer selects characters start..end of the text (what Shift+arrows do)."""
    text = window.review.text.text
    cursor = QTextCursor(text.document())
    cursor.setPosition(text.to_qt(start))
    cursor.setPosition(text.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    text.setTextCursor(cursor)


def test_seed_004_unplaced_values_are_listed_and_captured_from_the_text(qtbot, window, library):  # noqa: ANN001
    rid = library.import_paths([str(sample("004"))], reviewer="导入").imported[0]
    window.refresh_library()
    window.open_report(rid)
    review = window.review
    unplaced = window.session.record.unplaced
    assert review.unplaced.model.rowCount() == len(unplaced) == 42
    assert review.bottom.tabText(1) == "未定位数值 (42)"
    row0 = [review.unplaced.model.index(0, c).data() for c in range(5)]
    assert row0[0] == "表三" and row0[1] == unplaced[0].text and row0[2].startswith("第 ")

    # Ctrl+U: the panel; Down chooses a value, and the text shows it
    press(qtbot, Qt.Key.Key_U, CTRL)
    assert focus() is review.unplaced.view
    press(qtbot, Qt.Key.Key_Down)
    chosen = review.unplaced.current()
    assert tuple(chosen.span) in review.text.highlighted()

    targets = ["table3:carried_forward:natural", "table3:carried_forward:commercial"]
    truth_span = window.session.record.provenance[targets[1]].span
    for cid, u in zip(targets, unplaced[:2], strict=True):
        review.select_cell(cid)  # the cell to fill is chosen in the grid
        select_text(window, u.span[0], u.span[0])  # the caret on the number in the text
        while focus() is not review.text.text:
            press(qtbot, Qt.Key.Key_F6)  # F6 walks the panes: library, text, grid, bottom panel
        press(qtbot, Qt.Key.Key_Return)  # that number into the chosen cell
        assert review.text.cell_at(u.span[0]) == cid  # the text now links the number to the cell

    stored = library.load(rid)
    for cid, u in zip(targets, unplaced[:2], strict=True):
        assert stored.record.get(cid) == int(u.text)
        assert stored.record.provenance[cid].span == tuple(u.span)
    spans = [(e.cell, e.old, e.new) for e in library.history(rid) if e.kind == "source_span"]
    assert spans == [(c, u.span[0], u.span[1]) for c, u in zip(targets, unplaced[:2], strict=True)]
    assert [review.unplaced.model.index(i, 3).data() for i in range(2)] == [
        "表三 四、结转下年度继续办理·自然人", "表三 四、结转下年度继续办理·商业企业"]

    # a choice in the grid shows the captured value's place in the text, as for a parsed cell
    review.select_cell(targets[0])
    assert tuple(unplaced[0].span) in review.text.highlighted()
    # undo gives the cell back its place as parsed
    press(qtbot, Qt.Key.Key_Z, CTRL)
    again = library.load(rid)
    assert again.record.provenance[targets[1]].span == truth_span
    assert review.text.cell_at(unplaced[1].span[0]) != targets[1]


def test_a_click_on_a_number_or_a_value_dropped_on_a_cell_captures_it(qtbot, window, library):  # noqa: ANN001
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    from ui.grid_view import SPAN_MIME

    rid = library.import_paths([str(sample("004"))], reviewer="导入").imported[0]
    window.refresh_library()
    window.open_report(rid)
    review = window.review
    u0, u1 = window.session.record.unplaced[:2]
    # a click (the text pane's click handler, as the mouse calls it) on an unplaced number: into the current cell
    review.select_cell("table3:carried_forward:natural")
    review.text._clicked(u0.span[0])
    assert window.session.captured["table3:carried_forward:natural"] == tuple(u0.span)
    # a value dragged from the 未定位数值 list onto a cell
    view = review.views["table3"]
    target = "table3:carried_forward:legal"
    data = review.unplaced.model.mimeData([review.unplaced.model.index(1, 0)])
    assert bytes(data.data(SPAN_MIME).data()).decode() == f"{u1.span[0]},{u1.span[1]}"
    mime = QMimeData()
    mime.setData(SPAN_MIME, data.data(SPAN_MIME))
    pos = QPointF(view.visualRect(view.grid_model().index_of(target)).center())
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)
    assert window.session.captured[target] == tuple(u1.span)
    stored = library.load(rid)
    assert stored.record.provenance[target].span == tuple(u1.span)


def test_a_table_that_was_not_found_is_captured_from_the_text(qtbot, window, library, tmp_path: Path):  # noqa: ANN001
    original = sample("003")
    truth = parse_file(original)  # the same report with its title: where each number of 表三 is printed
    text = original.read_text(encoding="utf-8")
    at = text.index(TITLE)
    shift = len(RENAMED) - len(TITLE)
    path = tmp_path / "高青县_no_table3.txt"
    # nor the statement over its header that opens it when its title is missing (the same length: spans stay)
    text = text.replace("本列数据的勾稽关系为", "各列数据的相互关系为")
    path.write_text(text.replace(TITLE, RENAMED), encoding="utf-8")
    rid = library.import_paths([str(path)], reviewer="导入").imported[0]
    window.refresh_library()
    window.open_report(rid)
    review = window.review
    assert "MISSING" in [f.rule for f in window.session.record.findings]
    assert all(window.session.value(c) is None for c in review.models["table3"].grid.positions)
    # opened ready to capture: the first cell of 表三, the unplaced values beside it
    assert review.tabs.currentWidget() is review.views["table3"] and isinstance(focus(), GridView)
    assert review.bottom.currentWidget() is review.unplaced

    rows = list(truth.tables["table3"])
    for i, row in enumerate(rows):
        spans = [truth.provenance[f"table3:{row}:{col}"].span for col in truth.tables["table3"][row]]
        start = min(s[0] for s in spans) + (shift if spans[0][0] > at else 0)
        end = max(s[1] for s in spans) + (shift if spans[0][0] > at else 0)
        if i == 0:  # the first row selected with the keyboard: caret at its first number, Shift+Down
            select_text(window, start, start)
            for _ in range(len(spans) - 1):
                press(qtbot, Qt.Key.Key_Down, SHIFT) if focus() is review.text.text else (
                    review.text.text.setFocus(), press(qtbot, Qt.Key.Key_Down, SHIFT))
            press(qtbot, Qt.Key.Key_End, SHIFT)
        else:
            select_text(window, start, end)
        if i == 1:  # the cursor anywhere in the row: as many numbers as the row has cells fill it whole
            review.select_cell(f"table3:{row}:total")
        press(qtbot, Qt.Key.Key_R, CTRL)  # 编辑 › 从原文填入当前行
    stored = library.load(rid)
    for row in rows:
        for col, value in truth.tables["table3"][row].items():
            cid = f"table3:{row}:{col}"
            assert stored.record.get(cid) == value, cid
            span = truth.provenance[cid].span
            assert stored.record.provenance[cid].span == (span[0] + shift, span[1] + shift)
    assert window.undo.group.activeStack().count() == len(rows)  # one undo step per row
    assert sorted(f.rule for f in stored.record.findings if f.severity == "error") == ["R2", "R3"]  # as printed
