"""When an edit cannot be saved, the reviewer is told why, the typed text stays in the cell, and a failure of
the library itself (read-only, disk full, locked) can be retried. No failure is silent.

`keep_typed` reopens the cell's editor holding what was typed (so a correction or Enter tries again);
`ask_retry` asks whether to try the save again (patched in tests; never asked in screenshot runs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox, QWidget

from ui.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyledItemDelegate

_PENDING = "_reviewer_pending_text"


def ask_retry(parent: QWidget | None, reason: str) -> bool:
    """A failure of the library: say why and offer to try again. True: try again."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("保存失败"),
                      tr("修改未能保存：\n{reason}\n\n输入的值仍保留在单元格中。").format(reason=reason),
                      QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    return box.exec() == QMessageBox.StandardButton.Retry


def keep_typed(delegate: QStyledItemDelegate, index: QModelIndex | QPersistentModelIndex, text: str) -> None:
    """Reopen the editor of `index` with `text` once the failed editor has closed."""
    view = delegate.parent()
    if not isinstance(view, QAbstractItemView):
        return
    target = QPersistentModelIndex(index)
    setattr(delegate, _PENDING, (target, text))

    def reopen() -> None:
        if target.isValid():
            view.setCurrentIndex(target)
            view.edit(target)

    QTimer.singleShot(0, reopen)


def pending_text(delegate: QStyledItemDelegate, editor: QWidget,
                 index: QModelIndex | QPersistentModelIndex) -> bool:
    """Put the kept text into a reopened editor (True), once; False when there is none for `index`."""
    pending = getattr(delegate, _PENDING, None)
    if pending is None or not isinstance(editor, QLineEdit):
        return False
    target, text = pending
    setattr(delegate, _PENDING, None)
    if target != index:
        return False
    editor.setText(text)
    return True
