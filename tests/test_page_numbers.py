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


def test_a_lone_number_after_a_short_row_is_not_taken_for_a_page_number() -> None:
    """The row above prints one value fewer than the row below: the lone number may be its wrapped last value,
    so it is kept (placed or listed), never dropped as page chrome."""
    _rec, text = _text()
    k = text.index("\n5\n")
    above = text.rindex("\n", 0, k)
    short = text[:above] + text[above:k].rsplit("  ", 1)[0] + text[k:]
    got = parse_bytes(short.encode("utf-8"), "r.txt")
    row = "3.危及“三安全一稳定”"
    assert row in text[above:k]
    placed = [s.text for c, s in got.provenance.items() if c.startswith("table3:") and s.span and s.span[0] == k + 1]
    assert placed or ("table3", "5") in [(u.table, u.text) for u in got.unplaced]
