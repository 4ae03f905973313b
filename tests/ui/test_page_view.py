"""A scanned report opens with its page image beside the grid: the chosen cell outlined, a click choosing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from reviewer.reading import ocr
from tests import builders as b
from tests.conftest import truth
from tests.scans import scanned_pdf

pytestmark = pytest.mark.skipif(not ocr.available(), reason="the [ocr] extra is not installed")

CELL = "table3:new_received:natural"


@pytest.fixture
def scanned_page(tmp_path):  # noqa: ANN001, ANN201
    path = tmp_path / "淮安第4页扫描.pdf"
    path.write_bytes(scanned_pdf(b.HUAIAN_PDF.read_bytes(), 200, [4]))
    return path


def test_the_page_image_follows_the_grid_and_a_click_chooses_a_cell(qtbot, window, scanned_page) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.reportOpened, timeout=180_000):
        window.import_paths([str(scanned_page)], open_first=True)
    review = window.review
    assert review.source_tabs.currentWidget() is review.pages and review.source_tabs.tabBar().isVisible()
    record = window.session.record
    assert record.get(CELL) == truth("huaian-2024")["table3"]["new_received"]["natural"]
    assert review.select_cell(CELL)
    box = record.cell_boxes()[CELL]
    outline = review.pages.outlined()
    assert outline is not None and review.pages.page == box.page
    scale = 144 / 72  # the page is shown rendered at 144 dpi
    assert abs(outline.x() - box.box[0] * scale) < 1 and abs(outline.y() - box.box[1] * scale) < 1
    other = "table3:granted:total"
    x0, y0, x1, y1 = record.cell_boxes()[other].box
    canvas = review.pages.canvas
    canvas.ensureVisible((x0 + x1) / 2 * scale, (y0 + y1) / 2 * scale, 1, 1)
    centre = canvas.mapFromScene((x0 + x1) / 2 * scale, (y0 + y1) / 2 * scale)
    window.activateWindow()  # the import's progress dialog took the activation away offscreen
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    view = review.views["table3"]
    assert view.model().cell_id(view.currentIndex()) == other
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=3000)  # the keyboard follows the click


def test_a_report_with_a_text_layer_shows_no_page_tab(qtbot, window) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.reportOpened, timeout=60_000):
        window.import_paths([str(b.HUAIAN_PDF)], open_first=True)
    assert window.review.source_tabs.indexOf(window.review.pages) < 0
    assert not window.review.source_tabs.tabBar().isVisible()
    assert not window.review.pages.isVisible()  # not floating over the pane either
