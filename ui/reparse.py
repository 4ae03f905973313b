"""Re-parsing the open report off the GUI thread: with the current parser (审核 → 重新解析), or under the format the
reviewer chose in the metadata bar (2019年试行格式 / 2021年修订格式).

Another format has other rows (2019 has one （六）其他处理 row, 2021 three), so a format change re-reads the
tables: it is confirmed first, runs in the task runner with the store's steps as a determinate progress dialog
(Cancel works until the write begins; the write is one transaction), then the report is opened again — the
grids are rebuilt for the format and the problems refreshed — and the edits whose cell the new format lacks are
listed. It is not a step of the undo stack: undo replays cell edits at once on the GUI thread, while a re-parse
runs in a worker and changes which cells exist. The confirmation says so; the change is audited (who, when,
old → new, reason) and choosing the first format again brings its rows and their edits back. The report's undo
history is cleared, as after any re-parse.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import StaleWriteError
from reviewer.store import reparse as core
from ui.i18n import tr
from ui.library_access import close_library, open_library
from ui.messages import cell_label
from ui.metadata_panel import format_names
from ui.read_errors import read_error_text

if TYPE_CHECKING:
    from reviewer.store import Library, ReparseResult
    from ui.library_panel import LibraryPanel
    from ui.review_pane import ReviewPane
    from ui.session import ReportSession
    from ui.settings import Settings
    from ui.undo import UndoStacks
    from ui.workers import Cancel, Progress, TaskRunner


class ReparseHost(Protocol):
    """What a re-parse needs of the main window besides the review pane, the task runner and the undo stacks:
    the open report and library, who reviews, and where to tell the outcome."""

    session: ReportSession | None
    library: Library
    library_path: Path | str  # a file or a postgresql:// address
    settings: Settings
    library_panel: LibraryPanel

    @property
    def reviewer(self) -> str: ...

    def open_report(self, report_id: int) -> bool: ...

    def show_status(self, text: str) -> None: ...

    def inform(self, title: str, text: str, icon: QMessageBox.Icon = ..., details: str = ...) -> object: ...


def step_labels(template: str | None) -> dict[str, str]:
    """The store's step messages in the UI's language."""
    parse = tr("正在按“{fmt}”解析表格…").format(fmt=format_names().get(template, template)) if template \
        else tr("正在解析表格…")
    return {core.STEP_SOURCE: tr("正在读取存档的原件…"), core.STEP_READ: tr("正在读取文件内容…"),
            core.STEP_PARSE: parse, core.STEP_WRITE: tr("正在写入资料库…"), core.STEP_DONE: tr("完成")}


class FormatDialog(QDialog):
    """Confirm a format change: what it does to the tables and the edits, that it is audited and not undoable,
    and a reason (required when the settings require one for edits)."""

    def __init__(self, old: str | None, new: str, edited: int, require_reason: bool, reason: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        names = format_names()
        self.setWindowTitle(tr("更改格式"))
        self.require_reason = require_reason
        head = QLabel("<b>" + tr("把这份报告的格式从“{old}”改为“{new}”？").format(
            old=names.get(old or "", tr("未识别")), new=names.get(new, new)) + "</b>", self)
        lines = [tr("将按新格式重新读取表格，表格的行随之改变（2019年试行格式的“（六）其他处理”为一行，"
                    "2021年修订格式为三行）。")]
        if edited:
            lines.append(tr("这份报告已有 {n} 处修改：两种格式都有的单元格保留您的修改；新格式中没有的单元格上的修改"
                            "无法应用，将在完成后列出，并作为警告留在问题列表中。").format(n=edited))
        lines.append(tr("此操作不能用“撤销”（Ctrl+Z）撤回，这份报告的撤销历史将清空；但它会记入修改记录"
                        "（审核人、时间、原格式 → 新格式、原因）。改回原格式即可恢复原来的行和其中的修改。"))
        body = QLabel("\n\n".join(lines), self)
        body.setWordWrap(True)
        self.reason = QLineEdit(reason, self)
        self.reason.setPlaceholderText(tr("原因（必填）") if require_reason else tr("原因（可选）"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("改为“{new}”").format(new=names.get(new, new)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(body)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.resize(560, self.sizeHint().height())

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.reason.text().strip()) or not self.require_reason)

    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None


class Reparser(QObject):
    """Runs re-parses of the open report for the main window and refreshes it from the result."""

    finished = Signal(object)  # the ReparseResult, or None when it failed; after the views were refreshed

    def __init__(self, host: ReparseHost, review: ReviewPane, runner: TaskRunner, undo: UndoStacks,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.review = review
        self.runner = runner
        self.undo = undo
        self.dialog: FormatDialog | None = None
        self.last_result: ReparseResult | StaleWriteError | None = None
        self.panel = review.metadata
        self.panel.formatRequested.connect(self.change_format)
        self._parent = parent

    def show_format(self, _report_id: int) -> None:
        """A report was opened: the format box shows its format (and whether a reviewer chose it)."""
        session = self.host.session
        if session is not None:
            self.panel.set_format(session.record.template, forced=session.forced_template)

    # -- asking ------------------------------------------------------------------------------------------
    def reparse(self) -> bool:
        """With the current parser (the format a reviewer chose is kept)."""
        return self.host.session is not None and self._start(None, None)

    def change_format(self, template: str) -> FormatDialog | None:
        """The reviewer chose another format: confirm, then re-parse under it."""
        w = self.host
        session = w.session
        if session is None or self.runner.busy or template == session.record.template:
            self.panel.reset_format()
            return None
        dialog = FormatDialog(session.record.template, template, len(session.edited_cells()),
                              bool(w.settings.get("require_reason")), self.review.reason.text().strip(), self._parent)
        dialog.accepted.connect(lambda: self._confirmed(template, dialog))
        dialog.rejected.connect(self.panel.reset_format)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _confirmed(self, template: str, dialog: FormatDialog) -> None:
        reason = dialog.reason_text()
        if reason and reason == self.review.reason.text().strip():
            self.review.reason.clear()  # the typed reason went with this change
        self._start(template, reason)

    # -- running -----------------------------------------------------------------------------------------
    def _start(self, template: str | None, reason: str | None) -> bool:
        w = self.host
        session = w.session
        assert session is not None
        library_path, rid, version, reviewer = w.library_path, session.report_id, session.version, w.reviewer
        labels = step_labels(template)

        def task(progress: Progress, cancel: Cancel) -> ReparseResult | StaleWriteError:
            lib = open_library(library_path, seed_samples=False)  # this thread's own connection
            try:
                return lib.reparse(rid, template=template, reviewer=reviewer, reason=reason, expected_version=version,
                                   progress=lambda d, t, m: progress(d, t, labels.get(m, m)), cancel=cancel)
            except StaleWriteError as exc:  # another window wrote first: reload, not a failure
                return exc
            finally:
                close_library(lib)

        label = tr("正在按“{fmt}”重新读取表格…").format(fmt=format_names().get(template, template)) if template \
            else tr("正在重新解析…")
        started = self.runner.start(task, label=label, on_success=lambda r: self._done(rid, r),
                                 on_failure=lambda m: self._failed(m), cancel_until=core.STEPS - 1)
        if not started:
            self.panel.reset_format()
        return started

    def _done(self, rid: int, result: ReparseResult | StaleWriteError) -> None:
        w = self.host
        self.last_result = result
        if isinstance(result, StaleWriteError):
            w.inform(tr("报告已在别处修改"), tr("这份报告已被其他窗口或程序修改，已重新载入，请再试一次。\n{reason}")
                     .format(reason=result), QMessageBox.Icon.Warning)
            self.undo.drop(rid)
            w.open_report(rid)
            self.finished.emit(None)
            return
        if result.cancelled:
            self.panel.reset_format()
            w.show_status(tr("已取消重新解析：报告没有改变"))
            self.finished.emit(result)
            return
        self.undo.drop(rid)  # the cells changed: the stack's edits would no longer match
        if w.session is not None and w.session.report_id == rid:
            w.open_report(rid)  # grids rebuilt for the format, problems and metadata refreshed
        for r in [rid, *result.related]:
            w.library_panel.model.update_row(w.library.summary(r))
        names = format_names()
        if result.format_changed:
            fmt = result.template or ""
            text = tr("已改为“{fmt}”：重新应用 {n} 处修改").format(fmt=names.get(fmt, fmt), n=len(result.reapplied))
        else:
            text = tr("已重新解析：重新应用 {n} 处修改").format(n=len(result.reapplied))
        conflicts = len(result.conflicts) - len(result.lost)
        if conflicts:
            text += tr("，{n} 处与新解析不一致（见问题列表）").format(n=conflicts)
        if self.runner.cancelled:
            text += tr("（取消时已在写入，操作已完成）")
        w.show_status(text)
        if result.lost:
            lines = [f"{cell_label(c.cell, result.template_before)}：{_v(c.replaced)} → {_v(c.edited)}"
                     for c in result.lost]
            w.inform(tr("部分修改未能应用"),
                     text + "\n\n" + tr("以下 {n} 处修改所在的单元格在新格式中没有，未能应用；它们仍在修改记录中，"
                                        "并作为警告列在问题列表里（核实时需说明）。改回原格式可恢复。").format(
                         n=len(lines)) + "\n" + "\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""),
                     QMessageBox.Icon.Warning, details="\n".join(lines))
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self.panel.reset_format()
        self.host.inform(tr("重新解析失败"), read_error_text(message), QMessageBox.Icon.Warning)
        self.finished.emit(None)


def _v(v: object) -> str:
    return tr("空") if v is None else str(v)


if __name__ == "__main__":
    from ui.preview import run_preview

    def make() -> FormatDialog:
        return FormatDialog("2019", "2021", 2, False, "")

    run_preview(make, size=(560, 260))
