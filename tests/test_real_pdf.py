"""The real PDF (淮安市人民政府 2024): vertical group labels, wrapped labels, page footers inside table 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import truth

PDF = Path(__file__).parent / "data" / "huaian-2024.pdf"


@pytest.fixture(scope="module")
def record():
    from reviewer import parse_file

    return parse_file(PDF)


def test_real_pdf_cells(record) -> None:
    t = truth("huaian-2024")
    wrong = [(table, row, col, v, record.tables[table][row].get(col))
             for table in ("table2", "table3", "table4") for row, cols in t[table].items()
             for col, v in cols.items() if record.tables[table][row].get(col) != v]
    assert wrong == []
    assert (record.agency, record.year, record.template) == (t["agency"], t["year"], t["template"])


def test_real_pdf_prose_and_findings(record) -> None:
    t = truth("huaian-2024")
    for key, value in t["narrative"].items():
        assert record.narrative[key] == value
    assert [f for f in record.findings if f.severity in ("error", "warning")] == []
    assert record.unplaced == []  # the page footers "- 4 -" are not values
