"""The keyboard loop of a verification station: the keyboard focus follows the problems.

Opening a report puts the cursor, and the keyboard focus, in the cell of its first problem; F8 / Shift+F8 choose
the next / previous problem and put the focus in its cell; F8 after the last problem opens the next report of the
list that has problems. In the grid, Enter commits and moves on: to the next problem (the default) or one cell
down (首选项 › 回车后). So a reviewer types a value, Enter, types, Enter … Ctrl+Enter, without a mouse.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from reviewer.model import Finding
from ui.grid_view import GridView
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.main_window import MainWindow
    from ui.problems_panel import ProblemsPanel

ENTER_NEXT_PROBLEM = "next_problem"
ENTER_DOWN = "down"


def has_cells(f: Finding) -> bool:
    """An open problem about cells (one confirmed as a source defect is settled)."""
    return f.resolution is None and any(not c.endswith(":*") for c in f.cells)


class ReviewLoop(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        for view in window.review.views.values():
            view.advance = lambda v=view: self.advance(v)
        window.reportOpened.connect(lambda _rid: self.focus_first_problem())

    def register(self, commands: Commands) -> None:
        """审核 › 下一个 / 上一个问题, 视图 › 表二–表四 and the pane keys."""
        has = self.window.has_report
        commands.add("next_problem", tr("下一个问题"), self.next_problem, when=has, owner="review loop")
        commands.add("prev_problem", tr("上一个问题"), self.previous_problem, when=has, owner="review loop")
        for i, (name, text) in enumerate((("table2", tr("表二")), ("table3", tr("表三")), ("table4", tr("表四")))):
            commands.add(name, text, partial(self.show_table, i), when=has, owner="review loop")
        commands.add("next_pane", tr("下一个窗格"), lambda: self.focus_pane(1),
                     tip=tr("资料库、原文、表格、问题之间切换键盘焦点"), owner="review loop")
        commands.add("prev_pane", tr("上一个窗格"), lambda: self.focus_pane(-1), owner="review loop")

    @property
    def panel(self) -> ProblemsPanel:
        return self.window.review.problems

    def current_view(self) -> GridView:
        review = self.window.review
        widget = review.tabs.currentWidget()
        assert isinstance(widget, GridView)
        return widget

    def focus_grid(self) -> None:
        view = self.current_view()
        self.window.activateWindow()
        view.setFocus()

    # -- opening -----------------------------------------------------------------------------------------
    def focus_first_problem(self) -> None:
        """The cursor on the cell of the first problem (the list's choice is left to F8), the focus in the grid."""
        review = self.window.review
        first = next((f for f in self.panel.model.findings() if has_cells(f)), None)
        if first is not None:
            review.show_finding(first)
        else:
            view = self.current_view()
            cells = list(view.grid_model().grid.positions) if view.model() is not None else []
            if not view.currentIndex().isValid() and cells:
                view.select_cells(cells[:1])
        self.focus_grid()

    # -- F8 / Shift+F8 ----------------------------------------------------------------------------------
    def next_problem(self) -> Finding | None:
        """The next open problem; after the report's last one, the next report of the list that has problems."""
        f = self._next_open()
        if f is not None:
            self.focus_grid()
            return f
        nxt = self.next_report_with_problems()
        if nxt is not None:
            self.window.open_report(nxt)
            return None
        if self.panel.model.rowCount() == 0:
            self.window.show_status(tr("这份报告没有问题，资料库中也没有其他待处理问题的报告"))
            return None
        self.window.show_status(tr("已是最后一个问题：资料库中没有其他待处理问题的报告"))
        f = self.panel.next()  # round again within the report
        self.focus_grid()
        return f

    def _next_open(self) -> Finding | None:
        """Choose the next open problem after the current one (from the top when none is chosen, or the chosen
        one was settled as a source defect and moved to the end); None when there is none after it."""
        model, view = self.panel.model, self.panel.view
        current = self.panel.current()
        start = view.currentIndex().row() + 1 if current is not None and current.resolution is None else 0
        for row in range(start, model.rowCount()):
            f = model.finding(row)
            if f is not None and f.resolution is None:
                if row == view.currentIndex().row():
                    self.panel.findingChosen.emit(f)
                else:
                    view.selectRow(row)
                return f
        return None

    def previous_problem(self) -> Finding | None:
        f = self.panel.previous()
        self.focus_grid()
        return f

    def next_report_with_problems(self) -> int | None:
        """The next report after the open one, in the list's order, not verified and with errors or warnings."""
        session = self.window.session
        model = self.window.library_panel.model
        n = model.rowCount()
        start = model.row_of(session.report_id) if session is not None else -1
        for k in range(1, n + 1):
            s = model.summary((start + k) % n)
            if s is None or (session is not None and s.id == session.report_id):
                continue
            if s.status != "verified" and (s.errors or s.warnings):
                return int(s.id)
        return None

    def show_table(self, index: int) -> None:
        """Ctrl+2 / 3 / 4: that table's grid, with the keyboard in it."""
        self.window.review.tabs.setCurrentIndex(index)
        self.focus_grid()

    # -- F6 / Shift+F6: from pane to pane -----------------------------------------------------------------
    def panes(self) -> list:  # noqa: ANN201
        """The panes the keyboard visits in turn: the library list, the text, the grid, the bottom panel."""
        w = self.window
        out: list = []
        if w.library_panel.isVisible():
            out.append(w.library_panel.view)
        if w.session is not None:
            bottom = w.review.bottom.currentWidget()
            out += [w.review.text.text, self.current_view(), getattr(bottom, "view", bottom)]
        return out

    def focus_pane(self, delta: int = 1) -> None:
        panes = self.panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        here = next((i for i, p in enumerate(panes) if focus is p or (focus is not None and p.isAncestorOf(focus))),
                    -1)
        target = panes[(here + delta) % len(panes)] if here >= 0 else panes[0]
        target.setFocus()

    # -- Enter in the grid ------------------------------------------------------------------------------
    def advance(self, view: GridView) -> None:
        """Enter committed a value (or was pressed on a cell): move on as the settings say."""
        if self.window.settings.get("enter_moves") == ENTER_DOWN:
            view._move(1, 0)
            return
        if not any(has_cells(f) for f in self.panel.model.findings()):
            self.window.show_status(tr("没有待处理的问题了：Ctrl+Enter 核实这份报告"))
            return
        # the list was recomputed by the write: a solved problem is gone, so this is the next one still open
        if self._next_open() is None:
            self._next_open_from_top()
        self.focus_grid()

    def _next_open_from_top(self) -> None:
        self.panel.view.clearSelection()
        self.panel.view.setCurrentIndex(self.panel.model.index(-1, -1))
        self._next_open()
