"""Real LibreOffice conversions of Word reports (PDF and HTML) parse to the expected tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer import parse_file

from .conftest import truth

DATA = Path(__file__).parent / "data" / "libreoffice"
CASES = {
    "form-000.pdf": "000_b710f638428fe90f",
    "form-huaian.pdf": "huaian-2024",
    "narrow-003.pdf": "003_572269c7f2b1c0ee",
    "form-000.html": "000_b710f638428fe90f",
    "form-huaian.html": "huaian-2024",
}


@pytest.mark.parametrize(("name", "source"), CASES.items())
def test_libreoffice_output_parses_to_the_source_record(name: str, source: str) -> None:
    rec = parse_file(DATA / name)
    t = truth(source)
    wrong = [(tb, r, c, v, rec.tables[tb].get(r, {}).get(c)) for tb in ("table2", "table3", "table4")
             for r, cols in t[tb].items() for c, v in cols.items() if rec.tables[tb].get(r, {}).get(c) != v]
    assert wrong == []
    assert (rec.agency, rec.year, rec.template) == (t["agency"], t["year"], t["template"])
    assert rec.unplaced == []
    expected_errors = {"R2", "R3"} if source.startswith("003") else set()
    assert {f.rule for f in rec.findings if f.severity == "error"} == expected_errors
