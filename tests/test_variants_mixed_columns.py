"""Table 2 printed with another format's columns (tests/variants_mixed_columns.py), from every truth record:
a column the form does not have is never filled by position; a column the header names gets its value."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes

from .test_variants_layouts import silently_wrong, wrong_cells
from .variants_layouts import LayoutCase, score
from .variants_mixed_columns import mixed_cases

CASES = list(mixed_cases())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_mixed_columns_read_as_printed(case: LayoutCase) -> None:
    want = case.want
    rec = parse_bytes(case.data, case.filename)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    assert silently_wrong(rec, want) == []
    wrong = wrong_cells(rec, want)
    if case.variant.endswith("-crawl"):  # a digit run only its split's alternatives decide stays open, flagged
        named = {c for f in rec.findings for c in f.cells}
        assert [w for w in wrong if w[2] is not None or w[0] not in named] == []
    else:
        assert wrong == []
    s = score(case, rec)
    assert (s.flagged, s.false_errors) == (s.expected, 0)
    ours = [u for u in rec.unplaced if "另一格式" in u.reason]
    if case.variant.startswith("2019-columns-in-2021"):  # block （一）'s values are reported, the header named
        assert ours and all("本年新制作数量" in u.reason for u in ours)
        assert "".join(u.text for u in ours) == "".join(
            str(want_value) for want_value in _printed_block_one(case))
        assert any(f.rule == "UNPLACED" for f in rec.findings)
        assert want["table2"]["regulations"] == dict.fromkeys(("issued", "repealed", "in_force"))
    else:
        assert ours == []


def _printed_block_one(case: LayoutCase) -> list[object]:
    """The six values block （一） prints, in order (the renderings print no blanks)."""
    from .test_variants import _record

    rec = _record(case.record)[0]
    return [v for key in ("regulations", "normative_documents") for v in rec["table2"][key].values()]


def test_a_header_cut_short_never_moves_values_between_columns() -> None:
    """A header whose cells lost their second line (`本年新` `本年新` `对外公开总数量`) names no column outright:
    the row's values stay in the form's order, a blank last cell stays blank."""
    text = ("某某局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项 |\n||||\n信息内容 |\n"
            "本年新 |\n本年新 |\n对外公开总数量 |\n|\n规章 |\n5 |\n6 |\n|\n|\n规范性文件 |\n1 |\n2 |\n3 |\n|\n"
            "三、收到和处理政府信息公开申请情况\n")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table2"]["regulations"] == {"made": 5, "published": 6, "total_published": None}
    assert rec.tables["table2"]["normative_documents"] == {"made": 1, "published": 2, "total_published": 3}


def test_digits_joined_to_a_row_label_are_listed_never_dropped() -> None:
    """Table 2 copied without separators (`规章000`) in a report whose other tables are read as cells: the digits
    are listed as unplaced values, not lost inside the label."""
    text = ("某某乡2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容本年新制作数量本年新公开数量对外公开总数量\n"
            "规章000\n规范性文件123\n三、收到和处理政府信息公开申请情况\n")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert [(u.table, u.text) for u in rec.unplaced] == [("table2", "000"), ("table2", "123")]
    assert rec.tables["table2"]["regulations"] == dict.fromkeys(("made", "published", "total_published"))
