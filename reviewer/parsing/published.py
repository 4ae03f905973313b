"""The publication date a report's page states (发布时间 / 发布日期 …), read from the top of its text.

Government sites print it in the page header or in a crawler's header block; a date further down is a date in
the report, not its publication, so only the first lines are searched.
"""

from __future__ import annotations

import re
from datetime import date

HEAD_CHARS = 4000  # the header region: site chrome, crawler header, title block
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发布于|公开日期|发文日期|信息发布日期|更新时间)\s*[:：]?\s*"
    r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})")


def published_date(text: str) -> str | None:
    """The ISO date the page says the report was published on, or None."""
    for m in _PUBLISHED.finditer(text[:HEAD_CHARS]):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue  # 2024-02-30: not a date; a later label may hold a real one
    return None
