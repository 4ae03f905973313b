"""The reviewer's decisions on the open report, beside editing values (审核 menu):

- 确认为源文件错误 (Ctrl+D on the chosen problem, or the one at the grid's cursor): the report prints it that way;
  audited, and undoable like an edit (Ctrl+Z withdraws the confirmation);
- a 已核实 report is read-only (a banner says so, typing is refused with the reason) until 重新打开审核
  (Ctrl+Shift+R, with a reason);
- 停用 a report imported by mistake (with a reason; hidden from lists, queues, charts and exports), 恢复 it;
- 设为计入的版本: of several files of one agency and year, the one exports and charts use.

The store does the work (`reviewer.store.review`); this asks, writes through the session and refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QBoxLayout, QLabel, QMessageBox, QWidget

from reviewer.errors import ReviewerError, StaleWriteError
from reviewer.model import Finding, finding_key
from ui.decision_dialogs import ConfirmDefectDialog, ReasonDialog
from ui.grid_view import GridView
from ui.i18n import tr
from ui.session import Applied
from ui.stale_notice import stale_text

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.review_pane import ReviewPane
    from ui.session import ReportSession
    from ui.undo import UndoStacks


class DecisionCommand(QUndoCommand):
    """A confirmation on the undo stack: undo withdraws it, redo confirms again (both audited)."""

    def __init__(self, text: str, do: Callable[[], bool], undo: Callable[[], bool]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo
        self._applied = True  # pushed after it was applied once

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._do():
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._undo():
            self.setObsolete(True)


@dataclass(frozen=True, slots=True)
class DecisionHost:
    """What the decisions ask of the window, and nothing more (they never see the window itself)."""

    parent: QWidget  # the dialogs' parent
    review: ReviewPane  # the grids, the problems list, the banner's place; set read-only
    session: Callable[[], ReportSession | None]  # the open report
    undo: UndoStacks  # a confirmation is an undo step; a stale report's steps are dropped
    show_status: Callable[[str], None]
    inform: Callable[[str, str, QMessageBox.Icon], object]  # a message that does not block
    ensure_reviewer: Callable[[], bool]  # a name to write under, asked if need be
    reopen_report: Callable[[int], object]  # load it again (another window wrote first)
    refresh_library: Callable[[], None]  # the list after a retire, restore or choice of version
    focus_grid: Callable[[], None]  # the keyboard back in the grid when a dialog closes
    keep_dialog: Callable[[QWidget], None]  # the window's `dialog`: the one open now


class Decisions(QObject):
    """Asks, writes through the session, refreshes; the window calls `update_lock()` when a report opened,
    changed or was verified."""

    def __init__(self, host: DecisionHost) -> None:
        super().__init__(host.parent)
        self.host = host
        self.dialog: QWidget | None = None
        self.commands: Commands | None = None
        self.permits: Callable[[str], bool] = lambda _action: True  # the role's say (`ui.team_actions`)
        review = host.review
        self.banner = QLabel(review)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #e8f5e9; color: #1b5e20; padding: 4px 6px; border-radius: 3px")
        self.banner.hide()
        right = review.tabs.parentWidget()
        layout = right.layout() if right is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.banner)  # above the grids
        review.changed.connect(lambda _a: self.update_lock())

    def register(self, commands: Commands) -> None:
        """审核 › 确认为源文件错误, 重新打开审核, 设为计入的版本, 停用, 恢复: each enabled as the open report allows."""
        self.commands = commands
        for name, text, run, tip in (
                ("confirm_defect", tr("确认为源文件错误…"), self.confirm,
                 tr("报告原文就是这样印的：记录为源文件错误（说明理由，可给出应为值），不改数值")),
                ("reopen", tr("重新打开审核…"), self.reopen, ""),
                ("retire", tr("停用报告…"), self.retire, tr("导入有误的报告：不再出现在列表、队列、图表和导出中，可恢复")),
                ("restore", tr("恢复报告"), self.restore, ""),
                ("choose_version", tr("设为计入的版本"), self.choose_version,
                 tr("同一机关同一年度有多份文件时，导出和图表使用这一份"))):
            commands.add(name, text, run, tip=tip, when=partial(self.allows, name), owner="decisions")

    def allows(self, name: str) -> bool:
        return self.allowed()[name]

    def allowed(self) -> dict[str, bool]:
        """Which decisions the open report allows now."""
        has = self.session is not None
        retired = has and self.session.locked == "retired"
        status = self.session.summary.status if has else None
        permits = self.permits  # what the role allows (`ui.team_actions`; a local library: everything)
        return {"confirm_defect": has and not self.lock_text(),
                "reopen": status in ("verified", "pending") and not retired and permits("reopen"),
                "retire": has and not retired and permits("retire"), "restore": retired and permits("restore"),
                "choose_version": has and not retired and bool(self.session.summary.has_versions)}

    @property
    def session(self) -> Any:
        return self.host.session()

    # -- read-only -------------------------------------------------------------------------------------------
    def lock_text(self) -> str | None:
        session = self.session
        if session is None or session.locked is None:
            return None
        if session.locked == "retired":
            return tr("这份报告已停用（导入有误），为只读；审核 › 恢复报告 可恢复。")
        if session.locked == "claimed":  # shown by the claim bar (`ui.claims`), with its 接管… button
            return tr("{name} 正在审核这份报告，为只读；如需修改，请接管（须说明理由）。").format(name=session.held_by)
        if session.locked == "pending":
            return tr("待复核：这份报告已核实，等待组长签核（审核 › 复核签核），为只读；组长可退回（重新打开审核）。")
        return tr("已核实：这份报告为只读。如需修改或确认问题，请先 审核 › 重新打开审核（Ctrl+Shift+R），并说明理由。")

    def update_lock(self) -> None:
        text = self.lock_text()
        self.host.review.set_locked(text)
        self.banner.setText(text or "")
        self.banner.setVisible(bool(text) and self.session.locked != "claimed")
        retired = self.session is not None and self.session.locked == "retired"
        self.banner.setStyleSheet("padding: 4px 6px; border-radius: 3px; "
                                  + ("background: #eceff1; color: #37474f" if retired
                                     else "background: #e8f5e9; color: #1b5e20"))
        if self.commands is not None:
            self.commands.refresh()

    # -- writing -----------------------------------------------------------------------------------------------
    def _write(self, fn: Callable[[], Applied]) -> bool:
        session = self.session
        if session is None or not self.host.ensure_reviewer():
            return False
        try:
            applied = fn()
        except StaleWriteError as exc:
            self.host.inform(tr("报告已在别处修改"), stale_text(exc, self.host.review.cell_label),
                             QMessageBox.Icon.Warning)
            self.host.undo.drop(session.report_id)
            self.host.reopen_report(session.report_id)
            return False
        except ReviewerError as exc:
            self.host.inform(tr("未能完成"), str(exc), QMessageBox.Icon.Warning)
            return False
        self.host.review.after(applied)
        return True

    def _open(self, dialog: QWidget, on_accept: Callable[[], None]) -> QWidget:
        dialog.accepted.connect(on_accept)  # type: ignore[attr-defined]
        dialog.finished.connect(lambda _r: self.host.focus_grid())  # type: ignore[attr-defined]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        dialog.activateWindow()
        self.dialog = dialog
        self.host.keep_dialog(dialog)
        return dialog

    # -- source defects ----------------------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        """The problem chosen in the list, else the first open one about the cell at the grid's cursor."""
        review = self.host.review
        chosen = review.problems.current()
        if chosen is not None and chosen.resolution is None and chosen.severity in ("error", "warning"):
            return chosen
        view = review.tabs.currentWidget()
        cid = view.grid_model().cell_id(view.currentIndex()) \
            if isinstance(view, GridView) and view.model() is not None else None
        if self.session is None or cid is None:
            return None
        return next((f for f in self.session.record.findings if cid in f.cells and f.resolution is None
                     and f.severity in ("error", "warning")), None)

    def confirm(self) -> QWidget | None:
        """Ctrl+D: confirm the current problem as a source defect."""
        session = self.session
        if session is None:
            return None
        locked = self.lock_text()
        if locked:
            self.host.show_status(locked)
            return None
        f = self.current_finding()
        if f is None:
            self.host.show_status(tr("请先选择一个错误或警告（F8），再确认为源文件错误"))
            return None
        review = self.host.review
        dialog = ConfirmDefectDialog(f, review.finding_text(f), review.cell_label, self.host.parent)
        return self._open(dialog, lambda: self._confirmed(f, dialog))

    def _confirmed(self, f: Finding, dialog: ConfirmDefectDialog) -> None:
        session = self.session
        key, reason, should_be = finding_key(f), dialog.reason_text(), dialog.should_be()

        def do() -> bool:
            return self._write(lambda: session.confirm(key, reason, should_be))

        def undo() -> bool:
            return self._write(lambda: session.withdraw(key, tr("撤销确认")))

        if not do():
            return
        stack = self.host.undo.group.activeStack()
        if stack is not None:
            stack.push(DecisionCommand(tr("确认源文件错误：{rule}").format(rule=f.rule), do, undo))
        self.host.show_status(tr("已确认为源文件错误：{rule}").format(rule=f.rule))

    # -- reopen, retire, restore, versions -------------------------------------------------------------------
    def reopen(self) -> QWidget | None:
        session = self.session
        if session is None or session.summary.status not in ("verified", "pending"):
            return None
        dialog = ReasonDialog(tr("重新打开审核"), tr("把这份已核实的报告重新打开审核？重新打开后可以修改，"
                                                   "需要再次核实。请说明理由。"), tr("重新打开审核"), self.host.parent)
        return self._open(dialog, lambda: self._reopened(dialog.reason_text()))

    def _reopened(self, reason: str) -> None:
        session = self.session
        if self._write(lambda: session.reopen(reason)):
            self.host.show_status(tr("已重新打开审核：{title}").format(title=session.title))

    def retire(self) -> QWidget | None:
        session = self.session
        if session is None:
            return None
        dialog = ReasonDialog(tr("停用报告"), tr("停用这份报告（例如导入有误）？它将不再出现在资料库列表、审核队列、图表和导出中；"
                                               "不会删除任何数据，修改记录保留，可随时恢复。请说明理由。"),
                              tr("停用"), self.host.parent)
        return self._open(dialog, lambda: self._retired(dialog.reason_text()))

    def _retired(self, reason: str) -> None:
        session = self.session
        if self._write(lambda: session.retire(reason)):
            self.host.refresh_library()
            self.host.show_status(tr("已停用：{title}（资料库筛选“已停用”可找到并恢复）").format(title=session.title))

    def restore(self) -> bool:
        session = self.session
        if session is None or session.locked != "retired":
            return False
        if self._write(lambda: session.restore()):
            self.host.refresh_library()
            self.host.show_status(tr("已恢复：{title}").format(title=session.title))
            return True
        return False

    def choose_version(self) -> bool:
        session = self.session
        if session is None:
            return False
        if self._write(lambda: session.choose_version()):
            self.host.refresh_library()
            self.host.show_status(tr("{title}：这一版本计入导出和图表").format(title=session.title))
            return True
        return False


if __name__ == "__main__":  # the decisions on their own: a review pane, a session and plain callbacks
    from ui.preview import run_preview, sample_library
    from ui.review_pane import ReviewPane
    from ui.session import ReportSession
    from ui.undo import UndoStacks

    def make() -> QWidget:  # a report with errors, its first problem chosen and 确认源文件错误 asked
        lib = sample_library()
        undo = UndoStacks()
        pane = ReviewPane(undo, "zh_CN", lambda: False)
        session = ReportSession(lib, next(s.id for s in lib.list_reports() if s.errors), "preview")
        pane.open(session)
        decisions = Decisions(DecisionHost(  # a child of the pane: lives as long as it
            pane, pane, lambda: session, undo, print, lambda title, text, _icon: print(title, text), lambda: True,
            lambda _rid: None, lambda: None, lambda: None, lambda _dialog: None))
        pane.problems.next()
        decisions.confirm()
        return pane

    run_preview(make, size=(1400, 900))
