"""A damaged library: every kind of damage gives a clear message or a repair, never a traceback, and never
silently loses a committed edit. Also `reviewer repair` and `reviewer backup` as a user runs them."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from reviewer.cli import main
from reviewer.errors import StoreError
from reviewer.store import Library
from reviewer.store.backup import auto_backup, backup
from reviewer.store.repair import repair

from .fixtures.reports import many_reports

CELLS = ["table2:licensing:decisions", "table3:unable.not_held:total", "table4:review.upheld:total"]
PAGE = 4096


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, str, int]], int]:
    """A library of 10 reports with 30 confirmed edits and one verification; (file, edits, edit lines)."""
    root = tmp_path_factory.mktemp("fuzz")
    many_reports(root / "in", 10)
    path = root / "lib.sqlite3"
    edits: list[tuple[int, str, int]] = []
    with Library(path, seed_samples=False) as lib:
        ids = lib.import_paths([root / "in"], workers=1).imported
        for n in range(30):
            rid, cell = ids[n % len(ids)], CELLS[n % len(CELLS)]
            if cell not in lib.load(rid).record.cell_ids():
                cell = CELLS[0]
            lib.set_cells(rid, {cell: 1000 + n}, reviewer="张三", reason=f"第{n}次", expected_version=None)
            edits.append((rid, cell, 1000 + n))
        (lines,) = lib.connection.execute("SELECT count(*) FROM edits").fetchone()
    return path, edits, int(lines)


def _latest(edits: list[tuple[int, str, int]]) -> dict[tuple[int, str], int]:
    return {(rid, cell): v for rid, cell, v in edits}


def _assert_all_there(path: Path, edits: list[tuple[int, str, int]], lines: int) -> None:
    with Library(path, seed_samples=False) as lib:
        for (rid, cell), v in _latest(edits).items():
            assert lib.load(rid).record.get(cell) == v
        (n,) = lib.connection.execute("SELECT count(*) FROM edits").fetchone()
        assert n == lines


def _check_damaged(path: Path, edits: list[tuple[int, str, int]], lines: int) -> str:
    """Open the damaged file; on a refusal, repair it and check what the repair says against what is there."""
    try:
        _assert_all_there(path, edits, lines)
        return "unharmed"
    except StoreError as exc:
        message = str(exc)
    assert "\n" not in message and ("损坏" in message or "不是审核台资料库" in message), message
    try:
        report = repair(path)
    except StoreError as exc:  # nothing recoverable (the first page is gone): said, and the file is kept
        assert "\n" not in str(exc) and path.exists()
        return "unrecoverable"
    assert report.damaged.exists()
    with Library(path, seed_samples=False) as lib:
        assert lib.integrity_check() == "ok"
        lost = set(report.lost_reports)
        for (rid, cell), v in _latest(edits).items():
            if rid not in lost:
                assert lib.load(rid).record.get(cell) == v  # a recovered report has its latest values
        (n,) = lib.connection.execute("SELECT count(*) FROM edits").fetchone()
        assert n == report.edits and report.edits + report.lost_edits == lines  # every lost line counted
    return "repaired"


@pytest.mark.parametrize("seed", range(int(os.environ.get("FUZZ_SEEDS", "30"))))
def test_a_damaged_page_is_reported_or_repaired(pristine: tuple[Path, list[tuple[int, str, int]], int],
                                                tmp_path: Path, seed: int) -> None:
    src, edits, lines = pristine
    path = tmp_path / "lib.sqlite3"
    shutil.copy(src, path)
    rng = random.Random(seed)
    pages = path.stat().st_size // PAGE
    page = rng.randrange(2, pages + 1) if seed % 10 else 1  # every tenth trial hits the first page
    kind = seed % 3
    with open(path, "r+b") as f:
        f.seek((page - 1) * PAGE)
        if kind == 0:
            f.write(rng.randbytes(PAGE))
        elif kind == 1:
            f.write(bytes(PAGE))
        else:  # a few flipped bytes in the page header and cell pointers
            data = bytearray(f.read(PAGE))
            for i in rng.sample(range(0 if page > 1 else 100, 200), 6):
                data[i] ^= 0xFF
            f.seek((page - 1) * PAGE)
            f.write(data)
    outcome = _check_damaged(path, edits, lines)
    assert outcome in ("unharmed", "repaired", "unrecoverable")


@pytest.mark.parametrize("keep", [0.25, 0.5, 0.9, 0.999])
def test_a_truncated_library_is_reported_or_repaired(pristine: tuple[Path, list[tuple[int, str, int]], int],
                                                     tmp_path: Path, keep: float) -> None:
    src, edits, lines = pristine
    path = tmp_path / "lib.sqlite3"
    data = src.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert _check_damaged(path, edits, lines) in ("unharmed", "repaired", "unrecoverable")


def test_repair_command_keeps_the_old_file_and_reports_losses(
        pristine: tuple[Path, list[tuple[int, str, int]], int], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    src, _edits, _lines = pristine
    path = tmp_path / "lib.sqlite3"
    shutil.copy(src, path)
    with sqlite3.connect(path) as conn:  # find a page of the cells table and destroy it
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'cells'").fetchone()
    conn.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * PAGE)
        f.write(bytes(PAGE))
    assert main(["list", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert "已损坏" in err and "reviewer repair" in err and "Traceback" not in err
    assert main(["repair", "--db", str(path)]) == 1  # something was lost
    out = capsys.readouterr().out
    assert "丢失" in out and "damaged" in out
    assert list(tmp_path.glob("lib.damaged-*.sqlite3"))
    assert main(["list", "--db", str(path)]) == 0


def test_backup_while_open_has_the_edits_still_in_the_wal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    many_reports(tmp_path / "in", 2)
    path = tmp_path / "lib.sqlite3"
    with Library(path, seed_samples=False) as lib:  # the app keeps it open; its edits sit in the -wal file
        ids = lib.import_paths([tmp_path / "in"], workers=1).imported
        lib.connection.execute("PRAGMA wal_autocheckpoint=0")
        for n in range(22):
            lib.set_cells(ids[0], {CELLS[0]: n}, reviewer="张三", expected_version=None)
        assert Path(f"{path}-wal").stat().st_size > 0
        assert main(["backup", str(tmp_path / "copy.sqlite3"), "--db", str(path)]) == 0
        assert "已备份 2 份报告" in capsys.readouterr().out
        result = backup(lib, tmp_path / "copy2.sqlite3")
        assert result.reports == 2
    for copy in (tmp_path / "copy.sqlite3", tmp_path / "copy2.sqlite3"):
        assert not Path(f"{copy}-wal").exists()
        with Library(copy, seed_samples=False) as restored:
            assert restored.load(ids[0]).record.get(CELLS[0]) == 21
            assert len([e for e in restored.history(ids[0]) if e.kind == "edit"]) == 22


def test_automatic_backups_are_daily_and_rotate(tmp_path: Path) -> None:
    from datetime import date, timedelta

    many_reports(tmp_path / "in", 1)
    with Library(tmp_path / "lib.sqlite3", seed_samples=False) as lib:
        lib.import_paths([tmp_path / "in"], workers=1)
        start = date(2026, 1, 1)
        for d in range(10):
            assert auto_backup(lib, keep=3, today=start + timedelta(days=d)) is not None
        assert auto_backup(lib, keep=3, today=start + timedelta(days=9)) is None  # one a day
    kept = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert kept == ["lib-2026-01-08.sqlite3", "lib-2026-01-09.sqlite3", "lib-2026-01-10.sqlite3"]
