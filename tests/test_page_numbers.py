"""A PDF's bare page number between two rows of a space-separated table is page chrome, never a cell value; a
lone number the page sequence does not confirm is still reported, never dropped."""

from __future__ import annotations

from reviewer import parse_bytes

from .test_variants import RECORDS, VARIANTS, render

PAGED = next(v for v in VARIANTS if v.page_number)


def _text() -> tuple[dict, str]:
    rec, data, _ext = render(RECORDS[0], PAGED)
    return rec, data.decode("utf-8")


def test_page_numbers_between_rows_are_not_values() -> None:
    rec, text = _text()
    assert "\n4\n" in text and "\n5\n" in text
    got = parse_bytes(text.encode("utf-8"), "r.txt")
    assert {t: got.tables[t] for t in ("table2", "table3")} == {t: rec[t] for t in ("table2", "table3")}
    assert got.unplaced == []


def test_dashed_page_numbers_too() -> None:
    rec, text = _text()
    got = parse_bytes(text.replace("\n4\n", "\n- 4 -\n").replace("\n5\n", "\n- 5 -\n").encode("utf-8"), "r.txt")
    assert got.tables["table3"] == rec["table3"] and got.unplaced == []


def test_a_lone_number_the_page_sequence_does_not_confirm_is_reported() -> None:
    """Without page 4's number, a lone "5" might be a value: listed as unplaced for the reviewer, not dropped."""
    _rec, text = _text()
    got = parse_bytes(text.replace("\n4\n", "\n").encode("utf-8"), "r.txt")
    assert [(u.table, u.text) for u in got.unplaced] == [("table3", "5")]
