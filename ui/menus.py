"""Menus, shortcuts and the status-bar legend of the main window.

The menus are built on a `QMainWindow` (its menu bar; actions added to it work wherever the focus is) and call
the commands of a `MenuHost` — the main window, seen only through the members listed there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from reviewer.version import __version__
from ui.i18n import LANGUAGES, tr
from ui.marks import PRIORITY, MarkStyle, mark_names

if TYPE_CHECKING:
    from ui.library_panel import LibraryPanel
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


def _action(w: QMainWindow, text: str, slot: Callable[[], object], shortcut: Shortcut | list[Shortcut] | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, w)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build(w: QMainWindow, host: MenuHost) -> dict[str, QAction]:
    """The window's menus and actions (by name); `host` (the same window) gives the commands."""
    review, h = host.review, host
    a: dict[str, QAction] = {
        "open": _action(w, tr("导入文件…"), h.choose_files, QKeySequence.StandardKey.Open),
        "open_folder": _action(w, tr("导入文件夹…"), h.choose_folder),
        "open_url": _action(w, tr("从网址导入…"), h.choose_address, "Ctrl+Shift+O",
                            tip=tr("报告网页、PDF 或 Word 链接，或列出各年年报的栏目页")),
        "reparse": _action(w, tr("重新解析"), h.reparse, tip=tr("用当前解析器重新读取这份报告，保留已做的修改")),
        "quit": _action(w, tr("退出"), w.close, QKeySequence.StandardKey.Quit),
        "find": _action(w, tr("在原文中查找…"), review.text.open_find, QKeySequence.StandardKey.Find),
        "apply": _action(w, tr("采纳建议"), review.apply_suggestion, "Ctrl+."),
        "next_problem": _action(w, tr("下一个问题"), review.problems.next, "F8"),
        "prev_problem": _action(w, tr("上一个问题"), review.problems.previous, "Shift+F8"),
        "verify": _action(w, tr("核实…"), h.verify, ["Ctrl+Return", "Ctrl+Enter"]),
        "history": _action(w, tr("修改记录…"), h.show_history, "Ctrl+H"),
        "settings": _action(w, tr("首选项…"), h.show_settings, QKeySequence.StandardKey.Preferences),
        "toggle_library": _action(w, tr("资料库"), lambda: h.library_panel.setVisible(not h.library_panel.isVisible()),
                                  "Ctrl+L"),
        "about": _action(w, tr("关于"), lambda: QMessageBox.about(
            w, tr("关于年报审核台"), tr("年报审核台：核对政府信息公开工作年度报告的统计表。") + "\n\n"
            + tr("版本 {version}").format(version=__version__))),
    }
    undo = h.undo.group.createUndoAction(w, tr("撤销"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = h.undo.group.createRedoAction(w, tr("重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a["undo"], a["redo"] = undo, redo
    bar = w.menuBar()
    m = bar.addMenu(tr("文件(&F)"))
    m.addActions([a["open"], a["open_folder"], a["open_url"]])
    h.recent_menu = m.addMenu(tr("最近的文件"))
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
        act.setChecked(code == h.language)
        act.triggered.connect(lambda _c=False, code=code: h.set_language(code))
    m = bar.addMenu(tr("帮助(&H)"))
    m.addAction(a["about"])
    for action in a.values():
        w.addAction(action)  # shortcuts work wherever the focus is in the window
    update_recent(h)
    for name in ("verify", "history", "reparse", "apply", "next_problem", "prev_problem"):
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
