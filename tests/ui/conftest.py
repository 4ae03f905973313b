"""UI tests: offscreen, a temporary library and settings per test, Qt warnings fail the test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt application exists
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reviewer.resources import samples_dir  # noqa: E402

SAMPLES = samples_dir()
HERE = Path(__file__).resolve().parent
REVIEWER = "测试审核员"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # the offscreen platform cannot size or raise native windows (tooltips): not a fault of the app
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


@pytest.fixture
def library(tmp_path: Path) -> Iterator[object]:
    from ui.library_access import close_library, open_library

    lib = open_library(tmp_path / "library.sqlite", seed_samples=False)
    yield lib
    close_library(lib)


@pytest.fixture
def settings(tmp_path: Path) -> object:
    from ui.settings import Settings

    s = Settings(tmp_path / "settings.ini")
    s.set("reviewer_name", REVIEWER)
    s.set("live_updates", False)  # a test drives other writers itself; tests/ui/test_people.py turns it on
    return s


@pytest.fixture
def window(qtbot, library, settings) -> Iterator[object]:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow

    w = MainWindow(library, library.path, settings, "zh_CN")
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.close()
    assert not w.runner.busy, "a background task outlived the window"
    leftovers = [t for t in QApplication.topLevelWidgets() if t.isVisible() and t is not w]
    for t in leftovers:
        t.close()
    assert not leftovers, f"widgets left open: {leftovers}"


def open_sample(qtbot, window, prefix: str) -> int:  # noqa: ANN001
    """Import a sample through the window (off the GUI thread) and wait until its grid is shown."""
    with qtbot.waitSignal(window.reportOpened, timeout=30_000) as blocker:
        window.import_paths([str(sample(prefix))], open_first=True)
    return int(blocker.args[0])


def type_into_cell(qtbot, view, cid: str, text: str) -> None:  # noqa: ANN001
    """Choose the cell, type `text` as a reviewer does (the first key opens the editor) and press Enter."""
    from PySide6.QtCore import Qt

    view.setFocus()
    view.setCurrentIndex(view.grid_model().index_of(cid))
    qtbot.keyClicks(view, text[0])
    editor = view.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def shown_value(window, cid: str) -> str:  # noqa: ANN001
    """The text the grid shows for a cell."""
    model = window.review.models[cid.split(":", 1)[0]]
    return model.data(model.index_of(cid))
