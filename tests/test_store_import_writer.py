"""The import's writer (a chunk of reports per transaction): what it writes is what one report at a time wrote."""

from __future__ import annotations

from pathlib import Path

from reviewer.store import Library

from .fixtures.reports import CLEAN, many_reports, variant_text, write_report

AGENCY = "测试市行政审批服务局"
CARRIED_OVER = "table3:carried_over:natural"
CARRIED_FORWARD = "table3:carried_forward:natural"


def test_last_year_changed_while_the_import_runs_is_compared_as_it_now_is(library_at, tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_report(src, "a-2021.txt", variant_text(CLEAN, agency=AGENCY, year=2021))  # the first chunk
    many_reports(src, 8)
    write_report(src, "z-2022.txt", variant_text(CLEAN, agency=AGENCY, year=2022))  # the second chunk
    edited: list[int] = []
    with Library(library_at(), seed_samples=False) as lib:
        def progress(done: int, total: int, path: str) -> None:
            if edited:
                return
            (prev,) = [s.id for s in lib.list_reports() if s.year == 2021 and s.agency == AGENCY]
            # another reviewer: last year's report now carries 2 requests forward (R1 still balances)
            lib.set_cells(prev, {CARRIED_FORWARD: 2, "table3:carried_forward:total": 2,
                                 "table3:new_received:natural": 6, "table3:new_received:total": 6},
                          reviewer="张三", expected_version=lib.load(prev).version)
            edited.append(prev)

        summary = lib.import_paths([src], workers=1, progress=progress)
        assert len(summary.imported) == 10 and not summary.failed
        (this,) = [i for i in summary.imported if lib.summary(i).year == 2022 and lib.summary(i).agency == AGENCY]
        rep = lib.load(this)
        assert rep.previous_id == edited[0]
        r7 = {c for f in rep.record.findings if f.rule == "R7" for c in f.cells}
        assert r7 == {CARRIED_OVER, "table3:carried_over:total"}  # against the edited value, not the imported one


def test_a_chunk_of_reports_has_whole_reports_with_chains_that_verify(library_at, tmp_path: Path) -> None:
    files = many_reports(tmp_path / "in", 20)
    write_report(tmp_path / "in", "s-2021.txt", variant_text(CLEAN, agency=AGENCY, year=2021))
    write_report(tmp_path / "in", "s-2022.txt", variant_text(CLEAN, agency=AGENCY, year=2022))
    write_report(tmp_path / "in", "s-2022-v2.txt", variant_text(CLEAN, agency=AGENCY, year=2022) + "\n（更正版）\n")
    with Library(library_at(), seed_samples=False) as lib:
        summary = lib.import_paths([tmp_path / "in"], reviewer="张三", workers=1)
        assert len(summary.imported) == len(files) + 3 and not summary.failed
        lines = [e for rid in summary.imported for e in lib.history(rid)]
        assert [e.kind for e in lines] == ["import"] * len(summary.imported)  # one line each, its chain's first
        assert len({e.batch for e in lines}) == len(lines)  # each report's import is a batch of its own
        assert lib.verify_audit().intact
        (v1, v2) = sorted(i for i in summary.imported if lib.summary(i).year == 2022 and lib.summary(i).agency == AGENCY)
        assert summary.versions_flagged == [v2] and lib.summary(v2).version_of == v1
        (prev,) = [i for i in summary.imported if lib.summary(i).year == 2021 and lib.summary(i).agency == AGENCY]
        assert lib.load(v2).previous_id == prev
        c = lib.connection
        for rid in summary.imported:
            assert c.execute("SELECT count(*) FROM cells WHERE report_id = ?", (rid,)).fetchone()[0] == 200
            assert c.execute("SELECT count(*) FROM documents WHERE report_id = ?", (rid,)).fetchone()[0] == 1
