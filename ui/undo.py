"""Undo and redo: a thin `QUndoCommand` over the store's plain edit objects, one stack per open report.

A command holds the `CellEdit`s of one batch (a typed value, a pasted block, a suggestion). The batch is
applied (and saved) before it is pushed, so a refused write never enters the stack. Undo applies the
inverses as a new batch of kind 'undo' (the audit trail only grows); a write that fails on undo or redo
(the report changed elsewhere) makes the command obsolete and the stack drops it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from reviewer.store.edits import CellEdit, inverse_all
from ui.i18n import tr

Runner = Callable[[list[CellEdit], str | None, str], bool]  # edits, reason, kind -> saved


def describe(edits: list[CellEdit], kind: str, label: Callable[[str], str]) -> str:
    if kind == "paste":
        return tr("粘贴 {n} 个单元格").format(n=len(edits))
    if kind == "clear":
        return tr("清空 {n} 个单元格").format(n=len(edits))
    if kind == "capture":
        if len(edits) == 1:
            return tr("从原文填入 {cell}：{value}").format(cell=label(edits[0].cell), value=_v(edits[0].new))
        return tr("从原文填入 {n} 个单元格").format(n=len(edits))
    if len(edits) == 1:
        e = edits[0]
        if kind == "suggestion":
            return tr("采纳建议：{cell} → {value}").format(cell=label(e.cell), value=_v(e.new))
        return tr("修改 {cell}：{old} → {new}").format(cell=label(e.cell), old=_v(e.old), new=_v(e.new))
    return tr("修改 {n} 个单元格").format(n=len(edits))


def _v(v: object) -> str:
    return tr("空") if v is None else str(v)


class EditCommand(QUndoCommand):
    def __init__(self, edits: list[CellEdit], reason: str | None, run: Runner, text: str,
                 owner: UndoStacks | None = None) -> None:
        super().__init__(text)
        self.edits = list(edits)
        self.reason = reason
        self._run = run
        self._owner = owner
        self._applied = True  # pushed after it was applied once
        self._unapplied = False  # the next undo only moves the stack's index (a failed redo put back)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        if not self._run(self.edits, self.reason, "redo"):
            self._failed(redo=True)
        elif self._owner is not None:
            self._owner.stepped.emit(tr("已重做：{step}").format(step=self.text()))

    def undo(self) -> None:
        if self._unapplied:
            self._unapplied = False
            return
        if not self._run(inverse_all(self.edits), self.reason, "undo"):
            self._failed(redo=False)
        elif self._owner is not None:
            self._owner.stepped.emit(tr("已撤销：{step}").format(step=self.text()))

    def _failed(self, *, redo: bool) -> None:
        """A step that could not be saved. When the library failed (a server gone away, a full disk) the step
        stays on the stack where it was, to try again; a refusal (a read-only report) drops it."""
        stack = self._owner.group.activeStack() if self._owner is not None else None
        if stack is None or not self._owner or not self._owner.take_store_failure():
            self.setObsolete(True)
            return
        if redo:
            self._unapplied = True
            QTimer.singleShot(0, stack.undo)  # the index back, nothing run
        else:
            self._applied = True
            QTimer.singleShot(0, stack.redo)


class UndoStacks(QObject):
    """One `QUndoStack` per report, in a `QUndoGroup` whose actions the menus use. `stepped` says what an undo or
    a redo just did (for the status bar: the message of the step it took back would be stale)."""

    stepped = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.store_failed = False  # set by the runner when its save failed because the library did

    def take_store_failure(self) -> bool:
        failed, self.store_failed = self.store_failed, False
        return failed

    def activate(self, report_id: int) -> QUndoStack:
        stack = self._stacks.get(report_id)
        if stack is None:
            stack = QUndoStack(self.group)
            self._stacks[report_id] = stack
        self.group.setActiveStack(stack)
        return stack

    def drop(self, report_id: int) -> None:
        stack = self._stacks.pop(report_id, None)
        if stack is not None:
            self.group.removeStack(stack)
            stack.deleteLater()

    def drop_all(self) -> None:
        """Delete every stack while Python is alive (before the window and the interpreter go)."""
        for rid in list(self._stacks):
            self.drop(rid)

    def push(self, edits: list[CellEdit], kind: str, reason: str | None, run: Runner, text: str) -> bool:
        """Apply the batch now; when it was saved, push it so Ctrl+Z undoes it in one step."""
        stack = self.group.activeStack()
        if stack is None or not edits or not run(edits, reason, kind):
            self.take_store_failure()  # nothing on the stack: the grid keeps what was typed
            return False
        stack.push(EditCommand(edits, reason, run, text, self))
        return True


if __name__ == "__main__":
    from PySide6.QtWidgets import QUndoView

    from ui.preview import run_preview, sample_library
    from ui.session import ReportSession

    def make() -> QUndoView:
        lib = sample_library()
        rid = next(s.id for s in lib.list_reports() if s.errors)
        session = ReportSession(lib, rid, "preview")
        stacks = UndoStacks()
        stacks.activate(rid)

        def run(edits: list[CellEdit], reason: str | None, kind: str) -> bool:
            session.apply(edits, reason, kind)
            return True

        for f in session.errors():
            if f.suggestion:
                edits = session.edits_for({f.suggestion["cell"]: f.suggestion["value"]})
                stacks.push(edits, "suggestion", "preview", run, describe(edits, "suggestion", str))
        view = QUndoView(stacks.group)
        stacks.setParent(view)
        return view

    run_preview(make, size=(480, 240))
