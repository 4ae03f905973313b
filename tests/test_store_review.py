"""The reviewer's decisions in the store: source defects confirmed and withdrawn, verified reports read-only
until reopened, retired reports, the version of an agency's year that counts, unique finding keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.errors import StaleWriteError, ValidationError
from reviewer.export import export
from reviewer.model import Finding, assign_keys, finding_key
from reviewer.store import Library, ReportLocked, VerificationRefused
from reviewer.store.backend import ERRORS
from reviewer.store.stats import by_year

from .fixtures.reports import CLEAN, FAULTY, variant_text, write_report
from .people import named

NOT_HELD = "table3:unable.not_held:total"  # printed 0 in FAULTY where its row adds up to 3 (R2, R3 fail)


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Iterator[Library]:
    with Library(library_at()) as library:
        yield library


def _id_of(lib: Library, source: str) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(source))


def _errors(lib: Library, rid: int) -> list[Finding]:
    return [f for f in lib.load(rid).record.findings if f.severity == "error"]


# -- source defects ------------------------------------------------------------------------------------------

def test_a_source_defect_is_confirmed_never_erased_and_verified(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    rep = lib.load(rid)
    errors = _errors(lib, rid)
    assert len(errors) == 2 and all(NOT_HELD in f.cells for f in errors)
    printed = rep.record.get(NOT_HELD)
    assert printed == 0
    ch = lib.confirm_defect(rid, finding_key(errors[0]), reason="原件即印为 0，与分项之和不符",
                            should_be={NOT_HELD: "3"}, reviewer="张三", expected_version=rep.version)
    assert (ch.errors, ch.defects, ch.version, ch.status) == (1, 1, rep.version + 1, "in_review")
    with pytest.raises(VerificationRefused):  # the other error is still open
        lib.verify(rid, reviewer="张三", expected_version=ch.version)
    ch = lib.confirm_defect(rid, finding_key(errors[1]), reason="同一处印错", should_be={NOT_HELD: 3},
                            reviewer="张三", expected_version=ch.version)
    assert (ch.errors, ch.defects) == (0, 2)
    acks = {finding_key(f): "正文与表格不一致，原件如此" for f in ch.findings
            if f.severity == "warning" and not f.confirmed}
    done = lib.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=ch.version)
    back = lib.load(rid)
    # the printed value and the reviewed value are untouched; the should-be value is kept beside them
    assert back.record.get(NOT_HELD) == 0 and back.parsed[NOT_HELD] == 0 and back.origins[NOT_HELD] == "parsed"
    assert back.should_be == {NOT_HELD: 3} and NOT_HELD in back.defect_cells
    assert back.status == "verified" and done.defects == 2
    confirmed = [f for f in back.record.findings if f.confirmed]
    assert len(confirmed) == 2 and all(f.severity == "error" for f in confirmed)
    assert confirmed[0].resolution is not None and confirmed[0].resolution["kind"] == "source_defect"
    assert confirmed[0].to_json()["resolution"]["should_be"] == {NOT_HELD: 3}
    assert [(c.rule, c.reason, c.active) for c in back.confirmations] == [
        (errors[0].rule, "原件即印为 0，与分项之和不符", True), (errors[1].rule, "同一处印错", True)]
    # visible in the library list as verified with source defects, and filterable
    s = lib.summary(rid)
    assert (s.errors, s.defects, s.verified_with_defects) == (0, 2, True)
    assert [r.id for r in lib.list_reports(has="源文件错误")] == [rid]
    assert [r.id for r in lib.list_reports(has="defects", status="verified")] == [rid]
    assert lib.count()["with_defects"] == 1
    # the trail has each confirmation with its reason and the should-be value of the cell
    trail = [(e.kind, e.cell, e.new, e.reason) for e in lib.history(rid) if e.kind in ("confirm", "should_be")]
    assert trail == [("confirm", finding_key(errors[0]), errors[0].rule, "原件即印为 0，与分项之和不符"),
                     ("should_be", NOT_HELD, 3, "原件即印为 0，与分项之和不符"),
                     ("confirm", finding_key(errors[1]), errors[1].rule, "同一处印错"),
                     ("should_be", NOT_HELD, 3, "同一处印错")]
    assert [e.kind for e in lib.history(rid, NOT_HELD)] == ["should_be", "should_be"]
    with pytest.raises(ERRORS, match="append-only"):
        lib.connection.execute("DELETE FROM edits WHERE kind = 'confirm'")


def test_a_confirmation_is_undone_and_redone_in_the_trail(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    rep = lib.load(rid)
    key = finding_key(_errors(lib, rid)[0])
    ch = lib.confirm_defect(rid, key, reason="原件如此", should_be={NOT_HELD: 3}, reviewer="张三",
                            expected_version=rep.version)
    undo = lib.withdraw_defect(rid, key, reviewer="张三", reason="撤销", expected_version=ch.version)
    assert (undo.errors, undo.defects) == (2, 0) and undo.batch != ch.batch
    assert lib.load(rid).should_be == {} and lib.confirmations(rid) == []
    assert not any(f.confirmed for f in undo.findings)
    redo = lib.confirm_defect(rid, key, reason="原件如此", should_be={NOT_HELD: 3}, reviewer="张三",
                              expected_version=undo.version)
    assert redo.defects == 1
    kinds = [(e.kind, e.cell, e.old, e.new) for e in lib.history(rid) if e.kind in ("confirm", "withdraw", "should_be")]
    assert kinds == [("confirm", key, None, "R2" if key.startswith("R2") else kinds[0][3]),
                     ("should_be", NOT_HELD, None, 3), ("withdraw", key, kinds[0][3], None),
                     ("should_be", NOT_HELD, 3, None), ("confirm", key, None, kinds[0][3]),
                     ("should_be", NOT_HELD, None, 3)]
    with pytest.raises(ValidationError, match="未被确认"):
        lib.withdraw_defect(rid, "R9|none", reviewer="张三", expected_version=redo.version)


def test_a_confirmation_follows_its_finding(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    rep = lib.load(rid)
    key = finding_key(_errors(lib, rid)[0])
    ch = lib.confirm_defect(rid, key, reason="原件如此", reviewer="张三", expected_version=rep.version)
    # the reviewer finds it was a misread after all: the correction resolves the finding, the confirmation rests
    fixed = lib.set_cells(rid, {NOT_HELD: 3}, reviewer="张三", expected_version=ch.version)
    assert (fixed.errors, fixed.defects) == (0, 0)
    assert [(c.finding_key, c.active) for c in lib.confirmations(rid)] == [(key, False)]
    back = lib.set_cells(rid, {NOT_HELD: 0}, reviewer="张三", kind="undo", expected_version=fixed.version)
    assert (back.errors, back.defects) == (1, 1)
    assert [(c.finding_key, c.active) for c in lib.load(rid).confirmations] == [(key, True)]


def test_confirmations_are_refused_when_they_cannot_stand(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    rep = lib.load(rid)
    key = finding_key(_errors(lib, rid)[0])
    with pytest.raises(ValidationError, match="理由"):
        lib.confirm_defect(rid, key, reason=" ", reviewer="张三", expected_version=rep.version)
    with pytest.raises(ValidationError, match="没有问题"):
        lib.confirm_defect(rid, "R3|table9:x:y", reason="原件如此", reviewer="张三", expected_version=rep.version)
    with pytest.raises(ValidationError, match="不在该问题所涉单元格中"):
        lib.confirm_defect(rid, key, reason="原件如此", should_be={"table3:granted:natural": 1}, reviewer="张三",
                           expected_version=rep.version)
    with pytest.raises(ValidationError):
        lib.confirm_defect(rid, key, reason="原件如此", should_be={NOT_HELD: "三个"}, reviewer="张三",
                           expected_version=rep.version)
    if named(lib):  # team mode: the login, never a missing name
        with pytest.raises(ValidationError, match="审核人"):
            lib.confirm_defect(rid, key, reason="原件如此", reviewer=" ", expected_version=rep.version)
    with pytest.raises(StaleWriteError):
        lib.confirm_defect(rid, key, reason="原件如此", reviewer="张三", expected_version=rep.version - 1)
    assert lib.summary(rid).version == rep.version and lib.confirmations(rid) == []


def test_a_warning_confirmed_as_a_defect_needs_no_other_acknowledgement(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    ch = lib.load(rid)
    findings = [f for f in ch.record.findings if f.severity in ("error", "warning")]
    assert {f.severity for f in findings} == {"error", "warning"}
    version = ch.version
    for f in findings:
        version = lib.confirm_defect(rid, finding_key(f), reason="原件印错", reviewer="张三",
                                     expected_version=version).version
    s = lib.summary(rid)
    assert (s.errors, s.warnings, s.defects) == (0, 0, len(findings))
    lib.verify(rid, reviewer="张三", expected_version=version)
    assert set(lib.load(rid).acknowledged.values()) == {"源文件错误：原件印错"}


# -- verified reports are read-only until reopened ------------------------------------------------------------

def test_a_verified_report_refuses_edits_and_confirmations_until_reopened(lib: Library) -> None:
    rid = _id_of(lib, CLEAN)
    rep = lib.load(rid)
    acks = {finding_key(f): "已核对" for f in rep.record.findings if f.severity == "warning"}
    done = lib.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=rep.version)
    cell = rep.record.cell_ids()[0]
    for attempt in (lambda: lib.set_cells(rid, {cell: 99}, reviewer="李四", expected_version=done.version),
                    lambda: lib.update_metadata(rid, agency="别的局", reviewer="李四", expected_version=done.version),
                    lambda: lib.set_status(rid, "in_review", reviewer="李四", expected_version=done.version)):
        with pytest.raises(ValidationError, match="已核实"):
            attempt()
    assert lib.summary(rid).version == done.version and lib.summary(rid).status == "verified"
    assert lib.load(rid).locked
    with pytest.raises(ValidationError, match="未核实"):
        lib.reopen(_id_of(lib, FAULTY), reason="试试", reviewer="李四", expected_version=None)
    ch = lib.reopen(rid, reason="发现原件有更正页", reviewer="李四", expected_version=done.version)
    assert ch.status == "in_review" and not lib.load(rid).locked
    lib.set_cells(rid, {cell: 99}, reviewer="李四", expected_version=ch.version)


# -- retired reports -----------------------------------------------------------------------------------------

def test_a_retired_report_is_hidden_everywhere_and_restorable(lib: Library, tmp_path: Path) -> None:
    rid = _id_of(lib, CLEAN)
    rep = lib.load(rid)
    acks = {finding_key(f): "已核对" for f in rep.record.findings if f.severity == "warning"}
    done = lib.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=rep.version)
    assert rid in [s.id for s in lib.list_reports()] and 2022 in lib.years()
    stats_before = by_year(lib)
    assert stats_before.years[0].reports == 1
    with pytest.raises(ValidationError, match="理由"):
        lib.retire(rid, reason="", reviewer="张三", expected_version=done.version)
    ch = lib.retire(rid, reason="误导入：不是年报", reviewer="张三", expected_version=done.version)
    assert rid not in [s.id for s in lib.list_reports()]
    assert [s.id for s in lib.list_reports(retired=True)] == [rid]
    assert lib.count()["retired"] == 1 and lib.count()["all"] == 4
    assert by_year(lib).years == ()
    result = export(lib, tmp_path / "out.csv", "csv", include_all=True)
    assert str(rid) not in {line.split(",")[0] for line in (tmp_path / "out.csv").read_text("utf-8-sig").splitlines()}
    assert result.reports == 4
    # still there, read-only, its trail kept and extended
    assert lib.load(rid).summary.retired and lib.summary(rid).retired_at is not None
    with pytest.raises(ReportLocked, match="停用"):
        lib.set_cells(rid, {rep.record.cell_ids()[0]: 5}, reviewer="张三", expected_version=ch.version)
    back = lib.restore(rid, reviewer="张三", reason="导入无误", expected_version=ch.version)
    assert back.status == "verified" and rid in [s.id for s in lib.list_reports()]
    assert by_year(lib).years[0].reports == 1
    assert [(e.kind, e.reason) for e in lib.history(rid) if e.kind in ("retire", "restore")] == [
        ("retire", "误导入：不是年报"), ("restore", "导入无误")]


# -- versions ------------------------------------------------------------------------------------------------

def _two_versions(lib: Library, tmp_path: Path) -> tuple[int, int]:
    folder = tmp_path / "in"
    write_report(folder, "first.txt", variant_text(CLEAN, agency="版本市行政审批服务局", year=2022))
    lib.import_paths([folder], workers=1)
    folder2 = tmp_path / "in2"
    write_report(folder2, "second.txt", variant_text(CLEAN, agency="版本市行政审批服务局", year=2022) + "\n更正版\n")
    lib.import_paths([folder2], workers=1)
    return _id_of(lib, "first"), _id_of(lib, "second")


def test_the_reviewer_chooses_which_version_counts(lib: Library, tmp_path: Path) -> None:
    first, second = _two_versions(lib, tmp_path)
    a, b = lib.summary(first), lib.summary(second)
    assert (a.versions, a.has_versions, a.counts, b.counts) == (2, True, False, True)  # the latest import
    assert [s.id for s in lib.versions(first)] == [first, second]
    ch = lib.choose_version(first, reviewer="张三", reason="第一份为正式版本")
    assert second in ch.related
    assert lib.summary(first).counts and not lib.summary(second).counts
    assert [(e.kind, e.old, e.new, e.reason) for e in lib.history(first) if e.kind == "choose_version"] == [
        ("choose_version", second, first, "第一份为正式版本")]
    # exports and charts use the chosen one
    export(lib, tmp_path / "all.csv", "csv", include_all=True, agency="版本市")
    ids = {line.split(",")[0] for line in (tmp_path / "all.csv").read_text("utf-8-sig").splitlines()[1:]}
    assert ids == {str(first)}
    stats = by_year(lib, include_all=True, agency="版本市")
    assert stats.superseded == 1 and stats.years[0].reports == 1
    # a retired version no longer counts, and the other one does again
    v = lib.summary(first).version
    lib.retire(first, reason="误导入", reviewer="张三", expected_version=v)
    assert lib.summary(second).counts and lib.summary(second).versions == 1


def test_next_year_compares_with_the_chosen_version(lib: Library, tmp_path: Path) -> None:
    first, second = _two_versions(lib, tmp_path)
    write_report(tmp_path / "in3", "next.txt", variant_text(CLEAN, agency="版本市行政审批服务局", year=2023))
    lib.import_paths([tmp_path / "in3"], workers=1)
    nxt = _id_of(lib, "next")
    assert lib.load(nxt).previous_id == second
    ch = lib.choose_version(first, reviewer="张三")
    assert lib.load(nxt).previous_id == first and ch.version == lib.summary(first).version


# -- finding keys ----------------------------------------------------------------------------------------------

def test_every_finding_has_a_unique_key() -> None:
    short = [Finding(rule="SHORT", severity="warning", cells=[], message=f"表三“{r}”一行印出的数值少于 7 个",
                     message_id="row_short", params={"table": "table3", "row": r}) for r in ("a", "b")]
    same = [Finding(rule="X", severity="warning", cells=["t:r:c"], message="m") for _ in range(3)]
    found = assign_keys(short + same)
    keys = [finding_key(f) for f in found]
    assert len(set(keys)) == 5
    assert keys[2:] == ["X|t:r:c", "X|t:r:c#2", "X|t:r:c#3"]
    assert Finding.from_json(found[3].to_json()).key == "X|t:r:c#2"


# -- a report whose tables were not found ---------------------------------------------------------------------

NO_TABLES = "某某局2022年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请 5 件，均已办结。\n"


def _no_tables(lib: Library, tmp_path: Path) -> int:
    write_report(tmp_path / "none", "none.txt", NO_TABLES)
    lib.import_paths([tmp_path / "none"], workers=1)
    return _id_of(lib, "none")


def test_missing_tables_confirmed_as_absent_from_the_report(lib: Library, tmp_path: Path) -> None:
    rid = _no_tables(lib, tmp_path)
    rep = lib.load(rid)
    missing = [f for f in rep.record.findings if f.rule == "MISSING"]
    assert len(missing) == 3 and len({finding_key(f) for f in missing}) == 3
    version = rep.version
    for f in missing:
        version = lib.confirm_defect(rid, finding_key(f), reason="报告未附统计表", reviewer="张三",
                                     expected_version=version).version
    assert lib.summary(rid).defects == 3
    done = lib.verify(rid, reviewer="张三", note="原件无表", expected_version=version)
    assert done.status == "verified"


def test_a_table_captured_by_edits_is_no_longer_missing(lib: Library, tmp_path: Path) -> None:
    rid = _no_tables(lib, tmp_path)
    rep = lib.load(rid)
    t4 = [c for c in rep.record.cell_ids() if c.startswith("table4:")]
    ch = lib.set_cells(rid, {c: 0 for c in t4} | {"table4:review:upheld": 1}, reviewer="张三", reason="据原件录入",
                       expected_version=rep.version)
    rules = {(f.rule, f.cells[0]) for f in ch.findings}
    assert ("MISSING", "table4:*") not in rules and ("MISSING", "table3:*") in rules
    assert "R5" in {f.rule for f in ch.findings}  # table 4's total now checked: 1 upheld, total printed 0
    ch = lib.set_cells(rid, {"table4:review:total": 1}, reviewer="张三", expected_version=ch.version)
    assert not any(f.rule == "R5" for f in ch.findings)


def test_short_rows_each_have_their_key() -> None:
    from reviewer import parse_bytes

    from .fixtures.reports import sample_text

    text = sample_text(CLEAN)
    lines = text.splitlines()
    for label in ("2.重复申请", "3.要求提供公开出版物"):  # drop one value of two rows of table 3 (a value a line)
        i = next(i for i, line in enumerate(lines) if line.strip() == label)
        assert lines[i + 1].strip() == "0"
        del lines[i + 1]
    rec = parse_bytes("\n".join(lines).encode("utf-8"), "short.txt")
    short = [f for f in rec.findings if f.rule == "SHORT"]
    assert len(short) == 2 and len({finding_key(f) for f in short}) == 2
    assert all(f.cells and all(c.startswith("table3:not_processed.") for c in f.cells) for f in short)
    keys = [finding_key(f) for f in rec.findings]
    assert len(keys) == len(set(keys))


def test_a_chosen_version_holds_even_when_another_is_verified(lib: Library, tmp_path: Path) -> None:
    first, second = _two_versions(lib, tmp_path)
    rep = lib.load(second)
    acks = {finding_key(f): "已核对" for f in rep.record.findings if f.severity == "warning"}
    lib.verify(second, reviewer="张三", acknowledgements=acks, expected_version=rep.version)
    assert by_year(lib, agency="版本市").years[0].reports == 1  # the verified one counts by default
    lib.choose_version(first, reviewer="张三", reason="以原版为准，待核实")
    stats = by_year(lib, agency="版本市")  # verified only: the version that counts is not verified yet
    assert stats.years == () and stats.superseded == 1
    result = export(lib, tmp_path / "v.csv", "csv", agency="版本市")
    assert result.reports == 0
