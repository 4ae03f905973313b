"""What the window hands over and takes back: 导出… (in the background, with progress and Cancel), 导入修改…
(an edited export previewed cell by cell, then applied as audited edits), and the 审核意见书 (print preview,
PDF, Word). The work is the core's; this module asks, runs it off the GUI thread and reports."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reviewer.errors import ReviewerError
from ui.export_dialog import ExportChoice, ExportDialog
from ui.i18n import tr
from ui.library_access import close_library, open_library

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.main_window import MainWindow


def _build_review(library_path: Path | str, ids: list[int], cancel: Any) -> Any:
    """The review report's content, read in one snapshot of the library (in the worker thread)."""
    from reviewer.review_report.build import review_document, reviews, select_for_review
    from reviewer.store.stats import open_reader

    conn = open_reader(library_path)
    try:
        items = reviews(conn, select_for_review(conn, ids=ids), cancel=cancel)
    finally:
        conn.close()
    if cancel():
        raise ReviewerError(tr("已取消"))
    return review_document(items)


class Deliveries:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.last_export: Any = None  # the ExportResult of the latest export
        self.last_review: Any = None  # the path of the latest review report written

    def register(self, commands: Commands) -> None:
        """文件 › 导出…, 导入修改…, 审核意见书 ›: each runs in the background, so none starts while work runs."""
        idle = self.w.idle
        commands.add("export", tr("导出…"), self.export, when=idle, owner="deliveries",
                     tip=tr("导出 CSV、XLSX 或 JSONL（默认只含已核实的报告）"))
        commands.add("import_edits", tr("导入修改…"), self.import_edits, when=idle, owner="deliveries",
                     tip=tr("导入在 Excel 中修改过的导出文件，逐格确认后记入审核记录"))
        commands.add("report_preview", tr("打印预览…"), lambda: self.review_report("preview"), when=idle,
                     tip=tr("选中报告（或当前报告）的审核意见书：打印或另存为 PDF"), owner="deliveries")
        commands.add("report_pdf", tr("保存为 PDF…"), lambda: self.review_report("pdf"), when=idle,
                     owner="deliveries")
        commands.add("report_docx", tr("保存为 Word…"), lambda: self.review_report("docx"), when=idle,
                     tip=tr("审核意见书（一份报告）或问题清单（多份，按机关分节），可在 WPS 和 Word 中编辑"),
                     owner="deliveries")

    def _warning(self, title: str) -> Callable[[str], None]:
        def show(message: str) -> None:
            self.w.inform(title, message, QMessageBox.Icon.Warning)

        return show

    # -- which reports ---------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        panel = self.w.library_panel
        rows = sorted(i.row() for i in panel.view.selectionModel().selectedRows())
        return [panel.model.summary(r).id for r in rows]

    def review_ids(self) -> list[int]:
        """The selected reports, or the open one."""
        ids = self.selected_ids()
        if not ids and self.w.session is not None:
            ids = [self.w.session.report_id]
        return ids

    def counts(self) -> dict[str, int]:
        count = self.w.library.count()
        return {"verified": count.get("verified", 0), "all": count.get("all", 0),
                "filter": len(self.w.library_panel.model.ids()), "selected": len(self.selected_ids())}

    # -- export ----------------------------------------------------------------------------------------
    def export(self) -> ExportDialog:
        folder = self.w.settings.get("last_export_dir") or str(Path.home())
        stem = tr("年报导出") + "-" + _dt.date.today().strftime("%Y%m%d")
        dialog = ExportDialog(self.counts(), folder, stem, self.w)
        dialog.accepted.connect(lambda: self.run_export(dialog.choice()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.w.dialog = dialog
        return dialog

    def run_export(self, choice: ExportChoice) -> bool:
        ids: list[int] | None = None
        if choice.scope == "filter":
            ids = self.w.library_panel.model.ids()
        elif choice.scope == "selected":
            ids = self.selected_ids()
        include_all = choice.scope != "verified"
        library_path = self.w.library_path
        self.w.settings.set("last_export_dir", str(choice.path.parent))

        def task(progress: Any, cancel: Any) -> Any:
            from reviewer.export import export

            lib = open_library(library_path, seed_samples=False)  # this thread's own connection
            try:
                return export(lib, choice.path, choice.fmt, include_all=include_all, ids=ids, progress=progress,
                              cancel=cancel)
            finally:
                close_library(lib)

        return self.w.runner.start(task, label=tr("正在导出…"), on_success=self._exported,
                                   on_failure=self._warning(tr("导出未完成")))

    def _exported(self, result: Any) -> None:
        self.last_export = result
        text = tr("已导出 {n} 份报告到 {path}").format(n=result.reports, path=result.path)
        self.w.show_status(text)
        box = self.w.inform(tr("导出完成"), text)
        opener = box.addButton(tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
        opener.clicked.connect(lambda: self.open_folder(Path(result.path).parent))

    @staticmethod
    def open_folder(folder: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # -- import edits ----------------------------------------------------------------------------------
    def import_edits(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.w, tr("导入修改"), self.w.settings.get("last_export_dir"),
                tr("导出的表格 (*.xlsx *.csv);;所有文件 (*)"))
            if not path:
                return False
        library_path = self.w.library_path

        def task(_progress: Any, _cancel: Any) -> Any:
            from reviewer.export.excel_edits import read_edits
            from reviewer.store.stats import open_reader

            conn = open_reader(library_path)
            try:
                preview = read_edits(conn, path)
                templates = dict(conn.execute("SELECT id, template FROM reports").fetchall())
            finally:
                conn.close()
            return preview, templates

        return self.w.runner.start(task, label=tr("正在读取 {file}…").format(file=Path(path).name),
                                   on_success=self._preview_edits,
                                   on_failure=self._warning(tr("无法导入修改")))

    def _preview_edits(self, result: Any) -> None:
        from reviewer.review_report.build import cell_name
        from ui.import_edits_dialog import ImportEditsDialog

        preview, templates = result
        if not preview.changes:
            self.w.inform(tr("导入修改"), tr("{file} 中没有与资料库不同的数值。").format(file=preview.path.name)
                          + ("\n" + "\n".join(preview.problems[:10]) if preview.problems else ""))
            return
        dialog = ImportEditsDialog(preview, lambda rid, cid: cell_name(templates.get(rid), cid), self.w)
        dialog.accepted.connect(lambda: self._apply_edits(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.w.dialog = dialog

    def _apply_edits(self, dialog: Any) -> None:
        from reviewer.export.excel_edits import apply_edits

        chosen = dialog.accepted_changes()
        try:
            changes = apply_edits(self.w.library, dialog.preview, reviewer=self.w.reviewer, accepted=chosen)
        except ReviewerError as exc:
            self.w.inform(tr("无法导入修改"), str(exc), QMessageBox.Icon.Warning)
            self.w.refresh_library()
            return
        changed = {c.report_id for c in changes}
        self.w.refresh_library()
        session = self.w.session
        if session is not None and session.report_id in changed:
            self.w.open_report(session.report_id)  # its version moved on: show the new values
        self.w.show_status(tr("已应用 {n} 处修改（{k} 份报告），理由“{reason}”").format(
            n=sum(len(c.cells) for c in changes), k=len(changes), reason=dialog.preview.reason))

    # -- the review report -----------------------------------------------------------------------------
    def review_report(self, kind: str, path: str | Path | None = None) -> bool:
        """kind: preview | pdf | docx. The content is computed in the background, then shown or written."""
        ids = self.review_ids()
        if not ids:
            self.w.inform(tr("审核意见书"), tr("请先在资料库中选择报告（可多选），或打开一份报告。"))
            return False
        if kind in ("pdf", "docx") and path is None:
            suffix = ".pdf" if kind == "pdf" else ".docx"
            pattern = tr("PDF 文件 (*.pdf)") if kind == "pdf" else tr("Word 文档 (*.docx)")
            default = Path(self.w.settings.get("last_export_dir") or Path.home()) / (tr("审核意见书") + suffix)
            chosen, _ = QFileDialog.getSaveFileName(self.w, tr("保存审核意见书"), str(default), pattern)
            if not chosen:
                return False
            path = chosen if chosen.lower().endswith(suffix) else chosen + suffix
        library_path = self.w.library_path
        return self.w.runner.start(lambda _p, cancel: _build_review(library_path, ids, cancel),
                                   label=tr("正在整理 {n} 份报告的审核意见…").format(n=len(ids)),
                                   on_success=lambda doc: self._review_ready(kind, doc, path),
                                   on_failure=self._warning(tr("审核意见书")))

    def _review_ready(self, kind: str, document: Any, path: str | Path | None) -> None:
        from ui.review_report_view import preview_dialog, save_pdf

        if kind == "preview":
            dialog = preview_dialog(document, self.w)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.w.dialog = dialog
            return
        assert path is not None
        try:
            if kind == "pdf":
                target = save_pdf(document, path)
            else:
                from reviewer.review_report.docx import write_docx

                target = write_docx(document, path)
        except (OSError, ReviewerError) as exc:
            self.w.inform(tr("审核意见书"), tr("无法保存 {path}：{why}").format(path=path, why=exc),
                          QMessageBox.Icon.Warning)
            return
        self.last_review = target
        self.w.show_status(tr("审核意见书已保存到 {path}").format(path=target))
        self.w.settings.set("last_export_dir", str(Path(target).parent))

