"""Values captured from the report's text by a reviewer: the numbers a stretch of text prints, with their spans.

A reviewer fills a cell the parser could not (an unplaced value, a table that was not found) by pointing at the
number in the text; the value is read the way a printed cell is read (`values.parse_printed`: full-width
digits, thousands separators, units, signs) and keeps its character span, so the cell links to its source like a
parsed one. Plain functions over the text: no store, no Qt.
"""

from __future__ import annotations

import re

from reviewer.model import Number
from reviewer.values import parse_printed

Span = tuple[int, int]

# A printed number: ASCII or full-width digits, thousands separators, a decimal part, a sign, a unit.
_NUMBER = re.compile(
    r"(?<![\d０-９.．])[+\-−]?[\d０-９]+(?:[,，][\d０-９]{3})*(?:[.．][\d０-９]+)?(?:万元|元|件|条|个|项|次|宗)?"
)


def numbers_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[Number, Span]]:
    """The numbers printed in text[start:end], in reading order, each with its span in `text`."""
    end = len(text) if end is None else end
    out: list[tuple[Number, Span]] = []
    for m in _NUMBER.finditer(text, start, end):
        parsed = parse_printed(m.group())
        if parsed.kind == "number" and parsed.value is not None:
            out.append((parsed.value, (m.start(), m.end())))
    return out


def number_at(text: str, pos: int) -> tuple[Number, Span] | None:
    """The number whose printed text covers (or ends right before) the offset `pos`, if any."""
    lo = max(0, pos - 40)
    for value, span in numbers_in(text, lo, min(len(text), pos + 40)):
        if span[0] <= pos <= span[1]:
            return value, span
    return None


def value_of(text: str, span: Span) -> Number | None:
    """The value printed at `span` (an unplaced value's), or None when it is not a number."""
    parsed = parse_printed(text[span[0]:span[1]])
    return parsed.value if parsed.kind == "number" else None
