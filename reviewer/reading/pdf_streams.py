"""How much a PDF's compressed streams inflate to, measured before pdfminer inflates them.

pdfminer decodes a content stream whole, in memory: a 1 MB file can hold a stream of 1 GiB. Every
Flate-compressed stream that is not an image (pdfminer reads images' dictionaries, not their data) is
inflated here in small steps and counted; the count stops as soon as it passes the limit.
"""

from __future__ import annotations

import re
import zlib

from reviewer.reading.budget import MB, Meter

_STREAM = re.compile(rb"stream\r?\n")
_STEP = 1 * MB


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
    try:
        while count <= budget and not d.eof and pos < len(data):
            chunk = data[pos:pos + 65536]
            pos += len(chunk)
            out = d.decompress(chunk, _STEP)
            count += len(out)
            while d.unconsumed_tail and count <= budget:
                out = d.decompress(d.unconsumed_tail, _STEP)
                count += len(out)
    except zlib.error:
        pass  # a damaged stream: pdfminer reports it (or skips it) itself
    return count


def check_streams(data: bytes, meter: Meter) -> None:
    limit = meter.budget.max_pdf_streams
    meter.size("PDF 中的压缩内容", inflated_size(data, limit), limit)
