"""Seed 004's rows placed by position, the link between cells and the report text, and a bad file dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import open_sample
from ui.grid_model import MARKS_ROLE
from ui.marks import POSITION

RESULT_ROWS = ("granted", "partial", "denied.state_secret", "unable.not_held", "not_processed.confirm",
               "other.overdue_correction", "other.other", "total")


def test_seed_004_opens_with_rows_placed_by_position_marked(qtbot, window):  # noqa: ANN001
    open_sample(qtbot, window, "004")
    model = window.review.models["table3"]
    for row in RESULT_ROWS:
        for col in ("natural", "total"):
            idx = model.index_of(f"table3:{row}:{col}")
            assert POSITION in model.data(idx, MARKS_ROLE), row
            assert "按位置放置" in model.data(idx, Qt.ItemDataRole.ToolTipRole)
    assert POSITION not in model.data(model.index_of("table3:new_received:natural"), MARKS_ROLE)
    # the whole-table warning is said above the grid, and the problems panel lists it
    window.review.tabs.setCurrentWidget(window.review.views["table3"])
    assert window.review.table_note.isVisible() and "行标签在提取中丢失" in window.review.table_note.text()
    assert "POSITION" in [f.rule for f in window.review.problems.model.findings()]
    # table 2 is Hebei's classification, shown by its label paths
    t2 = window.review.models["table2"]
    labels = {s.text for row in t2.grid.slots for s in row if s.kind == "label"}
    assert {"基础分类", "动态", "公示公告", "合计"} <= labels


def test_clicking_a_cell_highlights_its_source_and_clicking_a_number_selects_its_cell(qtbot, window):  # noqa: ANN001
    open_sample(qtbot, window, "003")
    review = window.review
    record = review.session.record
    view = review.views["table3"]
    review.tabs.setCurrentWidget(view)
    cid = "table3:unable.not_held:natural"
    idx = view.grid_model().index_of(cid)
    view.scrollTo(idx)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(idx).center())
    span = tuple(record.provenance[cid].span)
    highlighted = review.text.highlighted()
    assert span in highlighted
    label = next(s for s in highlighted if s != span)
    assert record.text[label[0]:label[1]] == "1.本机关不掌握相关政府信息"  # the row label is shown too
    assert review.text.text.textCursor().position() == span[0]  # scrolled there

    # clicking the number 85 (行政许可 · 上一年项目数量) in the text selects its cell in table 2
    target = "table2:licensing:prev_items"
    start, _end = record.provenance[target].span
    editor = review.text.text
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.to_qt(start) + 1)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    point = editor.cursorRect(cursor).center() - QPoint(2, 0)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert review.tabs.currentWidget() is review.views["table2"]
    t2 = review.views["table2"]
    assert t2.grid_model().cell_id(t2.currentIndex()) == target
    assert t2.grid_model().data(t2.currentIndex()) == "85"


def _drop(window, paths: list[Path]) -> None:  # noqa: ANN001
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


def test_an_unreadable_file_dropped_gives_a_message_and_nothing_else_changes(qtbot, window, library, tmp_path):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    before = [(s.id, s.version) for s in library.list_reports()]
    rows = window.library_panel.model.rowCount()
    bad = tmp_path / "年报.pdf"
    bad.write_bytes(b"\x00\x01 this is not a PDF at all")
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        _drop(window, [bad])
    box = window.last_message
    assert box is not None and box.isVisible()
    assert "无法读取 1 份" in box.text() and "年报.pdf" in box.text() and "不是 PDF" in box.text()
    box.close()
    assert [(s.id, s.version) for s in library.list_reports()] == before
    assert window.library_panel.model.rowCount() == rows
    assert window.session is not None and window.session.report_id == rid
    assert window.review.isEnabled()


def test_the_systems_dark_mode_is_respected(qtbot, window):  # noqa: ANN001
    from PySide6.QtGui import QColor, QPalette

    open_sample(qtbot, window, "003")
    model = window.review.models["table3"]
    idx = model.index_of("table3:unable.not_held:total")
    light = model.data(idx, Qt.ItemDataRole.BackgroundRole).color()
    app = QApplication.instance()
    original = app.palette()
    dark = QPalette(original)
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#1b1b1d"),
                         (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.WindowText, "#e8e8e8")):
        dark.setColor(role, QColor(colour))
    try:
        app.setPalette(dark)
        qtbot.waitUntil(lambda: window.review.style_.dark, timeout=3000)  # the change event is posted
        marked = model.data(idx, Qt.ItemDataRole.BackgroundRole).color()
        assert marked.lightness() < 128 < light.lightness()  # a dark tint on a dark window, a light one before
    finally:
        app.setPalette(original)
    qtbot.waitUntil(lambda: not window.review.style_.dark, timeout=3000)


def test_metadata_is_edited_saved_and_audited(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    meta = window.review.metadata
    assert not meta.save_button.isEnabled()
    meta.agency.setText("高青县行政审批服务局（测试）")
    meta.region.setText("山东省淄博市高青县")
    assert meta.save_button.isEnabled()
    meta.save_button.click()
    summary = library.summary(rid)
    assert (summary.agency, summary.region) == ("高青县行政审批服务局（测试）", "山东省淄博市高青县")
    entries = {e.cell: (e.old, e.new) for e in library.history(rid) if e.kind == "metadata"}
    assert entries["region"][1] == "山东省淄博市高青县" and entries["agency"][0] == "高青县行政审批服务局"
    assert "（测试）" in window.windowTitle()
    assert not meta.save_button.isEnabled()  # saved: nothing pending
    row = window.library_panel.model.row_of(rid)
    assert window.library_panel.model.summary(row).agency == "高青县行政审批服务局（测试）"
