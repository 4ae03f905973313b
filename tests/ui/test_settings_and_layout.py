"""Settings keep only what differs from the defaults; the grids follow the official form's layout."""

from __future__ import annotations

from pathlib import Path

from reviewer.formlayout import CELL, HEADER, LABEL, build
from tests.ui.conftest import sample
from ui.settings import REGISTRY, Settings


def test_settings_store_only_what_differs_from_the_registry(tmp_path: Path) -> None:
    s = Settings(tmp_path / "s.ini")
    assert s.get("language") == REGISTRY["language"].default == "zh_CN"
    s.set("require_reason", True)
    s.set("language", "zh_CN")  # the default: not written
    assert s.stored_keys() == ["require_reason"]
    again = Settings(tmp_path / "s.ini")
    assert again.get("require_reason") is True  # typed on the way back from the INI file
    for i in range(15):
        again.add_recent(f"/reports/{i}.pdf")
    again.add_recent("/reports/3.pdf")
    recent = Settings(tmp_path / "s.ini").get("recent_files")
    assert recent[0] == "/reports/3.pdf" and len(recent) == 10 and recent.count("/reports/3.pdf") == 1


def _slot_at(grid, cid: str):  # noqa: ANN001, ANN202
    r, c = grid.positions[cid]
    return r, c


def test_table3_is_laid_out_like_the_official_form() -> None:
    from reviewer import parse_file

    record = parse_file(sample("003"))  # a 2019-format report: a single （六）其他处理 row
    grid = build(record, "table3")
    assert grid.header_rows == 3 and grid.label_cols == 3
    texts = [s.text for row in grid.slots[:3] for s in row if s.kind == HEADER]
    assert {"申请人情况", "法人或其他组织", "自然人", "总计", "商业企业"} <= set(texts)
    # 法人或其他组织 spans its five columns; 自然人 and 总计 span two header rows
    r, c = next((r, c) for r, row in enumerate(grid.slots) for c, s in enumerate(row) if s.text == "法人或其他组织")
    assert (r, c, 1, 5) in grid.spans
    # the row hierarchy: 三、本年度办理结果 down all result rows, （三）不予公开 down its eight rows
    r0, _ = _slot_at(grid, "table3:granted:natural")
    r1, _ = _slot_at(grid, "table3:total:natural")
    assert grid.slots[r0][0] == grid.slots[r1][0] and grid.slots[r0][0].text == "三、本年度办理结果"
    assert (r0, 0, r1 - r0 + 1, 1) in grid.spans
    d0, _ = _slot_at(grid, "table3:denied.state_secret:natural")
    assert grid.slots[d0][1].text == "（三）不予公开" and (d0, 1, 8, 1) in grid.spans
    assert grid.slots[d0][2].text == "1.属于国家秘密" and grid.slots[d0][2].kind == LABEL
    assert "table3:other:natural" in grid.positions and "table3:other.other:natural" not in grid.positions
    assert sum(1 for row in grid.slots for s in row if s.kind == CELL) == 23 * 7


def test_table4_is_the_forms_single_row_of_fifteen_numbers() -> None:
    from reviewer import parse_file

    grid = build(parse_file(sample("003")), "table4")
    assert grid.rows == 4 and grid.cols == 15
    assert [s.cid for s in grid.slots[3]][:6] == [
        "table4:review:upheld", "table4:review:corrected", "table4:review:other", "table4:review:pending",
        "table4:review:total", "table4:litigation_direct:upheld"]
    assert grid.slots[0][5].text == "行政诉讼" and (0, 5, 1, 10) in grid.spans
    assert grid.slots[0][0].text == "行政复议" and (0, 0, 1, 5) in grid.spans  # as printed on the form


def test_window_layout_and_column_widths_are_remembered(qtbot, library, settings) -> None:  # noqa: ANN001
    from ui.main_window import MainWindow

    first = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen (800×600): restoreGeometry keeps windows on screen
    first.show()
    qtbot.waitExposed(first)
    rid = library.import_paths([str(sample("003"))], reviewer="t").imported[0]
    first.open_report(rid)
    first.drawer.button.click()  # 700 px: the library folded when the report opened (`ui.library_drawer`)
    first.splitter.setSizes([300, 400])
    sizes = first.splitter.sizes()
    assert sizes != [360, 1240]  # not the default
    first.review.views["table3"].setColumnWidth(2, 260)
    first.library_panel.view.setColumnWidth(1, 211)  # the agency column of the library list
    first.close()  # saves the state

    second = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    second.open_report(rid)
    second.drawer.button.click()  # back at the width it had
    assert second.size() == first.size()
    assert second.splitter.sizes() == sizes
    assert second.review.views["table3"].columnWidth(2) == 260
    assert second.library_panel.view.columnWidth(1) == 211
    second.close()
