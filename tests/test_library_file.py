"""The library file: never adopted when it is not a library, never silently reset, store errors in one line."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import StoreError
from reviewer.store import Library

from .fixtures.reports import CLEAN, variant_text, write_report
from .fixtures.sandbox import run_sandboxed

CELL = "table2:licensing:decisions"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line(err: str) -> None:
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_an_empty_file_is_not_made_a_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="0 字节"):
        Library(path)
    assert main(["list", "--db", str(path)]) == 2
    _one_line(capsys.readouterr().err)
    assert path.stat().st_size == 0


def test_another_programs_database_is_never_written_into(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "firefox-places.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places(url) VALUES ('https://example.org')")
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="另一个程序的 SQLite 数据库"):
        Library(path)
    assert main(["import", str(tmp_path), "--db", str(path)]) == 2
    _one_line(capsys.readouterr().err)
    assert _digest(path) == before
    assert not Path(str(path) + "-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("我的笔记\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="不是审核台资料库"):
        Library(path)
    assert path.read_text(encoding="utf-8") == "我的笔记\n" * 100


def test_a_truncated_library_is_refused_with_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    Library(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match="已损坏.*reviewer repair"):
        Library(path)
    assert len(path.read_bytes()) == len(data) // 2


def test_two_set_commands_of_the_same_value_do_not_both_succeed(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "lib.sqlite3")
    write_report(tmp_path / "in", "a.txt", variant_text(CLEAN))
    assert main(["import", str(tmp_path / "in"), "--db", db, "--no-samples", "--quiet"]) == 0
    args = ["set", "1", CELL, "19537", "--reviewer", "张三", "--db", db]
    assert main([*args, "--reason", "第一"]) == 0
    capsys.readouterr()
    assert main([*args, "--reason", "第二"]) == 1  # nothing was written: not a success
    err = capsys.readouterr().err
    assert "未写入" in err and "19537" in err
    with Library(db) as lib:
        assert [e.reason for e in lib.history(1, CELL)] == ["第一"]


def test_store_errors_on_a_read_only_disk_are_one_line(tmp_path: Path) -> None:
    """The library on a disk that turns read-only: list and export work, set and import say why in one line."""
    db = tmp_path / "lib.sqlite3"
    write_report(tmp_path / "in", "a.txt", variant_text(CLEAN))
    assert main(["import", str(tmp_path / "in"), "--db", str(db), "--no-samples", "--quiet"]) == 0
    out = tmp_path / "out"
    out.mkdir()
    script = f"""
cp {db} $D/lib.sqlite3
mkdir $D/new && cp {tmp_path / 'in' / 'a.txt'} $D/new/b.txt && echo "（另一版本）" >> $D/new/b.txt
mount -o remount,ro $D
$REVIEWER list --db $D/lib.sqlite3; echo "list=$?"
$REVIEWER export --all --format jsonl -o {out}/x.jsonl --db $D/lib.sqlite3; echo "export=$?"
$REVIEWER set 1 {CELL} 5 --reason r --reviewer z --db $D/lib.sqlite3; echo "set=$?"
$REVIEWER import $D/new --db $D/lib.sqlite3 --quiet; echo "import=$?"
"""
    res = run_sandboxed(script, 4096)
    assert "list=0" in res.stdout and "共 1 份" in res.stdout, res.stderr
    assert "export=0" in res.stdout and (out / "x.jsonl").read_text(encoding="utf-8").count("\n") == 1
    assert "set=2" in res.stdout and "import=2" in res.stdout
    assert "Traceback" not in res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 2 and all("只读" in x for x in lines), res.stderr


def test_a_full_disk_is_one_line_and_loses_no_committed_edit(tmp_path: Path) -> None:
    """Import into a library on a tiny disk until it is full: each command says so in one line; what was
    confirmed before stays, and the library is undamaged."""
    folder = tmp_path / "in"
    for i in range(12):
        write_report(folder, f"r{i:02d}.txt", variant_text(CLEAN, agency=f"满盘{i:02d}县行政审批服务局") + "填充" * 20000)
    script = f"""
$REVIEWER import {folder} --db $D/lib.sqlite3 --no-samples --quiet --workers 1; echo "import=$?"
$REVIEWER set 1 {CELL} 7 --reason r --reviewer z --db $D/lib.sqlite3; echo "set=$?"
$REVIEWER list --db $D/lib.sqlite3 --format json > $D/../list.json 2>/dev/null; echo "list=$?"
$PY -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('check=' + c.execute('PRAGMA integrity_check').fetchone()[0]); print('value=' + str(c.execute(\\"SELECT value FROM cells WHERE report_id=1 AND cell='{CELL}'\\").fetchone()[0]))" $D/lib.sqlite3
"""
    res = run_sandboxed(script, 640)
    assert "Traceback" not in res.stderr, res.stderr
    assert "import=2" in res.stdout and "磁盘空间不足" in res.stderr, res.stdout + res.stderr
    assert "check=ok" in res.stdout
    if "set=0" in res.stdout:  # the edit was confirmed: it must be there
        assert "value=7" in res.stdout
    else:
        assert "set=2" in res.stdout and "value=19536" in res.stdout
