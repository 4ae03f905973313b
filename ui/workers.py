"""Long operations off the GUI thread: one task at a time, with progress, Cancel, and callbacks.

A task is a plain function `fn(progress, cancel) -> result` (the core's long functions take exactly these);
it runs in a `QThread`, and must open its own store connection there. Its progress and outcome come back to
the GUI thread through queued signals; widgets are never touched from the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ui.i18n import tr

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
TaskFn = Callable[[Progress, Cancel], Any]


class _Task(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: TaskFn) -> None:
        super().__init__()
        self._fn = fn
        self.cancel_event = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress, self.cancel_event.is_set)
        except Exception as exc:  # reported to the user as one line; the app keeps running
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.succeeded.emit(result)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.emit(int(done), int(total), str(label))


class TaskRunner(QObject):
    """Runs one task at a time in its own thread, with a progress dialog that can cancel it."""

    started = Signal()
    finished = Signal()  # after the success or failure callback ran
    progressed = Signal(int, int, str)  # a step of the running task (done, total, label): the status bar shows it

    def __init__(self, parent_widget: QWidget | None = None) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._thread: QThread | None = None
        self._task: _Task | None = None
        self._dialog: QProgressDialog | None = None
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[str], None] | None = None
        self._cancel_until: int | None = None
        self.cancelled = False
        self.cancellable = True
        app = QCoreApplication.instance()
        if app is not None:  # never leave a thread running when the application quits
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def start(self, fn: TaskFn, *, label: str, on_success: Callable[[Any], None],
              on_failure: Callable[[str], None], show_dialog: bool = True, cancel_until: int | None = None) -> bool:
        """Run `fn(progress, cancel)` in a worker. `cancel_until`: from this step on (a `done` the task reports)
        the task no longer stops (it writes in one transaction): Cancel is disabled and says so."""
        if self.busy:
            return False
        self.cancelled = False
        self.cancellable = True
        self._cancel_until = cancel_until
        self._on_success, self._on_failure = on_success, on_failure
        self._task = _Task(fn)
        self._thread = QThread(self)
        self._task.moveToThread(self._thread)
        self._thread.started.connect(self._task.run)
        self._task.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._task.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._task.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        if show_dialog:
            self._dialog = QProgressDialog(label, tr("取消"), 0, 0, self._parent_widget)
            self._dialog.setWindowTitle(tr("请稍候"))
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(400)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.canceled.connect(self.cancel)
        self.started.emit()
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self._task is not None and self.cancellable:
            self.cancelled = True
            self._task.cancel_event.set()
            if self._dialog is not None:
                self._dialog.setLabelText(tr("正在取消…"))

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        if self._cancel_until is not None and done >= self._cancel_until and self.cancellable:
            self.cancellable = False
            if self._dialog is not None:
                button = self._dialog.findChild(QPushButton)
                if button is not None:
                    button.setEnabled(False)
                    button.setToolTip(tr("正在写入，已不能取消"))
        self.progressed.emit(done, total, label)
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)
            if label and not self.cancelled:
                self._dialog.setLabelText(label)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        callback = self._on_success
        self._cleanup()
        if callback is not None:
            callback(result)
        self.finished.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        callback = self._on_failure
        self._cleanup()
        if callback is not None:
            callback(message)
        self.finished.emit()

    def _cleanup(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._task is not None:
            self._task.deleteLater()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
        self._thread = self._task = self._dialog = None

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Cancel a running task and wait for its thread (closing the window)."""
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait(timeout_ms)
            self._cleanup()


if __name__ == "__main__":
    import tempfile

    from PySide6.QtWidgets import QLabel

    from ui.library_access import close_library, open_library
    from ui.preview import SAMPLES, run_preview

    def make() -> QLabel:
        label = QLabel(tr("正在导入示例报告…"))
        runner = TaskRunner(label)
        path = tempfile.mkdtemp(prefix="reviewer-preview-") + "/library.sqlite"

        def task(progress: Progress, cancel: Cancel) -> str:
            lib = open_library(path, seed_samples=False)
            try:
                return lib.import_paths([str(SAMPLES)], reviewer="preview", progress=progress, cancel=cancel).text()
            finally:
                close_library(lib)

        runner.start(task, label=tr("正在导入示例报告…"), on_success=label.setText, on_failure=label.setText)
        return label

    run_preview(make, size=(420, 80))
