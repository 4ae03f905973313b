"""The report as read: read-only text with line numbers, Find (Ctrl+F) and highlighted source spans.

Spans come from the record's provenance (Python string offsets); they are mapped to Qt's UTF-16 positions.
Clicking a number in the text emits the cell it was read into; a click on a number no cell was read from (or a
Ctrl+click), and Enter at the caret or on a selection, pick it to be captured into a cell (`ui.capture`).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import tr

Span = tuple[int, int]
LABEL_WINDOW = 4000  # how far before a value its row label is looked for


def label_span(text: str, before: int, candidates: list[str]) -> Span | None:
    """The closest occurrence, before offset `before`, of any of the row's label variants (the longest one
    when several end at the same place)."""
    lo = max(0, before - LABEL_WINDOW)
    found = []
    for cand in {c for c in candidates if c}:
        i = text.rfind(cand, lo, before)
        if i >= 0:
            found.append((i + len(cand), len(cand), i))
    if not found:
        return None
    end, _n, start = max(found)
    return (start, end)


class _Gutter(QWidget):
    def __init__(self, editor: NumberedText) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(event)


class NumberedText(QPlainTextEdit):
    """A read-only plain text view with a line-number gutter."""

    clickedAt = Signal(int)  # a character offset (Python string index) clicked with the mouse
    enterAt = Signal(int, int)  # Enter: the selection (start, end), or the caret twice (Python offsets)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_width)
        self.updateRequest.connect(self._update_gutter)
        self._update_width()
        self._astral: list[int] = []  # Python offsets of characters outside the BMP (two UTF-16 units)
        self.last_modifiers = Qt.KeyboardModifier.NoModifier

    def set_text(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.setPlainText(text)

    def to_qt(self, pos: int) -> int:
        return pos + bisect.bisect_left(self._astral, pos) if self._astral else pos

    def from_qt(self, pos: int) -> int:
        if not self._astral:
            return pos
        n = 0
        while n < len(self._astral) and self._astral[n] + n < pos:
            n += 1
        return pos - n

    # -- gutter ----------------------------------------------------------------------------------------
    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_width(self, _count: int = 0) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self.gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self.gutter)
        pal = self.palette()
        painter.fillRect(event.rect(), pal.alternateBase())
        painter.setPen(pal.color(pal.ColorGroup.Disabled, pal.ColorRole.Text))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(0, top, self.gutter.width() - 6, height, Qt.AlignmentFlag.AlignRight,
                                 str(number + 1))
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.last_modifiers = event.modifiers()
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clickedAt.emit(self.from_qt(self.cursorForPosition(event.position().toPoint()).position()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            start, end = self.selection()
            self.enterAt.emit(start, end)
            return
        super().keyPressEvent(event)

    def selection(self) -> tuple[int, int]:
        """The selected range, or the caret (start == end), in Python offsets."""
        cursor = self.textCursor()
        return self.from_qt(cursor.selectionStart()), self.from_qt(cursor.selectionEnd())


class TextPane(QWidget):
    """Raw text with a find bar. `show_spans` highlights a cell's value and its row label."""

    cellClicked = Signal(str)
    numberPicked = Signal(int, int)  # a number chosen in the text to capture: (start, end) of a click or a selection

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = NumberedText(self)
        self.find_bar = QWidget(self)
        self.find_edit = QLineEdit(self.find_bar)
        self.find_edit.setPlaceholderText(tr("查找…"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_status = QLabel(self.find_bar)
        prev_btn, next_btn, close_btn = QToolButton(), QToolButton(), QToolButton()
        prev_btn.setText("▲")
        prev_btn.setToolTip(tr("上一个 (Shift+Enter)"))
        next_btn.setText("▼")
        next_btn.setToolTip(tr("下一个 (Enter)"))
        close_btn.setText("✕")
        close_btn.setToolTip(tr("关闭查找 (Esc)"))
        bar = QHBoxLayout(self.find_bar)
        bar.setContentsMargins(4, 2, 4, 2)
        for w in (QLabel(tr("查找：")), self.find_edit, prev_btn, next_btn, self.find_status, close_btn):
            bar.addWidget(w)
        self.find_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.text)
        layout.addWidget(self.find_bar)
        self.find_edit.textChanged.connect(lambda _t: self.find(forward=True, restart=True))
        self.find_edit.returnPressed.connect(lambda: self.find(forward=True))
        next_btn.clicked.connect(lambda: self.find(forward=True))
        prev_btn.clicked.connect(lambda: self.find(forward=False))
        close_btn.clicked.connect(self.close_find)
        QShortcut(QKeySequence.StandardKey.Find, self, self.open_find,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, lambda: self.find(forward=False),
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("Esc"), self.find_edit, self.close_find, context=Qt.ShortcutContext.WidgetShortcut)
        self._starts: list[int] = []
        self._spans: list[tuple[int, int, str]] = []
        self._highlights: list[QTextEdit.ExtraSelection] = []
        self._find_hits: list[QTextEdit.ExtraSelection] = []
        self._unplaced: list[QTextEdit.ExtraSelection] = []
        self.text.clickedAt.connect(self._clicked)
        self.text.enterAt.connect(lambda a, b: self.numberPicked.emit(a, b))

    # -- content ---------------------------------------------------------------------------------------
    def set_report(self, text: str, spans: Mapping[str, Span | None]) -> None:
        self.text.set_text(text)
        self._spans = sorted((s[0], s[1], cid) for cid, s in spans.items() if s and s[1] > s[0])
        self._starts = [s[0] for s in self._spans]
        self._highlights = []
        self._find_hits = []
        self._unplaced = []
        self._apply()

    def cell_at(self, pos: int) -> str | None:
        """The cell whose printed value covers (or touches) the character offset `pos`."""
        i = bisect.bisect_right(self._starts, pos) - 1
        for j in (i, i + 1):
            if 0 <= j < len(self._spans):
                start, end, cid = self._spans[j]
                if start <= pos <= end:
                    return cid
        return None

    def _clicked(self, pos: int) -> None:
        """A click on a cell's number shows that cell; on another number (or with Ctrl) it is picked to capture."""
        cid = self.cell_at(pos)
        if cid and not self.text.last_modifiers & Qt.KeyboardModifier.ControlModifier:
            self.cellClicked.emit(cid)
        else:
            self.numberPicked.emit(pos, pos)

    def update_spans(self, changes: Mapping[str, Span | None]) -> None:
        """Cells whose source span changed (a value captured from the text, or undone)."""
        kept = [s for s in self._spans if s[2] not in changes]
        kept += [(s[0], s[1], cid) for cid, s in changes.items() if s and s[1] > s[0]]
        self._spans = sorted(kept)
        self._starts = [s[0] for s in self._spans]

    def span_of(self, cid: str) -> Span | None:
        return next(((s, e) for s, e, c in self._spans if c == cid), None)

    def set_unplaced(self, spans: list[Span]) -> None:
        """Underline the values the parser could not place (a wavy red line), so they stand out in the text."""
        self._unplaced = []
        for span in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self.text.to_qt(span[0]))
            cursor.setPosition(self.text.to_qt(span[1]), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#d32f2f"))
            sel.format = fmt
            self._unplaced.append(sel)
        self._apply()

    # -- highlighting ----------------------------------------------------------------------------------
    def _selection(self, span: Span, colour: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self.text.to_qt(span[0]))
        cursor.setPosition(self.text.to_qt(span[1]), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        sel.format = fmt
        return sel

    def show_spans(self, values: list[Span], labels: list[Span] | None = None) -> None:
        """Highlight value spans (strong) and label spans (light); scroll to the first value."""
        dark = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        strong = QColor("#b8860b" if dark else "#ffd54f")
        light = QColor("#3d4f63" if dark else "#cfe3ff")
        self._highlights = [self._selection(s, light) for s in labels or []]
        self._highlights += [self._selection(s, strong) for s in values]
        self._apply()
        if values:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self.text.to_qt(values[0][0]))
            self.text.setTextCursor(cursor)
            self.text.centerCursor()

    def highlighted(self) -> list[Span]:
        return [(self.text.from_qt(s.cursor.selectionStart()), self.text.from_qt(s.cursor.selectionEnd()))
                for s in self._highlights]

    def _apply(self) -> None:
        self.text.setExtraSelections(self._unplaced + self._highlights + self._find_hits)

    # -- find ------------------------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._find_hits = []
        self._apply()
        self.text.setFocus()

    def find(self, forward: bool = True, restart: bool = False) -> bool:
        needle = self.find_edit.text()
        doc = self.text.document()
        self._find_hits = []
        if not needle:
            self.find_status.clear()
            self._apply()
            return False
        colour = QColor("#7a6a2a" if self.palette().color(self.palette().ColorRole.Base).lightness() < 128
                        else "#fff3a0")
        cursor = QTextCursor(doc)
        while True:
            cursor = doc.find(needle, cursor)
            if cursor.isNull():
                break
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            sel.format = fmt
            self._find_hits.append(sel)
        self._apply()
        if not self._find_hits:
            self.find_status.setText(tr("无匹配"))
            return False
        current = self.text.textCursor()
        if restart:
            current.setPosition(current.selectionStart())
            self.text.setTextCursor(current)
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        found = doc.find(needle, self.text.textCursor(), flags)
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            if not forward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, flags)
        self.text.setTextCursor(found)
        index = next((i for i, h in enumerate(self._find_hits)
                      if h.cursor.selectionStart() == found.selectionStart()), 0)
        self.find_status.setText(tr("第 {i} / {n} 处").format(i=index + 1, n=len(self._find_hits)))
        return True


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> TextPane:
        rec = sample_record("003")
        pane = TextPane()
        pane.set_report(rec.text, {c: s.span for c, s in rec.provenance.items()})
        span = rec.provenance["table3:unable.not_held:total"].span
        if span:
            pane.show_spans([span], [s for s in [label_span(rec.text, span[0], ["本机关不掌握相关政府信息"])] if s])
        pane.cellClicked.connect(print)
        return pane

    run_preview(make, size=(640, 800))
