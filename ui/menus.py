"""The menu bar and the status-bar legend of the main window.

The menus are data (`layout`: menu → command names, separators, submenus); `build` fills a menu bar with the
actions registered under those names in a `ui.commands.Commands` registry, so the menus never see the window.
The keys come from `ui.shortcuts` through the registry; Help › 快捷键 reads them back from the menu bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QMenuBar, QWidget

from ui.i18n import LANGUAGES, tr
from ui.marks import PRIORITY, MarkStyle, mark_names, mark_short_names


def legend(style: MarkStyle, parent: QWidget) -> QWidget:
    """Icon, colour and name of every mark, so a colour is never the only clue (a short name; the full one in
    the tooltip)."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    names, short = mark_names(), mark_short_names()
    for kind in PRIORITY:
        icon = QLabel(box)
        icon.setPixmap(style.icon(kind).pixmap(12, 12))
        text = QLabel(short[kind], box)
        icon.setToolTip(names[kind])
        text.setToolTip(names[kind])
        colour = style.brush(kind).color().name()
        text.setStyleSheet(f"background: {colour}; padding: 0 3px; border-radius: 2px")
        row.addWidget(icon)
        row.addWidget(text)
    return box


SEPARATOR = "-"


@dataclass(frozen=True, slots=True)
class Submenu:
    """A submenu in the layout: `name` finds it in what `build` returns; `items` are command names (a submenu
    filled at run time, like the recent files, has none)."""

    name: str
    title: str
    items: tuple[str, ...] = ()


Item = str | Submenu


def layout(languages: Sequence[str] = tuple(LANGUAGES)) -> list[tuple[str, list[Item]]]:
    """The menu bar as data: each menu's title and its items in order (command names, separators, submenus).
    The titles are translated when this is called."""
    return [
        (tr("文件(&F)"), ["open", "open_folder", "open_url", "backup", "audit_check", Submenu("recent", tr("最近的文件")),
                        SEPARATOR,
                        "export", "import_edits",
                        Submenu("review_report", tr("审核意见书"), ("report_preview", "report_pdf", "report_docx")),
                        SEPARATOR, "reparse", SEPARATOR, "quit"]),
        (tr("编辑(&E)"), ["undo", "redo", SEPARATOR, "apply", "capture_row", "choose_split", "find"]),
        (tr("审核(&R)"), ["next_problem", "prev_problem", SEPARATOR, "confirm_defect", "verify", "reopen", "sign_off", "history",
                        SEPARATOR, "choose_version", "retire", "restore"]),
        (tr("视图(&V)"), ["toggle_library", "filter", "unplaced", SEPARATOR, "table2", "table3", "table4", "next_pane",
                        "prev_pane", "charts"]),
        (tr("设置(&S)"), ["settings", "library_settings", Submenu("language", tr("界面语言"), tuple(language_command(c) for c in languages))]),
        (tr("帮助(&H)"), ["shortcuts", "about"]),
    ]


def language_command(code: str) -> str:
    return f"language:{code}"


def placed(menus: list[tuple[str, list[Item]]]) -> list[str]:
    """Every command name the layout places, in menu order."""
    out: list[str] = []

    def walk(items: Sequence[Item]) -> None:
        for item in items:
            if isinstance(item, Submenu):
                walk(item.items)
            elif item != SEPARATOR:
                out.append(item)

    for _title, items in menus:
        walk(items)
    return out


def mismatch(names: Sequence[str], menus: list[tuple[str, list[Item]]] | None = None) -> tuple[list[str], list[str]]:
    """(registered but in no menu, in a menu but not registered): both empty when the menus and the commands
    agree. A command in no menu would be reachable by its key alone, and missing from Help › 快捷键."""
    where = placed(layout() if menus is None else menus)
    return [n for n in names if n not in where], [n for n in where if n not in names]


class CommandSource(Protocol):
    """What `build` needs of the registry (`ui.commands.Commands`): the actions by name."""

    actions: dict[str, QAction]


def build(bar: QMenuBar, commands: CommandSource,
          menus: list[tuple[str, list[Item]]] | None = None) -> dict[str, QMenu]:
    """Fill `bar` with the layout's menus, each item the registered action of that name. Returns the submenus by
    name (the recent files' is filled by `update_recent`). Raises ValueError when the layout and the registry
    disagree (see `mismatch`)."""
    menus = layout() if menus is None else menus
    unplaced, unknown = mismatch(list(commands.actions), menus)
    if unplaced or unknown:
        raise ValueError(f"menus and commands disagree: in no menu {unplaced}, not registered {unknown}")
    submenus: dict[str, QMenu] = {}

    def fill(menu: QMenu, items: Sequence[Item]) -> None:
        for item in items:
            if isinstance(item, Submenu):
                sub = menu.addMenu(item.title)
                submenus[item.name] = sub
                fill(sub, item.items)
            elif item == SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(commands.actions[item])

    for title, items in menus:
        fill(bar.addMenu(title), items)
    return submenus


def update_recent(menu: QMenu, recent: Sequence[str], open_path: Callable[[str], object]) -> None:
    """文件 › 最近的文件: one entry per file (its name; the path in the tooltip), disabled when there is none."""
    menu.clear()
    paths = [p for p in recent if p]
    for path in paths:
        act = menu.addAction(Path(path).name)
        act.setToolTip(path)
        act.triggered.connect(lambda _c=False, p=path: open_path(p))
    menu.setEnabled(bool(paths))


if __name__ == "__main__":
    from ui.preview import run_preview

    run_preview(lambda: legend(MarkStyle(), None), size=(700, 30))  # type: ignore[arg-type]
