"""The layouts of #8 part 2 (PDF→Markdown, Word-export HTML, the 2019 （六）其他处理 row in a 2021 report, labels
that differ from the form), rendered from every truth record and read back cell by cell."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes
from reviewer.model import Record

from .variants_layouts import LayoutCase, all_cases, score

CASES = list(all_cases())


def silently_wrong(rec: Record, want: dict) -> list[tuple[str, object, object]]:
    """Cells that differ from the truth and that no finding names (the cell or its whole table)."""
    named = {c for f in rec.findings for c in f.cells}
    out = []
    for table in ("table2", "table3", "table4"):
        for row, cols in want[table].items():
            for col, value in cols.items():
                got = rec.tables.get(table, {}).get(row, {}).get(col, "absent")
                cid = f"{table}:{row}:{col}"
                if got != value and cid not in named and f"{table}:*" not in named:
                    out.append((cid, value, got))
    return out


def wrong_cells(rec: Record, want: dict) -> list[tuple[str, object, object]]:
    out = []
    for table in ("table2", "table3", "table4"):
        for row, cols in want[table].items():
            for col, value in cols.items():
                got = rec.tables.get(table, {}).get(row, {}).get(col, "absent")
                if got != value:
                    out.append((f"{table}:{row}:{col}", value, got))
        extra = set(rec.tables.get(table, {})) - set(want[table])
        out += [(f"{table}:{row}:*", "absent", "present") for row in sorted(extra)]
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_layout_reads_as_the_truth(case: LayoutCase) -> None:
    want = case.want
    rec = parse_bytes(case.data, case.filename)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    assert silently_wrong(rec, want) == []
    assert wrong_cells(rec, want) == []
    assert [(u.table, u.text, u.reason) for u in rec.unplaced] == []
    allowed = {c for f in want.get("expected_findings", []) for c in f["cells"]}
    assert [f.message for f in rec.findings if f.severity == "error" and not set(f.cells) & allowed] == []
    s = score(case, rec)  # every inconsistency the report prints is still flagged
    assert (s.flagged, s.false_errors) == (s.expected, 0)


# --- layout 4: the single （六）其他处理 row in a 2021 report ------------------------------------------------

SUBS = ("other.overdue_correction", "other.unpaid_fee", "other.other")


def _t3_2019_case(record: str = "001-distinct", out: str = "txt") -> LayoutCase:
    return next(c for c in CASES if c.layout == "t3-2019-other" and c.record == record and c.out == out)


def test_the_single_row_is_checked_in_place_of_its_sub_rows() -> None:
    from reviewer.rules import check

    case = _t3_2019_case()
    rec = parse_bytes(case.data, case.filename)
    assert rec.template == "2021" and "other" in rec.tables["table3"]
    assert not set(SUBS) & set(rec.tables["table3"])
    assert not [f for f in rec.findings if f.severity == "error"]
    # a wrong figure in the single row breaks the column total (R3) and the row total (R2), naming that cell
    cid = "table3:other:natural"
    rec.set(cid, (rec.get(cid) or 0) + 5)
    failing = {f.rule for f in check(rec) if cid in f.cells and f.severity == "error"}
    assert {"R2", "R3"} <= failing


def test_the_single_row_stands_in_the_grid_where_its_sub_rows_would() -> None:
    from reviewer.cli.reports import summary_text
    from reviewer.formlayout import build

    case = _t3_2019_case()
    rec = parse_bytes(case.data, case.filename)
    grid = build(rec, "table3")
    rows = sorted({r for cid, (r, _c) in grid.positions.items() if cid.startswith("table3:other:")})
    before = {r for cid, (r, _c) in grid.positions.items() if cid.startswith("table3:not_processed.confirm:")}
    after = {r for cid, (r, _c) in grid.positions.items() if cid.startswith("table3:total:")}
    assert len(rows) == 1 and max(before) < rows[0] < min(after)
    labels = [s.text for s in grid.slots[rows[0]] if s.kind == "label"]
    assert any("其他处理" in t for t in labels)
    assert "（六）其他处理" in summary_text(rec)


def test_a_report_forced_to_the_2021_form_keeps_its_sub_rows() -> None:
    """A reviewer who forces the format gets the form's own rows (the single row's values are unplaced)."""
    case = _t3_2019_case()
    rec = parse_bytes(case.data, case.filename, template="2021")
    assert set(SUBS) <= set(rec.tables["table3"]) and "other" not in rec.tables["table3"]
    assert rec.unplaced and any(f.rule == "UNPLACED" for f in rec.findings)


def test_a_2021_table_with_its_three_rows_keeps_them() -> None:
    case = next(c for c in CASES if c.layout == "label-variants" and c.record == "001-distinct" and c.out == "txt")
    rec = parse_bytes(case.data, case.filename)
    assert set(SUBS) <= set(rec.tables["table3"]) and "other" not in rec.tables["table3"]


def test_colspans_overrunning_the_header_keep_blanks_in_their_column() -> None:
    """A Word table whose value cells each span two grid columns: a blank cell stays in its own column."""
    from reviewer.parsing import parse
    from reviewer.reading import read_bytes

    rows = ('<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>'
            '<tr><td>规章</td><td colspan="2">2</td><td colspan="2">&nbsp;</td><td colspan="2">7</td></tr>'
            '<tr><td>行政规范性文件</td><td colspan="2">1</td><td colspan="2">3</td><td colspan="2">9</td></tr>')
    page = f"<html><body><p>二、主动公开政府信息情况</p><table>{rows}</table></body></html>"
    rec = parse(read_bytes(page.encode(), "r.html"))
    assert rec.tables["table2"]["regulations"] == {"issued": 2, "repealed": None, "in_force": 7}
    assert rec.tables["table2"]["normative_documents"] == {"issued": 1, "repealed": 3, "in_force": 9}
    assert not rec.unplaced


def test_sub_rows_that_lost_their_labels_are_not_taken_for_the_single_row() -> None:
    """A 2021 table whose three （六） rows lost their labels under a printed （六）其他处理 heading: the rows are
    placed by position (with a warning), not read as the 2019 single row."""
    from .test_variants import Variant, render

    want, data, filename = render("001-distinct", Variant("heading", groups="heading"))
    text = data.decode()
    for label in ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"):
        assert f"\n{label}\t" in text
        text = text.replace(f"\n{label}\t", "\n\t", 1)
    rec = parse_bytes(text.encode(), filename)
    assert "other" not in rec.tables["table3"]
    assert {k: rec.tables["table3"][k] for k in SUBS} == {k: want["table3"][k] for k in SUBS}
    assert any(f.rule == "POSITION" for f in rec.findings)


@pytest.mark.parametrize(("change", "where"), [
    (lambda alt: alt["replaces"].append("other.typo"), "alternatives[0].replaces: table3 has no row 'other.typo'"),
    (lambda alt: alt["row"].update(key="total"), "alternatives[0].row: 'total' is already a row of table3"),
    (lambda alt: alt.update(replace=["other.other"]), "'replace' was unexpected"),
])
def test_a_bad_alternative_is_refused_at_load(tmp_path, change, where) -> None:  # noqa: ANN001
    import copy

    from reviewer import formats
    from reviewer.formats import FormatError

    from .test_formats import load_with, national_2021, write

    extra_dir = tmp_path / "formats"
    extra_dir.mkdir()
    data = copy.deepcopy(national_2021())
    data["id"], data["template"] = "national-2021-copy", "2021x"
    change(data["sections"]["table3"]["alternatives"][0])
    path = write(extra_dir, "national-bad.json", data)
    try:
        with pytest.raises(FormatError) as err:
            load_with(extra_dir)
    finally:
        formats.reload()
    assert str(err.value).startswith(f"{path}: ") and where in str(err.value), str(err.value)
