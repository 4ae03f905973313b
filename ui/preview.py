"""Run one UI module alone on sample data (`python -m ui.<module>`), like Orange's WidgetPreview.

`REVIEWER_GUI_AUTOQUIT_MS` makes the preview quit by itself after that many milliseconds (the smoke test).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.model import Record
from reviewer.resources import samples_dir

if TYPE_CHECKING:
    from reviewer.store import Library

AUTOQUIT_ENV = "REVIEWER_GUI_AUTOQUIT_MS"
SAMPLES = samples_dir()


def sample_path(prefix: str = "003") -> Path:
    return next(SAMPLES.glob(f"{prefix}_*.txt"))


def sample_record(prefix: str = "003") -> Record:
    from reviewer import parse_file

    return parse_file(sample_path(prefix))


def sample_library(directory: str | Path | None = None) -> Library:
    """A throwaway library holding the bundled samples."""
    from ui.library_access import open_library

    directory = Path(directory or tempfile.mkdtemp(prefix="reviewer-preview-"))
    return open_library(directory / "library.sqlite", seed_samples=True)


def app_instance() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        from ui.i18n import install

        app._translators = install(app, os.environ.get("REVIEWER_GUI_LANG", "zh_CN"))  # type: ignore[attr-defined]
    assert isinstance(app, QApplication)
    return app


def run_preview(factory: Callable[[], QWidget], size: tuple[int, int] = (1000, 700)) -> int:
    app = app_instance()
    widget = factory()
    widget.resize(*size)
    widget.show()
    ms = os.environ.get(AUTOQUIT_ENV)
    if ms:
        QTimer.singleShot(int(ms), app.quit)
    return app.exec()


if __name__ == "__main__":
    for path in sorted(SAMPLES.glob("*.txt")):
        rec = sample_record(path.name[:3])
        print(f"{path.name}: {rec.agency} {rec.year} template={rec.template} findings={len(rec.findings)}")
