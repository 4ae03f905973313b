"""The reviewer chooses an ambiguous fused split: the choices are kept structured, and once the reviewer has
filled the undecided cells the SPLIT warning becomes an info naming the choice and the run no longer counts as
unplaced — derived from the values every time, on both backends, back again when the cells are cleared.

The case: the 淮安 2024 report saved as crawler text prints 行政规范性文件 as "82666" (8 · 26 · 66); no relation
and no sentence of the prose decides among its six splits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer import parse_bytes, refresh_findings
from reviewer.model import ORIGIN_EDITED, CellSource, Finding, Record, Unplaced, finding_key
from reviewer.rules.answered import accounted, answered, choices, choosable
from reviewer.store import Library, VerificationRefused
from reviewer.store.edits import CellEdit

from .crawler_gen import STYLES, crawler_text

ROW = "table2:normative_documents"
CELLS = [f"{ROW}:issued", f"{ROW}:repealed", f"{ROW}:in_force"]
SPLITS = ["8 · 2 · 666", "8 · 26 · 66", "8 · 266 · 6", "82 · 6 · 66", "82 · 66 · 6", "826 · 6 · 6"]


@pytest.fixture(scope="module")
def fused() -> tuple[bytes, Record]:
    _want, text = crawler_text("huaian-2024", STYLES[0])
    data = text.encode("utf-8")
    return data, parse_bytes(data, "report.txt")


def _split(rec: Record) -> Finding:
    return next(f for f in rec.findings if f.rule == "SPLIT" and set(f.cells) == set(CELLS))


def _open(rec: Record) -> list[Finding]:
    return [f for f in rec.findings if f.severity != "info" and not f.confirmed]


def _fill(rec: Record, values: dict[str, int | None], spans: dict[str, tuple[int, int]] | None = None) -> Record:
    """What the store does with a reviewer's values: set, origin edited (back to parsed when blank again)."""
    for cid, v in values.items():
        rec.set(cid, v)
        src = rec.provenance[cid]
        span = (spans or {}).get(cid, src.span)
        rec.provenance[cid] = CellSource(src.text, span, ORIGIN_EDITED if v is not None else "parsed")
    return refresh_findings(rec)


# -- the choices, as parsing lists them ------------------------------------------------------------------------

def test_an_ambiguous_split_lists_its_choices_with_texts_spans_and_values(fused: tuple[bytes, Record]) -> None:
    _data, rec = fused
    note = _split(rec)
    assert note.severity == "warning" and note.message_id == "split_ambiguous" and choosable(note)
    listed = choices(note)
    assert [c["split"] for c in listed] == note.params["alternatives"] and set(note.params["alternatives"]) == set(SPLITS)
    run = note.params["run"]
    assert rec.text[run[0]:run[1]] == "82666"
    for choice in listed:
        assert list(choice["cells"]) == CELLS  # the undecided cells, in column order
        pieces = [choice["cells"][c] for c in CELLS]
        assert [p["text"] for p in pieces] == choice["split"].split(" · ")
        assert all(rec.text[p["span"][0]:p["span"][1]] == p["text"] and p["value"] == int(p["text"]) for p in pieces)
        assert "".join(rec.text[p["span"][0]:p["span"][1]] for p in pieces) == "82666"  # the run, cut in three
    assert [f.rule for f in _open(rec)] == ["SPLIT", "UNPLACED", "BLANK"]


# -- answered, purely from the record ---------------------------------------------------------------------------

def test_a_chosen_split_is_an_info_and_the_run_is_no_longer_unplaced(fused: tuple[bytes, Record]) -> None:
    data, _ = fused
    rec = parse_bytes(data, "report.txt")
    warning_key = finding_key(_split(rec))
    choice = choices(_split(rec))[1]  # 8 · 26 · 66, as the report means it
    _fill(rec, {c: choice["cells"][c]["value"] for c in CELLS}, {c: tuple(choice["cells"][c]["span"]) for c in CELLS})
    info = _split(rec)
    assert info.severity == "info" and info.message_id == "split_chosen"
    assert info.message == "表二“第二十条第（一）项 行政规范性文件”印为“82666”，审核人已选择拆分 8 · 26 · 66（所列 6 种拆分中的第 2 种）"
    assert info.params["choice"] == 2 and info.params["answered"] is True
    assert finding_key(info) != warning_key  # a decision about the warning never attaches to the answer
    assert _open(rec) == []  # no SPLIT, no UNPLACED (its one value is the run), no BLANK
    assert rec.unplaced[0].text == "82666"  # still listed: the value is never dropped, only accounted for
    assert accounted(rec, rec.parse_notes) == {0: CELLS}


def test_typed_values_answer_too_and_say_when_they_are_none_of_the_splits(fused: tuple[bytes, Record]) -> None:
    data, _ = fused
    rec = parse_bytes(data, "report.txt")
    _fill(rec, dict(zip(CELLS, (82, 66, 6), strict=True)))  # typed: the spans stay the parsed run's
    assert _split(rec).message_id == "split_chosen" and _split(rec).params["choice"] == 5
    _fill(rec, {CELLS[2]: 7})
    note = _split(rec)
    assert note.severity == "info" and note.message_id == "split_entered"
    assert "审核人已填入 82 · 66 · 7，不是所列的拆分" in note.message
    assert _open(rec) == []


def test_a_partly_filled_split_still_asks_and_clearing_brings_the_warning_back(fused: tuple[bytes, Record]) -> None:
    data, _ = fused
    rec = parse_bytes(data, "report.txt")
    before = [(f.key, f.message) for f in _open(rec)]
    choice = choices(_split(rec))[1]
    spans = {c: tuple(choice["cells"][c]["span"]) for c in CELLS}
    _fill(rec, {CELLS[0]: 8, CELLS[1]: 26}, spans)  # captured from the run, but one cell still undecided
    assert _split(rec).severity == "warning" and not answered(rec, _split(rec))
    unplaced = next(f for f in rec.findings if f.rule == "UNPLACED")  # the run is its split's to account for
    assert unplaced.params["count"] == 1
    _fill(rec, {CELLS[2]: 66}, spans)
    assert _open(rec) == []
    _fill(rec, {CELLS[1]: None})  # cleared: the warnings are back, with the keys they had
    assert [(f.key, f.message) for f in _open(rec) if f.rule in ("SPLIT", "UNPLACED")] == before[:2]


def test_a_split_read_before_its_choices_were_kept_is_answered_too(fused: tuple[bytes, Record]) -> None:
    """A report imported by parser 1.5 keeps SPLIT notes without `choices` and `run`: typed values still answer
    it, and the cells' spans (the whole run, as parsing linked the blank cells) account for the run."""
    data, _ = fused
    rec = parse_bytes(data, "report.txt")
    note = next(f for f in rec.parse_notes if f.rule == "SPLIT" and f.cells == CELLS)
    del note.params["choices"], note.params["run"]
    _fill(rec, dict(zip(CELLS, (8, 26, 66), strict=True)))
    assert _split(rec).message_id == "split_chosen" and _split(rec).params["choice"] == 2
    assert _open(rec) == []


def test_unplaced_counts_only_values_no_captured_span_accounts_for() -> None:
    """Three unplaced values; a reviewer captures one into a cell (its span overlaps it), types another cell
    (no span of the text): the warning counts two, then none once every value was captured."""
    text = "规范性文件 12 甲 5 乙 7"
    rec = Record(source={}, template="2021", text=text,
                 tables={"table2": {"regulations": {"issued": None, "repealed": None, "in_force": None}}},
                 provenance={f"table2:regulations:{c}": CellSource("", None) for c in ("issued", "repealed", "in_force")},
                 unplaced=[Unplaced("table2", t, (text.index(t), text.index(t) + len(t)), "无法确定所属行")
                           for t in ("12", "5", "7")])
    rec.parse_notes = [Finding(rule="UNPLACED", severity="warning", cells=["table2:*"], name="unplaced values",
                               message="有 3 个数值无法确定所属单元格，已列出，未计入表格", message_id="unplaced",
                               params={"count": 3})]
    refresh_findings(rec)
    key = next(f.key for f in rec.findings if f.rule == "UNPLACED")
    _fill(rec, {"table2:regulations:issued": 12}, {"table2:regulations:issued": (6, 8)})
    _fill(rec, {"table2:regulations:repealed": 5})  # typed, no span: accounts for nothing
    note = next(f for f in rec.findings if f.rule == "UNPLACED")
    assert (note.params["count"], note.message, note.key) == (2, "有 2 个数值无法确定所属单元格，已列出，未计入表格", key)
    _fill(rec, {"table2:regulations:repealed": 5, "table2:regulations:in_force": 7},
          {"table2:regulations:repealed": (11, 12), "table2:regulations:in_force": (15, 16)})
    assert not any(f.rule == "UNPLACED" for f in rec.findings)


# -- in the library, on both backends ---------------------------------------------------------------------------

@pytest.fixture
def lib(library_at) -> Iterator[Library]:
    with Library(library_at(), seed_samples=False) as library:
        yield library


def _import(lib: Library, tmp_path: Path, data: bytes) -> int:
    path = tmp_path / "淮安市2024年政府信息公开工作年度报告.txt"
    path.write_bytes(data)
    return lib.import_paths([path], reviewer="张三").imported[0]


def _choose(lib: Library, rid: int, k: int) -> list[CellEdit]:
    """What 选择拆分 writes: one capture edit, each cell with its piece of the run."""
    rep = lib.load(rid)
    choice = choices(_split(rep.record))[k]
    edits = [CellEdit(c, rep.record.get(c), choice["cells"][c]["value"], tuple(choice["cells"][c]["span"]))
             for c in CELLS]
    lib.apply_edits(rid, edits, reviewer="张三", kind="capture", expected_version=rep.version)
    return edits


def test_a_chosen_split_verifies_without_a_reason_and_undo_asks_again(lib: Library, tmp_path: Path, library_at,
                                                                      fused: tuple[bytes, Record]) -> None:
    rid = _import(lib, tmp_path, fused[0])
    rep = lib.load(rid)
    assert [f.rule for f in _open(rep.record)] == ["SPLIT", "UNPLACED", "BLANK"]
    edits = _choose(lib, rid, 1)
    with Library(library_at(), seed_samples=False) as again:  # another connection reads the same: nothing in memory
        assert [f.message_id for f in again.load(rid).record.findings if f.cells == CELLS] == ["split_chosen"]
    rep = lib.load(rid)  # read back: derived from the stored values, nothing else kept
    assert [rep.record.get(c) for c in CELLS] == [8, 26, 66] and _split(rep.record).message_id == "split_chosen"
    assert _open(rep.record) == [] and (rep.summary.warnings, rep.summary.errors) == (0, 0)
    assert {c: rep.record.text[s[0]:s[1]] for c, s in lib.source_spans(rid)[1].items()} == dict(
        zip(CELLS, ("8", "26", "66"), strict=True))  # each cell links to its digits
    trail = [e for e in lib.history(rid) if e.cell in CELLS]
    assert {e.kind for e in trail} == {"capture", "source_span"} and len({e.batch for e in trail}) == 1
    # undone: the warnings are back and verification asks for them again
    lib.apply_edits(rid, [e.inverse() for e in edits], reviewer="张三", kind="undo", expected_version=rep.version)
    rep = lib.load(rid)
    assert [f.rule for f in _open(rep.record)] == ["SPLIT", "UNPLACED", "BLANK"]
    with pytest.raises(VerificationRefused, match="SPLIT"):
        lib.verify(rid, reviewer="张三", acknowledgements={}, expected_version=rep.version)
    lib.apply_edits(rid, edits, reviewer="张三", kind="redo", expected_version=rep.version)
    rep = lib.load(rid)
    done = lib.verify(rid, reviewer="张三", acknowledgements={}, expected_version=rep.version)
    assert done.status == "verified"
    assert lib.load(rid).acknowledged == {}


def test_a_confirmed_defect_is_never_carried_over_to_the_answer(lib: Library, tmp_path: Path,
                                                                fused: tuple[bytes, Record]) -> None:
    """The SPLIT warning confirmed as a source defect: choosing answers it; the confirmation stays, inactive,
    attached to nothing else, and applies again when an undo brings the warning back."""
    rid = _import(lib, tmp_path, fused[0])
    rep = lib.load(rid)
    key = finding_key(_split(rep.record))
    ch = lib.confirm_defect(rid, key, reason="原件把三格数字连在一起印", reviewer="张三", expected_version=rep.version)
    assert ch.defects == 1
    edits = _choose(lib, rid, 1)
    rep = lib.load(rid)
    assert not any(f.confirmed for f in rep.record.findings)
    assert [(c.finding_key, c.active) for c in rep.confirmations] == [(key, False)]
    assert rep.summary.defects == 0
    lib.apply_edits(rid, [e.inverse() for e in edits], reviewer="张三", kind="undo", expected_version=rep.version)
    rep = lib.load(rid)
    back = _split(rep.record)
    assert back.severity == "warning" and back.confirmed and back.resolution["reason"] == "原件把三格数字连在一起印"
    assert [(c.finding_key, c.active) for c in rep.confirmations] == [(key, True)]


def test_a_verified_report_refuses_the_choice(lib: Library, tmp_path: Path, fused: tuple[bytes, Record]) -> None:
    from reviewer.store import ReportLocked

    rid = _import(lib, tmp_path, fused[0])
    rep = lib.load(rid)
    acks = {finding_key(f): "原件如此" for f in _open(rep.record)}
    lib.verify(rid, reviewer="张三", acknowledgements=acks, expected_version=rep.version)
    with pytest.raises(ReportLocked):
        _choose(lib, rid, 1)
    assert [lib.load(rid).record.get(c) for c in CELLS] == [None] * 3


def test_the_review_report_names_the_split_the_reviewer_chose(lib: Library, tmp_path: Path,
                                                               fused: tuple[bytes, Record]) -> None:
    """审核意见书: the problem the review started from (the ambiguous split) is listed, resolved by the reviewer's
    values, with who filled them in."""
    from reviewer.review_report.build import MISREAD, reviews, select_for_review
    from reviewer.store.stats import open_reader

    rid = _import(lib, tmp_path, fused[0])
    _choose(lib, rid, 1)
    conn = open_reader(lib.address)
    try:
        review = reviews(conn, select_for_review(conn, ids=[rid]))[0]
    finally:
        conn.close()
    split = next(p for p in review.problems if p.rule == "SPLIT")
    who = next(e.reviewer for e in lib.history(rid) if e.kind == "capture")  # 张三; a server's login on PostgreSQL
    assert split.severity == "warning" and split.resolution == MISREAD and split.by == who
    assert "本年废止件数 由 空 改为 26" in split.reason
    assert any(p.rule == "UNPLACED" for p in review.problems)
