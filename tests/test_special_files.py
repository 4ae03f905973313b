"""FIFOs, devices, sockets, unreadable folders and hostile file names: skipped or refused with a reason,
never opened or echoed raw; exports name the file, not where it was on this machine."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import ReadError
from reviewer.export import export
from reviewer.reading import load_bytes
from reviewer.store import Library

from .fixtures.reports import CLEAN, many_reports, variant_text, write_report

ROOT = Path(__file__).resolve().parent.parent


def test_check_on_a_fifo_says_so_and_goes_on_to_the_next_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = write_report(tmp_path, "z.txt", variant_text(CLEAN))
    for command in ("check", "parse"):  # a FIFO opened for reading would block here forever
        res = subprocess.run([sys.executable, "-m", "reviewer.cli", command, str(fifo), str(report)], cwd=ROOT,
                             capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert res.returncode == 2 and "命名管道" in res.stderr and "Traceback" not in res.stderr
        assert "临清市行政审批服务局" in res.stdout  # the file after it was read


def test_dev_zero_is_never_read() -> None:
    with pytest.raises(ReadError, match="字符设备"):
        load_bytes("/dev/zero")


def test_import_lists_every_skipped_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    many_reports(src, 2)
    os.mkfifo(src / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(src / "sock.txt"))
    (src / "locked").mkdir()
    write_report(src / "locked", "hidden-report.txt", variant_text(CLEAN, agency="锁住县行政审批服务局"))
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # root reads any folder: the refusal is simulated
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    db = str(tmp_path / "lib.sqlite3")
    try:
        assert main(["import", str(src), "--db", db, "--no-samples", "--quiet"]) == 2
    finally:
        sock.close()
    out, err = capsys.readouterr()
    assert "导入 2 份" in out and "跳过非报告文件 2 个" in out
    assert "pipe.txt" in out and "命名管道" in out and "sock.txt" in out and "套接字" in out
    assert "locked" in err and "文件夹无法读取" in err
    assert "dangling.txt" in err and "不存在" in err


def test_control_characters_in_names_are_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil\x1b[2J\rname.txt").write_bytes(b"")
    assert main(["import", str(src), "--db", str(tmp_path / "lib.sqlite3"), "--no-samples", "--quiet"]) == 2
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\r" not in out + err
    assert "evil\\x1b[2J\\rname.txt" in err


def test_a_file_that_is_not_a_report_fails_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    note = write_report(tmp_path, "note.txt", "会议通知\n请各科室于周五下午三点到会议室开会。\n")
    assert main(["check", str(note)]) == 1
    assert "未找到报告表格" in capsys.readouterr().err


def test_jsonl_export_carries_the_file_name_and_hash_not_the_path(tmp_path: Path) -> None:
    write_report(tmp_path / "secret-folder", "a.txt", variant_text(CLEAN))
    with Library(tmp_path / "lib.sqlite3", seed_samples=False) as lib:
        lib.import_paths([tmp_path / "secret-folder"], workers=1)
        export(lib, tmp_path / "out.jsonl", "jsonl", include_all=True)
    text = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert str(tmp_path) not in text and "secret-folder" not in text
    source = json.loads(text)["source"]
    assert source["path"] == "a.txt" and len(source["sha256"]) == 64
