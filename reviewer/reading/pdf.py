"""PDF reports with a text layer: the text of every page in order, then `layout` cuts it into rows.

Characters and their positions come from PDFium (pypdfium2), about ten times faster than pdfminer. They are
laid out the way text extraction conventionally does it (and the way the parser expects): characters whose
tops lie within 3 pt of each other form a line, read left to right; a gap wider than 3 pt, or a blank
character, separates two words; words are joined by one space and lines by a newline. Table rows printed
on one baseline thus stay on one line with their cells separated by spaces.

A page with no text but images is a scanned page: the OCR reader (`reviewer.reading.ocr`) reads those where
it is installed (page by page, so a partly scanned PDF keeps its text layer elsewhere); otherwise the page is
reported as not read.
"""

from __future__ import annotations

import ctypes
import math
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reviewer.errors import ReadError
from reviewer.model import Document, join_documents
from reviewer.reading.budget import meter
from reviewer.reading.pdf_streams import check_streams

_T = TypeVar("_T")

X_TOLERANCE = 3.0  # pt: a wider gap between two characters starts a new word
Y_TOLERANCE = 3.0  # pt: characters whose tops differ by no more share a line

# Kangxi radicals, CJK radical supplement and compatibility ideographs: PDF fonts made by WPS and Word often
# map common characters to them (⼀ for 一, ⽂ for 文), which breaks every label match. NFKC maps them back.
_LOOKALIKES = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")
_UNMAPPED = {0, 0xFFFD, 0xFFFE, 0xFFFF}  # PDFium's answer for a glyph its font cannot map to a character


def _unify(text: str) -> tuple[str, int]:
    count = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        new = unicodedata.normalize("NFKC", m.group(0))
        count += new != m.group(0)
        return new

    return _LOOKALIKES.sub(fix, text), count


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character of a page: its text and its box in PDF points, top measured down from the page top."""

    char: str
    x0: float
    x1: float
    top: float


@dataclass(frozen=True, slots=True)
class PageText:
    number: int
    glyphs: list[Glyph]
    has_images: bool
    unmapped: int


def _page_glyphs(page: pdfium.PdfPage, number: int) -> PageText:
    height = page.get_height()
    textpage = page.get_textpage()
    tp = textpage.raw  # the raw handle: passing the wrapper costs a property lookup on every call
    unicode_of, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    loose_box, matrix_of, font_size = (pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetMatrix,
                                       pdfium_c.FPDFText_GetFontSize)
    box, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
    box_ref, matrix_ref = ctypes.byref(box), ctypes.byref(matrix)
    glyphs: list[Glyph] = []
    unmapped = 0
    try:
        for k in range(pdfium_c.FPDFText_CountChars(tp)):
            code = unicode_of(tp, k)
            if generated(tp, k) == 1:
                # PDFium's own line breaks and spaces: the layout below decides those, except a space
                # standing right where the previous glyph ends, which is how PDFium hands back a space
                # the file itself prints (LibreOffice's PDFs).
                if code == 0x20 and glyphs and loose_box(tp, k, box_ref) and abs(box.left - glyphs[-1].x1) < 0.5:
                    glyphs.append(Glyph(" ", box.left, box.right, glyphs[-1].top))
                continue
            if code in _UNMAPPED:
                unmapped += 1
                char = "\ufffd"
            else:
                char = chr(code)
            if not (loose_box(tp, k, box_ref) and matrix_of(tp, k, matrix_ref)):
                continue
            # The top of the em box standing on the font's descent line, as pdfminer measures it: fonts of
            # one size on one baseline then share a top, where their ascents differ by more than the
            # tolerance (a Latin font's digits beside a CJK font's label).
            size = font_size(tp, k) * math.hypot(matrix.c, matrix.d)
            glyphs.append(Glyph(char, box.left, box.right, height - box.bottom - size))
    finally:
        textpage.close()
    has_images = not glyphs and any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE],
                                                                   max_depth=2))
    return PageText(number, glyphs, has_images, unmapped)


def _clusters(items: list[_T], key: Callable[[_T], float]) -> list[list[_T]]:
    """Items grouped by `key`, a value within the tolerance of the previous one joining its group."""
    groups: list[list[_T]] = []
    last = 0.0
    for item in sorted(items, key=key):
        value = key(item)
        if groups and value - last <= Y_TOLERANCE:
            groups[-1].append(item)
        else:
            groups.append([item])
        last = value
    return groups


def _words(line: list[Glyph]) -> Iterator[list[Glyph]]:
    """A line's glyphs, left to right, cut into words at blanks, gaps, steps back and changes of height."""
    word: list[Glyph] = []
    for g in sorted(line, key=lambda g: g.x0):
        if g.char.isspace():
            if word:
                yield word
            word = []
            continue
        if word:
            prev = word[-1]
            if g.x0 < prev.x0 or g.x0 > prev.x1 + X_TOLERANCE or abs(g.top - prev.top) > Y_TOLERANCE:
                yield word
                word = []
        word.append(g)
    if word:
        yield word


def page_text(page: PageText) -> str:
    """The page's text: glyphs into lines and words, then words into lines again by their tops."""
    words = [w for line in _clusters(page.glyphs, lambda g: g.top) for w in _words(line)]
    lines = _clusters(words, lambda w: min(g.top for g in w))
    return "\n".join(" ".join("".join(g.char for g in w) for w in sorted(line, key=lambda w: w[0].x0))
                     for line in lines)


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError(f"{name}: PDF 已加密，需要密码才能读取") from exc
        detail = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else type(exc).__name__
        raise ReadError(f"{name}: PDF 已损坏或不完整，无法读取（{detail}）") from exc


def read_pages(data: bytes, name: str) -> list[PageText]:
    """Every page's glyphs; refuses encrypted and broken files in one line."""
    if b"%%EOF" not in data[-4096:]:
        raise ReadError(f"{name}: PDF 文件不完整（结尾缺失，可能在下载或复制时被截断）")
    pdf = _open(data, name)
    try:
        pages = []
        m = meter()
        for index in range(len(pdf)):
            m.tick()
            page = pdf[index]
            try:
                pages.append(_page_glyphs(page, index + 1))
            finally:
                page.close()
        return pages
    finally:
        pdf.close()


def render_pages(data: bytes, numbers: list[int], dpi: float) -> list[Any]:
    """Page images (BGR arrays) of the given pages (from 1) at `dpi`."""
    pdf = pdfium.PdfDocument(data)
    try:
        images = []
        for number in numbers:
            page = pdf[number - 1]
            try:
                images.append(page.render(scale=dpi / 72).to_numpy().copy())
            finally:
                page.close()
        return images
    finally:
        pdf.close()


def read_pdf(data: bytes, name: str) -> Document:
    """Read a PDF: page texts joined with newlines; pages that are only images (scans) are read by OCR where
    it is installed. Refuses encrypted and broken files."""
    from reviewer.reading import ocr
    from reviewer.reading.layout import text_to_rows  # written alongside; imported late on purpose

    check_streams(data, meter())  # PDFium inflates a content stream whole: its size is checked first
    pages = read_pages(data, name)
    image_only = [p.number for p in pages if not p.glyphs and p.has_images]
    unmapped = sum(p.unmapped for p in pages)
    notes: list[str] = []
    if unmapped:
        notes.append(f"{name}: {unmapped} 个字符的字体缺少编码表，显示为 �")
    if image_only and ocr.available():
        images = dict(zip(image_only, render_pages(data, image_only, ocr.OCR_DPI), strict=True))
        parts = []
        for p in pages:
            if p.number in images:
                parts.append(ocr.read_images([images[p.number]], name, "pdf", page_numbers=[p.number]))
            else:
                text, _ = _unify(page_text(p))
                parts.append(Document(text=text, rows=text_to_rows(text), source_format="pdf"))
        doc = join_documents(parts, "pdf", notes)
        if not doc.text.strip():
            raise ReadError(f"{name}: PDF 中既没有文字层，文字识别也未读出文字")
        return doc
    text = "\n".join(page_text(p) for p in pages)
    if not text.replace("\ufffd", "").strip():
        if unmapped:
            raise ReadError(f"{name}: PDF 的字体缺少文字编码表，文字无法提取")
        raise ReadError(f"{name}: PDF 中没有文字层（可能是扫描件）；{ocr.INSTALL_HINT}")
    if image_only:
        listed = "、".join(str(n) for n in image_only[:10]) + ("…" if len(image_only) > 10 else "")
        notes.insert(0, f"{name}: 第 {listed} 页只有图片、没有文字层（可能是扫描页），其内容未读入；{ocr.INSTALL_HINT}")
    text, unified = _unify(text)
    if unified:
        notes.append(f"{name}: {unified} 个康熙部首等形近字符已换成常用汉字")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, rows=text_to_rows(text), source_format="pdf", notes=notes)
