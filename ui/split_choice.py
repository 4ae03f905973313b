"""编辑 › 选择拆分… (Ctrl+Shift+S): the reviewer chooses how an ambiguous fused digit run splits into cells.

Where several splits of a run such as "82666" satisfy every relation, the parser leaves the cells they disagree on
blank and lists the splits (`reviewer.rules.answered.choices`). The command works on the problem chosen in the
list, else on the one of the grid's current cell, when it is such an open SPLIT warning: a small dialog shows the
printed run and a row per split, a column per undecided cell; Up/Down move, the text highlights the row's digits,
Enter applies, a digit 1–9 applies that row, Esc cancels. Applying is ONE capture edit (each cell keeps the span
of its digits, audited, undone in one step with Ctrl+Z); the store then turns the warning into an info and the run
no longer counts as unplaced (`reviewer.rules.answered`). Why the command is disabled is in its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.model import Finding
from reviewer.rules.answered import AMBIGUOUS, choices, choosable
from ui.grid_view import GridView
from ui.i18n import tr
from ui.messages import column_headers, table_name

if TYPE_CHECKING:
    from ui.commands import Commands
    from ui.review_pane import ReviewPane
    from ui.session import ReportSession

Span = tuple[int, int]


class SplitChoiceDialog(QDialog):
    """The splits of one run, a row each; the row chosen is `chosen()` once accepted."""

    highlighted = Signal(object)  # the spans of the current row's digits in the report text

    def __init__(self, finding: Finding, template: str | None, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.text = text
        self.setWindowTitle(tr("选择拆分"))
        self.finding = finding
        self.choices = choices(finding)
        p = finding.params
        self.cells = list(self.choices[0]["cells"]) if self.choices else []
        intro = QLabel(tr("{table}“{rows}”印为 <b>{printed}</b>：下列 {n} 种拆分都同样符合各项关系，"
                          "请对照原文选择一种。").format(
            table=table_name(str(p.get("table", ""))), rows=p.get("rows", ""), printed=p.get("printed", ""),
            n=len(self.choices)), self)
        intro.setWordWrap(True)
        self.preview = QLabel(self)  # the run in its line of text, cut as the current row cuts it
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setStyleSheet("font-size: 115%; padding: 4px 0")
        self.table = QTableWidget(len(self.choices), len(self.cells), self)
        self.headers = column_headers(self.cells, template, [str(c) for c in p.get("cells") or self.cells])
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setVerticalHeaderLabels([str(k + 1) for k in range(len(self.choices))])
        for r, choice in enumerate(self.choices):
            for c, cid in enumerate(self.cells):
                piece = choice["cells"].get(cid, {})
                item = QTableWidgetItem(str(piece.get("text") or tr("空")))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # columns of one width, the table filled
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        hint = QLabel(tr("↑↓ 选择（原文随之标出各格数字）· Enter 采用 · 数字键 1–9 直接采用该行 · Esc 取消"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("采用"))
        ok.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.preview)
        layout.addWidget(self.table)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._row_changed(row))
        self.table.installEventFilter(self)
        self.table.setFocus()
        if self.choices:
            self.table.selectRow(0)
        self._fit()

    def _fit(self) -> None:
        """Columns of one width, wide enough for every header; tall enough for every row; never more than a small
        screen allows."""
        metrics = self.table.horizontalHeader().fontMetrics()
        col = max([110] + [metrics.horizontalAdvance(line) + 24 for h in self.headers for line in h.split("\n")])
        width = self.table.verticalHeader().width() + col * len(self.cells)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(26, self.table.fontMetrics().height() + 12))
        height = self.table.horizontalHeader().sizeHint().height() + sum(self.table.rowHeight(r)
                                                                         for r in range(len(self.choices)))
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumWidth(min(width + frame + 4, 900))
        self.table.setFixedHeight(min(height + frame + 2, 420))  # no blank rows below the splits
        self.setMinimumWidth(min(max(460, width + 60), 960))

    def showEvent(self, event: Any) -> None:
        self._fit()  # the headers' heights are known once the style has laid them out
        super().showEvent(event)

    def chosen(self) -> int:
        """The row chosen (from 0), or -1."""
        return self.table.currentRow()

    def choose(self, row: int) -> None:
        """Apply row `row` (from 0)."""
        if 0 <= row < len(self.choices):
            self.table.selectRow(row)
            self.accept()

    def spans(self, row: int) -> list[Span]:
        if not 0 <= row < len(self.choices):
            return []
        pieces = self.choices[row]["cells"]
        return [(int(p["span"][0]), int(p["span"][1])) for c in self.cells if (p := pieces.get(c)) and p.get("span")]

    def _row_changed(self, row: int) -> None:
        spans = self.spans(row)
        self.highlighted.emit(spans)
        self.preview.setText(self.cut(spans))

    def cut(self, spans: list[Span], around: int = 14) -> str:
        """The run in its line of the report text, each piece of the split on its own colour (rich text)."""
        if not self.text or not spans:
            return ""
        start, end = min(s for s, _e in spans), max(e for _s, e in spans)
        lo, hi = max(0, start - around), min(len(self.text), end + around)
        out = [escape(self.text[lo:start])]
        colours = ("#ffd54f", "#aed581", "#90caf9", "#f48fb1")
        for k, (s, e) in enumerate(sorted(spans)):
            out.append(f'<span style="background:{colours[k % len(colours)]}; color:#000">&nbsp;{escape(self.text[s:e])}'
                       "&nbsp;</span>")
        out.append(escape(self.text[end:hi]))
        return ("…" if lo else "") + "".join(out).replace("\n", " ") + ("…" if hi < len(self.text) else "")

    def eventFilter(self, obj: Any, event: Any) -> bool:
        if obj is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.chosen() >= 0:
                self.accept()
                return True
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self.choose(int(key) - int(Qt.Key.Key_1))
                return True
        return super().eventFilter(obj, event)


class SplitChoice(QObject):
    """The command, its button on the problems panel's bar, and the edit it writes.

    Takes what it uses, not the window: the review pane, the open session, why the report is read-only
    (`lock_text`), where to say what happened, where the keyboard goes back to, and where the open dialog is
    kept; the window calls `update()` when a report opened or was verified."""

    def __init__(self, review: ReviewPane, session: Callable[[], ReportSession | None],
                 lock_text: Callable[[], str | None], show_status: Callable[[str], None],
                 focus_grid: Callable[[], None], keep_dialog: Callable[[QDialog], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.review = review
        self._session = session
        self._lock_text = lock_text
        self.show_status = show_status
        self._focus_grid = focus_grid
        self._keep_dialog = keep_dialog
        self._parent = parent
        self.dialog: SplitChoiceDialog | None = None
        self.button = QToolButton(review.problems)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        review.problems.view.selectionModel().currentRowChanged.connect(lambda *_a: self.update())
        for view in review.views.values():
            view.currentCellChanged.connect(lambda _cid: self.update())
        review.tabs.currentChanged.connect(lambda _i: self.update())
        review.changed.connect(lambda _a: self.update())

    @property
    def session(self) -> ReportSession | None:
        return self._session()

    def register(self, commands: Commands) -> None:
        """编辑 › 选择拆分…; also a button on the problems panel's bar."""
        self.action = commands.add("choose_split", tr("选择拆分…"), self.choose, when=self.enabled,
                                   tip=self.tip(), owner="split choice")
        self.button.setDefaultAction(self.action)
        self.review.problems.add_button(self.button)
        self.update()

    # -- which finding, and why not --------------------------------------------------------------------------
    def target(self) -> Finding | None:
        """The problem chosen in the list when it is an ambiguous SPLIT, else the one of the grid's current cell."""
        review = self.review
        chosen = review.problems.current()
        if chosen is not None and chosen.rule == "SPLIT":
            return chosen
        session = self.session
        view = review.tabs.currentWidget()
        cid = view.grid_model().cell_id(view.currentIndex()) \
            if isinstance(view, GridView) and view.model() is not None else None
        if session is None or cid is None:
            return None
        found = [f for f in session.record.findings if f.rule == "SPLIT" and cid in f.cells]
        return next((f for f in found if choosable(f)), found[0] if found else None)

    def why_not(self) -> str | None:
        """Why the command cannot run now (None: it can)."""
        session = self.session
        if session is None:
            return tr("选择拆分：请先打开一份报告")
        locked = self._lock_text()
        if locked:
            return locked
        f = self.target()
        if f is None or f.message_id not in AMBIGUOUS and not f.params.get("answered"):
            return tr("选择拆分：请先在问题列表中选中一个“拆分不唯一”的警告（F8），或把光标移到它留空的单元格")
        if f.params.get("answered"):
            return tr("这一拆分已由审核人选定；要改选，请先撤销（Ctrl+Z）或清空这些单元格")
        if f.resolution is not None:
            return tr("这一警告已确认为源文件错误；要选择拆分，请先撤销该确认")
        if not choices(f):
            return tr("这份报告导入时的解析器没有记录可选的拆分：请先重新解析（文件 › 重新解析）")
        return None

    def enabled(self) -> bool:
        """The provider `Commands.refresh` asks: also puts what it does, or why it cannot now, in the tooltip."""
        why = self.why_not()
        action = getattr(self, "action", None)
        if action is not None:
            text = self.tip() if why is None else why
            action.setToolTip(text)
            action.setStatusTip(text)
        return why is None

    def tip(self) -> str:
        return tr("报告把一行的几个数字连在一起印出、有多种拆分都符合各项关系时，从列出的拆分中选择一种填入（一次修改）")

    def update(self) -> None:
        """Enabled state and tooltip, as the problem chosen or the grid's cell changed."""
        action = getattr(self, "action", None)
        if action is not None:
            action.setEnabled(self.enabled())

    # -- the dialog and the edit -----------------------------------------------------------------------------
    def choose(self) -> SplitChoiceDialog | None:
        why = self.why_not()
        if why is not None:
            self.show_status(why)
            return None
        f = self.target()
        session = self.session
        assert f is not None and session is not None
        dialog = SplitChoiceDialog(f, session.record.template, self._parent, session.record.text)
        text = self.review.text
        dialog.highlighted.connect(lambda spans: text.show_spans(spans))
        dialog.accepted.connect(lambda: self.apply(f, dialog.chosen()))
        dialog.finished.connect(lambda _r: self._focus_grid())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._place(dialog)
        dialog.open()
        dialog.activateWindow()
        dialog.highlighted.emit(dialog.spans(dialog.chosen()))
        self.dialog = dialog
        self._keep_dialog(dialog)
        return dialog

    def _place(self, dialog: QDialog) -> None:
        """Over the grids, clear of the report text where the run is marked (centred when they are too small)."""
        grids = self.review.tabs
        dialog.adjustSize()
        size = dialog.sizeHint().expandedTo(dialog.minimumSize())
        if grids.width() >= size.width() and grids.height() >= size.height() // 2:
            top_left = grids.mapToGlobal(grids.rect().topLeft())
            dialog.move(top_left.x() + (grids.width() - size.width()) // 2, top_left.y() + 24)

    def apply(self, f: Finding, row: int, write: Callable[..., bool] | None = None) -> bool:
        """Row `row` of the finding's choices into its cells: one capture edit, each cell with its digits' span."""
        listed = choices(f)
        if not 0 <= row < len(listed):
            return False
        choice = listed[row]
        changes = {cid: p.get("value") for cid, p in choice["cells"].items()}
        spans = {cid: (int(p["span"][0]), int(p["span"][1])) for cid, p in choice["cells"].items() if p.get("span")}
        saved = (write or self.review.request_edit)(changes, "capture", None, spans)
        if saved:
            pieces = " · ".join(str(p.get("text") or tr("空")) for p in choice["cells"].values())
            self.show_status(tr("已选择拆分 {split}").format(split=pieces))  # the pieces it filled in
        return bool(saved)


if __name__ == "__main__":
    from ui.preview import run_preview, sample_record

    def make() -> SplitChoiceDialog:
        """The 淮安 2024 crawler text's 行政规范性文件 "82666": six splits, each cell with its digits' span."""
        rec = sample_record("003")
        text, run = "规章1011行政规范性文件82666第二十条（五）项", "82666"
        at = text.index(run)
        cells = [f"table2:normative_documents:{c}" for c in ("issued", "repealed", "in_force")]
        listed = []
        for a, b in [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]:
            bounds = ((0, a), (a, b), (b, len(run)))
            listed.append({"split": " · ".join(run[i:j] for i, j in bounds),
                           "cells": {c: {"text": run[i:j], "span": [at + i, at + j], "value": int(run[i:j])}
                                     for c, (i, j) in zip(cells, bounds, strict=True)}})
        f = Finding(rule="SPLIT", severity="warning", cells=cells, message="", message_id="split_ambiguous",
                    params={"table": "table2", "rows": "行政规范性文件", "printed": run, "undecided": cells,
                            "choices": listed})
        dialog = SplitChoiceDialog(f, rec.template, text=text)
        dialog.finished.connect(lambda r: print("chosen", dialog.chosen() if r else None))
        return dialog

    run_preview(make, size=(520, 360))
