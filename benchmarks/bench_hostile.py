"""Benchmark: time and peak memory of reading each crafted hostile input, each in a fresh child process.

Run: python benchmarks/bench_hostile.py [--quick]
Prints one row per input: its size, what happened (read, or the one-line refusal), seconds and peak memory
(the child's maximum resident set). The sizes are those that once took minutes and gigabytes (issue #10);
--quick uses smaller ones. The budget is the default (10 s, 500 MB) unless $REVIEWER_READ_SECONDS /
$REVIEWER_READ_MB say otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import hostile_inputs as h  # noqa: E402


def _sample() -> str:
    return h.SAMPLE.read_text(encoding="utf-8")


def _bad_bytes() -> bytes:
    data = bytearray(_sample().encode())
    for at in (200, 900, 2500, 6000):
        data[at] = 0xFF
    return bytes(data)


def _gbk_line() -> bytes:
    lines = _sample().split("\n")
    return b"\n".join(line.encode("gbk") if i == 6 else line.encode() for i, line in enumerate(lines))


def _two_reports() -> bytes:
    other = (ROOT / "resources" / "samples" / "003_572269c7f2b1c0ee.txt").read_text(encoding="utf-8")
    return (_sample() + "\n\n" + other).encode()


def inputs(quick: bool) -> list[tuple[str, Callable[[], bytes]]]:
    scale = 8 if quick else 1
    return [
        ("wide-spans.docx", lambda: h.docx_wide_spans(40_000 // scale)),
        ("huge-body.docx", lambda: h.docx_huge_xml(380 // scale)),
        ("300-tables.html", lambda: h.html_many_tables(300 // scale, 199_000)),
        ("inflating.pdf", lambda: h.pdf_inflating(1024 // scale)),
        ("spaces.pdf", lambda: h.pdf_inflating(64 // scale, b" ")),
        ("deep-255.html", lambda: h.html_deep(255)),
        ("deep-3000.html", lambda: h.html_deep(3000)),
        ("bad-bytes.txt", _bad_bytes),
        ("gbk-line.txt", _gbk_line),
        ("nul-byte.txt", lambda: _sample().encode().replace("行政许可".encode(), b"\x00" + "行政许可".encode(), 1)),
        ("huge-number.txt", lambda: _sample().replace("19536", str(2**63)).encode()),
        ("two-reports.txt", _two_reports),
    ]


def run_child(path: Path) -> dict:
    """The measurement with its outcome in words."""
    r = h.measure(path)
    if "read" in r:
        r["outcome"] = f"read: {r['read']} cells, {r['findings']} findings"
    elif "refused" in r:
        r["outcome"] = "refused: " + r["refused"]
    elif "crashed" in r:
        r["outcome"] = "crashed: " + r["crashed"]
    else:
        r["outcome"] = f"did not finish in {r['timeout']:.0f} s"
    return r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="smaller inputs")
    args = ap.parse_args()
    print(f"{'input':<18} {'size':>9} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for name, make in inputs(args.quick):
            path = Path(tmp) / name
            path.write_bytes(make())
            size = path.stat().st_size
            r = run_child(path)
            outcome = r["outcome"].replace(str(path), name)
            print(f"{name:<18} {size / 1024:>7.0f}KB {r['seconds']:>8.2f} {r['peak_mb']:>8.0f}  {outcome[:110]}",
                  flush=True)
            path.unlink()
        fifo = Path(tmp) / "pipe.txt"
        os.mkfifo(fifo)
        for name, path in (("fifo", fifo), ("/dev/zero", Path("/dev/zero"))):
            r = run_child(path)
            print(f"{name:<18} {'-':>9} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f}  {r['outcome'][:110]}", flush=True)


if __name__ == "__main__":
    main()
