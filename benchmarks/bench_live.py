"""How soon another reviewer's change is heard (`Library.watch()`), and what claims and stale-write refusals cost.

    python benchmarks/bench_live.py [--url postgresql://…] [--edits 200]

For each backend (SQLite: a file in a temporary folder; PostgreSQL: --url, else a throwaway cluster from
tests/pg.py), reviewer A writes `--edits` single-cell edits one after another while reviewer B's watcher waits in
a thread of its own; printed: the latency from A's commit to B's event (events of one report coalesce: an edit counts as heard with the
first event of its version or a later one) (p50, p95, max; the issue asks <= 1 s),
the time of a claim + heartbeat + release, and of a write refused as stale (the message naming who changed what).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer.errors import StaleWriteError  # noqa: E402
from reviewer.store import Library  # noqa: E402

CELL = "table3:new_received:natural"


def _ms(label: str, values: list[float]) -> None:
    v = sorted(values)
    p95 = v[min(len(v) - 1, int(0.95 * len(v)))]
    print(f"  {label:<34} p50 {statistics.median(v) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   "
          f"max {v[-1] * 1000:7.1f} ms   (n={len(v)})")


def measure(a: Library, b: Library, edits: int) -> None:
    rid = a.list_reports()[0].id
    heard: dict[int, float] = {}
    watcher = b.watch()
    stop = threading.Event()

    def listen() -> None:
        while not stop.is_set():
            for e in watcher.wait(0.1):
                if e.kind == "report" and e.report_id == rid and e.version is not None:
                    heard.setdefault(e.version, time.perf_counter())

    thread = threading.Thread(target=listen)
    thread.start()
    time.sleep(0.3)
    sent: dict[int, float] = {}
    version = a.load(rid).version
    for i in range(edits):
        change = a.set_cells(rid, {CELL: 1000 + i}, reviewer="甲", expected_version=version)
        version = change.version
        sent[version] = time.perf_counter()
        time.sleep(0.01)
    deadline = time.perf_counter() + 5
    while (not heard or max(heard) < version) and time.perf_counter() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join()
    watcher.close()
    # events of one report coalesce (a window wants the latest): version v is heard with the first event at v or later
    latencies = []
    for v, t in sent.items():
        later = [at for hv, at in heard.items() if hv >= v]
        if later:
            latencies.append(min(later) - t)
    print(f"  heard {len(latencies)} of {len(sent)} edits")
    _ms("commit -> other reviewer's event", latencies)
    rounds: list[float] = []
    for _ in range(50):
        t = time.perf_counter()
        a.claim(rid, reviewer="甲")
        a.heartbeat(rid, reviewer="甲")
        a.release(rid, reviewer="甲")
        rounds.append(time.perf_counter() - t)
    _ms("claim + heartbeat + release", rounds)
    refusals: list[float] = []
    for i in range(50):
        seen = b.load(rid).version
        a.set_cells(rid, {CELL: 5000 + i}, reviewer="甲", expected_version=seen)
        t = time.perf_counter()
        try:
            b.set_cells(rid, {CELL: 9}, reviewer="甲", expected_version=seen)
        except StaleWriteError as exc:
            refusals.append(time.perf_counter() - t)
            message = str(exc)
    _ms("stale write refused, named", refusals)
    print(f"  e.g. {message[:90]}…")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", help="a PostgreSQL database to use (else a throwaway cluster)")
    p.add_argument("--edits", type=int, default=200)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("SQLite (two Library objects on one file; the watcher polls the file's data version)")
        with Library(Path(tmp) / "lib.sqlite3") as a, Library(Path(tmp) / "lib.sqlite3", seed_samples=False) as b:
            measure(a, b, args.edits)
    cluster = None
    url = args.url
    if url is None:
        from tests.pg import start_cluster

        try:
            cluster = start_cluster()
        except RuntimeError as exc:
            print(f"PostgreSQL skipped: {exc}")
            return
        url = cluster.new_database("live")
    try:
        print("PostgreSQL (two Library objects, LISTEN/NOTIFY)")
        with Library(url) as a, Library(url, seed_samples=False) as b:
            measure(a, b, args.edits)
    finally:
        if cluster is not None:
            cluster.remove()


if __name__ == "__main__":
    main()
