"""Exports read back and compared with the library: CSV long and wide, XLSX, JSON Lines; escaping; atomicity."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from reviewer.export import export, unescape_text
from reviewer.export.common import labels
from reviewer.export.xlsx import AUDIT, PROVENANCE, SHEET_NAMES, form_for
from reviewer.export.xlsx_problems import PROBLEMS
from reviewer.model import Record, finding_key
from reviewer.store import Library

from .conftest import BACKENDS
from .fixtures.reports import CLEAN, FAULTY
from .people import named, recorded

NASTY = "=HYPERLINK(\"http://x\",\"点我\")"
CHANGE = "table2:licensing:change"  # 本年增/减: signed


@pytest.fixture(scope="module", params=BACKENDS)
def lib(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Library:
    """Five samples: 003 fixed and verified (with a negative 增/减), 004 verified with its warnings acknowledged,
    000 edited but in review, with an agency name that would be a formula; the others new."""
    library = Library(request.getfixturevalue("pg_cluster").new_database("export") if request.param == "postgresql"
                      else tmp_path_factory.mktemp("export") / "lib.sqlite3")
    ids = {s.source_name[:3]: s.id for s in library.list_reports()}
    v = library.load(ids["003"]).version
    ch = library.set_cells(ids["003"], {"table3:unable.not_held:total": 3, CHANGE: -8}, reviewer="张三",
                           reason="按行合计", expected_version=v)
    library.verify(ids["003"], reviewer="张三", note="已核对", expected_version=ch.version)
    rep = library.load(ids["004"])
    acks = {finding_key(f): "与原件一致" for f in rep.record.findings if f.severity == "warning"}
    library.verify(ids["004"], reviewer="李四", acknowledgements=acks, expected_version=rep.version)
    v = library.load(ids["000"]).version
    ch = library.update_metadata(ids["000"], expected_version=v, reviewer="张三", agency=NASTY)
    library.set_cells(ids["000"], {"table3:granted:natural": 5}, reviewer="+王五", reason="@原件", expected_version=ch.version)
    yield library
    library.close()


def _number(text: str) -> int | float | None:
    if text == "":
        return None
    return float(text) if any(ch in text for ch in ".eE") else int(text)


def _library_values(lib: Library, rid: int) -> tuple[Record, dict[str, str], dict[str, object]]:
    rep = lib.load(rid)
    return rep.record, rep.origins, rep.parsed


def _verified(lib: Library) -> list[int]:
    return [s.id for s in lib.list_reports(status="verified")]


def test_csv_long_round_trip(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "long.csv"
    result = export(lib, out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    ids = sorted({int(r["report_id"]) for r in rows})
    assert ids == _verified(lib) and result.reports == 2
    by_report: dict[int, list[dict[str, str]]] = {}
    for r in rows:
        by_report.setdefault(int(r["report_id"]), []).append(r)
    for rid, got in by_report.items():
        record, origins, parsed = _library_values(lib, rid)
        assert [f"{r['table']}:{r['row']}:{r['column']}" for r in got] == record.cell_ids()  # every cell, in order
        for r in got:
            cid = f"{r['table']}:{r['row']}:{r['column']}"
            value = _number(r["value"])
            assert value == record.get(cid) and type(value) is type(record.get(cid)), cid
            assert _number(r["parsed_value"]) == parsed[cid]
            assert r["edited"] == ("1" if origins[cid] == "edited" else "0")
            lab = labels(record.template, record.table2_variant if r["table"] == "table2" else None, cid)
            assert (unescape_text(r["row_label"]), r["column_label"]) == (lab.row_label, lab.column_label)
            assert r["agency"] == record.agency and r["year"] == str(record.year) and r["status"] == "verified"
    faulty = next(rid for rid in ids if lib.summary(rid).source_name.startswith(FAULTY))
    change = next(r for r in by_report[faulty] if r["row"] == "licensing" and r["column"] == "change")
    assert change["value"] == "-8" and change["edited"] == "1"  # a negative number stays a number


def test_csv_without_bom_and_all_statuses(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    export(lib, out, "csv", include_all=True, bom=False)
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    statuses = {int(r["report_id"]): (r["status"], r["status_label"]) for r in rows}
    assert len(statuses) == 5
    assert {s for s, _ in statuses.values()} == {"verified", "in_review", "new"}
    assert ("in_review", "审核中") in statuses.values()


def test_formula_escaping(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    export(lib, out, "csv", include_all=True)
    text = out.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    agency = {r["agency"] for r in rows if r["agency"].lstrip("'").startswith("=")}
    assert agency == {"'" + NASTY}  # escaped with an apostrophe: Excel shows text, never runs it
    assert unescape_text("'" + NASTY) == NASTY and unescape_text("'x") == "'x"
    xlsx = tmp_path / "all.xlsx"
    export(lib, xlsx, "xlsx", include_all=True)
    wb = openpyxl.load_workbook(xlsx)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    audit = [r for r in wb[AUDIT].iter_rows(values_only=True)]
    who = "'+王五" if named(lib) else recorded(lib, "+王五")  # a typed name is escaped; a login is the login
    assert any(r[2] == who and r[10] == "'@原件" for r in audit)
    prov = {r[0]: r for r in wb[PROVENANCE].iter_rows(min_row=2, values_only=True)}
    assert "'" + NASTY in {r[1] for r in prov.values()}
    wide = tmp_path / "wide.csv"
    export(lib, wide, "csv-wide", include_all=True)
    wide_rows = list(csv.DictReader(io.StringIO(wide.read_text(encoding="utf-8-sig"))))
    assert "'" + NASTY in {r["agency"] for r in wide_rows}


def test_csv_wide_round_trip(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "wide.csv"
    export(lib, out, "csv-wide", include_all=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 5
    header = list(rows[0])
    assert header[:8] == ["report_id", "agency", "year", "format", "status", "status_label", "region", "source_name"]
    assert header.index("table2:regulations:issued") < header.index("table3:new_received:natural") \
        < header.index("table4:review:upheld")
    for r in rows:
        record, _, _ = _library_values(lib, int(r["report_id"]))
        cells = set(record.cell_ids())
        assert header[-2:] == ["source_defect_cells", "should_be"]
        for cid in header[8:-2]:
            if cid in cells:
                assert _number(r[cid]) == record.get(cid), cid
            else:
                assert r[cid] == ""  # a cell the report's format does not have is blank, not 0


def test_xlsx_round_trip_and_layout(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "v.xlsx"
    result = export(lib, out, "xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [*SHEET_NAMES.values(), PROVENANCE, AUDIT, PROBLEMS]
    verified = _verified(lib)
    for tid, name in SHEET_NAMES.items():
        ws = wb[name]
        titles = {int(str(ws.cell(r, 1).value).split()[0][1:]): r for r in range(1, ws.max_row + 1)
                  if str(ws.cell(r, 1).value or "").startswith("#")}
        assert sorted(titles) == verified
        merged = {str(m) for m in ws.merged_cells.ranges}
        for rid, top in titles.items():
            record, origins, _ = _library_values(lib, rid)
            cells = [c for c in record.cell_ids() if c.startswith(tid + ":")]
            form = form_for(record.template, record.table2_variant if tid == "table2" else None, tid, cells)
            for cid, (r, c) in form.positions().items():
                got = ws.cell(top + 1 + r, 1 + c)
                want = record.get(cid)
                assert got.value == want and type(got.value) is type(want), (tid, cid)
                if origins[cid] == "edited":
                    assert got.fill.fgColor.rgb.endswith("FFF2CC")
            # each row's label is on the row of its values
            if tid == "table3":
                r, c = form.positions()["table3:unable.not_held:total"]
                assert ws.cell(top + 1 + r, 3).value == "1.本机关不掌握相关政府信息"
                assert f"E{top + 2}:I{top + 2}" in merged  # 法人或其他组织 over its five columns
                assert ws.cell(top + 2, 5).value == "法人或其他组织"
            if tid == "table4":
                assert ws.cell(top + 1, 6).value == "行政诉讼" and f"F{top + 1}:O{top + 1}" in merged
    prov = list(wb[PROVENANCE].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in prov] == verified
    for row in prov:
        s = lib.summary(row[0])
        name, data = lib.source(row[0])
        import hashlib

        assert row[7] == name and row[8] == hashlib.sha256(data).hexdigest() and row[11] == s.reviewer
        assert row[12] is not None  # verified at
    audit = list(wb[AUDIT].iter_rows(min_row=2, values_only=True))
    assert len(audit) == sum(len(lib.history(rid)) for rid in verified) == result.rows


def test_jsonl_round_trip(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "v.jsonl"
    export(lib, out, "jsonl", include_all=True)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        d = json.loads(line)
        rec = Record.from_json(d)
        stored = lib.load(d["library"]["id"])
        assert rec.tables == stored.record.tables
        for cid in rec.cell_ids():
            assert type(rec.get(cid)) is type(stored.record.get(cid))
        assert [f.to_json() for f in rec.findings] == [f.to_json() for f in stored.record.findings]
        assert d["library"]["status"] == stored.status
        assert set(d["library"]["edited"]) == {c for c, o in stored.origins.items() if o == "edited"}
        assert {"source", "agency", "year", "template", "tables", "findings"} <= set(d)


def test_export_is_atomic(lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "keep.csv"
    out.write_text("earlier export", encoding="utf-8")

    def broken(*_a: object, **_k: object) -> object:
        raise OSError("disk full")

    import reviewer.export.csv_long as csv_long

    monkeypatch.setattr(csv_long, "iter_cells", broken)
    with pytest.raises(OSError, match="disk full"):
        export(lib, out, "csv")
    assert out.read_text(encoding="utf-8") == "earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.csv"]  # no temporary file left behind


def test_filters_and_unknown_format(lib: Library, tmp_path: Path) -> None:
    from reviewer.errors import ValidationError

    r = export(lib, tmp_path / "x.jsonl", "jsonl", include_all=True, year=2020)
    assert r.reports == 1
    r = export(lib, tmp_path / "y.jsonl", "jsonl", status="审核中")  # a status filter needs no include_all
    assert r.reports == 1
    clean = next(s.id for s in lib.list_reports() if s.source_name.startswith(CLEAN))
    r = export(lib, tmp_path / "z.csv", "csv", include_all=True, ids=[clean])
    assert r.reports == 1 and r.rows == 200
    with pytest.raises(ValidationError):
        export(lib, tmp_path / "x.ods", "ods")


def test_export_from_the_library_path(lib: Library, tmp_path: Path) -> None:
    """An export needs only the library file: the path gives the same file as the open library, and a path
    with no library is refused with a message naming it (no empty file left)."""
    export(lib, tmp_path / "open.jsonl", "jsonl", include_all=True)
    export(str(lib.address), tmp_path / "path.jsonl", "jsonl", include_all=True)
    assert (tmp_path / "path.jsonl").read_bytes() == (tmp_path / "open.jsonl").read_bytes()
    from reviewer.errors import ReviewerError

    missing = tmp_path / "nowhere.sqlite3"
    with pytest.raises(ReviewerError, match="nowhere.sqlite3"):
        export(missing, tmp_path / "x.csv", "csv")
    assert not (tmp_path / "x.csv").exists() and not missing.exists()
