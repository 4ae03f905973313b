"""A value captured from the text keeps its source span in the store, through undo and redo."""

from __future__ import annotations

from pathlib import Path

from reviewer.capture import numbers_in, value_of
from reviewer.store import Library
from reviewer.store.edits import CellEdit, inverse_all

SEED_004 = next((Path(__file__).resolve().parents[1] / "resources" / "samples").glob("004_*.txt"))


def test_a_captured_value_links_its_cell_to_the_span_it_was_read_from(library_at, tmp_path: Path) -> None:
    lib = Library(library_at(), seed_samples=False)
    rid = lib.import_paths([SEED_004], reviewer="t").imported[0]
    stored = lib.load(rid)
    unplaced = stored.record.unplaced[0]
    cid = "table3:carried_forward:total"
    parsed_span = stored.record.provenance[cid].span
    value = value_of(stored.text, unplaced.span)
    assert value == 0 and unplaced.span != parsed_span
    edit = CellEdit(cid, stored.record.get(cid), 7, span=unplaced.span)  # 7: not what the cell holds
    change = lib.apply_edits(rid, [edit], reviewer="张三", kind="capture", expected_version=stored.version)
    again = lib.load(rid)
    assert again.record.get(cid) == 7 and again.record.provenance[cid].span == tuple(unplaced.span)
    lines = [(e.kind, e.cell, e.old, e.new) for e in lib.history(rid) if e.batch == change.batch]
    assert ("capture", cid, stored.record.get(cid), 7) in lines
    assert ("source_span", cid, unplaced.span[0], unplaced.span[1]) in lines

    # undo: the parsed value and span come back; redo: the captured ones
    v = lib.apply_edits(rid, inverse_all([edit]), reviewer="张三", kind="undo", expected_version=change.version).version
    assert lib.load(rid).record.provenance[cid].span == parsed_span
    lib.apply_edits(rid, [edit], reviewer="张三", kind="redo", expected_version=v)
    assert lib.load(rid).record.provenance[cid].span == tuple(unplaced.span)
    lib.close()


def test_numbers_are_read_from_a_stretch_of_text_with_their_spans() -> None:
    text = "共收到申请３件，办结1,204件，其中公开12.5万元；——；2020年"
    found = numbers_in(text)
    assert [v for v, _ in found] == [3, 1204, 12.5, 2020]
    assert all(text[s:e].startswith(("３", "1", "2")) for _, (s, e) in found)
