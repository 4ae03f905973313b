"""文件 › 检查审核记录完整性: the audit trail's hash chains walked off the GUI thread, the verdict shown."""

from __future__ import annotations

import sqlite3

from tests.ui.conftest import REVIEWER, open_sample


def test_an_intact_trail_is_said(qtbot, window, library) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    library.set_cells(rid, {"table3:granted:natural": 7}, reviewer=REVIEWER, expected_version=None)
    action = window.actions_["audit_check"]
    assert action.text() == "检查审核记录完整性"
    with qtbot.waitSignal(window.care.audit_checked, timeout=10000):
        action.trigger()
    box = window.care.audit_box
    assert box is not None and box.isVisible() and box.windowTitle() == "审核记录完整"
    assert "哈希链均完好" in window.status_label.text()
    box.close()


def test_an_edit_changed_outside_the_app_is_named(qtbot, window, library) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    library.set_cells(rid, {"table3:granted:natural": 7}, reviewer=REVIEWER, expected_version=None)
    conn = sqlite3.connect(library.path, isolation_level=None)
    conn.execute("DROP TRIGGER edits_no_update")
    eid = conn.execute("SELECT max(id) FROM edits WHERE report_id = ? AND kind = 'edit'", (rid,)).fetchone()[0]
    conn.execute("UPDATE edits SET new_value = 70 WHERE id = ?", (eid,))
    conn.close()
    with qtbot.waitSignal(window.care.audit_checked, timeout=10000):
        window.care.check_audit()
    box = window.care.audit_box
    assert box is not None and box.windowTitle() == "审核记录被改动"
    assert f"报告 #{rid}" in box.informativeText() and f"edits #{eid}" in box.informativeText()
    box.close()
