"""The library as a drawer where the window is too narrow for it beside a whole 表三 and a readable text.

At 1280 px the three panes cannot all be useful: the library list beside a whole 表三 and a text column of 300 px
kept about three characters of an agency. While a report is open the reviewer works in the text and the grid
(F8 goes from problem to problem and on to the next report), so the library folds away when a report opens in
such a window and the text gets its width; a 资料库 button at the head of the report (and Ctrl+L, 视图 › 资料库)
brings it back at a width that shows agencies, to choose another report, which folds it again. A window wide
enough for all three (1366 px and more) never folds it; one made that wide unfolds it. Hidden by the reviewer
(Ctrl+L), the library stays hidden, the button showing the way back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QToolButton, QWidget

from ui.i18n import tr


class LibraryDrawer(QObject):
    """`panel` is the library, `head` the report's head bar (the button goes first in it), `fits()` whether the
    window holds the library readably beside the review; `window` is watched for its width."""

    def __init__(self, panel: QWidget, head: QWidget, fits: Callable[[], bool], window: QWidget) -> None:
        super().__init__(window)
        self.panel, self.fits, self.window = panel, fits, window
        self.folded = False  # folded by the drawer (not hidden by the reviewer): unfolds when the window widens
        self.button = QToolButton(head)
        self.button.setText(tr("资料库"))
        self.button.setToolTip(tr("显示资料库，选择另一份报告（Ctrl+L）。窗口较窄时，打开报告后资料库自动收起。"))
        self.button.setArrowType(Qt.ArrowType.RightArrow)  # it slides out from the left edge
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.clicked.connect(lambda: self.unfold(focus=True))
        layout = head.layout()
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.button)
        self.button.setVisible(panel.isHidden())
        panel.installEventFilter(self)
        window.installEventFilter(self)

    def report_opened(self) -> None:
        """A report opened: the library folds away when the window is too narrow for it beside the review."""
        if self.window.isVisible() and not self.panel.isHidden() and not self.fits():
            self.folded = True
            self.panel.hide()

    def unfold(self, focus: bool = False) -> None:
        """Back (with the keyboard in the list, when the reviewer asked for it)."""
        self.folded = False
        self.panel.show()
        if focus:
            getattr(self.panel, "view", self.panel).setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self.panel and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self.button.setVisible(self.panel.isHidden())
            if kind == QEvent.Type.Show:
                self.folded = False
        elif obj is self.window and kind == QEvent.Type.Resize and self.folded and self.fits():
            self.unfold()
        return False
