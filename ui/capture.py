"""Capture from the text: values the parser could not place, and tables it did not find, filled without typing.

With a cell chosen in a grid, a number picked in the text (a click on a number no cell was read from, a Ctrl+click,
or Enter at the caret) goes into that cell; an unplaced value goes into it from the 未定位数值 panel (Enter, or
dragged onto a cell); a line or a run of numbers selected in the text fills the current row from the current
cell (the whole row when the numbers are as many as its cells), left to right, as one undo step (Ctrl+R, or Enter
on the selection). Each is an audited edit of kind
`capture` that records the span it was read from, so the cell links to its source like a parsed one.

A report whose tables were not found opens on the first cell of the first missing table, with the 未定位数值
panel shown: the reviewer captures the table without typing a digit the text holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reviewer.capture import number_at, numbers_in, value_of
from reviewer.formlayout import CELL, TABLES
from reviewer.rules.answered import placed_marks
from ui.grid_view import GridView
from ui.i18n import tr
from ui.messages import cell_label, cells_text, table_name

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.review_pane import ReviewPane
    from ui.session import ReportSession

Span = tuple[int, int]


class Capture(QObject):
    """Takes what it uses, not the window: the review pane (its text, grids and 未定位数值 panel), the open
    report's session and where to say what happened; the window calls `opened()` when a report opened."""

    def __init__(self, review: ReviewPane, session: Callable[[], ReportSession | None],
                 show_status: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.review = review
        self._session = session
        self.show_status = show_status
        review.text.numberPicked.connect(self.pick)
        review.unplaced.chosen.connect(lambda span: review.text.show_spans([span]))
        review.unplaced.assignRequested.connect(self.assign_unplaced)
        for view in review.views.values():
            view.spansDropped.connect(self.dropped)
        review.changed.connect(lambda _applied: self._mark_placed())

    def register(self, commands: Commands) -> None:
        """编辑 › 从原文填入当前行 (Ctrl+R)."""
        commands.add("capture_row", tr("从原文填入当前行"), self.fill_row, when=lambda: self.session is not None,
                     tip=tr("把原文中选中的一行数字，从当前单元格起依次填入（一次修改）"), owner="capture")

    @property
    def session(self) -> ReportSession | None:
        return self._session()

    # -- where values go ---------------------------------------------------------------------------------
    def current_view(self) -> GridView:
        widget = self.review.tabs.currentWidget()
        assert isinstance(widget, GridView)
        return widget

    def current_cell(self) -> str | None:
        view = self.current_view()
        return view.grid_model().cell_id(view.currentIndex()) if view.model() is not None else None

    def row_from(self, cid: str) -> list[str]:
        """The cells of the grid row of `cid`, from it to the right (each cell once)."""
        view = self.review.views[cid.split(":", 1)[0]]
        grid = view.grid_model().grid
        r, c = grid.positions[cid]
        out: list[str] = []
        for slot in grid.slots[r][c:]:
            if slot.kind == CELL and slot.cid and slot.cid not in out:
                out.append(slot.cid)
        return out

    def row_start(self, cid: str) -> str:
        """The first cell of the grid row of `cid`."""
        grid = self.review.views[cid.split(":", 1)[0]].grid_model().grid
        r, _c = grid.positions[cid]
        return next(s.cid for s in grid.slots[r] if s.kind == CELL and s.cid)

    def missing_tables(self) -> list[str]:
        session = self.session
        if session is None:
            return []
        found = [f.cells[0].split(":", 1)[0] for f in session.record.findings
                 if f.rule == "MISSING" and f.cells and f.cells[0].endswith(":*")]
        return [t for t in TABLES if t in found]

    # -- opening -----------------------------------------------------------------------------------------
    def opened(self) -> None:
        session = self.session
        if session is None:
            return
        record = session.record
        self.review.text.set_unplaced([(u.span[0], u.span[1]) for u in record.unplaced if u.span])
        self._mark_placed()
        missing = self.missing_tables()
        if missing:  # ready to capture: the first cell of the first missing table, the values beside it
            table = missing[0]
            view = self.review.views[table]
            grid = view.grid_model().grid
            first = min(grid.positions, key=lambda c: grid.positions[c])
            self.review.select_cell(first)
            self.review.bottom.setCurrentWidget(self.review.unplaced)
            view.setFocus()
            self.show_status(tr("未找到{table}：在原文中选中一行数字按 Ctrl+R 填入当前行，"
                                "或单击数字填入所选单元格").format(table=table_name(table)))

    def _mark_placed(self) -> None:
        """The unplaced values already captured into a cell name that cell in the panel."""
        session = self.session
        if session is None:
            return
        record = session.record
        placed = placed_marks(record.unplaced, record.findings, session.captured)  # a chosen split's run too
        by_span = {(u.span[0], u.span[1]): cells_text(placed[i], record.template)
                   for i, u in enumerate(record.unplaced) if i in placed and u.span}
        self.review.unplaced.model.set_placed(by_span)
        self.review.bottom.setTabText(1, unplaced_tab(len(record.unplaced), len(placed)))

    # -- capturing ---------------------------------------------------------------------------------------
    def capture(self, values: list[tuple[str, float | int, Span]]) -> bool:
        """(cell, value, span) as one audited edit of kind capture."""
        if not values:
            return False
        changes: dict[str, float | int | None] = {cid: value for cid, value, _span in values}
        spans = {cid: span for cid, _value, span in values}
        session = self.session
        if session is not None and all(session.value(c) == v and session.captured.get(c) == spans[c]
                                       for c, v in changes.items()):
            self.show_status(tr("单元格已是该值"))
            return False
        saved = self.review.request_edit(changes, "capture", None, spans)
        if saved:
            labels = "、".join(cell_label(c, session.record.template if session else None) for c in list(changes)[:3])
            self.show_status(tr("已从原文填入 {cells}").format(cells=labels))
        return saved

    def _target(self) -> tuple[ReportSession, str] | None:
        """The open report and the chosen cell a value goes into; None (said, when no cell is chosen) else."""
        session, cid = self.session, self.current_cell()
        if session is not None and cid is None:
            self.show_status(tr("请先在表格中选中要填入的单元格"))
        return (session, cid) if session is not None and cid is not None else None

    def pick(self, start: int, end: int) -> bool:
        """A number picked in the text (start == end: at that offset), or a selected run of numbers."""
        target = self._target()
        if target is None:
            return False
        session, cid = target
        text = session.record.text
        if start == end:
            found = number_at(text, start)
            if found is None:
                self.show_status(tr("这里没有数字"))
                return False
            return self.capture([(cid, found[0], found[1])])
        return self.fill_row(start, end)

    def fill_row(self, start: int | None = None, end: int | None = None) -> bool:
        """The numbers of the selected text (or of [start, end)) into the current row, from the current cell."""
        session = self.session
        cid = self.current_cell()
        if session is None:
            return False
        if start is None or end is None:
            start, end = self.review.text.text.selection()
        if cid is None:
            self.show_status(tr("请先在表格中选中要填入的行的第一个单元格"))
            return False
        numbers = numbers_in(session.record.text, start, end)
        if not numbers:
            self.show_status(tr("所选文字中没有数字：请在原文中选中一行数字"))
            return False
        whole = self.row_from(self.row_start(cid))
        cells = whole if len(numbers) == len(whole) else self.row_from(cid)  # a whole row: from its first cell
        if len(numbers) > len(cells):
            self.show_status(tr("所选文字有 {n} 个数字，这一行从当前单元格起只有 {m} 格").format(
                n=len(numbers), m=len(cells)))
            return False
        saved = self.capture([(c, v, span) for c, (v, span) in zip(cells, numbers, strict=False)])
        if saved:  # on to the next row, ready for the next line of the text
            view = self.review.views[cid.split(":", 1)[0]]
            view.setCurrentIndex(view.grid_model().index_of(cid))
            view.move_to_row_start(1)
        return saved

    def assign_unplaced(self, span: Span) -> bool:
        """An unplaced value into the current cell; the cursor then moves to the next cell."""
        target = self._target()
        if target is None:
            return False
        session, cid = target
        value = value_of(session.record.text, span)
        if value is None:
            self.show_status(tr("该值不是数字，不能填入"))
            return False
        saved = self.capture([(cid, value, span)])
        if saved:
            self.current_view().move_next_cell()
            panel = self.review.unplaced
            row = panel.view.currentIndex().row()
            if row + 1 < panel.model.rowCount():
                panel.view.selectRow(row + 1)
        return saved

    def dropped(self, cid: str, spans: list[Span]) -> bool:
        """Values dragged onto a cell: the first goes into it, the next ones into the cells to its right."""
        session = self.session
        if session is None:
            return False
        cells = self.row_from(cid)
        values = [(c, value_of(session.record.text, s), s) for c, s in zip(cells, spans, strict=False)]
        return self.capture([(c, v, s) for c, v, s in values if v is not None])


def unplaced_tab(listed: int, placed: int) -> str:
    """The 未定位数值 tab's title: how many values still wait for a cell (all filled in: said so)."""
    if not listed:
        return tr("未定位数值")
    if placed >= listed:
        return tr("未定位数值（已全部填入）")
    if placed:
        return tr("未定位数值 ({left}/{n})").format(left=listed - placed, n=listed)
    return tr("未定位数值 ({n})").format(n=listed)
