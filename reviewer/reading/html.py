"""HTML reports (government web pages): the visible text in reading order, tables expanded into full grids.

Block elements give lines; a table row gives one line of tab-joined cells, with rowspan/colspan expanded so
that a spanned cell's text stands in every grid position it covers. A table that holds another table is a
layout table (old government sites wrap the whole page in one): its cells are read as blocks, not as a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html
from lxml import etree

from reviewer.errors import ReadError
from reviewer.model import Document
from reviewer.reading.budget import meter
from reviewer.reading.cell_text import collapse, span_copy
from reviewer.reading.text import TextBuilder, decode_bytes

SKIP_TAGS = frozenset({"script", "style", "noscript", "head", "template", "title", "meta", "link", "object",
                       "embed", "iframe", "svg", "math", "select", "textarea", "button"})
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
MAX_COLUMNS = 256  # the report's tables have at most 16 columns; a wider grid is a hostile or broken page
MAX_GRID_CELLS = 200_000
MAX_SPAN = 1000  # a colspan/rowspan beyond this is a typo (browsers cap colspan at 1000 and rowspan at 65534)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in HTML text; lxml would refuse some
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset named by `<meta charset>` or `<meta http-equiv=Content-Type content="…; charset=…">`."""
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", errors="ignore") if m else None


def _tag(el: etree._Element) -> str | None:
    """Lower-case local tag name, or None for comments and processing instructions."""
    tag = el.tag
    if not isinstance(tag, str):
        return None
    return tag.rsplit("}", 1)[-1].lower()


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_DISPLAY_NONE.search(el.get("style") or ""))


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as a positive int (junk, 0 and negatives count as 1)."""
    m = re.match(r"\s*(\d+)", value or "")
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), MAX_SPAN)


def _rows_of(table: etree._Element) -> Iterator[etree._Element]:
    """The table's own rows (directly or in thead/tbody/tfoot), not those of nested tables."""
    for child in table:
        tag = _tag(child)
        if tag == "tr" and not _hidden(child):
            yield child
        elif tag in ("thead", "tbody", "tfoot") and not _hidden(child):
            for row in child:
                if _tag(row) == "tr" and not _hidden(row):
                    yield row


def _cells_of(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if _tag(child) in ("td", "th") and not _hidden(child):
            yield child


def _has_nested_table(table: etree._Element) -> bool:
    return any(_tag(el) == "table" for row in _rows_of(table) for cell in _cells_of(row)
               for el in cell.iter())


def _inline_text(el: etree._Element) -> str:
    """All visible text inside `el` (skipping script/style…) on one line; blocks and <br> count as line breaks."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = _tag(node)
        if tag is not None and tag not in SKIP_TAGS and not _hidden(node):
            if tag in BLOCK_TAGS or tag == "br":
                parts.append("\n")
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
            if tag in BLOCK_TAGS:
                parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child)
    return collapse("".join(parts))


def table_grid(table: etree._Element) -> list[list[str]]:
    """The table as a rectangular grid of cell texts, rowspan/colspan expanded (labels repeated, see span_copy).

    A grid wider than MAX_COLUMNS or larger than MAX_GRID_CELLS is a hostile or broken page: `ReadError`.
    """
    rows = list(_rows_of(table))
    m = meter()
    taken: dict[tuple[int, int], str] = {}  # (row, col) -> text of the cell covering that position
    for r, row in enumerate(rows):
        col = 0
        for cell in _cells_of(row):
            while (r, col) in taken:  # covered by a rowspan from above
                col += 1
            text = _inline_text(cell)
            rowspan = min(_span(cell.get("rowspan")), len(rows) - r)
            colspan = _span(cell.get("colspan"))
            if col + colspan > MAX_COLUMNS or len(taken) + rowspan * colspan > MAX_GRID_CELLS:
                raise ReadError(f"网页中的表格过大（超过 {MAX_COLUMNS} 列或 {MAX_GRID_CELLS} 个单元格），不像年度报告")
            m.cells(rowspan * colspan)
            copy = span_copy(text)
            for rr in range(r, r + rowspan):
                for c in range(col, col + colspan):
                    # overlapping spans (malformed): the first cell wins
                    taken.setdefault((rr, c), text if (rr, c) == (r, col) else copy)
            col += colspan
    width = max((c for _, c in taken), default=-1) + 1
    m.cells(width * len(rows) - len(taken))
    return [[taken.get((r, c), "") for c in range(width)] for r in range(len(rows))]


class _HtmlWalker:
    def __init__(self) -> None:
        self.out = TextBuilder()
        self._inline: list[str] = []
        self.meter = meter()

    def flush(self) -> None:
        if self._inline:
            self.out.line(collapse("".join(self._inline)))
            self._inline = []

    def text(self, s: str | None, pre: bool) -> None:
        if not s:
            return
        if pre and "\n" in s:
            first, *rest = s.split("\n")
            self._inline.append(first)
            for piece in rest:
                self.flush()
                self._inline.append(piece)
        else:
            self._inline.append(s)

    def walk(self, el: etree._Element, pre: bool = False) -> None:
        self.meter.tick()
        tag = _tag(el)
        if tag is not None and tag not in SKIP_TAGS and not _hidden(el):
            if tag == "table" and not _has_nested_table(el):
                self.table(el)
            elif tag == "br":
                self.flush()
            else:
                block = tag in BLOCK_TAGS
                inner_pre = pre or tag == "pre"
                if block:
                    self.flush()
                self.text(el.text, inner_pre)
                for child in el:
                    self.walk(child, inner_pre)
                if block:
                    self.flush()
        self.text(el.tail, pre)  # the tail is outside the element

    def table(self, table: etree._Element) -> None:
        self.flush()
        self.out.blank()
        for child in table:
            if _tag(child) == "caption":
                self.out.line(_inline_text(child))
        for line in table_grid(table):
            self.out.row(line)
        self.out.blank()


def read_html(data: bytes, name: str) -> Document:
    """Read an HTML page: charset from BOM/meta/content, then the visible text and table grids."""
    m = meter()
    m.size("网页", len(data), m.budget.max_html)
    text, encoding, notes = decode_bytes(data, name, declared=declared_charset(data))
    text = _CONTROL.sub("", _XML_DECL.sub("", text, count=1))
    walker = _HtmlWalker()
    if text.strip():
        try:
            # huge_tree: libxml2 would otherwise drop everything below 256 levels of nesting; the size of
            # what it parses is bounded by the budget above, and nesting deeper than the walk goes is refused
            root = lxml.html.document_fromstring(
                text, parser=lxml.html.HTMLParser(huge_tree=True, no_network=True))
        except etree.ParserError:  # "Document is empty": nothing visible; read_bytes reports it
            root = None
        if root is not None:
            body = root.find("body")
            walker.walk(body if body is not None else root)
            walker.flush()
    return walker.out.build("html", encoding=encoding, notes=notes)
