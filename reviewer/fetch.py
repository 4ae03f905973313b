"""Reports fetched from a web address: a report page, a direct PDF or Word link, or a column page listing reports.

Only http(s) is followed, with a timeout per read, an overall deadline, a size limit and at most a few
redirects, each of which must stay http(s). Every failure is a `FetchError` with one line naming the address.
The fetched bytes are what the library keeps as the report's source; the address and the time of the fetch go
into the record's `source` (`url`, `fetched_at`).
"""

from __future__ import annotations

import email.message
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from http.client import HTTPException, HTTPResponse
from pathlib import PurePosixPath

from reviewer.errors import ReviewerError
from reviewer.reading import HTML_SUFFIXES, MAX_BYTES, OFFICE_SUFFIXES, TEXT_SUFFIXES

TIMEOUT = 20.0  # seconds for the connection and each read
DEADLINE = 120.0  # seconds for one whole download
MAX_REDIRECTS = 5
USER_AGENT = "Mozilla/5.0 (compatible; ReportReviewer/0.1; +government annual report review)"
READER_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | OFFICE_SUFFIXES | {".pdf", ".docx"}

_BY_TYPE = {
    "text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf",
    "application/msword": ".doc", "application/vnd.ms-works": ".wps", "application/kswps": ".wps",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/rtf": ".rtf", "text/rtf": ".rtf", "text/plain": ".txt", "text/markdown": ".md",
}
# A link names a report when its text, title or file name says 年度报告 / 年报.
_REPORT_LINK = re.compile(r"年度报告|年报")


class FetchError(ReviewerError):
    """A web address could not be fetched; the message is one line naming it."""


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    name: str  # a file name with the suffix of its content, for the readers and the library list
    data: bytes
    content_type: str
    fetched_at: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str


def is_url(text: str) -> bool:
    return bool(re.match(r"(?i)^https?://", text.strip()))


def check_url(url: str) -> str:
    """The address, stripped, if it is an http(s) address with a host; else a `FetchError`."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{_shown(url)}: 只能从 http 或 https 网址导入")
    if not parts.hostname:
        raise FetchError(f"{_shown(url)}: 网址缺少主机名")
    return url


def _shown(url: str) -> str:
    """The address as printed in a message: control characters escaped, long ones cut."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in url)
    return text if len(text) <= 200 else text[:197] + "…"


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(f"{_shown(req.full_url)}: 重定向到了非 http(s) 地址 {_shown(newurl)}，已停止")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_Redirects())


def fetch(url: str, *, timeout: float = TIMEOUT, deadline: float = DEADLINE, max_bytes: int = MAX_BYTES) -> Fetched:
    """Download one address within the limits; the result names its content with a file suffix."""
    url = check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*",
                                                   "Accept-Encoding": "identity"})
    started = time.monotonic()
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            data = _read_limited(response, url, started, deadline, max_bytes)
            final_url = response.geturl()
            headers = response.headers
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise FetchError(f"{_shown(url)}: 重定向超过 {MAX_REDIRECTS} 次，已停止") from None
        raise FetchError(f"{_shown(url)}: 服务器返回 {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        text = "连接超时" if isinstance(reason, TimeoutError) else str(getattr(reason, "strerror", None) or reason)
        raise FetchError(f"{_shown(url)}: 无法连接（{text}）") from None
    except TimeoutError:
        raise FetchError(f"{_shown(url)}: 读取超时（{timeout:.0f} 秒内没有数据）") from None
    except (HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"{_shown(url)}: 下载失败（{type(exc).__name__}: {str(exc)[:100]}）") from None
    if not data:
        raise FetchError(f"{_shown(url)}: 服务器返回的内容为空")
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    return Fetched(url=url, final_url=final_url, name=file_name(final_url, content_type, headers, data),
                   data=data, content_type=content_type,
                   fetched_at=datetime.now(UTC).replace(microsecond=0).isoformat())


def _read_limited(response: HTTPResponse, url: str, started: float, deadline: float, max_bytes: int) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{_shown(url)}: 文件过大（{int(length) / 1048576:.0f} MB，上限 {max_bytes // 1048576} MB）")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > deadline:
            raise FetchError(f"{_shown(url)}: 下载超过 {deadline:.0f} 秒，已停止")
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{_shown(url)}: 文件过大（超过 {max_bytes // 1048576} MB），已停止下载")
        chunks.append(chunk)


def file_name(url: str, content_type: str, headers: email.message.Message | None = None,
              data: bytes = b"") -> str:
    """A file name for fetched content: the server's own (Content-Disposition), else the address's last
    segment; given the suffix of what the content is when the name's own suffix is not one the readers know
    (.jsp, .aspx, none)."""
    name = ""
    if headers is not None:
        name = headers.get_filename() or ""
        if name and "%" in name:
            name = urllib.parse.unquote(name)
    if not name:
        segment = PurePosixPath(urllib.parse.urlsplit(url).path).name
        name = urllib.parse.unquote(segment) or urllib.parse.urlsplit(url).hostname or "report"
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip() or "report"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in READER_SUFFIXES and suffix:
        return name
    by_content = _BY_TYPE.get(content_type) or _suffix_of_bytes(data)
    return name + by_content if by_content else name


def _suffix_of_bytes(data: bytes) -> str:
    head = data[:8]
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    low = data[:2048].lower()
    if b"<html" in low or b"<!doctype html" in low:
        return ".html"
    return ""


def report_links(page: Fetched) -> list[Link]:
    """The links of an HTML page that name annual reports, in page order, each address once (absolute)."""
    import lxml.html

    from reviewer.reading.html import declared_charset
    from reviewer.reading.text import decode_bytes

    if not page.name.lower().endswith(tuple(HTML_SUFFIXES)):
        return []
    text, _, _ = decode_bytes(page.data, page.name, declared_charset(page.data))
    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # an unparsable page lists nothing
        return []
    seen: set[str] = set()
    links: list[Link] = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        title = " ".join("".join(str(t) for t in a.itertext()).split())
        title_attr = (a.get("title") or "").strip()
        if len(title_attr) > len(title):
            title = title_attr  # lists cut long titles short with "…" and keep the whole one in title=
        target = urllib.parse.urljoin(page.final_url, href)
        if urllib.parse.urlsplit(target).scheme not in ("http", "https"):
            continue
        name = urllib.parse.unquote(PurePosixPath(urllib.parse.urlsplit(target).path).name)
        if not (_REPORT_LINK.search(title) or _REPORT_LINK.search(name)):
            continue
        target = urllib.parse.urldefrag(target)[0]
        if target in seen or target == page.final_url:
            continue
        seen.add(target)
        links.append(Link(title or name, target))
    return links


def listed_reports(page: Fetched) -> list[Link]:
    """The report links of a page that lists reports rather than being one: an HTML page with report links
    in which none of the three tables is found. Empty for a report page or a file."""
    from reviewer.api import parse_bytes

    links = report_links(page)
    if not links:
        return []
    try:
        record = parse_bytes(page.data, page.name, path=page.url)
    except ReviewerError:
        return links
    missing = sum(1 for f in record.parse_notes if f.rule == "MISSING")
    return links if missing == 3 else []


def source_extra(page: Fetched) -> dict[str, str]:
    """What the record's source keeps of a fetch: the address (and where it led) and when it was fetched."""
    extra = {"url": page.url, "fetched_at": page.fetched_at}
    if page.final_url != page.url:
        extra["final_url"] = page.final_url
    return extra
