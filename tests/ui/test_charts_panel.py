"""The charts panel: the years of the library, verified-only vs all statuses, the table equal to the core's
figures, refreshes coalesced and skipped when nothing changed, and the dock in the main window's 视图 menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from benchmarks.make_reports import generate
from reviewer.store.stats import by_year
from tests.ui.conftest import REVIEWER, sample
from ui import charts_panel
from ui.charts_panel import REQUEST_STACK, VALUE_ROLE, ChartsPanel, table_rows

WAIT_MS = 15_000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("charts-generated")
    generate(folder, 14, seed=3)
    return folder


@pytest.fixture
def lib(tmp_path: Path, generated: Path) -> Iterator[Any]:
    from ui.library_access import close_library, open_library

    library = open_library(tmp_path / "library.sqlite", seed_samples=True)
    assert len(library.import_paths([generated], reviewer=REVIEWER, workers=1).imported) == 14
    yield library
    close_library(library)


@pytest.fixture
def panel(qtbot: Any, lib: Any) -> Iterator[ChartsPanel]:
    p = ChartsPanel(lib)
    qtbot.addWidget(p)
    p.resize(1100, 800)
    with qtbot.waitSignal(p.refreshed, timeout=WAIT_MS):
        p.show()
    yield p
    qtbot.waitUntil(lambda: not p.busy(), timeout=WAIT_MS)


def verify(lib: Any, rid: int) -> None:
    lib.verify(rid, reviewer=REVIEWER, acknowledgements={}, expected_version=lib.summary(rid).version)


def table_values(p: ChartsPanel) -> dict[tuple[str, int], Any]:
    m = p.model
    return {(m.rows[r][0], m.years[c]): m.index(r, c).data(VALUE_ROLE)
            for r in range(m.rowCount()) for c in range(m.columnCount())}


def core_values(lib: Any, include_all: bool) -> dict[tuple[str, int], Any]:
    stats = by_year(lib, include_all=include_all)
    out: dict[tuple[str, int], Any] = {}
    for y in stats.years:
        for key, _label in table_rows():
            out[key, y.year] = (y.reports if key == "reports" else y.with_errors if key == "with_errors"
                                else y.value(key))
    return out


def shown_years(p: ChartsPanel) -> list[int]:
    ticks = p.requests_plot.getAxis("bottom")._tickLevels  # what the year axis is labelled with
    return [int(v) for v, _s in ticks[0]] if ticks else []


def test_verified_only_then_all_statuses_and_the_table_equals_the_core(qtbot: Any, panel: ChartsPanel,
                                                                        lib: Any) -> None:
    assert not panel.include_all and panel.stats is not None
    assert panel.stats.years == () and panel.model.columnCount() == 0  # nothing verified yet
    assert "还没有已核实的报告" in panel.summary.text()
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.set_include_all(True)
    library_years = sorted(lib.years())
    assert [y.year for y in panel.stats.years] == library_years == shown_years(panel)
    assert panel.model.years == library_years
    assert table_values(panel) == core_values(lib, include_all=True)
    header = panel.model.headerData(0, Qt.Orientation.Horizontal)
    assert str(library_years[0]) in header
    # the stacked bars of a year add up to the outcomes of the table
    x = list(panel.request_bars["granted"].opts["x"])
    top = panel.request_bars[REQUEST_STACK[-1]]
    i = x.index(float(library_years[-1]))
    expected = sum(panel.stats.years[-1].value(f"requests.{k}") for k in REQUEST_STACK)
    assert top.opts["y0"][i] + top.opts["height"][i] == expected

    # verify one report: the verified-only figures now hold it, and only it
    target = next(s for s in lib.list_reports() if s.errors == 0 and s.warnings == 0)
    verify(lib, target.id)
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.set_include_all(False)
    assert [y.year for y in panel.stats.years] == [target.year] == shown_years(panel)
    record = lib.load(target.id).record
    received = panel.model.rows.index(("requests.received", charts_panel.request_names()["received"]))
    assert panel.model.index(received, 0).data(VALUE_ROLE) == record.get("table3:new_received:total")
    assert table_values(panel) == core_values(lib, include_all=False)
    assert panel.stats.reports == 1 and "1 份" in panel.summary.text()


def test_refreshes_are_coalesced_and_skipped_when_nothing_changed(qtbot: Any, panel: ChartsPanel, lib: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = charts_panel.by_year

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts_panel, "by_year", counting)
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        for _ in range(20):  # a burst of edits
            panel.schedule_refresh()
        assert panel.scheduled() and not panel.busy()  # one timer for the burst
    assert calls == []  # the library did not change: the figures were not read again
    rid = next(s.id for s in lib.list_reports() if s.errors == 0 and s.warnings == 0)
    before = panel.stats
    lib.set_cells(rid, {"table3:granted:total": 999}, reviewer=REVIEWER, expected_version=lib.summary(rid).version)
    verify_target = next(s.id for s in lib.list_reports() if s.id != rid and s.errors == 0 and s.warnings == 0)
    verify(lib, verify_target)
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        for _ in range(20):
            panel.schedule_refresh()
    assert len(calls) == 1 and panel.stats != before
    qtbot.waitUntil(lambda: not panel.busy(), timeout=WAIT_MS)


def test_a_hidden_panel_waits_until_it_is_shown(qtbot: Any, panel: ChartsPanel, lib: Any) -> None:
    panel.hide()
    verify(lib, next(s.id for s in lib.list_reports() if s.errors == 0 and s.warnings == 0))
    panel.schedule_refresh()
    assert not panel.scheduled() and not panel.busy()  # nothing is read for a hidden panel
    assert panel.stats is not None and panel.stats.years == ()
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.show()
    assert panel.stats.reports == 1


def test_agency_filter_and_blanks_are_said(qtbot: Any, panel: ChartsPanel, lib: Any) -> None:
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.set_include_all(True)
    s = next(s for s in lib.list_reports() if s.template == "2021" and s.year is not None)
    lib.set_cells(s.id, {"table3:denied.third_party:total": None}, reviewer=REVIEWER,
                  expected_version=lib.summary(s.id).version)
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.agency.setText(s.agency)
    assert panel.stats.agency == s.agency and {y.year for y in panel.stats.years} == {s.year}
    row = [k for k, _ in table_rows()].index("requests.denied")
    column = panel.model.years.index(s.year)
    assert "1 份空白" in panel.model.index(row, column).data()
    assert panel.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert str(s.year) in panel.note.text() and panel.note.isVisibleTo(panel)


def test_the_dock_opens_from_the_view_menu_and_follows_the_window(qtbot: Any, window: Any) -> None:
    action = window.actions_["charts"]
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    view_menu = next(o for o in action.associatedObjects() if o is not window and hasattr(o, "title"))
    assert "视图" in view_menu.title()
    assert window.charts.panel is None and not window.charts.isVisible()  # built when first shown
    action.trigger()
    assert window.charts.isVisible() and window.charts.panel is not None
    panel = window.charts.panel
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=WAIT_MS)
    panel.set_include_all(True)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=WAIT_MS)
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):  # an import through the window
        with qtbot.waitSignal(window.reportOpened, timeout=WAIT_MS):
            window.import_paths([str(sample("000"))], open_first=True)
    qtbot.waitUntil(lambda: panel.stats is not None and panel.stats.reports == 1, timeout=WAIT_MS)
    assert [y.year for y in panel.stats.years] == [2022]
    panel.set_include_all(False)
    qtbot.waitUntil(lambda: not panel.busy() and panel.stats.reports == 0, timeout=WAIT_MS)
    dialog = window.verify()  # a verification through the window refreshes the verified-only figures
    assert dialog is not None
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        dialog.accept()
    qtbot.waitUntil(lambda: panel.stats.reports == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=WAIT_MS)
    action.trigger()
    assert not window.charts.isVisible()


def test_a_dark_palette_recolours_the_charts_not_the_series(qtbot: Any, panel: ChartsPanel) -> None:
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette(panel.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    granted = panel.request_bars["granted"].opts["brush"]
    panel.setPalette(dark)
    assert panel.requests_plot.getViewWidget().backgroundBrush().color() == QColor("#1e1e1e")
    assert panel.received_line.opts["pen"].color() == QColor("#eeeeee")
    assert panel.requests_plot.getAxis("left").textPen().color() == QColor("#eeeeee")
    assert panel.request_bars["granted"].opts["brush"] == granted
