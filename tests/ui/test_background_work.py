"""Long work runs off the GUI thread, reports progress and stops when the reviewer presses Cancel."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton, QWidget

from ui.workers import TaskRunner


def test_long_work_runs_off_the_gui_thread_and_can_be_cancelled(qtbot) -> None:  # noqa: ANN001
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent)
    results: list[str] = []
    threads: list[threading.Thread] = []
    tick = threading.Event()

    def task(progress, cancel) -> str:  # noqa: ANN001
        threads.append(threading.current_thread())
        progress(1, 10, "第 1 份")
        while not cancel():
            tick.wait(0.005)  # the worker waits for the reviewer; the GUI thread stays free
        return "stopped"

    try:
        with qtbot.waitSignal(runner.finished, timeout=10_000):
            assert runner.start(task, label="导入", on_success=results.append, on_failure=results.append)
            assert runner.busy and not runner.start(task, label="again", on_success=print, on_failure=print)
            qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.value() == 1)
            assert runner.dialog.labelText() == "第 1 份"
            runner.dialog.findChild(QPushButton).click()  # the Cancel button
    finally:
        runner.shutdown()  # never leave the thread running, even when an assertion failed
    assert results == ["stopped"]
    assert threads and threads[0] is not threading.main_thread()
    assert not runner.busy and runner.dialog is None


def test_a_failing_task_is_reported_in_one_line(qtbot) -> None:  # noqa: ANN001
    runner = TaskRunner(None)
    errors: list[str] = []

    def task(progress, cancel) -> None:  # noqa: ANN001
        raise OSError("磁盘已满")

    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start(task, label="导入", on_success=errors.append, on_failure=errors.append, show_dialog=False)
    assert errors == ["磁盘已满"]
    runner.deleteLater()
