"""Build report files (HTML, DOCX, PDF, re-encoded text) from a sample's prose and its expected values.

A `ReportSpec` holds what a published report shows: title, prose sections and the three tables laid out like
the official forms, with the merged cells (`Span.rowspan`/`colspan`) of the national templates. The
renderers turn it into the files government sites publish, so reader and parser tests need no stored
binaries except the official blank Word template.
"""

from __future__ import annotations

import copy
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt

from reviewer.resources import samples_dir

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SAMPLES = samples_dir()
TRUTH_DIR = TESTS / "truth"
DATA = TESTS / "data"
TEMPLATE_2021 = DATA / "official-template-2021-blank.docx"
HUAIAN_PDF = DATA / "huaian-2024.pdf"

HEADING2 = "二、主动公开政府信息情况"
HEADING3 = "三、收到和处理政府信息公开申请情况"
HEADING4 = "四、政府信息公开行政复议、行政诉讼情况"
HEADING5 = "五、存在的主要问题及改进情况"
HEADING6 = "六、其他需要报告的事项"

# Widths of the official tables once merged cells are expanded.
WIDTH = {"table2": 4, "table3": 10, "table4": 15}


@cache
def seed_text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


@cache
def _truth_json(name: str) -> str:
    return (TRUTH_DIR / f"{name}.json").read_text(encoding="utf-8")


def truth(name: str) -> dict[str, Any]:
    return json.loads(_truth_json(name))


# --- the official layouts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A table cell as printed: its text and how many grid rows/columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1


Grid = list[list[Span]]  # rows of the cells that start in that row (HTML's model)

T3_COLUMNS = ("natural", "commercial", "research", "social", "legal", "other", "total")
T4_GROUPS = ("review", "litigation_direct", "litigation_after_review")
T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
T4_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

T3_TOP = (("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"))
T3_BOTTOM = (("carried_forward", "四、结转下年度继续办理"),)
T3_RESULTS_HEAD = "三、本年度办理结果"


def t3_result_groups(template: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Groups of table 3's result rows: (group label, [(row key, sub-label or None)])."""
    other: list[tuple[str, str | None]] = (
        [("other.overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
         ("other.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
         ("other.other", "3.其他")]
        if template == "2021" else [("other", None)]
    )
    return [
        ("（一）予以公开", [("granted", None)]),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [("partial", None)]),
        ("（三）不予公开", [("denied.state_secret", "1.属于国家秘密"), ("denied.law_prohibited", "2.其他法律行政法规禁止公开"),
                       ("denied.three_safety", "3.危及“三安全一稳定”"), ("denied.third_party", "4.保护第三方合法权益"),
                       ("denied.internal_affairs", "5.属于三类内部事务信息"), ("denied.process_info", "6.属于四类过程性信息"),
                       ("denied.enforcement_file", "7.属于行政执法案卷"), ("denied.admin_query", "8.属于行政查询事项")]),
        ("（四）无法提供", [("unable.not_held", "1.本机关不掌握相关政府信息"),
                       ("unable.needs_creation", "2.没有现成信息需要另行制作"),
                       ("unable.unclear", "3.补正后申请内容仍不明确")]),
        ("（五）不予处理", [("not_processed.petition", "1.信访举报投诉类申请"), ("not_processed.duplicate", "2.重复申请"),
                       ("not_processed.publication", "3.要求提供公开出版物"),
                       ("not_processed.massive", "4.无正当理由大量反复申请"),
                       ("not_processed.confirm", "5.要求行政机关确认或重新出具已获取信息")]),
        ("（六）其他处理", other),
        ("（七）总计", [("total", None)]),
    ]


def t3_row_keys(template: str) -> list[str]:
    keys = [k for k, _ in T3_TOP]
    keys += [k for _, rows in t3_result_groups(template) for k, _ in rows]
    return keys + [k for k, _ in T3_BOTTOM]


def fmt_value(value: Any, money: bool = False) -> str:
    """A value as a report prints it ('' for a blank; money of the 2019 form with its unit)."""
    if value is None:
        return ""
    text = repr(value) if isinstance(value, float) else str(value)
    return f"{text}万元" if money else text


def table2_grid(t2: dict[str, dict[str, Any]], template: str) -> Grid:
    """Table 2 as in the official form: four columns, a caption row and a header row per block."""

    def caption(item: str) -> list[Span]:
        return [Span(f"第二十条第（{item}）项", colspan=4)]

    def row(label: str, key: str, cols: tuple[str, ...], money: str | None = None) -> list[Span]:
        """A data row; as in the official form, the last value cell spans the columns left over."""
        values = [Span(fmt_value(t2[key].get(c), money=(c == money))) for c in cols]
        values[-1] = Span(values[-1].text, colspan=4 - len(cols))
        return [Span(label), *values]

    if template == "2021":
        return [
            caption("一"), [Span("信息内容"), Span("本年制发件数"), Span("本年废止件数"), Span("现行有效件数")],
            row("规章", "regulations", ("issued", "repealed", "in_force")),
            row("行政规范性文件", "normative_documents", ("issued", "repealed", "in_force")),
            caption("五"), [Span("信息内容"), Span("本年处理决定数量", colspan=3)],
            row("行政许可", "licensing", ("decisions",)),
            caption("六"), [Span("信息内容"), Span("本年处理决定数量", colspan=3)],
            row("行政处罚", "penalty", ("decisions",)), row("行政强制", "coercion", ("decisions",)),
            caption("八"), [Span("信息内容"), Span("本年收费金额（单位：万元）", colspan=3)],
            row("行政事业性收费", "fees", ("amount",)),
        ]
    change = [Span("信息内容"), Span("上一年项目数量"), Span("本年增/减"), Span("处理决定数量")]
    three = ("prev_items", "change", "decisions")
    return [
        caption("一"), [Span("信息内容"), Span("本年新制作数量"), Span("本年新公开数量"), Span("对外公开总数量")],
        row("规章", "regulations", ("made", "published", "total_published")),
        row("规范性文件", "normative_documents", ("made", "published", "total_published")),
        caption("五"), list(change), row("行政许可", "licensing", three),
        row("其他对外管理服务事项", "other_services", three),
        caption("六"), list(change), row("行政处罚", "penalty", three), row("行政强制", "coercion", three),
        caption("八"), [Span("信息内容"), Span("上一年项目数量"), Span("本年增/减", colspan=2)],
        row("行政事业性收费", "fees", ("prev_items", "change")),
        caption("九"), [Span("信息内容"), Span("采购项目数量"), Span("采购总金额", colspan=2)],
        row("政府集中采购", "procurement", ("items", "amount"), money="amount"),
    ]


def table3_grid(t3: dict[str, dict[str, Any]], template: str) -> Grid:
    """Table 3 as in the official form: a 3-column label area (merged group cells) and 7 count columns."""

    def values(key: str) -> list[Span]:
        return [Span(fmt_value(t3[key].get(c))) for c in T3_COLUMNS]

    grid: Grid = [
        [Span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
         Span("申请人情况", colspan=7)],
        [Span("自然人", rowspan=2), Span("法人或其他组织", colspan=5), Span("总计", rowspan=2)],
        [Span("商业企业"), Span("科研机构"), Span("社会公益组织"), Span("法律服务机构"), Span("其他")],
    ]
    grid += [[Span(label, colspan=3), *values(key)] for key, label in T3_TOP]
    groups = t3_result_groups(template)
    n_results = sum(len(rows) for _, rows in groups)
    first = True
    for group, rows in groups:
        for i, (key, sub) in enumerate(rows):
            line: list[Span] = [Span(T3_RESULTS_HEAD, rowspan=n_results)] if first else []
            first = False
            if sub is None:
                line.append(Span(group, colspan=2))
            else:
                if i == 0:
                    line.append(Span(group, rowspan=len(rows)))
                line.append(Span(sub))
            grid.append(line + values(key))
    grid += [[Span(label, colspan=3), *values(key)] for key, label in T3_BOTTOM]
    return grid


def table4_grid(t4: dict[str, dict[str, Any]]) -> Grid:
    """Table 4 as in the official form: two header rows over 15 count columns and one data row."""
    return [
        [Span("行政复议", colspan=5), Span("行政诉讼", colspan=10)],
        [*(Span(label, rowspan=2) for label in T4_LABELS), Span("未经复议直接起诉", colspan=5),
         Span("复议后起诉", colspan=5)],
        [Span(label) for _ in range(2) for label in T4_LABELS],
        [Span(fmt_value(t4[g].get(c))) for g in T4_GROUPS for c in T4_COLUMNS],
    ]


def covered(grid: Grid) -> dict[tuple[int, int], tuple[Span, int, int]]:
    """Every grid position a cell covers once its spans are expanded: (row, col) -> (cell, its row, its col)."""
    taken: dict[tuple[int, int], tuple[Span, int, int]] = {}
    for r, row in enumerate(grid):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            for rr in range(r, r + cell.rowspan):
                for c in range(col, col + cell.colspan):
                    taken[(rr, c)] = (cell, r, col)
            col += cell.colspan
    return taken


def expand(grid: Grid) -> list[list[str]]:
    """The grid a reader must produce: a spanning label stands in every position it covers, a spanning
    number only in its first (a value is read once)."""
    texts: dict[tuple[int, int], str] = {}
    for (rr, c), (cell, r, col) in covered(grid).items():
        number = re.fullmatch(r"[+\-]?\d[\d,]*(\.\d+)?(万元|元)?", cell.text.strip())
        texts[(rr, c)] = cell.text if (rr, c) == (r, col) or not number else ""
    width = max(c for _, c in texts) + 1
    return [[texts.get((r, c), "") for c in range(width)] for r in range(len(grid))]


# --- a report: prose from a sample, tables from its expected record ---------------------------------------

_MARKERS = re.compile(r"\[(bookmark|image):[^\]]*\]")


def _clean(line: str) -> str:
    return _MARKERS.sub("", line).replace("\xa0", " ").strip()


@dataclass
class ReportSpec:
    title: list[str]
    intro: list[str]
    overview: list[str]  # 一、总体情况
    problems: list[str]  # 五
    other: list[str]  # 六
    template: str
    tables: dict[str, Grid] = field(default_factory=dict)

    def blocks(self) -> Iterator[tuple[str, str | Grid]]:
        """("title"|"heading"|"p"|"table", content) in reading order."""
        for line in self.title:
            yield "title", line
        for line in self.intro:
            yield "p", line
        yield "heading", "一、总体情况"
        for line in self.overview:
            yield "p", line
        for heading, key in ((HEADING2, "table2"), (HEADING3, "table3"), (HEADING4, "table4")):
            yield "heading", heading
            yield "table", self.tables[key]
        yield "heading", HEADING5
        for line in self.problems:
            yield "p", line
        yield "heading", HEADING6
        for line in self.other:
            yield "p", line


def split_prose(text: str) -> dict[str, list[str]]:
    """A report text's prose by part: title, intro, overview (一), problems (五), other (六)."""
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]

    def index(prefix: str, start: int = 0) -> int:
        return next(i for i in range(start, len(lines)) if lines[i].startswith(prefix))

    i_title_end = next(i for i in range(len(lines)) if "报告" in lines[i]) + 1
    i1, i2 = index("一、"), index("二、主动公开")
    i4 = index("四、政府信息公开行政复议")
    i5 = index("五、", i4)
    i6 = index("六、", i5)
    return {"title": lines[:i_title_end], "intro": lines[i_title_end:i1], "overview": lines[i1 + 1:i2],
            "problems": lines[i5 + 1:i6], "other": lines[i6 + 1:]}


def spec_from_truth(record: dict[str, Any], prose: dict[str, list[str]]) -> ReportSpec:
    template = record["template"]
    spec = ReportSpec(template=template, **prose)
    spec.tables = {"table2": table2_grid(record["table2"], template),
                   "table3": table3_grid(record["table3"], template),
                   "table4": table4_grid(record["table4"])}
    return spec


def spec_for_seed(name: str) -> ReportSpec:
    return spec_from_truth(truth(name), split_prose(seed_text(name)))


@cache
def huaian_text() -> str:
    """The text layer of the real 淮安 PDF, page footers dropped (the prose source of huaian builds)."""
    from reviewer.reading.pdf import page_text, read_pages

    pages = [page_text(page) for page in read_pages(HUAIAN_PDF.read_bytes(), HUAIAN_PDF.name)]
    return "\n".join(line for line in "\n".join(pages).splitlines() if not re.fullmatch(r"\s*-\s*\d+\s*-\s*", line))


def spec_for_huaian() -> ReportSpec:
    return spec_from_truth(truth("huaian-2024"), split_prose(huaian_text()))


# --- HTML -------------------------------------------------------------------------------------------------

_HTML_SCRIPT = """<script type="text/javascript">
  var stats = [4, 0, 0, 0, 0, 0, 4, 19536, 88283];
  document.write("<td>一、本年新收政府信息公开申请数量</td><td>999</td>");
</script>"""


def _html_cell(cell: Span, tag: str = "td") -> str:
    attrs = "".join(f' {name}="{n}"' for name, n in (("rowspan", cell.rowspan), ("colspan", cell.colspan)) if n > 1)
    text = escape(cell.text)
    # Word-exported pages wrap cell text in <p><span>, pad numbers with &nbsp; and wrap long labels.
    if text.isdigit():
        text = f"&nbsp;{text}&nbsp;"
    elif "（区分处理的" in text:
        text = text.replace("（区分处理的", "<br/>\n   （区分处理的")
    return f'<{tag}{attrs} style="border:1px solid #000"><p class="MsoNormal"><span>{text}</span></p></{tag}>'


def html_table(grid: Grid) -> str:
    rows = "\n".join("  <tr>" + "".join(_html_cell(c) for c in row) + "</tr>" for row in grid)
    return f'<table class="MsoTableGrid" border="1" cellspacing="0">\n<tbody>\n{rows}\n</tbody>\n</table>'


def to_html(spec: ReportSpec, *, charset: str = "utf-8", layout_table: bool = False) -> bytes:
    """A government web page: navigation, the report as an article, scripts and a footer.

    `charset` is declared in a meta tag and used to encode the page; `layout_table` wraps the article in
    an outer table, as older sites do.
    """
    body: list[str] = []
    for kind, content in spec.blocks():
        if kind == "title":
            body.append(f"<h1 class=\"title\">{escape(str(content))}</h1>")
        elif kind == "heading":
            body.append(f"<p><strong>{escape(str(content))}</strong></p>")
        elif kind == "p":
            body.append(f"<p style=\"text-indent:2em\">{escape(str(content))}</p>")
        else:
            assert isinstance(content, list)
            body.append(html_table(content))
    article = "\n".join(body)
    if layout_table:
        article = f'<table width="100%"><tr><td class="nav">当前位置：首页</td></tr><tr><td>\n{article}\n</td></tr></table>'
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{escape(spec.title[0])} - 政府信息公开</title>
<style>td {{ font-size: 12px; }} .hidden {{ display: none }}</style>
{_HTML_SCRIPT}
</head>
<body>
<div class="header"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<noscript>您的浏览器不支持脚本 12345</noscript>
<div class="article">
{article}
</div>
<script>var visits = 102938; console.log(visits + 1);</script>
<div class="footer">主办：人民政府办公室 &nbsp; 网站标识码：3701000001</div>
</body>
</html>
"""
    return page.encode(charset, errors="xmlcharrefreplace")


# --- DOCX -------------------------------------------------------------------------------------------------


def _set_text(paragraph: Any, text: str) -> None:
    """Replace a paragraph's runs by one run of `text`, keeping the paragraph's own properties."""
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.add_run(text)


def _set_cell(cell: Any, text: str) -> None:
    first, *rest = cell.paragraphs
    for p in rest:
        p._p.getparent().remove(p._p)
    _set_text(first, text)


def to_docx(spec: ReportSpec) -> bytes:
    """A Word document written from scratch: headings, paragraphs and tables with merged cells."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    for kind, content in spec.blocks():
        if kind == "title":
            document.add_heading(str(content), level=1)
        elif kind in ("heading", "p"):
            document.add_paragraph(str(content))
        else:
            assert isinstance(content, list)
            _docx_table(document, content)
            document.add_paragraph("")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _docx_table(document: Any, grid: Grid) -> None:
    full = expand(grid)
    table = document.add_table(rows=len(full), cols=len(full[0]))
    table.style = "Table Grid"
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            taken.update((rr, c) for rr in range(r, r + cell.rowspan) for c in range(col, col + cell.colspan))
            target = table.cell(r, col)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, col + cell.colspan - 1))
            _set_cell(target, cell.text)
            col += cell.colspan


def _find_row(table: Any, label: str) -> Any:
    for row in table.rows:
        if row.cells[0].text.strip() == label:
            return row
    raise KeyError(label)


def fill_template(spec: ReportSpec, record: dict[str, Any]) -> bytes:
    """The official blank 2021 Word form filled in: title, prose and every table value."""
    document = docx.Document(str(TEMPLATE_2021))
    paragraphs = document.paragraphs
    _set_text(paragraphs[1], "".join(spec.title))
    for line in spec.intro:
        paragraphs[3].insert_paragraph_before(line, style=paragraphs[3].style)
    for placeholder, lines in ((paragraphs[4], spec.overview), (paragraphs[29], spec.problems),
                               (paragraphs[31], spec.other)):
        for line in lines:
            placeholder.insert_paragraph_before(line, style=placeholder.style)
        placeholder._p.getparent().remove(placeholder._p)

    t2, t3, t4 = document.tables
    rows2 = {"规章": ("regulations", ("issued", "repealed", "in_force")),
             "行政规范性文件": ("normative_documents", ("issued", "repealed", "in_force")),
             "行政许可": ("licensing", ("decisions",)), "行政处罚": ("penalty", ("decisions",)),
             "行政强制": ("coercion", ("decisions",)), "行政事业性收费": ("fees", ("amount",))}
    for label, (key, cols) in rows2.items():
        cells = _find_row(t2, label).cells
        for i, col in enumerate(cols, start=1):
            _set_cell(cells[i], fmt_value(record["table2"][key].get(col)))
    keys = t3_row_keys("2021")
    data_rows = t3.rows[3:]
    assert len(data_rows) == len(keys), "the template's table 3 has one row per 2021 row key"
    for key, row in zip(keys, data_rows, strict=True):
        for i, col in enumerate(T3_COLUMNS):
            _set_cell(row.cells[3 + i], fmt_value(record["table3"][key].get(col)))
    values = [fmt_value(record["table4"][g].get(c)) for g in T4_GROUPS for c in T4_COLUMNS]
    for cell, value in zip(t4.rows[3].cells, values, strict=True):
        _set_cell(cell, value)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


# --- PDF (reportlab's built-in Chinese CID font: no font file needed) ---------------------------------------

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 50.0


@cache
def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _column_x(key: str, narrow: bool = False) -> list[float]:
    """Left edges of the grid columns of each table, so a row's cells print at fixed positions.

    `narrow`: table 3's label columns as narrow as in the Word form, so long labels must wrap.
    """
    if key == "table2":
        return [MARGIN, MARGIN + 130, MARGIN + 260, MARGIN + 390]
    if key == "table3" and narrow:
        return [MARGIN, MARGIN + 40, MARGIN + 85] + [MARGIN + 240 + 32 * i for i in range(7)]
    if key == "table3":
        return [MARGIN, MARGIN + 50, MARGIN + 100] + [MARGIN + 325 + 24 * i for i in range(7)]
    return [MARGIN + 32 * i for i in range(15)]


class _PdfWriter:
    def __init__(self) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth
        from reportlab.pdfgen import canvas

        self.buf = io.BytesIO()
        self.canvas = canvas.Canvas(self.buf, pagesize=(PAGE_W, PAGE_H))
        self.font = _cid_font()
        self.width = stringWidth
        self.page = 1
        self.y = PAGE_H - MARGIN

    def _need(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.canvas.setFont(self.font, 9)
            self.canvas.drawCentredString(PAGE_W / 2, MARGIN / 2, f"- {self.page} -")
            self.canvas.showPage()
            self.page += 1
            self.y = PAGE_H - MARGIN

    def text_line(self, text: str, size: float = 10.5, x: float = MARGIN) -> None:
        self._need(size * 1.6)
        self.y -= size * 1.6
        self.canvas.setFont(self.font, size)
        self.canvas.drawString(x, self.y, text)

    def paragraph(self, text: str, size: float = 10.5) -> None:
        """Wrap greedily at the right margin, as a report's body text wraps."""
        line = ""
        for ch in text:
            if self.width(line + ch, self.font, size) > PAGE_W - 2 * MARGIN:
                self.text_line(line, size)
                line = ""
            line += ch
        if line:
            self.text_line(line, size)

    def table(self, grid: Grid, key: str) -> None:
        """Each row's own cells at their column's left edge; a merged cell prints once, in its first row."""
        xs = _column_x(key)
        size = 6.0 if key == "table3" else 7.5
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(grid):
            self._need(size * 2)
            self.y -= size * 2
            self.canvas.setFont(self.font, size)
            col = 0
            for cell in row:
                while (r, col) in taken:
                    col += 1
                taken.update((rr, c) for rr in range(r, r + cell.rowspan) for c in range(col, col + cell.colspan))
                self.canvas.drawString(xs[col], self.y, cell.text)
                col += cell.colspan
        self.y -= size

    def _wrap(self, text: str, width: float, size: float) -> list[str]:
        lines, line = [], ""
        for ch in text:
            if line and self.width(line + ch, self.font, size) > width:
                lines.append(line)
                line = ""
            line += ch
        return [*lines, line] if line else lines or [""]

    def form_table(self, grid: Grid, key: str, equal: bool = False) -> None:
        """A table as Word prints the official form: text wraps inside its cell, cells are centred
        vertically in their row, and the 总计 column of table 3 is top-aligned (as in the official .docx).

        `equal`: as Word prints a table inserted with equal column widths and default (top) alignment, so
        long labels wrap over many short lines below the row's values.
        """
        if equal:
            step = (PAGE_W - 2 * MARGIN) / WIDTH[key]
            xs = [MARGIN + step * i for i in range(WIDTH[key])]
        else:
            xs = _column_x(key, narrow=True)
        edges = [*xs, PAGE_W - MARGIN]
        size = 6.0 if key == "table3" else 7.5
        lead = size * 1.4
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(grid):
            placed: list[tuple[int, list[str]]] = []
            col = 0
            for cell in row:
                while (r, col) in taken:
                    col += 1
                taken.update((rr, c) for rr in range(r, r + cell.rowspan) for c in range(col, col + cell.colspan))
                width = edges[min(col + cell.colspan, len(edges) - 1)] - edges[col] - 8  # cell padding
                placed.append((col, self._wrap(cell.text, width, size)))
                col += cell.colspan
            height = max(len(lines) for _, lines in placed) * lead + 4
            self._need(height)
            top = self.y - 2
            self.canvas.setFont(self.font, size)
            for col, lines in placed:
                top_aligned = equal or (key == "table3" and col == len(xs) - 1)
                first = top - size if top_aligned else top - (height - len(lines) * lead) / 2 - size
                for k, line in enumerate(lines):
                    self.canvas.drawString(xs[col], first - k * lead, line)
            self.y -= height
        self.y -= size

    def finish(self) -> bytes:
        self._need(PAGE_H)  # prints the last footer
        self.canvas.save()
        return self.buf.getvalue()


def to_pdf(spec: ReportSpec, *, word_form: bool = False, equal_columns: bool = False) -> bytes:
    """A PDF with a text layer, laid out like a printed report (wrapped prose, tables at column edges).

    `word_form` prints the tables as the official Word form prints: labels wrap in their cells and values sit
    in the vertical middle of the row; `equal_columns` as a Word table of equal columns prints, everything
    top-aligned (see `_PdfWriter.form_table`).
    """
    out = _PdfWriter()
    keys = iter(("table2", "table3", "table4"))
    for kind, content in spec.blocks():
        if kind == "title":
            out.text_line(str(content), size=16, x=MARGIN + 60)
        elif kind == "heading":
            out.text_line(str(content), size=12)
        elif kind == "p":
            out.paragraph(str(content))
        else:
            assert isinstance(content, list)
            if word_form or equal_columns:
                out.form_table(content, next(keys), equal=equal_columns)
            else:
                out.table(content, next(keys))
    return out.finish()


def image_only_pdf() -> bytes:
    """A one-page PDF holding only a picture (a scanned page): no text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = _tiny_png()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    c.drawImage(ImageReader(io.BytesIO(png)), 50, 400, width=400, height=300)
    c.showPage()
    c.save()
    return buf.getvalue()


def _tiny_png() -> bytes:
    """An 8x8 grey PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x80" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def phantom_column_table4(spec: ReportSpec) -> ReportSpec:
    """Table 4 as Word/LibreOffice export it when cell borders do not line up: the grid gains a column and
    the 行政复议 总计 cells (header and value) span two grid columns."""
    out = copy.deepcopy(spec)
    t4 = out.tables["table4"]
    t4[0][0] = Span(t4[0][0].text, colspan=6)
    t4[1][4] = Span(t4[1][4].text, rowspan=2, colspan=2)
    t4[3][4] = Span(t4[3][4].text, colspan=2)
    return out


def unmerge_table2_values(spec: ReportSpec) -> ReportSpec:
    """A hand-made table 2: one-value rows print their value in the first column and leave two blank cells
    (the official form merges them), under a header cell that is still merged."""
    out = copy.deepcopy(spec)
    out.tables["table2"] = [[row[0], Span(row[1].text), Span(""), Span("")] if len(row) == 2 and row[1].colspan == 3
                            and row[0].text != "信息内容" else row for row in spec.tables["table2"]]
    return out
