"""An import runs in the background: its progress sits in the status bar, the window stays usable.

The task runner reports the import's steps; the status bar shows what is being read, a progress bar and a
取消 button. Cancelling asks first (a 10,000-file import is not stopped by a stray Esc): the reports already
imported stay in the library.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QToolButton, QWidget

from ui.i18n import tr
from ui.workers import TaskRunner


class ImportProgress(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setText(tr("取消导入"))
        self.cancel_button.setToolTip(tr("停止导入（已导入的报告保留在资料库中）"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.ask_cancel)
        runner.progressed.connect(self._progress)
        runner.finished.connect(self._finished)
        self.active = False
        self.question: QMessageBox | None = None
        self.hide()

    def begin(self, label: str) -> None:
        self.active = True
        self.label.setText(label)
        self.bar.setRange(0, 0)  # busy until the first step is reported
        self.cancel_button.setEnabled(True)
        self.show()

    def _progress(self, done: int, total: int, label: str) -> None:
        if not self.active:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(tr("%v / %m 份"))
        if label and not self.runner.cancelled:
            self.label.setText(label)

    def ask_cancel(self) -> QMessageBox | None:
        """Ask before stopping; the answer comes back to `_answered`."""
        if not self.active or self.runner.cancelled:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, tr("取消导入"),
                          tr("停止导入？已导入的报告保留在资料库中，其余文件不再读取。"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window())
        box.button(QMessageBox.StandardButton.Yes).setText(tr("停止导入"))
        box.button(QMessageBox.StandardButton.No).setText(tr("继续导入"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._answered(result == QMessageBox.StandardButton.Yes))
        box.open()
        self.question = box
        return box

    def _answered(self, stop: bool) -> None:
        self.question = None
        if stop and self.active:
            self.runner.cancel()
            self.label.setText(tr("正在取消导入…"))
            self.cancel_button.setEnabled(False)

    def _finished(self) -> None:
        if not self.active:
            return
        self.active = False
        if self.question is not None:
            self.question.close()
            self.question = None
        self.hide()


if __name__ == "__main__":
    import tempfile

    from ui.library_access import close_library, open_library
    from ui.preview import SAMPLES, run_preview

    def make() -> QWidget:
        box = QWidget()
        runner = TaskRunner(box)
        progress = ImportProgress(runner, box)
        QHBoxLayout(box).addWidget(progress)
        path = tempfile.mkdtemp(prefix="reviewer-preview-") + "/library.sqlite"

        def task(report, cancel):  # noqa: ANN001, ANN202
            lib = open_library(path, seed_samples=False)
            try:
                return lib.import_paths([str(SAMPLES)], reviewer="preview", progress=report, cancel=cancel)
            finally:
                close_library(lib)

        runner.start(task, label="", on_success=lambda _s: None, on_failure=lambda _m: None, show_dialog=False)
        progress.begin(tr("正在导入示例报告…"))
        return box

    run_preview(make, size=(520, 40))
