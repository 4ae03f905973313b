"""PDF reports with a text layer: the text of every page in order, then `layout` cuts it into rows.

No OCR: a scanned PDF is refused with a reason. Text is taken as pdfplumber lays it out by default (words
separated by spaces, one line per baseline), which keeps table rows on one line in most reports.
"""

from __future__ import annotations

import io
import re
import unicodedata

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from reviewer.errors import ReadError
from reviewer.model import Document
from reviewer.reading.budget import meter
from reviewer.reading.pdf_streams import check_streams

_CID = re.compile(r"\(cid:\d+\)")
# Kangxi radicals, CJK radical supplement and compatibility ideographs: PDF fonts made by WPS and Word often
# map common characters to them (⼀ for 一, ⽂ for 文), which breaks every label match. NFKC maps them back.
_LOOKALIKES = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]")


def _unify(text: str) -> tuple[str, int]:
    count = 0

    def fix(m: re.Match[str]) -> str:
        nonlocal count
        new = unicodedata.normalize("NFKC", m.group(0))
        count += new != m.group(0)
        return new

    return _LOOKALIKES.sub(fix, text), count


def _pdf_error(name: str, exc: BaseException) -> ReadError:
    """One line for what pdfminer raised (pdfplumber wraps it in `PdfminerException`)."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError):
        return ReadError(f"{name}: PDF 已加密，需要密码才能读取")
    detail = str(inner).strip().splitlines()[0][:100] if str(inner).strip() else type(inner).__name__
    return ReadError(f"{name}: PDF 已损坏或不完整，无法读取（{detail}）")


def read_pdf(data: bytes, name: str) -> Document:
    """Read a PDF: page texts joined with newlines; refuses scanned, encrypted and broken files."""
    from reviewer.reading.layout import text_to_rows  # written alongside; imported late on purpose

    if b"%%EOF" not in data[-4096:]:
        raise ReadError(f"{name}: PDF 文件不完整（结尾缺失，可能在下载或复制时被截断）")
    m = meter()
    check_streams(data, m)
    pages: list[str] = []
    image_only: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                m.tick()
                text = page.extract_text() or ""
                if not text.strip() and page.images:
                    image_only.append(number)
                pages.append(text)
                page.close()  # frees the page's parsed objects; reports can run to dozens of pages
    except PdfminerException as exc:
        raise _pdf_error(name, exc) from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise _pdf_error(name, exc) from exc
    text = "\n".join(pages)
    readable = _CID.sub("", text)
    if not readable.strip():
        if _CID.search(text):
            raise ReadError(f"{name}: PDF 的字体缺少文字编码表，文字无法提取")
        raise ReadError(f"{name}: PDF 中没有文字层（可能是扫描件），本程序不做文字识别")
    notes: list[str] = []
    if image_only:
        listed = "、".join(str(n) for n in image_only[:10]) + ("…" if len(image_only) > 10 else "")
        notes.append(f"{name}: 第 {listed} 页只有图片、没有文字层（可能是扫描页），其内容未读入")
    cids = len(_CID.findall(text))
    if cids:
        notes.append(f"{name}: {cids} 个字符的字体缺少编码表，显示为 (cid:N)")
    text, unified = _unify(text)
    if unified:
        notes.append(f"{name}: {unified} 个康熙部首等形近字符已换成常用汉字")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(text=text, rows=text_to_rows(text), source_format="pdf", notes=notes)
