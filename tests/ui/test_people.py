"""People in the window (SQLite: a second `Library` on the same file stands for another reviewer's app):
a report someone else holds opens read-only with who holds it and 接管… asking a reason; 审核中 · name and
待复核 in the list; other reviewers' changes arriving live; the role's greyed actions; four eyes' sign-off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from reviewer.store import Library
from tests.ui.conftest import REVIEWER, open_sample, shown_value, type_into_cell

CID = "table3:granted:natural"


@pytest.fixture
def other(library) -> Iterator[Library]:  # noqa: ANN001
    lib = Library(library.path, seed_samples=False)
    yield lib
    lib.close()


def _status_text(window, rid: int) -> str:  # noqa: ANN001
    model = window.library_panel.model
    return str(model.data(model.index(model.row_of(rid), model.COLUMNS.index("status"))))


def test_a_report_another_reviewer_holds_opens_read_only_and_is_taken_over_with_a_reason(
        qtbot, window, library, other) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    assert library.claims()[rid].holder == REVIEWER  # opening it to edit claimed it
    assert _status_text(window, rid) == f"审核中 · {REVIEWER}"
    window.claims.release()  # closed here; 李四 opens it in his app
    other.claim(rid, reviewer="李四")
    window.open_report(rid)
    bar = window.claims.bar
    assert bar.isVisible() and "李四 正在审核这份报告" in bar.label.text()
    assert _status_text(window, rid) == "审核中 · 李四"
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    before = shown_value(window, CID)
    type_into_cell(qtbot, view, CID, "12")
    assert shown_value(window, CID) == before  # read-only: nothing typed is written
    assert not [e for e in library.history(rid) if e.cell == CID]
    # 接管…: the reason is required, and goes into the trail
    bar.take.click()
    dialog = window.claims.dialog
    assert dialog is not None and dialog.isVisible() and "李四" in dialog.findChild(type(bar.label)).text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.reason.setText("李四今天请假")
    assert ok.isEnabled()
    ok.click()
    assert not bar.isVisible() and library.claims()[rid].holder == REVIEWER
    assert _status_text(window, rid) == f"审核中 · {REVIEWER}"
    line = library.history(rid)[-1]
    assert (line.kind, line.old, line.new, line.reason) == ("takeover", "李四", REVIEWER, "李四今天请假")
    type_into_cell(qtbot, view, CID, "12")
    assert shown_value(window, CID) == "12"
    assert other.heartbeat(rid, reviewer="李四") is None  # his app learns it lost the report


def test_other_reviewers_changes_arrive_live(qtbot, window, library, other) -> None:  # noqa: ANN001
    first = open_sample(qtbot, window, "000")
    rid = open_sample(qtbot, window, "003")  # open here; 李四 holds it in his app
    window.claims.release()
    other.claim(rid, reviewer="李四")
    window.open_report(rid)
    window.live.start()
    qtbot.waitUntil(lambda: window.live.watch_thread is not None and window.live.watch_thread.isRunning())
    qtbot.wait(300)  # the watcher has read where the library stands
    v = other.load(rid).version
    other.set_cells(rid, {CID: 31}, reviewer="李四", expected_version=v)
    qtbot.waitUntil(lambda: shown_value(window, CID) == "31", timeout=5000)  # the open report, no reload asked (the
    # second is measured by tests/test_team_people.py and benchmarks/bench_live.py; here the machine may be busy)
    assert "李四 修改了这份报告" in window.status_label.text()
    assert window.claims.bar.isVisible()  # still his
    # another report's row follows too; a claim released in his app frees the open report for us
    other.set_status(first, "审核中", reviewer="李四", expected_version=other.load(first).version)
    qtbot.waitUntil(lambda: _status_text(window, first) == "审核中", timeout=5000)
    other.release(rid, reviewer="李四")
    qtbot.waitUntil(lambda: not window.claims.bar.isVisible(), timeout=5000)
    assert library.claims()[rid].holder == REVIEWER
    # taken over by 李四 again: the window turns read-only, saying who
    other.take_over(rid, reviewer="李四", reason="我来")
    qtbot.waitUntil(lambda: window.claims.bar.isVisible(), timeout=5000)
    assert "李四 已接管这份报告" in window.claims.bar.label.text()
    window.live.shutdown()


def test_four_eyes_pending_in_the_list_and_signed_off(qtbot, window, library) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "000")
    library.change_setting("four_eyes", True, reviewer="王组长")
    s = library.load(rid)
    library.verify(rid, reviewer=REVIEWER, expected_version=s.version)
    window.refresh_library()
    window.open_report(rid)
    assert _status_text(window, rid) == "待复核"
    assert window.decisions.banner.isVisible() and "待复核" in window.decisions.banner.text()
    assert rid not in library.claims()  # nothing to edit: not claimed
    panel = window.library_panel
    panel.status.setCurrentIndex(panel.status.findData("pending"))
    assert panel.model.ids() == [rid]
    action = window.actions_["sign_off"]
    assert action.isEnabled()
    dialog = window.team.sign_off()
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # the verifier cannot sign off
    assert window.last_message is not None and "另一位组长" in window.last_message.text()
    window.last_message.close()
    window.settings.set("reviewer_name", "王组长")
    dialog = window.team.sign_off()
    assert dialog is not None
    dialog.reason.setText("抽查无误")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert library.summary(rid).status == "verified"
    panel.status.setCurrentIndex(0)
    assert _status_text(window, rid) == "已核实"
    assert not action.isEnabled()


def test_a_reviewer_role_sees_lead_actions_greyed_with_why(qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from reviewer.store.roles import Actor

    rid = open_sample(qtbot, window, "000")
    window.library.verify(rid, reviewer=REVIEWER, expected_version=window.library.load(rid).version)
    window.open_report(rid)
    assert window.actions_["reopen"].isEnabled()  # a local library: one person may do everything
    monkeypatch.setattr(type(window.library), "actor",
                        lambda self, reviewer=None: Actor("anna", reviewer=True, lead=False, team=True))
    window.open_report(rid)
    for name in ("reopen", "retire", "library_settings"):
        action = window.actions_[name]
        assert not action.isEnabled(), name
        assert "anna" in action.toolTip() and "组长" in action.toolTip()
