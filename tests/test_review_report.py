"""The review report (审核意见书 / 问题清单) as DOCX, read back with python-docx, and `reviewer report`."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reviewer.cli import main
from reviewer.review_report.build import MISREAD, Defect, review_document, reviews, select_for_review
from reviewer.review_report.content import cn_number
from reviewer.review_report.docx import write_docx
from reviewer.review_report.html import to_html
from reviewer.store import Library
from reviewer.store.stats import open_reader

MISREAD_CELL = "table3:unable.not_held:total"
MISREAD_WHY = "原件印为3，解析时误读为0"
DEFECT_CELL = "table3:granted:natural"
DEFECT_WHY = "原件该格印为5，与合计不符，已电话向机关核实"


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Library:
    library = Library(library_at())
    yield library
    library.close()


def _ids(lib: Library) -> dict[str, int]:
    return {s.source_name[:3]: s.id for s in lib.list_reports()}


def _text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append("\t".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_docx_names_the_corrected_misread_and_the_confirmed_defect(lib: Library, tmp_path: Path) -> None:
    rid = _ids(lib)["003"]
    v = lib.load(rid).version
    lib.set_cells(rid, {MISREAD_CELL: 3}, reviewer="张三", reason=MISREAD_WHY, expected_version=v)
    v = lib.load(rid).version
    lib.set_cells(rid, {DEFECT_CELL: 5}, reviewer="张三", reason="按原件", expected_version=v)  # makes R2 fail

    def defects(_conn: object, report_id: int) -> list[Defect]:
        rep = lib.load(report_id)
        key = next(f for f in rep.record.findings if DEFECT_CELL in f.cells and f.rule == "R2")
        from reviewer.model import finding_key

        return [Defect(finding_key(key), DEFECT_WHY, key.rule, tuple(key.cells), {DEFECT_CELL: 1}, "张三",
                       "2026-01-05T10:00:00Z")]

    conn = open_reader(lib.address)
    try:
        items = reviews(conn, select_for_review(conn, ids=[rid]), defects)
    finally:
        conn.close()
    out = write_docx(review_document(items), tmp_path / "意见书.docx")
    text = _text(out)
    assert "高青县行政审批服务局" in text and "审核意见书" in text and lib.summary(rid).source_name in text
    from hashlib import sha256

    assert sha256(lib.source(rid)[1]).hexdigest() in text
    # the corrected misread, with the reviewer's reason
    assert MISREAD in text and MISREAD_WHY in text
    assert "表三 （四）无法提供 1.本机关不掌握相关政府信息·总计 由 0 改为 3" in text
    # the confirmed defect of the source, with its reason and the value it should have had
    assert "确认原件有误" in text and DEFECT_WHY in text and "应为 1" in text
    assert "更正误读 2 处，确认原件有误 1 处" in text  # the summary
    # headings numbered 一、二、 and the body in 仿宋, headings in 黑体 (East Asian font of the runs)
    d = docx.Document(str(out))
    heads = [p for p in d.paragraphs if p.text.startswith(("一、", "二、", "三、", "四、"))]
    assert [p.text[:2] for p in heads] == ["一、", "二、", "三、", "四、"]
    east = heads[0].runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
    assert east == "黑体"
    body = next(p for p in d.paragraphs if p.text.startswith("共发现错误"))
    assert body.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")).startswith("仿宋")
    # the value in its source excerpt is marked
    marked = [r for p in d.paragraphs if p.text.startswith("原文：") for r in p.runs if r.font.highlight_color]
    assert marked and all(r.text for r in marked)
    # the edit history
    assert MISREAD_WHY in text.split("四、修改记录", 1)[1]
    # the same content renders as HTML for the print preview
    html = to_html(review_document(items), installed={"Noto Sans CJK SC"})
    assert DEFECT_WHY in html and "Noto Sans CJK SC" in html


def test_batch_report_has_a_section_per_agency(lib: Library, tmp_path: Path) -> None:
    ids = _ids(lib)
    out = tmp_path / "清单.docx"
    assert main(["report", *map(str, ids.values()), "-o", str(out), "--db", str(lib.address)]) == 0
    text = _text(out)
    assert "问题清单" in text
    agencies = [s.agency for s in lib.list_reports()]
    for n, agency in enumerate(agencies, 2):
        assert f"{cn_number(n)}、{agency}" in text


def test_report_of_verified_reports_in_a_period(lib: Library, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    rid = _ids(lib)["000"]
    lib.verify(rid, reviewer="张三", expected_version=lib.load(rid).version)
    out = tmp_path / "v.docx"
    assert main(["report", "-o", str(out), "--db", str(lib.address), "--verified-from", "2000-01-01"]) == 0
    assert "（1 份报告）" in capsys.readouterr().out and "临清市行政审批服务局" in _text(out)
    assert main(["report", "-o", str(out), "--db", str(lib.address), "--verified-to", "2000-01-01"]) == 2
    assert "没有符合条件的报告" in capsys.readouterr().err


def test_chinese_numbers() -> None:
    assert [cn_number(n) for n in (1, 9, 10, 11, 20, 23)] == ["一", "九", "十", "十一", "二十", "二十三"]


def _crafted(tmp_path: Path) -> Path:
    """Sample 000 with two numbers changed: 行政复议·总计 printed 5 (the parser's misread, corrected by the
    reviewer) and 予以公开·总计 printed 6 (the report's own error, confirmed as a source defect)."""
    from tests.conftest import SAMPLES

    src = next(SAMPLES.glob("000_*.txt"))
    text = src.read_text(encoding="utf-8")
    from reviewer.api import parse_file

    record = parse_file(src)
    for cid, new in (("table4:review:total", "5"), ("table3:granted:total", "6")):
        s, e = record.provenance[cid].span
        text = text[:s] + new + text[e:]
    out = tmp_path / "临清市2022年报.txt"
    out.write_text(text, encoding="utf-8")
    return out


def test_docx_of_a_corrected_misread_and_a_confirmed_source_defect(library_at, tmp_path: Path) -> None:
    from reviewer.model import finding_key

    lib = Library(library_at(), seed_samples=False)
    try:
        rid = lib.import_paths([_crafted(tmp_path)], reviewer="张三", workers=1).imported[0]
        rep = lib.load(rid)
        assert {f.rule for f in rep.record.findings if f.severity == "error"} >= {"R2", "R5"}
        ch = lib.set_cells(rid, {"table4:review:total": 0}, reviewer="张三", reason="原件印为0，解析误读为5",
                           expected_version=rep.version)
        r2 = next(f for f in lib.load(rid).record.findings if f.rule == "R2" and "table3:granted:total" in f.cells)
        lib.confirm_defect(rid, finding_key(r2), reason="原件予以公开总计印为6，与各列之和4不符", reviewer="张三",
                           should_be={"table3:granted:total": 4}, expected_version=ch.version)
        out = tmp_path / "意见书.docx"
        assert main(["report", str(rid), "-o", str(out), "--db", str(lib.address)]) == 0
    finally:
        lib.close()
    text = _text(out)
    misread = text.split("更正误读。", 1)[1].split("\n", 1)[0]
    assert "表四" in misread and "由 5 改为 0" in misread and "原件印为0，解析误读为5" in misread
    defect = text.split("处理：确认原件有误", 1)[1].split("\n", 1)[0]
    assert "原件予以公开总计印为6，与各列之和4不符" in defect and "应为 4" in defect
    assert "更正误读 1 处，确认原件有误 1 处" in text
