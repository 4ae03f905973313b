"""Every keyboard shortcut of the window, in one table: the menus take their keys from it and Help › 快捷键
lists it.

`KEYS` gives the keys of each window command, by its name (`ui.commands` assigns them); `widget_keys()` the
keys a widget handles itself (the grid's editing keys, the filter box, the text's find bar). The help lists the
menu bar's actions as they are (their text and their shortcuts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from ui.i18n import tr

Key = str | QKeySequence.StandardKey

KEYS: dict[str, list[Key]] = {
    "open": [QKeySequence.StandardKey.Open],
    "open_url": ["Ctrl+Shift+O"],
    "export": ["Ctrl+E"],
    "report_preview": ["Ctrl+P"],
    "quit": [QKeySequence.StandardKey.Quit],
    "find": [QKeySequence.StandardKey.Find],
    "apply": ["Ctrl+."],
    "next_problem": ["F8"],
    "prev_problem": ["Shift+F8"],
    "verify": ["Ctrl+Return", "Ctrl+Enter"],
    "history": ["Ctrl+H"],
    "settings": [QKeySequence.StandardKey.Preferences],
    "toggle_library": ["Ctrl+L"],
    "undo": [QKeySequence.StandardKey.Undo],
    "redo": ["Ctrl+Shift+Z", "Ctrl+Y"],
    "confirm_defect": ["Ctrl+D"],
    "capture_row": ["Ctrl+R"],
    "choose_split": ["Ctrl+Shift+S"],
    "unplaced": ["Ctrl+U"],
    "reopen": ["Ctrl+Shift+R"],
    "filter": ["Ctrl+Shift+F"],
    "shortcuts": ["F1"],
    "table2": ["Ctrl+2"],
    "table3": ["Ctrl+3"],
    "table4": ["Ctrl+4"],
    "next_pane": ["F6"],
    "prev_pane": ["Shift+F6"],
    "charts": ["Ctrl+Shift+C"],
}


def sequences(name: str) -> list[QKeySequence]:
    """The key sequences of an action (a standard key may stand for several, or none, on a platform)."""
    out: list[QKeySequence] = []
    for key in KEYS.get(name, []):
        if isinstance(key, QKeySequence.StandardKey):
            out += [s for s in QKeySequence.keyBindings(key) if not s.isEmpty()]
        else:
            out.append(QKeySequence(key))
    return out


@dataclass(frozen=True, slots=True)
class WidgetKey:
    area: str
    keys: str
    what: str


def widget_keys() -> list[WidgetKey]:
    """Keys handled by the widgets themselves (not window actions)."""
    grid, library, text = tr("表格"), tr("资料库"), tr("原文")
    return [
        WidgetKey(grid, tr("数字键"), tr("直接输入即替换单元格的值")),
        WidgetKey(grid, "F2", tr("编辑单元格（保留原值）")),
        WidgetKey(grid, "Enter", tr("确认输入并前往下一个问题（或下一行，见首选项）")),
        WidgetKey(grid, "Tab", tr("确认输入并右移一格")),
        WidgetKey(grid, "Esc", tr("取消输入")),
        WidgetKey(grid, "Delete", tr("清空所选单元格（一次修改）")),
        WidgetKey(grid, QKeySequence(QKeySequence.StandardKey.Paste).toString(QKeySequence.SequenceFormat.NativeText),
                  tr("粘贴从 Excel 复制的区域（一次修改）")),
        WidgetKey(grid, QKeySequence(QKeySequence.StandardKey.Copy).toString(QKeySequence.SequenceFormat.NativeText),
                  tr("复制所选单元格")),
        WidgetKey(library, "↓", tr("从筛选框进入列表")),
        WidgetKey(library, "Enter", tr("打开所选报告；在筛选框中：只有一份匹配时打开它")),
        WidgetKey(text, "Enter / Shift+Enter", tr("查找下一处 / 上一处")),
        WidgetKey(text, "Esc", tr("关闭查找")),
        WidgetKey(text, tr("单击数字"), tr("选中了单元格时：把该数字填入单元格（记录其在原文中的位置）")),
    ]


def _typeable(seq: QKeySequence) -> bool:
    """A key a keyboard has: with a modifier, or F1–F12 (not the platform's extra keys such as F14 or Undo)."""
    text = seq.toString(QKeySequence.SequenceFormat.PortableText)
    return "+" in text or bool(re.fullmatch(r"F([1-9]|1[0-2])", text))


def native(seqs: list[QKeySequence]) -> str:
    """The keys as this platform writes them, each once (Ctrl+Return and Ctrl+Enter may read the same)."""
    shown = [s for s in seqs if not s.isEmpty() and _typeable(s)] or [s for s in seqs if not s.isEmpty()][:1]
    texts: list[str] = []
    for s in shown:
        t = s.toString(QKeySequence.SequenceFormat.NativeText)
        if t not in texts:
            texts.append(t)
    return " / ".join(texts)


def menu_actions(bar: QMenuBar) -> list[tuple[str, QAction]]:
    """(menu title, action) for every action with a shortcut in the menu bar, in menu order."""
    out: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)
            elif not action.isSeparator() and action.shortcuts():
                out.append((title, action))

    for top in bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            walk(menu, re.sub(r"\s*\(&?\w\)$", "", top.text()).replace("&", ""))  # 文件(&F) -> 文件
    return out


def rows(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(area, keys, what) of every shortcut: the menus' actions, then the widgets' keys."""
    out = [(title, native(a.shortcuts()), a.text().replace("&", "")) for title, a in menu_actions(bar)]
    out += [(k.area, k.keys, k.what) for k in widget_keys()]
    return out


if __name__ == "__main__":
    from ui.preview import app_instance

    app_instance()
    for name in KEYS:
        print(f"{name:16} {native(sequences(name))}")
    for k in widget_keys():
        print(f"{k.area:6} {k.keys:20} {k.what}")
