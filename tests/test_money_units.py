"""A money cell whose unit the form leaves open (2019's 采购总金额): read from the cell or its header, or flagged."""

from __future__ import annotations

from reviewer import parse_bytes, refresh_findings
from reviewer.model import ORIGIN_EDITED, CellSource

from .conftest import SAMPLES

AMOUNT = "table2:procurement:amount"
SEED_2019 = "003_572269c7f2b1c0ee"  # prints 政府集中采购 3 · 347.08万元 under a header 采购总金额
SEED_2021_FEES = "002_45714cd7a3994f14"  # 本年收费金额（单位：万元） 13.39


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), "r.txt")


def _seed(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def _unit_findings(rec):
    return [f for f in rec.findings if f.rule == "UNIT"]


def test_a_bare_amount_under_a_header_without_unit_is_kept_and_flagged_once() -> None:
    rec = _parse(_seed(SEED_2019).replace("347.08万元", "8040"))
    assert rec.tables["table2"]["procurement"]["amount"] == 8040  # as printed, never rescaled
    found = _unit_findings(rec)
    assert [(f.severity, f.message_id, f.cells) for f in found] == [("warning", "unit_not_stated", [AMOUNT])]
    assert found[0].params["printed"] == "8040"
    assert "未注明金额单位" in found[0].message


def test_a_unit_in_the_cell_needs_no_warning() -> None:
    rec = _parse(_seed(SEED_2019))
    assert rec.tables["table2"]["procurement"]["amount"] == 347.08
    assert _unit_findings(rec) == []


def test_a_header_in_wan_yuan_states_the_unit() -> None:
    text = _seed(SEED_2019).replace("\t采购总金额\n", "\t采购总金额（万元）\n").replace("347.08万元", "347.08")
    rec = _parse(text)
    assert rec.tables["table2"]["procurement"]["amount"] == 347.08
    assert _unit_findings(rec) == []


def test_a_caption_stating_the_unit_covers_the_block() -> None:
    text = _seed(SEED_2019).replace("第二十条第（九）项", "第二十条第（九）项（金额单位：万元）").replace("347.08万元", "347.08")
    rec = _parse(text)
    assert rec.tables["table2"]["procurement"]["amount"] == 347.08
    assert _unit_findings(rec) == []


def test_a_header_in_yuan_converts_like_a_cell_in_yuan() -> None:
    text = _seed(SEED_2019).replace("\t采购总金额\n", "\t采购总金额(单位:元)\n").replace("347.08万元", "3470800")
    rec = _parse(text)
    assert rec.tables["table2"]["procurement"]["amount"] == 347.08
    assert [(f.severity, f.message_id) for f in _unit_findings(rec)] == [("info", "unit_converted_header")]
    assert rec.provenance[AMOUNT].text.endswith("3470800")  # the printed text is kept


def test_a_zero_amount_is_the_same_in_any_unit() -> None:
    rec = _parse(_seed(SEED_2019).replace("347.08万元", "0"))
    assert rec.tables["table2"]["procurement"]["amount"] == 0
    assert _unit_findings(rec) == []


def test_the_2021_fee_column_states_its_unit_in_the_form() -> None:
    text = _seed(SEED_2021_FEES).replace("本年收费金额（单位：万元）", "本年收费金额")
    rec = _parse(text)
    assert rec.tables["table2"]["fees"]["amount"] == 13.39
    assert _unit_findings(rec) == []


def test_the_warning_goes_once_the_reviewer_sets_the_amount() -> None:
    rec = _parse(_seed(SEED_2019).replace("347.08万元", "8040"))
    rec.tables["table2"]["procurement"]["amount"] = 0.804
    rec.provenance[AMOUNT] = CellSource("0.804", None, ORIGIN_EDITED)
    refresh_findings(rec)
    assert _unit_findings(rec) == []
