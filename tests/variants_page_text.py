"""Generators of a web page's text as stored by crawlers and page-to-text tools: every truth record rendered so.

Seen in published reports' saved text (probed locally on real pages, none kept here):

- `cell-pipes`: every table cell on a line of its own ended by a pipe (`规章 |`), a row's last cell padded with
  one pipe a column the row does not fill (`0 | ||`, `第二十条第（一）项 | |||`), an empty cell a pipe alone;
- `cell-pipes-padding-line`: the same with the padding on a line of its own (`|||`), lines stripped (an empty
  cell a pipe alone, `|`); `cell-pipes-row-openers`: every row opened by a pipe alone on its line;
- `md-cell-lines`: a Markdown row whose cells each start on a new line (`| ` then ` 规章  | ` …);
- `paragraphs`: every cell a paragraph (blank lines between them), a label broken inside its cell split into
  paragraphs (`商业` / `企业`, `（三）` / `不予公开`), an empty cell a paragraph of a no-break space;
- `md-rows-padded`: pipe rows with a leading pipe, no separator row, padded with pipes to the table's width;
- `lead-pipes`: a row's cells joined by a line break and a pipe (`规章` / `| 0` / `| 3`), an empty cell a pipe
  alone, the row closed by a pipe alone, a label wrapped in its cell continued on the next line.

And PDF-to-Markdown / OCR output that writes its tables as HTML inside the Markdown (`md-html-tables`: each table
`<html><body><table>…</table></body></html>` on one line, headings `#`; `md-html-tables-lines`: a row a line,
`<th>` header cells, entities and `<br>` inside cells), or as pipe tables that repeat a merged cell's text in
every position it covers, numbers too (`md-merged-repeated`; `-col-headers`: a generic `|Col1|Col2|…|` header).

Each case carries the record as the report prints it (`want`); the cases are scored like those of
`tests/variants_layouts.py` (tests/test_variants_page_text.py, benchmarks/layouts/page_text.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

from reviewer.parsing.traditional import PAIRS

from .builders import HEADING5 as HEAD5
from .builders import HEADING6 as HEAD6
from .builders import Span, covered
from .test_variants import RECORDS, Variant, _record
from .variants_layouts import HEADS, LayoutCase, _prose_blocks, _tables


@dataclass(frozen=True)
class PageText:
    name: str
    cells: str  # pipes | pipes_padding_line | pipes_openers | md_cell_lines | paragraphs | md_rows | lead_pipes | html | html_lines
    # | md_repeated | md_repeated_cols
    variant: Variant
    paragraph_gap: bool = False  # prose paragraphs apart by blank lines
    md: bool = False  # Markdown: headings marked "#", the file a .md
    traditional: bool = False  # a traditional-Chinese mirror of the page (繁體: 收到和處理政府信息公開申請情況)


def _v(**kw: object) -> Variant:
    return Variant("page-text", out="html", groups="span", **kw)  # type: ignore[arg-type]


PAGE_TEXT = (
    PageText("cell-pipes", "pipes", _v()),
    PageText("cell-pipes-blank-cells", "pipes", _v(blank="")),
    PageText("cell-pipes-padding-line", "pipes_padding_line", _v(numbering="half"), paragraph_gap=True),
    PageText("cell-pipes-stripped-blanks", "pipes_padding_line", _v(blank="")),
    PageText("cell-pipes-row-openers", "pipes_openers", _v(blank="", numbering="half")),
    PageText("md-cell-lines", "md_cell_lines", _v(blank="")),
    PageText("paragraphs", "paragraphs", _v(numbering="half"), paragraph_gap=True),
    PageText("traditional-cell-pipes", "pipes", _v(), traditional=True),
    PageText("traditional-paragraphs", "paragraphs", _v(numbering="half"), paragraph_gap=True, traditional=True),
    PageText("paragraphs-wrapped", "paragraphs", _v(wrap=True, blank="—"), paragraph_gap=True),
    PageText("paragraphs-blank-cells", "paragraphs", _v(blank=""), paragraph_gap=True),
    PageText("md-rows-padded", "md_rows", _v(blank="")),
    PageText("lead-pipes", "lead_pipes", _v(blank="")),
    PageText("lead-pipes-wrapped", "lead_pipes", _v(wrap=True, numbering="half")),
    PageText("md-html-tables", "html", _v(blank=""), paragraph_gap=True, md=True),
    PageText("md-html-tables-lines", "html_lines", _v(wrap=True), paragraph_gap=True, md=True),
    PageText("md-merged-repeated", "md_repeated", _v(), paragraph_gap=True, md=True),
    PageText("md-merged-repeated-col-headers", "md_repeated_cols", _v(blank=""), paragraph_gap=True, md=True),
)
ONE_CELL_A_LINE = ("pipes", "pipes_padding_line", "pipes_openers", "md_cell_lines", "paragraphs")

_NUMBER = re.compile(r"^[+\-]?\d[\d,]*(\.\d+)?(万元|元)?$")
_GROUP = re.compile(r"^([（(][一二三四五六七八九十]+[）)])(\S+)$")


def _cell_text(text: str) -> str:
    return text.replace("\n", " ")


def _repeated(grid: list[list[Span]], col_headers: bool) -> list[str]:
    """A pipe table with a merged cell's text in every position it covers (numbers too), as some PDF-to-Markdown
    tools write it; the first row the header (or a generic Col1… header above every row)."""
    cov = covered(grid)
    width = max(c for _r, c in cov) + 1
    rows = [[_cell_text(cov[(r, c)][0].text) if (r, c) in cov else "" for c in range(width)] for r in range(len(grid))]
    head = [f"Col{k + 1}" for k in range(width)] if col_headers else rows.pop(0)
    return ["\n".join(["|" + "|".join(head) + "|", "|" + "|".join("---" for _ in head) + "|",
                       *("|" + "|".join(r) + "|" for r in rows)])]


def table_text(grid: list[list[Span]], form: str) -> list[str]:
    """A table as the page's text prints it; a row is padded to the widest row's count of cells."""
    if form in ("md_repeated", "md_repeated_cols"):
        return _repeated(grid, form == "md_repeated_cols")
    width = max(len(row) for row in grid)
    lines: list[str] = []
    for row in grid:
        texts = [c.text for c in row]
        pad = "|" * (width - len(row))
        if form == "pipes":
            lines += [f"{_cell_text(t)} |" for t in texts]
            lines[-1] += f" {pad}" if pad else ""
        elif form == "pipes_openers":
            lines += ["|", *(f"{_cell_text(t)} |".strip() for t in texts)]
            lines[-1] += f" {pad}" if pad else ""
        elif form == "pipes_padding_line":
            lines += [f"{_cell_text(t)} |".strip() for t in texts]
            lines += [pad] if len(pad) > 1 else []  # one column's padding: a pipe alone is an empty cell
        elif form == "md_cell_lines":
            lines.append("| ")
            lines += [f" {_cell_text(t)}  | " for t in texts]
            lines[-1] += pad
        elif form == "lead_pipes":
            first, *rest = (t.split("\n") for t in texts)
            lines += first
            for parts in rest:
                lines += [f"| {parts[0]}".rstrip(), *parts[1:]]
            lines.append("|")
        elif form in ("html", "html_lines"):
            def td(c: Span, tag: str = "td") -> str:
                attrs = "".join(f' {a}="{n}"' for a, n in (("rowspan", c.rowspan), ("colspan", c.colspan)) if n > 1)
                body = "<br>".join(escape(part) for part in c.text.split("\n"))
                return f"<{tag}{attrs}>{body}</{tag}>"
            tag = "th" if form == "html_lines" and not any(_NUMBER.match(c.text) for c in row) else "td"
            lines.append("<tr>" + "".join(td(c, tag) for c in row) + "</tr>")
        elif form == "md_rows":
            lines.append("| " + " | ".join(_cell_text(t) for t in texts) + " |" + pad)
        else:  # paragraphs
            for t in texts:
                if not t:
                    lines.append("\u00a0")  # <p>&nbsp;</p>
                for part in t.split("\n"):
                    m = _GROUP.match(part)
                    lines += [p for p in (m.groups() if m else (part,)) if p.strip()]
    if form == "html":
        return ["<html><body><table>" + "".join(lines) + "</table></body></html>"]
    if form == "html_lines":
        return ["<table>\n" + "\n".join(lines) + "\n</table>"]
    return ["\n\n".join(lines)] if form == "paragraphs" else ["\n".join(lines)]


def render_page_text(name: str, p: PageText) -> tuple[dict, bytes]:
    rec, prose, tables = _tables(name, p.variant)
    head, tail = _prose_blocks(rec, prose, p.variant)
    parts = list(head)
    for title, (grid, _) in zip(HEADS, tables, strict=True):
        parts += ["# " + title if p.md else title, *table_text(grid, p.cells)]
    parts += ["# " + t if p.md and t in (HEAD5, HEAD6) else t for t in tail]
    text = ("\n\n" if p.paragraph_gap else "\n").join(parts)
    return rec, (_traditional(text) if p.traditional else text).encode("utf-8") + b"\n"


def _traditional(text: str) -> str:
    """The page as a traditional-Chinese mirror prints it: each simplified character in its traditional form."""
    s2t = {simplified: trad for trad, simplified in reversed([tuple(p) for p in PAIRS.split()])}
    return "".join(s2t.get(ch, ch) for ch in text)


def page_text_cases() -> Iterator[LayoutCase]:
    for p in PAGE_TEXT:
        for name in RECORDS:
            provincial = "regulations" not in _record(name)[0]["table2"]
            if provincial and p.cells in ONE_CELL_A_LINE:
                continue  # a provincial table one cell a line loses its label paths (as in test_variants)
            if provincial and p.cells == "lead_pipes":
                continue  # its grid is the seed's text (merged positions as empty cells), not a page's cells
            rec, data = render_page_text(name, p)
            if p.md:
                yield LayoutCase("md-tools", p.name, name, "md", rec, data, "report.md")
            else:
                yield LayoutCase("page-text", p.name, name, "txt", rec, data, "report.txt")
