"""Live updates: other reviewers' changes appear without a reload.

A thread of its own (`WatchThread`) waits on the library's live feed (`Library.watch()`: LISTEN/NOTIFY on
PostgreSQL, the file's data version on SQLite) and hands the events to the GUI thread, where `LiveUpdates` turns
them into refreshes: the rows of the library list that changed (the whole list when a report it does not hold
appeared), the claims shown (`ui.claims`), and the open report, loaded again when someone else changed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from reviewer.errors import ReviewerError
from reviewer.store.live import LiveEvent
from ui.i18n import tr

if TYPE_CHECKING:
    from ui.main_window import MainWindow

WAIT_S = 0.25  # how long one wait of the thread lasts (it checks for a stop between waits)
RETRY_S = 2.0  # after an outage, how often the feed tries to connect again


class WatchThread(QThread):
    """Waits on a watcher off the GUI thread; `changed` carries a list of `LiveEvent`s."""

    changed = Signal(list)
    failed = Signal(str)
    resynced = Signal()  # connected again after an outage: what changed meanwhile was not heard

    def __init__(self, library: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._stop = False

    def run(self) -> None:
        lost = False
        while not self._stop:
            try:
                watcher = self.library.watch()
            except ReviewerError as exc:
                if not lost:
                    self.failed.emit(str(exc))
                lost = True
                self._pause()
                continue
            if lost:
                self.resynced.emit()
                lost = False
            try:
                while not self._stop:
                    events = watcher.wait(WAIT_S)
                    if events and not self._stop:
                        self.changed.emit(events)
            except ReviewerError as exc:  # the server went away: said once, connected again when it is back
                self.failed.emit(str(exc))
                lost = True
            finally:
                watcher.close()
            self._pause()

    def _pause(self) -> None:
        for _ in range(int(RETRY_S / 0.1)):
            if self._stop:
                return
            self.msleep(100)

    def stop(self) -> None:
        self._stop = True
        self.wait(5000)


class LiveUpdates(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watch_thread: WatchThread | None = None
        self._pending: list[LiveEvent] = []
        self._timer = QTimer(self)  # events of one burst are applied together
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._apply)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)  # a window never closed: its thread still stops with the app
        if window.settings.get("live_updates"):
            self.start()

    def start(self) -> None:
        if self.watch_thread is not None:
            return
        self.watch_thread = WatchThread(self.window.library, self)
        self.watch_thread.changed.connect(self.received)
        self.watch_thread.failed.connect(self.window.show_status)
        self.watch_thread.resynced.connect(self.resync)
        self.watch_thread.start()

    def shutdown(self) -> None:
        thread, self.watch_thread = self.watch_thread, None
        if thread is not None:
            thread.stop()

    def received(self, events: list[LiveEvent]) -> None:
        self._pending.extend(events)
        if not self._timer.isActive():
            self._timer.start()

    def _apply(self) -> None:
        events, self._pending = self._pending, []
        if events:
            self.apply(events)

    def apply(self, events: list[LiveEvent]) -> None:
        """Refresh what the events touched (called on the GUI thread)."""
        window = self.window
        model = window.library_panel.model
        library = window.library
        reports = {e.report_id: e for e in events if e.kind == "report"}
        missing = False
        for rid in reports:
            try:
                summary = library.summary(rid)
            except ReviewerError:  # gone (or unreadable now): the list is asked again
                missing = True
                continue
            if not model.update_row(summary) and summary.version <= 1:
                missing = True  # a report imported elsewhere; one the filter hides is left hidden (no jump)
        if missing:
            window.library_panel.refresh()
            if window.session is not None:
                window.library_panel.select(window.session.report_id)
        claims = {e.report_id for e in events if e.kind == "claim"}
        window.claims.remote(claims)
        session = window.session
        if session is not None and session.report_id in reports:
            event = reports[session.report_id]
            if event.version is None or event.version != session.version:
                self.reload_open(event)
        own = (session.report_id, session.version) if session is not None else None
        if any((rid, e.version) != own for rid, e in reports.items()):
            window.libraryChanged.emit()  # the charts follow (our own write has told them already)

    def resync(self) -> None:
        """Back after an outage: the list, the claims and the open report read again."""
        window = self.window
        window.refresh_library()
        window.claims.show_claims()
        session = window.session
        if session is not None:
            self.reload_open(LiveEvent("report", session.report_id))
        window.show_status(tr("实时更新已恢复"))

    def reload_open(self, event: LiveEvent) -> None:
        """Someone else changed the open report: show what it is now (the view and its problems)."""
        window = self.window
        session = window.session
        assert session is not None
        try:
            summary = window.library.summary(session.report_id)
        except ReviewerError:
            return
        if summary.version == session.version:
            return  # our own write, already shown
        window.undo.drop(session.report_id)
        window.open_report(session.report_id)
        if event.by:
            window.show_status(tr("{name} 修改了这份报告，已显示最新内容").format(name=event.by))
