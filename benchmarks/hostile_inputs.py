"""Crafted hostile inputs: small files that expand into huge work (used by tests/test_budgets.py and
benchmarks/bench_hostile.py). Each builder takes its scale, so tests build small ones and the benchmark the
sizes that once took minutes and gigabytes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "resources" / "samples" / "000_b710f638428fe90f.txt"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>')


def _docx(body_chunks: Iterable[bytes] | None = None, body: bytes = b"") -> bytes:
    """A minimal Word package whose body is `body` (or the concatenated chunks, streamed into the zip)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'.encode())
            for chunk in body_chunks or [body]:
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return buf.getvalue()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_wide_spans(rows: int, tables: int = 1) -> bytes:
    """Tables whose every row spans 256 grid columns (one cell of gridSpan 128 and one of 128)."""
    row = ('<w:tr><w:tc><w:tcPr><w:gridSpan w:val="128"/></w:tcPr>' + _para("行政许可") + "</w:tc>"
           '<w:tc><w:tcPr><w:gridSpan w:val="128"/></w:tcPr>' + _para("12") + "</w:tc></w:tr>")
    table = "<w:tbl>" + row * rows + "</w:tbl>"
    return _docx(body=(_para("2022年政府信息公开工作年度报告") + table * tables).encode())


def docx_huge_xml(megabytes: int) -> bytes:
    """A small .docx whose document.xml inflates to `megabytes` MiB of paragraphs."""
    para = _para("本机关认真贯彻落实政府信息公开条例，持续推进政务公开工作。" * 4).encode()
    one_mib = para * (1048576 // len(para) + 1)
    return _docx(body_chunks=(one_mib[:1048576 - 64] + b"<w:p/>" * 10 for _ in range(megabytes)))


def html_many_tables(tables: int, cells: int) -> bytes:
    """`tables` tables, each one cell spanning just under `cells` grid positions (rowspan x colspan)."""
    cols = 200
    rowspan = cells // cols
    one = (f'<table><tr><td colspan="{cols}" rowspan="{rowspan}">1</td></tr>'
           + "<tr><td>2</td></tr>" * (rowspan - 1) + "</table>")
    return ("<html><body><p>2022年政府信息公开工作年度报告</p>" + one * tables + "</body></html>").encode()


def html_deep(levels: int) -> bytes:
    """The sample report as a page whose table sits `levels` elements deep."""
    text = SAMPLE.read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    return ("<html><body>" + "<div>" * levels + body + "</div>" * levels + "</body></html>").encode()


def pdf_inflating(megabytes: int, unit: bytes = b"0 0 m 1 1 l S\n") -> bytes:
    """A one-page PDF whose content stream is small and inflates to `megabytes` MiB of `unit` repeated
    (drawing operators; `b" "` makes the run of spaces PDFium stalls on)."""
    comp = zlib.compressobj(9)
    chunk = (unit * (1048576 // len(unit) + 1))[:1048576]
    stream = b"".join(comp.compress(chunk) for _ in range(megabytes)) + comp.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


# Reads one file in a child process and prints what happened, with the child's own time and peak memory.
_MEASURE = """
import json, resource, sys, time


def peak_mb():
    # VmHWM: this process's own peak (ru_maxrss would include the parent's peak at fork on Linux)
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


from reviewer.api import parse_file
from reviewer.errors import ReviewerError
start = time.monotonic()
try:
    record = parse_file(sys.argv[1])
    outcome = {"read": len(record.cell_ids()), "findings": len(record.findings)}
except ReviewerError as exc:
    outcome = {"refused": str(exc)}
outcome["seconds"] = time.monotonic() - start
outcome["peak_mb"] = peak_mb()
print(json.dumps(outcome, ensure_ascii=False))
"""


def measure(path: Path, timeout: float = 600) -> dict:
    """Parse `path` in a fresh process: {"read": cells, "findings": n} or {"refused": reason}, with "seconds"
    and "peak_mb" (the child's own); {"crashed": line} or {"timeout": seconds} when it did not finish."""
    try:
        res = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True,
                             timeout=timeout, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        return {"timeout": timeout, "seconds": timeout, "peak_mb": float("nan")}
    if res.returncode != 0:
        return {"crashed": (res.stderr.strip().splitlines() or ["?"])[-1], "seconds": 0.0, "peak_mb": float("nan")}
    return dict(json.loads(res.stdout))
