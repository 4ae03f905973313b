"""Plain text -> rows of cells, whatever the layout the text was extracted with.

Layouts seen in real reports: one cell per line (each cell line starts with a tab, rows separated by blank
lines, a wrapped label continues on a line without a tab); tab-separated rows; Markdown pipe tables; PDF text
with cells separated by spaces; a web page's text with every cell on a line of its own ended by a pipe
(`规章 |`, the row's last cell padded with one pipe a column it does not fill: `0 | ||`, the padding sometimes
on a line of its own); or with its cells joined by a line break and a pipe (`规章` / `| 0` / `| 3`, an empty cell
a pipe alone, the row closed by a last pipe alone); HTML tables inside Markdown (PDF-to-Markdown and OCR tools
write `<table><tr><td>…` blocks), their spans expanded as a web page's. Prose lines become rows of one cell.
Every cell keeps its span in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from reviewer.model import Cell
from reviewer.reading.budget import meter
from reviewer.reading.cell_text import collapse, span_copy

_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE_LINE = re.compile(r"^[\s\-=_|:+\t]+$")  # '----\t---', '+----+----+' (Markdown grid tables) rules
_NUMBER_TOKEN = re.compile(r"^[+\-−]?\d[\d,]*(\.\d+)?(万元|元|件|条)?$")
_WS = re.compile(r"[ \u3000\u00a0]+")
_CLAUSE_END = set(",，、;；:：")  # a table row never ends in a clause break


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _cell(text: str, start: int, end: int) -> Cell:
    """A cell over text[start:end], trimmed of surrounding white space."""
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    if not stripped:
        return Cell("", start, start)
    s = start + lead
    return Cell(stripped, s, s + len(stripped))


def _split(text: str, start: int, line: str, sep: str) -> list[Cell]:
    cells = []
    pos = start
    for part in line.split(sep):
        cells.append(_cell(text, pos, pos + len(part)))
        pos += len(part) + len(sep)
    return cells


_PIPE = re.compile(r"(?<!\\)\|")  # a cell separator; "\|" is a pipe inside a cell (escaped Markdown)


def _split_pipes(text: str, start: int, line: str) -> list[Cell]:
    cells = []
    pos = 0
    for m in _PIPE.finditer(line):
        cells.append(_cell(text, start + pos, start + m.start()))
        pos = m.end()
    cells.append(_cell(text, start + pos, start + len(line)))
    # a leading/trailing pipe makes an empty first/last field that is not a cell
    if line.strip().startswith("|") and cells and not cells[0].text:
        cells = cells[1:]
    if line.strip().endswith("|") and cells and not cells[-1].text:
        cells = cells[:-1]
    return cells


def _split_spaces(text: str, start: int, line: str) -> list[Cell]:
    cells = []
    for m in re.finditer(r"\S+", line):
        cells.append(Cell(m.group(), start + m.start(), start + m.end()))
    return cells


def _is_sentence(line: str) -> bool:
    s = line.strip()
    return "。" in s or len(s) > 60


def _splits_on_spaces(line: str) -> bool:
    """A space-separated table row (PDF text): short, or holding at least two number tokens."""
    s = line.strip()
    if not _WS.search(s) or "。" in s or s[-1] in _CLAUSE_END:
        return False  # a sentence, or a line of prose wrapped after a comma (PDF text)
    tokens = s.split()
    if any(_NUMBER_TOKEN.match(a) and b[0] in "年月日%％" for a, b in zip(tokens, tokens[1:], strict=False)):
        return False  # "2020 年,我单位…": a date in prose, its unit split off by the extraction
    numbers = sum(1 for t in tokens if _NUMBER_TOKEN.match(t))
    return numbers >= 2 or (len(s) <= 40 and numbers >= 1) or (len(s) <= 30 and len(tokens) >= 3)


def _line_row(text: str, start: int, line: str) -> list[Cell] | None:
    if not line.strip():
        return None
    if _PIPE_SEP.match(line) or (_RULE_LINE.match(line) and ("-" in line or "=" in line)):
        return None  # a rule line carries no cell
    if "\t" in line:
        return _split(text, start, line, "\t")
    if line.count("|") >= 2 or line.strip().startswith("|"):
        return _split_pipes(text, start, line)
    stripped = line.strip()
    if stripped.startswith("#"):  # a Markdown heading
        s = start + line.index(stripped) + len(stripped) - len(stripped.lstrip("#").lstrip())
        return [Cell(text[s: start + len(line.rstrip())], s, start + len(line.rstrip()))]
    if _splits_on_spaces(line):
        return _split_spaces(text, start, line)
    return [_cell(text, start, start + len(line))]


# "规章 |", "0 | ||" (the row's padding after it), "|" (an empty cell: the pipe after nothing)
_CELL_PIPE = re.compile(r"^\s*(?P<text>[^|\s](?:[^|]*[^|\s])?)?\s*\|[\s|]*$")


def _cell_pipe_lines(block: list[tuple[int, str]]) -> bool:
    """A block printed one cell a line, each ended by a pipe: nearly all of its pipe lines hold one cell (text,
    then nothing but pipes) or pipes alone (a row's padding, a Markdown row opened on a line of its own)."""
    piped = [ln for _, ln in block if "|" in ln]
    if len(piped) < 4:
        return False
    cells = sum(1 for ln in piped if _CELL_PIPE.match(ln) and not ln.startswith("|"))
    pads = sum(1 for ln in piped if _CELL_PIPE.match(ln) and ln.startswith("|") and not ln.strip("| \t"))
    return cells >= 3 and cells + pads >= 0.9 * len(piped)


def _cell_pipe_row(text: str, start: int, line: str, nxt: str) -> list[Cell] | None:
    """One cell of a cell-a-line block: its text; a pipe alone is an empty cell ("" then its pipe), except a
    Markdown row's opening "| " before a cell line that starts with white space; pipes alone are a row's
    padding."""
    m = _CELL_PIPE.match(line)
    if m is None or line.startswith("|") and m.group("text") is not None:
        return _line_row(text, start, line)
    if m.group("text") is not None:
        return [Cell(m.group("text"), start + m.start("text"), start + m.end("text"))]
    if line.count("|") > 1:
        return None
    opener = line.startswith("|") and line.rstrip() != line and nxt[:1].isspace() and "|" in nxt
    at = start + line.index("|")
    return None if opener else [Cell("", at, at)]


_LEAD_PIPE = re.compile(r"^\|[^|]*$")  # "| 0", "|": a cell opened by a pipe, nothing after it


def _lead_pipe_lines(block: list[tuple[int, str]]) -> bool:
    """A block whose rows are printed `first cell` / `| cell` / … / `|`: nearly every pipe line opens a cell
    with its only pipe, and pipes alone (empty cells, the rows' ends) are among them."""
    piped = [ln.strip() for _, ln in block if "|" in ln]
    lead = [ln for ln in piped if _LEAD_PIPE.match(ln)]
    bare = sum(1 for ln in lead if ln == "|")
    return len(piped) >= 6 and bare >= 2 and len(lead) - bare >= 3 and len(lead) >= 0.9 * len(piped)


def _lead_pipe_rows(text: str, block: list[tuple[int, str]]) -> list[list[Cell]]:
    """Rows of a `cell` / `| cell` / `|` block. A pipe alone is an empty cell when another cell of the row
    follows, else the row's end; a line without a pipe starts a row when a cell follows it, continues the
    cell before it inside a row (a label wrapped in its cell), and is prose otherwise."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    for k, (start, line) in enumerate(block):
        s = line.strip()
        nxt = block[k + 1][1].strip() if k + 1 < len(block) else ""
        if s.startswith("|") and _LEAD_PIPE.match(s):
            at = start + line.index("|") + 1
            if s == "|" and not nxt.startswith("|"):
                if row:
                    rows.append(row)
                row = []
            else:
                row.append(_cell(text, at, start + len(line)))
        elif row:
            row[-1] = _continued(row[-1], _cell(text, start, start + len(line)))
        elif nxt.startswith("|"):
            row = [_cell(text, start, start + len(line))]
        else:
            line_row = _line_row(text, start, line)
            if line_row:
                rows.append(line_row)
    if row:
        rows.append(row)
    return rows


def _continued(prev: Cell, cont: Cell) -> Cell:
    """A cell wrapped onto the next line: one cell over both (an empty first part is no part)."""
    return Cell(prev.text + cont.text, prev.start, cont.end) if prev.text else cont


def _is_cell_per_line_block(block: list[tuple[int, str]]) -> bool:
    tab_lines = [ln for _, ln in block if ln.startswith("\t")]
    if len(tab_lines) < 2:
        return False
    return all(ln.count("\t") == 1 for ln in tab_lines) and not any(
        ln.count("|") >= 2 for _, ln in block)


def _cell_per_line_rows(text: str, block: list[tuple[int, str]]) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    cells: list[Cell] = []
    for start, line in block:
        if line.startswith("\t"):
            cells.append(_cell(text, start + 1, start + len(line)))
        elif cells and not _is_sentence(line):
            cells[-1] = _continued(cells[-1], _cell(text, start, start + len(line)))  # a wrapped label
        else:
            if cells:
                rows.append(cells)
                cells = []
            row = _line_row(text, start, line)
            if row:
                rows.append(row)
    if cells:
        rows.append(cells)
    return rows


def text_to_rows(text: str) -> list[list[Cell]]:
    """All rows of a text, in order: table rows as several cells, prose lines as one cell."""
    tables = list(_HTML_TABLE.finditer(text)) if "<t" in text.lower() else []
    rows: list[list[Cell]] = []
    pos = 0
    for m in tables:
        rows += _plain_rows(text, pos, m.start())
        rows += _html_table_rows(text, m.start(), m.end())
        pos = m.end()
    return rows + _plain_rows(text, pos, len(text))


def _plain_rows(text: str, lo: int, hi: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if not block:
            return
        if _is_cell_per_line_block(block):
            rows.extend(_cell_per_line_rows(text, block))
        elif _lead_pipe_lines(block):
            rows.extend(_lead_pipe_rows(text, block))
        elif _cell_pipe_lines(block):
            rows.extend(r for k, (start, line) in enumerate(block)
                        if (r := _cell_pipe_row(text, start, line, block[k + 1][1] if k + 1 < len(block) else "")))
        else:
            for start, line in block:
                row = _line_row(text, start, line)
                if row:
                    rows.append(row)
        block.clear()

    m = meter()
    lines = list(_lines(text[lo:hi]))
    for k, (start, line) in enumerate(lines):
        m.tick()
        if (line.strip() == "" and not line.startswith("\t")) or _TAGS_ONLY.match(line):
            flush()
            if line.strip("\r") and _empty_paragraph(lines, k):
                rows.append([Cell("", lo + start, lo + start)])
        else:
            block.append((lo + start, line.rstrip("\r")))
    flush()
    return rows


def _empty_paragraph(lines: list[tuple[int, str]], k: int) -> bool:
    """A paragraph of white space alone between empty lines: an empty cell of a table printed a cell a paragraph
    (a page's `<p>&nbsp;</p>`)."""
    return 0 < k < len(lines) - 1 and not lines[k - 1][1].strip("\r") and not lines[k + 1][1].strip("\r")


# an HTML table written into Markdown or text (its own <table>…</table>, not nested)
_HTML_TABLE = re.compile(r"<table\b[^>]*>.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</table|</tbody|</thead|</tfoot|$)", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t[dh]\b([^>]*)>(.*?)(?:</t[dh]\s*>|(?=<t[dh]\b)|(?=</tr)|$)", re.IGNORECASE | re.DOTALL)
_HTML_SPAN = re.compile(r"\b(rowspan|colspan)\s*=\s*[\"']?\s*(\d+)", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>]*>")
_TAGS_ONLY = re.compile(r"^\s*(?:</?[a-zA-Z][^>]*>\s*)+$")  # "<html><body>" around a table: no text
_MAX_SPAN = 64


def _html_table_rows(text: str, lo: int, hi: int) -> list[list[Cell]]:
    """The rows of an HTML table inside a text: rowspan/colspan expanded as the web-page reader does (a label
    in every position it covers, a number once); each cell's span is its content in the text."""
    taken: dict[tuple[int, int], Cell] = {}
    nrows = 0
    m = meter()
    for r, row in enumerate(_HTML_ROW.finditer(text, lo, hi)):
        nrows = r + 1
        col = 0
        for cell in _HTML_CELL.finditer(text, row.start(1), row.end(1)):
            while (r, col) in taken:
                col += 1
            spans = {k.lower(): min(max(int(v), 1), _MAX_SPAN) for k, v in _HTML_SPAN.findall(cell.group(1))}
            raw = _HTML_BREAK.sub("\n", cell.group(2))
            value = collapse(unescape(_HTML_TAG.sub("", raw)).replace("\u00a0", " "))
            first = Cell(value, cell.start(2), cell.end(2))
            copy = Cell(span_copy(value), cell.start(2), cell.start(2)) if span_copy(value) == "" else \
                Cell(value, cell.start(2), cell.end(2))
            rowspan, colspan = spans.get("rowspan", 1), spans.get("colspan", 1)
            m.cells(rowspan * colspan)
            for rr in range(r, r + rowspan):
                for c in range(col, col + colspan):
                    taken.setdefault((rr, c), first if (rr, c) == (r, col) else copy)
            col += colspan
    width = max((c for _, c in taken), default=-1) + 1
    out = []
    for r in range(nrows):
        cells = [taken.get((r, c)) or Cell("", lo, lo) for c in range(width)]
        if any(c.text for c in cells):
            out.append(cells)
    return out
