"""R7/R8 across years of one agency: the store finds last year's report and keeps findings current."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.model import Record
from reviewer.store import Library

from .fixtures.reports import agency_series, variant_text, write_report

AGENCY = "测试市行政审批服务局"
CARRIED_OVER = "table3:carried_over:natural"  # this year's 二、上年结转
CARRIED_FORWARD = "table3:carried_forward:natural"  # last year's 四、结转下年度继续办理
IN_FORCE = "table2:normative_documents:in_force"


@pytest.fixture
def two_years(library_at, tmp_path: Path) -> tuple[Library, int, int]:
    lib = Library(library_at(), seed_samples=False)
    agency_series(tmp_path / "in", AGENCY, [2021, 2022])
    summary = lib.import_paths([tmp_path / "in"])
    by_year = {lib.summary(i).year: i for i in summary.imported}
    yield lib, by_year[2021], by_year[2022]
    lib.close()


def _rules(lib: Library, rid: int) -> list[str]:
    return [f.rule for f in lib.load(rid).record.findings]


def test_consistent_years_have_no_cross_findings(two_years: tuple[Library, int, int]) -> None:
    lib, prev, this = two_years
    assert lib.load(this).previous_id == prev
    assert lib.load(prev).previous_id is None
    assert _rules(lib, this) == [] or "R7" not in _rules(lib, this)


def test_edit_of_last_year_updates_this_year_findings(two_years: tuple[Library, int, int]) -> None:
    lib, prev, this = two_years
    rep = lib.load(prev)
    # last year's report now says 2 requests were carried forward (and balances R1 by handling 2 fewer)
    ch = lib.set_cells(prev, {CARRIED_FORWARD: 2, "table3:carried_forward:total": 2, "table3:new_received:natural": 6,
                              "table3:new_received:total": 6}, reviewer="张三", expected_version=rep.version)
    assert this in ch.related
    findings = lib.load(this).record.findings
    r7 = [f for f in findings if f.rule == "R7"]
    assert {f.cells[0] for f in r7} == {CARRIED_OVER, "table3:carried_over:total"}
    assert all(f.severity == "warning" for f in r7)
    assert AGENCY in r7[0].message and "2021" in r7[0].message  # names the other report
    assert lib.summary(this).warnings == len([f for f in findings if f.severity == "warning"])
    # the reviewer fixes this year's 上年结转: R7 holds again
    v = lib.load(this).version
    lib.set_cells(this, {CARRIED_OVER: 2, "table3:carried_over:total": 2, "table3:carried_forward:natural": 2,
                         "table3:carried_forward:total": 2}, reviewer="张三", expected_version=v)
    assert "R7" not in _rules(lib, this)


def test_in_force_roll_forward(two_years: tuple[Library, int, int]) -> None:
    lib, prev, this = two_years
    rep = lib.load(prev)
    assert rep.record.get(IN_FORCE) == 6
    lib.set_cells(prev, {IN_FORCE: 10}, reviewer="张三", expected_version=rep.version)
    r8 = [f for f in lib.load(this).record.findings if f.rule == "R8"]
    assert [f.cells for f in r8] == [[IN_FORCE]]


def test_agency_spelled_differently_is_the_same_agency(library_at, tmp_path: Path) -> None:
    with Library(library_at(), seed_samples=False) as lib:
        prev = lib.import_paths([write_report(tmp_path, "p.txt", variant_text(agency=AGENCY, year=2021))]).imported[0]
        this = lib.import_paths([write_report(tmp_path, "t.txt", variant_text(agency="另一机关", year=2022))]).imported[0]
        assert lib.load(this).previous_id is None
        v = lib.load(this).version
        ch = lib.update_metadata(this, expected_version=v, reviewer="张三", agency="测试市 行政审批服务局。")
        assert lib.load(this).previous_id == prev and ch.version == v + 1


def test_import_of_last_year_after_this_year_rechecks_this_year(library_at, tmp_path: Path) -> None:
    with Library(library_at(), seed_samples=False) as lib:
        text = variant_text(agency=AGENCY, year=2021)
        # last year's file says 5 requests were carried forward, which this year's does not carry over
        this = lib.import_paths([write_report(tmp_path, "t.txt", variant_text(agency=AGENCY, year=2022))]).imported[0]
        assert "R7" not in _rules(lib, this)
        prev = lib.import_paths([write_report(tmp_path, "p.txt", text)]).imported[0]
        lib.set_cells(prev, {CARRIED_FORWARD: 5}, reviewer="张三", expected_version=lib.load(prev).version)
        assert "R7" in _rules(lib, this)


def test_a_verified_version_of_last_year_is_preferred(library_at, tmp_path: Path) -> None:
    with Library(library_at(), seed_samples=False) as lib:
        first = lib.import_paths([write_report(tmp_path, "a.txt", variant_text(agency=AGENCY, year=2021))]).imported[0]
        second = lib.import_paths([write_report(tmp_path, "b.txt", variant_text(agency=AGENCY, year=2021) + "\n")])
        assert second.versions_flagged == second.imported
        this = lib.import_paths([write_report(tmp_path, "c.txt", variant_text(agency=AGENCY, year=2022))]).imported[0]
        assert lib.load(this).previous_id == second.imported[0]  # the latest import
        lib.verify(first, reviewer="张三", expected_version=lib.load(first).version)
        assert lib.load(this).previous_id == first  # a verified report wins


def _make_reports_module():  # noqa: ANN202
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "make_reports.py"
    spec = importlib.util.spec_from_file_location("make_reports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_reports", module)
    spec.loader.exec_module(module)
    return module


def test_stored_findings_equal_a_full_check_whatever_the_import_order(library_at, tmp_path: Path) -> None:
    """Years imported out of order, with R7/R8 broken here and there: what the library stores for each report is
    what `refresh_findings(record, last_year)` gives."""
    import random

    from reviewer import refresh_findings
    from reviewer.store.crossreport import light, previous_id

    mr = _make_reports_module()
    rng = random.Random(7)
    files = []
    for agency in ("甲县行政审批服务局", "乙县人民政府办公室"):
        prev = None
        for year in (2020, 2021, 2022, 2023):
            tpl = mr.template_of(mr.SEED_2019 if year <= 2020 else mr.SEEDS_2021[0])
            values = mr.gen_values(rng, tpl.template, prev)
            prev = dict(values)
            if year == 2022:  # break R7 and R8 against 2021 (and R8 of 2023 against 2022)
                values["table3:carried_over:natural"] += 1
                values["table2:normative_documents:in_force"] += 3
            files.append((agency, year, mr.render(tpl, agency, year, values, 10)))
    rng.shuffle(files)
    for i, (_a, _y, text) in enumerate(files):
        write_report(tmp_path / "in", f"{i:02d}.txt", text)
    with Library(library_at(), seed_samples=False) as lib:
        summary = lib.import_paths([tmp_path / "in"])
        assert len(summary.imported) == 8
        c = lib.connection
        rules_seen = set()
        for rid in summary.imported:
            stored = lib.load(rid)
            rec = stored.record
            akey = c.execute("SELECT agency_key FROM reports WHERE id = ?", (rid,)).fetchone()[0]
            pid = previous_id(c, akey, rec.year)
            fresh = Record.from_json(rec.to_json(), rec.text)
            fresh.parse_notes = list(rec.parse_notes)
            refresh_findings(fresh, light(c, pid) if pid else None)
            assert [f.to_json() for f in stored.record.findings] == [f.to_json() for f in fresh.findings], rid
            rules_seen |= {f.rule for f in fresh.findings}
        assert {"R7", "R8"} <= rules_seen


def test_an_import_finds_across_years_exactly_what_the_whole_check_finds(two_years: tuple[Library, int, int]) -> None:
    """The importer runs only the rules across years; they must be the whole check's cross findings, in order."""
    from reviewer.rules import check
    from reviewer.store import crossreport

    lib, prev, this = two_years
    record, previous = lib.load(this).record, lib.load(prev).record
    previous.tables["table3"]["carried_forward"]["natural"] = 7  # R7 fails
    previous.tables["table2"]["normative_documents"]["in_force"] = 40  # R8 fails
    whole = [f.to_json() for f in check(record, previous)
             if f.rule in crossreport.cross_rules(record.template)]
    assert len(whole) >= 2
    assert [f.to_json() for f in crossreport.cross_findings(record, previous)] == whole
