"""Benchmark: parse and check one report per input format; reports per second over a batch.

Run: python benchmarks/bench_parse.py [--batch 1000]
Prints the median time per format (txt, md, html, docx, pdf; "fused": a seed as crawler text with its cells
joined, "fused*": the 淮安 report so, "fusedL1".."fusedL5": large agencies' reports so, figures up to 999 in
most cells of tables 3 and 4) and the single-core throughput on text reports.
"""

from __future__ import annotations

import argparse
import html
import io
import statistics
import time
from pathlib import Path

from reviewer import parse_bytes
from reviewer.reading.layout import text_to_rows
from reviewer.resources import sample_paths

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sample_paths()
PDF = ROOT / "tests" / "data" / "huaian-2024.pdf"


def as_markdown(text: str) -> str:
    out = []
    for row in text_to_rows(text):
        if len(row) == 1:
            out.append(row[0].text)
        else:
            out.append("| " + " | ".join(c.text for c in row) + " |")
    return "\n".join(out)


def as_html(text: str) -> str:
    body = []
    table: list[str] = []
    for row in text_to_rows(text):
        if len(row) == 1:
            if table:
                body.append("<table border=1>" + "".join(table) + "</table>")
                table = []
            body.append(f"<p>{html.escape(row[0].text)}</p>")
        else:
            table.append("<tr>" + "".join(f"<td>{html.escape(c.text)}</td>" for c in row) + "</tr>")
    if table:
        body.append("<table>" + "".join(table) + "</table>")
    return "<html><head><meta charset='utf-8'></head><body>" + "\n".join(body) + "</body></html>"


def as_docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    rows = text_to_rows(text)
    i = 0
    while i < len(rows):
        if len(rows[i]) == 1:
            d.add_paragraph(rows[i][0].text)
            i += 1
            continue
        block = []
        while i < len(rows) and len(rows[i]) > 1:
            block.append(rows[i])
            i += 1
        width = max(len(r) for r in block)
        t = d.add_table(rows=len(block), cols=width)
        for r, row in enumerate(block):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell.text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def fused_inputs() -> dict[str, tuple[bytes, str]]:
    """Crawler text with fused cells (issue #8): a seed, and the 淮安 report whose figures run to six digits."""
    import sys

    sys.path.insert(0, str(ROOT))
    from tests.crawler_gen import STYLES, crawler_text, large_record

    seed = crawler_text(SAMPLES[0].stem, STYLES[0])[1]
    huaian = crawler_text("huaian-2024", STYLES[0])[1]
    out = {"fused": (seed.encode("utf-8"), "f.txt"), "fused*": (huaian.encode("utf-8"), "h.txt")}
    for k in range(1, 6):
        out[f"fusedL{k}"] = (crawler_text("large", STYLES[0], large_record(k))[1].encode("utf-8"), "l.txt")
    return out


CLOCK = time.perf_counter


def median_ms(data: bytes, name: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = CLOCK()
        parse_bytes(data, name)
        times.append(CLOCK() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--cpu", action="store_true",
                    help="process CPU time instead of wall-clock time (steadier on a shared machine)")
    args = ap.parse_args()
    global CLOCK
    if args.cpu:
        CLOCK = time.process_time
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    src = texts[0]
    inputs = {
        "txt": (src.encode("utf-8"), "r.txt"),
        "md": (as_markdown(src).encode("utf-8"), "r.md"),
        "html": (as_html(src).encode("utf-8"), "r.html"),
        "docx": (as_docx(src), "r.docx"),
    }
    if PDF.exists():
        inputs["pdf"] = (PDF.read_bytes(), PDF.name)
    inputs.update(fused_inputs())
    for data, name in inputs.values():  # warm caches (format files, label similarity)
        parse_bytes(data, name)
    print(f"median {'CPU' if args.cpu else 'wall-clock'} time to parse and check one report")
    for fmt, (data, name) in inputs.items():
        rep = max(3, args.repeat // 10) if fmt == "pdf" else args.repeat
        print(f"  {fmt:7s} {median_ms(data, name, rep):8.2f} ms   ({len(data) / 1024:.0f} KB)")
    per_seed = [median_ms(t.encode("utf-8"), "r.txt", args.repeat) for t in texts]
    print("  per sample (txt): " + ", ".join(f"{p.stem[:3]} {ms:.2f} ms" for p, ms in zip(SAMPLES, per_seed, strict=True)))
    batch = [texts[i % len(texts)].encode("utf-8") for i in range(args.batch)]
    t0 = time.perf_counter()
    for data in batch:
        parse_bytes(data, "r.txt")
    dt = time.perf_counter() - t0
    print(f"batch of {args.batch} text reports on one core: {dt:.2f} s, {args.batch / dt:.0f} reports/s")


if __name__ == "__main__":
    main()
