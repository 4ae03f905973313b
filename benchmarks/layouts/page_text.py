"""A web page's text as crawlers and page-to-text tools store it (tests/variants_page_text.py): cells a line
each ended by a pipe, Markdown rows whose cells start on new lines, cells as paragraphs — and Markdown with HTML
tables (PDF-to-Markdown, OCR) — every truth record."""

from __future__ import annotations

from collections.abc import Iterator

from benchmarks.layouts import Case, layout, value_findings
from tests import variants_page_text as vp


def _cases(kind: str, label: str) -> Iterator[Case]:
    for c in vp.page_text_cases():
        if c.layout != kind:
            continue
        expected = value_findings(c.want.get("expected_findings", []), c.want)
        yield Case(layout=label, fmt=c.out, name=f"{c.variant}/{c.record}", data=c.data,
                   filename=c.filename, want=c.want, expected=expected, group=c.variant)


@layout("web page text")
def page_text() -> Iterator[Case]:
    return _cases("page-text", "web page text")


@layout("pdf/ocr tool markdown")
def tool_markdown() -> Iterator[Case]:
    """PDF-to-Markdown and OCR output: tables as HTML inside the Markdown, or pipe tables repeating merged cells."""
    return _cases("md-tools", "pdf/ocr tool markdown")
