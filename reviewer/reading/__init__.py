"""Readers: a report file (txt, md, html, docx, doc/wps/rtf, pdf) -> `Document` (its text and rows of cells with spans).

`read_document` is the one entry point. Every failure is a `ReadError` with a one-line reason.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.errors import ReadError
from reviewer.model import Document

MAX_BYTES = 50 * 1024 * 1024  # a report is rarely over a few MB; refuse anything absurd

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
OFFICE_SUFFIXES = {".doc", ".dot", ".wps", ".wpt", ".rtf"}  # converted by LibreOffice (`reading.office`)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OFFICE_KINDS = {"doc": "Word 97-2003（.doc）", "wps": "WPS", "rtf": "RTF"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}  # scans, read by OCR (`reading.ocr`)


def sniff_format(data: bytes, name: str) -> str:
    """The input format from the name's suffix, checked against the content's magic bytes."""
    suffix = Path(name).suffix.lower()
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in {".docx", ".docm"} or suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            return "docx"
        raise ReadError(f"{name}: 这是一个压缩包（ZIP），不是文本报告")
    if suffix in {".docx"}:
        raise ReadError(f"{name}: 文件扩展名为 .docx，但内容不是 Word 文档（可能已损坏或被截断）")
    if suffix == ".pdf":
        raise ReadError(f"{name}: 文件扩展名为 .pdf，但内容不是 PDF（可能已损坏或被截断）")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")) and suffix in IMAGE_SUFFIXES:
        return "image"
    if head.startswith(OLE2_MAGIC):
        return "wps" if suffix in {".wps", ".wpt"} else "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if suffix in OFFICE_SUFFIXES:
        low = data[:2048].lower()
        if b"<html" in low or b"<!doctype html" in low or b"mime-version:" in low:
            return "html"  # many sites publish a web page saved under a .doc name
        raise ReadError(f"{name}: 文件扩展名为 {suffix}，但内容不是 Word/WPS 文档（可能已损坏或被截断）")
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "md"
    if suffix in TEXT_SUFFIXES:
        low = data[:2048].lower()
        # a page's source saved as text starts with its markup; a text or Markdown file with an HTML table
        # inside (PDF-to-Markdown, OCR output) is read as text, its tables by the text reader
        markup = low.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
        if markup and (b"<html" in low or b"<!doctype html" in low or b"<table" in low):
            return "html"
        return "txt"
    if suffix in IMAGE_SUFFIXES:
        raise ReadError(f"{name}: 文件扩展名为 {suffix}，但内容不是图片（可能已损坏或被截断）")
    raise ReadError(f"{name}: 不支持的文件类型 {suffix}（支持 .txt .md .html .docx .doc .wps .rtf .pdf 和扫描图片）")


def read_bytes(data: bytes, name: str) -> Document:
    """Read a report from its bytes; `name` gives the suffix and is used in messages."""
    if len(data) == 0:
        raise ReadError(f"{name}: 文件为空")
    if len(data) > MAX_BYTES:
        raise ReadError(f"{name}: 文件过大（{len(data) / 1048576:.0f} MB，上限 {MAX_BYTES // 1048576} MB）")
    fmt = sniff_format(data, name)
    from reviewer.reading.budget import metered

    try:
        with metered(name):
            doc = _read_format(fmt, data, name)
    except ReadError as exc:
        if str(exc).startswith(name):
            raise
        raise ReadError(f"{name}: {exc}") from exc
    except RecursionError as exc:  # nesting deeper than a reader walks
        raise ReadError(f"{name}: 文件的结构嵌套过深，无法读取") from exc
    except MemoryError as exc:
        raise ReadError(f"{name}: 读取时内存不足，拒绝读取") from exc
    except Exception as exc:  # a reader library failed on malformed input: say so in one line
        raise ReadError(f"{name}: 无法读取（{type(exc).__name__}: {str(exc)[:120]}）") from exc
    if not doc.text.strip():
        raise ReadError(f"{name}: 文件中没有可读的文字")
    return doc


def _read_format(fmt: str, data: bytes, name: str) -> Document:
    if fmt == "pdf":
        from reviewer.reading.pdf import read_pdf

        return read_pdf(data, name)
    if fmt == "docx":
        from reviewer.reading.docx import read_docx

        return read_docx(data, name)
    if fmt == "image":
        from reviewer.reading.ocr import read_image_file

        return read_image_file(data, name)
    if fmt in OFFICE_KINDS:
        from reviewer.reading.docx import read_docx
        from reviewer.reading.office import convert_to_docx

        doc = read_docx(convert_to_docx(data, name, OFFICE_KINDS[fmt]), name)
        doc.source_format = fmt
        doc.notes.append(f"{name}: 已用 LibreOffice 将 {OFFICE_KINDS[fmt]} 文件转换为 .docx 后读取")
        return doc
    if fmt == "html":
        from reviewer.reading.html import read_html

        return read_html(data, name)
    from reviewer.reading.text import read_text

    return read_text(data, name, markdown=(fmt == "md"))


def read_document(path: str | Path) -> tuple[Document, bytes]:
    """Read a report file; returns the document and the file's bytes (kept by the store)."""
    p = Path(path)
    data = load_bytes(p)
    return read_bytes(data, p.name), data


def load_bytes(path: str | Path) -> bytes:
    """A report file's bytes, refused in one line when too large, unreadable or not a regular file.

    The file is opened without blocking and checked with `fstat` before a byte is read: a FIFO, a device
    (`/dev/zero`) or a socket is refused, never read."""
    import os
    import stat

    from reviewer.reading.walk import not_regular_reason

    p = Path(path)
    try:
        st = p.stat()
        reason = not_regular_reason(p, st.st_mode)
        if reason:
            raise ReadError(reason)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(str(p))
        if st.st_size > MAX_BYTES:
            raise ReadError(f"{p.name}: 文件过大（{st.st_size / 1048576:.0f} MB，上限 {MAX_BYTES // 1048576} MB）")
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            reason = not_regular_reason(p, os.fstat(f.fileno()).st_mode)  # swapped since the stat?
            if reason:
                raise ReadError(reason)
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ReadError(f"{p.name}: 文件过大（超过 {MAX_BYTES // 1048576} MB）")
    except ReadError:
        raise
    except IsADirectoryError as exc:
        raise ReadError(f"{p}: 这是一个文件夹，不是文件") from exc
    except FileNotFoundError as exc:
        raise ReadError(f"{p}: 文件不存在") from exc
    except PermissionError as exc:
        raise ReadError(f"{p}: 没有读取权限") from exc
    except OSError as exc:
        raise ReadError(f"{p}: 无法读取（{exc.strerror or exc}）") from exc
    return data
