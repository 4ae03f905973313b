"""Crawler text with fused cells: every truth record joined the way scrapers save pages, read back.

A digit run can be split many ways; the format's relations choose. Where they leave several splits the cells
they disagree on stay null with the alternatives listed — never a guessed value. The solver's three outcomes
(unique, ambiguous, inconsistent) are also tested on their own.
"""

from __future__ import annotations

from typing import Any

import pytest

from reviewer import parse_bytes
from reviewer.formats import load_format
from reviewer.model import Finding, Record
from reviewer.parsing.crawler import is_fused
from reviewer.parsing.fused import Piece, Slot, solve
from reviewer.rules.relations import instances

from .crawler_gen import STYLES, Crawl, crawler_text
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
    """Where the page padded table 2's cells ("行政许可52 0 7") every record reads exactly, except huaian's
    table 4, whose last block 1216 (12 · 1 · 1 · 6 / 1 · 2 · 11 · 6 / 1 · 2 · 1 · 16 before 20) no rule decides."""
    want, rec = _read(name, STYLES[3])
    if "regulations" not in want["table2"]:
        want = {**want, "table2": {}}
    wrong = [c for c, _w, _g in wrong_cells(rec, want)]
    expected = [f"table4:litigation_after_review:{c}" for c in ("upheld", "corrected", "other", "pending")]
    assert wrong == (expected if name == "huaian-2024" else [])


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
    """规章 printed "1011" (1 · 0 · 11 in the 淮安 report): 10 · 1 · 1 fits every rule too."""
    want, rec = _read("huaian-2024", STYLES[0])
    assert [rec.tables["table2"]["regulations"][c] for c in ("issued", "repealed", "in_force")] == [None] * 3
    note = next(f for f in rec.findings if f.rule == "SPLIT" and "table2:regulations:issued" in f.cells)
    assert note.severity == "warning" and note.message_id == "split_ambiguous"
    assert set(note.params["alternatives"]) == {"1 · 0 · 11", "10 · 1 · 1"}
    assert any(u.text == "1011" for u in rec.unplaced)  # the digits stay reported


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
