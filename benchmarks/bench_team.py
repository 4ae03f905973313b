"""Benchmarks of a team's library on PostgreSQL; prints figures (goals from issue #13 in brackets).

    python benchmarks/bench_team.py [--count 10000] [--rows 1000000] [--reviewers 8] [--seconds 60]
                                    [--url postgresql://…] [--dir DIR] [--only import,list,edit]

Without --url a throwaway cluster is started (tests/pg.py, durable: fsync on, as an office runs it) and removed.

1. import COUNT generated reports (benchmarks/make_reports.py) through `Library.import_paths`  [10,000 <= 60 s]
2. a library of ROWS reports loaded with COPY (report rows made from step 1's, with other ids, agencies, years
   and statuses; cells and documents are not needed to list), then what the library list does, as the window
   does it: `list_reports(...)` (its count) plus its first screenful of rows, for the whole list, filters and
   sorts (eight 待审核 reports held, listed and counted as 审核中); also `count()` and `years()`, which the
   filter bar reads                                                               [each <= 100 ms]
3. REVIEWERS processes editing for SECONDS, each its own `Library` on the server, all on the same 24 reports
   (so they collide): edits/s, p50/p95 latency of a saved edit, stale writes refused and retried, lost updates
   (a saved edit missing from the trail, two saves with one version, a cell not holding its last saved
   value)                                                                         [lost updates: 0]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_reports import generate  # noqa: E402

from reviewer.errors import StaleWriteError  # noqa: E402
from reviewer.store import Library  # noqa: E402

EDIT_CELLS = ("table3:granted:natural", "table3:unable.not_held:natural", "table3:carried_over:natural",
              "table3:denied.admin_query:natural", "table2:licensing:decisions")  # cells of both formats


def _t(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<58} {seconds:8.2f} s  {extra}", flush=True)


def _ms(label: str, values: list[float], extra: str = "") -> None:
    print(f"{label:<58} {1000 * statistics.median(values):7.1f} ms  {extra}", flush=True)


# -- 1. import -------------------------------------------------------------------------------------------
def bench_import(folder: Path, url: str, workers: int | None, limit: int | None = None) -> None:
    lib = Library(url, seed_samples=False)
    paths: list[Path] = sorted(folder.glob("*.txt"))[:limit] if limit else [folder]
    t = time.perf_counter()
    summary = lib.import_paths(paths, workers=workers)
    dt = time.perf_counter() - t
    n = len(summary.imported)
    _t(f"import {n} reports into {'PostgreSQL' if '://' in url else 'SQLite'} ({workers or os.cpu_count()} workers)", dt,
       f"{n / dt:6.0f} reports/s   [goal <= 60 s]")
    assert not summary.failed, summary.failed[:3]
    lib.close()


# -- 2. a million reports ----------------------------------------------------------------------------------
def copy_rows(src_url: str, url: str, rows: int) -> None:
    """Fill `url`'s reports with `rows` rows made from `src_url`'s, by COPY."""
    import psycopg

    Library(url, seed_samples=False).close()  # the schema
    with psycopg.connect(src_url) as src:
        cols = [r[0] for r in src.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'reports' "
            "AND column_name NOT IN ('id', 'sha256', 'version_of') ORDER BY ordinal_position")]
        base = src.execute(f"SELECT {', '.join(cols)}, sha256 FROM reports ORDER BY id").fetchall()
    at = {c: i for i, c in enumerate(cols)}
    statuses = ("new", "in_review", "verified")
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        with cur.copy(f"COPY reports ({', '.join(cols)}, sha256) FROM STDIN") as copy:
            for i in range(rows):
                row = list(base[i % len(base)])
                k = i // len(base)
                if k:
                    row[at["agency"]] = f"{row[at['agency']]}（{k}）"
                    row[at["agency_key"]] = f"{row[at['agency_key']]}{k}"
                    row[at["year"]] = (row[at["year"]] or 2020) - k % 3
                row[at["status"]] = statuses[(i + k) % 3]
                row[at["errors"]] = int((i * 7919) % 11 == 0)
                row[at["updated_at"]] = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00.000Z"
                row[-1] = f"{row[-1]}-{k}"
                copy.write_row(row)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE reports")  # the visibility map: counts read the indexes alone


def bench_list(url: str) -> None:
    lib = Library(url, seed_samples=False)
    total = lib.count()["all"]
    some = lib.list_reports(order="updated")[0]
    for held in lib.list_reports(status="new", limit=8):  # eight reviewers at work: 审核中 · name
        lib.claim(held.id)
    cases: list[tuple[str, dict[str, Any]]] = [
        ("whole list (by id)", {}),
        ("sort by agency", {"order": "agency"}),
        ("sort by agency, descending", {"order": "agency", "descending": True}),
        ("sort by last change (newest first)", {"order": "updated", "descending": True}),
        ("sort by errors", {"order": "errors", "descending": True}),
        ("filter status = verified", {"status": "verified"}),
        ("filter status = in review (held 待审核 ones too)", {"status": "in_review"}),
        ("filter year", {"year": some.year}),
        ("filter status + year, sorted by agency", {"status": "new", "year": some.year, "order": "agency"}),
        ("filter with errors (有错误)", {"has": "errors"}),
        ("filter agency (part of a name)", {"agency": (some.agency or "")[:6]}),
        ("filter text (agency/region/file/year)", {"text": (some.agency or "")[:6]}),
    ]
    print(f"library of {total} reports; the list as the window shows it: count + first screenful (60 rows)")
    for label, kw in cases:
        first, screen = [], []
        n = 0
        for _ in range(7):
            t = time.perf_counter()
            rows = lib.list_reports(**kw)
            n = len(rows)
            t1 = time.perf_counter()
            rows[: min(n, 60)]
            t2 = time.perf_counter()
            first.append(t1 - t)
            screen.append(t2 - t)
        print(f"  {label:<44} count {1000 * statistics.median(first):6.1f} ms  + screen "
              f"{1000 * statistics.median(screen):6.1f} ms  {n:>8} rows   [goal <= 100 ms]", flush=True)
    for label, fn in (("count() by status (the filter bar's numbers)", lib.count), ("years()", lib.years)):
        times = []
        for _ in range(5):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        _ms(f"  {label}", times)
    lib.close()


# -- 3. reviewers editing at once ------------------------------------------------------------------------
def _reviewer(url: str, me: int, ids: list[int], seconds: float, out: Any) -> None:
    """One reviewer: open a report, set a cell to a value nobody else writes, on a stale write load and retry."""
    rng = random.Random(me)
    lib = Library(url, seed_samples=False)
    saved: list[tuple[int, str, int, int, float]] = []  # report, cell, value, version, latency
    stale = 0
    n = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        rid = rng.choice(ids)
        cell = rng.choice(EDIT_CELLS)
        n += 1
        value = me * 1_000_000 + n
        version = lib.summary(rid).version
        while True:
            t = time.perf_counter()
            try:
                ch = lib.set_cells(rid, {cell: value}, reviewer=f"审核员{me}", reason="bench",
                                   expected_version=version)
            except StaleWriteError:
                stale += 1
                version = lib.summary(rid).version  # reload, as the window does, and try again
                continue
            saved.append((rid, cell, value, ch.version, time.perf_counter() - t))
            break
    lib.close()
    out.put((me, saved, stale))


def bench_edits(url: str, reviewers: int, seconds: float) -> None:
    lib = Library(url, seed_samples=False)
    ids = [s.id for s in lib.list_reports(limit=24)]
    ids = [i for i in ids if set(EDIT_CELLS) <= set(lib.load(i).record.cell_ids())]
    before = {rid: lib.summary(rid).version for rid in ids}
    lib.close()
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_reviewer, args=(url, me, ids, seconds, out)) for me in range(reviewers)]
    t = time.perf_counter()
    for p in procs:
        p.start()
    results = []
    for _ in procs:
        try:
            results.append(out.get(timeout=seconds + 300))
        except queue.Empty:
            raise SystemExit(f"a reviewer process gave no result (exit codes {[p.exitcode for p in procs]})") from None
    for p in procs:
        p.join()
    dt = time.perf_counter() - t
    saved = [s for _me, rows, _st in results for s in rows]
    stale = sum(st for _me, _rows, st in results)
    lat = sorted(s[4] for s in saved)
    p95 = lat[int(0.95 * (len(lat) - 1))]
    print(f"{reviewers} reviewers for {seconds:.0f} s on {len(ids)} reports: {len(saved)} edits saved, "
          f"{len(saved) / dt:.1f} edits/s; latency p50 {1000 * statistics.median(lat):.1f} ms, p95 {1000 * p95:.1f} ms; "
          f"{stale} stale writes refused and retried", flush=True)
    # lost updates: every saved edit is in the trail with its value, versions are unique and consecutive per
    # report, and each cell holds the value of its last save
    lib = Library(url, seed_samples=False)
    lost = 0
    for rid in ids:
        mine = sorted((s for s in saved if s[0] == rid), key=lambda s: s[3])
        versions = [s[3] for s in mine]
        if versions != list(range(before[rid] + 1, before[rid] + 1 + len(mine))):
            lost += len(versions) - len(set(versions)) or 1
        trail = {(e.cell, e.new) for e in lib.history(rid) if e.reason == "bench"}
        lost += sum(1 for s in mine if (s[1], s[2]) not in trail)
        record = lib.load(rid).record
        last: dict[str, int] = {}
        for s in mine:
            last[s[1]] = s[2]
        lost += sum(1 for cell, v in last.items() if record.get(cell) != v)
        if lib.summary(rid).version != before[rid] + len(mine):
            lost += 1
    lib.close()
    print(f"{'':<58} lost updates: {lost}   [goal 0]", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--reviewers", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--url", help="an existing server's maintenance database (databases are created beside it)")
    ap.add_argument("--dir", type=Path, default=None, help="working directory (default: a temporary one, removed)")
    ap.add_argument("--only", default="import,list,edit")
    ap.add_argument("--compare-sqlite", action="store_true", help="also import the same reports into a SQLite file")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still removes its cluster
    only = set(args.only.split(","))
    work = args.dir or Path(tempfile.mkdtemp(prefix="bench_team_"))
    work.mkdir(parents=True, exist_ok=True)
    cluster = None
    try:
        import psycopg

        if args.url:
            admin_url = args.url
        else:
            from tests.pg import start_cluster

            cluster = start_cluster(durable=True, shared_buffers="256MB", locale="C.UTF-8")
            admin_url = cluster.url()
        stamp = int(time.time())

        def database(name: str) -> str:
            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE bench_{name}_{stamp}")
            base, _, query = admin_url.partition("?")
            return base.rsplit("/", 1)[0] + f"/bench_{name}_{stamp}" + (f"?{query}" if query else "")

        print(f"cpu cores: {os.cpu_count()}, work dir: {work}, server: {'own cluster' if cluster else args.url}")
        folder = work / "reports"
        if not (folder / ".manifest.json").exists():
            t = time.perf_counter()
            generate(folder, args.count)
            _t(f"(setup: generate {args.count} reports)", time.perf_counter() - t)
        imported = database("import")
        # the list and the reviewers need reports to start from: without "import", a thousand of them
        bench_import(folder, imported, args.workers, None if "import" in only else 1000)
        if args.compare_sqlite:
            bench_import(folder, str(work / "compare.sqlite3"), args.workers, None if "import" in only else 1000)
            for p in work.glob("compare.sqlite3*"):
                p.unlink()
        if "list" in only:
            big = database("million")
            t = time.perf_counter()
            copy_rows(imported, big, args.rows)
            _t(f"(setup: COPY {args.rows} report rows, VACUUM ANALYZE)", time.perf_counter() - t)
            bench_list(big)
        if "edit" in only:
            bench_edits(imported, args.reviewers, args.seconds)
    finally:
        if cluster is not None:
            cluster.remove()
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
