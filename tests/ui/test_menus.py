"""The menus are built from narrow inputs: a layout (data) and a registry of named commands. A fake registry
builds the whole menu bar without a window; in the window, every command a feature registers is in a menu and
every menu item is registered, with its key from the one table of shortcuts and its enabled state from its
provider."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from tests.ui.conftest import open_sample
from ui import menus, shortcuts
from ui.commands import Commands


def _texts(menu: QMenu) -> list[str]:
    return ["|" if a.isSeparator() else (f"{a.text()}>" if a.menu() is not None else a.text())
            for a in menu.actions()]


def _fake_registry(host: QWidget, names: list[str]) -> tuple[Commands, list[str]]:
    ran: list[str] = []
    commands = Commands(host)
    for name in names:
        commands.add(name, f"cmd {name}", lambda name=name: ran.append(name))
    return commands, ran


def test_a_fake_registry_builds_the_whole_menu_bar_without_a_window(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    commands, ran = _fake_registry(host, menus.placed(menus.layout()))
    bar = QMenuBar(host)
    submenus = menus.build(bar, commands)
    titles = [a.text() for a in bar.actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "审核(&R)", "视图(&V)", "设置(&S)", "帮助(&H)"]
    file_menu = bar.actions()[0].menu()
    assert _texts(file_menu) == ["cmd open", "cmd open_folder", "cmd open_url", "cmd backup", "cmd audit_check",
                                 "最近的文件>", "|",
                                 "cmd export", "cmd import_edits", "审核意见书>", "|", "cmd reparse", "|", "cmd quit"]
    assert _texts(submenus["review_report"]) == ["cmd report_preview", "cmd report_pdf", "cmd report_docx"]
    assert _texts(submenus["language"]) == ["cmd language:zh_CN", "cmd language:en"]
    assert submenus["recent"].actions() == []  # filled at run time
    review_menu = bar.actions()[2].menu()
    assert _texts(review_menu)[:2] == ["cmd next_problem", "cmd prev_problem"]
    # the keys come from the one table, by name
    assert commands["next_problem"].shortcuts() == [QKeySequence("F8")]
    assert commands["export"].shortcuts() == [QKeySequence("Ctrl+E")]
    assert commands["charts"].shortcuts() == [QKeySequence("Ctrl+Shift+C")]
    review_menu.actions()[0].trigger()
    assert ran == ["next_problem"]
    # the help lists what the menus hold: every command with a key, in menu order
    listed = [a for _title, a in shortcuts.menu_actions(bar)]
    assert [a for a in listed if a is commands["next_problem"]] and listed.index(commands["open"]) == 0


def test_build_refuses_a_layout_and_a_registry_that_disagree(qtbot) -> None:  # noqa: ANN001
    host = QWidget()
    qtbot.addWidget(host)
    names = menus.placed(menus.layout())
    missing, _ran = _fake_registry(host, [n for n in names if n != "verify"])
    with pytest.raises(ValueError, match="not registered \\['verify'\\]"):
        menus.build(QMenuBar(host), missing)
    extra, _ran = _fake_registry(host, [*names, "orphan"])
    with pytest.raises(ValueError, match="in no menu \\['orphan'\\]"):
        menus.build(QMenuBar(host), extra)
    with pytest.raises(ValueError, match="registered twice"):
        extra.add("orphan", "again", lambda: None)


def test_every_command_a_feature_registers_is_in_a_menu_and_every_item_is_registered(window) -> None:  # noqa: ANN001
    names = window.commands.names()
    assert menus.mismatch(names) == ([], [])
    owners = {window.commands.owner(n) for n in names}
    assert {"review loop", "capture", "decisions", "deliveries", "library care", "charts"} <= owners
    in_bar: list[QAction] = []

    def walk(menu: QMenu) -> None:
        for a in menu.actions():
            if a.menu() is not None:
                walk(a.menu())
            elif not a.isSeparator():
                in_bar.append(a)

    for top in window.menuBar().actions():
        walk(top.menu())
    registered = set(window.commands.actions.values())
    assert registered <= set(in_bar)  # each registered action is in the menu bar (the recent files are not commands)
    assert set(in_bar) - registered == set(window.recent_menu.actions())
    assert all(a in window.actions() for a in registered)  # keys work wherever the focus is
    assert window.commands["language:zh_CN"].isChecked() and not window.commands["language:en"].isChecked()
    # the table of keys names no command that does not exist, and no two commands share a key
    assert set(shortcuts.KEYS) <= set(names)
    keys = [s.toString() for a in registered for s in a.shortcuts()]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_commands_are_enabled_by_their_providers(qtbot, window) -> None:  # noqa: ANN001
    a = window.commands.actions
    needs_report = ("verify", "history", "reparse", "apply", "next_problem", "prev_problem", "capture_row",
                    "unplaced", "table2", "table3", "table4", "confirm_defect", "retire", "choose_version")
    assert not any(a[n].isEnabled() for n in needs_report)
    assert all(a[n].isEnabled() for n in ("open", "export", "find", "settings", "next_pane", "backup", "charts"))
    open_sample(qtbot, window, "001")
    assert all(a[n].isEnabled() for n in needs_report if n != "choose_version")
    assert not a["reopen"].isEnabled() and not a["restore"].isEnabled()
    assert not a["choose_version"].isEnabled()  # one file of this agency and year
    def task(_progress, cancel) -> None:  # noqa: ANN001
        while not cancel():
            time.sleep(0.01)

    started = window.runner.start(task, label="busy", on_success=lambda _r: None, on_failure=lambda _m: None,
                                  show_dialog=False)
    assert started
    busy = ("open", "open_folder", "open_url", "reparse", "export", "import_edits", "report_preview", "report_pdf",
            "report_docx")
    assert not any(a[n].isEnabled() for n in busy)
    assert a["verify"].isEnabled()  # the review goes on while an import runs
    window.runner.cancel()
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    assert all(a[n].isEnabled() for n in busy)
