"""Chart drill-down: a click on a bar lists the reports behind it; opening one takes the reviewer there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from reviewer.store.stats import by_year, reports_behind
from tests.ui.conftest import sample
from ui.charts_panel import REQUEST_STACK
from ui.drilldown import DrillDownDialog, bar_at

WAIT_MS = 15_000


def _click_chart(view: Any, plot: Any, x: float, y: float) -> None:
    """Click the chart where the point (x, y) of its data is drawn, as a reviewer clicks it."""
    scene_pos = plot.getViewBox().mapViewToScene(QPointF(x, y))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(scene_pos))


def test_clicking_a_bar_lists_its_reports_and_opens_one(qtbot: Any, window: Any) -> None:
    for prefix in ("000", "002", "004"):  # three reports of 2022
        with qtbot.waitSignal(window.reportOpened, timeout=WAIT_MS):
            window.import_paths([str(sample(prefix))], open_first=True)
    window.actions_["charts"].trigger()
    panel = window.charts.panel
    panel.set_include_all(True)
    qtbot.waitUntil(lambda: panel.stats is not None and panel.stats.reports == 3 and not panel.busy(),
                    timeout=WAIT_MS)
    ys = panel.stats.year(2022)
    granted = float(ys.value("requests.granted"))
    assert granted > 0
    _click_chart(panel.requests_view, panel.requests_plot, 2022.1, granted / 2)  # the bottom segment
    dialog = panel.drilldown
    assert isinstance(dialog, DrillDownDialog) and dialog.isVisible()
    behind = reports_behind(window.library, 2022, "requests.granted", include_all=True)
    assert [c.id for c in dialog.behind] == [c.id for c in behind] and len(behind) == 3
    assert sum(c.value for c in behind) == granted
    assert "予以公开" in dialog.windowTitle()
    agencies = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert agencies == [c.agency for c in behind]
    target = behind[-1].id
    dialog.table.selectRow(2)
    with qtbot.waitSignal(window.reportOpened, timeout=WAIT_MS) as opened:
        dialog.open_button.click()
    assert opened.args == [target] and window.session.report_id == target
    # the numbers table drills down too (Enter on a number)
    model = panel.model
    row = [k for k, _ in model.rows].index("reports")
    panel.table.setCurrentIndex(model.index(row, model.years.index(2022)))
    panel.table.activated.emit(panel.table.currentIndex())
    assert len(panel.drilldown.behind) == 3
    panel.drilldown.close()
    window.actions_["charts"].trigger()


def test_which_segment_a_point_is_in(tmp_path: Any) -> None:
    from ui.library_access import close_library, open_library

    lib = open_library(tmp_path / "l.sqlite", seed_samples=True)
    try:
        stats = by_year(lib, include_all=True)
    finally:
        close_library(lib)
    ys = stats.year(2022)
    bottom = 0.0
    for key in REQUEST_STACK:
        h = float(ys.value(f"requests.{key}"))
        if h:
            assert bar_at(stats, "requests", REQUEST_STACK, 2022.2, bottom + h / 2) == (2022, f"requests.{key}")
        bottom += h
    assert bar_at(stats, "requests", REQUEST_STACK, 2022.0, bottom + 1) is None  # above the bar
    assert bar_at(stats, "requests", REQUEST_STACK, 2022.45, 0.5) is None  # beside it
    assert bar_at(stats, "requests", REQUEST_STACK, 2019.0, 0.5) is None  # a year with no reports
