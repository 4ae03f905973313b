"""The review of one report: metadata, raw text beside the table grids, and the problems list.

It wires selection both ways (cell -> source span, number in the text -> cell), sends every edit through the
undo stacks to the store, and refreshes the views from what each write changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import ReviewerError, StaleWriteError, StoreError
from reviewer.formats import printed_labels
from reviewer.formlayout import TABLES, HeaderTexts, build, template_of
from reviewer.model import Finding, split_cell_id
from reviewer.store.edits import CellEdit
from reviewer.store.records import same
from ui import save_errors
from ui.grid_model import GridModel
from ui.grid_view import GridView
from ui.i18n import tr
from ui.library_panel import local_time, shown_state
from ui.marks import Marks, MarkStyle, compute_marks
from ui.messages import cell_label, render, table_name
from ui.metadata_panel import MetadataPanel
from ui.page_view import PageView
from ui.problems_panel import ProblemsPanel
from ui.session import Applied, ReportSession, Value
from ui.stale_notice import PendingBar, stale_text
from ui.text_pane import TextPane, label_span
from ui.undo import UndoStacks, describe
from ui.unplaced_panel import UnplacedPanel


def header_texts() -> HeaderTexts:
    return HeaderTexts(corner=tr("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
                       applicants=tr("申请人情况"), content=tr("信息内容"), classification=tr("分类"))


class ReviewPane(QWidget):
    changed = Signal(object)  # Applied, after any write of the open report
    message = Signal(str)  # a one-line message for the status bar

    def __init__(self, undo: UndoStacks, language: str, require_reason: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo = undo
        self.language = language
        self.require_reason = require_reason
        self.ensure_reviewer: Callable[[], bool] = lambda: True  # the window asks for a name before a write
        self.locked: str | None = None  # why the open report is read-only (已核实, retired)
        self.session: ReportSession | None = None
        self.style_ = MarkStyle.for_palette(self.palette())
        self.marks = Marks()
        self.models: dict[str, GridModel] = {}
        self.column_widths: dict[str, list[int]] = {}  # by table layout, remembered across runs
        self._tab_marks: dict[str, str | None] = {}
        self.metadata = MetadataPanel(self)
        self.text = TextPane(self)
        self.pages = PageView(self)
        self.pages.hide()  # shown only in its tab, for a scanned report (a bare child would float over the pane)
        self.source_tabs = QTabWidget(self)  # the text; for a scanned report also its page images
        self.source_tabs.addTab(self.text, tr("原文"))
        self.source_tabs.setDocumentMode(True)
        self.source_tabs.tabBar().hide()
        self.tabs = QTabWidget(self)
        self.views: dict[str, GridView] = {}
        for table in TABLES:
            view = GridView(self.tabs)
            view.currentCellChanged.connect(self._cell_chosen)
            view.rejected.connect(self._rejected)
            self.views[table] = view
            self.tabs.addTab(view, table_name(table))
        self.problems = ProblemsPanel(self.style_, self.finding_text, self)
        self.table_note = QLabel(self)
        self.table_note.setWordWrap(True)
        self.table_note.hide()
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(tr("修改原因（可选）：写在这里，记入下一次修改"))
        self.reason.setClearButtonEnabled(True)
        rl.addWidget(self.table_note)
        rl.addWidget(self.tabs)
        self.problems.add_to_bar(self.reason, stretch=2)
        self.h_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.h_split.addWidget(self.source_tabs)
        self.h_split.addWidget(right)
        self.h_split.setStretchFactor(0, 1)
        self.h_split.setStretchFactor(1, 2)
        self.h_split.setSizes([420, 820])
        self.unplaced = UnplacedPanel(self)  # the values the parser could not place, beside the problems
        self.bottom = QTabWidget(self)
        self.bottom.setDocumentMode(True)
        self.bottom.addTab(self.problems, tr("问题"))
        self.bottom.addTab(self.unplaced, tr("未定位数值"))
        self.v_split = QSplitter(Qt.Orientation.Vertical, self)
        self.v_split.addWidget(self.h_split)
        self.v_split.addWidget(self.bottom)
        self.v_split.setStretchFactor(0, 4)
        self.v_split.setStretchFactor(1, 1)
        self.v_split.setSizes([765, 150])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.metadata)
        layout.addWidget(self.v_split, 1)
        self.text.cellClicked.connect(self.select_cell)
        self.pages.cellClicked.connect(self._cell_from_page)
        self.problems.findingChosen.connect(self.show_finding)
        self.problems.applyRequested.connect(self.apply_suggestion)
        self.metadata.saveRequested.connect(self._save_metadata)
        self.tabs.currentChanged.connect(lambda _i: self._update_table_note())
        self.pending = PendingBar(self)  # edits a stale write refused, kept in view (`ui.stale_notice`)
        self.setEnabled(False)

    def finding_text(self, f: Finding) -> str:
        return render(f, self.language, self.session.record.template if self.session else None)

    # -- opening ---------------------------------------------------------------------------------------
    def _layout_key(self, table: str) -> str:
        model = self.models[table]
        return f"{table}/{model.grid.label_cols}x{model.grid.cols}"

    def remember_widths(self) -> None:
        for table, view in self.views.items():
            if table in self.models:
                self.column_widths[self._layout_key(table)] = [view.columnWidth(c)
                                                               for c in range(self.models[table].grid.cols)]

    def set_style(self, style: MarkStyle) -> None:
        """The palette changed (dark mode): recolour marks, icons and headers."""
        self.style_ = style
        self._tab_marks.clear()
        for model in self.models.values():
            model.set_style(style)
        self.problems.model.set_style(style)
        self._update_tabs()

    def open(self, session: ReportSession) -> None:
        if self.session is not None and self.models:
            self.remember_widths()
        self.session = session
        self.pending.report_opened(session.report_id)
        self.undo.activate(session.report_id)
        record = session.record
        self.marks = compute_marks(record.findings, session.origins, self.finding_text)
        texts = header_texts()
        for table, view in self.views.items():
            model = GridModel(build(record, table, texts), session.value, self.marks, self.style_, view)
            model.edit_handler = self.request_edit
            old = self.models.get(table)
            view.setModel(model)
            if old is not None:
                old.deleteLater()
            self.models[table] = model
            widths = self.column_widths.get(self._layout_key(table))
            if widths and len(widths) == model.grid.cols:
                for c, w in enumerate(widths):
                    view.setColumnWidth(c, w)
                view.fit_rows()
        self.text.set_report(record.text, {c: s.span for c, s in record.provenance.items()})
        self._show_pages(session)
        self.problems.set_findings(record.findings, record.template)
        self.unplaced.set_values(record.unplaced, record.text)
        self.bottom.setTabText(1, tr("未定位数值 ({n})").format(n=len(record.unplaced)) if record.unplaced
                               else tr("未定位数值"))
        self.load_metadata()
        self._update_tabs()
        self.setEnabled(True)

    def _show_pages(self, session: ReportSession) -> None:
        """A report read by OCR shows its page images first, beside the text the OCR made of them."""
        record = session.record
        scanned = bool(record.page_boxes)
        if scanned:
            _, data = session.library.source(session.report_id)
            self.pages.set_report(data, str(record.source.get("format", "")), record.cell_boxes())
            if self.source_tabs.indexOf(self.pages) < 0:
                self.source_tabs.insertTab(0, self.pages, tr("原图"))
            self.source_tabs.setCurrentWidget(self.pages)
        elif self.source_tabs.indexOf(self.pages) >= 0:
            self.source_tabs.removeTab(self.source_tabs.indexOf(self.pages))
            self.pages.hide()
        self.source_tabs.tabBar().setVisible(scanned)

    def load_metadata(self) -> None:
        assert self.session is not None
        record = self.session.record
        self.metadata.load({"agency": record.agency, "year": record.year, "region": record.region,
                            "template": record.template, "table2_variant": record.table2_variant,
                            "parser_version": record.parser_version})
        self.show_status()

    def show_status(self) -> None:
        assert self.session is not None
        summary = self.session.summary
        code, words = shown_state(summary, self.session.holder)  # as the library list says it: 审核中 · name
        self.metadata.set_status(code, tr("最后修改：{who} {at}").format(
            who=summary.reviewer or "—", at=local_time(summary.updated_at)), words)

    # -- marks and refresh -----------------------------------------------------------------------------
    def _after(self, applied: Applied) -> None:
        assert self.session is not None
        marks = compute_marks(applied.findings, self.session.origins, self.finding_text)
        changed = set(applied.cells) | self.marks.changed(marks)
        self.marks = marks
        by_table: dict[str, list[str]] = {}
        for cid in changed:
            by_table.setdefault(cid.split(":", 1)[0], []).append(cid)
        for table, model in self.models.items():
            model.refresh(by_table.get(table, []), marks)
        self.problems.set_findings(applied.findings, self.session.record.template)
        self._update_tabs()
        self.changed.emit(applied)

    def after(self, applied: Applied) -> None:
        """A write of the open report done elsewhere (a decision: confirm, reopen…): refresh the views."""
        self._after(applied)

    def set_locked(self, reason: str | None) -> None:
        """Read-only (已核实, retired) with the reason typing is refused with, or editable again (None)."""
        self.locked = reason
        for model in self.models.values():
            model.set_locked(reason)
        self.unplaced.set_locked(reason)

    def _update_tabs(self) -> None:
        for i, table in enumerate(TABLES):
            cells = [m for c, m in self.marks.cells.items() if c.startswith(table + ":")]
            kinds = set().union(*(m.kinds for m in cells)) if cells else set()
            kinds |= {f.severity for f in self.marks.tables.get(table, [])}
            top = next((k for k in ("error", "culprit", "involved", "defect", "warning", "position") if k in kinds), None)
            if self._tab_marks.get(table, "") != top:  # a new icon relays out the tab bar: only when it changes
                self._tab_marks[table] = top
                self.tabs.setTabIcon(i, self.style_.icon(top) if top else QIcon())
        self._update_table_note()

    def _update_table_note(self) -> None:
        table = TABLES[self.tabs.currentIndex()] if self.tabs.currentIndex() >= 0 else ""
        notes = self.marks.tables.get(table, [])
        self.table_note.setText("\n".join(f"⚠ {self.finding_text(f)}" for f in notes))
        self.table_note.setVisible(bool(notes))

    # -- edits -----------------------------------------------------------------------------------------
    def request_edit(self, changes: dict[str, Value], kind: str = "edit", reason: str | None = None,
                     spans: dict[str, tuple[int, int]] | None = None) -> bool:
        """An edit asked by a grid (typed, pasted, cleared), by 'Apply suggestion' or by a capture from the text
        (`spans`: where each value was read). Saved at once."""
        if self.session is None:
            return False
        if self.locked:
            self._rejected(self.locked)
            return False
        if not self.ensure_reviewer():
            return False
        session = self.session
        if spans is None:
            edits = [replace(e, old_span=session.captured.get(e.cell)) for e in session.edits_for(changes)]
        else:  # a capture: the same value read from another place of the text still changes the cell's source
            edits = [CellEdit(c, session.value(c), v, spans.get(c), session.captured.get(c)) for c, v in changes.items()
                     if not (same(session.value(c), v) and session.captured.get(c) == spans.get(c))]
        if not edits:
            return True
        typed = self.reason.text().strip()
        reason = reason or typed or None
        if not reason and self.require_reason():
            text, ok = QInputDialog.getText(self, tr("修改原因"), tr("请说明修改原因（必填）："))
            if not ok or not text.strip():
                self.message.emit(tr("未填写原因，修改已取消"))
                return False
            reason = text.strip()
        saved = self.undo.push(edits, kind, reason, self._write, describe(edits, kind, self.cell_label))
        if saved and typed:
            self.reason.clear()  # a reason goes with one edit
        return saved

    def cell_label(self, cid: str) -> str:
        record = self.session.record if self.session else None
        return cell_label(cid, record.template if record else None, record.table2_variant if record else None)

    def _write(self, edits: list[CellEdit], reason: str | None, kind: str) -> bool:
        assert self.session is not None
        try:
            applied = self.session.apply(edits, reason, kind)
        except StaleWriteError as exc:  # say who changed what, reload, keep the typed value in view
            QMessageBox.warning(self, tr("报告已在别处修改"), stale_text(exc, self.cell_label))
            self.session.reload()
            self.undo.drop(self.session.report_id)
            self.open(self.session)
            self.pending.keep(self.session.report_id, edits, kind, reason)
            return False
        except StoreError as exc:  # the library failed: say why, offer to try again
            self._rejected(str(exc))
            if save_errors.ask_retry(self, str(exc)):
                return self._write(edits, reason, kind)
            self._save_failed(edits)
            self.undo.store_failed = True  # an undo or redo step stays on its stack, to try again
            return False
        except ReviewerError as exc:
            self._rejected(str(exc))
            self._save_failed(edits)
            return False
        except Exception as exc:  # never silent: a failure nobody foresaw is said in one line
            self._rejected(tr("保存失败：{reason}").format(reason=f"{type(exc).__name__}: {exc}"))
            self._save_failed(edits)
            return False
        self.text.update_spans({e.cell: self.session.span_of(e.cell) for e in edits})
        self._after(applied)
        return True

    def _save_failed(self, edits: list[CellEdit]) -> None:
        """Tell the grid that holds the cell: its delegate keeps the typed text in the cell."""
        for e in edits:
            model = self.models.get(e.cell.split(":", 1)[0])
            if model is not None:
                model.save_failed = True

    def apply_suggestion(self, finding: Finding | None = None) -> bool:
        f = finding or self.problems.current() or self._finding_at_cursor()
        if f is None or not f.suggestion:
            self.message.emit(tr("所选问题没有建议值"))
            return False
        cid, value = f.suggestion["cell"], f.suggestion.get("value")
        return self.request_edit({cid: value}, "suggestion", tr("采纳建议（{rule}）").format(rule=f.rule))

    def _finding_at_cursor(self) -> Finding | None:
        view = self.views[TABLES[self.tabs.currentIndex()]]
        cid = view.grid_model().cell_id(view.currentIndex()) if view.model() else None
        if self.session is None or cid is None:
            return None
        return next((f for f in self.session.record.findings if f.suggestion and f.suggestion["cell"] == cid), None)

    def _rejected(self, reason: str) -> None:
        self.message.emit(reason)
        view = self.views[TABLES[self.tabs.currentIndex()]]
        rect = view.visualRect(view.currentIndex())
        QToolTip.showText(view.viewport().mapToGlobal(rect.bottomLeft()), reason, view)

    def _save_metadata(self, fields: dict) -> None:
        if self.session is None:
            return
        try:
            applied = self.session.update_metadata(**fields)
        except ReviewerError as exc:
            self.metadata.show_error(str(exc))
            return
        self.load_metadata()
        self._after(applied)  # the findings may change (a year or an agency links to last year's report)

    # -- selection both ways ---------------------------------------------------------------------------
    def _spans_of(self, cells: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        assert self.session is not None
        record = self.session.record
        values, labels = [], []
        for cid in cells:
            src = record.provenance.get(cid)
            if src is None or not src.span:
                continue
            values.append((src.span[0], src.span[1]))
            found = label_span(record.text, src.span[0], self._row_label_variants(cid))
            if found and found not in labels:
                labels.append(found)
        return values, labels

    def _row_label_variants(self, cid: str) -> list[str]:
        assert self.session is not None
        table, row, _col = split_cell_id(cid)
        record = self.session.record
        return list(printed_labels(template_of(record), record.table2_variant, table, row))

    def _cell_chosen(self, cid: str) -> None:
        values, labels = self._spans_of([cid])
        self.text.show_spans(values, labels)
        if self.source_tabs.indexOf(self.pages) >= 0:
            self.pages.show_cell(cid)

    def _cell_from_page(self, cid: str) -> None:
        """A click on the page image: the cell read there is chosen, and the keyboard goes to its grid."""
        if self.select_cell(cid):
            self.views[cid.split(":", 1)[0]].setFocus()

    def select_cell(self, cid: str) -> bool:
        table = cid.split(":", 1)[0]
        if table not in self.views:
            return False
        self.tabs.setCurrentIndex(TABLES.index(table))
        return self.views[table].select_cells([cid])

    def show_finding(self, f: Finding) -> None:
        real = [c for c in f.cells if not c.endswith(":*")]
        first = f.suggestion["cell"] if f.suggestion else (real[0] if real else None)
        if first is None:
            table = f.cells[0].split(":", 1)[0] if f.cells else ""
            if table in TABLES:
                self.tabs.setCurrentIndex(TABLES.index(table))
            return
        table = first.split(":", 1)[0]
        if table in self.views:
            self.tabs.setCurrentIndex(TABLES.index(table))
            view = self.views[table]
            view.blockSignals(True)
            view.select_cells([c for c in real if c.startswith(table + ":")], current=first)
            view.blockSignals(False)
        values, labels = self._spans_of([first, *[c for c in real if c != first]])
        self.text.show_spans(values, labels[:1])


if __name__ == "__main__":
    from ui.preview import run_preview, sample_library

    def make() -> ReviewPane:
        lib = sample_library()
        rid = next(s.id for s in lib.list_reports() if s.errors)
        pane = ReviewPane(UndoStacks(), "zh_CN", lambda: False)
        pane.undo.setParent(pane)
        pane.open(ReportSession(lib, rid, "preview"))
        pane.problems.next()
        return pane

    run_preview(make, size=(1300, 900))
