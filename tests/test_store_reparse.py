"""Re-parsing a stored report keeps the reviewer's edits and flags where the new parse disagrees."""

from __future__ import annotations

from pathlib import Path

import pytest

import reviewer.store.reparse as reparse_module
from reviewer.api import PARSER_VERSION, parse_document
from reviewer.model import Document, Record
from reviewer.store import Library, VerificationRefused

from .fixtures.reports import FAULTY

A = "table3:unable.not_held:total"  # edited; the new parse reads it as before
B = "table3:granted:natural"  # edited; the new parse reads it differently: a conflict
C = "table3:granted:total"  # edited; the new parse reads what the reviewer typed
D = "table4:review:upheld"  # not edited; the new parse reads it differently


def _new_parser(doc: Document, source: dict | None = None, template: str | None = None) -> Record:
    """A 'newer parser': reads B as 7, C as 5 and D as 1, version 9.9."""
    rec = parse_document(doc, source, template)
    rec.set(B, 7)
    rec.set(C, 5)
    rec.set(D, 1)
    rec.parser_version = "9.9"
    return rec


@pytest.fixture
def lib(library_at, tmp_path: Path) -> Library:
    with Library(library_at()) as library:
        yield library


def _faulty(lib: Library) -> int:
    return next(s.id for s in lib.list_reports() if s.source_name.startswith(FAULTY))


def test_reparse_keeps_edits_and_flags_a_conflict(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {A: 3, B: 5, C: 5}, reviewer="张三", reason="核对原件", expected_version=v)
    ch = lib.update_metadata(rid, expected_version=ch.version, reviewer="张三", region="淄博市高青县")
    monkeypatch.setattr(reparse_module, "parse_document", _new_parser)
    result = lib.reparse(rid, reviewer="李四")
    assert result.version == ch.version + 1 and result.parser_version == "9.9"
    assert sorted(result.reapplied) == sorted([A, B, C])
    assert [(c.cell, c.replaced, c.parsed, c.edited) for c in result.conflicts] == [(B, 0, 7, 5)]
    rep = lib.load(rid)
    values = {cid: rep.record.get(cid) for cid in (A, B, C, D)}
    assert values == {A: 3, B: 5, C: 5, D: 1}
    assert rep.origins[A] == "edited" and rep.origins[B] == "edited" and rep.origins[C] == "parsed"
    assert rep.parsed[B] == 7 and rep.record.region == "淄博市高青县"
    conflict = [f for f in rep.record.findings if f.rule == "REPARSE"]
    assert [f.cells for f in conflict] == [[B]] and conflict[0].severity == "warning"
    assert [c.cell for c in rep.conflicts] == [B]
    trail = lib.history(rid)
    assert trail[-1].kind == "reparse" and (trail[-1].old, trail[-1].new) == (PARSER_VERSION, "9.9")
    assert len([e for e in trail if e.cell in (A, B, C)]) == 3  # the trail was not rewritten
    # the conflict is a warning to acknowledge at verification, or it goes once the cell is edited again
    with pytest.raises(VerificationRefused) as err:
        lib.verify(rid, reviewer="张三", expected_version=rep.version)
    assert "REPARSE" in {f.rule for f in err.value.unacknowledged}
    ch = lib.set_cells(rid, {B: 7}, reviewer="张三", reason="新解析正确", expected_version=rep.version)
    assert "REPARSE" not in {f.rule for f in ch.findings}
    assert lib.load(rid).conflicts == []


def test_reparse_without_edits_takes_the_new_parse(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    monkeypatch.setattr(reparse_module, "parse_document", _new_parser)
    result = lib.reparse(rid)
    assert result.reapplied == [] and result.conflicts == []
    assert lib.load(rid).record.get(B) == 7


def test_reparse_of_a_verified_report_whose_values_change(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {A: 3}, reviewer="张三", expected_version=v)
    lib.verify(rid, reviewer="张三", expected_version=ch.version)
    monkeypatch.setattr(reparse_module, "parse_document", _new_parser)
    lib.reparse(rid)
    rep = lib.load(rid)
    assert rep.status == "in_review"  # the values it was verified with changed (D)
    assert [(e.old, e.new) for e in lib.history(rid) if e.kind == "status"][-1] == ("verified", "in_review")
    assert "R5" in {f.rule for f in rep.record.findings}  # D = 1 breaks table 4's total


def test_reparse_after_an_undo_takes_the_new_parse(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    rid = _faulty(lib)
    v = lib.load(rid).version
    ch = lib.set_cells(rid, {B: 5}, reviewer="张三", expected_version=v)
    lib.set_cells(rid, {B: 0}, reviewer="张三", expected_version=ch.version, kind="undo")
    monkeypatch.setattr(reparse_module, "parse_document", _new_parser)
    result = lib.reparse(rid)
    assert result.conflicts == [] and lib.load(rid).record.get(B) == 7
