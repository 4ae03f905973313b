"""Table rows of a section region: label text, value cells, and fitting values to a row's columns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reviewer.model import Cell
from reviewer.parsing.page_numbers import PageNumbers
from reviewer.values import Parsed, clean, parse_printed

VALUE_KINDS = ("number", "null", "bad")  # what takes a column: a number, a printed "—", a malformed number


@dataclass(slots=True)
class Value:
    cell: Cell
    parsed: Parsed

    @property
    def blank(self) -> bool:
        return self.parsed.kind == "blank"


@dataclass(slots=True)
class DataRow:
    """A row holding values (or a label followed by blank cells)."""

    index: int  # row index in the document
    label_cells: list[Cell]  # the text cells, in order (empty cells as "")
    values: list[Value]
    before: str = ""  # label-only text since the previous data row (wrapped or vertical labels)
    after: str = ""  # label-only text up to the next data row
    trailing_text: str = ""  # text cells printed after the values

    @property
    def label(self) -> str:
        """The label cells joined; a merged cell repeated across columns counts once."""
        parts: list[str] = []
        for c in self.label_cells:
            if c.text and (not parts or parts[-1] != c.text):
                parts.append(c.text)
        return "".join(parts) + self.trailing_text

    @property
    def numbers(self) -> list[Value]:
        return [v for v in self.values if v.parsed.kind == "number"]

    @property
    def has_numbers(self) -> bool:
        return any(v.parsed.kind in VALUE_KINDS for v in self.values)


@dataclass(slots=True)
class Region:
    data: list[DataRow]
    label_rows: list[tuple[int, list[Cell]]] = field(default_factory=list)  # header / label-only rows
    prose_rows: list[int] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)


# a page number between dashes ("- 4 -", "— 5 —"), "第3页 共8页", "3/8"; a lone "-3" is a signed value; a
# flipbook's page text opens each page with "Page 5 - <the book's name>" and "P. 5"
_FOOTER = re.compile(r"^[-—–－]+\d{1,3}[-—–－]+$|^第\d+页(共\d+页)?$|^\d+/\d+$|^(?:Page|PAGE)\d{1,3}(?:[-—–].*)?$|^P\.\d{1,3}$")


def is_page_footer(row: list[Cell]) -> bool:
    """A page number printed into the table by extraction: "- 4 -", "— 5 —", "第3页"."""
    text = clean("".join(c.text for c in row)).replace(" ", "").replace("\u3000", "")
    return bool(text) and bool(_FOOTER.match(text))


def is_prose(row: list[Cell]) -> bool:
    if len(row) != 1:
        return False
    t = row[0].text
    return "。" in t or (len(t) > 40 and ("，" in t or "," in t))


def scan(rows: list[list[Cell]], start: int, end: int) -> Region:
    """Split a section's rows into data rows (with values), label-only rows and prose."""
    region = Region([])
    pending: list[str] = []
    vertical: DataRow | None = None  # a row printed one value per line, no tabs (text copied from a page)
    label_row: tuple[int, list[Cell]] | None = None  # the label-only row just before
    pages = PageNumbers(rows, start, end)
    for i in range(start, end):
        row = rows[i]
        if is_prose(row):
            region.prose_rows.append(i)
            continue
        if is_page_footer(row) or (len(row) == 1 and pages.at(i)):
            region.footer_rows.append(i)
            continue
        kind = parse_printed(row[0].text).kind if len(row) == 1 else ""
        # one value a line; in such a run an empty cell printed on its own line is a blank value (a page's
        # text with every cell on a line of its own keeps its empty cells)
        single = kind in VALUE_KINDS or (kind == "blank" and (vertical is not None or label_row is not None))
        if single and (vertical is not None or label_row is not None):
            if vertical is None:
                assert label_row is not None
                vertical = DataRow(label_row[0], list(label_row[1]), [], before="".join(pending[:-1]))
                region.label_rows.remove(label_row)
                pending = []
                region.data.append(vertical)
            vertical.values.append(Value(row[0], parse_printed(row[0].text)))
            label_row = None
            continue
        vertical = None
        label_row = None
        kinds = [parse_printed(c.text) for c in row]
        first_val = next((k for k, p in enumerate(kinds) if p.kind in VALUE_KINDS), None)
        if first_val is None:
            last_text = max((k for k, p in enumerate(kinds) if p.kind == "text"), default=None)
            blanks_after = 0 if last_text is None else sum(1 for p in kinds[last_text + 1:] if p.kind == "blank")
            if last_text is not None and blanks_after > 0:
                # a label followed by blank cells: a row whose values were all left blank
                labels = row[: last_text + 1]
                values: list[Value] = [Value(c, p) for c, p in zip(row[last_text + 1:], kinds[last_text + 1:],
                                                                   strict=True)]
                region.data.append(DataRow(i, labels, values, before="".join(pending)))
                pending = []
            else:
                region.label_rows.append((i, row))
                label_row = (i, row)
                text = "".join(c.text for c in row)
                if text:
                    pending.append(text)
            continue
        last_label = max((k for k in range(first_val) if kinds[k].kind == "text"), default=-1)
        labels = row[: last_label + 1]
        values = []
        trailing: list[str] = []
        for c, p in zip(row[last_label + 1:], kinds[last_label + 1:], strict=True):
            if p.kind == "text":
                trailing.append(c.text)
            else:
                values.append(Value(c, p))
        region.data.append(DataRow(i, list(labels), values, before="".join(pending), trailing_text="".join(trailing)))
        pending = []
    region.data = _join_detached(region.data, set(region.footer_rows))
    # the label text between two data rows may belong to either: it is the one's after, the other's before
    for a, b in zip(region.data, region.data[1:], strict=False):
        a.after = b.before
    if region.data:
        region.data[-1].after = "".join(pending)
    return region


def _join_detached(data: list[DataRow], footers: set[int]) -> list[DataRow]:
    """A label row whose cells are all blank followed at once by a row of values without a label: one row
    (a PDF converted to Markdown prints a row's label in a pipe row of its own, its values in the next)."""
    out: list[DataRow] = []
    i = 0
    while i < len(data):
        a = data[i]
        nxt = data[i + 1] if i + 1 < len(data) else None
        if (nxt is not None and a.label and not a.has_numbers and nxt.has_numbers and not nxt.label
                and all(k in footers for k in range(a.index + 1, nxt.index))):
            out.append(DataRow(a.index, a.label_cells, nxt.values, before=a.before))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


@dataclass(slots=True)
class Fit:
    values: list[Value | None]  # one per column (None: the row printed nothing there)
    extra: list[Value]  # values read but not placed
    short: bool  # fewer values than columns


def fit(row: DataRow, n: int, prefer: str = "first",
        accept: Callable[[list[Value | None]], bool] | None = None) -> Fit:
    """Fit a row's value cells to n columns.

    Blank cells count where the row needs them (a blank in the middle is a blank column); extra blanks at the
    ends are layout. A row with one value too many is tried as a cell split in two ("20" read as "2", "0")
    when `accept` can tell which merge is right.
    """
    vals = list(row.values)
    lo, hi = 0, len(vals)
    while lo < hi and vals[lo].blank:
        lo += 1
    while hi > lo and vals[hi - 1].blank:
        hi -= 1
    core = vals[lo:hi]
    if len(core) == n:
        return Fit(list(core), [], False)
    if len(core) < n:
        if len(vals) == n:
            return Fit(list(vals), [], False)
        # extend with trailing blank cells first (blank last columns), then leading ones
        take: list[Value | None] = list(core)
        t = hi
        while len(take) < n and t < len(vals):
            take.append(vals[t])
            t += 1
        s = lo
        while len(take) < n and s > 0:
            s -= 1
            take.insert(0, vals[s])
        short = len(take) < n
        while len(take) < n:
            take.append(None)
        return Fit(take, [], short)
    # more value positions than columns
    filled = [v for v in core if not v.blank]
    if len(filled) == n:
        # the blanks are the positions a value cell's colspan covers (a Word table whose cell borders do not
        # line up with the header's): the printed values, in order, are the row's cells
        return Fit(list(filled), [], False)
    if len(vals) > n and len(vals) % n == 0:
        # every value cell spanning k positions: a value stands at the start of its column's span
        k = len(vals) // n
        if all(i % k == 0 for i, v in enumerate(vals) if not v.blank):
            return Fit([vals[j * k] for j in range(n)], [], False)
    if len(core) == n + 1 and accept is not None:
        merged = _try_merge(core, accept)
        if merged is not None:
            return Fit(merged, [], False)
    if prefer == "last":
        return Fit(list(core[-n:]), list(core[:-n]), False)
    return Fit(list(core[:n]), list(core[n:]), False)


def _try_merge(core: list[Value], accept: Callable[[list[Value | None]], bool]) -> list[Value | None] | None:
    """One pair of adjacent digit cells joined back ("2" "0" -> 20), if exactly one join is accepted."""
    found: list[list[Value | None]] = []
    for k in range(len(core) - 1):
        a, b = core[k], core[k + 1]
        ta, tb = clean(a.cell.text), clean(b.cell.text)
        if not (ta.isdigit() and tb.isdigit()):
            continue
        joined = Cell(ta + tb, a.cell.start, b.cell.end)
        v = Value(joined, parse_printed(joined.text))
        cand: list[Value | None] = [*core[:k], v, *core[k + 2:]]
        if accept(cand):
            found.append(cand)
    return found[0] if len(found) == 1 else None
