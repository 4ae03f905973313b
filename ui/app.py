"""`reviewer-gui [FILE...] [--db FILE|postgresql://…]`: start the review window.

`--screenshot OUT.png [FILE]` opens the window on the file (or the library), renders it at 1600×1000, saves the
PNG and exits. `--charts` opens the charts (视图 › 图表) at start, in a screenshot too. `--lang en` overrides the language setting for this run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer import resources
from reviewer.version import __version__
from ui import i18n
from ui.i18n import tr
from ui.settings import APPLICATION, ORGANIZATION, Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.workers import TaskRunner

SCREENSHOT_SIZE = (1600, 1000)
SHOWN_ENV = "REVIEWER_GUI_PRINT_SHOWN"
AUTOQUIT_ENV = "REVIEWER_GUI_AUTOQUIT_MS"  # quit after that many milliseconds (smoke test)  # the benchmark: print when the window is shown, then quit


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="reviewer-gui", description="年报审核台")
    p.add_argument("files", nargs="*", help="report files or folders to import and open")
    p.add_argument("--db", metavar="FILE|URL", help="the library file, or a team's server: postgresql://user@host/db "
                   "(password from PGPASSWORD, ~/.pgpass or a libpq service; default: the user's library)")
    p.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    p.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="interface language for this run")
    p.add_argument("--settings", help="an INI file to keep settings in (default: the user's settings)")
    p.add_argument("--charts", action="store_true", help="open the charts at start")
    from reviewer.version import version_text

    p.add_argument("--version", action="version", version=version_text("reviewer-gui"))
    return p.parse_args(argv)


def make_app() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("年报审核台")
    app.setDesktopFileName("reviewer-gui")
    app.setApplicationVersion(__version__)
    icon = resources.root() / "icons" / "reviewer.png"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def library_path(args: argparse.Namespace, settings: Settings) -> Path | str:
    """--db (a file or a postgresql:// address), else the team server of the settings, else their library file,
    else the default library ($REVIEWER_LIBRARY or the user data dir)."""
    from reviewer.store.backend import is_server_url
    from ui.library_access import default_library

    chosen = args.db or settings.get("server_url") or settings.get("library_path")
    if is_server_url(chosen):
        return str(chosen).strip()
    return Path(chosen).expanduser() if chosen else default_library()


def wait_for(runner: TaskRunner, timeout_ms: int = 60_000) -> None:
    """Block (with a running event loop) until the runner's background task has finished."""
    if not runner.busy:
        return
    loop = QEventLoop()
    runner.finished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def screenshot(window: MainWindow, out: str) -> int:
    window.resize(*SCREENSHOT_SIZE)
    wait_for(window.runner)
    panel = window.charts.panel
    if panel is not None:  # shown: its first figures are read once the window has laid it out
        for _ in range(3):
            QApplication.processEvents()
        QTimer.singleShot(0, panel.refresh_now)
        QApplication.processEvents()
        wait_for(panel.runner)
    session = window.session
    if session is not None and window.review.problems.model.rowCount():
        window.review.problems.next()  # show the first problem chosen, as a reviewer would see it
    elif session is not None:
        edited = [c for c, o in session.origins.items() if o == "edited"]
        if edited:  # a reviewed report: show the cell the reviewer changed
            window.review.select_cell(edited[0])
    for _ in range(3):
        QApplication.processEvents()
    if window.last_message is not None:
        window.last_message.close()
    ok = window.grab().save(out)
    window.close()
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_app()
    if args.settings:
        settings = Settings(args.settings)
    elif args.screenshot:  # a clean, throwaway profile: the picture does not depend on this user's settings
        settings = Settings(Path(tempfile.mkdtemp(prefix="reviewer-shot-")) / "settings.ini")
        settings.set("reviewer_name", os.environ.get("REVIEWER_NAME", "审核人"))
    else:
        settings = Settings()
    language = args.lang or settings.get("language")
    app._translators = i18n.install(app, language)  # type: ignore[attr-defined]

    from reviewer.errors import ReviewerError
    from reviewer.formats import FormatError, load_formats
    from ui.library_access import open_library
    from ui.main_window import MainWindow

    try:
        load_formats()
    except FormatError as exc:  # a bad format file is named before anything is read with it
        print(exc, file=sys.stderr)
        if not args.screenshot:
            QMessageBox.critical(None, tr("格式文件有误"), str(exc))
        return 2
    path = library_path(args, settings)
    try:
        library = open_library(path, seed_samples=True)
    except (ReviewerError, OSError) as exc:
        if args.screenshot or os.environ.get(AUTOQUIT_ENV) or os.environ.get(SHOWN_ENV):
            print(tr("无法打开资料库 {path}：{reason}").format(path=path, reason=exc), file=sys.stderr)
            return 2  # an unattended run never waits on a dialog
        QMessageBox.critical(None, tr("无法打开资料库"), tr("无法打开资料库 {path}：\n{reason}").format(
            path=path, reason=exc))
        return 2
    window = MainWindow(library, path, settings, language)
    if args.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    if args.charts:
        window.charts.show()
    if os.environ.get(SHOWN_ENV):
        QTimer.singleShot(0, lambda: (print("shown", flush=True), window.close()))
        return app.exec()
    if args.files:
        window.import_paths([str(Path(f).resolve()) for f in args.files], open_first=len(args.files) == 1)
    if args.screenshot:
        return screenshot(window, args.screenshot)
    autoquit = os.environ.get(AUTOQUIT_ENV)
    window.care.start()  # today's backup and a check of the file, in the background
    if autoquit:
        QTimer.singleShot(int(autoquit), window.close)
    else:
        QTimer.singleShot(0, window.ask_reviewer_name)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
