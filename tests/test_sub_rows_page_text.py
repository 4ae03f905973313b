"""Sub-rows printed under a table-2 row (行政检查 / 行政确认 under 其他对外管理服务事项, seen in 2019 reports) in a
page's text with one cell a line: the form's row stays blank and every part's values are listed as unplaced, as
in the other forms (tests/test_layouts.py), never absorbed into the row."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes

from .builders import Span
from .test_variants import RECORDS, _record
from .variants_layouts import HEADS, _prose_blocks, _tables
from .variants_page_text import ONE_CELL_A_LINE, PAGE_TEXT, table_text

PARTS = (("行政检查", ("12", "0", "486")), ("行政确认", ("3", "0", "5")))
FORMS = [p for p in PAGE_TEXT if p.cells in ONE_CELL_A_LINE and not p.traditional]
RECORDS_2019 = [n for n in RECORDS if "other_services" in _record(n)[0]["table2"]
                and "regulations" in _record(n)[0]["table2"]]


def _with_sub_rows(grid: list[list[Span]], parent: str) -> list[list[Span]]:
    """The row's label alone on its line (`alone`) or with its empty cells (`blank-cells`), its parts under it."""
    k = next(i for i, row in enumerate(grid) if row and row[0].text.startswith("其他对外管理服务事项"))
    width = len(grid[k]) if parent == "blank-cells" else 1
    parts = [[Span(label), *(Span(v) for v in values)] for label, values in PARTS]
    return [*grid[:k], [Span("其他对外管理服务事项"), *(Span("") for _ in range(width - 1))], *parts, *grid[k + 1:]]


@pytest.mark.parametrize("parent", ["alone", "blank-cells"])
@pytest.mark.parametrize("name", RECORDS_2019)
@pytest.mark.parametrize("form", FORMS, ids=[p.name for p in FORMS])
def test_sub_rows_a_cell_a_line_are_listed_not_absorbed(name: str, form: object, parent: str) -> None:
    p = form
    rec, prose, tables = _tables(name, p.variant)  # type: ignore[attr-defined]
    head, tail = _prose_blocks(rec, prose, p.variant)  # type: ignore[attr-defined]
    parts = list(head)
    for k, (title, (grid, _)) in enumerate(zip(HEADS, tables, strict=True)):
        parts += [title, *table_text(_with_sub_rows(grid, parent) if k == 0 else grid, p.cells)]  # type: ignore[attr-defined]
    text = ("\n\n" if p.paragraph_gap else "\n").join([*parts, *tail])  # type: ignore[attr-defined]
    got = parse_bytes(text.encode("utf-8"), "report.txt")
    assert set(got.tables["table2"]["other_services"].values()) == {None}
    assert [u.text for u in got.unplaced if u.table == "table2"] == [v for _l, vs in PARTS for v in vs]
    assert {r: v for r, v in got.tables["table2"].items() if r != "other_services"} == {
        r: v for r, v in rec["table2"].items() if r != "other_services"}
