"""Word (.docx) reports: paragraphs and tables in body order, merged cells expanded into the full grid.

python-docx's package reader opens the file; the body is then walked at the XML level because
`Document.paragraphs`/`tables` lose the order between them and `row.cells` hides `gridBefore`. Merged cells
(gridSpan across, vMerge down, legacy hMerge) repeat their text in every grid position they cover, the same
contract as the HTML reader's rowspan/colspan.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from docx.opc.exceptions import PackageNotFoundError
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.package import Package
from lxml import etree

from reviewer.errors import ReadError
from reviewer.model import Document
from reviewer.reading.budget import meter
from reviewer.reading.cell_text import collapse, span_copy
from reviewer.reading.text import TextBuilder

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W_NS}
MAX_COLUMNS = 256  # the report's tables have at most 16 columns
MAX_UNZIPPED = 400 * 1024 * 1024  # a report's XML is a few MB; refuse zip bombs


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_P, W_R, W_T, W_TBL, W_TC, W_TR = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tc"), _w("tr")
W_BODY = _w("body")
W_VAL = _w("val")
_BREAKS = frozenset({_w("br"), _w("cr")})
_TABS = frozenset({_w("tab"), _w("ptab")})
# Subtrees whose text is not shown: properties, deleted text, field codes, the fallback copy of a drawing.
_SKIP = frozenset({_w("pPr"), _w("rPr"), _w("tcPr"), _w("trPr"), _w("tblPr"), _w("delText"), _w("instrText"),
                   _w("delInstrText"), _w("del"), _w("moveFrom"), f"{{{MC_NS}}}Fallback"})
_CONTAINERS = frozenset({_w("sdt"), _w("sdtContent"), _w("customXml"), _w("smartTag")})


def _hidden_run(run: etree._Element) -> bool:
    vanish = run.find("w:rPr/w:vanish", NS)
    return vanish is not None and vanish.get(W_VAL) not in ("0", "false", "off")


def _collect(el: etree._Element, parts: list[str]) -> None:
    """Append the visible text under `el`; line breaks (and nested paragraphs, e.g. in text boxes) as '\\n'."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W_T:
            parts.append(child.text or "")
        elif tag in _TABS:
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == _w("noBreakHyphen"):
            parts.append("-")
        elif tag == W_R and _hidden_run(child):
            continue
        elif tag == W_P:
            parts.append("\n")
            _collect(child, parts)
            parts.append("\n")
        else:
            _collect(child, parts)


def paragraph_lines(p: etree._Element) -> list[str]:
    """A paragraph's lines (split at manual line breaks), whitespace collapsed, empty lines dropped."""
    parts: list[str] = []
    _collect(p, parts)
    return [line for line in (collapse(s) for s in "".join(parts).split("\n")) if line]


def cell_text(tc: etree._Element) -> str:
    """A table cell's text: all its paragraphs (and nested tables) on one line."""
    parts: list[str] = []
    _collect(tc, parts)
    return collapse("".join(parts))


def _int_attr(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return max(int(el.get(W_VAL, default)), 0)
    except ValueError:
        return default


def _continues(tc: etree._Element, tag: str) -> bool:
    """True if the cell continues a merge (`vMerge`/`hMerge` present and not `restart`)."""
    merge = tc.find(f"w:tcPr/w:{tag}", NS)
    return merge is not None and merge.get(W_VAL, "continue") != "restart"


def _own(el: etree._Element, tag: str) -> list[etree._Element]:
    """Children with `tag`, looking through content controls and custom XML wrappers."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in _CONTAINERS:
            out.extend(_own(child, tag))
    return out


def table_grid(tbl: etree._Element) -> list[list[str]]:
    """The table as a rectangular grid of cell texts, merged cells' text repeated in each position."""
    grid: list[list[str]] = []
    m = meter()
    for tr in _own(tbl, W_TR):
        line: list[str] = [""] * min(_int_attr(tr.find("w:trPr/w:gridBefore", NS), 0), MAX_COLUMNS)
        m.cells(len(line))
        for tc in _own(tr, W_TC):
            span = max(_int_attr(tc.find("w:tcPr/w:gridSpan", NS), 1), 1)
            if len(line) + span > MAX_COLUMNS:
                raise ReadError(f"Word 文档中的表格过宽（超过 {MAX_COLUMNS} 列），不像年度报告")
            m.cells(span)
            col = len(line)
            if _continues(tc, "vMerge") and grid:
                above = grid[-1]
                line.extend(span_copy(above[c]) if c < len(above) else "" for c in range(col, col + span))
            elif _continues(tc, "hMerge") and line:
                line.extend([span_copy(line[-1])] * span)
            else:
                text = cell_text(tc)
                line.extend([text] + [span_copy(text)] * (span - 1))
        grid.append(line)
    width = max((len(line) for line in grid), default=0)
    m.cells(sum(width - len(line) for line in grid))
    return [line + [""] * (width - len(line)) for line in grid]


def _is_layout_table(tbl: etree._Element) -> bool:
    """A table holding another table is page layout; its cells are read as blocks."""
    return any(tc.find(f".//{W_TBL}") is not None for tr in _own(tbl, W_TR) for tc in _own(tr, W_TC))


def _walk_blocks(container: etree._Element, out: TextBuilder) -> None:
    for child in container:
        tag = child.tag
        if tag == W_P:
            for line in paragraph_lines(child):
                out.line(line)
        elif tag == W_TBL:
            if _is_layout_table(child):
                for tr in _own(child, W_TR):
                    for tc in _own(tr, W_TC):
                        _walk_blocks(tc, out)
            else:
                out.blank()
                for cells in table_grid(child):
                    out.row(cells)
                out.blank()
        elif tag in _CONTAINERS:
            _walk_blocks(child, out)


def _body(data: bytes, name: str) -> etree._Element:
    """The main document's `w:body`, turning every kind of damage into a one-line `ReadError`.

    Opened with python-docx's package reader; unlike `docx.Document()` this also accepts .docm and .dotx
    (same body XML, another content type) and tells a workbook or a presentation from a damaged file.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            if sum(info.file_size for info in zf.infolist()) > MAX_UNZIPPED:
                raise ReadError(f"{name}: Word 文档解压后过大，拒绝读取")
            m = meter()
            for info in zf.infolist():  # the XML parts become trees in memory: their inflated size counts
                if info.filename.lower().endswith((".xml", ".rels")):
                    m.size(f"Word 文档中的 {info.filename} ", info.file_size, m.budget.max_xml)
            bad = zf.testzip()
            if bad is not None:
                raise ReadError(f"{name}: Word 文档已损坏（{bad} 校验失败）")
        part = Package.open(io.BytesIO(data)).main_document_part
        if "wordprocessingml" not in part.content_type and "ms-word" not in part.content_type:
            raise ReadError(f"{name}: 这不是 Word 文档（内容类型 {part.content_type}），无法读取")
        root = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
    except (zipfile.BadZipFile, zlib.error, EOFError, PackageNotFoundError) as exc:
        raise ReadError(f"{name}: Word 文档已损坏或不完整（可能被截断），无法打开") from exc
    except KeyError as exc:  # a part or relationship the package must have is missing
        raise ReadError(f"{name}: 不是完整的 Word 文档（缺少 {exc.args[0] if exc.args else '必要部件'}）") from exc
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"{name}: Word 文档的内容已损坏（XML 错误：{str(exc)[:80]}）") from exc
    body = root.find(W_BODY)
    if body is None:
        raise ReadError(f"{name}: Word 文档中没有正文")
    return body


def read_docx(data: bytes, name: str) -> Document:
    """Read a .docx report: body paragraphs and tables in order, tables as expanded grids."""
    out = TextBuilder()
    _walk_blocks(_body(data, name), out)
    return out.build("docx")
