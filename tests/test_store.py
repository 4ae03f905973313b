"""The library: seeding, listing, loading, edits with their audit trail, status, verification."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.errors import StaleWriteError, ValidationError
from reviewer.model import finding_key
from reviewer.store import (
    SCHEMA_VERSION,
    CellEdit,
    Library,
    NotFoundError,
    ReportLocked,
    VerificationRefused,
    agency_key,
)
from reviewer.store.backend import ERRORS
from reviewer.store.edits import as_changes, edits_for, inverse_all

from .fixtures.reports import FAULTY, SAMPLES, variant_text, write_report
from .people import named, recorded

NOT_HELD = "table3:unable.not_held:total"


@pytest.fixture
def lib(library_at) -> Library:
    with Library(library_at()) as library:
        yield library


def _id_of(lib: Library, source: str) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(source))


def test_new_library_is_seeded_migrated_and_in_wal(lib: Library) -> None:
    rows = lib.list_reports()
    assert len(rows) == len(list(SAMPLES.glob("*.txt"))) == 5
    c = lib.connection
    if c.kind == "sqlite":
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    else:
        assert c.execute("SELECT value FROM library_meta WHERE key = 'schema_version'").fetchone()[0] == str(
            SCHEMA_VERSION)
    assert lib.integrity_check() == "ok"
    assert {s.status for s in rows} == {"new"}
    faulty = next(s for s in rows if s.source_name.startswith(FAULTY))
    assert faulty.errors == 2 and faulty.template == "2019" and faulty.year == 2020


def test_reopening_does_not_seed_again(library_at) -> None:
    Library(library_at("a")).close()
    with Library(library_at("a")) as lib:
        assert len(lib.list_reports()) == 5
    with Library(library_at("b"), seed_samples=False) as empty:
        assert empty.list_reports() == []


def test_source_bytes_and_hash_are_kept(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    name, data = lib.source(rid)
    assert data == (SAMPLES / name).read_bytes()
    import hashlib

    rep = lib.load(rid)
    assert rep.record.source["sha256"] == hashlib.sha256(data).hexdigest()
    assert rep.text and rep.record.provenance[NOT_HELD].span is not None
    s0, s1 = rep.record.provenance[NOT_HELD].span
    assert rep.text[s0:s1] == rep.record.provenance[NOT_HELD].text


def test_list_filters(lib: Library) -> None:
    assert [s.year for s in lib.list_reports(year=2020)] == [2020]
    assert len(lib.list_reports(agency="行政审批服务局")) == 4
    assert len(lib.list_reports(agency="淄博市 临淄区")) == 1  # whitespace does not count
    assert len(lib.list_reports(text="003_")) == 1
    assert len(lib.list_reports(status="待审核")) == 5 and lib.list_reports(status="verified") == []
    assert lib.list_reports(agency="100%_") == []  # LIKE wildcards are taken literally
    with pytest.raises(ValidationError):
        lib.list_reports(status="done")
    assert lib.count()["all"] == 5


def test_values_keep_their_kind_and_blank_is_null(lib: Library) -> None:
    rid = _id_of(lib, "002_")
    rep = lib.load(rid)
    assert rep.record.get("table2:fees:amount") == 13.39
    ch = lib.set_cells(rid, {"table2:fees:amount": 13.0, "table2:licensing:decisions": None},
                       reviewer="张三", expected_version=rep.version)
    back = lib.load(rid)
    assert isinstance(back.record.get("table2:fees:amount"), float) and back.record.get("table2:fees:amount") == 13.0
    assert back.record.get("table2:licensing:decisions") is None
    (value,) = lib.connection.execute("SELECT value IS NULL FROM cells WHERE report_id = ? AND cell = ?",
                                      (rid, "table2:licensing:decisions")).fetchone()
    assert value  # a blank is NULL, not 0 and not a text
    assert ch.version == rep.version + 1


def test_set_cells_returns_change_and_audits_each_cell(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    rep = lib.load(rid)
    assert rep.summary.errors == 2
    ch = lib.set_cells(rid, {NOT_HELD: 3, "table3:unable.not_held:natural": 3}, reviewer="张三",
                       reason="按行合计", expected_version=rep.version)
    assert ch.report_id == rid and ch.cells == [NOT_HELD]  # the unchanged cell is left out
    assert ch.version == rep.version + 1 and ch.errors == 0 and ch.findings == [] and ch.status == "in_review"
    trail = lib.history(rid)
    edits = [e for e in trail if e.kind == "edit"]
    assert [(e.cell, e.old, e.new, e.reviewer, e.reason) for e in edits] == [
        (NOT_HELD, 0, 3, recorded(lib, "张三"), "按行合计")]
    status = [e for e in trail if e.kind == "status"]
    assert [(e.old, e.new) for e in status] == [("new", "in_review")] and status[0].batch == edits[0].batch
    back = lib.load(rid)
    assert back.origins[NOT_HELD] == "edited" and back.parsed[NOT_HELD] == 0 and back.record.get(NOT_HELD) == 3
    assert back.record.provenance[NOT_HELD].origin == "edited"
    assert back.summary.errors == 0 and back.version == ch.version


def test_a_pasted_block_is_one_batch_and_an_undo_is_a_new_edit(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    rep = lib.load(rid)
    paste = edits_for(rep.record.get, {NOT_HELD: 3, "table3:granted:natural": 0, "table3:granted:total": 0})
    assert [e.cell for e in paste] == [NOT_HELD]  # granted holds 0s already: only changed cells make edits
    paste = edits_for(rep.record.get, {NOT_HELD: 3, "table3:granted:natural": 5, "table3:granted:total": 7})
    ch = lib.apply_edits(rid, paste, reviewer="张三", expected_version=rep.version, kind="paste")
    assert len(ch.cells) == 3
    batches = {e.batch for e in lib.history(rid) if e.kind == "paste"}
    assert len(batches) == 1
    undo = lib.apply_edits(rid, inverse_all(paste), reviewer="张三", expected_version=ch.version, kind="undo")
    back = lib.load(rid)
    assert back.record.get(NOT_HELD) == 0 and back.origins[NOT_HELD] == "parsed"  # an undo clears the mark
    assert back.summary.errors == 2 and undo.errors == 2
    trail = [e for e in lib.history(rid) if e.cell is not None]
    assert [e.kind for e in trail] == ["paste"] * 3 + ["undo"] * 3  # nothing was deleted
    assert as_changes([CellEdit("a:b:c", 1, 2), CellEdit("a:b:c", 2, 3)]) == {"a:b:c": 3}
    assert CellEdit("a:b:c", 1, 2).inverse() == CellEdit("a:b:c", 2, 1)


def test_the_audit_trail_is_append_only(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    lib.set_cells(rid, {NOT_HELD: 3}, reviewer="张三", expected_version=lib.load(rid).version)
    c = lib.connection
    with pytest.raises(ERRORS, match="append-only"):
        c.execute("UPDATE edits SET reason = 'x'")
    with pytest.raises(ERRORS, match="append-only"):
        c.execute("DELETE FROM edits")
    assert c.execute("SELECT count(*) FROM edits WHERE report_id = ?", (rid,)).fetchone()[0] >= 2


def test_refused_values_and_cells(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    v = lib.load(rid).version
    with pytest.raises(ValidationError):
        lib.set_cells(rid, {"table3:nope:total": 1}, reviewer="张三", expected_version=v)
    with pytest.raises(ValidationError):
        lib.set_cells(rid, {NOT_HELD: "三件"}, reviewer="张三", expected_version=v)
    with pytest.raises(ValidationError):
        lib.set_cells(rid, {NOT_HELD: float("nan")}, reviewer="张三", expected_version=v)
    with pytest.raises(ValidationError):
        lib.set_cells(rid, {NOT_HELD: True}, reviewer="张三", expected_version=v)
    if named(lib):  # team mode: the login, never a missing name
        with pytest.raises(ValidationError, match="审核人"):
            lib.set_cells(rid, {NOT_HELD: 3}, reviewer=" ", expected_version=v)
    with pytest.raises(NotFoundError):
        lib.load(999)
    assert lib.load(rid).version == v  # nothing was written
    ch = lib.set_cells(rid, {NOT_HELD: "３"}, reviewer="张三", expected_version=v)  # what a reviewer types
    assert lib.load(rid).record.get(NOT_HELD) == 3 and ch.cells == [NOT_HELD]
    same = lib.set_cells(rid, {NOT_HELD: 3}, reviewer="张三", expected_version=ch.version)
    assert same.cells == [] and same.version == ch.version


def test_stale_write_is_refused_with_a_clear_message(library_at) -> None:
    path = library_at()
    with Library(path) as a, Library(path) as b:  # two windows: two connections on one library
        rid = _id_of(a, FAULTY)
        va, vb = a.load(rid).version, b.load(rid).version
        a.set_cells(rid, {NOT_HELD: 3}, reviewer="张三", expected_version=va)
        with pytest.raises(StaleWriteError, match="已被其他窗口或程序修改"):
            b.set_cells(rid, {NOT_HELD: 4}, reviewer="李四", expected_version=vb)
        with pytest.raises(StaleWriteError):
            b.verify(rid, reviewer="李四", expected_version=vb)
        assert b.load(rid).record.get(NOT_HELD) == 3
        b.set_cells(rid, {NOT_HELD: 4}, reviewer="李四", expected_version=b.load(rid).version)
        assert a.load(rid).record.get(NOT_HELD) == 4


def test_verify_refuses_errors_and_unacknowledged_warnings(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    v = lib.load(rid).version
    with pytest.raises(VerificationRefused) as err:
        lib.verify(rid, reviewer="张三", expected_version=v)
    assert len(err.value.errors) == 2 and "错误" in str(err.value)
    ch = lib.set_cells(rid, {NOT_HELD: 3}, reviewer="张三", expected_version=v)
    done = lib.verify(rid, reviewer="张三", note="与原件核对", expected_version=ch.version)
    assert done.status == "verified"
    rep = lib.load(rid)
    assert rep.summary.status == "verified" and rep.verification is not None
    assert rep.verification.reviewer == recorded(lib, "张三") and rep.verification.note == "与原件核对"
    # a verified report is read-only: an edit is refused until it is reopened, with a reason, in the trail
    with pytest.raises(ReportLocked, match="已核实，为只读"):
        lib.set_cells(rid, {"table3:granted:natural": 2}, reviewer="李四", expected_version=done.version)
    assert lib.load(rid).record.get("table3:granted:natural") != 2 and lib.summary(rid).version == done.version
    with pytest.raises(ValidationError, match="理由"):
        lib.reopen(rid, reason=" ", reviewer="李四", expected_version=done.version)
    back = lib.reopen(rid, reason="原件有更正页", reviewer="李四", expected_version=done.version)
    lib.set_cells(rid, {"table3:granted:natural": 2}, reviewer="李四", expected_version=back.version)
    rep = lib.load(rid)
    assert rep.status == "in_review" and rep.record.get("table3:granted:natural") == 2
    last = [e for e in lib.history(rid) if e.kind == "status"][-1]
    assert (last.old, last.new, last.reviewer, last.reason) == ("verified", "in_review", recorded(lib, "李四"), "重新打开审核：原件有更正页")


def test_verify_with_acknowledged_warnings(lib: Library) -> None:
    rid = _id_of(lib, "004_")
    rep = lib.load(rid)
    warnings = [f for f in rep.record.findings if f.severity == "warning"]
    assert {"POSITION", "UNPLACED", "BLANK"} <= {f.rule for f in warnings}
    acks = {finding_key(f): "已与原件核对" for f in warnings}
    with pytest.raises(VerificationRefused) as err:
        lib.verify(rid, reviewer="张三", acknowledgements=dict(list(acks.items())[:-1]), expected_version=rep.version)
    assert len(err.value.unacknowledged) == 1
    with pytest.raises(VerificationRefused):  # a blank reason is no reason
        lib.verify(rid, reviewer="张三", acknowledgements={k: " " for k in acks}, expected_version=rep.version)
    lib.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=rep.version)
    back = lib.load(rid)
    assert back.acknowledged == acks and back.status == "verified"
    with pytest.raises(ERRORS, match="append-only"):
        lib.connection.execute("DELETE FROM acknowledgements")


def test_set_status_and_metadata(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    v = lib.load(rid).version
    ch = lib.set_status(rid, "审核中", reviewer="张三", expected_version=v)
    assert ch.status == "in_review" and ch.version == v + 1
    with pytest.raises(ValidationError):
        lib.set_status(rid, "verified", reviewer="张三", expected_version=ch.version)
    ch = lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", reason="标题有误", agency="高青县审批局",
                             year="2021")
    s = lib.summary(rid)
    assert (s.agency, s.year) == ("高青县审批局", 2021)
    meta = [e for e in lib.history(rid) if e.kind == "metadata"]
    assert {(e.cell, e.old, e.new) for e in meta} == {("agency", "高青县行政审批服务局", "高青县审批局"),
                                                      ("year", 2020, 2021)}
    with pytest.raises(ValidationError, match="parser_version"):
        lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", parser_version="9.9")
    with pytest.raises(ValidationError, match="未知的格式"):
        lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", template="2020")
    with pytest.raises(ValidationError):
        lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", year="明年")


def test_agency_key_ignores_whitespace_and_punctuation() -> None:
    assert agency_key("淄博市 临淄区（行政审批服务局）") == agency_key("淄博市临淄区行政审批服务局")
    assert agency_key("高青县·行政审批服务局。") == agency_key("高青县行政审批服务局")
    assert agency_key("Ａ市\u3000局") == agency_key("a市局")
    assert agency_key(None) is None and agency_key(" 、") is None


def test_findings_of_an_older_rule_set_are_refreshed_on_load(lib: Library) -> None:
    rid = _id_of(lib, FAULTY)
    with lib.connection.write() as c:
        c.execute("DELETE FROM findings WHERE report_id = ?", (rid,))
        c.execute("UPDATE reports SET errors = 0, checked_with = '0.1' WHERE id = ?", (rid,))
    rep = lib.load(rid)
    assert rep.summary.errors == 2 and sum(f.severity == "error" for f in rep.record.findings) == 2


def test_a_report_file_written_by_a_user(lib: Library, tmp_path: Path) -> None:
    path = write_report(tmp_path / "in", "新报告.txt", variant_text(agency="某某县行政审批服务局", year=2023))
    summary = lib.import_paths([path], reviewer="张三")
    (rid,) = summary.imported
    s = lib.summary(rid)
    assert (s.agency, s.year, s.source_name) == ("某某县行政审批服务局", 2023, "新报告.txt")
    entry = lib.history(rid)[0]
    assert (entry.kind, entry.reviewer) == ("import", recorded(lib, "张三"))


def test_report_list_reads_rows_in_pages(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.store.types import ReportList

    monkeypatch.setattr(ReportList, "PAGE", 2)
    rows = lib.list_reports()
    assert len(rows) == 5 and rows._pages == {}  # nothing read yet
    assert rows[3].id == rows.ids[3] and set(rows._pages) == {1}
    assert [s.id for s in rows[-2:]] == rows.ids[-2:]
    assert list(rows) == list(lib.list_reports()) and rows == list(rows)
    assert [s.year for s in lib.list_reports(order="year")] == sorted(s.year for s in rows)
    assert [s.id for s in lib.list_reports(limit=2, offset=1)] == rows.ids[1:3]
    with pytest.raises(IndexError):
        rows[5]
    with pytest.raises(ValidationError):
        lib.list_reports(order="agency; DROP TABLE reports")


def test_list_orders_both_ways_and_text_finds_a_year(lib: Library) -> None:
    rows = lib.list_reports()
    by_year = [s.year for s in lib.list_reports(order="year")]
    assert by_year == sorted(s.year for s in rows)
    assert [s.year for s in lib.list_reports(order="year", descending=True)] == sorted(by_year, reverse=True)
    assert [s.id for s in lib.list_reports(descending=True)] == rows.ids[::-1]
    errors = [(s.errors, s.warnings) for s in lib.list_reports(order="errors", descending=True)]
    assert errors == sorted(errors, reverse=True) and errors[0][0] > 0
    files = [s.source_name for s in lib.list_reports(order="file")]
    assert files == sorted(files)
    assert {s.year for s in lib.list_reports(text="2020")} == {2020}  # typed in the filter box
    assert lib.years() == sorted({s.year for s in rows}, reverse=True)
    counts = lib.count()
    assert counts["all"] == 5 and counts["with_errors"] == sum(1 for s in rows if s.errors) == 1


def test_report_list_finds_and_replaces_a_row_without_reading_others(lib: Library,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewer.store.types import ReportList

    monkeypatch.setattr(ReportList, "PAGE", 2)
    rows = lib.list_reports()
    rid = rows.ids[3]
    assert rows.index_of(rid) == 3 and rows.index_of(10_000) == -1 and rows.pages_read == 0
    first = rows[3]
    assert rows.pages_read == 1
    changed = first._replace(status="in_review", errors=7)
    assert rows.put(changed) == 3 and rows[3] == changed and rows.pages_read == 1
    other = lib.summary(rows.ids[0])._replace(errors=9)
    assert rows.put(other) == 0 and rows.pages_read == 1  # a page not read is read fresh when shown
    assert rows[0] == lib.summary(rows.ids[0])


def test_default_library_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reviewer.store import default_library_path

    monkeypatch.delenv("REVIEWER_LIBRARY", raising=False)
    path = default_library_path()
    assert path.name == "library.sqlite3" and "ReportReviewer" in str(path)
    monkeypatch.setenv("REVIEWER_LIBRARY", str(tmp_path / "mine.sqlite3"))
    assert default_library_path() == tmp_path / "mine.sqlite3"
    with Library(seed_samples=False) as lib:
        assert lib.path == tmp_path / "mine.sqlite3" and lib.created
