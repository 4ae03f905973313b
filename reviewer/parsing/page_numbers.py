"""A PDF's bare page number ("5") left between two rows of a table whose cells are apart by spaces.

A lone small integer on its own line is also how a one-value-a-line table prints a value, so it is page chrome
only when all hold: the table around it prints its rows with several cells a line (a label and its values),
the next line is not a lone value (as in a one-value-a-line run), the row above is not short of the row
below's values (the number would then be its wrapped last value), and the document's page sequence confirms it
(the page before or after prints its own number, N-1 or N+1, on a line of its own).
"""

from __future__ import annotations

import re

from reviewer.model import Cell
from reviewer.values import clean, parse_printed

_NUMBER = re.compile(r"^[-—–－]*(\d{1,3})[-—–－]*$")


def _page(row: list[Cell]) -> int | None:
    if len(row) != 1:
        return None
    m = _NUMBER.match(clean(row[0].text).replace(" ", ""))
    return int(m.group(1)) if m else None


def _values(row: list[Cell]) -> int:
    return sum(1 for c in row if parse_printed(c.text).kind in ("number", "null", "bad"))


class PageNumbers:
    """Tells the bare page numbers among a section's rows; what it needs of the whole document is read once."""

    def __init__(self, rows: list[list[Cell]], start: int, end: int) -> None:
        self.rows, self.start, self.end = rows, start, end
        self._spaced: bool | None = None
        self._lone: list[tuple[int, int]] | None = None  # (row, number) of every lone small integer line

    def spaced_table(self) -> bool:
        if self._spaced is None:
            self._spaced = any(len(r) > 2 and parse_printed(r[-1].text).kind == "number"
                               for r in self.rows[self.start:self.end])
        return self._spaced

    def lone(self) -> list[tuple[int, int]]:
        if self._lone is None:
            self._lone = [(k, n) for k, r in enumerate(self.rows) if (n := _page(r)) is not None]
        return self._lone

    def at(self, i: int) -> bool:
        """True when rows[i] is a bare page number inside a space-separated table (see the module's docstring)."""
        rows = self.rows
        n = _page(rows[i])
        if not n or i + 1 >= self.end or (len(rows[i + 1]) == 1 and parse_printed(rows[i + 1][0].text).kind != "text"):
            return False
        if not self.spaced_table():
            return False
        before, after = rows[i - 1] if i else [], rows[i + 1]
        if len(before) > 1 and _values(before) < _values(after):
            return False  # the row above is short of the row below's values: the number may be its wrapped last
        return any((k < i and m == n - 1) or (k > i and m == n + 1) for k, m in self.lone())
