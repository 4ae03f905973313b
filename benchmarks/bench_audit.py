"""The audit chain's costs: appending linked entries, `audit verify` over a whole library, and `reviewer migrate`
of that library into a PostgreSQL server (a throwaway cluster, as the tests start one; skipped without the
server binaries).

    python benchmarks/bench_audit.py [--reports 10000]

The library is the bundled samples imported once, then their rows cloned under new ids (the parser is not what
is measured here); every clone gets an import line, three edit lines and, every other one, a verification with
an acknowledgement — appended through the store's own `audit_trail`, so every chain is real.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reviewer.resources import samples_dir  # noqa: E402
from reviewer.store import Library, audit_trail  # noqa: E402
from reviewer.store.db import write  # noqa: E402
from reviewer.store.library_move import move  # noqa: E402


def _clone(lib: Library, total: int) -> int:
    """Clone the imported reports' rows until the library holds `total` reports; returns how many were added."""
    c = lib.connection
    base = [r for (r,) in c.execute("SELECT id FROM reports ORDER BY id")]
    top = max(base)
    cols = {t: [r[1] for r in c.execute(f"PRAGMA table_info({t})")] for t in ("reports", "documents", "cells",
                                                                               "findings")}
    added, offset = 0, top
    with write(c):
        while top + added < total:
            for table, key in (("reports", "id"), ("documents", "report_id"), ("cells", "report_id"),
                               ("findings", "report_id")):
                sel = ", ".join(f"{x} + {offset}" if x == key else "sha256 || '-' || " + str(offset) if x == "sha256"
                                else "NULL" if x == "version_of" else x for x in cols[table])
                c.execute(f"INSERT INTO {table}({', '.join(cols[table])}) SELECT {sel} FROM {table} "
                          f"WHERE {key} <= {top}")
            added += len(base)
            offset += top
    return added


def _trail(lib: Library) -> tuple[int, float]:
    """Audit entries for every report without any: (entries appended, seconds)."""
    c = lib.connection
    todo = [r for (r,) in c.execute("SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM edits)")]
    at = "2025-03-01T09:00:00.000Z"
    n = 0
    t0 = time.perf_counter()
    with write(c):
        batch = int(c.execute("SELECT coalesce(max(id), 0) + 1 FROM edits").fetchone()[0])
        for rid in todo:
            rows = [(rid, batch, "import", None, None, f"r{rid}.txt", None, at, None)]
            rows += [(rid, batch + 1, "edit", f"table3:granted:natural{i}", i, i + 0.5, "张三", at, "核对")
                     for i in range(3)]
            audit_trail.append_edits(c, rows)
            n += len(rows)
            batch += len(rows)
            if rid % 2:
                audit_trail.add_verification(c, rid, "李四", at, "已核", 2, [("W|x", "说明", "W", "m")])
                n += 2
    return n, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        path = Path(tmp) / "lib.sqlite3"
        with Library(path, seed_samples=False) as lib:
            lib.import_paths([samples_dir()], workers=1)
            _clone(lib, args.reports)
            entries, seconds = _trail(lib)
            reports = lib.connection.execute("SELECT count(*) FROM reports").fetchone()[0]
            print(f"append: {entries} linked audit entries for {reports} reports in {seconds:.2f} s "
                  f"({entries / seconds:,.0f} entries/s, {seconds / entries * 1e6:.0f} µs each)")
            t0 = time.perf_counter()
            report = lib.verify_audit()
            t = time.perf_counter() - t0
            assert report.intact
            print(f"audit verify (SQLite): {report.entries} entries of {report.reports} reports in {t:.2f} s "
                  f"({report.entries / t:,.0f} entries/s)")
            t0 = time.perf_counter()
            one = lib.verify_audit(reports // 2)
            print(f"audit verify --report (SQLite): {one.entries} entries in {(time.perf_counter() - t0) * 1000:.1f} ms")
        size = path.stat().st_size / 1e6
        try:
            from tests.pg import start_cluster

            cluster = start_cluster()
        except RuntimeError as exc:
            print(f"migrate: skipped ({exc})")
            return
        try:
            url = cluster.new_database("bench")
            t0 = time.perf_counter()
            summary = move(path, url)
            t = time.perf_counter() - t0
            assert summary.ok, summary.line()
            rows = sum(x.target_rows for x in summary.tables)
            print(f"migrate: {summary.rows('reports')} reports, {rows:,} rows in {len(summary.tables)} tables "
                  f"({size:.0f} MB file) moved, compared and verified in {t:.1f} s")
            with Library(url, seed_samples=False) as team:
                t0 = time.perf_counter()
                report = team.verify_audit()
                t = time.perf_counter() - t0
                print(f"audit verify (PostgreSQL): {report.entries} entries of {report.reports} reports in {t:.2f} s")
        finally:
            cluster.remove()


if __name__ == "__main__":
    main()
