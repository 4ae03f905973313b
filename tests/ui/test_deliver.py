"""文件 › 导出…, 导入修改… and the 审核意见书 from the app: through the menu, in the background, and the files
hold what the store holds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from reviewer.export.xlsx import SHEET_NAMES, form_for
from reviewer.model import finding_key
from tests.ui.conftest import open_sample
from ui.export_dialog import ExportChoice, ExportDialog

A, B = "table3:granted:natural", "table3:granted:total"


def _menu_action(window, text: str):  # noqa: ANN001, ANN202
    """An action of the 文件 menu found by its text, as a reviewer finds it."""
    file_menu = window.menuBar().actions()[0].menu()
    found = [a for a in file_menu.actions() if a.text() == text]
    for sub in (a.menu() for a in file_menu.actions() if a.menu() is not None):
        found += [a for a in sub.actions() if a.text() == text]
    assert found, text
    return found[0]


def _verify(window, rid: int) -> None:  # noqa: ANN001
    rep = window.library.load(rid)
    acks = {finding_key(f): "与原件一致" for f in rep.record.findings if f.severity == "warning"}
    window.library.verify(rid, reviewer=window.reviewer, acknowledgements=acks, expected_version=rep.version)


def _export_through_menu(qtbot, window, fmt: str, scope: str, path: Path) -> None:  # noqa: ANN001
    _menu_action(window, "导出…").trigger()
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog)
    dialog.set_choice(fmt, scope, path)
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        dialog.accept()
    box = window.last_message
    assert box is not None and box.windowTitle() == "导出完成", box.text()
    assert any(b.text() == "打开所在文件夹" for b in box.buttons())
    box.close()


def test_export_through_the_menu_holds_what_the_store_holds(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    ids = [open_sample(qtbot, window, p) for p in ("000", "001", "004")]
    _verify(window, ids[0])
    _verify(window, ids[2])
    out = tmp_path / "verified.csv"
    _export_through_menu(qtbot, window, "csv", "verified", out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert sorted({int(r["report_id"]) for r in rows}) == [ids[0], ids[2]]  # verified only, by default
    for rid in (ids[0], ids[2]):
        stored = window.library.load(rid)
        got = {f"{r['table']}:{r['row']}:{r['column']}": r["value"] for r in rows if int(r["report_id"]) == rid}
        assert list(got) == stored.record.cell_ids()
        assert all(got[c] == ("" if stored.record.get(c) is None else str(stored.record.get(c))) for c in got)
        assert {r["report_version"] for r in rows if int(r["report_id"]) == rid} == {str(stored.version)}
    # the selected reports, as JSON Lines
    window.library_panel.view.selectAll()
    out = tmp_path / "selected.jsonl"
    _export_through_menu(qtbot, window, "jsonl", "selected", out)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["library"]["id"] for d in lines) == sorted(ids)
    for d in lines:
        assert d["tables"] == window.library.load(d["library"]["id"]).record.tables


def test_export_can_be_cancelled(qtbot, window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    open_sample(qtbot, window, "000")
    import reviewer.export.common as common

    original = common.tick

    def pressed_cancel(done: int, total: int) -> None:
        if not window.runner.cancelled:
            window.runner.cancel()  # the reviewer presses Cancel as the export starts
        original(done, total)

    monkeypatch.setattr(common, "tick", pressed_cancel)
    out = tmp_path / "all.xlsx"
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.deliveries.run_export(ExportChoice("xlsx", "all", out))
    assert window.last_message.windowTitle() == "导出未完成" and "导出已取消" in window.last_message.text()
    window.last_message.close()
    assert not out.exists()


def test_import_edits_from_the_app(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "000")
    out = tmp_path / "导出.xlsx"
    _export_through_menu(qtbot, window, "xlsx", "all", out)
    before = window.library.load(rid)
    wb = openpyxl.load_workbook(out)
    ws = wb[SHEET_NAMES["table3"]]
    top = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith(f"#{rid} "))
    form = form_for(before.record.template, None, "table3",
                    [c for c in before.record.cell_ids() if c.startswith("table3:")])
    for cid, v in ((A, 21), (B, 22)):
        r, c = form.positions()[cid]
        ws.cell(top + 1 + r, 1 + c).value = v
    wb.save(out)
    window.library.set_cells(rid, {B: 30}, reviewer=window.reviewer, reason="核对原件", expected_version=before.version)
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.deliveries.import_edits(str(out))
    dialog = window.dialog
    assert dialog.table.rowCount() == 2
    texts = [dialog.table.item(r, 3).text() for r in range(2)]
    assert f"{before.record.get(A)} → 21" in texts and f"{before.record.get(B)} → 22" in texts
    conflict_row = texts.index(f"{before.record.get(B)} → 22")
    assert dialog.table.item(conflict_row, 5).text().startswith("冲突")
    dialog.accept()
    after = window.library.load(rid)
    assert after.record.get(A) == 21 and after.record.get(B) == 30
    assert window.library.history(rid, A)[-1].reason == "Excel: 导出.xlsx"
    assert window.session.version == after.version  # the open report shows the new values


def test_review_report_as_pdf_and_preview(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    rid = open_sample(qtbot, window, "003")
    rep = window.library.load(rid)
    window.library.set_cells(rid, {"table3:unable.not_held:total": 3}, reviewer=window.reviewer, reason="原件为3",
                             expected_version=rep.version)
    out = tmp_path / "意见书.pdf"
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        assert window.deliveries.review_report("pdf", out)
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(out))
    import unicodedata

    # the PDF's CJK font maps some characters to compatibility or radical forms (⾼ for 高, ⻘ for 青): compare
    # as a reader reads, on words without radicals
    text = unicodedata.normalize("NFKC", "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    pdf.close()
    assert "县行政审批服务局2020" in text and "的审核意" in text and "更正误读" in text and "原件为3" in text
    docx_out = tmp_path / "意见书.docx"
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.deliveries.review_report("docx", docx_out)
    import docx

    assert any("更正误读" in p.text for p in docx.Document(str(docx_out)).paragraphs)
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.deliveries.review_report("preview")
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    assert isinstance(window.dialog, QPrintPreviewDialog)
    window.dialog.close()
