"""Claims in the window: opening a report to edit it claims it (the library list shows 审核中 · name to everyone);
a report another reviewer holds opens read-only with a bar saying who holds it since when, and 接管… takes it
over after asking the reason (audited by the store). A heartbeat keeps the claim alive while the report is open
(the library lapses a claim after its idle time); closing the report, opening another or quitting releases it.
A claim lost meanwhile (taken over) turns the report read-only with the bar saying who has it now.

The store does the work (`Library.claim`, `take_over`, `heartbeat`, `release`); this asks and shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from reviewer.errors import ReviewerError
from reviewer.store.claims import ClaimHeld
from reviewer.store.timefmt import short as local_time
from ui.decision_dialogs import ReasonDialog
from ui.i18n import tr

if TYPE_CHECKING:
    from reviewer.store.claims import Claim
    from ui.main_window import MainWindow

LOCKED_ELSEWHERE = ("verified", "pending", "retired")  # read-only anyway: opening it claims nothing


AGENCY_KEPT = "临清市行政审批局"  # eight characters of an agency: its place and its kind


def fit_status_column(panel: Any, claims: dict[int, Claim]) -> None:
    """The status column wide enough for 审核中 · name while reports are held (up to twice its width), and back to
    its own width when none is. It widens only into what the agency column can spare: the agency keeps
    AGENCY_KEPT's width (its place and its kind), and a longer name is elided, whole in the tooltip."""
    view = panel.view
    column = panel.model.COLUMNS.index("status")
    agency = panel.model.COLUMNS.index("agency")
    base = getattr(panel, "_status_width", None)
    if base is None:
        base = panel._status_width = view.columnWidth(column)
    metrics = view.fontMetrics()
    need = max((metrics.horizontalAdvance(tr("审核中 · {name}").format(name=c.holder)) + 12 + 24
                for c in claims.values()), default=0)
    spare = view.columnWidth(agency) + view.columnWidth(column) - base \
        - (metrics.horizontalAdvance(AGENCY_KEPT) + 8)  # what the agency has beyond its readable minimum
    view.setColumnWidth(column, max(base, min(need, 2 * base, base + max(0, spare))))


class ClaimBar(QWidget):
    """Above the grids while another reviewer holds the open report: who, since when, and 接管…."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.take = QPushButton(tr("接管…"), self)
        self.take.setToolTip(tr("接管这份报告（须说明理由，记入审核记录）"))
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.label, 1)
        row.addWidget(self.take)
        self.setStyleSheet("ClaimBar { background: #fff3e0; border-radius: 3px } QLabel { color: #8a4b00 }")
        self.setAutoFillBackground(True)
        self.hide()

    def show_claim(self, claim: Claim | None, lost: bool = False) -> None:
        if claim is None:
            self.hide()
            return
        text = (tr("{name} 已接管这份报告，您的修改到此为止：为只读。") if lost
                else tr("{name} 正在审核这份报告（{at} 起），为只读。")).format(
            name=claim.holder, at=local_time(claim.claimed_at))
        self.label.setText(text + " " + tr("如需修改，请接管（须说明理由）。"))
        self.show()


class TakeoverDialog(ReasonDialog):
    def __init__(self, claim: Claim, parent: QWidget | None = None) -> None:
        super().__init__(tr("接管报告"),
                         tr("{name} 自 {at} 起在审核这份报告。接管后对方的窗口变为只读，"
                            "接管及其理由记入审核记录。").format(name=claim.holder, at=local_time(claim.claimed_at)),
                         tr("接管"), parent)
        self.claim = claim


class Claims(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.held: int | None = None  # the report this window holds
        self.other: Claim | None = None  # another reviewer's claim of the open report
        self.dialog: TakeoverDialog | None = None
        self.bar = ClaimBar(window.review)
        right = window.review.tabs.parentWidget()
        layout = right.layout() if right is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.bar)
        self.bar.take.clicked.connect(self.take_over)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.heartbeat)
        window.reportOpened.connect(self.opened)
        window.review.changed.connect(lambda _a: self.changed())
        window.verified.connect(lambda _rid: self.changed())
        self.show_claims()

    @property
    def library(self) -> Any:
        return self.window.library

    def _name(self) -> str:
        return str(self.window.reviewer or "")

    # -- opening and closing ------------------------------------------------------------------------------
    def opened(self, report_id: int) -> None:
        if self.held is not None and self.held != report_id:
            self.release()
        self.claim_open()

    def claim_open(self, lost: bool = False) -> None:
        """Claim the open report if it may be edited; else show who holds it."""
        session = self.window.session
        if session is None:
            return
        self.other = None
        session.held_by = None
        if session.summary.retired_at is not None or session.summary.status in LOCKED_ELSEWHERE:
            self.held = None  # the store released it when verifying; nothing to edit
        elif self._name() or self.library.team:
            try:
                self.library.claim(session.report_id, reviewer=self._name())
                self.held = session.report_id
            except ClaimHeld as exc:
                self.held = None
                self.other = exc.claim
                session.held_by = exc.claim.holder
            except ReviewerError as exc:  # a login without the reviewer role: read-only, said why
                self.held = None
                self.window.show_status(str(exc))
        self._show(lost)

    def _show(self, lost: bool = False) -> None:
        session = self.window.session
        if session is not None:  # the report's bar and the title say 审核中 · name, as the list does
            session.holder = self._name() if self.held == session.report_id else (
                self.other.holder if self.other is not None else None)
            self.window.review.show_status()
            self.window.update_title()
        self.bar.show_claim(self.other, lost)
        self.window.decisions.update_lock()
        idle = self.library.settings().claim_idle_minutes
        if self.held is not None:
            self.timer.start(int(max(5.0, min(60.0, idle * 60 / 3)) * 1000))  # well within the idle time
        else:
            self.timer.stop()
        self.show_claims()

    def show_claims(self) -> None:
        try:
            claims = self.library.claims()
        except ReviewerError:
            return
        panel = self.window.library_panel
        panel.model.set_claims(claims)
        fit_status_column(panel, claims)
        self.window.show_overview()

    def changed(self) -> None:
        """A write of the open report (verify releases the claim; a reopened report may be claimed again)."""
        session = self.window.session
        if session is None:
            return
        if session.summary.status in LOCKED_ELSEWHERE:
            self.held = None
            self._show()
        elif self.held != session.report_id and self.other is None:
            self.claim_open()

    def release(self) -> None:
        rid, self.held = self.held, None
        self.timer.stop()
        if rid is not None:
            try:
                self.library.release(rid, reviewer=self._name())
            except ReviewerError:
                pass  # the library is gone or unreachable: the claim lapses by itself

    def shutdown(self) -> None:
        self.release()

    # -- keeping and losing it ----------------------------------------------------------------------------------
    def heartbeat(self) -> None:
        if self.held is None:
            return
        try:
            kept = self.library.heartbeat(self.held, reviewer=self._name())
        except ReviewerError:
            return  # unreachable now: tried again at the next beat
        if kept is None:
            self.lost()

    def lost(self) -> None:
        """Another reviewer took the open report over: read-only, saying who."""
        session = self.window.session
        self.held = None
        if session is None:
            return
        self.other = self.library.claim_of(session.report_id)
        session.held_by = self.other.holder if self.other else None
        self._show(lost=True)

    def remote(self, report_ids: set[int]) -> None:
        """Claims changed elsewhere (the live feed): the list, and the open report's holder."""
        self.show_claims()
        session = self.window.session
        if session is None or session.report_id not in report_ids:
            return
        current = self.library.claim_of(session.report_id)
        if self.held == session.report_id:
            if current is None or current.holder != self._name():
                self.lost()
        elif current is None or current.holder == self._name():
            self.claim_open()  # the holder closed it: it is ours to edit now
        elif self.other is None or current.holder != self.other.holder:
            self.other = current
            session.held_by = current.holder
            self._show()

    # -- taking over ----------------------------------------------------------------------------------------
    def take_over(self) -> TakeoverDialog | None:
        session = self.window.session
        if session is None or self.other is None:
            return None
        if not self.window.ensure_reviewer():
            return None
        dialog = TakeoverDialog(self.other, self.window)
        dialog.accepted.connect(lambda: self._take(dialog.reason_text()))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _take(self, reason: str) -> None:
        session = self.window.session
        if session is None:
            return
        try:
            self.library.take_over(session.report_id, reason=reason, reviewer=self._name())
        except ReviewerError as exc:
            self.window.inform(tr("未能接管"), str(exc))
            return
        self.held = session.report_id
        self.other = None
        session.held_by = None
        self._show()
        self.window.show_status(tr("已接管这份报告"))
