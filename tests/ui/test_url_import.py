"""文件 › 从网址导入 against a local web site: a report page opens; a column page lists reports to pick."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from tests.conftest import truth
from tests.webserver import HUAIAN, S003, report_site
from ui.url_import import UrlImport


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with report_site() as (_, address):
        yield address


def test_a_report_address_is_imported_and_opened(qtbot, window, base: str) -> None:  # noqa: ANN001
    url = f"{base}/art/2021/1/25/art_1.jsp"
    with qtbot.waitSignal(window.reportOpened, timeout=30_000) as opened:
        assert UrlImport(window).start(url)
    record = window.library.load(int(opened.args[0])).record
    assert record.agency == truth(S003)["agency"]
    assert record.source["url"] == url and record.source["published"] == "2021-01-25"


def test_a_column_page_lists_its_reports_and_imports_the_checked_one(qtbot, window, base: str) -> None:  # noqa: ANN001
    importer = UrlImport(window)
    assert importer.start(f"{base}/col/list.html")
    qtbot.waitUntil(lambda: importer.picker is not None and importer.picker.isVisible(), timeout=30_000)
    picker = importer.picker
    assert picker is not None
    titles = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert titles == ["高青县行政审批服务局2020年政府信息公开工作年度报告",
                      "淮安市人民政府2024年政府信息公开工作年度报告（PDF）"]
    picker.list.setCurrentRow(1)
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)  # check the second with the keyboard
    assert picker.chosen() == [f"{base}/col/files/huaian.pdf"]
    with qtbot.waitSignal(window.reportOpened, timeout=30_000) as opened:
        qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    record = window.library.load(int(opened.args[0])).record
    assert record.agency == truth(HUAIAN)["agency"] and record.source["format"] == "pdf"
    assert len(window.library.list_reports()) == 1


def test_an_address_that_fails_says_why(qtbot, window, base: str) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        UrlImport(window).start(f"{base}/nothing-here")
    assert window.last_message is not None and "404" in window.last_message.text()
    window.last_message.close()
