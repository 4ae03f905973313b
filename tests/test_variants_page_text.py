"""A web page's text as crawlers and page-to-text tools store it (tests/variants_page_text.py), rendered from
every truth record and read back cell by cell: nothing wrong, nothing unplaced, no false error."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes
from reviewer.reading.layout import text_to_rows

from .test_variants_layouts import silently_wrong, wrong_cells
from .variants_layouts import LayoutCase, score
from .variants_page_text import page_text_cases

CASES = list(page_text_cases())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_page_text_reads_as_the_truth(case: LayoutCase) -> None:
    want = case.want
    rec = parse_bytes(case.data, case.filename)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    assert silently_wrong(rec, want) == []
    assert wrong_cells(rec, want) == []
    assert [(u.table, u.text, u.reason) for u in rec.unplaced] == []
    s = score(case, rec)
    assert (s.flagged, s.false_errors) == (s.expected, 0)


def test_a_cell_a_line_keeps_its_empty_cells_and_drops_the_padding() -> None:
    text = "信息内容 |\n本年制发件数 |\n规章 |\n3 |\n|\n12 | ||\n|||\n行政许可 |\n5 | ||"
    assert [[c.text for c in row] for row in text_to_rows(text)] == [
        ["信息内容"], ["本年制发件数"], ["规章"], ["3"], [""], ["12"], ["行政许可"], ["5"]]


def test_markdown_rows_without_edge_pipes_are_not_read_as_a_cell_a_line() -> None:
    """`规章 | | |` in a Markdown table without edge pipes is a label and two blank cells, not one cell."""
    text = "信息内容 | 本年制发件数 | 本年废止件数\n规章 | 2 | 0\n规范性文件 | 4 | 1\n行政许可 | | \n行政处罚 | 7 | 0"
    assert [[c.text for c in row] for row in text_to_rows(text)][3] == ["行政许可", ""]


@pytest.mark.parametrize(("printed", "value"), [("? 0", 0), ("?12", 12), ("\ufffd 3", 3), ("?", None), ("3?", None)])
def test_a_space_lost_in_re_encoding_before_a_number(printed: str, value: int | None) -> None:
    """A page re-encoded without its no-break spaces prints "? 0": the number is still the cell's value."""
    from reviewer.values import parse_printed

    assert parse_printed(printed).value == value


def test_cells_joined_by_a_line_break_and_a_pipe_make_their_rows() -> None:
    """`label` / `| cell` … / `|`: a pipe alone before another cell is an empty cell, before anything else the
    row's end; a line without a pipe inside a row continues the cell before it."""
    text = "指标名称\n| 计量\n单位\n| 本年\n|\n规章\n| 3\n|\n| 12\n|\n全年无其他情况说明"
    assert [[c.text for c in row] for row in text_to_rows(text)] == [
        ["指标名称", "计量单位", "本年"], ["规章", "3", "", "12"], ["全年无其他情况说明"]]


def test_a_text_file_with_an_html_table_near_its_top_is_read_as_text() -> None:
    """OCR output saved as .txt: a title, then `<html><body><table>…`: the title stays a line of its own and the
    table's rows are read, spans expanded (a label in each position it covers, a number once)."""
    from reviewer.reading import read_bytes

    text = ("某某局2023年政府信息公开工作年度报告\n\n# 二、主动公开政府信息情况\n\n<html><body><table>"
            "<tr><td colspan=\"4\">第二十条第（一）项</td></tr><tr><td>规章</td><td>1</td><td>&nbsp;</td>"
            "<td colspan=\"2\">3</td></tr></table></body></html>\n")
    doc = read_bytes(text.encode("utf-8"), "report.txt")
    rows = [[c.text for c in row] for row in doc.rows]
    assert rows == [["某某局2023年政府信息公开工作年度报告"], ["二、主动公开政府信息情况"], ["第二十条第（一）项"] * 4 + [""],
                    ["规章", "1", "", "3", ""]]
    three = doc.rows[3][3]
    assert doc.text[three.start:three.end] == "3"


def test_pdf_text_prose_wrapped_after_a_comma_is_not_a_table_row() -> None:
    """A flip-book page's text: the prose before table 4 wrapped at the page width ("2020 年,我单位…公开,"), the
    header's characters stacked, the fifteen values on one line: the year is prose, every value is placed."""
    from .conftest import SAMPLES, truth

    name = "001_0e482e19bd443c5d"
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    start, end = text.index("四、政府信息公开行政复议"), text.index("五、", text.index("四、政府信息公开行政复议"))
    t4 = truth(name)["table4"]
    values = " ".join(str(t4[g][c]) for g in ("review", "litigation_direct", "litigation_after_review")
                      for c in ("upheld", "corrected", "other", "pending", "total"))
    table = ("四、政府信息公开行政复议、行政诉讼情况\n2020 年,本局对形成的政府信息依法、有序公开,\n"
             "全年未出现申请行政复议、提起行政诉讼的情况。\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n结 结 其 尚\n"
             "结 结 其 尚 结 结 其 尚\n果 果 他 未\n总计 果 果 他 未 总 果 果 他 未 总\n维 纠 结 审\n"
             f"维 纠 结 审 计 维 纠 结 审 计\n持 正 果 结\n持 正 果 结 持 正 果 结\n{values}\n")
    rec = parse_bytes((text[:start] + table + text[end:]).encode("utf-8"), "r.txt")
    assert rec.tables["table4"] == t4
    assert rec.unplaced == []
