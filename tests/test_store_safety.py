"""Killing a writer at any moment loses nothing it confirmed; two processes never lose an update."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.errors import StaleWriteError
from reviewer.store import Library

from .fixtures.children import EDIT_CELLS
from .fixtures.reports import CLEAN, many_reports
from .people import recorded

ROOT = Path(__file__).resolve().parent.parent


def _child(*args: str) -> subprocess.Popen[str]:
    """A child in its own process group, so that it and its worker processes die together."""
    return subprocess.Popen([sys.executable, "-m", "tests.fixtures.children", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def _kill_after(proc: subprocess.Popen[str], prefix: str, n: int, timeout: float = 60) -> list[str]:
    """Read the child's acknowledgements; after the n-th, SIGKILL its process group mid-write."""
    import selectors

    lines: list[str] = []
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    try:
        while sum(1 for x in lines if x.startswith(prefix)) < n:
            if not sel.select(timeout):
                raise AssertionError("the child stopped acknowledging: " + (proc.stderr.read() if proc.stderr else ""))
            line = proc.stdout.readline()
            if not line:
                raise AssertionError("the child exited early: " + (proc.stderr.read() if proc.stderr else ""))
            lines.append(line.strip())
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        sel.close()
    # lines printed after the last read but before the kill were confirmed too
    lines += [x.strip() for x in proc.stdout.read().splitlines() if x.strip()]
    return lines


def test_killed_during_edits_loses_no_confirmed_edit(library_at, tmp_path: Path) -> None:
    db = library_at()
    with Library(db) as lib:
        rid = next(s.id for s in lib.list_reports() if s.source_name.startswith(CLEAN))
        start = lib.load(rid).version
    lines = _kill_after(_child("edits", str(db), str(rid)), "ACK", 40)
    acked = [(int(i), cell, int(v)) for _, i, cell, v in (x.split() for x in lines if x.startswith("ACK"))]
    assert len(acked) >= 40
    with Library(db) as lib:
        assert lib.integrity_check() == "ok"
        trail = {e.reason: e for e in lib.history(rid) if e.kind == "edit"}
        for i, cell, _v in acked:
            e = trail[f"edit {i}"]
            assert (e.cell, e.new, e.reviewer) == (cell, 1000 + i, recorded(lib, "child"))
        committed = len(trail)
        assert committed in (len(acked), len(acked) + 1)  # at most one more: committed, killed before printing
        rep = lib.load(rid)
        assert rep.version == start + committed
        last = {}
        for e in sorted(trail.values(), key=lambda e: e.id):
            last[e.cell] = e.new
        assert {c: rep.record.get(c) for c in EDIT_CELLS if c in last} == last  # cells agree with the trail


def test_killed_during_import_keeps_every_confirmed_report(library_at, tmp_path: Path) -> None:
    db = library_at()
    Library(db, seed_samples=False).close()
    files = many_reports(tmp_path / "in", 120)
    lines = _kill_after(_child("imports", str(db), str(tmp_path / "in")), "DONE", 12)
    assert "FINISHED" not in lines, "the import ended before the kill: make it longer"
    done = {x[5:] for x in lines if x.startswith("DONE ")}
    with Library(db, seed_samples=False) as lib:
        assert lib.integrity_check() == "ok"
        c = lib.connection
        held = {p: i for i, p in c.execute("SELECT id, source_path FROM reports")}
        assert done <= set(held)
        for rid in held.values():  # every report is complete: a report is one unit of the transaction
            assert c.execute("SELECT count(*) FROM cells WHERE report_id = ?", (rid,)).fetchone()[0] == 200
            assert c.execute("SELECT count(*) FROM documents WHERE report_id = ?", (rid,)).fetchone()[0] == 1
            assert c.execute("SELECT count(*) FROM edits WHERE report_id = ? AND kind = 'import'",
                             (rid,)).fetchone()[0] == 1
        again = lib.import_paths([tmp_path / "in"], workers=1)  # resume: what is held is skipped
        assert len(again.duplicates) == len(held) and len(again.imported) == len(files) - len(held)
        assert len(lib.list_reports()) == len(files)


def test_two_processes_on_one_report(library_at, tmp_path: Path) -> None:
    db = library_at()
    cell = "table3:granted:natural"
    with Library(db) as lib:
        rid = next(s.id for s in lib.list_reports() if s.source_name.startswith(CLEAN))
        seen = lib.load(rid).version  # this window read the report …
        out = subprocess.run([sys.executable, "-m", "reviewer.cli", "set", str(rid), cell, "2", "--reason", "另一进程",
                              "--db", str(db), "--reviewer", "李四"], cwd=ROOT, capture_output=True, text=True,
                             timeout=60)
        assert out.returncode == 0, out.stderr  # … while the command line changed it
        with pytest.raises(StaleWriteError):
            lib.set_cells(rid, {cell: 9}, reviewer="张三", expected_version=seen)
        assert lib.load(rid).record.get(cell) == 2
        stale = subprocess.run([sys.executable, "-m", "reviewer.cli", "set", str(rid), cell, "3", "--reason", "旧",
                                "--db", str(db), "--reviewer", "李四", "--expected-version", str(seen)],
                               cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert stale.returncode == 2 and "已被其他窗口或程序修改" in stale.stderr
        assert lib.load(rid).record.get(cell) == 2
