"""Table 2 printed with another format's columns (tests/variants_mixed_columns.py), from every truth record:
a column the form does not have is never filled by position; a column the header names gets its value."""

from __future__ import annotations

import pytest

from reviewer import parse_bytes

from .test_variants_layouts import silently_wrong, wrong_cells
from .variants_layouts import LayoutCase, score
from .variants_mixed_columns import mixed_cases

CASES = list(mixed_cases())


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_mixed_columns_read_as_printed(case: LayoutCase) -> None:
    want = case.want
    rec = parse_bytes(case.data, case.filename)
    assert (rec.agency, rec.year, rec.template) == (want["agency"], want["year"], want["template"])
    assert silently_wrong(rec, want) == []
    wrong = wrong_cells(rec, want)
    if case.variant.endswith("-crawl"):  # a digit run only its split's alternatives decide stays open, flagged
        named = {c for f in rec.findings for c in f.cells}
        assert [w for w in wrong if w[2] is not None or w[0] not in named] == []
    else:
        assert wrong == []
    s = score(case, rec)
    assert (s.flagged, s.false_errors) == (s.expected, 0)
    ours = [u for u in rec.unplaced if "另一格式" in u.reason]
    if case.variant.startswith("2019-columns-in-2021"):  # block （一）'s values are reported, the header named
        assert ours and all("本年新制作数量" in u.reason for u in ours)
        assert "".join(u.text for u in ours) == "".join(
            str(want_value) for want_value in _printed_block_one(case))
        assert any(f.rule == "UNPLACED" for f in rec.findings)
        assert want["table2"]["regulations"] == dict.fromkeys(("issued", "repealed", "in_force"))
    else:
        assert ours == []


def _printed_block_one(case: LayoutCase) -> list[object]:
    """The six values block （一） prints, in order (the renderings print no blanks)."""
    from .test_variants import _record

    rec = _record(case.record)[0]
    return [v for key in ("regulations", "normative_documents") for v in rec["table2"][key].values()]
