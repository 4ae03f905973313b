"""Menus, shortcuts and the status-bar legend of the main window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QWidget

from ui.i18n import LANGUAGES, tr
from ui.marks import PRIORITY, MarkStyle, mark_names

if TYPE_CHECKING:
    from ui.main_window import MainWindow


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


def _action(w: MainWindow, text: str, slot, shortcut: QKeySequence | str | list | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, w)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(w: MainWindow) -> dict[str, QAction]:
    review = w.review
    a: dict[str, QAction] = {
        "open": _action(w, tr("导入文件…"), w.choose_files, QKeySequence.StandardKey.Open),
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
        "reparse": _action(w, tr("重新解析"), w.reparse, tip=tr("用当前解析器重新读取这份报告，保留已做的修改")),
        "quit": _action(w, tr("退出"), w.close, QKeySequence.StandardKey.Quit),
        "find": _action(w, tr("在原文中查找…"), review.text.open_find, QKeySequence.StandardKey.Find),
        "apply": _action(w, tr("采纳建议"), review.apply_suggestion, "Ctrl+."),
        "next_problem": _action(w, tr("下一个问题"), review.problems.next, "F8"),
        "prev_problem": _action(w, tr("上一个问题"), review.problems.previous, "Shift+F8"),
        "verify": _action(w, tr("核实…"), w.verify, ["Ctrl+Return", "Ctrl+Enter"]),
        "history": _action(w, tr("修改记录…"), w.show_history, "Ctrl+H"),
        "settings": _action(w, tr("首选项…"), w.show_settings, QKeySequence.StandardKey.Preferences),
        "toggle_library": _action(w, tr("资料库"), lambda: w.library_panel.setVisible(not w.library_panel.isVisible()),
                                  "Ctrl+L"),
        "about": _action(w, tr("关于"), lambda: QMessageBox.about(
            w, tr("关于年报审核台"), tr("年报审核台：核对政府信息公开工作年度报告的统计表。"))),
    }
    undo = w.undo.group.createUndoAction(w, tr("撤销"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = w.undo.group.createRedoAction(w, tr("重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a["undo"], a["redo"] = undo, redo
    bar = w.menuBar()
    m = bar.addMenu(tr("文件(&F)"))
    m.addActions([a["open"], a["open_folder"], a["open_url"]])
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
    m.addActions([a["apply"], a["find"]])
    m = bar.addMenu(tr("审核(&R)"))
    m.addActions([a["next_problem"], a["prev_problem"]])
    m.addSeparator()
    m.addActions([a["verify"], a["history"]])
    m = bar.addMenu(tr("视图(&V)"))
    m.addAction(a["toggle_library"])
    m = bar.addMenu(tr("设置(&S)"))
    m.addAction(a["settings"])
    lang = m.addMenu(tr("界面语言"))
    for code, name in LANGUAGES.items():
        act = lang.addAction(name)
        act.setCheckable(True)
        act.setChecked(code == w.language)
        act.triggered.connect(lambda _c=False, code=code: w.set_language(code))
    m = bar.addMenu(tr("帮助(&H)"))
    m.addAction(a["about"])
    for action in a.values():
        w.addAction(action)  # shortcuts work wherever the focus is in the window
    update_recent(w)
    for name in ("verify", "history", "reparse", "apply", "next_problem", "prev_problem"):
        a[name].setEnabled(False)
    return a


def update_recent(w: MainWindow) -> None:
    menu = w.recent_menu
    menu.clear()
    recent = [p for p in w.settings.get("recent_files") if p]
    for path in recent:
        act = menu.addAction(Path(path).name)
        act.setToolTip(path)
        act.triggered.connect(lambda _c=False, p=path: w.import_paths([p], open_first=True))
    menu.setEnabled(bool(recent))


if __name__ == "__main__":
    from ui.preview import run_preview

    run_preview(lambda: legend(MarkStyle(), None), size=(700, 30))  # type: ignore[arg-type]
