"""A report whose print is inconsistent, confirmed as a source defect and verified: every export shows the printed
value, the reviewed value, the defect and its should-be value."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from reviewer.export import export
from reviewer.export.xlsx import SHEET_NAMES
from reviewer.export.xlsx_problems import PROBLEMS, PROBLEMS_HEADER
from reviewer.model import finding_key
from reviewer.store import Library

from .fixtures.reports import FAULTY
from .people import recorded

CELL = "table3:unable.not_held:total"  # printed 0; its row adds up to 3


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Iterator[Library]:
    with Library(library_at()) as library:
        rid = next(s.id for s in library.list_reports() if s.source_name.startswith(FAULTY))
        rep = library.load(rid)
        version = rep.version
        for f in rep.record.findings:
            if f.severity == "error":
                version = library.confirm_defect(rid, finding_key(f), reason="原件即印为 0", should_be={CELL: 3},
                                                 reviewer="张三", expected_version=version).version
        acks = {finding_key(f): "正文照原件" for f in library.load(rid).record.findings
                if f.severity == "warning" and not f.confirmed}
        library.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=version)
        yield library


def _rid(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))


def test_csv_long_has_printed_reviewed_and_defect(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "long.csv"
    export(lib, out, "csv")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert {r["report_id"] for r in rows} == {str(_rid(lib))}  # only the verified report
    row = next(r for r in rows if f"{r['table']}:{r['row']}:{r['column']}" == CELL)
    assert (row["value"], row["parsed_value"], row["printed_text"]) == ("0", "0", "0")
    assert (row["source_defect"], row["should_be"], row["defect_reason"]) == ("1", "3", "原件即印为 0")
    defect_cells = {f"{r['table']}:{r['row']}:{r['column']}" for r in rows if r["source_defect"] == "1"}
    other = next(r for r in rows if f"{r['table']}:{r['row']}:{r['column']}" not in defect_cells)
    assert (other["source_defect"], other["should_be"], other["defect_reason"]) == ("0", "", "")
    assert "table3:unable.not_held:natural" in defect_cells  # a cell of the confirmed row relation


def test_csv_wide_counts_the_defect_cells(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "wide.csv"
    export(lib, out, "csv-wide")
    (row,) = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert row[CELL] == "0" and row["should_be"] == f"{CELL}=3" and int(row["source_defect_cells"]) > 1


def test_jsonl_findings_carry_their_resolution(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    export(lib, out, "jsonl")
    (d,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert d["tables"]["table3"]["unable.not_held"]["total"] == 0
    confirmed = [f for f in d["findings"] if "resolution" in f]
    assert [f["severity"] for f in confirmed] == ["error", "error"]
    assert confirmed[0]["resolution"] == {**confirmed[0]["resolution"], "kind": "source_defect",
                                          "label": "源文件错误", "reason": "原件即印为 0", "should_be": {CELL: 3}}
    assert all(set(f) >= {"rule", "severity", "cells", "message"} for f in d["findings"])  # the schema's keys stay
    lib_part = d["library"]
    assert lib_part["should_be"] == {CELL: 3}
    assert [x["number"] for x in lib_part["source_defects"]] == ["E1", "E2"]


def test_xlsx_marks_the_cells_and_lists_the_problems(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "v.xlsx"
    export(lib, out, "xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_NAMES["table3"]]
    marked = [c for row in ws.iter_rows() for c in row if c.comment is not None]
    assert marked and all(c.fill.fgColor.rgb.endswith("F8CBAD") for c in marked)
    assert any(c.value == 0 and "应为 3" in c.comment.text and "源文件错误" in c.comment.text for c in marked)
    sheet = wb[PROBLEMS]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0] == PROBLEMS_HEADER
    by_number = {r[4]: dict(zip(PROBLEMS_HEADER, r, strict=True)) for r in rows[1:]}
    assert by_number["E1"]["处理"] == "源文件错误" and by_number["E1"]["理由"] == "原件即印为 0"
    assert by_number["E1"]["应为"] == f"{CELL} = 3" and by_number["E1"]["处理人"] == recorded(lib, "张三")
    assert by_number["W1"]["处理"] == "已说明" and by_number["W1"]["理由"] == "正文照原件"
