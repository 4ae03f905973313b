"""Looking after the library while the app runs: 文件 › 备份资料库, a daily automatic backup (the last
`backup.KEEP` kept), and a periodic `PRAGMA quick_check` that tells the reviewer at once when the file is
damaged (and how to repair it). Background work uses a read-only connection of its own, so the reviewer's
edits are never held up; what it finds comes back to the GUI thread through queued signals.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.i18n import tr

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.main_window import MainWindow

CHECK_EVERY_MS = 30 * 60 * 1000


class LibraryCare(QObject):
    message = Signal(str)  # a line for the status bar
    damaged = Signal(str)  # the library failed its check: the one-line reason
    audit_checked = Signal(object)  # an `AuditReport` (or the one-line reason it could not be made)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path = Path(window.library.path)
        self.message.connect(window.show_status)
        self.damaged.connect(self._warn)
        self.audit_checked.connect(self._show_audit)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check_soon)
        self.timer.start(CHECK_EVERY_MS)
        self._threads: list[threading.Thread] = []
        self.warning: QMessageBox | None = None  # the last damage warning shown
        self.audit_box: QMessageBox | None = None  # the last verdict of 检查审核记录完整性

    def _background(self, fn: object) -> None:
        thread = threading.Thread(target=fn, daemon=True, name="library-care")  # type: ignore[arg-type]
        self._threads.append(thread)
        thread.start()

    def wait(self, timeout: float = 30) -> None:
        for thread in self._threads:
            thread.join(timeout)

    # -- automatic backup and periodic check ------------------------------------------------------------
    def start(self) -> None:
        """At start: today's backup if none yet, then a check of the file (a server looks after its own)."""
        if not self.window.library.is_server:
            self._background(self._backup_then_check)

    def check_soon(self) -> None:
        if not self.window.library.is_server:
            self._background(self._check)

    def _backup_then_check(self) -> None:
        from reviewer.errors import ReviewerError
        from reviewer.store.backup import auto_backup

        try:
            done = auto_backup(self.path)
        except ReviewerError as exc:
            self.message.emit(tr("自动备份失败：{reason}").format(reason=exc))
        else:
            if done is not None:
                self.message.emit(tr("已自动备份资料库：{path}").format(path=done.path))
        self._check()

    def _check(self) -> None:
        import sqlite3

        from reviewer.store.db import connect_readonly
        from reviewer.store.guard import damage_message, damaged_pages

        try:
            conn = connect_readonly(self.path)
        except sqlite3.Error:
            return  # the library itself reports what stops it opening
        try:
            bad, pages, first = damaged_pages(conn)
        finally:
            conn.close()
        if bad:
            self.damaged.emit(damage_message(self.path, pages, first))

    def _warn(self, reason: str) -> None:
        self.window.show_status(reason)
        box = QMessageBox(QMessageBox.Icon.Critical, tr("资料库已损坏"),
                          tr("{reason}\n\n请关闭程序后运行修复；每日的自动备份在资料库旁的 backups 文件夹中。")
                          .format(reason=reason), QMessageBox.StandardButton.Ok, self.window)
        box.setModal(False)  # never blocks: the reviewer may still export what reads
        box.show()
        self.warning = box

    # -- 文件 › 备份资料库 ----------------------------------------------------------------------------
    def register(self, commands: Commands) -> None:
        commands.add("backup", tr("备份资料库…"), lambda: self.backup_now(),
                     tip=tr("把资料库完整复制到一个文件（包括刚做的修改）"), owner="library care")
        commands.add("audit_check", tr("检查审核记录完整性"), lambda: self.check_audit(),
                     tip=tr("逐份报告核对审核记录的哈希链，找出在程序之外被改动、删除或插入的记录"), owner="library care")

    def backup_now(self, target: str | None = None) -> Path | None:
        from reviewer.errors import ReviewerError
        from reviewer.store.backup import SERVER_BACKUP, backup, backup_folder

        if self.window.library.is_server:  # what applies instead: the server's own backups
            QMessageBox.information(self.window, tr("备份资料库"), SERVER_BACKUP)
            return None
        if target is None:
            folder = backup_folder(self.path)
            suggested = str(folder / f"{self.path.stem}-{date.today().isoformat()}.sqlite3")
            target, _ = QFileDialog.getSaveFileName(self.window, tr("备份资料库"), suggested,
                                                    tr("资料库 (*.sqlite3 *.sqlite *.db)"))
            if not target:
                return None
        try:
            result = backup(self.window.library, target)
        except ReviewerError as exc:
            QMessageBox.warning(self.window, tr("备份失败"), str(exc))
            return None
        self.window.show_status(tr("已备份 {n} 份报告到 {path}").format(n=result.reports, path=result.path))
        return result.path

    # -- 文件 › 检查审核记录完整性 -------------------------------------------------------------------
    def check_audit(self) -> None:
        """Walk the audit trail's hash chains off the GUI thread (a read-only connection of its own); the
        verdict comes back as a message box."""
        self.window.show_status(tr("正在检查审核记录的哈希链…"))
        self._background(self._check_audit)

    def _check_audit(self) -> None:
        from reviewer.errors import ReviewerError
        from reviewer.store.audit_trail import verify_library
        from reviewer.store.backend import ERRORS, Db, server_reader
        from reviewer.store.backend.sqlite import SqliteDb
        from reviewer.store.db import connect_readonly

        library = self.window.library
        try:
            conn: Db
            if library.url is not None:
                conn = server_reader(library.url)  # one snapshot until closed
            else:
                conn = SqliteDb(connect_readonly(self.path), str(self.path), readonly=True)
                conn.begin_snapshot()
            try:
                self.audit_checked.emit(verify_library(conn))
            finally:
                conn.close()
        except ERRORS + (ReviewerError,) as exc:
            self.audit_checked.emit(str(exc))

    def _show_audit(self, report: object) -> None:
        from reviewer.store.audit_trail import AuditReport

        if not isinstance(report, AuditReport):
            QMessageBox.warning(self.window, tr("检查审核记录完整性"),
                                tr("无法检查审核记录：{reason}").format(reason=report))
            return
        self.window.show_status(report.summary())
        if report.intact:
            box = QMessageBox(QMessageBox.Icon.Information, tr("审核记录完整"),
                              tr("{n} 份报告的 {m} 条审核记录，哈希链均完好：没有记录被改动、删除或插入。")
                              .format(n=report.reports, m=report.entries), QMessageBox.StandardButton.Ok, self.window)
        else:
            shown = [report.break_line(b) for b in report.breaks[:20]]
            if len(report.breaks) > 20:
                shown.append(tr("……另有 {n} 份报告").format(n=len(report.breaks) - 20))
            box = QMessageBox(QMessageBox.Icon.Critical, tr("审核记录被改动"),
                              tr("{n} 份报告的审核记录哈希链断开：这些记录在程序之外被改动、删除或插入。")
                              .format(n=len(report.breaks)), QMessageBox.StandardButton.Ok, self.window)
            box.setDetailedText("\n".join(shown))
            box.setInformativeText("\n".join(shown[:5]))
        box.setModal(False)
        box.show()
        self.audit_box = box
