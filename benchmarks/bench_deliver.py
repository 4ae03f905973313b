"""Benchmarks of what an auditor hands over and takes back; prints figures.

    python benchmarks/bench_deliver.py [--count 500] [--dir DIR]

1. `reviewer check --format sarif|junit|csv` of COUNT generated report files
2. the print-ready XLSX of COUNT verified reports, and (when LibreOffice Calc is installed) its printed pages
3. the review report (问题清单) of COUNT reports as DOCX
4. `import-edits` of that XLSX after a colleague changed 10 cells (read and compare; then apply)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_reports import generate  # noqa: E402

from reviewer.store import Library  # noqa: E402


def _t(label: str, seconds: float, extra: str = "") -> None:
    print(f"{label:<52} {seconds:8.2f} s  {extra}")


def bench_check(folder: Path, n: int) -> None:
    from reviewer.cli import main

    for fmt in ("sarif", "junit", "csv"):
        out, err = io.StringIO(), io.StringIO()
        t = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["check", str(folder), "--format", fmt])
        dt = time.perf_counter() - t
        _t(f"check {n} files --format {fmt}", dt, f"{n / dt:6.0f} files/s  {len(out.getvalue()) / 1e6:.1f} MB")


def bench_xlsx(lib: Library, out: Path, n: int) -> None:
    t = time.perf_counter()
    lib.export(out, "xlsx")
    _t(f"print-ready XLSX of {n} reports", time.perf_counter() - t, f"{out.stat().st_size / 1e6:.1f} MB")
    soffice = shutil.which("soffice")
    if soffice is None:
        print(f"{'':<52} (LibreOffice not installed: pages not counted)")
        return
    t = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={(out.parent / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out.parent), str(out)], capture_output=True, timeout=1800, check=False)
    pdf = out.with_suffix(".pdf")
    if not pdf.exists():
        print(f"{'':<52} (LibreOffice could not print the workbook)")
        return
    import pypdfium2

    from reviewer.export.xlsx import SHEET_NAMES

    doc = pypdfium2.PdfDocument(str(pdf))
    texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    doc.close()
    tables = sum(1 for text in texts if any(f"{name} — 第" in text for name in SHEET_NAMES.values()))
    _t("printed by LibreOffice to PDF", time.perf_counter() - t,
       f"{len(texts)} pages: {tables} of tables (one a page: {3 * n}), {len(texts) - tables} of sources and audit")


def bench_review(lib: Library, out: Path, n: int) -> None:
    from reviewer.review_report.build import review_document, reviews, select_for_review
    from reviewer.review_report.docx import write_docx
    from reviewer.store.stats import open_reader

    t = time.perf_counter()
    conn = open_reader(lib.path)
    try:
        items = reviews(conn, select_for_review(conn, ids=[s.id for s in lib.list_reports()]))
    finally:
        conn.close()
    built = time.perf_counter() - t
    doc = review_document(items)
    write_docx(doc, out)
    _t(f"review report (问题清单) of {n} reports, DOCX", time.perf_counter() - t,
       f"content {built:.2f} s, {out.stat().st_size / 1e6:.1f} MB")


def bench_import_edits(lib: Library, xlsx: Path) -> None:
    import openpyxl

    from reviewer.export.excel_edits import apply_edits, read_edits
    from reviewer.store.stats import open_reader

    wb = openpyxl.load_workbook(xlsx)
    ws = wb["表四 复议诉讼"]
    changed = 0
    for r in range(1, ws.max_row + 1):
        if changed < 10 and isinstance(ws.cell(r, 1).value, int):
            ws.cell(r, 1).value += 1
            changed += 1
    wb.save(xlsx)
    t = time.perf_counter()
    conn = open_reader(lib.path)
    try:
        preview = read_edits(conn, xlsx)
    finally:
        conn.close()
    _t("import-edits: read and compare the XLSX", time.perf_counter() - t,
       f"{len(preview.changes)} changes found (10 made)")
    t = time.perf_counter()
    apply_edits(lib, preview, reviewer="bench")
    _t("import-edits: apply as audited edits", time.perf_counter() - t)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--count", type=int, default=500)
    p.add_argument("--dir")
    args = p.parse_args()
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="bench-deliver-"))
    folder = work / "reports"
    generate(folder, args.count, seed=5)
    n = len(list(folder.iterdir()))
    bench_check(folder, n)
    lib = Library(work / "lib.sqlite", seed_samples=False)
    lib.import_paths([folder])
    for s in lib.list_reports():
        lib.verify(s.id, reviewer="bench", acknowledgements={}, expected_version=s.version)
    n = len(lib.list_reports())  # the generator's folder also holds a file that is not a report
    bench_xlsx(lib, work / "verified.xlsx", n)
    bench_review(lib, work / "清单.docx", n)
    bench_import_edits(lib, work / "verified.xlsx")
    lib.close()
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
