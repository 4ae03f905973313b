"""The window's commands, by name: what each does, when it is enabled, its text, tip and keys.

The main window and the feature controllers (review loop, capture, decisions, deliveries, library care, charts)
register their commands here; `ui.menus` lays them out in the menu bar from the names alone, so no part needs
the whole window. Keys come from the one table in `ui.shortcuts` (by the command's name). An enabled-state
provider (`when`) is asked on `refresh()`, which the window calls whenever what it depends on changed (a report
opened or changed, background work started or ended); a command without one stays enabled (or is managed by
its owner, like the undo group's actions).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from ui import shortcuts

Provider = Callable[[], bool]


class Commands:
    """A registry of named `QAction`s. Each action is added to `host`, so its keys work wherever the focus is."""

    def __init__(self, host: QWidget) -> None:
        self.host = host
        self.actions: dict[str, QAction] = {}
        self._when: dict[str, Provider] = {}
        self._owner: dict[str, str] = {}

    def add(self, name: str, text: str, run: Callable[[], object], *, tip: str = "", when: Provider | None = None,
            checked: Provider | None = None, owner: str = "") -> QAction:
        """A new command. `checked` makes it checkable (its state read once, now)."""
        action = QAction(text, self.host)
        if tip:
            action.setStatusTip(tip)
        if checked is not None:
            action.setCheckable(True)
            action.setChecked(checked())
        action.triggered.connect(lambda _checked=False: run())
        return self.adopt(name, action, when=when, owner=owner)

    def adopt(self, name: str, action: QAction, *, when: Provider | None = None, owner: str = "") -> QAction:
        """Register an action made elsewhere (the undo group's, a dock's toggle); its keys still come from the
        table when the table names it."""
        if name in self.actions:
            raise ValueError(f"command {name!r} registered twice ({self._owner[name] or '?'} and {owner or '?'})")
        keys = shortcuts.sequences(name)
        if keys:
            action.setShortcuts(keys)
        self.actions[name] = action
        self._owner[name] = owner
        if when is not None:
            self._when[name] = when
            action.setEnabled(bool(when()))
        self.host.addAction(action)
        return action

    def __contains__(self, name: object) -> bool:
        return name in self.actions

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def names(self) -> list[str]:
        return list(self.actions)

    def owner(self, name: str) -> str:
        return self._owner.get(name, "")

    def refresh(self) -> None:
        """Ask every provider again (cheap: each reads a flag or two)."""
        for name, when in self._when.items():
            self.actions[name].setEnabled(bool(when()))
