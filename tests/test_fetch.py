"""Reports imported from web addresses, against a local http.server serving pages and files built here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer import fetch
from reviewer.cli import main
from reviewer.fetch import FetchError
from reviewer.store.library import Library

from .conftest import truth
from .webserver import Site, report_site

S003 = "003_572269c7f2b1c0ee"
HUAIAN = "huaian-2024"


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Site, str]]:
    with report_site() as served:
        yield served


def test_a_report_page_in_gbk_is_fetched_and_named_by_its_content(site: tuple[Site, str]) -> None:
    _, base = site
    page = fetch.fetch(f"{base}/art/2021/1/25/art_1.jsp")
    assert page.name == "art_1.jsp.html"  # .jsp is not a reader's suffix: named by its content type
    assert page.content_type == "text/html"
    assert fetch.listed_reports(page) == []  # a report page, not a list of reports


def test_a_file_named_by_the_server_keeps_that_name(site: tuple[Site, str]) -> None:
    _, base = site
    page = fetch.fetch(f"{base}/download?id=7")
    assert page.name == "淮安年报.docx"
    assert page.data[:2] == b"PK"


def test_a_column_page_lists_its_reports_once_each(site: tuple[Site, str]) -> None:
    _, base = site
    links = fetch.listed_reports(fetch.fetch(f"{base}/col/list.html"))
    assert [(link.title, link.url) for link in links] == [
        ("高青县行政审批服务局2020年政府信息公开工作年度报告", f"{base}/art/2021/1/25/art_1.jsp"),
        ("淮安市人民政府2024年政府信息公开工作年度报告（PDF）", f"{base}/col/files/huaian.pdf"),
    ]


@pytest.mark.parametrize(("path", "kwargs", "fragment"), [
    ("/hop/0", {}, "重定向超过 5 次"),
    ("/to-ftp", {}, "非 http(s)"),
    ("/big.pdf", {}, "文件过大"),
    ("/endless", {"max_bytes": 1024 * 1024}, "文件过大"),
    ("/slow.html", {"timeout": 0.5}, "超时"),
    ("/nothing-here", {}, "404"),
    ("/empty", {}, "内容为空"),
])
def test_limits_and_failures_are_one_line_naming_the_address(site: tuple[Site, str], path: str, kwargs: dict,
                                                             fragment: str) -> None:
    _, base = site
    with pytest.raises(FetchError) as excinfo:
        fetch.fetch(base + path, **kwargs)
    message = str(excinfo.value)
    assert "\n" not in message and message.startswith(base + path) and fragment in message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.invalid/a.pdf", "http://", "javascript:alert(1)"])
def test_only_http_addresses_are_fetched(url: str) -> None:
    with pytest.raises(FetchError):
        fetch.fetch(url)


def test_cli_imports_a_page_keeping_address_fetch_time_and_publication_date(site: tuple[Site, str],
                                                                            tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    _, base = site
    db = tmp_path / "lib.sqlite"
    url = f"{base}/art/2021/1/25/art_1.jsp"
    assert main(["import", url, "--db", str(db), "--no-samples", "--quiet"]) == 0
    with Library(db, seed_samples=False) as lib:
        (summary,) = list(lib.list_reports())
        record = lib.load(summary.id).record
    t = truth(S003)
    assert (record.agency, record.year) == (t["agency"], t["year"])
    assert all(record.tables[tb][r].get(c) == v for tb in ("table2", "table3", "table4")
               for r, cols in t[tb].items() for c, v in cols.items())
    assert record.source["path"] == url and record.source["url"] == url
    assert record.source["published"] == "2021-01-25"
    assert record.source["fetched_at"].endswith("+00:00")
    assert summary.source_name == "art_1.jsp.html"
    assert not [f for f in record.findings if f.rule == "TIMELY"]  # a department's report by 31 January


def test_a_government_report_published_after_31_march_is_flagged(site: tuple[Site, str], tmp_path: Path) -> None:
    _, base = site
    db = tmp_path / "lib.sqlite"
    assert main(["import", f"{base}/report.html", "--db", str(db), "--no-samples", "--quiet"]) == 0
    with Library(db, seed_samples=False) as lib:
        (summary,) = list(lib.list_reports())
        record = lib.load(summary.id).record
    (late,) = [f for f in record.findings if f.rule == "TIMELY"]
    assert late.severity == "warning"
    assert "2025-04-15" in late.message and "2025年3月31日" in late.message and "15 天" in late.message


def test_cli_shows_a_column_page_then_imports_the_picked_reports(site: tuple[Site, str], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _, base = site
    db = tmp_path / "lib.sqlite"
    listing = f"{base}/col/list.html"
    assert main(["import", listing, "--db", str(db), "--no-samples", "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "列出 2 份报告" in out and "1. 高青县行政审批服务局2020年政府信息公开工作年度报告" in out
    assert not db.exists() or not list(Library(db, seed_samples=False).list_reports())
    assert main(["import", listing, "--pick", "2", "--db", str(db), "--no-samples", "--quiet"]) == 0
    with Library(db, seed_samples=False) as lib:
        (summary,) = list(lib.list_reports())
        record = lib.load(summary.id).record
    assert record.source["url"] == f"{base}/col/files/huaian.pdf"
    assert record.source["format"] == "pdf"
    assert record.agency == truth(HUAIAN)["agency"]


def test_cli_reports_an_unreachable_address_and_imports_the_rest(site: tuple[Site, str], tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    _, base = site
    db = tmp_path / "lib.sqlite"
    code = main(["import", f"{base}/nothing-here", f"{base}/report.html", "--db", str(db), "--no-samples",
                 "--quiet"])
    assert code == 2
    assert "404" in capsys.readouterr().err
    with Library(db, seed_samples=False) as lib:
        assert len(list(lib.list_reports())) == 1
