"""Benchmark: scanned reports read by OCR — cells exact, cells silently wrong, and seconds per page.

Run: python benchmarks/bench_ocr.py [--dpi 200 300] [--threads 1] [--quick]
Renders the real 淮安 PDF and PDFs built from the seed records (tests/builders.py) to image-only PDFs at each
resolution, reads them back through the OCR reader and compares every table cell with the truth. A cell that
differs and carries no finding is "silently wrong". `--threads 1` times OCR on one core (ONNX Runtime's
intra-op threads); `--quick` reads only the real report.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    parser.add_argument("--threads", type=int, default=1, help="ONNX Runtime threads (1 = one core)")
    parser.add_argument("--quick", action="store_true", help="only the real report")
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    from reviewer import parse_bytes
    from reviewer.reading import ocr
    from tests import builders as b
    from tests.conftest import truth
    from tests.scans import scanned_pdf

    if not ocr.available():
        print("the [ocr] extra is not installed")
        return 1
    ocr.configure(threads=args.threads)
    inputs = {"huaian-2024 (real)": (b.HUAIAN_PDF.read_bytes(), "huaian-2024")}
    if not args.quick:
        for seed in ("000_b710f638428fe90f", "001_0e482e19bd443c5d", "003_572269c7f2b1c0ee"):
            inputs[f"{seed[:3]} (built)"] = (b.to_pdf(b.spec_for_seed(seed)), seed)
    print(f"{'input':<22}{'dpi':>5}{'pages':>7}{'cells':>7}{'exact':>8}{'silent':>8}{'s/page':>9}")
    totals = {dpi: [0, 0, 0, 0.0, 0] for dpi in args.dpi}
    for name, (pdf, source) in inputs.items():
        t = truth(source)
        for dpi in args.dpi:
            scan = scanned_pdf(pdf, dpi)
            started = time.perf_counter()
            record = parse_bytes(scan, "scan.pdf")
            seconds = time.perf_counter() - started
            pages = len(set(box.page for box in record.page_boxes)) or 1
            flagged = {cid for f in record.findings for cid in f.cells}
            cells = exact = silent = 0
            for table in ("table2", "table3", "table4"):
                for row, cols in t[table].items():
                    for col, value in cols.items():
                        cells += 1
                        got = record.tables.get(table, {}).get(row, {}).get(col)
                        cid = f"{table}:{row}:{col}"
                        if got == value:
                            exact += 1
                        elif cid not in flagged and f"{table}:*" not in flagged:
                            silent += 1
            total = totals[dpi]
            total[0] += cells
            total[1] += exact
            total[2] += silent
            total[3] += seconds
            total[4] += pages
            print(f"{name:<22}{dpi:>5}{pages:>7}{cells:>7}{exact / cells:>8.1%}{silent:>8}{seconds / pages:>9.2f}")
    for dpi, (cells, exact, silent, seconds, pages) in totals.items():
        print(f"{'all':<22}{dpi:>5}{pages:>7}{cells:>7}{exact / cells:>8.1%}{silent:>8}{seconds / pages:>9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
