"""How much a PDF's compressed streams inflate to, measured before pdfminer inflates them.

The PDF reader decodes a content stream whole, in memory: a 1 MB file can hold a stream of 1 GiB. Every
Flate-compressed stream that is not an image (text extraction does not decode images) is
inflated here in small steps and counted; the count stops as soon as it passes the limit.
"""

from __future__ import annotations

import re
import zlib

from reviewer.reading.budget import MB, Meter

_STREAM = re.compile(rb"stream\r?\n")
_STEP = 1 * MB
# PDFium stalls for minutes on a content stream with a run of megabytes of spaces (1 MB reads in 0.2 s,
# 2 MB did not finish in a minute): no real page has even this many in a row.
MAX_SPACE_RUN = 64 * 1024
_SPACES = b" " * MAX_SPACE_RUN


class SpaceRun(Exception):
    """A stream holds a run of spaces longer than MAX_SPACE_RUN."""


def inflated_size(data: bytes, limit: int) -> int:
    """Total inflated bytes of the non-image Flate streams, counted up to just past `limit`."""
    total = 0
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - 512):m.start()]
        dict_start = head.rfind(b"<<")
        info = head[dict_start:] if dict_start >= 0 else head
        if b"/FlateDecode" not in info and b"/Fl " not in info and b"/Fl]" not in info:
            continue
        if b"/Image" in info:
            continue
        total += _inflate_count(data, m.end(), limit - total + 1)
        if total > limit:
            break
    return total


def _inflate_count(data: bytes, start: int, budget: int) -> int:
    d = zlib.decompressobj()
    count = 0
    pos = start
    tail = b""

    def seen(out: bytes) -> None:
        nonlocal count, tail
        count += len(out)
        if _SPACES in tail + out[:MAX_SPACE_RUN] or _SPACES in out:
            raise SpaceRun
        tail = out[-MAX_SPACE_RUN:]

    try:
        while count <= budget and not d.eof and pos < len(data):
            chunk = data[pos:pos + 65536]
            pos += len(chunk)
            seen(d.decompress(chunk, _STEP))
            while d.unconsumed_tail and count <= budget:
                seen(d.decompress(d.unconsumed_tail, _STEP))
    except zlib.error:
        pass  # a damaged stream: the PDF reader reports it (or skips it) itself
    return count


def check_streams(data: bytes, meter: Meter) -> None:
    limit = meter.budget.max_pdf_streams
    try:
        size = inflated_size(data, limit)
    except SpaceRun:
        raise meter.refuse(f"PDF 内容流中有超过 {MAX_SPACE_RUN // 1024} KB 的连续空格（读取器会因此停顿）") from None
    meter.size("PDF 中的压缩内容", size, limit)
