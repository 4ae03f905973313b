"""What a reviewer's role allows, in the window, and four eyes' sign-off.

- Roles (`reviewer.store.roles`): in team mode the actions the login's role cannot do — reopen a verified report,
  retire or restore one, sign off, change the library's settings: a lead's — are greyed out, and their tooltip
  and status tip say why. The store refuses them anyway; this only says so before the click.
- 审核 › 复核签核… (four eyes): a lead signs off a 待复核 report verified by someone else (a note, optional;
  audited), which makes it 已核实.
- 设置 › 资料库设置…: four eyes on or off, the claims' idle time — stored in the library, changed by a lead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError, StaleWriteError
from reviewer.store.four_eyes import verifier
from reviewer.store.library_settings import CLAIM_IDLE, FOUR_EYES, MAX_IDLE_MINUTES
from reviewer.store.roles import Actor
from ui.decision_dialogs import ReasonDialog
from ui.i18n import tr
from ui.session import Applied
from ui.stale_notice import stale_text

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.main_window import MainWindow

# the window's actions a lead's role governs, with the store's action
LEAD_ACTIONS = {"reopen": "reopen", "retire": "retire", "restore": "restore", "sign_off": "sign_off",
                "library_settings": "settings"}


def role_reason(actor: Actor, action: str) -> str:
    """Why the actor's role does not allow the action, in the window's language."""
    need = tr("组长") if action in ("reopen", "retire", "restore", "sign_off", "settings") else tr("审核员")
    return tr("您（{name}）的角色不能进行此操作：须由{need}进行").format(name=actor.name, need=need)


class LibrarySettingsDialog(QDialog):
    """Four eyes and the claims' idle time: the library's settings (shared by the team)."""

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("资料库设置"))
        self.four_eyes = QCheckBox(tr("四眼复核：审核员核实后为“待复核”，须另一位组长签核"), self)
        self.four_eyes.setChecked(bool(settings.four_eyes))
        self.idle = QSpinBox(self)
        self.idle.setRange(1, MAX_IDLE_MINUTES)
        self.idle.setSuffix(tr(" 分钟"))
        self.idle.setValue(int(settings.claim_idle_minutes))
        note = QLabel(tr("这些设置保存在资料库中，对所有审核人生效；只有组长可以更改。"), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.four_eyes)
        form.addRow(tr("审核中的报告无操作后自动释放："), self.idle)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)


class TeamActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QWidget | None = None
        self.commands: Commands | None = None
        self._actor: Actor | None = None
        window.decisions.permits = self.permits  # reopen, retire, restore: as the role allows
        window.reportOpened.connect(lambda _rid: self.update())
        window.review.changed.connect(lambda _a: self.update())
        window.verified.connect(lambda _rid: self.update())

    def register(self, commands: Commands) -> None:
        """审核 › 复核签核…, 设置 › 资料库设置…"""
        self.commands = commands
        commands.add("sign_off", tr("复核签核…"), self.sign_off, when=self.can_sign_off, owner="team",
                     tip=tr("四眼复核：组长签核另一人核实的报告，签核后为“已核实”"))
        commands.add("library_settings", tr("资料库设置…"), self.edit_settings, when=lambda: self.permits("settings"),
                     owner="team", tip=tr("四眼复核、审核中的报告自动释放的时间：保存在资料库中，由组长更改"))
        self.update()

    def actor(self) -> Actor:
        """Who the window writes as and their role (asked again whenever a report opens or changes)."""
        if self._actor is None:
            try:
                self._actor = self.window.library.actor(self.window.reviewer)
            except ReviewerError:  # a local library and no name yet: asked at the first write
                self._actor = Actor(self.window.reviewer or "")
        return self._actor

    def permits(self, action: str) -> bool:
        return self.actor().may(action)

    def can_sign_off(self) -> bool:
        session = self.window.session
        return session is not None and session.summary.status == "pending" and self.permits("sign_off")

    def update(self) -> None:
        """The role asked again; what it forbids is greyed (by the commands' providers), its tooltip says why."""
        self._actor = None
        actor = self.actor()
        if self.commands is None:
            return
        for name, action_name in LEAD_ACTIONS.items():
            if name not in self.commands:
                continue
            action = self.commands[name]
            why = None if actor.may(action_name) else role_reason(actor, action_name)
            action.setToolTip(why or action.text().replace("&", "").rstrip("…"))
            if why:
                action.setStatusTip(why)
        self.commands.refresh()

    # -- four eyes -------------------------------------------------------------------------------------------
    def sign_off(self) -> QWidget | None:
        window = self.window
        session = window.session
        if session is None or session.summary.status != "pending":
            window.show_status(tr("只有待复核的报告需要签核"))
            return None
        actor = self.actor()
        if not actor.may("sign_off"):
            window.show_status(role_reason(actor, "sign_off"))
            return None
        with window.library.lock:
            by = verifier(window.library.connection, session.report_id)
        dialog = ReasonDialog(tr("复核签核"), tr("{name} 核实了这份报告。签核后为“已核实”，签核人记入审核记录。")
                              .format(name=by or "—"), tr("签核"), window, required=False)
        dialog.accepted.connect(lambda: self._signed(dialog.reason_text()))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _signed(self, note: str) -> None:
        window = self.window
        session = window.session
        if session is None:
            return
        try:
            change = window.library.sign_off(session.report_id, reviewer=window.reviewer, note=note or None,
                                             expected_version=session.version)
        except StaleWriteError as exc:
            window.inform(tr("报告已在别处修改"), stale_text(exc, window.review.cell_label), QMessageBox.Icon.Warning)
            window.open_report(session.report_id)
            return
        except ReviewerError as exc:
            window.inform(tr("未能签核"), str(exc), QMessageBox.Icon.Warning)
            return
        session.reload()
        window.review.after(Applied([], session.record.findings, change.version, change.related))
        window.show_status(tr("已签核：这份报告已核实"))

    # -- the library's settings ------------------------------------------------------------------------------
    def edit_settings(self) -> QWidget | None:
        window = self.window
        actor = self.actor()
        if not actor.may("settings"):
            window.show_status(role_reason(actor, "settings"))
            return None
        dialog = LibrarySettingsDialog(window.library.settings(), window)
        dialog.accepted.connect(lambda: self._save_settings(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _save_settings(self, dialog: LibrarySettingsDialog) -> None:
        window = self.window
        if not window.ensure_reviewer():
            return
        try:
            window.library.change_setting(FOUR_EYES, dialog.four_eyes.isChecked(), reviewer=window.reviewer)
            window.library.change_setting(CLAIM_IDLE, dialog.idle.value(), reviewer=window.reviewer)
        except ReviewerError as exc:
            window.inform(tr("未能保存设置"), str(exc), QMessageBox.Icon.Warning)
            return
        window.show_status(tr("资料库设置已保存"))
