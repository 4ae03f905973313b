"""The main window: composition of the library panel and the review pane, menus, drops, imports.

It owns no review logic: the review pane edits through the store, the task runner imports and re-parses off
the GUI thread, and the library list refreshes from what each write changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from reviewer.errors import ReviewerError
from ui import menus
from ui.capture import Capture
from ui.charts_panel import ChartsDock
from ui.claims import Claims
from ui.commands import Commands
from ui.decisions import DecisionHost, Decisions
from ui.deliver import Deliveries
from ui.elided_label import ElidedLabel
from ui.history_dialog import HistoryDialog
from ui.i18n import LANGUAGES, tr
from ui.import_progress import ImportProgress
from ui.layout import default_sizes, fits_beside, library_readable
from ui.library_access import close_library, configured_reviewer, default_reviewer, library_name, open_library
from ui.library_care import LibraryCare
from ui.library_drawer import LibraryDrawer
from ui.library_panel import LibraryPanel, shown_state, status_names
from ui.live_updates import LiveUpdates
from ui.marks import MarkStyle
from ui.read_errors import read_error_text
from ui.reparse import Reparser
from ui.review_loop import ReviewLoop
from ui.review_pane import ReviewPane
from ui.session import Applied, ReportSession
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.split_choice import SplitChoice
from ui.team_actions import TeamActions
from ui.undo import UndoStacks
from ui.verify_dialog import VerifyDialog
from ui.workers import Cancel, Progress, TaskRunner

if TYPE_CHECKING:
    from reviewer.fetch import Fetched
    from reviewer.store import ImportSummary, Library

FIRST_MIN = (1366, 768)  # the first start's size is at least this (or the whole screen when it is smaller):
# narrower, the library list beside a whole 表三 shows only a few characters of an agency


def first_extent(available: int, least: int) -> int:
    """The first start's width or height: 80 % of the screen's, or all of it when 80 % is less than `least`."""
    return available if available * 0.8 < least else int(available * 0.8)


class MainWindow(QMainWindow):
    reportOpened = Signal(int)
    verified = Signal(int)
    libraryChanged = Signal()  # after an import, an edit or a verification (the charts refresh)
    recent_menu: QMenu  # 文件 › 最近的文件, made by menus.build

    def __init__(self, library: Library, library_path: Path | str, settings: Settings, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.library_path = library_path
        self.settings = settings
        self.language = language
        self.session: ReportSession | None = None
        self.last_message: QMessageBox | None = None
        self.dialog: QWidget | None = None
        self.undo = UndoStacks(self)
        self.undo.stepped.connect(self.show_status)
        self.runner = TaskRunner(self)
        self.library_panel = LibraryPanel(self)
        self.library_panel.set_library(library)
        self.review = ReviewPane(self.undo, language, lambda: bool(self.settings.get("require_reason")), self)
        self.review.ensure_reviewer = self.ensure_reviewer
        self.reparser = Reparser(self, self.review, self.runner, self.undo, self)
        self.reportOpened.connect(self.reparser.show_format)
        self.deliveries = Deliveries(self)  # 导出… 导入修改… 审核意见书
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.review)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.library_panel)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 1240])
        self.setCentralWidget(self.splitter)
        self.status_label = ElidedLabel(self)  # a long message never squeezes the legend
        self.statusBar().addWidget(self.status_label, 1)
        self.legend = menus.legend(self.review.style_, self)
        self.statusBar().addPermanentWidget(self.legend)
        self.import_progress = ImportProgress(self.runner, self)
        self.statusBar().addPermanentWidget(self.import_progress)
        self.library_label = QLabel(self)  # the library file open (its full path in the tooltip)
        self.library_label.setText(tr("资料库：{name}").format(name=library_name(library_path)))
        self.library_label.setToolTip(library.location)
        self.statusBar().addPermanentWidget(self.library_label)
        self.loop = ReviewLoop(self)  # the keyboard follows the problems (F8, Enter)
        # values captured from the text (unplaced values, tables not found)
        self.capture = Capture(self.review, lambda: self.session, self.show_status, self)
        self.reportOpened.connect(lambda _rid: self.capture.opened())
        self.decisions = Decisions(DecisionHost(  # source defects, reopen, retire, versions
            self, self.review, lambda: self.session, self.undo, self.show_status, self.inform, self.ensure_reviewer,
            self.open_report, self.refresh_library, self.loop.focus_grid, partial(setattr, self, "dialog")))
        for signal in (self.reportOpened, self.verified):
            signal.connect(lambda _rid: self.decisions.update_lock())
        self.split_choice = SplitChoice(  # 选择拆分: the reviewer picks an ambiguous fused split
            self.review, lambda: self.session, self.decisions.lock_text, self.show_status, self.loop.focus_grid,
            partial(setattr, self, "dialog"), self)
        for signal in (self.reportOpened, self.verified):
            signal.connect(lambda _rid: self.split_choice.update())
        self.care = LibraryCare(self)  # backups and the periodic check of the file
        self.charts = ChartsDock.attach(self, library)  # 视图 › 图表
        self.drawer = LibraryDrawer(self.library_panel, self.review.metadata, self.library_fits, self)  # 1280 px
        self.reportOpened.connect(lambda _rid: self.drawer.report_opened())
        self.claims = Claims(self)  # 审核中 · name: opening a report claims it; takeover; heartbeat; release
        self.team = TeamActions(self)  # what the role allows; four eyes' sign-off; the library's settings
        self.live = LiveUpdates(self)  # other reviewers' changes as they happen
        self.commands = Commands(self)  # every command by name; the menus lay them out (ui.menus)
        self._register(self.commands)
        for part in (self.loop, self.capture, self.decisions, self.deliveries, self.care, self.team):
            part.register(self.commands)
        self.split_choice.register(self.commands)
        self.commands.adopt("charts", self.charts.action, owner="charts")
        self.actions_ = self.commands.actions
        self.recent_menu = menus.build(self.menuBar(), self.commands)["recent"]
        self._update_recent()
        self.libraryChanged.connect(self.charts.library_changed)
        self.reportOpened.connect(lambda _rid: self.charts.library_changed())  # a re-parse reopens the report
        self.setAcceptDrops(True)
        self.library_panel.openRequested.connect(self.open_report)
        self.review.changed.connect(self._report_changed)
        self.review.message.connect(self.show_status)
        self.runner.started.connect(self._update_actions)  # nothing else starts while work runs
        self.runner.finished.connect(self._update_actions)
        self.update_title()
        self.refresh_library()
        self._shown_once = False
        self._restore_state()

    def _register(self, c: Commands) -> None:
        """The window's own commands (the feature controllers register theirs)."""
        review, idle, has = self.review, self.idle, self.has_report
        c.add("open", tr("导入文件…"), self.choose_files, when=idle)
        c.add("open_folder", tr("导入文件夹…"), self.choose_folder, when=idle)
        c.add("open_url", tr("从网址导入…"), self.choose_address, when=idle,
              tip=tr("报告网页、PDF 或 Word 链接，或列出各年年报的栏目页"))
        c.add("reparse", tr("重新解析"), self.reparse, when=lambda: idle() and has(),
              tip=tr("用当前解析器重新读取这份报告，保留已做的修改"))
        c.add("quit", tr("退出"), self.close)
        c.adopt("undo", self.undo.group.createUndoAction(self, tr("撤销")))  # enabled by the undo group
        c.adopt("redo", self.undo.group.createRedoAction(self, tr("重做")))
        c.add("apply", tr("采纳建议"), review.apply_suggestion, when=has)
        c.add("find", tr("在原文中查找…"), review.text.open_find)
        c.add("verify", tr("核实…"), self.verify, when=has)
        c.add("history", tr("修改记录…"), self.show_history, when=has)
        c.add("toggle_library", tr("资料库"), lambda: self.library_panel.setVisible(not self.library_panel.isVisible()))
        c.add("filter", tr("筛选资料库"), self.focus_filter)
        c.add("unplaced", tr("未定位数值"), self.show_unplaced, when=has)
        c.add("settings", tr("首选项…"), self.show_settings)
        for code, name in LANGUAGES.items():
            c.add(menus.language_command(code), name, partial(self.set_language, code),
                  checked=code == self.language)
        c.add("shortcuts", tr("快捷键"), self.show_shortcuts)
        c.add("about", tr("关于"), self.show_about)

    def has_report(self) -> bool:
        return self.session is not None

    def idle(self) -> bool:
        """No import or re-parse runs in the background."""
        return not self.runner.busy

    def _update_recent(self) -> None:
        menus.update_recent(self.recent_menu, self.settings.get("recent_files"),
                            lambda path: self.import_paths([path], open_first=True))

    # -- reviewer --------------------------------------------------------------------------------------
    @property
    def reviewer(self) -> str:
        """The name every write is recorded under: the one given in the settings, else $REVIEWER_NAME or the one
        saved by `reviewer config`; '' when none was given (never the login name silently). In team mode the
        database login, never a typed name."""
        if self.library.team:
            return self.library.login
        return self.settings.get("reviewer_name") or configured_reviewer()

    def ask_reviewer_name(self) -> None:
        """Asked once, on the first start; kept in the settings. Cancelled, it is asked again at the first write."""
        if self.reviewer:
            return
        name, ok = QInputDialog.getText(self, tr("审核人"), tr("请输入您的姓名（记入每条修改记录）："),
                                        text=default_reviewer())
        if ok and name.strip():
            self.settings.set("reviewer_name", name.strip())
            if self.session is not None:
                self.session.reviewer = name.strip()
                self.claims.claim_open()  # opened before the name was known: 审核中 · name from now on

    def ensure_reviewer(self) -> bool:
        """Before a write: a reviewer's name is known, or asked now; without one nothing is written."""
        if not self.reviewer:
            self.ask_reviewer_name()
        if not self.reviewer:
            self.show_status(tr("未填写审核人姓名：修改没有保存（设置 › 首选项 › 审核人）"))
            return False
        if self.session is not None:
            self.session.reviewer = self.reviewer
        return True

    # -- library and reports ---------------------------------------------------------------------------
    def refresh_library(self) -> None:
        self.library_panel.refresh()
        if self.session is not None:
            self.library_panel.select(self.session.report_id)
        self._overview(self.library.count())
        self.libraryChanged.emit()

    def show_overview(self) -> None:
        """The library's counts again (claims changed: a held 待审核 report counts as 审核中), while they show."""
        if self.stack.currentWidget() is self.placeholder:
            self._overview(self.library.count())

    def _overview(self, count: dict[str, int]) -> None:
        """What the library holds, shown while no report is open (counted by the store, no row is read)."""
        names = status_names()
        counts = " · ".join(f"{names[c]} {count.get(c, 0)}" for c in names)
        errors = count.get("with_errors", 0)
        self.placeholder.setText(
            "<h2>" + tr("资料库：{n} 份报告").format(n=count.get("all", 0)) + "</h2>"
            + f"<p>{counts}</p><p>" + tr("{n} 份报告有错误待处理").format(n=errors) + "</p><br/><p>"
            + tr("从左侧资料库选择一份报告（回车或双击打开），<br/>或把报告文件、文件夹拖到这里导入（Ctrl+O）。")
            + "</p><p>" + tr("F8 / Shift+F8：下一个 / 上一个问题 · Ctrl+.：采纳建议 · Ctrl+Z：撤销 · Ctrl+Enter：核实")
            + "</p>")

    def open_report(self, report_id: int) -> bool:
        try:
            session = ReportSession(self.library, report_id, self.reviewer)
        except ReviewerError as exc:
            self.inform(tr("无法打开报告"), str(exc), QMessageBox.Icon.Warning)
            return False
        self.session = session
        self.show_status("")  # a message about the report left behind no longer applies
        self.review.open(session)
        self.stack.setCurrentWidget(self.review)
        self.library_panel.select(report_id)
        self.update_title()
        self._update_actions()
        self.reportOpened.emit(report_id)
        return True

    def _report_changed(self, applied: Applied) -> None:
        if self.session is None:
            return
        summary = self.session.summary
        if summary is not None:
            self.session.summary = summary
            self.library_panel.model.update_row(summary)
        for rid in applied.related:  # other reports whose findings this write changed (next year's)
            self.library_panel.model.update_row(self.library.summary(rid))
        self.review.show_status()
        self.update_title()
        self._update_actions()
        self.libraryChanged.emit()

    def update_title(self) -> None:
        app = tr("年报审核台")
        if self.session is None:
            self.setWindowTitle(app)
            return
        status = shown_state(self.session.summary, self.session.holder)[1]  # as the list says it
        self.setWindowTitle(f"{self.session.title} [{status}] — {app}")

    def _update_actions(self) -> None:
        self.commands.refresh()

    def show_status(self, text: str) -> None:
        self.status_label.setText(text)

    def inform(self, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information,
               details: str = "") -> QMessageBox:
        """A message that does not block (window-modal); the latest one is kept in `last_message`."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = box
        return box

    # -- import ----------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, tr("导入报告"), self.settings.get("last_open_dir"),
                                                tr("报告 (*.txt *.md *.html *.htm *.docx *.doc *.wps *.rtf *.pdf);;所有文件 (*)"))
        if paths:
            self.settings.set("last_open_dir", str(Path(paths[0]).parent))
            self.import_paths(paths, open_first=True)

    def choose_address(self) -> None:
        """文件 › 从网址导入: a report page, a PDF/Word link, or a 年报 column page to pick reports from."""
        from ui.url_import import UrlImport

        UrlImport(self).ask()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("导入文件夹"), self.settings.get("last_open_dir"))
        if folder:
            self.settings.set("last_open_dir", folder)
            self.import_paths([folder])

    def import_paths(self, paths: list[str], open_first: bool = False, *, urls: Sequence[str] = (),
                     fetched: Sequence[Fetched] = ()) -> bool:
        """Import off the GUI thread, with progress and Cancel; a summary follows. `urls` are fetched first;
        `fetched` were already (see `ui.url_import`)."""
        library_path, reviewer = self.library_path, self.reviewer

        def task(progress: Progress, cancel: Cancel) -> ImportSummary:
            lib = open_library(library_path, seed_samples=False)  # this thread's own connection
            try:
                return lib.import_paths(paths, reviewer=reviewer, progress=progress, cancel=cancel, urls=urls,
                                        fetched=fetched)
            finally:
                close_library(lib)

        for p in paths:
            if Path(p).is_file():
                self.settings.add_recent(str(Path(p).resolve()))
        self._update_recent()
        label = tr("正在导入 {n} 项…").format(n=len(paths) + len(urls) + len(fetched))
        started = self.runner.start(task, label=label, on_success=lambda s: self._imported(s, open_first),
                                    on_failure=lambda m: self.inform(tr("导入失败"), m, QMessageBox.Icon.Warning),
                                    show_dialog=False)  # in the background: progress and cancel in the status bar
        if started:
            self.import_progress.begin(label)
        else:
            self.show_status(tr("请等当前的导入或重新解析完成后再导入"))
        return started

    def _imported(self, summary: ImportSummary, open_first: bool) -> None:
        if summary.imported or summary.versions_flagged:
            self.refresh_library()
        lines = [tr("导入 {n} 份").format(n=len(summary.imported))]
        if summary.duplicates:
            lines.append(tr("已在库中、跳过 {n} 份").format(n=len(summary.duplicates)))
        if summary.failed:
            lines.append(tr("无法读取 {n} 份：").format(n=len(summary.failed)))
            lines += [f"  {Path(p).name}：{read_error_text(reason)}" for p, reason in summary.failed[:10]]
        if summary.versions_flagged:
            lines.append(tr("其中 {n} 份是库中已有机关和年度的另一版本").format(n=len(summary.versions_flagged)))
        skipped = getattr(summary, "skipped", [])
        if skipped:
            lines.append(tr("跳过 {n} 个非报告文件：").format(n=len(skipped)))
            lines += [f"  {reason}" for _p, reason in skipped[:10]]
        if summary.cancelled:
            lines.append(tr("导入已取消"))
        target = next(iter(summary.imported or [d[1] for d in summary.duplicates]), None)
        if summary.failed or skipped or summary.cancelled or len(summary.imported) > 1 or not open_first:
            icon = QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information
            every = [reason for _p, reason in [*summary.failed, *skipped]]  # all of them, however many
            self.inform(tr("导入结果"), "\n".join(lines), icon, details="\n".join(every) if len(every) > 10 else "")
        self.show_status("；".join(line.strip() for line in lines[:3]))
        if open_first and target is not None:
            self.open_report(target)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if isinstance(u, QUrl) and u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths, open_first=len(paths) == 1 and Path(paths[0]).is_file())

    # -- review actions --------------------------------------------------------------------------------
    def reparse(self) -> None:
        """Re-parse the open report with the current parser, off the GUI thread (see `ui.reparse`)."""
        self.reparser.reparse()

    def verify(self) -> VerifyDialog | None:
        """Ctrl+Enter: refused while errors remain; otherwise each warning needs a reason."""
        session = self.session
        if session is None:
            return None
        for view in self.review.views.values():
            view.commit_open_editor()  # a value still being typed counts
        if not self.ensure_reviewer():
            return None
        errors = session.errors()
        if errors:
            self.inform(tr("不能核实"), tr("还有 {n} 个错误未解决。请先修正或确认数值，再核实。").format(n=len(errors)),
                        QMessageBox.Icon.Warning)
            return None
        dialog = VerifyDialog(session.warnings(), self.review.finding_text, session.acknowledged, self)
        dialog.accepted.connect(lambda: self._verify_accepted(dialog))
        dialog.finished.connect(lambda _r: self.loop.focus_grid())  # the keyboard back in the grid
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _verify_accepted(self, dialog: VerifyDialog) -> None:
        session = self.session
        if session is None:
            return
        try:
            applied = session.verify(dialog.acknowledgements(), dialog.note_text())
        except ReviewerError as exc:
            self.inform(tr("不能核实"), str(exc), QMessageBox.Icon.Warning)
            return
        self._report_changed(applied)
        rid = session.report_id
        self.verified.emit(rid)
        self.show_status(tr("已核实：{title}").format(title=session.title))
        nxt = self.library_panel.next_after(rid) if self.settings.get("open_next_after_verify") else None
        if nxt is not None:
            self.open_report(nxt)

    def show_history(self) -> HistoryDialog | None:
        if self.session is None:
            return None
        dialog = HistoryDialog(self.session.title, self.library.history(self.session.report_id),
                               self.review.cell_label, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, current_library=str(self.library_path))
        dialog.accepted.connect(self._settings_changed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def show_shortcuts(self) -> QWidget:
        from ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def show_about(self) -> None:
        from ui.about import about_text

        QMessageBox.about(self, tr("关于年报审核台"), about_text(self.library.location))  # never a password

    def show_unplaced(self) -> None:
        """The 未定位数值 panel, with the keyboard in it."""
        self.review.bottom.setCurrentWidget(self.review.unplaced)
        self.review.unplaced.view.setFocus()
        if not self.review.unplaced.view.currentIndex().isValid() and self.review.unplaced.model.rowCount():
            self.review.unplaced.view.selectRow(0)

    def focus_filter(self) -> None:
        self.library_panel.setVisible(True)
        self.library_panel.search.setFocus()
        self.library_panel.search.selectAll()

    def _settings_changed(self) -> None:
        if self.session is not None:
            self.session.reviewer = self.reviewer

    def set_language(self, code: str) -> None:
        self.settings.set("language", code)
        self.inform(tr("界面语言"), tr("界面语言将在重新启动后更改。"))

    # -- state -----------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._first_size()
        widths = self.settings.state("columns")
        if widths is not None:
            self.review.column_widths = json.loads(bytes(widths.data()).decode("utf-8") or "{}")

    def _first_size(self) -> None:
        """No size kept yet (the first start): 80 % of the screen, centred — all of a screen where 80 % would be
        less than FIRST_MIN (1366×768), so that 表三 fits beside the text and the library still shows agencies."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.resize(first_extent(area.width(), FIRST_MIN[0]), first_extent(area.height(), FIRST_MIN[1]))
        self.move(area.center() - self.rect().center())

    def fit_layout(self) -> None:
        """Default pane sizes for this window: the grids get the width of 表三 (the widest) whole, the text the
        rest, the library what it needs; the problems keep a few rows."""
        sizes = default_sizes(self.width(), self.review.views["table3"], self.library_panel.isVisible(),
                              self.library_readable())
        self.splitter.setSizes(sizes.main)
        self.review.h_split.setSizes(sizes.review)

    def library_readable(self) -> int:
        """The library list's least width that still shows agencies (`ui.layout.library_readable`)."""
        return library_readable(self.library_panel.view, self.library_panel.model.COLUMNS.index("agency"))

    def library_fits(self) -> bool:
        """The library shows agencies beside a whole 表三 and a readable text (else it folds: `ui.library_drawer`)."""
        return fits_beside(self.splitter.width(), self.library_readable(), self.review.views["table3"])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # splitters restore once the window has its size, or they get squeezed
            self._shown_once = True
            if self.settings.state("split/main") is None:
                self.fit_layout()
            for name, splitter in self._splitters().items():
                state = self.settings.state(name)
                if state is not None:
                    splitter.restoreState(state)
            header = self.settings.state("library/header")
            if header is not None:  # column widths, order and hidden columns of the library list
                self.library_panel.view.horizontalHeader().restoreState(header)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"split/main": self.splitter, "split/review": self.review.h_split, "split/problems": self.review.v_split}

    def save_state(self) -> None:
        if self.drawer.folded:  # kept as the reviewer laid it out, not as folded for a narrow window
            self.drawer.unfold()
        self.settings.set_state("geometry", self.saveGeometry())
        for name, splitter in self._splitters().items():
            self.settings.set_state(name, splitter.saveState())
        self.settings.set_state("library/header", self.library_panel.view.horizontalHeader().saveState())
        self.review.remember_widths()
        self.settings.set_state("columns", QByteArray(json.dumps(self.review.column_widths).encode("utf-8")))
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange) \
                and hasattr(self, "legend"):
            style = MarkStyle.for_palette(self.palette())
            if style.dark != self.review.style_.dark:  # the system switched between light and dark
                self.review.set_style(style)
                self.statusBar().removeWidget(self.legend)
                self.legend.deleteLater()
                self.legend = menus.legend(style, self)
                self.statusBar().addPermanentWidget(self.legend)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.live.shutdown()
        self.claims.shutdown()
        self.runner.shutdown()
        self.charts.shutdown()
        self.undo.drop_all()
        super().closeEvent(event)


def preview_window(open_report: Callable[[Library], int | None] | None = None) -> MainWindow:
    """The whole window on a throwaway sample library and settings (reviewer "preview"), with the report
    `open_report` picks opened (the first one by default; None: none) — for the previews (`python -m ui.X`)."""
    import tempfile

    from ui.preview import sample_library

    lib = sample_library()
    settings = Settings(Path(tempfile.mkdtemp(prefix="reviewer-preview-")) / "settings.ini")
    settings.set("reviewer_name", "preview")
    window = MainWindow(lib, lib.path, settings, "zh_CN")
    rid = open_report(lib) if open_report is not None else lib.list_reports()[0].id
    if rid is not None:
        window.open_report(rid)
    return window


if __name__ == "__main__":
    from ui.preview import run_preview

    run_preview(preview_window, size=(1600, 1000))
