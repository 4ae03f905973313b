"""Crawler text with fused cells: every truth record joined the way scrapers save pages, read back.

A digit run can be split many ways; the format's relations choose. Where they leave several splits the cells
they disagree on stay null with the alternatives listed — never a guessed value. The solver's three outcomes
(unique, ambiguous, inconsistent) are also tested on their own.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer import parse_bytes
from reviewer.formats import load_format
from reviewer.model import Finding, Record
from reviewer.parsing.crawler import is_fused
from reviewer.parsing.fused import Figure, Piece, Slot, solve
from reviewer.rules.relations import instances

from .crawler_gen import SINGLE_OTHER, STYLES, Crawl, crawler_text
from .test_variants import DISTINCT, RECORDS, wrong_cells

CASES = [pytest.param(name, style, id=f"{style.name}-{name[:14]}") for style in STYLES for name in RECORDS]


def _flagged(rec: Record, cid: str) -> list[Finding]:
    table = cid.split(":", 1)[0]
    return [f for f in rec.findings if f.severity in ("warning", "error")
            and (cid in f.cells or f"{table}:*" in f.cells)]


def _read(name: str, style: Crawl) -> tuple[dict[str, Any], Record]:
    want, text = crawler_text(name, style)
    return want, parse_bytes(text.encode("utf-8"), "report.txt")


@pytest.mark.parametrize(("name", "style"), CASES)
def test_fused_text_reads_as_the_truth_or_says_what_it_cannot_decide(name: str, style: Crawl) -> None:
    want, rec = _read(name, style)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    if "regulations" not in want["table2"]:  # a provincial table: its label paths are lost in one line
        assert [r["value"] for r in rec.tables["table2"].values()] == [r["value"] for r in want["table2"].values()]
        want = {**want, "table2": {}}
    wrong = wrong_cells(rec, want)
    # no silently wrong value: a cell that differs is null and flagged by a warning listing the alternatives
    assert [(cid, w, got) for cid, w, got in wrong if got is not None] == []
    for cid, _w, _got in wrong:
        notes = [f for f in _flagged(rec, cid) if f.rule == "SPLIT"]
        assert notes and notes[0].params["alternatives"], cid
    # table 3 is fixed by its sums in every record
    assert [c for c, _w, _g in wrong if c.startswith("table3:")] == []
    allowed = {c for f in want.get("expected_findings", []) for c in f["cells"]}
    assert [f.message for f in rec.findings if f.severity == "error" and not set(f.cells) & allowed] == []


@pytest.mark.parametrize("name", RECORDS)
def test_fused_text_with_spaced_table2_is_exact(name: str) -> None:
    """Where the page padded table 2's cells ("行政许可52 0 7") every record reads exactly — huaian's table 4
    too, whose last block 1216 before 20 (12 · 1 · 1 · 6 / 1 · 2 · 11 · 6 / 1 · 2 · 1 · 16) no relation decides
    but its prose does (行政诉讼46件，其中结果维持25件 …)."""
    want, rec = _read(name, STYLES[3])
    if "regulations" not in want["table2"]:
        want = {**want, "table2": {}}
    assert [c for c, _w, _g in wrong_cells(rec, want)] == []


@pytest.mark.parametrize("name", [n for n in RECORDS if crawler_text(n, STYLES[0])[0]["template"] == "2021"])
def test_a_2021_report_printing_the_2019_single_other_row_reads_it_fused(name: str) -> None:
    """（六）其他处理 printed as one row (its seven values the sums of the three sub-rows): kept as row `other`,
    split by the relations that sum it in place of the three, nothing unplaced, no error."""
    want, rec = _read(name, SINGLE_OTHER)
    assert "other" in want["table3"] and "other.other" not in want["table3"]
    assert rec.tables["table3"] == want["table3"]
    assert not [u for u in rec.unplaced if u.table == "table3"]
    allowed = {c for f in want.get("expected_findings", []) for c in f["cells"]}
    assert [f.message for f in rec.findings if f.severity == "error" and not set(f.cells) & allowed] == []
    note = next(f for f in rec.findings if f.rule == "SPLIT" and "table3:other:total" in f.cells)
    assert "（六）其他处理" in note.message


def test_each_split_cell_carries_an_info_finding() -> None:
    want, rec = _read(DISTINCT, STYLES[0])
    info = [f for f in rec.findings if f.rule == "SPLIT" and f.severity == "info"]
    cells = {c for f in info for c in f.cells}
    assert all(f"table3:{row}:{col}" in cells for row, cols in want["table3"].items() for col in cols)
    new = next(f for f in info if "table3:new_received:natural" in f.cells)  # "275221193320370"
    assert new.message_id == "split_arithmetic" and "按运算拆分" in new.message
    src = rec.provenance["table3:new_received:natural"]
    assert src.span is not None
    assert rec.text[src.span[0]:src.span[1]] == src.text == str(want["table3"]["new_received"]["natural"])


def test_an_ambiguous_row_lists_its_alternatives_and_guesses_nothing() -> None:
    """行政规范性文件 printed "82666" (8 · 26 · 66 in the 淮安 report): no relation joins the three cells and the
    prose names no figure of them (its 政策性文件11件 are other documents), so all six splits stay open."""
    want, rec = _read("huaian-2024", STYLES[0])
    cols = ("issued", "repealed", "in_force")
    assert [rec.tables["table2"]["normative_documents"][c] for c in cols] == [None] * 3
    note = next(f for f in rec.findings if f.rule == "SPLIT" and "table2:normative_documents:issued" in f.cells)
    assert note.severity == "warning" and note.message_id == "split_ambiguous"
    assert set(note.params["alternatives"]) == {"8 · 2 · 666", "8 · 26 · 66", "8 · 266 · 6", "82 · 6 · 66",
                                                 "82 · 66 · 6", "826 · 6 · 6"}
    assert any(u.text == "82666" for u in rec.unplaced)  # the digits stay reported


def test_the_prose_decides_a_split_the_relations_leave_open() -> None:
    """规章 "1011" is 1 · 0 · 11 or 10 · 1 · 1 by every relation; the 淮安 prose says 新增公开市政府规章 1 件. Table
    4's last block 1211620 leaves three splits; 行政诉讼 … 结果维持 25件 (13 of them 未经复议) leaves one."""
    want, text = crawler_text("huaian-2024", STYLES[0])
    rec = parse_bytes(text.encode("utf-8"), "report.txt")
    assert rec.tables["table2"]["regulations"] == want["table2"]["regulations"] == {"issued": 1, "repealed": 0,
                                                                                    "in_force": 11}
    assert rec.tables["table4"] == want["table4"]
    notes = {f.cells[0].split(":")[1]: f for f in rec.findings if f.message_id == "split_prose"}
    assert notes["regulations"].severity == "info" and notes["regulations"].params["alternatives"] == ["10 · 1 · 1"]
    assert "新公开规章数" in notes["regulations"].message
    assert {"行政诉讼结果维持数"} <= set(notes["review"].params["figures"].split("、"))
    # the same page without those sentences: the splits stay open, nothing guessed
    for sentence in ("全年新增公开市政府规章 1 件、", "其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件"):
        assert sentence in text
        text = text.replace(sentence, "")
    rec = parse_bytes(text.encode("utf-8"), "report.txt")
    assert rec.tables["table2"]["regulations"] == {"issued": None, "repealed": None, "in_force": None}
    assert [rec.tables["table4"]["litigation_after_review"][c] for c in ("upheld", "total")] == [None, 20]
    assert not any(f.message_id == "split_prose" for f in rec.findings)


def test_prose_that_no_split_gives_chooses_nothing_and_is_reported() -> None:
    """The prose says 规章 5 件: neither 1 · 0 · 11 nor 10 · 1 · 1 gives it, so the split stays open and the
    prose check reports the figure against the table once the reviewer has chosen."""
    want, text = crawler_text("huaian-2024", STYLES[0])
    text = text.replace("全年新增公开市政府规章 1 件", "全年新增公开市政府规章 5 件")
    rec = parse_bytes(text.encode("utf-8"), "report.txt")
    assert rec.narrative["regulations_published"] == 5
    assert rec.tables["table2"]["regulations"]["issued"] is None
    note = next(f for f in rec.findings if f.rule == "SPLIT" and "table2:regulations:issued" in f.cells)
    assert note.message_id == "split_ambiguous"


def test_an_inconsistent_table_takes_the_split_breaking_fewest_relations() -> None:
    """A row whose printed total is off by one: no split adds up; the printed one breaks the fewest rules."""
    want, text = crawler_text(DISTINCT, STYLES[0])
    row = want["table3"]["denied.process_info"]
    printed = "".join(str(row[c]) for c in row)
    bad = printed[:-len(str(row["total"]))] + str(row["total"] + 1)
    assert text.count(printed) == 1
    rec = parse_bytes(text.replace(printed, bad).encode("utf-8"), "report.txt")
    got = rec.tables["table3"]["denied.process_info"]
    assert got == {**row, "total": row["total"] + 1}
    note = next(f for f in rec.findings if f.rule == "SPLIT" and "table3:denied.process_info:total" in f.cells)
    assert note.severity == "warning" and note.message_id == "split_least" and note.params["alternatives"]
    assert any(f.rule == "R2" and "table3:denied.process_info:total" in f.cells for f in rec.findings)


def _review_slot(run: str) -> Slot:
    cells = tuple(f"table4:review:{c}" for c in ("upheld", "corrected", "other", "pending", "total"))
    return Slot(cells, ("count",) * 5, (Piece(run, 0, len(run)),))


def test_solver_unique_split() -> None:
    (res,) = solve([_review_slot("9100019")], instances(load_format("2021")))
    assert res.status == "unique"
    assert [p.text if p else None for p in res.placed.values()] == ["9", "10", "0", "0", "19"]


def test_solver_ambiguous_split_places_only_what_all_agree_on() -> None:
    (res,) = solve([_review_slot("1120013")], instances(load_format("2021")))
    assert res.status == "ambiguous"
    assert sorted(res.undecided) == ["table4:review:corrected", "table4:review:upheld"]
    assert [p.text if p else None for p in res.placed.values()] == ["0", "0", "13"]
    texts = {" · ".join(p.text for p in a if p) for a in res.alternatives}
    assert texts == {"1 · 12 · 0 · 0 · 13", "11 · 2 · 0 · 0 · 13"}


def test_solver_inconsistent_row_keeps_the_fewest_broken() -> None:
    (res,) = solve([_review_slot("11115")], instances(load_format("2021")))
    assert res.status == "only" and res.violations == 1  # 1+1+1+1 is not 5, and no other split exists


def test_a_report_with_separated_cells_is_not_fused() -> None:
    text = "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t4\t0\t0\t0\t0\t0\t4\n" * 3 + "说明。" * 80
    assert not is_fused(text)


def test_the_crawler_header_never_becomes_the_agency() -> None:
    want, text = crawler_text("000_b710f638428fe90f", STYLES[0])
    text = text.replace(f"发布机构:{want['agency']}", "发布机构:临清市人民政府办公室")
    rec = parse_bytes(text.encode("utf-8"), "report.txt")
    assert rec.agency == want["agency"] and rec.region == "临清市"


@pytest.mark.parametrize("name", [n for n in RECORDS if n[:3].isdigit() and "-" not in n])
def test_a_header_block_and_breadcrumb_before_a_seed_leave_agency_year_and_tables(name: str) -> None:
    """The same seed text saved by a scraper: a header block, then the site's breadcrumb before the title."""
    from .builders import SAMPLES, truth

    want = truth(name)
    text = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    saved = (f"标题：{want['agency']}{want['year']}年政府信息公开工作年度报告\n发布时间：{want['year'] + 1}-01-15\n"
             f"发布机构：某某市人民政府办公室\n栏目：年度报告\n原文链接：http://www.example.gov.cn/a.html\n\n"
             f"当前位置：首页 > 政务公开 > 政府信息公开年报 > {text}")
    rec = parse_bytes(saved.encode("utf-8"), "saved.txt")
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    assert not any(k in (rec.agency or "") + (rec.region or "") for k in ("标题", "发布", "当前位置", "首页", "某某"))
    assert wrong_cells(rec, {**want, "table2": {}}) == []


def test_a_split_only_a_heuristic_bound_decides_is_a_warning_with_the_alternatives() -> None:
    """2019 规章 "5312": R9 (本年新制作 ≤ 对外公开总数) leaves 5 · 3 · 12, but R9 is a warning-level bound a
    report may break, so 5 · 31 · 2 and 53 · 1 · 2 stay listed and the reviewer is asked to check."""
    cells = tuple(f"table2:regulations:{c}" for c in ("made", "published", "total_published"))
    (res,) = solve([Slot(cells, ("count",) * 3, (Piece("5312", 0, 4),))], instances(load_format("2019")))
    assert res.status == "heuristic"
    assert [p.text for p in res.placed.values() if p] == ["5", "3", "12"]
    assert {" · ".join(p.text for p in a if p) for a in res.alternatives} == {"5 · 31 · 2", "53 · 1 · 2"}


def _t3_slot(segments: list[str]) -> Slot:
    cols = ("natural", "commercial", "research", "social", "legal", "other", "total")
    pieces, at = [], 0
    for text in segments:
        pieces.append(Piece(text, at, at + len(text)))
        at += len(text) + 1
    return Slot(tuple(f"table3:granted:{c}" for c in cols), ("count",) * 7, tuple(pieces))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.just(0), st.integers(1, 9), st.integers(10, 999), st.integers(1000, 99999)),
                      min_size=6, max_size=6),
       cut=st.integers(0, 7))
def test_the_block_search_finds_exactly_the_splits_of_the_general_search(parts: list[int], cut: int) -> None:
    """Table 3's rows and table 4 go to the fast block search: it must find the very splits the general search
    finds, whether the run is one segment or padded once (cut)."""
    from reviewer.parsing.fused import enumerate_splits

    figures = [str(v) for v in [*parts, sum(parts)]]
    run = "".join(figures)
    segments = [run] if cut in (0, 7) else ["".join(figures[:cut]), "".join(figures[cut:])]
    slot, rels = _t3_slot(segments), instances(load_format("2021"))
    fast, ruled_fast, done_fast = enumerate_splits(slot, rels)
    general, ruled_general, done_general = enumerate_splits(slot, rels, fast=False)
    assert done_fast and done_general
    assert sorted(str(c.split) for c in fast) == sorted(str(c.split) for c in general)
    assert [*parts, sum(parts)] in [list(c.values) for c in fast]
    if len(fast) == 1 and ruled_fast:  # other cuts exist that the totals rule out: the general search saw it too
        assert ruled_general  # (it may also say so of cuts the number rules alone refuse: "010" is never 01 · 0)


def _figure(key: str, stated: int) -> Figure:
    col = key.split("_", 1)[1]
    return Figure(key, key, stated, ((f"table4:review:{col}",),))


@pytest.mark.parametrize(("figures", "decided"), [
    ([], None),  # the relations alone: 1 · 12 or 11 · 2 before 0 · 0 · 13
    ([("review_upheld", 11)], ["11", "2", "0", "0", "13"]),  # the prose says 结果维持11件
    ([("review_corrected", 12)], ["1", "12", "0", "0", "13"]),
    ([("review_upheld", 5)], None),  # no split gives it: set aside, nothing chosen
    ([("review_upheld", 11), ("review_corrected", 12)], None),  # each alone would choose, together none fits
    ([("review_upheld", 11), ("review_pending", 0)], ["11", "2", "0", "0", "13"]),  # one agreeing with all
])
def test_solver_lets_stated_figures_choose_only_among_the_splits_the_relations_allow(
        figures: list[tuple[str, int]], decided: list[str] | None) -> None:
    (res,) = solve([_review_slot("1120013")], instances(load_format("2021")),
                   prose=[_figure(k, v) for k, v in figures])
    if decided is None:
        assert res.status == "ambiguous" and sorted(res.undecided) == ["table4:review:corrected", "table4:review:upheld"]
        return
    assert res.status == "prose" and not res.undecided
    assert [p.text if p else None for p in res.placed.values()] == decided
    assert len(res.alternatives) == 1 and res.prose == [figures[0][0]]


def test_a_stated_figure_decides_its_row_however_many_other_rows_stay_open() -> None:
    """Seed 003 (2019) leaves 行政许可, 其他对外管理服务事项 and 政府集中采购 open (hundreds of combinations); rows no
    relation joins are solved apart, so a stated 制定规章1件 still decides 规章 "1011" (1 · 0 · 11, not 10 · 1 · 1)."""
    want, text = crawler_text("003_572269c7f2b1c0ee", STYLES[0])
    assert text.count("规章000规范性文件000") == 1
    text = text.replace("规章000规范性文件000", "规章1011规范性文件000").replace("一、总体情况", "一、总体情况本年制定规章1件。")
    rec = parse_bytes(text.encode("utf-8"), "report.txt")
    assert rec.tables["table2"]["regulations"] == {"made": 1, "published": 0, "total_published": 11}
    assert next(f for f in rec.findings if "table2:regulations:made" in f.cells).message_id == "split_prose"
    assert rec.tables["table2"]["licensing"] == {"prev_items": None, "change": None, "decisions": None}
