"""The library list on a large library: rows are read from the store as they are shown, filters and sorting are
store queries, and the list fits the panel at the default window size (no column cut off)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import SAMPLES
from ui.library_panel import SUMMARY_ROLE

COPIES = 4000  # x 5 samples = 20,000 reports


def fill(library, copies: int = COPIES) -> int:  # noqa: ANN001
    """The 5 samples, then their report rows copied with other agencies, years and statuses (listing needs no
    cells). Returns the number of reports."""
    library.import_paths([SAMPLES], workers=1)
    conn = sqlite3.connect(library.path, isolation_level=None)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(reports)") if r[1] not in ("id", "sha256", "version_of")]
    changed = {"agency": "agency || '（' || k || '）'", "agency_key": "agency_key || k", "year": "year - (k % 3)",
               "status": "CASE (id + k / 3) % 3 WHEN 0 THEN 'new' WHEN 1 THEN 'in_review' ELSE 'verified' END",
               "errors": "(id + k) % 4"}
    conn.execute(f"WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ?) "
                 f"INSERT INTO reports({', '.join(cols)}, sha256) SELECT {', '.join(changed.get(c, c) for c in cols)}, "
                 f"sha256 || '-' || k FROM reports, n WHERE reports.id <= 5", (copies - 1,))
    conn.close()
    return 5 * copies


def test_a_large_library_is_listed_without_reading_every_row(qtbot, window, library):  # noqa: ANN001
    total = fill(library)
    window.refresh_library()
    panel, model = window.library_panel, window.library_panel.model
    QApplication.processEvents()
    assert model.rowCount() == total
    assert model.rows.pages_read <= 2  # the screenful shown, not 20,000 rows
    assert f"资料库：{total} 份报告" in window.placeholder.text()
    panel.view.scrollToBottom()
    QApplication.processEvents()
    assert model.rows.pages_read <= 4
    last = model.index(total - 1, 1).data(SUMMARY_ROLE)
    assert last.id == max(model.ids())

    # filters are store queries
    panel.status.setCurrentIndex(panel.status.findData("verified"))
    assert model.rowCount() == library.count()["verified"] > 0
    assert all(model.summary(r).status == "verified" for r in range(50))
    panel.search.setText("临清")
    expected = library.list_reports(status="verified", text="临清")
    assert model.rowCount() == len(expected) > 0 and model.ids() == expected.ids
    year = expected[0].year
    panel.year.setCurrentIndex(panel.year.findData(year))
    assert 0 < model.rowCount() < len(expected)
    assert {model.summary(r).year for r in range(model.rowCount())} == {year}
    panel.search.clear()
    panel.status.setCurrentIndex(0)
    panel.year.setCurrentIndex(0)
    assert model.rowCount() == total

    # a click on 年度 sorts by the store, and again the other way
    header = panel.view.horizontalHeader()
    year_col = model.COLUMNS.index("year")
    header.sectionClicked.emit(year_col)
    panel.view.sortByColumn(year_col, Qt.SortOrder.AscendingOrder)
    years = [model.summary(r).year for r in range(20)]
    assert years == sorted(years) and years[0] == min(library.years())
    panel.view.sortByColumn(year_col, Qt.SortOrder.DescendingOrder)
    assert model.summary(0).year == max(library.years())
    assert model.rows.pages_read <= 2


def test_a_write_refreshes_its_row_only(qtbot, window, library):  # noqa: ANN001
    fill(library, copies=200)
    window.refresh_library()
    model = window.library_panel.model
    rid = model.ids()[0]
    s = library.summary(rid)
    library.set_status(rid, "审核中", reviewer="测试", expected_version=s.version)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    assert model.update_row(library.summary(rid))
    assert changed == [(0, 0)]
    assert model.data(model.index(0, 0)) == "审核中"


def test_the_list_fits_the_panel_at_the_default_size(qtbot, window, library):  # noqa: ANN001
    fill(library, copies=20)
    window.refresh_library()
    view = window.library_panel.view
    QApplication.processEvents()
    header = view.horizontalHeader()
    shown = [c for c in range(header.count()) if not view.isColumnHidden(c)]
    last = max(shown, key=header.sectionViewportPosition)
    assert not view.horizontalScrollBar().isVisible()
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= view.viewport().width()
    model = window.library_panel.model
    for c in shown:  # every header text fits its column (Chinese here; widths come from the texts)
        title = model.headerData(c, Qt.Orientation.Horizontal)
        assert header.fontMetrics().horizontalAdvance(title) < header.sectionSize(c), title
    for key, word in (("errors", "错误"), ("warnings", "警告")):  # counts headed by the marks' icons
        c = model.COLUMNS.index(key)
        assert model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DecorationRole) is not None
        assert model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == word
    agency = model.COLUMNS.index("agency")
    assert header.sectionSize(agency) >= 120  # the agency takes the room that is left
