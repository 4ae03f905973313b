"""A write refused because someone else changed the report first (a stale write): the message names who changed
what and when ("张三 于 10:42 修改了 表三 … 为 5"), the report is loaded again, and the value the reviewer had
typed stays in view in a bar above the grids — 重新应用 writes it over the new version, 放弃 drops it — so it is
never silently lost."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from reviewer.store.timefmt import short
from reviewer.values import format_value
from ui.i18n import tr
from ui.library_panel import status_names

if TYPE_CHECKING:
    from reviewer.store.edits import CellEdit
    from ui.review_pane import ReviewPane


def describe_change(change: Any, label: Callable[[str], str]) -> str:
    """One write of another reviewer (`reviewer.store.stale.OtherChange`) in the window's language."""
    name, at = change.reviewer or tr("（未署名）"), short(change.at)
    if change.cells:
        cid, value = change.cells[0]
        text = tr("{name} 于 {at} 修改了 {cell} 为 {value}").format(name=name, at=at, cell=label(cid),
                                                               value=format_value(value, blank=tr("空")))
        if len(change.cells) > 1:
            text += tr("（共 {n} 个单元格）").format(n=len(change.cells))
        return text
    if change.status:
        return tr("{name} 于 {at} 将状态改为 {status}").format(
            name=name, at=at, status=status_names().get(change.status, change.status))
    return tr("{name} 于 {at} 修改了这份报告（{what}）").format(name=name, at=at, what=change.kind)


def stale_text(exc: Exception, label: Callable[[str], str]) -> str:
    changes = getattr(exc, "changes", None)
    if not changes:
        return tr("这份报告已被其他窗口或程序修改，已重新载入。\n{reason}").format(reason=exc)
    return (tr("这份报告已被修改，已重新载入：") + "\n" + "\n".join(describe_change(c, label) for c in changes)
            + "\n" + tr("您未保存的修改显示在表格上方，可重新应用或放弃。"))


class PendingBar(QWidget):
    """The edits a stale write refused, kept in view until re-applied or dropped."""

    def __init__(self, review: ReviewPane) -> None:
        super().__init__(review)
        self.review = review
        self.edits: list[CellEdit] = []
        self.kind = "edit"
        self.reason: str | None = None
        self.report_id: int | None = None
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.apply = QPushButton(tr("重新应用"), self)
        self.drop = QPushButton(tr("放弃"), self)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        row.addWidget(self.label, 1)
        row.addWidget(self.apply)
        row.addWidget(self.drop)
        self.setStyleSheet("PendingBar { background: #fdecea } QLabel { color: #8e1b12 }")
        self.setAutoFillBackground(True)
        self.apply.clicked.connect(self.reapply)
        self.drop.clicked.connect(self.clear)
        right = review.tabs.parentWidget()
        layout = right.layout() if right is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self)
        self.hide()

    def keep(self, report_id: int, edits: list[CellEdit], kind: str, reason: str | None) -> None:
        self.report_id, self.edits, self.kind, self.reason = report_id, list(edits), kind, reason
        shown = "；".join(f"{self.review.cell_label(e.cell)} → {format_value(e.new, blank=tr('空'))}"
                         for e in self.edits[:3])
        more = tr("（共 {n} 个单元格）").format(n=len(self.edits)) if len(self.edits) > 3 else ""
        self.label.setText(tr("未保存的修改：{edits}{more}").format(edits=shown, more=more))
        self.show()

    def reapply(self) -> bool:
        session = self.review.session
        if session is None or session.report_id != self.report_id or not self.edits:
            self.clear()
            return False
        changes = {e.cell: e.new for e in self.edits}
        edits, kind, reason = self.edits, self.kind, self.reason
        self.clear()
        if not self.review.request_edit(changes, kind if kind != "capture" else "edit", reason):
            self.keep(session.report_id, edits, kind, reason)  # refused again: still in view
            return False
        return True

    def clear(self) -> None:
        self.edits = []
        self.hide()

    def report_opened(self, report_id: int) -> None:
        if report_id != self.report_id:
            self.clear()
