"""Benchmarks of the store; prints figures (goals from the issue in brackets).

    python benchmarks/bench_store.py [--count 10000] [--workers N] [--rows 100000] [--dir DIR] [--xlsx]

1. import COUNT generated reports (benchmarks/make_reports.py) into a new library   [10,000 in <= 60 s on 2 cores]
2. verify them all through `Library.verify` (not a goal; shows the cost of a write)
3. export the verified reports to CSV long (and CSV wide, JSON Lines; XLSX with --xlsx)  [10,000 to CSV <= 10 s]
4. list and filter a library of ROWS reports (report rows bulk-copied from step 1)   [100,000 in <= 100 ms]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_reports import generate  # noqa: E402

from reviewer.export import export  # noqa: E402
from reviewer.store import Library  # noqa: E402


def _t(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<52} {seconds:8.2f} s  {extra}")


def bench_import(folder: Path, db: Path, workers: int | None) -> Library:
    lib = Library(db, seed_samples=False)
    t = time.perf_counter()
    summary = lib.import_paths([folder], workers=workers)
    dt = time.perf_counter() - t
    n = len(summary.imported)
    _t(f"import {n} reports ({workers or os.cpu_count()} workers)", dt, f"{n / dt:7.0f} reports/s   [goal <= 60 s]")
    assert not summary.failed, summary.failed[:3]
    flagged = sum(1 for s in lib.list_reports() if s.errors or s.warnings)
    print(f"{'':<52} {flagged} reports with findings (expected 0); library {db.stat().st_size / 1e6:.0f} MB")
    return lib


def bench_verify(lib: Library) -> None:
    ids = [s.id for s in lib.list_reports()]
    t = time.perf_counter()
    for rid in ids:
        lib.verify(rid, reviewer="bench", expected_version=lib.summary(rid).version)
    dt = time.perf_counter() - t
    _t(f"verify {len(ids)} reports, one transaction each", dt, f"{1000 * dt / len(ids):7.2f} ms per report")


def bench_export(lib: Library, out: Path, xlsx: bool) -> None:
    formats = [("csv", "long.csv", "[goal <= 10 s]"), ("csv-wide", "wide.csv", ""), ("jsonl", "all.jsonl", "")]
    if xlsx:
        formats.append(("xlsx", "all.xlsx", ""))
    for fmt, name, goal in formats:
        t = time.perf_counter()
        r = export(lib, out / name, fmt)
        dt = time.perf_counter() - t
        size = (out / name).stat().st_size / 1e6
        _t(f"export {r.reports} verified reports to {fmt}", dt, f"{r.rows} rows, {size:.0f} MB   {goal}")


def bulk_copy(src: Path, dst: Path, rows: int) -> None:
    """A library of `rows` reports for listing: the report rows of `src`, copied with other ids, agencies, years
    and statuses (cells and documents are not needed to list)."""
    import sqlite3

    lib = Library(dst, seed_samples=False)
    lib.close()
    conn = sqlite3.connect(dst, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS src", (str(src),))
    cols = [r[1] for r in conn.execute("PRAGMA src.table_info(reports)") if r[1] not in ("id", "sha256", "version_of")]
    n = conn.execute("SELECT count(*) FROM src.reports").fetchone()[0]
    conn.execute("BEGIN")
    copy = 0
    while copy * n < rows:
        sel = ", ".join(
            {"agency": "agency || CASE WHEN ?1 > 0 THEN '（' || ?1 || '）' ELSE '' END",
             "agency_key": "agency_key || CASE WHEN ?1 > 0 THEN ?1 ELSE '' END",
             "year": "year - (?1 % 3)",
             "status": "CASE (id + ?1) % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'in_review' ELSE 'verified' END"}.get(c, c)
            for c in cols)
        conn.execute(f"INSERT INTO reports({', '.join(cols)}, sha256) SELECT {sel}, sha256 || '-' || ?1 "
                     f"FROM src.reports ORDER BY id LIMIT ?2", (copy, rows - copy * n))
        copy += 1
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()


def bench_list(db: Path) -> None:
    lib = Library(db, seed_samples=False)
    total = lib.count()["all"]
    some = lib.list_reports(limit=1)[0]
    cases = [
        ("list all", {}),
        ("filter status=verified", {"status": "verified"}),
        ("filter year", {"year": some.year}),
        ("filter agency (part of the name)", {"agency": (some.agency or "")[:4]}),
        ("filter text (agency/region/file)", {"text": "临清"}),
        ("filter status + year + agency", {"status": "new", "year": some.year, "agency": "行政审批"}),
    ]
    print(f"{'':<52} {'list':>8}  {'+screen':>8}  {'all rows':>8}")
    for label, kw in cases:
        first, screen, full = [], [], []
        for _ in range(7):
            t = time.perf_counter()
            rows = lib.list_reports(**kw)  # ids and count; rows are read in pages as a view shows them
            t1 = time.perf_counter()
            rows[: min(len(rows), 60)]  # the first screenful of a view
            t2 = time.perf_counter()
            n = sum(1 for _ in rows)  # every row, as a full table or the command line needs
            t3 = time.perf_counter()
            first.append(t1 - t)
            screen.append(t2 - t)
            full.append(t3 - t)
        print(f"{label + f' of {total}':<52} {1000 * statistics.median(first):6.1f}ms  "
              f"{1000 * statistics.median(screen):6.1f}ms  {1000 * statistics.median(full):6.1f}ms  "
              f"{n} rows   [goal <= 100 ms]")
    lib.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--dir", type=Path, default=None, help="working directory (default: a temporary one, removed)")
    ap.add_argument("--xlsx", action="store_true", help="also export XLSX (slow for 10,000 reports)")
    args = ap.parse_args(argv)
    work = args.dir or Path(tempfile.mkdtemp(prefix="bench_store_"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(f"cpu cores: {os.cpu_count()}, work dir: {work}")
        folder = work / "reports"
        if not (folder / ".manifest.json").exists():
            t = time.perf_counter()
            generate(folder, args.count)
            _t(f"generate {args.count} reports", time.perf_counter() - t)
        db = work / "library.sqlite3"
        for p in work.glob("library.sqlite3*"):
            p.unlink()
        lib = bench_import(folder, db, args.workers)
        bench_verify(lib)
        bench_export(lib, work, args.xlsx)
        lib.close()
        big = work / "list.sqlite3"
        for p in work.glob("list.sqlite3*"):
            p.unlink()
        t = time.perf_counter()
        bulk_copy(db, big, args.rows)
        _t(f"(setup: bulk-copy {args.rows} report rows)", time.perf_counter() - t)
        bench_list(big)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
