"""How a cell's text is tidied, shared by every reader: whitespace collapsed as a browser renders it, and what
a merged cell shows in the grid positions it covers beyond its first."""

from __future__ import annotations

import re

from reviewer.values import parse_printed

_WS = re.compile(r"\s+")
_WIDE = "\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uffee"
_WIDE_BREAK = re.compile(rf"(?<=[{_WIDE}])[^\S\n]*\n\s*(?=[{_WIDE}])")


def collapse(text: str) -> str:
    """Whitespace runs (including NBSP and the ideographic space) -> one space, stripped.

    A run holding a line break between two Chinese characters vanishes instead: it is wrapping inside a cell
    ("结果\n维持" is 结果维持), as browsers render it (CSS segment-break transformation).
    """
    return _WS.sub(" ", _WIDE_BREAK.sub("", text)).strip()


def span_copy(text: str) -> str:
    """The text a merged cell shows in a grid position it covers beyond its first one.

    A label is repeated (a row's group label stands beside each of its rows); a number is not, so a value in a
    cell spanning two grid columns is read once and the other position is a blank cell.
    """
    return "" if parse_printed(text).kind in ("number", "bad") else text
