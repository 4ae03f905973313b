"""Scanned reports made here: pages of a PDF rendered to images and put back into an image-only PDF (or saved
as image files), the way a scanner's PDF holds them."""

from __future__ import annotations

import io

import pypdfium2 as pdfium


def page_images(pdf_bytes: bytes, dpi: int, pages: list[int] | None = None) -> list[bytes]:
    """PNG images of the given pages (from 1; all by default) at `dpi`."""
    pdf = pdfium.PdfDocument(pdf_bytes)
    out = []
    for number in pages or list(range(1, len(pdf) + 1)):
        image = pdf[number - 1].render(scale=dpi / 72).to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PNG", dpi=(dpi, dpi))
        out.append(buf.getvalue())
    return out


def scanned_pdf(pdf_bytes: bytes, dpi: int, pages: list[int] | None = None, jpeg_quality: int = 90) -> bytes:
    """An image-only PDF of the given pages rendered at `dpi` (JPEG, as scanners write them)."""
    source = pdfium.PdfDocument(pdf_bytes)
    out = pdfium.PdfDocument.new()
    for number in pages or list(range(1, len(source) + 1)):
        page = source[number - 1]
        width, height = page.get_size()
        picture = page.render(scale=dpi / 72).to_pil()
        buf = io.BytesIO()
        picture.save(buf, format="JPEG", quality=jpeg_quality)
        buf.seek(0)
        image = pdfium.PdfImage.new(out)
        image.load_jpeg(buf, inline=True)
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new = out.new_page(width, height)
        new.insert_obj(image)
        new.gen_content()
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()
