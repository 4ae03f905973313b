"""UI timings against their goals (offscreen):

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui.py [--runs N] [--dir DIR]

- cold start to window shown (goal <= 1.5 s): a new `python -m ui` process on an existing library, until its
  window is shown;
- opening a report to its grid shown (goal <= 150 ms): `MainWindow.open_report` and the paint that follows;
- an edit to re-check and repaint (goal <= 16 ms): a typed value through the undo stack, saved to the store
  (one SQLite transaction, re-check of the rules) and the repaint of the changed cells;
- the library panel on a library of `--rows` reports (default 100,000; report rows bulk-copied from the
  samples with `bench_store.bulk_copy`), goal <= 100 ms as the store's list and filter: listing them all to the
  panel shown, and each filter (status, year, text typed, a header click sorting by year) to the panel
  repainted; also the cold start on that library. `--rows 0` skips it.

`--dir` puts the library on a chosen disk (the store commits with synchronous=FULL, so the disk matters).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


def cold_start(db: Path, settings: Path, runs: int) -> list[float]:
    env = dict(os.environ, REVIEWER_GUI_PRINT_SHOWN="1")
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "ui", "--db", str(db), "--settings", str(settings)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - t0)
        proc.wait(timeout=30)
        if line.strip() != "shown":
            raise SystemExit(f"the window did not report itself shown: {line!r}")
    return times


def summary(name: str, values_ms: list[float], goal_ms: float) -> str:
    med = statistics.median(values_ms)
    p95 = sorted(values_ms)[max(0, round(0.95 * len(values_ms)) - 1)]
    verdict = "ok" if med <= goal_ms else "OVER"
    return (f"{name:38} median {med:7.1f} ms   p95 {p95:7.1f} ms   max {max(values_ms):7.1f} ms   "
            f"goal <= {goal_ms:.0f} ms  [{verdict}]")


def timed(app: object, action: Callable[[], object], repaint: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds from `action` to the widget repainted and the events processed, `runs` times."""
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        repaint()
        app.processEvents()  # type: ignore[attr-defined]
        out.append((time.perf_counter() - t0) * 1000)
    return out


def big_library(work: Path, rows: int) -> Path:
    """A library of `rows` reports: the samples' report rows copied with other agencies, years and statuses
    (`bench_store.bulk_copy`; listing needs no cells)."""
    from bench_store import bulk_copy

    from reviewer.store import Library

    db = work / f"list-{rows}.sqlite"
    if not db.exists():
        seed = work / "seed.sqlite"
        Library(seed).close()
        bulk_copy(seed, db, rows)
    return db


def bench_library(app: object, work: Path, ini: Path, settings: object, rows: int, runs: int) -> list[str]:
    """The library panel on `rows` reports: list, filter, sort (each to the panel repainted)."""
    from PySide6.QtCore import Qt

    from ui.library_access import open_library
    from ui.main_window import MainWindow

    db = big_library(work, rows)
    lines = [summary(f"cold start on {rows} reports", [t * 1000 for t in cold_start(db, ini, max(2, runs // 2))],
                     1500)]
    library = open_library(db, seed_samples=False)
    t0 = time.perf_counter()
    everything = list(library.list_reports())
    read_all = (time.perf_counter() - t0) * 1000
    window = MainWindow(library, db, settings, "zh_CN")  # type: ignore[arg-type]
    window.resize(1600, 1000)
    window.show()
    app.processEvents()  # type: ignore[attr-defined]
    panel = window.library_panel
    view = panel.view.viewport()
    n = 3 * runs
    lines.append(summary(f"list {rows} reports, panel shown", timed(app, window.refresh_library, view.repaint, n),
                         100))
    some = everything[len(everything) // 2]
    cases = [
        ("filter status=verified", lambda: panel.status.setCurrentIndex(panel.status.findData("verified")),
         lambda: panel.status.setCurrentIndex(0)),
        (f"filter year={some.year}", lambda: panel.year.setCurrentIndex(panel.year.findData(some.year)),
         lambda: panel.year.setCurrentIndex(0)),
        ("filter text (agency, region, file)", lambda: panel.search.setText("临清"), panel.search.clear),
        ("sort by year, descending (header)",
         lambda: panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder),
         lambda: panel.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)),
    ]
    for label, apply, undo in cases:
        times, back = [], []
        for _ in range(n):
            times += timed(app, apply, view.repaint, 1)
            shown = panel.model.rowCount()
            back += timed(app, undo, view.repaint, 1)
        lines.append(summary(label, times, 100) + f"  {shown} rows")
        lines.append(summary("  and back to all", back, 100))
    pages = panel.model.rows.pages_read
    lines.append(f"(the panel read {pages} page(s) of 512 rows; reading every row, as before, takes {read_all:.0f} ms)")
    window.close()
    library.close()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", help="directory for the library file (default: a temporary directory)")
    parser.add_argument("--rows", type=int, default=100_000, help="reports in the library list figure (0: skip)")
    args = parser.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="reviewer-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db, ini = work / "bench.sqlite", work / "bench.ini"

    from PySide6.QtWidgets import QApplication

    from ui.library_access import open_library
    from ui.main_window import MainWindow
    from ui.settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = open_library(db, seed_samples=True)
    settings = Settings(ini)
    settings.set("reviewer_name", "bench")
    settings.sync()

    starts = [t * 1000 for t in cold_start(db, ini, args.runs)]

    window = MainWindow(library, db, settings, "zh_CN")
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    reports = [s.id for s in library.list_reports()]
    opens = []
    for _ in range(args.runs):
        for rid in reports:
            t0 = time.perf_counter()
            window.open_report(rid)
            window.repaint()
            app.processEvents()
            opens.append((time.perf_counter() - t0) * 1000)

    rid = next(s.id for s in library.list_reports() if s.errors)
    window.open_report(rid)
    app.processEvents()
    review = window.review
    review.tabs.setCurrentWidget(review.views["table3"])
    cid = "table3:granted:natural"
    edits, writes = [], []
    for i in range(20 * args.runs):
        t0 = time.perf_counter()
        review.request_edit({cid: i % 7 + 1}, "edit")
        app.processEvents()  # the repaint of the cells whose value or marks changed (Qt paints dirty regions)
        edits.append((time.perf_counter() - t0) * 1000)
    session = window.session
    for i in range(10 * args.runs):
        t0 = time.perf_counter()
        session.apply(session.edits_for({cid: i % 5 + 10}), None, "edit")
        writes.append((time.perf_counter() - t0) * 1000)
    window.close()

    print(f"library: {db} ({len(reports)} reports); Python {sys.version.split()[0]}; runs {args.runs}")
    print(summary("cold start to window shown", starts, 1500))
    print(summary("open report to grid shown", opens, 150))
    print(summary("edit to re-check and repaint", edits, 16))
    print(summary("  of which the store write + re-check", writes, 16))
    if args.rows:
        for line in bench_library(app, work, ini, settings, args.rows, args.runs):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
