"""A local web site for the tests of importing from addresses: http.server in a thread, on 127.0.0.1 only.

`report_site()` serves report pages (GBK and UTF-8, with a publication date in the header), a PDF, a Word file
named by Content-Disposition, a 年报 column page, and addresses that break the fetch's limits.
"""

from __future__ import annotations

import http.server
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def report_site() -> Iterator[tuple[Site, str]]:
    """The site and its base address, served until the block ends."""
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


