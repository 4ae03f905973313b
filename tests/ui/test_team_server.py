"""Team mode in the window: 首选项 › 团队服务器 (address, 测试连接, no password saved), `reviewer-gui --db
postgresql://…`, and the server stopped while a reviewer types: said, not applied, kept, saved on retry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

import ui.save_errors as save_errors
from reviewer.store.backend.postgres import RETRY_AFTER_S
from tests.ui.conftest import open_sample, shown_value, type_into_cell
from tests.ui.test_save_errors import _editor_text

CID = "table3:granted:natural"


def test_settings_test_the_server_and_save_its_address(qtbot, pg_cluster, settings) -> None:  # noqa: ANN001
    from ui.app import library_path, parse_args
    from ui.settings_dialog import SettingsDialog

    url = pg_cluster.new_database("settings")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    row = dialog.server
    row.address.setText(url)
    row.test.click()
    qtbot.waitUntil(lambda: row.test.isEnabled() and "连接成功" in row.result.text(), timeout=20_000)
    assert "数据库为空" in row.result.text() and "\n" not in row.result.text()
    row.address.setText(url.replace("/settings_", "/no_such_db_"))
    row.test.click()
    qtbot.waitUntil(lambda: row.test.isEnabled() and row.result.text().startswith("✘"), timeout=20_000)
    row.address.setText(url)
    dialog.accept()
    assert settings.get("server_url") == url
    assert library_path(parse_args([]), settings) == url  # the server is what the app opens next
    assert str(library_path(parse_args(["--db", "x.sqlite3"]), settings)) == "x.sqlite3"  # --db wins
    pg_cluster.drop_database(url)


def test_a_password_in_the_address_is_never_saved(qtbot, settings, tmp_path) -> None:  # noqa: ANN001
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.address.setText("postgresql://ann:s3cret@db.example.cn/reviews")
    dialog.accept()
    assert dialog.isVisible() and "PGPASSWORD" in dialog.server.result.text()
    assert settings.get("server_url") == ""
    assert "s3cret" not in "".join(p.read_text(encoding="utf-8", errors="replace") for p in tmp_path.glob("*.ini"))
    dialog.reject()


def test_the_typed_reviewer_name_is_greyed_while_a_team_server_is_set(qtbot, settings) -> None:  # noqa: ANN001
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.reviewer.isEnabled()  # a file library: the name typed here signs the edits
    dialog.server.address.setText("postgresql://ann@db.example.cn/reviews")
    assert not dialog.reviewer.isEnabled() and "登录名" in dialog.reviewer.toolTip()  # the server's login does
    dialog.server.address.setText("")
    assert dialog.reviewer.isEnabled()
    dialog.reject()


@pytest.fixture
def own_cluster():  # noqa: ANN201 - stopped inside the test
    from tests.pg import start_cluster

    try:
        cluster = start_cluster()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    yield cluster
    cluster.remove()


def test_the_server_stopped_while_typing(qtbot, own_cluster, settings, monkeypatch) -> None:  # noqa: ANN001
    from ui.library_access import close_library, open_library
    from ui.main_window import MainWindow

    lib = open_library(own_cluster.new_database("window"), seed_samples=False)
    window = MainWindow(lib, lib.address, settings, "zh_CN")
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    assert "postgresql://" in window.library_label.text()
    rid = open_sample(qtbot, window, "003")
    view = window.review.views["table3"]
    window.review.tabs.setCurrentWidget(view)
    type_into_cell(qtbot, view, CID, "7")
    assert shown_value(window, CID) == "7"
    stack = window.undo.activate(rid)
    steps = stack.count()

    asked: list[str] = []

    def down_then_back(parent, reason: str) -> bool:  # noqa: ANN001
        asked.append(reason)
        if len(asked) == 1:
            return False  # the reviewer declines: the typed value stays in the cell
        own_cluster.start()  # the server is back: the retry saves
        return True

    monkeypatch.setattr(save_errors, "ask_retry", down_then_back)
    own_cluster.stop("immediate")
    type_into_cell(qtbot, view, CID, "12")
    assert asked and "连接中断" in asked[0] and "未保存" in asked[0]
    assert _editor_text(qtbot, view) == "12"  # the typed value is kept in the cell, not applied
    assert shown_value(window, CID) == "7" and stack.count() == steps
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)  # Enter again: asked again, the server is back, saved
    qtbot.waitUntil(lambda: shown_value(window, CID) == "12", timeout=20_000)
    assert [e.new for e in lib.history(rid) if e.cell == CID] == [7, 12]  # nothing committed lost, no double
    assert stack.count() == steps + 1 and all(e.reviewer == lib.actor().name for e in lib.history(rid) if e.cell == CID)  # the login

    asked.clear()
    monkeypatch.setattr(save_errors, "ask_retry", lambda parent, reason: asked.append(reason) and False)
    own_cluster.stop("immediate")
    index = stack.index()
    window.undo.group.undo()  # Ctrl+Z while the server is down: said, not applied, the step kept
    qtbot.wait(50)
    assert asked and "未保存" in asked[0]
    assert shown_value(window, CID) == "12" and (stack.count(), stack.index()) == (steps + 1, index)
    own_cluster.start()
    qtbot.wait(int(RETRY_AFTER_S * 1000))
    window.undo.group.undo()  # the server is back: the same step undoes
    qtbot.waitUntil(lambda: shown_value(window, CID) == "7", timeout=20_000)
    assert [e.new for e in lib.history(rid) if e.cell == CID] == [7, 12, 7] and stack.index() == index - 1
    window.close()
    close_library(lib)


def test_the_app_starts_on_a_server_library(pg_cluster, tmp_path) -> None:  # noqa: ANN001
    """`reviewer-gui --db postgresql://…`: a new database becomes a library with the samples, the window opens."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    url = pg_cluster.new_database("app")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", REVIEWER_GUI_AUTOQUIT_MS="300", TMPDIR=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "ui.app", "--db", url, "--settings", str(tmp_path / "s.ini")],
                          cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr[-800:]
    assert not list((tmp_path / "data").rglob("*.sqlite3"))  # no file library was made beside it
    from reviewer.store import Library

    with Library(url) as lib:
        assert len(lib.list_reports()) == 5
    pg_cluster.drop_database(url)


def test_an_unreachable_server_of_the_settings_falls_back_to_the_local_library(settings, tmp_path) -> None:  # noqa: ANN001
    """The window can still open (and 首选项 mend the address) when the saved server is down; a server asked for
    with --db has no fallback."""
    from ui.app import local_fallback, parse_args

    assert local_fallback(parse_args([]), settings) is None  # no server in the settings
    settings.set("server_url", "postgresql://审核员@db.example.cn/reviews")
    settings.set("library_path", str(tmp_path / "mine.sqlite3"))
    assert local_fallback(parse_args([]), settings) == tmp_path / "mine.sqlite3"
    assert local_fallback(parse_args(["--db", "postgresql://x@y/z"]), settings) is None
