"""The table view of one grid: merged cells of the official form, spreadsheet keys, paste and copy.

Typing replaces a cell, F2 edits it, Enter and Tab commit and move (Enter: as `advance` says, else down; Tab right),
Esc cancels.
Ctrl+V pastes a block copied from Excel as one edit; Delete clears the selected cells as one edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from reviewer.errors import ValidationError
from reviewer.formlayout import CELL
from reviewer.values import parse_user_value
from ui.grid_model import GridModel, Value
from ui.i18n import tr
from ui.save_errors import keep_typed, pending_text

SPAN_MIME = "application/x-reviewer-span"  # "start,end;…" of values in the report's text (ui.unplaced_panel)

LABEL_WIDTHS = {1: [200], 2: [90, 190], 3: [36, 92, 196]}
DATA_WIDTH = 56


class CellDelegate(QStyledItemDelegate):
    """A line editor; Enter commits and asks the view to move down; a refused value is reported."""

    rejected = Signal(str)
    enterPressed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused = False  # the last value committed was refused (Enter then stays on the cell)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """A see-through selection, so a selected cell still shows the colour of its mark."""
        if not option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        pal = QPalette(opt.palette)  # type: ignore[attr-defined]
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            colour = QColor(pal.color(group, QPalette.ColorRole.Highlight))
            colour.setAlpha(110 if group == QPalette.ColorGroup.Active else 70)
            pal.setColor(group, QPalette.ColorRole.Highlight, colour)
            pal.setColor(group, QPalette.ColorRole.HighlightedText, pal.color(group, QPalette.ColorRole.Text))
        opt.palette = pal  # type: ignore[attr-defined]
        painter.fillRect(opt.rect, opt.backgroundBrush)  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if not pending_text(self, editor, index):  # after a failed save: what was typed, not the old value
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:  # type: ignore[override]
        assert isinstance(editor, QLineEdit)
        self.refused = False
        typed = editor.text()
        if not model.setData(index, typed, Qt.ItemDataRole.EditRole):
            reason = getattr(model, "last_error", "")
            if reason:
                self.refused = True
                self.rejected.emit(reason)
            if reason or getattr(model, "save_failed", False):
                keep_typed(self, index, typed)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(obj, QLineEdit)
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)):
            self.commitData.emit(obj)
            self.closeEditor.emit(obj, QAbstractItemDelegate.EndEditHint.NoHint)
            if not self.refused:
                self.enterPressed.emit()
            return True
        return super().eventFilter(obj, event)


class GridView(QTableView):
    currentCellChanged = Signal(str)  # the cell id under the cursor
    rejected = Signal(str)  # a value was refused: the reason
    spansDropped = Signal(str, list)  # values of the text dragged onto a cell: the cell, their spans

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.rejected.connect(self.rejected)
        self.advance: Callable[[], None] | None = None  # Enter moves on: set by the review loop, else down
        self.delegate.enterPressed.connect(self._advance)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(True)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setCornerButtonEnabled(False)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def grid_model(self) -> GridModel:
        model = self.model()
        assert isinstance(model, GridModel)
        return model

    def setModel(self, model) -> None:  # type: ignore[override]
        super().setModel(model)
        self.clearSpans()
        grid = model.grid
        for r, c, rows, cols in grid.spans:
            self.setSpan(r, c, rows, cols)
        widths = LABEL_WIDTHS.get(grid.label_cols, [120] * grid.label_cols)
        data_width = DATA_WIDTH if grid.cols - grid.label_cols > 4 else 2 * DATA_WIDTH  # few columns: roomier
        for c in range(grid.cols):
            self.setColumnWidth(c, widths[c] if c < grid.label_cols else data_width)
        self.fit_rows()
        self.selectionModel().currentChanged.connect(self._current_changed)

    def fit_rows(self) -> None:
        """Rows tall enough for their wrapped labels (labels live in spanned cells, so measure them here)."""
        model = self.grid_model()
        grid = model.grid
        fm = self.fontMetrics()
        base = fm.height() + 4
        self.verticalHeader().setMinimumSectionSize(base)
        heights = [base] * grid.rows
        spans = {(r, c): (rows, cols) for r, c, rows, cols in grid.spans}
        covered = grid.covered()
        for r, row in enumerate(grid.slots):
            for c, slot in enumerate(row):
                if slot.kind == CELL or not slot.text or (r, c) in covered:
                    continue
                rows, cols = spans.get((r, c), (1, 1))
                width = sum(self.columnWidth(c + k) for k in range(cols)) - 8
                rect = fm.boundingRect(0, 0, max(width, 20), 10_000, int(Qt.TextFlag.TextWordWrap), slot.text)
                need = rect.height() + 8
                if rows == 1:
                    heights[r] = max(heights[r], need)
                elif sum(heights[r:r + rows]) < need:
                    extra = (need - sum(heights[r:r + rows])) // rows + 1
                    for k in range(rows):
                        heights[r + k] += extra
        for r, h in enumerate(heights):
            self.setRowHeight(r, h)

    # -- cursor and selection --------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cid = self.grid_model().cell_id(current)
        if cid:
            self.currentCellChanged.emit(cid)

    def select_cells(self, cells: list[str], current: str | None = None) -> bool:
        """Select these cells (those of this table) and put the cursor on `current` or the first one."""
        model = self.grid_model()
        selection = QItemSelection()
        first: QModelIndex | None = None
        for cid in cells:
            idx = model.index_of(cid)
            if idx.isValid():
                selection.select(idx, idx)
                first = first or idx
        target = model.index_of(current) if current else first
        if target is None or not target.isValid():
            return False
        sm = self.selectionModel()
        sm.setCurrentIndex(target, QItemSelectionModel.SelectionFlag.NoUpdate)
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(target)
        return True

    def selected_cells(self) -> list[str]:
        model = self.grid_model()
        return [c for c in (model.cell_id(i) for i in self.selectedIndexes()) if c]

    def _move(self, drow: int, dcol: int) -> None:
        model = self.grid_model()
        cur = self.currentIndex()
        r, c = cur.row() + drow, cur.column() + dcol
        while 0 <= r < model.rowCount() and 0 <= c < model.columnCount():
            idx = model.index(r, c)
            if model.cell_id(idx):
                self.setCurrentIndex(idx)
                return
            r, c = r + drow, c + dcol

    # -- keys ------------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        locked = self.grid_model().locked if self.model() is not None else None
        if locked and (event.matches(QKeySequence.StandardKey.Paste) or event.key() in (
                Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_F2)
                or (event.text().strip() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier)):
            self.rejected.emit(locked)  # a keystroke never changes a verified report silently
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.copy_text())
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selected()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState \
                and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self._advance()
            return
        super().keyPressEvent(event)

    def move_next_cell(self) -> None:
        """One cell right; at the end of a row, the first cell of the next row."""
        before = self.currentIndex()
        self._move(0, 1)
        if self.currentIndex() == before:
            self.move_to_row_start(1)

    def move_to_row_start(self, drow: int) -> None:
        """The first cell of the row `drow` rows below the cursor that has cells."""
        model = self.grid_model()
        r = self.currentIndex().row() + drow
        while 0 <= r < model.rowCount():
            for c in range(model.columnCount()):
                idx = model.index(r, c)
                if model.cell_id(idx):
                    self.setCurrentIndex(idx)
                    return
            r += drow

    # -- drops of values from the text -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(SPAN_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(SPAN_MIME):
            cid = self.grid_model().cell_id(self.indexAt(event.position().toPoint()))
            if cid:
                event.acceptProposedAction()
            else:
                event.ignore()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(SPAN_MIME):
            super().dropEvent(event)
            return
        cid = self.grid_model().cell_id(self.indexAt(event.position().toPoint()))
        raw = bytes(event.mimeData().data(SPAN_MIME).data()).decode("ascii")
        spans = [tuple(int(x) for x in part.split(",")) for part in raw.split(";") if part]
        if cid and spans:
            event.acceptProposedAction()
            self.setCurrentIndex(self.grid_model().index_of(cid))
            self.spansDropped.emit(cid, spans)

    def _advance(self) -> None:
        if self.advance is not None:
            self.advance()
        else:
            self._move(1, 0)

    def commit_open_editor(self) -> None:
        """Commit a value being typed (before a shortcut such as Ctrl+Enter acts on the report)."""
        editor = self.indexWidget(self.currentIndex()) if self.currentIndex().isValid() else None
        focus = QApplication.focusWidget()
        if editor is None and isinstance(focus, QLineEdit) and self.isAncestorOf(focus):
            editor = focus
        if isinstance(editor, QLineEdit) and self.state() == self.State.EditingState:
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _edit(self, changes: dict[str, Value], kind: str) -> bool:
        handler = self.grid_model().edit_handler
        return bool(changes) and handler is not None and handler(changes, kind)

    def clear_selected(self) -> bool:
        return self._edit({c: None for c in self.selected_cells()}, "clear")

    def paste(self, text: str) -> bool:
        """A block of tab-separated rows, from the cursor: one edit, or a refusal naming the first bad value."""
        rows = [line.split("\t") for line in text.replace("\r\n", "\n").rstrip("\n").split("\n")]
        if not text.strip() or not self.currentIndex().isValid():
            return False
        model = self.grid_model()
        grid = model.grid
        start = self.currentIndex()
        targets = [r for r in range(start.row(), grid.rows)
                   if any(s.kind == CELL for s in grid.slots[r][start.column():])]
        if len(rows) > len(targets):
            self.rejected.emit(tr("粘贴的区域有 {n} 行，超出了表格").format(n=len(rows)))
            return False
        changes: dict[str, Value] = {}
        for line, r in zip(rows, targets, strict=False):
            cids: list[str] = []
            for s in grid.slots[r][start.column():]:
                if s.kind == CELL and s.cid and s.cid not in cids:
                    cids.append(s.cid)
            if len(line) > len(cids):
                self.rejected.emit(tr("粘贴的区域有 {n} 列，超出了表格").format(n=len(line)))
                return False
            for cid, cell_text in zip(cids, line, strict=False):
                try:
                    changes[cid] = parse_user_value(cell_text)
                except ValidationError as exc:
                    self.rejected.emit(str(exc))
                    return False
        return self._edit(changes, "paste")

    def copy_text(self) -> str:
        indexes = sorted(self.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return ""
        lines: dict[int, list[str]] = {}
        for i in indexes:
            lines.setdefault(i.row(), []).append(str(i.data() or ""))
        return "\n".join("\t".join(v) for _, v in sorted(lines.items()))


if __name__ == "__main__":
    from reviewer.formlayout import build
    from ui.marks import MarkStyle, compute_marks
    from ui.preview import run_preview, sample_record

    def make() -> GridView:
        rec = sample_record("003")
        origins = {c: s.origin for c, s in rec.provenance.items()}
        view = GridView()
        model = GridModel(build(rec, "table3"), rec.get, compute_marks(rec.findings, origins, lambda f: f.message),
                          MarkStyle.for_palette(view.palette()), view)
        view.setModel(model)
        view.select_cells(["table3:unable.not_held:total"])
        return view

    run_preview(make, size=(760, 760))
