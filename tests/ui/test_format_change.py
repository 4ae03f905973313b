"""A reviewer changes the format version of seed 003 (detected as 2019) to 2021 in the metadata bar: the tables
are read again, the three （六） rows appear, edits are kept where their cell still exists, the lost one is
listed, and the change is in the edit history. Cancelling (the confirmation, or the progress dialog before
the write) changes nothing."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

import reviewer.store.reparse as reparse_module
from reviewer.api import parse_document
from reviewer.model import Document, Record
from tests.ui.conftest import REVIEWER, open_sample

SHARED = "table3:unable.not_held:total"  # in both formats (seed 003's culprit)
ONLY_2019 = "table3:other:natural"  # （六）其他处理: one row in 2019
ROWS_2021 = ("table3:other.overdue_correction:natural", "table3:other.unpaid_fee:natural",
             "table3:other.other:natural")
LABELS_2021 = ("申请人无正当理由逾期不补正", "申请人逾期未按收费通知要求缴纳费用", "3.其他")


def _texts(model) -> list[str]:  # noqa: ANN001
    """Every text the grid shows (labels and values)."""
    return [str(model.data(model.index(r, c)) or "") for r in range(model.rowCount()) for c in range(model.columnCount())]


def _choose(window, template: str):  # noqa: ANN001, ANN202
    """Pick a format in the metadata bar as a reviewer does (the combo box's `activated`)."""
    combo = window.review.metadata.template
    i = combo.findData(template)
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    dialog = window.reparser.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_seed_003_switched_to_2021_shows_the_three_rows(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    panel = window.review.metadata
    assert panel.template.currentData() == "2019" and panel.template.currentText() == "2019年试行格式"
    table3 = window.review.models["table3"]
    assert table3.index_of(ONLY_2019).isValid() and not table3.index_of(ROWS_2021[0]).isValid()
    # two edits: one in a cell both formats have, one in the 2019-only （六） row
    assert window.review.request_edit({SHARED: 3}, "edit", "核对原件")
    assert window.review.request_edit({ONLY_2019: 2}, "edit", "核对原件")
    assert window.undo.group.activeStack().count() == 2

    dialog = _choose(window, "2021")
    body = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "2021年修订格式" in body and "不能用“撤销”" in body and "修改记录" in body and "2 处修改" in body
    dialog.reason.setText("表三是2021年修订格式")
    with qtbot.waitSignal(window.reparser.finished, timeout=30_000) as done:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    result = done.args[0]
    assert result is not None and result.template == "2021"

    # the grids were rebuilt for 2021: the three （六） rows, labels included; the 2019 row is gone
    table3 = window.review.models["table3"]
    assert all(table3.index_of(c).isValid() for c in ROWS_2021)
    assert not table3.index_of(ONLY_2019).isValid()
    texts = _texts(table3)
    assert all(any(label in t for t in texts) for label in LABELS_2021)
    assert table3.data(table3.index_of(SHARED)) == "3"  # the edit of a shared cell is kept
    assert panel.template.currentData() == "2021" and "审核人指定" in panel.template.toolTip()
    # the lost edit is listed to the reviewer and stays as a warning in the problems
    message = window.last_message
    assert message is not None and "未能应用" in message.text() and "（六）其他处理" in message.text()
    assert "0 → 2" in message.text()
    message.close()
    problems = window.review.problems.model.findings()
    assert any(f.rule == "REPARSE" and f.cells == [ONLY_2019] for f in problems)
    # not an undo step: the stack of the report was cleared; the change is audited
    assert window.undo.group.activeStack().count() == 0
    fmt = [e for e in library.history(rid) if e.cell == "template"]
    assert [(e.old, e.new, e.reviewer, e.reason) for e in fmt] == [("2019", "2021", REVIEWER, "表三是2021年修订格式")]
    assert library.load(rid).record.template == "2021"
    assert window.session.version == library.summary(rid).version  # the next edit is not stale
    assert window.review.request_edit({ROWS_2021[2]: 1}, "edit", None)
    assert library.load(rid).record.get(ROWS_2021[2]) == 1


def test_declining_the_confirmation_changes_nothing(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    version = library.summary(rid).version
    dialog = _choose(window, "2021")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.review.metadata.template.currentData() == "2019"  # back to the report's format
    assert not window.runner.busy
    assert library.summary(rid).version == version and library.summary(rid).template == "2019"


def test_a_required_reason_must_be_given(qtbot, window, library, settings):  # noqa: ANN001
    settings.set("require_reason", True)
    open_sample(qtbot, window, "003")
    dialog = _choose(window, "2021")
    assert not dialog.ok.isEnabled()
    dialog.reason.setText("封面注明2021年格式")
    assert dialog.ok.isEnabled()
    dialog.reject()


def test_cancel_in_the_progress_dialog_before_the_write(qtbot, window, library, monkeypatch):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    before = library.load(rid)
    trail = len(library.history(rid))
    parsing = threading.Event()

    def slow_parse(doc: Document, source: dict | None = None, template: str | None = None) -> Record:
        parsing.set()
        while not window.runner.cancelled:  # a long parse: the reviewer presses Cancel meanwhile
            threading.Event().wait(0.01)
        return parse_document(doc, source, template)

    monkeypatch.setattr(reparse_module, "parse_document", slow_parse)
    dialog = _choose(window, "2021")
    with qtbot.waitSignal(window.reparser.finished, timeout=30_000) as done:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(parsing.is_set, timeout=10_000)
        progress = window.runner.dialog
        # determinate, at the parse step (the step's signal may arrive just after the maximum is set)
        qtbot.waitUntil(lambda: progress.maximum() == reparse_module.STEPS and progress.value() == 2)
        assert "解析表格" in progress.labelText()
        progress.findChild(QPushButton).click()  # Cancel
    result = done.args[0]
    assert result.cancelled
    after = library.load(rid)
    assert (after.version, after.record.template, len(library.history(rid))) == (before.version, "2019", trail)
    assert window.review.metadata.template.currentData() == "2019"
    assert window.review.models["table3"].index_of(ONLY_2019).isValid()
    assert "已取消" in window.status_label.text()


def test_plain_reparse_from_the_menu_keeps_the_chosen_format(qtbot, window, library):  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    with qtbot.waitSignal(window.reparser.finished, timeout=30_000):
        _choose(window, "2021").buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with qtbot.waitSignal(window.reparser.finished, timeout=30_000) as done:
        window.actions_["reparse"].trigger()
    assert done.args[0].template == "2021" and not done.args[0].format_changed
    assert window.review.models["table3"].index_of(ROWS_2021[0]).isValid()
    assert library.load(rid).record.template == "2021"
    assert "已重新解析" in window.status_label.text()


def test_cancel_is_disabled_once_the_write_begins(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QWidget

    from ui.workers import TaskRunner

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    writing, release = threading.Event(), threading.Event()
    results: list[object] = []

    def task(progress, cancel) -> str:  # noqa: ANN001
        progress(2, 4, "解析")
        progress(3, 4, "写入")  # from here on the store no longer polls cancel
        writing.set()
        release.wait(10)
        return "written"

    try:
        with qtbot.waitSignal(runner.finished, timeout=10_000):
            runner.start(task, label="重新解析", on_success=results.append, on_failure=results.append, cancel_until=3)
            qtbot.waitUntil(lambda: not runner.cancellable)
            button = runner.dialog.findChild(QPushButton)
            assert not button.isEnabled() and "不能取消" in button.toolTip()
            runner.cancel()  # Esc or a late click: ignored, the write completes
            assert not runner.cancelled
            release.set()
    finally:
        release.set()
        runner.shutdown()
    assert results == ["written"]
