"""Figures by year (reviewer.store.stats): checked against the generator's values and against a plain
reference computed from the loaded records, on a library of the samples plus generated reports of 2019–2024."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_reports import generate
from reviewer.errors import ValidationError
from reviewer.resources import samples_dir
from reviewer.store import Library
from reviewer.store.stats import (
    APPEAL_GROUPS,
    APPEAL_OUTCOMES,
    REQUEST_SERIES,
    SERIES,
    LibraryStats,
    by_year,
    marker,
    series_cells,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = samples_dir()
REVIEWER = "统计测试"
TABLE4_ROWS = {"review": ("review",), "litigation": ("litigation_direct", "litigation_after_review"),
               "litigation_direct": ("litigation_direct",),
               "litigation_after_review": ("litigation_after_review",)}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[Path, dict[str, Any]]]]:
    folder = tmp_path_factory.mktemp("generated")
    return folder, generate(folder, 24, seed=7)


@pytest.fixture
def lib(library_at, generated: tuple[Path, list[Any]]) -> Iterator[Library]:
    library = Library(library_at())  # seeded with the samples
    summary = library.import_paths([generated[0]], reviewer=REVIEWER, workers=1)
    assert len(summary.imported) == 24 and not summary.failed
    yield library
    library.close()


def verify(lib: Library, rid: int) -> None:
    lib.verify(rid, reviewer=REVIEWER, acknowledgements={}, expected_version=lib.summary(rid).version)


def reference(lib: Library, statuses: tuple[str, ...]) -> dict[int, dict[str, tuple[float, int]]]:
    """Per year: series -> (sum of the numbers, reports with a blank), from each loaded record's tables."""
    out: dict[int, dict[str, tuple[float, int]]] = {}
    for s in lib.list_reports():
        if s.status not in statuses or s.year is None:
            continue
        t3 = lib.load(s.id).record.tables.get("table3", {})
        t4 = lib.load(s.id).record.tables.get("table4", {})
        parts: dict[str, list[Any]] = {}
        for key in REQUEST_SERIES:
            row = {"received": "new_received"}.get(key, key)
            grouped = key in ("denied", "unable", "not_processed", "other")
            parts[f"requests.{key}"] = [cols.get("total") for r, cols in t3.items()
                                        if r == row or (grouped and r.startswith(key + "."))]
        for group in APPEAL_GROUPS:
            for outcome in APPEAL_OUTCOMES:
                parts[f"{group}.{outcome}"] = [t4.get(r, {}).get(outcome) for r in TABLE4_ROWS[group]]
        year = out.setdefault(s.year, {})
        for key, values in parts.items():
            total, blanks = year.get(key, (0, 0))
            year[key] = (total + sum(v for v in values if v is not None),
                         blanks + (1 if not values or None in values else 0))
    return out


def as_dict(stats: LibraryStats) -> dict[int, dict[str, tuple[float, int]]]:
    return {y.year: {k: (y.value(k), y.blanks(k)) for k in SERIES} for y in stats.years}


def test_every_series_has_cells_in_both_formats() -> None:
    for template in ("2019", "2021"):
        cells = series_cells(template)
        assert set(cells) == set(SERIES)
        assert all(cells.values()), [k for k, v in cells.items() if not v]
    assert series_cells("2019")["requests.other"] == ("table3:other:total",)
    assert series_cells("2021")["requests.other"] == ("table3:other.overdue_correction:total",
                                                      "table3:other.unpaid_fee:total", "table3:other.other:total")
    assert len(series_cells("2021")["requests.denied"]) == 8
    assert series_cells("2021")["litigation.pending"] == ("table4:litigation_direct:pending",
                                                          "table4:litigation_after_review:pending")


def test_all_statuses_match_the_generated_values_and_the_records(
        lib: Library, generated: tuple[Path, list[tuple[Path, dict[str, Any]]]]) -> None:
    stats = by_year(lib, include_all=True)
    assert [y.year for y in stats.years] == [2019, 2020, 2021, 2022, 2023, 2024]
    assert stats.reports == 29 and stats.undated == 0 and stats.superseded == 0
    assert as_dict(stats) == reference(lib, ("new", "in_review", "verified"))
    samples = {2020: 1, 2022: 3, 2024: 1}  # the five samples' years
    for year in range(2019, 2025):
        made = [m["values"] for _p, m in generated[1] if m["year"] == year]
        ys = stats.year(year)
        assert ys is not None and ys.reports == len(made) + samples.get(year, 0)
        if year not in samples:  # generated reports only: the sums are the generator's
            assert ys.value("requests.received") == sum(v["table3:new_received:total"] for v in made)
            assert ys.value("requests.denied") == sum(n for v in made for c, n in v.items()
                                                      if c.startswith("table3:denied.") and c.endswith(":total"))
            assert ys.value("litigation.upheld") == sum(v["table4:litigation_direct:upheld"]
                                                        + v["table4:litigation_after_review:upheld"] for v in made)
            handled = sum(ys.value(f"requests.{k}") for k in ("granted", "partial", "denied", "unable",
                                                               "not_processed", "other"))
            assert handled == ys.value("requests.total")  # R3 holds in generated reports
    assert stats.year(2020).with_errors == 1  # sample 003 has two errors  # type: ignore[union-attr]
    assert sum(y.with_errors for y in stats.years) == lib.count()["with_errors"]


def test_verified_only_by_default(lib: Library) -> None:
    assert by_year(lib).years == ()
    target = next(s for s in lib.list_reports(year=2021))
    verify(lib, target.id)
    stats = by_year(lib)
    assert stats.statuses == ("verified",)
    assert [(y.year, y.reports) for y in stats.years] == [(2021, 1)]
    record = lib.load(target.id).record
    assert stats.years[0].value("requests.received") == record.get("table3:new_received:total")
    assert stats.years[0].value("review.total") == record.get("table4:review:total")
    assert as_dict(stats) == reference(lib, ("verified",))
    assert by_year(lib, statuses=["已核实"]) == stats  # labels are understood
    with pytest.raises(ValidationError):
        by_year(lib, statuses=["finished"])


def test_a_blank_is_not_a_zero(lib: Library) -> None:
    rid = next(s.id for s in lib.list_reports(year=2023))
    before = by_year(lib, include_all=True).year(2023)
    assert before is not None and before.blanks("requests.denied") == 0
    cell = "table3:denied.third_party:total"
    lost = lib.load(rid).record.get(cell) or 0
    lib.set_cells(rid, {cell: None, "table4:review:pending": None}, reviewer=REVIEWER,
                  expected_version=lib.summary(rid).version)
    after = by_year(lib, include_all=True).year(2023)
    assert after is not None
    assert after.blanks("requests.denied") == 1 and after.value("requests.denied") == before.value("requests.denied") - lost
    assert after.blanks("review.pending") == 1 and after.blanks("review.upheld") == 0
    assert after.blanks("requests.received") == 0 and after.reports == before.reports
    lib.set_cells(rid, {"table3:denied.state_secret:total": None}, reviewer=REVIEWER,
                  expected_version=lib.summary(rid).version)
    again = by_year(lib, include_all=True).year(2023)
    assert again is not None and again.blanks("requests.denied") == 1  # reports, not cells


def test_the_2019_format_other_row_counts_as_other(lib: Library) -> None:
    rid = next(s.id for s in lib.list_reports(year=2020) if s.template == "2019")
    before = by_year(lib, include_all=True).year(2020)
    assert before is not None
    old = lib.load(rid).record.get("table3:other:total") or 0
    lib.set_cells(rid, {"table3:other:total": 7}, reviewer=REVIEWER, expected_version=lib.summary(rid).version)
    after = by_year(lib, include_all=True).year(2020)
    assert after is not None
    assert after.value("requests.other") == before.value("requests.other") - old + 7
    assert after.blanks("requests.other") == 0


def test_agency_filter_and_one_report_per_agency_and_year(lib: Library, tmp_path: Path) -> None:
    only = by_year(lib, include_all=True, agency="高青县 行政审批服务局")
    assert [(y.year, y.reports) for y in only.years] == [(2020, 1)]
    assert only.agency == "高青县 行政审批服务局"
    # a second file of the same agency and year (a corrected version): one report stands for both
    copy = tmp_path / "000_corrected.txt"
    src = next(SAMPLES.glob("000_*.txt"))
    copy.write_bytes(src.read_bytes() + "\n（更正版）\n".encode())
    imported = lib.import_paths([copy], reviewer=REVIEWER, workers=1)
    assert imported.versions_flagged
    first = next(s for s in lib.list_reports() if s.source_name == src.name)
    second = lib.summary(imported.imported[0])
    stats = by_year(lib, include_all=True)
    assert stats.superseded == 1 and stats.reports == 29
    assert by_year(lib, include_all=True, one_per_agency_year=False).reports == 30
    verify(lib, first.id)  # the verified one is preferred to the later file
    assert by_year(lib, include_all=True).superseded == 1
    lib.set_cells(second.id, {"table3:new_received:total": 99}, reviewer=REVIEWER,
                  expected_version=lib.summary(second.id).version)
    chosen = by_year(lib, include_all=True, agency=first.agency).year(2022)
    assert chosen is not None and chosen.value("requests.received") == lib.load(first.id).record.get(
        "table3:new_received:total")


def test_a_path_reads_through_its_own_connection(lib: Library, tmp_path: Path) -> None:
    verify(lib, next(s.id for s in lib.list_reports(year=2019)))
    assert by_year(lib.address, include_all=True) == by_year(lib, include_all=True)
    assert by_year(str(lib.address)) == by_year(lib)
    with pytest.raises(FileNotFoundError):
        by_year(tmp_path / "none.sqlite")


def test_reports_without_a_year_are_counted_apart(lib: Library) -> None:
    rid = next(s.id for s in lib.list_reports(year=2024))
    lib.update_metadata(rid, expected_version=lib.summary(rid).version, reviewer=REVIEWER, year=None)
    stats = by_year(lib, include_all=True)
    assert stats.undated == 1 and stats.reports == 28


def test_copy_of_the_library_file_gives_the_same_figures(lib: Library, tmp_path: Path) -> None:
    """The figures come from the file alone (no state in the Library object)."""
    if lib.is_server:
        pytest.skip("a copy of a library file: SQLite only")
    expected = by_year(lib, include_all=True)
    lib.close()
    copy = tmp_path / "copy.sqlite"
    shutil.copy(lib.path, copy)
    for suffix in ("-wal", "-shm"):
        side = Path(str(lib.path) + suffix)
        if side.exists():
            shutil.copy(side, Path(str(copy) + suffix))
    assert by_year(copy, include_all=True) == expected


def test_the_marker_changes_with_every_write_and_only_then(lib: Library, generated: tuple[Path, list[Any]]) -> None:
    first = marker(lib)
    assert marker(lib.address) == first == marker(lib)
    rid = next(s.id for s in lib.list_reports(year=2022))
    lib.set_cells(rid, {"table4:review:upheld": 5}, reviewer=REVIEWER, expected_version=lib.summary(rid).version)
    edited = marker(lib)
    assert edited != first
    other = next(s.id for s in lib.list_reports(year=2019))
    verify(lib, other)
    verified = marker(lib)
    assert verified != edited
    lib.import_paths([generated[0]], reviewer=REVIEWER, workers=1)  # all duplicates: nothing written
    assert marker(lib) == verified
