"""Scanned reports read by OCR (RapidOCR, offline): the real 淮安 PDF rendered to page images and read back.

Slow by nature (seconds a page), so the pages are few: the title page and the pages of the three tables.
`benchmarks/bench_ocr.py` measures every page of the real report and the generated variants at 200 and 300 dpi.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer import parse_bytes
from reviewer.reading import ocr, read_bytes

from . import builders as b
from .conftest import truth
from .scans import page_images, scanned_pdf

pytestmark = pytest.mark.skipif(not ocr.available(), reason="the [ocr] extra is not installed")

ROOT = Path(__file__).resolve().parent.parent
HUAIAN = "huaian-2024"
TABLE_PAGES = [1, 3, 4, 5]  # title, table 2, tables 2–3, tables 3–4


@pytest.fixture(scope="module")
def scanned_record():
    data = scanned_pdf(b.HUAIAN_PDF.read_bytes(), 300, TABLE_PAGES)
    return parse_bytes(data, "扫描件.pdf")


def _cells(record, source: str) -> list[tuple]:
    t = truth(source)
    return [(tb, r, c, v, record.tables.get(tb, {}).get(r, {}).get(c)) for tb in ("table2", "table3", "table4")
            for r, cols in t[tb].items() for c, v in cols.items()]


def test_a_scanned_report_reads_to_its_truth(scanned_record) -> None:
    cells = _cells(scanned_record, HUAIAN)
    wrong = [c for c in cells if c[3] != c[4]]
    assert len(wrong) <= len(cells) // 100, wrong  # at least 99 % of cells exact at 300 dpi
    t = truth(HUAIAN)
    assert (scanned_record.agency, scanned_record.year, scanned_record.template) == (t["agency"], t["year"],
                                                                                        t["template"])
    assert scanned_record.source["format"] == "pdf"


def test_every_misread_cell_is_flagged(scanned_record) -> None:
    flagged = {cid for f in scanned_record.findings for cid in f.cells}
    tables_flagged = {cid.split(":")[0] for cid in flagged if cid.endswith(":*")}
    silent = [c for c in _cells(scanned_record, HUAIAN) if c[3] != c[4]
              and f"{c[0]}:{c[1]}:{c[2]}" not in flagged and c[0] not in tables_flagged]
    assert silent == []


def test_every_cell_knows_its_box_and_confidence(scanned_record) -> None:
    boxes = scanned_record.cell_boxes()
    cid = "table3:new_received:natural"
    assert scanned_record.get(cid) == truth(HUAIAN)["table3"]["new_received"]["natural"]
    box = boxes[cid]
    assert box.page == 3 and 0 < box.confidence <= 1  # the third page of the scan
    x0, y0, x1, y1 = box.box  # in points on an A4 page, the cell's own rectangle
    assert 0 < x0 < x1 < 595 and 0 < y0 < y1 < 842 and x1 - x0 < 100 and y1 - y0 < 40
    as_json = scanned_record.to_json()
    assert as_json["provenance"][cid]["confidence"] == box.confidence
    assert len(as_json["page_boxes"]) == len(scanned_record.page_boxes)


def test_an_image_file_of_a_table_page_is_read_at_200_dpi() -> None:
    (png,) = page_images(b.HUAIAN_PDF.read_bytes(), 200, [4])
    doc = read_bytes(png, "第4页.png")
    assert doc.source_format == "image" and doc.boxes
    record = parse_bytes(png, "第4页.png")
    t3 = truth(HUAIAN)["table3"]
    assert record.tables["table3"]["new_received"] == t3["new_received"]
    assert record.tables["table3"]["granted"] == t3["granted"]


def test_importing_opencv_leaves_qt_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM_PLUGIN_PATH", raising=False)
    ocr.cv2()
    assert "QT_QPA_PLATFORM_PLUGIN_PATH" not in os.environ


def test_the_gui_starts_in_a_process_that_ran_ocr(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    code = ("import sys; from reviewer.reading import ocr; ocr.engine(); from ui.app import main; "
            f"sys.exit(main(['--db', {str(tmp_path / 'lib.sqlite')!r}, '--screenshot', {str(shot)!r}]))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.read_bytes()[:4] == b"\x89PNG"


def test_ocr_has_a_time_budget_of_its_own_per_page() -> None:
    from reviewer.errors import ReadError
    from reviewer.reading.budget import Budget, set_budget

    (png,) = page_images(b.HUAIAN_PDF.read_bytes(), 200, [4])
    try:
        set_budget(Budget(seconds=0.5))  # far less than a page takes: the page's own allowance carries it
        assert read_bytes(png, "第4页.png").boxes
        set_budget(Budget(seconds=0.5, ocr_page_seconds=0.01))
        with pytest.raises(ReadError) as excinfo:
            read_bytes(png, "第4页.png")
        assert "第4页.png" in str(excinfo.value) and "读取预算" in str(excinfo.value)
    finally:
        set_budget(None)
