"""Each bundled sample parses to its expected record, cell by cell, with the findings a reviewer must see."""

from __future__ import annotations

import pytest

from reviewer import parse_file
from reviewer.model import Record

from .conftest import SAMPLES, SEEDS, truth

CLEAN = [s for s in SEEDS if s[:3] in {"000", "001", "002"}]


def _parse(name: str) -> Record:
    return parse_file(SAMPLES / f"{name}.txt")


def _cells(t: dict) -> list[tuple[str, str, str, object]]:
    return [(table, row, col, v) for table in ("table2", "table3", "table4")
            for row, cols in t[table].items() for col, v in cols.items()]


def test_every_expected_cell_is_read(seed: str) -> None:
    t = truth(seed)
    rec = _parse(seed)
    wrong = [(f"{table}:{row}:{col}", want, rec.tables.get(table, {}).get(row, {}).get(col, "absent"))
             for table, row, col, want in _cells(t)
             if rec.tables.get(table, {}).get(row, {}).get(col, "absent") != want
             or type(rec.tables[table][row][col]) is not type(want)]
    assert wrong == []


def test_no_cell_beyond_the_expected_rows(seed: str) -> None:
    t = truth(seed)
    rec = _parse(seed)
    for table in ("table2", "table3", "table4"):
        assert set(rec.tables[table]) == set(t[table])
        for row in t[table]:
            assert set(rec.tables[table][row]) == set(t[table][row])


def test_metadata_and_format(seed: str) -> None:
    t = truth(seed)
    rec = _parse(seed)
    assert (rec.agency, rec.year, rec.template) == (t["agency"], t["year"], t["template"])
    assert rec.table2_variant == (None if "table2_variant" not in t else rec.table2_variant)


def test_stated_figures(seed: str) -> None:
    t = truth(seed)
    rec = _parse(seed)
    for key, value in t["narrative"].items():
        assert rec.narrative.get(key) == value, key


@pytest.mark.parametrize("name", CLEAN)
def test_clean_reports_have_no_error(name: str) -> None:
    rec = _parse(name)
    assert [f.message for f in rec.findings if f.severity == "error"] == []
    assert rec.unplaced == []


def test_expected_findings_are_shown(seed: str) -> None:
    rec = _parse(seed)
    for expected in truth(seed)["expected_findings"]:
        assert any(set(expected["cells"]) <= set(f.cells) and f.severity in ("error", "warning")
                   for f in rec.findings), expected


def test_seed_003_one_cell_breaks_two_relations() -> None:
    rec = _parse("003_572269c7f2b1c0ee")
    errors = [f for f in rec.findings if f.severity == "error"]
    assert {f.rule for f in errors} == {"R2", "R3"}
    row = next(f for f in errors if f.rule == "R2")
    col = next(f for f in errors if f.rule == "R3")
    assert set(row.cells) == {f"table3:unable.not_held:{c}" for c in
                              ("natural", "commercial", "research", "social", "legal", "other", "total")}
    assert "table3:total:total" in col.cells and "table3:unable.not_held:total" in col.cells
    assert "本机关不掌握相关政府信息" in row.message and "3" in row.message and "0" in row.message
    for f in errors:
        assert f.suggestion == {"cell": "table3:unable.not_held:total", "value": 3}
    assert truth("003_572269c7f2b1c0ee")["suggested_fix"] == {"table3:unable.not_held:total": 3}


def test_seed_004_rows_placed_by_position_are_said() -> None:
    rec = _parse("004_0dc7f1f0762d964b")
    pos = [f for f in rec.findings if f.rule == "POSITION"]
    assert len(pos) == 1 and "table3:*" in pos[0].cells
    placed = {c for c, src in rec.provenance.items() if src.origin == "position"}
    assert "table3:granted:natural" in placed and "table3:total:total" in placed
    assert "table3:new_received:total" not in placed  # its label was printed
    # the extra zeros of the mangled rows are reported, not dropped
    assert rec.unplaced and all(u.table == "table3" for u in rec.unplaced)
    assert any(f.rule == "UNPLACED" for f in rec.findings)


def test_seed_004_blank_total_is_a_blank_not_a_zero() -> None:
    rec = _parse("004_0dc7f1f0762d964b")
    assert rec.tables["table2"]["合计"]["value"] is None
    blank = next(f for f in rec.findings if f.cells == ["table2:合计:value"])
    assert blank.severity == "warning" and "2253" in blank.message


def test_amount_with_unit_and_decimals() -> None:
    assert _parse("003_572269c7f2b1c0ee").tables["table2"]["procurement"]["amount"] == 347.08
    assert _parse("002_45714cd7a3994f14").tables["table2"]["fees"]["amount"] == 13.39


def test_every_cell_traces_to_its_printed_text(seed: str) -> None:
    rec = _parse(seed)
    for cid, src in rec.provenance.items():
        if src.span is not None and src.text:
            a, b = src.span
            assert rec.text[a:b].replace("\t", "") .replace("\n", "") == src.text.replace("\n", ""), cid


def test_json_round_trip(seed: str) -> None:
    rec = _parse(seed)
    again = Record.from_json(rec.to_json())
    assert again.to_json() == rec.to_json()
