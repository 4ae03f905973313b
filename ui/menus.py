"""Menus, shortcuts and the status-bar legend of the main window.

The menus are built on the main window (its menu bar; actions added to it work wherever the focus is); the
recent-files menu is kept up to date through a `MenuHost`, the few members it reaches."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QWidget

from ui import shortcuts
from ui.i18n import LANGUAGES, tr
from ui.marks import PRIORITY, MarkStyle, mark_names

if TYPE_CHECKING:
    from ui.library_panel import LibraryPanel
    from ui.main_window import MainWindow
    from ui.review_pane import ReviewPane
    from ui.settings import Settings
    from ui.undo import UndoStacks


class MenuHost(Protocol):
    """What the menus reach: the commands they trigger and the state they show."""

    review: ReviewPane
    library_panel: LibraryPanel
    undo: UndoStacks
    settings: Settings
    language: str
    recent_menu: QMenu  # 文件 › 最近的文件, made by `build`

    def choose_files(self) -> object: ...
    def choose_folder(self) -> object: ...
    def choose_address(self) -> object: ...
    def import_paths(self, paths: list[str], open_first: bool = ...) -> object: ...
    def reparse(self) -> object: ...
    def verify(self) -> object: ...
    def show_history(self) -> object: ...
    def show_settings(self) -> object: ...
    def set_language(self, code: str) -> object: ...


def legend(style: MarkStyle, parent: QWidget) -> QWidget:
    """Icon, colour and name of every mark, so a colour is never the only clue."""
    box = QWidget(parent)
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    names = mark_names()
    for kind in PRIORITY:
        icon = QLabel(box)
        icon.setPixmap(style.icon(kind).pixmap(12, 12))
        text = QLabel(names[kind], box)
        colour = style.brush(kind).color().name()
        text.setStyleSheet(f"background: {colour}; padding: 0 3px; border-radius: 2px")
        layout.addWidget(icon)
        layout.addWidget(text)
    return box


Shortcut = QKeySequence | QKeySequence.StandardKey | str


def _action(w: QMainWindow, text: str, slot: Callable[[], object], shortcut: Shortcut | Sequence[Shortcut] | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, w)
    if shortcut is not None:
        shortcuts: list[Shortcut] = ([shortcut] if isinstance(shortcut, QKeySequence | QKeySequence.StandardKey | str)
                                     else list(shortcut))
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(w: MainWindow) -> dict[str, QAction]:
    review = w.review
    keys = shortcuts.sequences  # every key comes from the one table of shortcuts (Help › 快捷键 lists it)
    a: dict[str, QAction] = {
        "open": _action(w, tr("导入文件…"), w.choose_files, keys("open")),
        "open_folder": _action(w, tr("导入文件夹…"), w.choose_folder),
        "export": _action(w, tr("导出…"), w.deliveries.export, "Ctrl+E",
                          tip=tr("导出 CSV、XLSX 或 JSONL（默认只含已核实的报告）")),
        "import_edits": _action(w, tr("导入修改…"), w.deliveries.import_edits,
                                tip=tr("导入在 Excel 中修改过的导出文件，逐格确认后记入审核记录")),
        "report_preview": _action(w, tr("打印预览…"), lambda: w.deliveries.review_report("preview"), "Ctrl+P",
                                  tip=tr("选中报告（或当前报告）的审核意见书：打印或另存为 PDF")),
        "report_pdf": _action(w, tr("保存为 PDF…"), lambda: w.deliveries.review_report("pdf")),
        "report_docx": _action(w, tr("保存为 Word…"), lambda: w.deliveries.review_report("docx"),
                               tip=tr("审核意见书（一份报告）或问题清单（多份，按机关分节），可在 WPS 和 Word 中编辑")),
        "open_url": _action(w, tr("从网址导入…"), w.choose_address, "Ctrl+Shift+O",
                            tip=tr("报告网页、PDF 或 Word 链接，或列出各年年报的栏目页")),
        "backup": _action(w, tr("备份资料库…"), lambda: w.care.backup_now(),
                          tip=tr("把资料库完整复制到一个文件（包括刚做的修改）")),
        "audit_check": _action(w, tr("检查审核记录完整性"), lambda: w.care.check_audit(),
                               tip=tr("逐份报告核对审核记录的哈希链，找出在程序之外被改动、删除或插入的记录")),
        "reparse": _action(w, tr("重新解析"), w.reparse, tip=tr("用当前解析器重新读取这份报告，保留已做的修改")),
        "quit": _action(w, tr("退出"), w.close, keys("quit")),
        "find": _action(w, tr("在原文中查找…"), review.text.open_find, keys("find")),
        "apply": _action(w, tr("采纳建议"), review.apply_suggestion, keys("apply")),
        "next_problem": _action(w, tr("下一个问题"), w.loop.next_problem, keys("next_problem")),
        "prev_problem": _action(w, tr("上一个问题"), w.loop.previous_problem, keys("prev_problem")),
        "verify": _action(w, tr("核实…"), w.verify, keys("verify")),
        "history": _action(w, tr("修改记录…"), w.show_history, keys("history")),
        "settings": _action(w, tr("首选项…"), w.show_settings, keys("settings")),
        "toggle_library": _action(w, tr("资料库"), lambda: w.library_panel.setVisible(not w.library_panel.isVisible()),
                                  keys("toggle_library")),
        "capture_row": _action(w, tr("从原文填入当前行"), w.capture.fill_row, keys("capture_row"),
                               tip=tr("把原文中选中的一行数字，从当前单元格起依次填入（一次修改）")),
        "unplaced": _action(w, tr("未定位数值"), w.show_unplaced, keys("unplaced")),
        "next_pane": _action(w, tr("下一个窗格"), lambda: w.loop.focus_pane(1), keys("next_pane"),
                             tip=tr("资料库、原文、表格、问题之间切换键盘焦点")),
        "prev_pane": _action(w, tr("上一个窗格"), lambda: w.loop.focus_pane(-1), keys("prev_pane")),
        "confirm_defect": _action(w, tr("确认为源文件错误…"), w.decisions.confirm, keys("confirm_defect"),
                                  tip=tr("报告原文就是这样印的：记录为源文件错误（说明理由，可给出应为值），不改数值")),
        "reopen": _action(w, tr("重新打开审核…"), w.decisions.reopen, keys("reopen")),
        "retire": _action(w, tr("停用报告…"), w.decisions.retire,
                          tip=tr("导入有误的报告：不再出现在列表、队列、图表和导出中，可恢复")),
        "restore": _action(w, tr("恢复报告"), w.decisions.restore),
        "choose_version": _action(w, tr("设为计入的版本"), w.decisions.choose_version,
                                  tip=tr("同一机关同一年度有多份文件时，导出和图表使用这一份")),
        "table2": _action(w, tr("表二"), lambda: w.loop.show_table(0), keys("table2")),
        "table3": _action(w, tr("表三"), lambda: w.loop.show_table(1), keys("table3")),
        "table4": _action(w, tr("表四"), lambda: w.loop.show_table(2), keys("table4")),
        "filter": _action(w, tr("筛选资料库"), w.focus_filter, keys("filter")),
        "shortcuts": _action(w, tr("快捷键"), w.show_shortcuts, keys("shortcuts")),
        "about": _action(w, tr("关于"), w.show_about),
    }
    undo = w.undo.group.createUndoAction(w, tr("撤销"))
    undo.setShortcuts(keys("undo"))
    redo = w.undo.group.createRedoAction(w, tr("重做"))
    redo.setShortcuts(keys("redo"))
    a["undo"], a["redo"] = undo, redo
    bar = w.menuBar()
    m = bar.addMenu(tr("文件(&F)"))
    m.addActions([a["open"], a["open_folder"], a["open_url"]])
    m.addAction(a["backup"])
    m.addAction(a["audit_check"])
    w.recent_menu = m.addMenu(tr("最近的文件"))
    m.addSeparator()
    m.addActions([a["export"], a["import_edits"]])
    review_report = m.addMenu(tr("审核意见书"))
    review_report.addActions([a["report_preview"], a["report_pdf"], a["report_docx"]])
    m.addSeparator()
    m.addAction(a["reparse"])
    m.addSeparator()
    m.addAction(a["quit"])
    m = bar.addMenu(tr("编辑(&E)"))
    m.addActions([undo, redo])
    m.addSeparator()
    m.addActions([a["apply"], a["capture_row"], a["find"]])
    m = bar.addMenu(tr("审核(&R)"))
    m.addActions([a["next_problem"], a["prev_problem"]])
    m.addSeparator()
    m.addActions([a["confirm_defect"], a["verify"], a["reopen"], a["history"]])
    m.addSeparator()
    m.addActions([a["choose_version"], a["retire"], a["restore"]])
    m = bar.addMenu(tr("视图(&V)"))
    m.addActions([a["toggle_library"], a["filter"], a["unplaced"]])
    m.addSeparator()
    m.addActions([a["table2"], a["table3"], a["table4"], a["next_pane"], a["prev_pane"]])
    m = bar.addMenu(tr("设置(&S)"))
    m.addAction(a["settings"])
    lang = m.addMenu(tr("界面语言"))
    for code, name in LANGUAGES.items():
        act = lang.addAction(name)
        act.setCheckable(True)
        act.setChecked(code == w.language)
        act.triggered.connect(lambda _c=False, code=code: w.set_language(code))
    m = bar.addMenu(tr("帮助(&H)"))
    m.addActions([a["shortcuts"], a["about"]])
    for action in a.values():
        w.addAction(action)  # shortcuts work wherever the focus is in the window
    update_recent(w)
    for name in ("verify", "history", "reparse", "apply", "next_problem", "prev_problem", "capture_row", "unplaced",
                 "confirm_defect", "reopen", "retire", "restore", "choose_version", "table2", "table3", "table4"):
        a[name].setEnabled(False)
    return a


def update_recent(h: MenuHost) -> None:
    menu = h.recent_menu
    menu.clear()
    recent = [p for p in h.settings.get("recent_files") if p]
    for path in recent:
        act = menu.addAction(Path(path).name)
        act.setToolTip(path)
        act.triggered.connect(lambda _c=False, p=path: h.import_paths([p], open_first=True))
    menu.setEnabled(bool(recent))


if __name__ == "__main__":
    from ui.preview import run_preview

    run_preview(lambda: legend(MarkStyle(), None), size=(700, 30))  # type: ignore[arg-type]
