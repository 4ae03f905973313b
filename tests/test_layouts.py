"""The same report in the layouts real extraction produces parses to the same tables."""

from __future__ import annotations

import re

import pytest

from benchmarks.bench_parse import as_markdown
from reviewer import parse_bytes

from .conftest import SAMPLES, SEEDS, truth


def _text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def _tables_equal(rec, t: dict) -> list[str]:
    return [f"{tb}:{r}:{c}" for tb in ("table2", "table3", "table4") for r, cols in t[tb].items()
            for c, v in cols.items() if rec.tables.get(tb, {}).get(r, {}).get(c, "absent") != v]


@pytest.mark.parametrize("name", [s for s in SEEDS if not s.startswith("004")])
def test_markdown_pipe_tables(name: str) -> None:
    rec = parse_bytes(as_markdown(_text(name)).encode("utf-8"), "r.md")
    assert _tables_equal(rec, truth(name)) == []


def test_tab_separated_rows_flattened_to_spaces() -> None:
    """Seed 002's tab rows as PDF text: cells separated by single spaces, blank cells gone."""
    name = "002_45714cd7a3994f14"
    text = re.sub(r"\t+", " ", _text(name))
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert _tables_equal(rec, truth(name)) == []


def test_a_cell_split_in_two_is_joined_back_when_the_row_total_says_so() -> None:
    name = "000_b710f638428fe90f"
    text = _text(name)
    # make 予以公开 read 12 (natural) and 12 (total), then split the natural cell into "1" and "2"
    text = text.replace("（一）予以公开\n\t4\n", "（一）予以公开\n\t1\n\t2\n", 1)
    text = text.replace("\t0\n\t4\n\n\t\n\t[bookmark: _Hlk66973981]", "\t0\n\t12\n\n\t\n\t[bookmark: _Hlk66973981]", 1)
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table3"]["granted"]["natural"] == 12
    assert rec.tables["table3"]["granted"]["total"] == 12


def test_notes_inside_labels_and_2019_wording_in_a_2021_report() -> None:
    name = "002_45714cd7a3994f14"
    text = _text(name).replace("规章\t0\t0\t0", "规章(设区的市、自治州人民政府应提供相关数据)\t0\t0\t0")
    text = text.replace("行政规范性文件\t0", "规范性文件\t0")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert _tables_equal(rec, truth(name)) == []


def test_money_in_yuan_is_converted_with_a_note() -> None:
    name = "003_572269c7f2b1c0ee"
    text = _text(name).replace("347.08万元", "3470800元")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table2"]["procurement"]["amount"] == 347.08
    assert any(f.rule == "UNIT" and f.cells == ["table2:procurement:amount"] for f in rec.findings)


def test_a_row_with_an_unknown_label_is_reported_not_dropped() -> None:
    name = "002_45714cd7a3994f14"
    text = _text(name).replace("行政强制\t0\t\t", "行政强制\t0\t\t\n其他主动公开文件\t57\t\t")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert [u.text for u in rec.unplaced] == ["57"]
    assert any(f.rule == "UNPLACED" for f in rec.findings)
    assert _tables_equal(rec, truth(name)) == []


def test_missing_rows_are_blank_not_zero() -> None:
    name = "002_45714cd7a3994f14"
    text = "\n".join(line for line in _text(name).split("\n") if not line.startswith("\t\t2. 重复申请"))
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert set(rec.tables["table3"]["not_processed.duplicate"].values()) == {None}
    assert any(f.rule == "BLANK" and "table3:not_processed.duplicate:total" in f.cells for f in rec.findings)


def test_one_cell_per_line_without_tabs() -> None:
    """Text copied from a web page: every cell on its own line, no tabs, no blank lines between rows."""
    name = "001_0e482e19bd443c5d"
    lines = [ln.strip() for ln in _text(name).split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert _tables_equal(rec, truth(name)) == []


def test_malformed_number_is_kept_and_flagged() -> None:
    name = "003_572269c7f2b1c0ee"
    text = _text(name).replace("\t行政许可\n\t85\n\t0\n", "\t行政许可\n\t85\n\t--253\n", 1)
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table2"]["licensing"] == {"prev_items": 85, "change": None, "decisions": 14873}
    assert rec.provenance["table2:licensing:change"].text == "--253"
    bad = [f for f in rec.findings if f.cells == ["table2:licensing:change"]]
    assert [f.severity for f in bad] == ["error"] and "--253" in bad[0].message


def test_sub_rows_under_a_form_row_are_listed_not_taken_for_it() -> None:
    """其他对外管理服务事项 printed as a label line over rows of its own parts (行政检查, 行政确认): the form's row
    stays blank and every part's values are listed as unplaced, never the first part's taken for the whole."""
    name = "003_572269c7f2b1c0ee"
    text = _text(name).replace("\t其他对外管理服务事项\n\t12\n\t0\n\t486\n",
                               "其他对外管理服务事项\n行政检查\t12\t0\t486\n行政确认\t3\t0\t5\n")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table2"]["other_services"] == {"prev_items": None, "change": None, "decisions": None}
    assert [u.text for u in rec.unplaced] == ["12", "0", "486", "3", "0", "5"]
    assert any(f.rule == "UNPLACED" for f in rec.findings)
    assert rec.tables["table2"]["licensing"] == truth(name)["table2"]["licensing"]


def test_a_label_wrapped_over_two_lines_is_not_a_sub_row() -> None:
    name = "003_572269c7f2b1c0ee"
    text = _text(name).replace("\t其他对外管理服务事项\n\t12\n\t0\n\t486\n", "其他对外管理\n服务事项\t12\t0\t486\n")
    rec = parse_bytes(text.encode("utf-8"), "r.txt")
    assert rec.tables["table2"] == truth(name)["table2"]
    assert rec.unplaced == []
