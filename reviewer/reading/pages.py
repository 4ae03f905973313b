"""Page images of a stored source (a scanned PDF or an image file), for showing a page beside the grid.

Boxes of OCR'd text are kept in points (1/72 inch) from the page's top left; `PageImage.scale` converts them to
the image's pixels.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PageImage:
    width: int
    height: int
    rgb: bytes  # rows of width × 3 bytes, top to bottom
    scale: float  # pixels per point


def page_count(data: bytes, source_format: str) -> int:
    if source_format == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            return len(pdf)
        finally:
            pdf.close()
    from reviewer.reading.ocr import decode_image

    return len(decode_image(data, "image"))


def render_page(data: bytes, source_format: str, page: int, dpi: float = 144) -> PageImage:
    """Page `page` (from 1): a PDF page rendered at `dpi`; an image file's page at its own resolution."""
    if source_format == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        try:
            bitmap = pdf[page - 1].render(scale=dpi / 72, rev_byteorder=True)
            array = bitmap.to_numpy()
            return PageImage(array.shape[1], array.shape[0], array[:, :, :3].tobytes(), dpi / 72)
        finally:
            pdf.close()
    from reviewer.reading.ocr import OCR_DPI, cv2, decode_image, image_dpi

    image = decode_image(data, "image")[page - 1]
    cv = cv2()
    rgb = cv.cvtColor(image, cv.COLOR_BGR2RGB)
    return PageImage(rgb.shape[1], rgb.shape[0], rgb.tobytes(), (image_dpi(data) or OCR_DPI) / 72)
