"""Benchmark: a table captured from the text, and what the captured spans cost when a report is opened.

Run: python benchmarks/bench_capture.py [--rounds 20]
Imports seed 003 with its 表三 section title renamed (the table is not found), captures the table row by row from
the text as the review window does (one `capture` batch per row, each value with its span), then undoes and redoes
the whole table `--rounds` times to grow the audit trail, and prints the time of a row's capture, of
`Library.load` (which resolves the captured spans) and of `Library.source_spans` as the trail grows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TITLE, RENAMED = "三、收到和处理政府信息公开申请情况", "申请办理情况统计如下"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="undo/redo rounds of the whole table")
    args = parser.parse_args()

    from reviewer import parse_file
    from reviewer.store import Library
    from reviewer.store.edits import CellEdit, inverse_all

    seed = next((ROOT / "resources" / "samples").glob("003_*.txt"))
    truth = parse_file(seed)
    text = seed.read_text(encoding="utf-8")
    at, shift = text.index(TITLE), len(RENAMED) - len(TITLE)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "no_table3.txt"
        path.write_text(text.replace(TITLE, RENAMED), encoding="utf-8")
        lib = Library(Path(tmp) / "lib.sqlite", seed_samples=False)
        rid = lib.import_paths([path], reviewer="bench").imported[0]
        version = lib.summary(rid).version
        batches: list[list[CellEdit]] = []
        started = time.perf_counter()
        for row, cols in truth.tables["table3"].items():
            edits = []
            for col, value in cols.items():
                s0, s1 = truth.provenance[f"table3:{row}:{col}"].span
                d = shift if s0 > at else 0
                edits.append(CellEdit(f"table3:{row}:{col}", None, value, (s0 + d, s1 + d)))
            version = lib.apply_edits(rid, edits, reviewer="bench", kind="capture", expected_version=version).version
            batches.append(edits)
        per_row = (time.perf_counter() - started) / len(batches) * 1000
        cells = sum(len(b) for b in batches)
        print(f"captured {cells} cells in {len(batches)} rows: {per_row:.1f} ms per row (one audited batch)")
        for r in range(args.rounds + 1):
            if r:
                for edits in reversed(batches):
                    version = lib.apply_edits(rid, inverse_all(edits), reviewer="bench", kind="undo",
                                              expected_version=version).version
                for edits in batches:
                    version = lib.apply_edits(rid, edits, reviewer="bench", kind="redo",
                                              expected_version=version).version
            if r % max(1, args.rounds // 4) == 0 or r == args.rounds:
                lines = len(lib.history(rid))
                t0 = time.perf_counter()
                stored = lib.load(rid)
                t1 = time.perf_counter()
                _parsed, captured = lib.source_spans(rid)
                t2 = time.perf_counter()
                assert len(captured) == cells and all(stored.record.provenance[c].span == s for c, s in captured.items())
                print(f"trail {lines:6d} lines: load {1000 * (t1 - t0):6.1f} ms, source_spans {1000 * (t2 - t1):5.1f} ms")
        lib.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
