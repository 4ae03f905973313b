"""The Excel round trip: an export edited in a spreadsheet comes back as audited edits, conflicts shown."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from reviewer.cli import main
from reviewer.export import export
from reviewer.export.excel_edits import apply_edits, read_edits
from reviewer.export.xlsx import SHEET_NAMES, form_for
from reviewer.store import Library
from reviewer.store.stats import open_reader
from tests.people import recorded

A, B = "table3:granted:natural", "table3:granted:total"


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Library:
    library = Library(library_at())
    yield library
    library.close()


def _rid(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith("000"))


def _edit_xlsx(lib: Library, path: Path, rid: int, values: dict[str, int]) -> None:
    """A colleague edits cells of the official layout in Excel (found where a reader sees them)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAMES["table3"]]
    top = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(f"#{rid} "))
    rep = lib.load(rid)
    form = form_for(rep.record.template, None, "table3", [c for c in rep.record.cell_ids() if c.startswith("table3:")])
    for cid, v in values.items():
        r, c = form.positions()[cid]
        ws.cell(top + 1 + r, 1 + c).value = v
    wb.save(path)


def _preview(lib: Library, path: Path):  # noqa: ANN202
    conn = open_reader(lib.address)
    try:
        return read_edits(conn, path)
    finally:
        conn.close()


def test_xlsx_round_trip_applies_one_edit_and_reports_one_conflict(lib: Library, tmp_path: Path) -> None:
    rid = _rid(lib)
    out = tmp_path / "导出.xlsx"
    export(lib, out, "xlsx", include_all=True)
    before = lib.load(rid)
    _edit_xlsx(lib, out, rid, {A: before.record.get(A) + 10, B: 77})
    lib.set_cells(rid, {B: 55}, reviewer="李四", reason="核对原件", expected_version=before.version)  # meanwhile

    preview = _preview(lib, out)
    assert len(preview.changes) == 2 and not preview.problems
    (ok,), (conflict,) = preview.applicable, preview.conflicts
    assert (ok.cell, ok.old, ok.new) == (A, before.record.get(A), before.record.get(A) + 10)
    assert (conflict.cell, conflict.old, conflict.new, conflict.current) == (B, before.record.get(B), 77, 55)

    changes = apply_edits(lib, preview, reviewer="王五")
    after = lib.load(rid)
    assert [c.cells for c in changes] == [[A]]
    assert after.record.get(A) == before.record.get(A) + 10 and after.record.get(B) == 55  # the conflict untouched
    last = lib.history(rid, A)[-1]
    assert (last.old, last.new, last.reviewer, last.reason) == (before.record.get(A), before.record.get(A) + 10,
                                                                recorded(lib, "王五"), "Excel: 导出.xlsx")
    assert not _preview(lib, out).applicable  # importing the same file again changes nothing more


def test_csv_long_round_trip_through_the_command(lib: Library, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    rid = _rid(lib)
    out = tmp_path / "long.csv"
    export(lib, out, "csv", include_all=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    before = lib.load(rid)
    assert {r["report_version"] for r in rows if int(r["report_id"]) == rid} == {str(before.version)}
    for r in rows:
        cid = f"{r['table']}:{r['row']}:{r['column']}"
        if int(r["report_id"]) == rid and cid in (A, B):
            r["value"] = "12" if cid == A else "13"
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    out.write_text(buf.getvalue(), encoding="utf-8-sig")
    lib.set_cells(rid, {A: 40}, reviewer="李四", reason="核对原件", expected_version=before.version)
    code = main(["import-edits", str(out), "--yes", "--db", str(lib.address), "--reviewer", "王五"])
    captured = capsys.readouterr()
    assert code == 1  # a conflict remains
    assert "冲突" in captured.out and "资料库现为 40" in captured.out
    assert f"{before.record.get(B)} → 13" in captured.out
    assert lib.load(rid).record.get(B) == 13 and lib.load(rid).record.get(A) == 40
    assert lib.history(rid, B)[-1].reason == "Excel: long.csv"


def test_not_an_export_is_refused_with_one_line(lib: Library, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "other.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["import-edits", str(bad), "--db", str(lib.address)]) == 2
    err = capsys.readouterr().err
    assert "other.csv" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_a_moved_table_and_a_formula_are_reported_not_imported(lib: Library, tmp_path: Path) -> None:
    rid = _rid(lib)
    out = tmp_path / "x.xlsx"
    export(lib, out, "xlsx", include_all=True)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_NAMES["table4"]]
    top = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(f"#{rid} "))
    ws.insert_rows(top + 1)  # a colleague inserted a row inside the table
    ws3 = wb[SHEET_NAMES["table3"]]
    top3 = next(r for r in range(1, ws3.max_row + 1) if str(ws3.cell(r, 1).value or "").startswith(f"#{rid} "))
    rep = lib.load(rid)
    form = form_for(rep.record.template, None, "table3", [c for c in rep.record.cell_ids() if c.startswith("table3:")])
    r, c = form.positions()[A]
    ws3.cell(top3 + 1 + r, 1 + c).value = "=1+1"
    wb.save(out)
    preview = _preview(lib, out)
    assert preview.changes == []  # nothing invented from a shifted table or an uncomputed formula
    assert any("行列已改动" in p for p in preview.problems)
    assert any("公式 =1+1" in p for p in preview.problems)


def test_a_verified_report_is_read_only_to_an_import(lib: Library, tmp_path: Path) -> None:
    rid = _rid(lib)
    rep = lib.load(rid)
    lib.verify(rid, reviewer="张三", expected_version=rep.version)
    out = tmp_path / "v.xlsx"
    export(lib, out, "xlsx")
    _edit_xlsx(lib, out, rid, {A: 99})
    preview = _preview(lib, out)
    assert [c.cell for c in preview.conflicts] == [A] and "重新打开" in preview.conflicts[0].conflict
    assert apply_edits(lib, preview, reviewer="王五") == [] and lib.load(rid).record.get(A) == rep.record.get(A)
