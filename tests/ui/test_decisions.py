"""Source defects confirmed, verified reports read-only until reopened, retire and restore, versions — with the
keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.ui.conftest import sample
from tests.ui.test_keyboard_loop import CTRL, SHIFT, focus, imported, press, type_text, wait_focus_in
from ui.grid_model import MARKS_ROLE
from ui.grid_view import GridView
from ui.marks import DEFECT

CULPRIT_CELL = "table3:unable.not_held:total"


def test_an_inconsistent_print_is_confirmed_as_a_source_defect_and_verified(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "003")
    window.open_report(ids["003"])
    rid = ids["003"]
    reasons = {"R2": "original prints 0", "R3": "original prints 3", "PROSE": "text says 3"}
    for rule in ("R2", "R3", "PROSE"):
        press(qtbot, Qt.Key.Key_F8)
        assert window.review.problems.current().rule == rule
        press(qtbot, Qt.Key.Key_D, CTRL)  # 审核 › 确认为源文件错误
        dialog = window.dialog
        wait_focus_in(qtbot, dialog)
        assert focus() is dialog.reason
        type_text(qtbot, reasons[rule])
        if rule == "R2":  # Tab to the 应为 value (its cell: the likely culprit, first)
            press(qtbot, Qt.Key.Key_Tab)
            press(qtbot, Qt.Key.Key_Tab)
            assert focus() is dialog.value and dialog.cell.currentData() == CULPRIT_CELL
            type_text(qtbot, "3")
        with qtbot.waitSignal(window.review.changed, timeout=5000):
            press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(focus(), GridView))
    stored = library.load(rid)
    assert stored.record.get(CULPRIT_CELL) == 0  # the printed value is never changed
    assert {c.rule: c.reason for c in stored.confirmations} == reasons
    assert stored.should_be == {CULPRIT_CELL: 3}
    assert stored.summary.defects == 3 and stored.summary.errors == 0
    model = window.review.models["table3"]
    assert DEFECT in model.data(model.index_of(CULPRIT_CELL), MARKS_ROLE)
    assert window.review.problems.summary.text().endswith("源文件错误 3")

    press(qtbot, Qt.Key.Key_Return, CTRL)  # no open error or warning: the 核实 button
    wait_focus_in(qtbot, window.dialog)
    with qtbot.waitSignal(window.verified, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    summary = library.summary(rid)
    assert summary.status == "verified" and summary.verified_with_defects
    row = window.library_panel.model.row_of(rid)
    index = window.library_panel.model.index(row, 0)
    assert index.data() == "已核实" and "已确认的源文件错误：3 个" in index.data(Qt.ItemDataRole.ToolTipRole)
    panel = window.library_panel
    panel.status.setCurrentIndex(panel.status.findData("has:defects"))
    assert panel.model.ids() == [rid]


def test_a_confirmation_is_undone_like_an_edit(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "003")
    window.open_report(ids["003"])
    press(qtbot, Qt.Key.Key_F8)
    press(qtbot, Qt.Key.Key_D, CTRL)
    wait_focus_in(qtbot, window.dialog)
    type_text(qtbot, "as printed")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focus(), GridView))  # back in the grid once the dialog is gone
    assert [c.rule for c in library.load(ids["003"]).confirmations if c.active] == ["R2"]
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert [c for c in library.load(ids["003"]).confirmations if c.active] == []
    assert sorted(f.rule for f in window.session.errors()) == ["R2", "R3"]
    kinds = [e.kind for e in library.history(ids["003"])]
    assert "confirm" in kinds and "withdraw" in kinds
    press(qtbot, Qt.Key.Key_H, CTRL)  # the history names both, on the finding's row, with the rule and reason
    model = window.dialog.model
    rows = [[model.index(r, c).data() for c in range(6)] for r in range(model.rowCount())]
    confirm = next(r for r in rows if r[2] == "确认源文件错误")
    assert confirm[3].startswith("R2 表三 （四）无法提供 1.本机关不掌握相关政府信息·") and confirm[5] == "as printed"
    assert any(r[2] == "撤销源文件错误确认" for r in rows)
    window.dialog.close()


def test_a_verified_report_refuses_edits_until_reopened(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "001")  # no problem: verified at once
    rid = ids["001"]
    window.settings.set("open_next_after_verify", False)
    window.open_report(rid)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    wait_focus_in(qtbot, window.dialog)
    with qtbot.waitSignal(window.verified, timeout=5000):
        press(qtbot, Qt.Key.Key_Return)
    assert library.summary(rid).status == "verified"
    qtbot.waitUntil(lambda: isinstance(focus(), GridView))
    review = window.review
    assert window.decisions.banner.isVisible() and "只读" in window.decisions.banner.text()
    view = review.views["table3"]
    review.select_cell("table3:granted:natural")
    view.setFocus()
    before = library.load(rid).version
    type_text(qtbot, "7")  # a keystroke does not send the report back to 审核中
    assert not isinstance(focus(), QLineEdit)
    press(qtbot, Qt.Key.Key_Delete)
    assert "只读" in window.status_label.text()
    stored = library.load(rid)
    assert stored.version == before and stored.summary.status == "verified"

    press(qtbot, Qt.Key.Key_R, CTRL | SHIFT)  # 审核 › 重新打开审核
    dialog = window.dialog
    wait_focus_in(qtbot, dialog)
    assert not dialog.ok.isEnabled()  # a reason is required
    type_text(qtbot, "recheck")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focus(), GridView))
    assert library.summary(rid).status == "in_review"
    assert not window.decisions.banner.isVisible()
    view.setFocus()
    review.select_cell("table3:granted:natural")
    type_text(qtbot, "7")
    press(qtbot, Qt.Key.Key_Return)
    assert library.load(rid).record.get("table3:granted:natural") == 7
    status_lines = [(e.old, e.new, e.reason) for e in library.history(rid) if e.kind == "status"]
    assert ("verified", "in_review", "重新打开审核：recheck") in status_lines


def test_retire_hides_a_report_and_restore_brings_it_back(qtbot, window, library):  # noqa: ANN001
    ids = imported(window, library, "001", "003")
    window.open_report(ids["001"])
    dialog = window.decisions.retire()
    dialog.reason.setText("imported by mistake")
    dialog.accept()
    panel = window.library_panel
    assert ids["001"] not in panel.model.ids()
    assert window.decisions.banner.isVisible() and "停用" in window.decisions.banner.text()
    panel.status.setCurrentIndex(panel.status.findData("retired"))
    assert panel.model.ids() == [ids["001"]]
    assert window.decisions.restore()
    panel.status.setCurrentIndex(0)
    assert ids["001"] in panel.model.ids()
    assert library.summary(ids["001"]).retired_at is None


def test_versions_are_marked_and_the_one_that_counts_is_chosen(qtbot, window, library, tmp_path):  # noqa: ANN001
    first = library.import_paths([str(sample("001"))], reviewer="导入").imported[0]
    copy = tmp_path / "second_version.txt"
    copy.write_text(sample("001").read_text(encoding="utf-8") + "\n（更正版）\n", encoding="utf-8")
    second = library.import_paths([str(copy)], reviewer="导入").imported[0]
    window.refresh_library()
    model = window.library_panel.model
    texts = {rid: model.index(model.row_of(rid), 1).data() for rid in (first, second)}
    counting = first if library.summary(first).counts else second
    other = second if counting == first else first
    assert texts[counting].endswith("[版本✓]") and texts[other].endswith("[版本]")
    window.open_report(other)
    assert window.actions_["choose_version"].isEnabled()
    assert window.decisions.choose_version()
    assert library.summary(other).counts and not library.summary(counting).counts
    assert model.index(model.row_of(other), 1).data().endswith("[版本✓]")
