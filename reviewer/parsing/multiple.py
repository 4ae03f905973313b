"""Several reports in one file: a second set of the three tables, or a second title followed by tables.

Reading only the first would silently drop the others' figures and errors, so such a file is refused with a
message saying where each report starts (the reviewer splits the file, one report each).
"""

from __future__ import annotations

import re

from reviewer.errors import ReadError
from reviewer.formats import load_format, load_formats
from reviewer.model import Document
from reviewer.parsing.sections import find_sections, row_text

_TITLE = re.compile(r"政府信息公开(?:工作)?年度报告")
_MAX_TITLE = 60


def _is_title(text: str) -> bool:
    t = text.strip()
    return len(t) <= _MAX_TITLE and "。" not in t and bool(_TITLE.search(t))


def report_starts(doc: Document, template: str | None) -> list[int]:
    """Row indices where each report of the document starts ([0] for a file holding one report)."""
    formats = load_formats()
    fmt = load_format(template if template in formats else sorted(formats)[-1])
    rows = doc.rows
    starts = [0]
    offset = 0
    while offset < len(rows):
        found = find_sections(rows[offset:], fmt)
        if not found:
            break
        last = max(s.title_row for s in found.values()) + offset
        rest = rows[last + 1:]
        again = find_sections(rest, fmt)
        titled = any(_is_title(row_text(r)) for r in rest[:again["table2"].title_row]) if "table2" in again else False
        if len(again) < 3 and not (titled and len(again) >= 2):
            break
        first = min(s.title_row for s in again.values()) + last + 1
        start = first
        for i in range(first - 1, last, -1):  # the second report's title, if it has one
            if _is_title(row_text(rows[i])):
                start = i
                break
        starts.append(start)
        offset = start
    return starts


def _line_of(doc: Document, row: int) -> int:
    cells = doc.rows[row]
    return doc.text.count("\n", 0, cells[0].start) + 1 if cells else 1


def refuse_several(doc: Document, template: str | None, name: str) -> None:
    """ReadError when the document holds more than one report."""
    starts = report_starts(doc, template)
    if len(starts) > 1:
        lines = "、".join(f"第 {_line_of(doc, s)} 行" for s in starts)
        raise ReadError(f"{name}: 文件中有 {len(starts)} 份报告（分别从{lines}起）；只读第一份会漏掉其余报告的数据和问题，"
                        "请拆分为每份一个文件后再读入")
