"""Reports imported from web addresses, against a local http.server serving pages and files built here."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer import fetch
from reviewer.cli import main
from reviewer.fetch import FetchError
from reviewer.store.library import Library

from . import builders as b
from .conftest import truth

S003 = "003_572269c7f2b1c0ee"
HUAIAN = "huaian-2024"


def _with_header(page: bytes, charset: str, published: str) -> bytes:
    text = page.decode(charset)
    text = text.replace('<div class="article">',
                        f'<div class="info">发布时间：{published}&nbsp;&nbsp;来源：政府办公室</div>\n'
                        '<div class="article">', 1)
    return text.encode(charset)


class Site:
    """What the server serves: path -> (status, headers, body); a callable body is called per request."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.delay: dict[str, float] = {}

    def add(self, path: str, body: bytes, content_type: str = "text/html", status: int = 200,
            **headers: str) -> None:
        self.pages[path] = (status, {"Content-Type": content_type, **headers}, body)


def _handler(site: Site) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = urllib.parse.urlsplit(self.path).path
            if path in site.delay:
                time.sleep(site.delay[path])
            if path.startswith("/hop/"):
                n = int(path.rsplit("/", 1)[1])
                self.send_response(302)
                self.send_header("Location", f"/hop/{n + 1}" if n < 50 else "/report.html")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if path == "/endless":
                self.send_response(200)
                self.send_header("Content-Type", "application/pdf")
                self.end_headers()
                try:
                    for _ in range(4096):
                        self.wfile.write(b"%" * 65536)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            status, headers, body = site.pages.get(path, (404, {"Content-Type": "text/plain"}, b"not found"))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Site, str]]:
    site = Site()
    gbk_page = _with_header(b.to_html(b.spec_for_seed(S003), charset="gbk"), "gbk", "2021-01-25 09:30")
    site.add("/art/2021/1/25/art_1.jsp", gbk_page, "text/html; charset=gbk")
    late_page = _with_header(b.to_html(b.spec_for_huaian()), "utf-8", "2025-04-15")
    site.add("/report.html", late_page)
    site.add("/col/files/huaian.pdf", b.HUAIAN_PDF.read_bytes(), "application/pdf")
    site.add("/download", b.fill_template(b.spec_for_huaian(), truth(HUAIAN)), "application/octet-stream",
             **{"Content-Disposition": "attachment; filename*=UTF-8''%E6%B7%AE%E5%AE%89%E5%B9%B4%E6%8A%A5.docx"})
    listing = """<html><head><meta charset="utf-8"><title>年报专栏</title></head><body>
      <div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
      <ul class="list">
        <li><a href="/art/2021/1/25/art_1.jsp" title="高青县行政审批服务局2020年政府信息公开工作年度报告">高青县行政审批服务局2020年政府信息公开…</a><span>2021-01-25</span></li>
        <li><a href="files/huaian.pdf">淮安市人民政府2024年政府信息公开工作年度报告（PDF）</a></li>
        <li><a href="/notice.html">关于开展政务公开培训的通知</a></li>
        <li><a href="/art/2021/1/25/art_1.jsp#top">高青县行政审批服务局2020年政府信息公开工作年度报告</a></li>
      </ul></body></html>"""
    site.add("/col/list.html", listing.encode("utf-8"), "text/html; charset=utf-8")
    site.add("/big.pdf", b"%PDF", "application/pdf", **{"Content-Length": str(200 * 1024 * 1024)})
    site.add("/empty", b"", "text/html")
    site.add("/to-ftp", b"", "text/html", status=302, Location="ftp://example.invalid/x.pdf")
    site.add("/slow.html", b"<html>slow</html>")
    site.delay["/slow.html"] = 3.0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # a client hung up
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


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
