"""文件 › 备份资料库, the daily automatic backup, the periodic check of the file, and `--screenshot` on a
library it cannot open (never a dialog that waits)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from reviewer.store import Library
from reviewer.store.backup import backup
from tests.ui.conftest import REVIEWER, open_sample

ROOT = Path(__file__).resolve().parents[2]


def test_backup_from_the_menu_holds_the_latest_edit(qtbot, window, library, tmp_path) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    library.set_cells(rid, {"table3:granted:natural": 7}, reviewer=REVIEWER, expected_version=None)
    assert window.actions_["backup"].text().startswith("备份资料库")
    target = window.care.backup_now(str(tmp_path / "copy.sqlite3"))
    assert target is not None and "已备份 1 份报告" in window.status_label.text()
    with Library(target, seed_samples=False) as copy:
        assert copy.load(rid).record.get("table3:granted:natural") == 7


def test_the_app_keeps_a_daily_backup_and_checks_the_file(qtbot, window, library) -> None:  # noqa: ANN001
    window.care.start()
    window.care.wait()
    backup = Path(library.path).parent / "backups" / f"{Path(library.path).stem}-{date.today().isoformat()}.sqlite3"
    qtbot.waitUntil(lambda: "已自动备份" in window.status_label.text(), timeout=5000)
    assert backup.exists()


def test_damage_found_by_the_periodic_check_is_said(qtbot, window, library, tmp_path) -> None:  # noqa: ANN001
    damaged = tmp_path / "damaged.sqlite3"
    backup(library, damaged)  # a plain copy of an open library misses what is still in its -wal file
    with sqlite3.connect(damaged) as conn:
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'reports'").fetchone()
    conn.close()
    with open(damaged, "r+b") as f:
        f.seek((root - 1) * 4096)
        f.write(b"\xff" * 4096)
    window.care.path = damaged
    with qtbot.waitSignal(window.care.damaged, timeout=5000) as blocker:
        window.care.check_soon()
    assert "已损坏" in blocker.args[0] and "reviewer repair" in blocker.args[0]
    assert "已损坏" in window.status_label.text()
    assert window.care.warning is not None and window.care.warning.isVisible()
    window.care.warning.close()


def test_screenshot_on_a_library_it_cannot_open_exits_without_a_dialog(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    res = subprocess.run([sys.executable, "-m", "ui", "--screenshot", str(tmp_path / "shot.png"), "--db", str(empty)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)
    assert res.returncode == 2 and "0 字节" in res.stderr
    assert empty.stat().st_size == 0 and not (tmp_path / "shot.png").exists()


def test_the_import_summary_lists_skipped_paths(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next((ROOT / "resources" / "samples").glob("003_*.txt")), folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.import_paths([str(folder)], open_first=False)
    qtbot.waitUntil(lambda: window.last_message is not None, timeout=5000)
    text = window.last_message.text()
    assert "跳过 1 个非报告文件" in text and "pipe.txt" in text and "命名管道" in text
    window.last_message.close()
