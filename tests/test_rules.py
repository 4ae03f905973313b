"""The rule engine over plain records: re-checking after an edit, suggestions, blanks, cross-report rules."""

from __future__ import annotations

import copy

from reviewer import parse_file, refresh_findings
from reviewer.rules import check

from .conftest import SAMPLES


def _rec(prefix: str):
    return parse_file(next(SAMPLES.glob(f"{prefix}_*.txt")))


def test_applying_the_suggestion_clears_both_errors() -> None:
    rec = _rec("003")
    sug = next(f.suggestion for f in rec.findings if f.suggestion)
    rec.set(sug["cell"], sug["value"])
    refresh_findings(rec)
    assert [f for f in rec.findings if f.severity == "error"] == []
    rec.set("table3:unable.not_held:total", 0)
    refresh_findings(rec)
    assert {f.rule for f in rec.findings if f.severity == "error"} == {"R2", "R3"}


def test_breaking_a_clean_report_names_the_cell_and_the_sum() -> None:
    rec = _rec("000")
    rec.set("table3:granted:natural", 5)  # printed 4
    errors = [f for f in check(rec) if f.severity == "error"]
    assert {f.rule for f in errors} == {"R2", "R3"}
    row_total = next(f for f in errors if f.rule == "R2")
    assert "予以公开" in row_total.message
    # natural column sum and (一) row total both point at the edited cell
    assert all(f.suggestion == {"cell": "table3:granted:natural", "value": 4} for f in errors)


def test_a_single_failure_with_no_unique_culprit_has_no_suggestion() -> None:
    rec = _rec("000")
    for col in ("natural", "commercial", "research", "social", "legal", "other", "total"):
        rec.set(f"table3:carried_forward:{col}", 1)
    rel = [f for f in check(rec) if f.rule == "R1"]
    assert rel and all(f.suggestion is None or f.suggestion["cell"].startswith("table3:carried_forward") for f in rel)


def test_negative_count_is_an_error() -> None:
    rec = _rec("001")
    rec.set("table2:licensing:decisions", -3)
    assert any(f.rule == "R6" and f.cells == ["table2:licensing:decisions"] for f in check(rec))


def test_blank_cell_is_a_warning_not_a_zero() -> None:
    rec = _rec("001")
    rec.set("table4:review:pending", None)
    found = [f for f in check(rec) if f.rule == "BLANK"]
    assert found and found[0].cells == ["table4:review:pending"] and found[0].severity == "warning"
    assert not any(f.rule == "R5" for f in check(rec))  # a blank leaves the sum undecided


def test_r9_2019_published_within_total() -> None:
    rec = _rec("003")
    rec.set("table2:regulations:published", 5)
    assert any(f.rule == "R9" and f.severity == "warning" for f in check(rec))


def test_prose_against_table() -> None:
    rec = _rec("000")
    rec.narrative["requests_received"] = 7
    f = next(f for f in check(rec) if f.rule == "PROSE")
    assert "7" in f.message and "4" in f.message


def test_cross_report_carry_over_and_in_force() -> None:
    this = _rec("000")  # 2022
    prev = copy.deepcopy(this)
    prev.year = 2021
    prev.tables["table3"]["carried_forward"]["natural"] = 2
    prev.tables["table2"]["normative_documents"]["in_force"] = 1
    found = check(this, prev)
    r7 = [f for f in found if f.rule == "R7"]
    assert [f.cells for f in r7] == [["table3:carried_over:natural"]]
    assert r7[0].severity == "warning" and "2021" in r7[0].message
    r8 = [f for f in found if f.rule == "R8"]
    assert [f.cells for f in r8] == [["table2:normative_documents:in_force"]]


def test_r10_fee_amount_is_not_the_processing_fee() -> None:
    rec = _rec("002")
    rec.narrative["processing_fee_yuan"] = 13.39
    assert any(f.rule == "R10" and f.cells == ["table2:fees:amount"] for f in check(rec))
    rec.narrative["processing_fee_yuan"] = 80
    assert not any(f.rule == "R10" for f in check(rec))


def test_every_title_variant_passes_the_cheap_title_filter() -> None:
    from reviewer.formats import load_formats
    from reviewer.parsing.sections import TITLE_WORDS

    for fmt in load_formats().values():
        for tdef in fmt.tables.values():
            for v in tdef.title_variants:
                assert any(w in v for w in TITLE_WORDS), v


def test_the_format_can_be_forced() -> None:
    """A reviewer who knows a 2020 report used the 2021 form re-parses it under that form."""
    from reviewer import parse_bytes

    data = next(SAMPLES.glob("003_*.txt")).read_bytes()
    rec = parse_bytes(data, "003.txt", template="2021")
    assert rec.template == "2021"
    assert "other.overdue_correction" in rec.tables["table3"] and "procurement" not in rec.tables["table2"]
    assert rec.tables["table3"]["new_received"]["natural"] == 3
    assert parse_bytes(data, "003.txt").template == "2019"


def test_a_column_left_blank_is_one_warning() -> None:
    """Shanghai's 2019 report leaves the 总计 of every detail row blank: one warning for the column."""
    rec = _rec("000")
    details = [r for r in rec.tables["table3"] if r not in ("new_received", "carried_over", "total", "carried_forward")]
    for row in details:
        rec.set(f"table3:{row}:total", None)
    blanks = [f for f in check(rec) if f.rule == "BLANK"]
    assert len(blanks) == 1
    assert set(blanks[0].cells) == {f"table3:{r}:total" for r in details} and "总计" in blanks[0].message
