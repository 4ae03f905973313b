"""The layouts of #8 part 2 (PDF→Markdown, Word-export HTML, the 2019 （六）其他处理 row in a 2021 report, labels
that differ from the form), rendered from every truth record and read back cell by cell."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes
from reviewer.model import Record

from .variants_layouts import LayoutCase, all_cases

CASES = list(all_cases())


def silently_wrong(rec: Record, want: dict) -> list[tuple[str, object, object]]:
    """Cells that differ from the truth and that no finding names (the cell or its whole table)."""
    named = {c for f in rec.findings for c in f.cells}
    out = []
    for table in ("table2", "table3", "table4"):
        for row, cols in want[table].items():
            for col, value in cols.items():
                got = rec.tables.get(table, {}).get(row, {}).get(col, "absent")
                cid = f"{table}:{row}:{col}"
                if got != value and cid not in named and f"{table}:*" not in named:
                    out.append((cid, value, got))
    return out


def wrong_cells(rec: Record, want: dict) -> list[tuple[str, object, object]]:
    out = []
    for table in ("table2", "table3", "table4"):
        for row, cols in want[table].items():
            for col, value in cols.items():
                got = rec.tables.get(table, {}).get(row, {}).get(col, "absent")
                if got != value:
                    out.append((f"{table}:{row}:{col}", value, got))
        extra = set(rec.tables.get(table, {})) - set(want[table])
        out += [(f"{table}:{row}:*", "absent", "present") for row in sorted(extra)]
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_layout_reads_as_the_truth(case: LayoutCase) -> None:
    want = case.want
    rec = parse_bytes(case.data, case.filename)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    assert silently_wrong(rec, want) == []
    assert wrong_cells(rec, want) == []
    assert [(u.table, u.text, u.reason) for u in rec.unplaced] == []
    allowed = {c for f in want.get("expected_findings", []) for c in f["cells"]}
    assert [f.message for f in rec.findings if f.severity == "error" and not set(f.cells) & allowed] == []
