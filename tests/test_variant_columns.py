"""Adding a provincial variant is adding a file: two test-only table-2 variants (tests/formats/, read through
$REVIEWER_FORMATS), one with two value columns and one with three, parse, check, lay out as a grid and export
with no code of their own, and never lose a value."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from reviewer import formats, parse_bytes
from reviewer.export import export
from reviewer.formlayout import CELL, HEADER, build
from reviewer.model import Record
from reviewer.rules import check
from reviewer.store import Library

from .conftest import SAMPLES

TEST_FORMATS = Path(__file__).resolve().parent / "formats"

TWO = """主动公开信息分类\t\t\t本年公开条数\t其中：网站公开条数
基础信息\t概况\t机构职能\t1\t1
\t\t领导简介\t0\t0
\t文件\t政策文件\t8\t6
\t\t文件解读\t0\t0
\t动态\t工作动态\t10\t9
\t\t公示公告\t2230\t2100
其他\t人大建议政协提案\t\t2\t2
\t年度报告\t\t1\t1
合计\t\t\t2252\t2119
"""
TWO_CELLS = {("基础信息/概况/机构职能", "items"): 1, ("基础信息/概况/机构职能", "online"): 1,
             ("基础信息/概况/领导简介", "items"): 0, ("基础信息/概况/领导简介", "online"): 0,
             ("基础信息/文件/政策文件", "items"): 8, ("基础信息/文件/政策文件", "online"): 6,
             ("基础信息/文件/文件解读", "items"): 0, ("基础信息/文件/文件解读", "online"): 0,
             ("基础信息/动态/工作动态", "items"): 10, ("基础信息/动态/工作动态", "online"): 9,
             ("基础信息/动态/公示公告", "items"): 2230, ("基础信息/动态/公示公告", "online"): 2100,
             ("其他/人大建议政协提案", "items"): 2, ("其他/人大建议政协提案", "online"): 2,
             ("其他/年度报告", "items"): 1, ("其他/年度报告", "online"): 1,
             ("合计", "items"): 2252, ("合计", "online"): 2119}

# the header prints the columns in another order than the file: the header decides
THREE = """政务公开目录分类\t\t累计公开\t本年新增\t本年更新
概况信息\t机构职能\t12\t1\t0
\t领导信息\t5\t0\t2
政策文件\t规范性文件\t96\t8\t1
\t政策解读\t40\t3\t0
公示公告\t行政许可\t8650\t2230\t0
合计\t\t8803\t2242\t3
"""
THREE_CELLS = {("概况信息/机构职能", "cumulative"): 12, ("概况信息/机构职能", "added"): 1, ("概况信息/机构职能", "updated"): 0,
               ("概况信息/领导信息", "cumulative"): 5, ("概况信息/领导信息", "added"): 0, ("概况信息/领导信息", "updated"): 2,
               ("政策文件/规范性文件", "cumulative"): 96, ("政策文件/规范性文件", "added"): 8,
               ("政策文件/规范性文件", "updated"): 1,
               ("政策文件/政策解读", "cumulative"): 40, ("政策文件/政策解读", "added"): 3, ("政策文件/政策解读", "updated"): 0,
               ("公示公告/行政许可", "cumulative"): 8650, ("公示公告/行政许可", "added"): 2230,
               ("公示公告/行政许可", "updated"): 0,
               ("合计", "cumulative"): 8803, ("合计", "added"): 2242, ("合计", "updated"): 3}

VARIANTS = {"test-two-columns": (TWO, TWO_CELLS), "test-three-columns": (THREE, THREE_CELLS)}


@pytest.fixture(autouse=True)
def test_formats(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The documented way: $REVIEWER_FORMATS names a folder of extra format files (inherited by the importer's
    worker processes)."""
    monkeypatch.setenv(formats.FORMATS_ENV, str(TEST_FORMATS))
    formats.reload()
    yield
    monkeypatch.delenv(formats.FORMATS_ENV)
    formats.reload()


def report_text(table2: str) -> str:
    """Sample 004 (a real report whose table 2 is Hebei's) with the provincial table replaced."""
    text = next(SAMPLES.glob("004_*.txt")).read_text(encoding="utf-8")
    start = text.index("二、主动公开政府信息情况")
    end = text.index("三、收到和处理政府信息公开申请情况")
    return text[:start] + "二、主动公开政府信息情况\n\n" + table2 + "\n" + text[end:]


def parse(table2: str) -> Record:
    return parse_bytes(report_text(table2).encode("utf-8"), "report.txt")


def table2_cells(record: Record) -> dict[tuple[str, str], float | int | None]:
    return {(row, col): v for row, cols in record.tables["table2"].items() for col, v in cols.items()}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_variant_with_several_columns_keeps_every_value_in_its_column(variant: str) -> None:
    text, expected = VARIANTS[variant]
    record = parse(text)
    assert record.table2_variant == variant
    assert table2_cells(record) == expected
    assert [u for u in record.unplaced if u.table == "table2"] == []
    printed = re.findall(r"\d+", text)
    assert len(printed) == len(expected), "every number printed in the table is a cell"
    findings = check(record)
    assert not [f for f in findings if f.rule in ("T2-SUM", "UNPLACED") or (f.cells and f.cells[0].startswith("table2"))]


def test_the_total_of_each_column_is_checked() -> None:
    record = parse(THREE.replace("合计\t\t8803\t2242\t3", "合计\t\t8803\t2242\t5"))
    sums = [f for f in check(record) if f.rule == "T2-SUM"]
    assert len(sums) == 1
    assert sums[0].cells[0] == "table2:合计:updated"
    assert sums[0].suggestion == {"cell": "table2:合计:updated", "value": 3}
    assert "合计·本年更新" in sums[0].message


def test_a_value_beyond_the_columns_is_reported_never_dropped() -> None:
    record = parse(TWO.replace("\t\t领导简介\t0\t0", "\t\t领导简介\t0\t0\t7"))
    assert table2_cells(record)[("基础信息/概况/领导简介", "online")] == 0
    extra = [u for u in record.unplaced if u.table == "table2"]
    assert [u.text for u in extra] == ["7"]
    assert any(f.rule == "UNPLACED" for f in record.findings)


def test_a_row_short_of_a_value_keeps_a_blank_not_a_zero() -> None:
    record = parse(THREE.replace("\t政策解读\t40\t3\t0", "\t政策解读\t40\t3\t"))
    assert table2_cells(record)[("政策文件/政策解读", "updated")] is None
    blanks = [f for f in check(record) if f.rule == "BLANK"]
    assert any("table2:政策文件/政策解读:updated" in f.cells for f in blanks)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_grid_shows_every_column_with_its_label(variant: str) -> None:
    text, expected = VARIANTS[variant]
    record = parse(text)
    grid = build(record, "table2")
    shown = {s.cid for line in grid.slots for s in line if s.kind == CELL}
    assert shown == {f"table2:{row}:{col}" for row, col in expected}
    headers = {s.text for line in grid.slots[: grid.header_rows] for s in line if s.kind == HEADER}
    assert {c.label for c in formats.table2_variant(variant).columns} <= headers


def test_every_export_carries_every_value(library_at, tmp_path: Path) -> None:
    lib = Library(library_at(), seed_samples=False)
    try:
        for name, (text, _cells) in VARIANTS.items():
            (tmp_path / f"{name}.txt").write_text(report_text(text), encoding="utf-8")
        lib.import_paths([tmp_path / f"{n}.txt" for n in VARIANTS], workers=2)  # worker processes read $REVIEWER_FORMATS too
        out = {fmt: tmp_path / f"out.{fmt}" for fmt in ("csv", "csv-wide", "xlsx", "jsonl")}
        for fmt, path in out.items():
            export(lib, path, fmt, include_all=True, all_versions=True)  # the reports share an agency and year
    finally:
        lib.close()
    expected = {(v, row, col): value for v, (_t, cells) in VARIANTS.items() for (row, col), value in cells.items()}
    labels = {c.key: c.label for v in VARIANTS for c in formats.table2_variant(v).columns}

    with open(out["csv"], encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["table"] == "table2"]
    got_long = {}
    for r in rows:
        assert r["column_label"] == labels[r["column"]]
        assert r["row_label"] == r["row"].split("/")[-1]
        got_long[(r["report_id"], r["row"], r["column"])] = int(r["value"])
    assert sorted(got_long.values()) == sorted(expected.values())

    with open(out["csv-wide"], encoding="utf-8-sig", newline="") as f:
        wide = list(csv.DictReader(f))
    got_wide = [int(v) for line in wide for k, v in line.items() if k.startswith("table2:") and v != ""]
    assert sorted(got_wide) == sorted(expected.values())

    with open(out["jsonl"], encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    got_jsonl = [v for r in records for cols in r["tables"]["table2"].values() for v in cols.values()]
    assert sorted(got_jsonl) == sorted(expected.values())

    book = openpyxl.load_workbook(out["xlsx"], read_only=True)
    sheet = [line for line in book["表二 主动公开"].iter_rows(values_only=True)]
    book.close()
    numbers = Counter(v for line in sheet for v in line if isinstance(v, int | float))
    texts = {v for line in sheet for v in line if isinstance(v, str)}
    assert not Counter(expected.values()) - numbers, "every value is in the form sheet"
    assert set(labels.values()) <= texts, "under its column's label"


def test_the_prose_total_is_compared_with_the_column_the_file_names() -> None:
    record = parse(TWO.replace("合计\t\t\t2252\t2119", "合计\t\t\t\t"))  # the prose of sample 004 says 2253 条
    blank = {f.cells[0]: f for f in check(record) if f.message_id == "variant_total_blank"}
    assert set(blank) == {"table2:合计:items", "table2:合计:online"}
    assert blank["table2:合计:items"].params == {"sum": 2252, "stated": 2253}
    assert "正文称主动公开 2253 条，两者不一致" in blank["table2:合计:items"].message
    assert blank["table2:合计:online"].params == {"sum": 2119, "stated": None}
    assert blank["table2:合计:online"].suggestion == {"cell": "table2:合计:online", "value": 2119}


def test_the_bundled_hebei_table_keeps_its_check_of_the_prose() -> None:
    record = parse_bytes(next(SAMPLES.glob("004_*.txt")).read_bytes(), "004.txt")
    blank = [f for f in record.findings if f.message_id == "variant_total_blank"]
    assert [f.params for f in blank] == [{"sum": 2253, "stated": 2253}]
    assert "两者一致" in blank[0].message
