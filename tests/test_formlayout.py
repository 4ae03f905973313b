"""The official form's layout, from the core side: the one grid both the review grid and the XLSX export show."""

from __future__ import annotations

import pytest

from reviewer.formats import load_format
from reviewer.formlayout import CAPTION, CELL, HEADER, LABEL, TABLES, FormGrid, HeaderTexts, Slot, layout


def form_cells(template: str, table: str) -> list[str]:
    """Every cell id of a national form's table, in form order (what a parsed report has)."""
    tdef = load_format(template).tables[table]
    return [f"{table}:{r.key}:{c}" for r in tdef.rows for c in tdef.row_columns(r)]


def slot_of(grid: FormGrid, text: str) -> tuple[int, int]:
    return next((r, c) for r, row in enumerate(grid.slots) for c, s in enumerate(row) if s.text == text)


@pytest.mark.parametrize("template", ["2019", "2021"])
@pytest.mark.parametrize("table", TABLES)
def test_every_cell_has_one_visible_slot(template: str, table: str) -> None:
    cells = form_cells(template, table)
    grid = layout(template, None, table, cells)
    assert list(grid.positions) == cells  # in form order, none twice
    covered = grid.covered()
    for cid, (r, c) in grid.positions.items():
        assert grid.slots[r][c] == Slot(CELL, cid=cid) and (r, c) not in covered
    assert all(len(row) == grid.cols for row in grid.slots)
    for r0, c0, r1, c1 in grid.merged_ranges():
        assert 0 <= r0 <= r1 < grid.rows and 0 <= c0 <= c1 < grid.cols and (r0, c0) != (r1, c1)


def test_table3_headers_and_row_hierarchy() -> None:
    grid = layout("2021", None, "table3", form_cells("2021", "table3"))
    assert (grid.header_rows, grid.label_cols, grid.cols) == (3, 3, 10)
    assert grid.slots[0][0].text.startswith("（本列数据的勾稽关系为") and (0, 0, 3, 3) in grid.spans
    assert grid.slots[0][3].text == "申请人情况" and (0, 3, 1, 7) in grid.spans
    assert slot_of(grid, "法人或其他组织") == (1, 4) and (1, 4, 1, 5) in grid.spans
    assert slot_of(grid, "自然人") == (1, 3) and (1, 3, 2, 1) in grid.spans  # down the two column-header rows
    assert grid.slots[2][4].text == "商业企业"
    # （六）其他处理 heads three rows in 2021; its label is kept in each row it spans
    r, _ = grid.positions["table3:other.overdue_correction:natural"]
    assert (r, 1, 3, 1) in grid.spans and {grid.slots[r + i][1].text for i in range(3)} == {"（六）其他处理"}
    assert (r + 1, 1) in grid.covered()
    # a row one level up: its label spans the two label columns to its right
    t, _ = grid.positions["table3:total:natural"]
    assert grid.slots[t][1] == Slot(LABEL, "（七）总计") and (t, 1, 1, 2) in grid.spans
    # Excel's terms: zero-based and inclusive
    assert (1, 4, 1, 8) in grid.merged_ranges() and (0, 0, 2, 2) in grid.merged_ranges()


def test_header_texts_are_the_callers() -> None:
    texts = HeaderTexts(corner="note", applicants="Applicants", content="Content", classification="Class")
    grid = layout("2021", None, "table3", form_cells("2021", "table3"), texts)
    assert (grid.slots[0][0].text, grid.slots[0][3].text) == ("note", "Applicants")
    blocks = layout("2021", None, "table2", form_cells("2021", "table2"), texts)
    assert blocks.slots[1][0] == Slot(HEADER, "Content")


def test_table4_is_one_row_of_fifteen() -> None:
    grid = layout("2021", None, "table4", form_cells("2021", "table4"))
    assert (grid.rows, grid.cols, grid.header_rows, grid.label_cols) == (4, 15, 3, 0)
    assert [s.cid for s in grid.slots[3]] == form_cells("2021", "table4")
    assert grid.slots[0][5].text == "行政诉讼" and (0, 5, 1, 10) in grid.spans
    assert grid.slots[1][5].text == "未经复议直接起诉" and (1, 5, 1, 5) in grid.spans
    assert [s.text for s in grid.slots[2][5:10]] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    assert grid.slots[0][0].text == "行政复议"
    # as printed on the form: 行政复议 on the top row, its results down the two rows below
    assert (0, 0, 1, 5) in grid.spans and grid.slots[1][0].text == "结果维持" and (1, 0, 2, 1) in grid.spans


def test_table2_by_its_blocks() -> None:
    grid = layout("2021", None, "table2", form_cells("2021", "table2"))
    assert (grid.header_rows, grid.label_cols, grid.cols) == (0, 1, 4)
    captions = [(r, row[0].text) for r, row in enumerate(grid.slots) if row[0].kind == CAPTION]
    assert [t for _, t in captions] == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert all((r, 0, 1, 4) in grid.spans for r, _ in captions)
    tdef = load_format("2021").tables["table2"]
    assert [s.text for s in grid.slots[1]] == ["信息内容"] + [tdef.column(k).label for k in ("issued", "repealed", "in_force")]
    # a block of one column: that column spans to the right edge, on its header row and on each of its rows
    r, c = grid.positions["table2:licensing:decisions"]
    assert c == 1 and (r, 1, 1, 3) in grid.spans and grid.slots[r][0] == Slot(LABEL, "行政许可")
    assert grid.slots[r - 1][1].kind == HEADER and (r - 1, 1, 1, 3) in grid.spans


def test_provincial_table2_by_its_label_paths() -> None:
    cells = ["table2:基础分类/概况/机构职能:value", "table2:基础分类/概况/领导简介:value",
             "table2:基础分类/文件/政策文件:value", "table2:合计:value"]
    grid = layout("2021", "hebei-classification", "table2", cells)
    assert (grid.header_rows, grid.label_cols, grid.cols) == (1, 3, 4)
    assert [s.text for s in grid.slots[0]] == ["河北省主动公开基础、扩展分类表", "", "", "数量"]
    assert grid.slots[1][:3] == [Slot(LABEL, "基础分类"), Slot(LABEL, "概况"), Slot(LABEL, "机构职能")]
    assert (1, 0, 3, 1) in grid.spans and (1, 1, 2, 1) in grid.spans  # 基础分类 down three rows, 概况 two
    assert grid.slots[4][0] == Slot(LABEL, "合计") and (4, 0, 1, 3) in grid.spans
    assert layout("2021", "hebei-classification", "table2", cells, HeaderTexts(variant="信息内容")).slots[0][0].text \
        == "信息内容"
    assert layout("2021", "unknown", "table2", cells).slots[0][0].text == "分类"


def test_no_cell_of_the_report_is_left_out() -> None:
    cells = form_cells("2021", "table4")[5:] + ["table4:later:upheld"]  # no 行政复议; a row the form lacks
    grid = layout("2021", None, "table4", cells)
    assert list(grid.positions)[:11] == cells and grid.cols == 15 and grid.slots[0][0].text == "行政诉讼"
    columns = load_format("2021").tables["table4"].columns
    assert [s.cid for s in grid.slots[3][10:]] == [f"table4:later:{c.key}" for c in columns]  # every column
    extra = form_cells("2021", "table4") + ["table4:review:withdrawn"]  # a column the form lacks: a plain grid
    grid = layout("2021", None, "table4", extra)
    assert set(extra) <= set(grid.positions) and grid.label_cols == 2  # 行政诉讼 over its two rows
    unknown = layout(None, None, "table3", ["table3:a/b:x"])  # a format we do not know: rows by their paths
    assert unknown.slots[2] == [Slot(LABEL, "a"), Slot(LABEL, "b"), Slot(CELL, cid="table3:a/b:x")]
    assert unknown.slots[0][2].text == "申请人情况" and unknown.slots[1][2].text == "x"
    empty = layout("2021", None, "table3", [])
    assert (empty.rows, empty.cols) == (0, 0)
