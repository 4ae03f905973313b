"""The format version (2019 / 2021 template) chosen by the reviewer: a re-parse of the stored source that keeps
the edits whose cell still exists, lists those whose cell does not, is audited, and lasts across re-parses.
Re-parse reports its steps and can be cancelled until it writes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import reviewer.store.crossreport as crossreport_module
import reviewer.store.reparse as reparse_module
from reviewer.api import PARSER_VERSION, parse_document
from reviewer.errors import StaleWriteError, ValidationError
from reviewer.model import Document, Record, finding_key
from reviewer.store import Library, ReportLocked, VerificationRefused

from .fixtures.reports import FAULTY
from .people import recorded

SHARED = "table3:unable.not_held:total"  # in both formats: the culprit of seed 003 (printed 0, should be 3)
ONLY_2019 = "table3:other:natural"  # （六）其他处理, one row in 2019
ROWS_2021 = ("table3:other.overdue_correction:natural", "table3:other.unpaid_fee:natural",
             "table3:other.other:natural")  # three （六） rows in 2021


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Iterator[Library]:
    with Library(library_at()) as library:
        yield library


def _faulty(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))


def _state(lib: Library, rid: int) -> tuple:
    """Everything a re-parse may change, to compare before and after."""
    rep = lib.load(rid)
    cells = sorted(lib.connection.execute("SELECT cell, parsed, value, origin FROM cells WHERE report_id = ?",
                                          (rid,)).fetchall())
    return (rep.version, rep.status, rep.record.template, cells, len(lib.history(rid)), rep.forced_template,
            [f.to_json() for f in rep.record.findings])


def test_a_format_change_keeps_edits_lists_lost_ones_and_is_audited(lib: Library) -> None:
    rid = _faulty(lib)
    rep = lib.load(rid)
    assert rep.record.template == "2019" and rep.forced_template is None
    ch = lib.set_cells(rid, {SHARED: 3, ONLY_2019: 2}, reviewer="张三", reason="核对原件", expected_version=rep.version)

    result = lib.update_metadata(rid, expected_version=ch.version, reviewer="李四", reason="表格是2021年修订格式",
                                 template="2021")

    assert (result.template_before, result.template, result.forced_template) == ("2019", "2021", "2021")
    assert result.format_changed and not result.cancelled and result.version == ch.version + 1
    assert result.reapplied == [SHARED]  # the edit of a cell both formats have is kept
    assert [(c.cell, c.replaced, c.edited, c.missing) for c in result.lost] == [(ONLY_2019, 0, 2, True)]
    rep = lib.load(rid)
    assert rep.record.template == "2021" and rep.forced_template == "2021"
    assert rep.record.get(SHARED) == 3 and rep.origins[SHARED] == "edited"
    assert all(rep.record.get(c) is None and c in rep.origins for c in ROWS_2021)  # the three （六） rows
    assert ONLY_2019 not in rep.origins
    assert set(result.cells) >= {ONLY_2019, *ROWS_2021}
    # the lost edit is a warning naming the cell by its 2019 label, and it is still in the trail
    lost = [f for f in rep.record.findings if f.rule == "REPARSE"]
    assert [f.cells for f in lost] == [[ONLY_2019]] and lost[0].severity == "warning"
    assert "（六）其他处理" in lost[0].message and "由 0 改为 2" in lost[0].message
    trail = lib.history(rid)
    assert [(e.old, e.new, e.reviewer) for e in trail if e.cell == ONLY_2019] == [(0, 2, recorded(lib, "张三"))]
    fmt = [e for e in trail if e.kind == "metadata" and e.cell == "template"]
    assert [(e.old, e.new, e.reviewer, e.reason) for e in fmt] == [
        ("2019", "2021", recorded(lib, "李四"), "表格是2021年修订格式")]
    assert fmt[0].at and fmt[0].batch == trail[-1].batch  # one batch with the re-parse line
    assert trail[-1].kind == "reparse" and "格式 2019 → 2021" in trail[-1].reason and "1 处" in trail[-1].reason
    # verifying needs the lost edit acknowledged with a reason
    with pytest.raises(VerificationRefused) as refused:
        lib.verify(rid, reviewer="李四", expected_version=rep.version)
    assert "REPARSE" in {f.rule for f in refused.value.unacknowledged}


def test_the_chosen_format_survives_a_later_reparse(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {SHARED: 3}, reviewer="张三", expected_version=v)
    lib.reparse(rid, template="2021", reviewer="张三", expected_version=ch.version)
    seen: list[str | None] = []

    def newer(doc: Document, source: dict | None = None, template: str | None = None) -> Record:
        seen.append(template)
        rec = parse_document(doc, source, template)
        rec.parser_version = "9.9"
        return rec

    monkeypatch.setattr(reparse_module, "parse_document", newer)
    result = lib.reparse(rid)  # after a parser update: no format given
    assert seen == ["2021"]
    assert result.template == result.template_before == "2021" and not result.format_changed
    assert result.parser_version == "9.9" and result.reapplied == [SHARED] and result.lost == []
    rep = lib.load(rid)
    assert rep.record.template == "2021" and rep.forced_template == "2021" and rep.record.get(SHARED) == 3


def test_choosing_the_first_format_again_brings_a_lost_edit_back(lib: Library) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {ONLY_2019: 2}, reviewer="张三", expected_version=v)
    r21 = lib.reparse(rid, template="2021", reviewer="张三", expected_version=ch.version)
    assert [c.cell for c in r21.lost] == [ONLY_2019]
    r19 = lib.reparse(rid, template="2019", reviewer="张三", reason="还是2019格式", expected_version=r21.version)
    assert r19.lost == [] and r19.reapplied == [ONLY_2019]
    rep = lib.load(rid)
    assert rep.record.get(ONLY_2019) == 2 and rep.forced_template == "2019"
    assert "REPARSE" not in {f.rule for f in rep.record.findings}
    assert [(e.old, e.new) for e in lib.history(rid) if e.cell == "template"] == [("2019", "2021"), ("2021", "2019")]


def test_a_stale_format_change_is_refused_and_changes_nothing(lib: Library) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    lib.set_cells(rid, {SHARED: 3}, reviewer="另一窗口", expected_version=v)  # another window wrote first
    before = _state(lib, rid)
    with pytest.raises(StaleWriteError, match="版本"):
        lib.update_metadata(rid, expected_version=v, reviewer="张三", template="2021")
    with pytest.raises(StaleWriteError):
        lib.reparse(rid, template="2021", reviewer="张三", expected_version=v)
    assert _state(lib, rid) == before


def test_a_write_that_goes_stale_during_the_parse_is_refused(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version

    def parse_while_another_writes(doc: Document, source: dict | None = None, template: str | None = None) -> Record:
        lib.set_cells(rid, {SHARED: 3}, reviewer="另一窗口", expected_version=v)
        return parse_document(doc, source, template)

    monkeypatch.setattr(reparse_module, "parse_document", parse_while_another_writes)
    with pytest.raises(StaleWriteError):
        lib.reparse(rid, template="2021", reviewer="张三", expected_version=v)
    rep = lib.load(rid)
    assert rep.record.template == "2019" and rep.version == v + 1 and rep.record.get(SHARED) == 3


def test_format_and_agency_corrected_in_one_step(lib: Library) -> None:
    rid = _faulty(lib)
    rep = lib.load(rid)
    result = lib.update_metadata(rid, expected_version=rep.version, reviewer="张三", reason="核对封面",
                                 template="2021", agency="高青县审批局")
    assert result.version == rep.version + 1 and result.template == "2021"
    s = lib.summary(rid)
    assert (s.agency, s.template) == ("高青县审批局", "2021")
    batch = [e for e in lib.history(rid) if e.batch == result.batch]
    assert {(e.kind, e.cell, e.new) for e in batch} >= {("metadata", "agency", "高青县审批局"),
                                                         ("metadata", "template", "2021"), ("reparse", None, PARSER_VERSION)}


def test_the_same_format_is_no_change_and_unknown_ones_are_refused(lib: Library) -> None:
    rid = _faulty(lib)
    rep = lib.load(rid)
    before = _state(lib, rid)
    ch = lib.update_metadata(rid, expected_version=rep.version, reviewer="张三", template="2019")
    assert ch.version == rep.version and _state(lib, rid) == before
    with pytest.raises(ValidationError, match="未知的格式"):
        lib.reparse(rid, template="2020", reviewer="张三")
    with pytest.raises(ValidationError, match="审核人"):
        lib.reparse(rid, template="2021", reviewer=" ")  # a format change is a reviewer's decision
    assert _state(lib, rid) == before


def test_a_verified_report_changes_format_only_once_reopened(lib: Library) -> None:
    rid = _faulty(lib)
    rep = lib.load(rid)
    sug = next(f.suggestion for f in rep.record.findings if f.suggestion)
    ch = lib.set_cells(rid, {sug["cell"]: sug["value"]}, reviewer="张三", expected_version=rep.version)
    acks = {finding_key(f): "已核对" for f in ch.findings if f.severity == "warning"}
    ch = lib.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=ch.version)
    with pytest.raises(ReportLocked):
        lib.reparse(rid, template="2021", reviewer="张三", expected_version=ch.version)
    assert lib.summary(rid).template == "2019" and lib.summary(rid).status == "verified"
    ch = lib.reopen(rid, reason="格式判断有误", reviewer="张三", expected_version=ch.version)
    result = lib.reparse(rid, template="2021", reviewer="张三", expected_version=ch.version)
    assert result.status == "in_review" and lib.summary(rid).template == "2021"
    assert [(e.old, e.new) for e in lib.history(rid) if e.kind == "status"][-1] == ("verified", "in_review")


# -- progress and cancel -----------------------------------------------------------------------------------

def test_progress_is_reported_step_by_step(lib: Library) -> None:
    rid = _faulty(lib)
    calls: list[tuple[int, int, str]] = []
    lib.reparse(rid, template="2021", reviewer="张三", progress=lambda d, t, m: calls.append((d, t, m)))
    done = [d for d, _t, _m in calls]
    assert len(calls) >= 3 and done == sorted(done)  # monotonic
    assert {t for _d, t, _m in calls} == {reparse_module.STEPS}  # determinate: one total throughout
    assert calls[0][0] == 0 and calls[-1][0] == reparse_module.STEPS
    assert all(m for _d, _t, m in calls)


@pytest.mark.parametrize("polls_before_cancel", [0, 1, 2, 3])
def test_cancel_before_the_write_changes_nothing(lib: Library, polls_before_cancel: int) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {ONLY_2019: 2}, reviewer="张三", expected_version=v)
    before = _state(lib, rid)
    polls = 0

    def cancel() -> bool:
        nonlocal polls
        polls += 1
        return polls > polls_before_cancel

    result = lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", template="2021", cancel=cancel)
    assert result.cancelled and result.version == ch.version and result.template == "2019" and result.lost == []
    assert polls == polls_before_cancel + 1  # it stopped at the first poll that asked
    assert _state(lib, rid) == before


def test_cancel_asked_during_the_write_leaves_the_whole_write(lib: Library,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    pressed: list[bool] = []
    polls_after: list[bool] = []
    recheck = crossreport_module.recheck

    def recheck_while_cancel_is_pressed(*args: object, **kwargs: object) -> object:
        pressed.append(True)  # the reviewer presses Cancel while the transaction runs
        return recheck(*args, **kwargs)

    def cancel() -> bool:
        if pressed:
            polls_after.append(True)
        return bool(pressed)

    monkeypatch.setattr(crossreport_module, "recheck", recheck_while_cancel_is_pressed)
    result = lib.reparse(rid, template="2021", reviewer="张三", cancel=cancel)
    assert pressed and not polls_after  # not asked once the write had begun
    assert not result.cancelled and result.template == "2021"
    rep = lib.load(rid)
    assert rep.record.template == "2021" and rep.version == result.version
    assert all(c in rep.origins for c in ROWS_2021)


def test_a_failure_inside_the_write_rolls_everything_back(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    lib.set_cells(rid, {ONLY_2019: 2}, reviewer="张三", expected_version=v)
    before = _state(lib, rid)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("磁盘已满")

    monkeypatch.setattr(crossreport_module, "recheck", broken)  # fails after cells and trail were written
    with pytest.raises(OSError, match="磁盘已满"):
        lib.reparse(rid, template="2021", reviewer="张三")
    monkeypatch.undo()
    assert _state(lib, rid) == before
    assert lib.integrity_check() == "ok"
