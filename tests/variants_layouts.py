"""Generators of the layouts #8 (part 2) reads: every truth record rendered as real reports print it.

- `pdf-md`: PDF converted to Markdown — row labels detached from their value rows (labels on lines of their
  own, pipe rows of values without labels), group labels pushed into an extra first cell, one label split
  across two cells, page footers (`— 5 —`) inside tables, multi-line table-2 cells pulled out as loose lines.
- `word-html`: a Word document saved as a web page — table-2 value cells whose colspans do not line up with
  the header, blanks written `&nbsp;` or `<o:p> </o:p>`, labels split over `<span>`/`<font>`, a metadata
  table (名称 · 索引号 · 发布日期) before the report.
- `t3-2019-other`: a 2021 report whose table 3 prints the 2019 single （六）其他处理 row (txt, md, html).
- `label-variants`: labels that differ from the form — 规范性文件, 行政法复议, wrong section numbers, a row
  label printed twice (txt, md, html).

Each case carries the record as the report prints it (`want`); a test or the accuracy benchmark parses
`data` and compares cell by cell. The records are those of `tests/test_variants.py` (every seed, the real
淮安 report, a 2019-format report derived from a seed and a record with a different figure in every cell).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from typing import Any

from . import builders as b
from .builders import Span
from .test_variants import (
    RECORDS,
    Variant,
    _record,
    blanked,
    expand,
    table2_grid,
    table3_grid,
    table4_grid,
    title_lines,
)

HEADS = (b.HEADING2, b.HEADING3, b.HEADING4)
NUMBER = re.compile(r"^[+\-]?\d[\d,]*(\.\d+)?(万元|元)?$")


@dataclass(frozen=True)
class LayoutCase:
    layout: str  # pdf-md | word-html | t3-2019-other | label-variants
    variant: str
    record: str
    out: str  # md | html | txt
    want: dict[str, Any]  # the record as the report prints it
    data: bytes
    filename: str

    @property
    def id(self) -> str:
        short = self.record if "-" in self.record[:4] else self.record[:3]
        return f"{self.layout}-{self.variant}-{short}"


def _is_value(text: str) -> bool:
    return bool(NUMBER.match(text.strip()))


# --- shared pieces ------------------------------------------------------------------------------------------


def _tables(name: str, v: Variant) -> tuple[dict[str, Any], dict[str, list[str]], list[tuple[list[list[Span]], int]]]:
    rec, prose = _record(name)
    full, rec = rec, blanked(rec, v)
    if rec is not full:  # rows an expected finding names keep their zeros (a blank would leave it undecided)
        for f in full.get("expected_findings", []):
            for cid in f["cells"]:
                table, row = cid.split(":")[:2]
                if row in full.get(table, {}):
                    rec[table][row] = dict(full[table][row])
    t3, t3_head = table3_grid(rec, v)
    return rec, prose, [(table2_grid(rec, v, name), 0), (t3, t3_head), (table4_grid(rec, v), 0)]


def _prose_blocks(rec: dict[str, Any], prose: dict[str, list[str]], v: Variant) -> tuple[list[str], list[str]]:
    head = [*title_lines(rec, prose["title"], v), *prose["intro"], "一、总体情况", *prose["overview"]]
    tail = [b.HEADING5, *prose["problems"], b.HEADING6, *prose["other"]]
    return head, tail


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "") for c in cells) + " |"


# --- layout 2: PDF converted to Markdown ----------------------------------------------------------------------

@dataclass(frozen=True)
class PdfMd:
    name: str
    # "" | values (pipe rows of values alone) | empty (an empty label cell before the values) | lines (each
    # label of the path on a line of its own, a long label wrapped over two lines)
    detached: str = ""
    group_cells: bool = False  # group labels pushed into an extra first cell
    split_labels: bool = False  # a long label split across two cells
    loose_t2: bool = False  # multi-line table-2 cells pulled out as loose lines of text
    footer: str = "— 5 —"  # "" for none


PDF_MD = (
    PdfMd("detached-values", detached="values"),
    PdfMd("detached-empty-cell", detached="empty"),
    PdfMd("group-cells-split-labels", group_cells=True, split_labels=True),
    PdfMd("group-cells", group_cells=True),
    PdfMd("loose-t2-lines", loose_t2=True, split_labels=True),
    PdfMd("detached-loose-t2", detached="values", loose_t2=True),
    PdfMd("detached-wrapped-lines", detached="lines", footer="第 5 页 共 9 页"),
    PdfMd("detached-label-rows", detached="rows"),
    PdfMd("detached-lines-group-cells", detached="lines", group_cells=True, loose_t2=True, footer="- 5 -"),
    # a flipbook's page text: each page opens with "Page N - <the book's name>" and "P. N", digits and all
    PdfMd("flipbook-page-header", footer="Page 5 - 2021年报_政府信息公开\nP. 5"),
)


def _split_label(text: str) -> list[str]:
    """A long label as a PDF converter splits it over two cells (at the middle)."""
    if len(text) < 8:
        return [text]
    k = len(text) // 2
    return [text[:k], text[k:]]


def _pdf_md_table(rows: list[list[str]], key: str, p: PdfMd) -> list[str]:
    out: list[str] = []
    width = max(len(r) for r in rows)
    data_seen = 0
    prev_groups: list[str] = []
    for row in rows:
        first_val = next((k for k, c in enumerate(row) if c and _is_value(c)), None)
        labels = [c for c in row[: first_val if first_val is not None else len(row)] if c]
        values = row[first_val:] if first_val is not None else []
        if first_val is None or not labels:
            out.append(_md_row(row + [""] * (width - len(row))))
            continue
        data_seen += 1
        if p.footer and data_seen == 5:  # a page break inside the table
            lines = p.footer.split("\n")  # a page header of two lines is never a row of the table
            out += ["", *lines, ""] if key == "table3" or len(lines) > 1 else [_md_row([p.footer])]
        if not (p.detached or p.group_cells or p.split_labels or p.loose_t2):
            out.append(_md_row(row + [""] * (width - len(row))))  # as converted, empty merged cells kept
            continue
        if key == "table2" and p.loose_t2 and labels[-1] in ("行政规范性文件", "行政事业性收费", "规范性文件"):
            top, bottom = labels[-1][:-2], labels[-1][-2:]
            if p.detached == "lines":  # every label line is printed apart: the two lines of the cell too
                labels = [*labels[:-1], top, bottom]
            else:
                out += ["", top, ""]  # the top line of a two-line cell, pulled out of the table
                labels = [*labels[:-1], bottom]
        if p.group_cells and key == "table3":
            # a group label stands in an extra first cell on the first row of its group only
            groups, own = labels[:-1], labels[-1]
            new = [g for g in groups if g not in prev_groups]
            prev_groups = groups
            labels = [*new, own]
        if p.split_labels:
            labels = [*labels[:-1], *_split_label(labels[-1])]
        if p.detached == "lines":
            for label in labels:
                parts = [label[:12], label[12:]] if len(label) > 14 else [label]
                out += ["", *parts, ""]
            out.append(_md_row(values))
        elif p.detached == "rows":  # the label in a pipe row of its own, its values in the next one
            out.append(_md_row(["".join(labels), *("" for _ in values)]))
            out.append(_md_row(["", *values]))
        elif p.detached:
            out.append("")
            out.append("".join(labels))  # the label as a line of its own
            out.append("")
            out.append(_md_row(([""] if p.detached == "empty" else []) + values))
        else:
            out.append(_md_row(labels + values))
    return out


def _pdf_md_t2_header(rows: list[list[str]], p: PdfMd) -> list[list[str]]:
    """Table 2's header cells wrapped over two lines in the PDF: the converter keeps the first line in the
    cell and pulls the rest out as a line of text (returned as a one-cell row, printed outside the table)."""
    if not p.loose_t2:
        return rows
    out: list[list[str]] = []
    for row in rows:
        if any("（单位：万元）" in c for c in row):
            out.append([c.replace("（单位：万元）", "（单位：") for c in row])
            out.append(["万元）"])
        else:
            out.append(row)
    return out


def _as_pdf_text(line: str, tabs: bool) -> str | None:
    """A Markdown line as the PDF's text layer prints it: cells apart by spaces, no pipes, no rule lines
    (`tabs`: a provincial table copied with its empty merged cells, tab-separated)."""
    if not line.startswith("|"):
        return line
    cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
    if all(set(c) <= {"-"} for c in cells):
        return None
    return "\t".join(cells) if tabs else "  ".join(c for c in cells if c)


def render_pdf_md(name: str, p: PdfMd, out: str = "md") -> tuple[dict[str, Any], bytes]:
    v = Variant(p.name, out="md", groups="first")
    rec, prose, tables = _tables(name, v)
    head, tail = _prose_blocks(rec, prose, v)
    lines = ["\n\n".join(head)]
    for title, (grid, _h), key in zip(HEADS, tables, ("table2", "table3", "table4"), strict=True):
        lines.append(title)
        rows = expand(grid, repeat_rows=False)
        if key == "table2" and "regulations" not in rec["table2"]:
            # a provincial table 2 keeps its rows by label path: a label detached or split cannot be told
            # from a level of the path (其他/其他), so it is printed as converted without those faults
            md = _pdf_md_table(rows, key, PdfMd("plain", footer=p.footer))
        elif key == "table2":
            md = _t2_with_loose(_pdf_md_t2_header(rows, p), p)
        else:
            md = _pdf_md_table(rows, key, p)
        if md and md[0].startswith("|"):
            md.insert(1, "| " + " | ".join("---" for _ in range(md[0].count("|") - 1)) + " |")
        if out == "txt":
            tabs = key == "table2" and "regulations" not in rec["table2"]
            md = [t for t in (_as_pdf_text(line, tabs) for line in md) if t is not None]
        lines.append("\n".join(md))
    lines.append("\n\n".join(tail))
    return rec, ("\n\n".join(lines) + "\n").encode("utf-8")


def _t2_with_loose(rows: list[list[str]], p: PdfMd) -> list[str]:
    """Table 2 row by row; with `group_cells` a block's caption (第二十条第（X）项) is pushed into an extra first
    cell of the block's first data row."""
    out: list[str] = []
    caption: str | None = None
    for row in rows:
        cells = [c for c in row if c]
        if row == ["万元）"]:
            out += ["", "万元）", ""]
        elif p.group_cells and len(cells) == 1 and cells[0].startswith("第二十条"):
            caption = cells[0]
        elif caption is not None and any(_is_value(c) for c in row):
            out += _pdf_md_table([[caption, *row]], "table2", p)
            caption = None
        else:
            out += _pdf_md_table([row], "table2", p)
    return out


# --- layout 3: Word document saved as a web page ---------------------------------------------------------------

META_INDEX = "11370000MB0000000X/2023-00012"


@dataclass(frozen=True)
class WordHtml:
    name: str
    colspans: bool = True  # table-2 value cells whose colspans do not line up with the header
    blank: str = "nbsp"  # nbsp | op (<o:p> </o:p>)
    split_spans: bool = True  # labels split over <span>/<font>
    metadata: bool = True  # a 名称 · 索引号 · 发布日期 table before the report


WORD_HTML = (
    WordHtml("colspans-nbsp"),
    WordHtml("colspans-op-blanks", blank="op"),
    WordHtml("metadata-only", colspans=False, split_spans=False),
    WordHtml("spans-op-no-metadata", colspans=False, blank="op", metadata=False),
)


def _word_text(text: str, w: WordHtml) -> str:
    """A cell's text as Word writes it: in a MsoNormal paragraph, a label cut into runs of <span>/<font>."""
    if not text.strip():
        inner = "&nbsp;" if w.blank == "nbsp" else "<o:p> </o:p>"
    elif w.split_spans and len(text) >= 4 and not _is_value(text):
        k = len(text) // 3
        parts = [text[:k], text[k:2 * k], text[2 * k:]]
        inner = (f'<span lang="EN-US" style="font-family:宋体">{escape(parts[0])}</span>\n'
                 f'<font face="仿宋_GB2312">{escape(parts[1])}</font><span\nstyle="mso-bidi-font-size:10.5pt">'
                 f"{escape(parts[2])}</span>")
    else:
        inner = f'<span lang="EN-US">{escape(text)}</span>'
    return f'<p class="MsoNormal" align="center" style="text-align:center"><span>{inner}<o:p></o:p></span></p>'


def _misaligned_t2(grid: list[list[Span]]) -> list[list[Span]]:
    """Value cells of table 2 as Word exports a table whose cell borders do not line up: each value cell
    spans two grid columns, so a row has more value positions than the table has columns."""
    out: list[list[Span]] = []
    for row in grid:
        if len(row) >= 2 and row[0].text != "信息内容" and any(_is_value(c.text) or not c.text for c in row[1:]):
            out.append([row[0], *(Span(c.text, colspan=2) for c in row[1:])])
        else:
            out.append(row)
    return out


def _word_table(grid: list[list[Span]], w: WordHtml) -> str:
    rows = []
    for row in grid:
        cells = []
        for c in row:
            attrs = "".join(f' {a}="{n}"' for a, n in (("rowspan", c.rowspan), ("colspan", c.colspan)) if n > 1)
            cells.append(f'<td width="84" valign="top" style="border:solid windowtext 1.0pt"{attrs}>'
                         f"{_word_text(c.text, w)}</td>")
        rows.append(' <tr style="mso-yfti-irow:0">\n  ' + "\n  ".join(cells) + "\n </tr>")
    return ('<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0" '
            'style="border-collapse:collapse;mso-table-layout-alt:fixed">\n' + "\n".join(rows) + "\n</table>")


def render_word_html(name: str, w: WordHtml) -> tuple[dict[str, Any], bytes]:
    v = Variant(w.name, out="html", groups="span", blank="")
    rec, prose, tables = _tables(name, v)
    if w.colspans and "regulations" in rec["table2"]:  # a provincial table 2 has no value columns to misalign
        tables[0] = (_misaligned_t2(tables[0][0]), 0)
    titles = title_lines(rec, prose["title"], v)
    body: list[str] = []
    if w.metadata:
        title = "".join(titles)
        body.append('<table class="xxgk-meta" width="100%"><tr><td>索引号：</td><td>' + META_INDEX + "</td>"
                    f"<td>发布机构：</td><td>{escape(rec['agency'])}</td></tr>"
                    f"<tr><td>名　　称：</td><td colspan=\"3\">{escape(title)}</td></tr>"
                    f"<tr><td>发布日期：</td><td>{rec['year'] + 1}-01-20</td><td>文　　号：</td><td></td></tr></table>")
    body += [f'<p class="MsoTitle" align="center"><b><span>{escape(t)}</span></b></p>' for t in titles]
    para = lambda t: f'<p class="MsoNormal" style="text-indent:32.0pt"><span>{escape(t)}</span></p>'  # noqa: E731
    body += [para(t) for t in prose["intro"]]
    body.append(para("一、总体情况"))
    body += [para(t) for t in prose["overview"]]
    for title, (grid, _h) in zip(HEADS, tables, strict=True):
        body.append(f'<p class="MsoNormal"><b><span style="font-family:黑体">{escape(title)}</span></b></p>')
        body.append(_word_table(grid, w))
    for heading, lines in ((b.HEADING5, prose["problems"]), (b.HEADING6, prose["other"])):
        body.append(para(heading))
        body += [para(t) for t in lines]
    page = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
            '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta name="Generator" '
            'content="Microsoft Word 15"></head><body lang="ZH-CN"><div class="WordSection1">\n'
            + "\n".join(body) + "\n</div></body></html>")
    return rec, page.encode("utf-8")


# --- layouts 4 and 5: through the renderers of tests/test_variants.py -----------------------------------------


def _via_variants(name: str, v: Variant) -> tuple[dict[str, Any], bytes, str]:
    from .test_variants import render

    return render(name, v)


T3_2019 = (
    Variant("t3-2019-tsv", out="tsv", t3_2019=True),
    Variant("t3-2019-md", out="md", t3_2019=True),
    Variant("t3-2019-html", out="html", t3_2019=True, groups="span"),
    Variant("t3-2019-heading-rows", out="tsv", t3_2019=True, groups="heading"),
    Variant("t3-2019-no-groups-no-numbering", out="tsv", t3_2019=True, groups="absent", numbering="none"),
    Variant("t3-2019-md-joined-loose", out="md", t3_2019=True, groups="joined", wording="loose"),
    Variant("t3-2019-pdftext", out="pdftext", t3_2019=True, groups="first"),
)
_OUT = {"tsv": "txt", "pdftext": "txt", "lines": "txt", "md": "md", "html": "html"}
RECORDS_2021 = tuple(r for r in RECORDS if _record(r)[0]["template"] == "2021")


@dataclass(frozen=True)
class Labels:
    name: str
    normative: bool = False  # 规范性文件 for 行政规范性文件
    review_typo: bool = False  # 行政法复议 for 行政复议
    wrong_numbers: str = ""  # "" | repeated (table 3 under 二、 again) | shifted (every section one lower)
    twice: bool = False  # a row label printed twice
    misprinted_titles: bool = False  # a word of each table's section title misprinted (主动公开政府政府情况)
    dropped_titles: bool = False  # the tables printed one after the other with no section title between them


LABELS = (
    Labels("normative-review-typo", normative=True, review_typo=True),
    Labels("section-number-repeated", wrong_numbers="repeated"),
    Labels("section-numbers-shifted", wrong_numbers="shifted"),
    Labels("label-twice", twice=True),
    Labels("section-titles-misprinted", misprinted_titles=True),
    Labels("section-titles-dropped", dropped_titles=True),
    Labels("all", normative=True, review_typo=True, wrong_numbers="repeated", twice=True),
)


def _relabel_text(text: str, lab: Labels, key: str | None) -> str:
    if lab.normative and text == "行政规范性文件":
        return "规范性文件"
    if lab.review_typo and text == "行政复议":
        return "行政法复议"
    return text


def render_labels(name: str, lab: Labels, out: str) -> tuple[dict[str, Any], bytes, str]:
    v = Variant(lab.name, out="html" if out == "html" else ("md" if out == "md" else "tsv"),
                groups="span" if out == "html" else "repeat", t4="rows5" if lab.review_typo else "form")
    rec, prose, tables = _tables(name, v)
    grids: list[list[list[Span]]] = []
    national = "regulations" in rec["table2"]
    for key, (grid, _h) in zip(("table2", "table3", "table4"), tables, strict=True):
        new = []
        for row in grid:
            cells = [Span(_relabel_text(c.text, lab, key), c.rowspan, c.colspan) for c in row]
            # (not in a provincial table 2: there a label printed twice is a level of its path, 其他/其他)
            if lab.twice and cells and not _is_value(cells[0].text) and cells[0].text and key != "table4" \
                    and (national or key != "table2") \
                    and any(_is_value(c.text) for c in cells[1:]):
                # the label printed twice: as a second cell (a converter repeating a merged cell's text)
                first = cells[0]
                cells = [Span(first.text, first.rowspan), Span(first.text, first.rowspan,
                                                               max(1, first.colspan - 1)), *cells[1:]]
            new.append(cells)
        grids.append(new)
    heads = list(HEADS)
    if lab.wrong_numbers == "repeated":
        heads = [b.HEADING2, "二、收到和处理政府信息公开申请情况", "三、政府信息公开行政复议、行政诉讼情况"]
    elif lab.wrong_numbers == "shifted":
        heads = ["一、主动公开政府信息情况", "二、收到和处理政府信息公开申请情况", "三、政府信息公开行政复议、行政诉讼情况"]
    if lab.misprinted_titles:
        heads = [heads[0].replace("信息情况", "政府情况"), heads[1].replace("申请情况", "申情况"),
                 heads[2].replace("诉讼", "讼诉")]
    if lab.dropped_titles:
        heads = ["", "", ""]
    if lab.review_typo:  # the typo in the section title too
        heads[2] = heads[2].replace("行政复议", "行政法复议")
    head, tail = _prose_blocks(rec, prose, v)
    if lab.wrong_numbers:  # the later sections renumbered as well
        tail = [t.replace("五、", "四、", 1) if t == b.HEADING5 else t.replace("六、", "五、", 1) if t == b.HEADING6
                else t for t in tail]
    if out == "html":
        body = [f"<p>{escape(t)}</p>" for t in head]
        for title, grid in zip(heads, grids, strict=True):
            if title:
                body.append(f"<h2>{escape(title)}</h2>")
            rows = "".join("<tr>" + "".join(
                f"<td{_attrs(c)}>{escape(c.text)}</td>" for c in row) + "</tr>" for row in grid)
            body.append(f'<table border="1">{rows}</table>')
        body += [f"<p>{escape(t)}</p>" for t in tail]
        return rec, ("<html><body>" + "\n".join(body) + "</body></html>").encode("utf-8"), "report.html"
    parts = ["\n\n".join(head)]
    for title, grid in zip(heads, grids, strict=True):
        if title:
            parts.append(title)
        rows = _pad(expand(grid, repeat_rows=True))
        if out == "md":
            parts.append("\n".join([_md_row(rows[0]), "| " + " | ".join("---" for _ in rows[0]) + " |",
                                    *(_md_row(r) for r in rows[1:])]))
        else:
            parts.append("\n".join("\t".join(r) for r in rows))
    parts.append("\n\n".join(tail))
    return rec, ("\n\n".join(parts) + "\n").encode("utf-8"), "report.md" if out == "md" else "report.txt"


def _attrs(c: Span) -> str:
    return "".join(f' {a}="{n}"' for a, n in (("rowspan", c.rowspan), ("colspan", c.colspan)) if n > 1)


def _pad(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


# --- the registry ------------------------------------------------------------------------------------------------


def _pdf_md_cases() -> Iterator[LayoutCase]:
    for p in PDF_MD:
        for out in ("md", "txt"):
            for name in RECORDS:
                rec, data = render_pdf_md(name, p, out)
                yield LayoutCase("pdf-md", f"{p.name}-{out}", name, out, rec, data, f"report.{out}")


def _word_html_cases() -> Iterator[LayoutCase]:
    for w in WORD_HTML:
        for name in RECORDS:
            rec, data = render_word_html(name, w)
            yield LayoutCase("word-html", w.name, name, "html", rec, data, "report.htm")


def _t3_2019_cases() -> Iterator[LayoutCase]:
    for v in T3_2019:
        for name in RECORDS_2021:
            if v.out == "pdftext" and "regulations" not in _record(name)[0]["table2"]:
                continue  # a provincial table 2 as a PDF's text layer loses its label paths (test_variants)
            rec, data, filename = _via_variants(name, v)
            yield LayoutCase("t3-2019-other", v.name, name, _OUT[v.out], rec, data, filename)


def _label_cases() -> Iterator[LayoutCase]:
    for lab in LABELS:
        for out in ("txt", "md", "html"):
            for name in RECORDS:
                rec, data, filename = render_labels(name, lab, out)
                yield LayoutCase("label-variants", f"{lab.name}-{out}", name, out, rec, data, filename)


LAYOUTS: dict[str, Callable[[], Iterator[LayoutCase]]] = {
    "pdf-md": _pdf_md_cases,
    "word-html": _word_html_cases,
    "t3-2019-other": _t3_2019_cases,
    "label-variants": _label_cases,
}


def all_cases() -> Iterator[LayoutCase]:
    for gen in LAYOUTS.values():
        yield from gen()



# --- scoring (the accuracy figures per layout) --------------------------------------------------------------------

EXTRACTION_FINDINGS = frozenset({"row labels lost"})  # a truth's finding about its own text's extraction


@dataclass
class Score:
    cells: int = 0
    exact: int = 0
    silent: int = 0  # differs from the truth and no finding names the cell (or its table)
    expected: int = 0
    flagged: int = 0
    false_errors: int = 0  # error findings on cells the truth does not expect

    def add(self, other: Score) -> None:
        for f in ("cells", "exact", "silent", "expected", "flagged", "false_errors"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def score(case: LayoutCase, rec: Any) -> Score:
    """Cell by cell against the truth, and the truth's expected findings against the record's findings."""
    s = Score()
    named = {c for f in rec.findings for c in f.cells}
    for table in ("table2", "table3", "table4"):
        for row, cols in case.want[table].items():
            for col, value in cols.items():
                s.cells += 1
                got = rec.tables.get(table, {}).get(row, {}).get(col, "absent")
                if got == value:
                    s.exact += 1
                elif f"{table}:{row}:{col}" not in named and f"{table}:*" not in named:
                    s.silent += 1
    expected = [f for f in case.want.get("expected_findings", []) if f["rule"] not in EXTRACTION_FINDINGS]
    for f in expected:
        s.expected += 1
        s.flagged += any(g.name == f["rule"] and set(f["cells"]) <= set(g.cells) for g in rec.findings)
    allowed = {c for f in case.want.get("expected_findings", []) for c in f["cells"]}
    s.false_errors = sum(1 for f in rec.findings if f.severity == "error" and not set(f.cells) & allowed)
    return s


def main() -> None:
    from reviewer import parse_bytes

    totals: dict[str, Score] = {}
    overall = Score()
    for case in all_cases():
        s = score(case, parse_bytes(case.data, case.filename))
        totals.setdefault(f"{case.layout} ({case.out})", Score()).add(s)
        overall.add(s)
    print(f"{'layout':<28}{'cells':>7}{'exact %':>9}{'silent':>8}{'flagged':>9}{'false err':>10}")
    for name, s in [*sorted(totals.items()), ("overall", overall)]:
        print(f"{name:<28}{s.cells:>7}{100 * s.exact / max(s.cells, 1):>9.2f}{s.silent:>8}"
              f"{f'{s.flagged}/{s.expected}':>9}{s.false_errors:>10}")


if __name__ == "__main__":
    main()
