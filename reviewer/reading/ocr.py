"""Scanned reports: page images read by OCR, with RapidOCR on ONNX Runtime (its Chinese models ship inside its
wheel; nothing is downloaded at run time).

A page is read in two parts. Its tables are found by their ruling lines (OpenCV morphology): the grid of
lines gives every cell, merged cells included, so a blank cell stays blank and a small "0" is never lost to
the text detector or shifted into its neighbour's column. Each cell with ink is recognised on its own (one line
straight away, several lines after detection inside the cell). The rest of the page, tables blanked out, goes
through detection and recognition as text lines. The result is the same `Document` every reader yields, the
OCR text being the text the reviewer sees; `Document.boxes` places every cell and line on its page image, with
the recogniser's confidence.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewer.errors import ReadError
from reviewer.model import LOW_OCR_CONFIDENCE, Document, PageBox, join_documents
from reviewer.reading.cell_text import collapse, span_copy
from reviewer.reading.text import TextBuilder

if TYPE_CHECKING:
    import numpy as np

OCR_DPI = 300  # pages of a PDF are rendered at this resolution
MAX_PIXELS = 60_000_000  # an image larger than this (about 5,500 × 11,000) is refused, not decoded
_lock = threading.Lock()
_engine: Any = None
_threads = 0  # ONNX Runtime threads; 0 lets it choose (every core)


def configure(*, threads: int) -> None:
    """Set the number of threads OCR may use (before its first use in this process)."""
    global _threads, _engine
    with _lock:
        _threads, _engine = threads, None


_QT_VARIABLES = ("QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_FONTDIR")


def cv2() -> Any:
    """OpenCV, imported without letting it repoint Qt: the non-headless wheel (which rapidocr pulls in) sets
    QT_QPA_PLATFORM_PLUGIN_PATH to its own Qt plugins on import, which would break PySide6 in this process
    and in every process started from it."""
    saved = {k: os.environ.get(k) for k in _QT_VARIABLES}
    try:
        import cv2 as module
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return module


def available() -> bool:
    """True when the OCR extra is installed (rapidocr-onnxruntime, OpenCV, NumPy)."""
    try:
        cv2()
        import numpy  # noqa: F401
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


INSTALL_HINT = "文字识别需要安装 OCR 组件：pip install 'report-reviewer[ocr]'"


def engine() -> Any:
    """The one RapidOCR engine of this process (loading the models takes about a second)."""
    global _engine
    with _lock:
        if _engine is None:
            cv2()  # first, so that rapidocr's own import of it goes through the guard
            from rapidocr_onnxruntime import RapidOCR

            # No angle classifier: report pages are upright, and it costs a third of the time.
            config = _config_with_threads(_threads)
            try:
                _engine = RapidOCR(config_path=config, use_cls=False, print_verbose=False)
            finally:
                if config is not None:
                    os.unlink(config)
        return _engine


def _config_with_threads(threads: int) -> str | None:
    """A copy of rapidocr's configuration that runs each model on `threads` threads (its keyword arguments
    reach only the detector's); None keeps its own configuration."""
    if not threads:
        return None
    import tempfile
    from pathlib import Path

    import rapidocr_onnxruntime
    import yaml

    config = yaml.safe_load((Path(rapidocr_onnxruntime.__file__).parent / "config.yaml").read_text("utf-8"))
    for part in ("Global", "Det", "Cls", "Rec"):
        config[part]["intra_op_num_threads"] = threads
        config[part]["inter_op_num_threads"] = 1
    handle, path = tempfile.mkstemp(prefix="reviewer-ocr-", suffix=".yaml")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        yaml.safe_dump(config, out, allow_unicode=True)
    return path


@dataclass(frozen=True, slots=True)
class Line:
    """Text read from one place of the page image (pixels of the image)."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    score: float


@dataclass(slots=True)
class GridCell:
    x0: int
    y0: int
    x1: int
    y1: int
    row: int  # first grid row and column covered, and how many
    col: int
    rows: int
    cols: int
    text: str = ""
    score: float = 1.0


@dataclass(slots=True)
class Table:
    x0: int
    y0: int
    x1: int
    y1: int
    n_rows: int
    n_cols: int
    cells: list[GridCell]


# --- images -------------------------------------------------------------------------------------------------

def decode_image(data: bytes, name: str) -> list[np.ndarray]:
    """The pages of an image file (a TIFF may hold several), as BGR arrays."""
    import numpy as np

    cv = cv2()
    buf = np.frombuffer(data, dtype=np.uint8)
    pages: list[np.ndarray] = []
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        ok, images = cv.imdecodemulti(buf, cv.IMREAD_COLOR)
        pages = list(images) if ok else []
    else:
        image = cv.imdecode(buf, cv.IMREAD_COLOR)
        pages = [image] if image is not None else []
    if not pages:
        raise ReadError(f"{name}: 图片已损坏或格式不受支持，无法读取")
    for page in pages:
        if page.shape[0] * page.shape[1] > MAX_PIXELS:
            raise ReadError(f"{name}: 图片过大（{page.shape[1]}×{page.shape[0]} 像素），无法识别")
    return pages


def _gray(image: np.ndarray) -> np.ndarray:
    cv = cv2()

    return image if image.ndim == 2 else cv.cvtColor(image, cv.COLOR_BGR2GRAY)


def _ink(gray: np.ndarray) -> np.ndarray:
    """Dark marks as 255 on 0 (Otsu's threshold: scans differ in paper and ink)."""
    cv = cv2()

    _, binary = cv.threshold(gray, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU)
    return binary


# --- tables by their ruling lines ---------------------------------------------------------------------------

def _segments(mask: np.ndarray, axis: int) -> list[tuple[float, int, int]]:
    """Line segments of a mask of horizontal (axis 0) or vertical (axis 1) lines: (position, start, end)."""
    cv = cv2()

    count, _, stats, _ = cv.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, count):
        x, y, w, h, _ = stats[i]
        if axis == 0:
            out.append((y + h / 2, int(x), int(x + w)))
        else:
            out.append((x + w / 2, int(y), int(y + h)))
    return out


def _positions(values: list[float], tolerance: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


def _covered(segments: list[tuple[float, int, int]], at: float, lo: int, hi: int, tolerance: float) -> bool:
    """True if lines at `at` cover most of [lo, hi]."""
    need = (hi - lo) * 0.6
    got = 0
    for pos, start, end in segments:
        if abs(pos - at) <= tolerance:
            got += max(0, min(end, hi) - max(start, lo))
    return got >= need


def find_tables(gray: np.ndarray) -> list[Table]:
    """Tables drawn with ruling lines, each as a grid whose cells know the rows and columns they span."""
    cv = cv2()

    ink = _ink(gray)
    h, w = gray.shape
    horizontal = cv.morphologyEx(ink, cv.MORPH_OPEN, cv.getStructuringElement(cv.MORPH_RECT, (max(w // 25, 20), 1)))
    vertical = cv.morphologyEx(ink, cv.MORPH_OPEN, cv.getStructuringElement(cv.MORPH_RECT, (1, max(h // 60, 15))))
    lines = cv.dilate(horizontal | vertical, cv.getStructuringElement(cv.MORPH_RECT, (3, 3)))
    count, _, stats, _ = cv.connectedComponentsWithStats(lines, connectivity=8)
    tables: list[Table] = []
    tol = max(4.0, w / 400)
    for i in range(1, count):
        x, y, bw, bh, _ = stats[i]
        if bw < w // 4 or bh < h // 60:
            continue
        region = (slice(y, y + bh), slice(x, x + bw))
        hseg = [(p + y, s + x, e + x) for p, s, e in _segments(horizontal[region], 0) if e - s > bw * 0.02]
        vseg = [(p + x, s + y, e + y) for p, s, e in _segments(vertical[region], 1) if e - s > 0]
        ys = _positions([p for p, _, _ in hseg], tol)
        xs = _positions([p for p, _, _ in vseg], tol)
        if len(ys) < 2 or len(xs) < 2:
            continue
        tables.append(_grid(xs, ys, hseg, vseg, tol))
    tables.sort(key=lambda t: t.y0)
    return tables


def _grid(xs: list[float], ys: list[float], hseg: list[tuple[float, int, int]],
          vseg: list[tuple[float, int, int]], tol: float) -> Table:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for r in range(n_rows):
        for c in range(n_cols):
            y0, y1, x0, x1 = int(ys[r]), int(ys[r + 1]), int(xs[c]), int(xs[c + 1])
            if c + 1 < n_cols and not _covered(vseg, xs[c + 1], y0, y1, tol):
                union(r * n_cols + c, r * n_cols + c + 1)
            if r + 1 < n_rows and not _covered(hseg, ys[r + 1], x0, x1, tol):
                union(r * n_cols + c, (r + 1) * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0, r1 = min(r for r, _ in members), max(r for r, _ in members)
        c0, c1 = min(c for _, c in members), max(c for _, c in members)
        cells.append(GridCell(int(xs[c0]), int(ys[r0]), int(xs[c1 + 1]), int(ys[r1 + 1]), r0, c0,
                              r1 - r0 + 1, c1 - c0 + 1))
    cells.sort(key=lambda g: (g.row, g.col))
    return Table(int(xs[0]), int(ys[0]), int(xs[-1]), int(ys[-1]), n_rows, n_cols, cells)


# --- recognition --------------------------------------------------------------------------------------------

def _ink_box(ink: np.ndarray, cell: GridCell, inset: int) -> tuple[int, int, int, int] | None:
    """The box of the marks inside a cell (its ruling lines left out), or None for a blank cell."""
    cv = cv2()

    x0, y0, x1, y1 = cell.x0 + inset, cell.y0 + inset, cell.x1 - inset, cell.y1 - inset
    if x1 <= x0 or y1 <= y0:
        return None
    inside = ink[y0:y1, x0:x1]
    # specks of dust and the ends of ruling lines are not text: keep components of a few pixels or more
    count, _, stats, _ = cv.connectedComponentsWithStats(inside, connectivity=8)
    keep = [stats[i] for i in range(1, count) if stats[i][4] >= 6 and stats[i][2] < inside.shape[1] * 0.95]
    if not keep:
        return None
    bx0 = min(s[0] for s in keep)
    by0 = min(s[1] for s in keep)
    bx1 = max(s[0] + s[2] for s in keep)
    by1 = max(s[1] + s[3] for s in keep)
    return x0 + bx0, y0 + by0, x0 + bx1, y0 + by1


def _recognise(crops: Sequence[np.ndarray]) -> list[tuple[str, float]]:
    if not crops:
        return []
    ocr = engine()
    results, _ = ocr.text_rec(list(crops))
    return [(str(text), float(score)) for text, score in results]


def _detect_lines(image: np.ndarray) -> list[Line]:
    """Detection and recognition over an image: each detected box with its text and confidence."""
    ocr = engine()
    result, _ = ocr(image, use_cls=False, box_thresh=0.4, text_score=0.3)
    out = []
    for box, text, score in result or []:
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        out.append(Line(min(xs), min(ys), max(xs), max(ys), str(text), float(score)))
    return out


def _pad(image: np.ndarray, box: tuple[int, int, int, int], pad: int) -> np.ndarray:
    x0, y0, x1, y1 = box
    h, w = image.shape[:2]
    return image[max(0, y0 - pad):min(h, y1 + pad), max(0, x0 - pad):min(w, x1 + pad)]


def _bands(ink: np.ndarray, box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """The text lines inside a box of ink, top to bottom, as (top, bottom) rows of the image.

    Rows without ink separate lines; pieces of one character split by such a row (the strokes of 二 or 三)
    are joined back while the joined piece is no taller than the tallest line's characters."""
    import numpy as np

    x0, y0, x1, y1 = box
    rows = [bool(v) for v in np.asarray(ink[y0:y1, x0:x1].any(axis=1)).ravel()]
    runs: list[list[int]] = []
    for i, has_ink in enumerate(rows):
        if has_ink:
            if runs and runs[-1][1] == i:
                runs[-1][1] = i + 1
            else:
                runs.append([i, i + 1])
    if not runs:
        return []
    tallest = max(b - a for a, b in runs)
    merged = [runs[0]]
    for a, b in runs[1:]:
        if b - merged[-1][0] <= tallest * 1.15:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return [(y0 + a, y0 + b) for a, b in merged]


def read_tables(image: np.ndarray, tables: list[Table], line_height: float) -> None:
    """Fill every table cell's text and confidence: each line of a cell recognised on its own, the lines of a
    wrapped label joined."""
    ink = _ink(_gray(image))
    inset = max(3, int(line_height / 8))
    pad = max(4, int(line_height / 6))
    pieces: list[tuple[GridCell, np.ndarray]] = []
    for table in tables:
        for cell in table.cells:
            box = _ink_box(ink, cell, inset)
            if box is None:
                continue
            for top, bottom in _bands(ink, box):
                line = (box[0], top, box[2], bottom)
                tight = _ink_box(ink, GridCell(line[0], line[1], line[2], line[3], 0, 0, 1, 1), 0) or line
                pieces.append((cell, _pad(image, tight, pad)))
    texts: dict[int, list[str]] = {}
    scores: dict[int, list[float]] = {}
    for (cell, _), (text, score) in zip(pieces, _recognise([c for _, c in pieces]), strict=True):
        texts.setdefault(id(cell), []).append(text)
        scores.setdefault(id(cell), []).append(score)
    for table in tables:
        for cell in table.cells:
            if id(cell) in texts:
                cell.text = "".join(texts[id(cell)])
                cell.score = min(scores[id(cell)])


def _line_height(dpi: float) -> float:
    return dpi / 72 * 16  # a report's body text is 12–16 pt; a table row holds one such line


def _lines(boxes: list[Line], height: float) -> list[list[Line]]:
    """Boxes grouped into lines by their vertical centres, top to bottom, each left to right."""
    rows: list[list[Line]] = []
    for b in sorted(boxes, key=lambda b: (b.y0 + b.y1) / 2):
        centre = (b.y0 + b.y1) / 2
        if rows and abs(centre - sum((x.y0 + x.y1) / 2 for x in rows[-1]) / len(rows[-1])) <= height * 0.35:
            rows[-1].append(b)
        else:
            rows.append([b])
    return [sorted(r, key=lambda b: b.x0) for r in rows]


# --- a page into the document -------------------------------------------------------------------------------

def read_page(image: np.ndarray, page: int, dpi: float) -> list[Document]:
    """OCR one page image: its prose (and any table drawn without ruling lines) and its ruled tables, as parts
    in their order down the page."""
    gray = _gray(image)
    tables = find_tables(gray)
    height = _line_height(dpi)
    read_tables(image, tables, height)
    blanked = image.copy()
    for t in tables:
        blanked[max(0, t.y0 - 2):t.y1 + 3, max(0, t.x0 - 2):t.x1 + 3] = 255
    prose = _lines(_detect_lines(blanked), height)
    scale = 72 / dpi  # boxes are kept in points from the page's top left, whatever the resolution
    items: list[tuple[float, list[Line] | Table]] = [((line[0].y0 + line[-1].y1) / 2, line) for line in prose]
    items += [(t.y0, t) for t in tables]
    parts: list[Document] = []
    run: list[list[Line]] = []
    for _, item in sorted(items, key=lambda i: i[0]):
        if isinstance(item, Table):
            if run:
                parts.append(_prose_part(run, page, scale))
                run = []
            parts.append(_table_part(item, page, scale))
        else:
            run.append(item)
    if run:
        parts.append(_prose_part(run, page, scale))
    return parts


def _prose_part(lines: list[list[Line]], page: int, scale: float) -> Document:
    """Lines of text, each box a word of its line; rows cut as for a PDF's text, so a table printed without
    ruling lines still yields its cells."""
    from reviewer.reading.layout import text_to_rows

    pieces: list[str] = []
    boxes: list[PageBox] = []
    pos = 0
    for line in lines:
        words = [(b, collapse(b.text)) for b in line]
        words = [(b, w) for b, w in words if w]
        for i, (b, word) in enumerate(words):
            if i:
                pieces.append(" ")
                pos += 1
            boxes.append(PageBox(page, _points((b.x0, b.y0, b.x1, b.y1), scale), (pos, pos + len(word)),
                                 round(b.score, 3)))
            pieces.append(word)
            pos += len(word)
        if words:
            pieces.append("\n")
            pos += 1
    text = "".join(pieces).rstrip("\n")
    return Document(text=text, rows=text_to_rows(text), source_format="image", boxes=boxes)


def _points(box: tuple[float, float, float, float], scale: float) -> tuple[float, float, float, float]:
    return (round(box[0] * scale, 2), round(box[1] * scale, 2), round(box[2] * scale, 2), round(box[3] * scale, 2))


def _table_part(table: Table, page: int, scale: float) -> Document:
    """The table as rows of the full grid, a merged cell repeated as the DOCX and HTML readers repeat it."""
    at: dict[tuple[int, int], GridCell] = {}
    for cell in table.cells:
        for r in range(cell.row, cell.row + cell.rows):
            for c in range(cell.col, cell.col + cell.cols):
                at[(r, c)] = cell
    out = TextBuilder()
    boxes: list[PageBox] = []
    for r in range(table.n_rows):
        texts: list[str] = []
        owners: list[GridCell] = []
        for c in range(table.n_cols):
            cell = at[(r, c)]
            text = collapse(cell.text)
            texts.append(text if (r, c) == (cell.row, cell.col) else span_copy(text))
            owners.append(cell)
        if not any(texts):
            continue
        out.row(texts)
        for written, cell in zip(out.rows[-1], owners, strict=True):
            if written.text:
                boxes.append(PageBox(page, _points((cell.x0, cell.y0, cell.x1, cell.y1), scale),
                                     (written.start, written.end), round(cell.score, 3)))
    doc = out.build("image")
    doc.boxes = boxes
    return doc


def read_images(pages: list[np.ndarray], name: str, source_format: str, dpi: float = OCR_DPI,
                page_numbers: list[int] | None = None, notes: list[str] | None = None) -> Document:
    """OCR page images into one document; `page_numbers` name the pages (1-based) for the boxes."""
    if not available():
        raise ReadError(f"{name}: 这是扫描件或图片，{INSTALL_HINT}")
    from reviewer.reading.budget import meter

    numbers = page_numbers or list(range(1, len(pages) + 1))
    budget = meter()
    parts: list[Document] = []
    for image, number in zip(pages, numbers, strict=True):
        budget.allow(budget.budget.ocr_page_seconds)  # a page takes seconds: the file's budget grows by a page's
        parts.extend(read_page(image, number, dpi))
        budget.check()
    doc = join_documents(parts, source_format, list(notes or []))
    boxes = doc.boxes
    low = sum(1 for b in boxes if b.confidence < LOW_OCR_CONFIDENCE)
    listed = "、".join(str(n) for n in numbers)
    if not doc.text.strip():
        doc.notes.append(f"{name}: 第 {listed} 页是图片，文字识别未读出文字")
    else:
        doc.notes.append(f"{name}: 第 {listed} 页是图片，已用文字识别（OCR）读取"
                         + (f"，{low} 处识别置信度较低，请对照原图核对" if low else ""))
    return doc


def read_image_file(data: bytes, name: str) -> Document:
    """A report scanned to .png, .jpg or .tif: every page read by OCR at the image's own resolution."""
    if not available():
        raise ReadError(f"{name}: 这是图片，{INSTALL_HINT}")
    pages = decode_image(data, name)
    doc = read_images(pages, name, "image", dpi=image_dpi(data) or OCR_DPI)
    if not doc.text.strip():
        raise ReadError(f"{name}: 文字识别未能从图片中读出文字")
    return doc


def image_dpi(data: bytes) -> float | None:
    """The resolution an image file records (PNG pHYs, JPEG JFIF, TIFF tags), if it does."""
    try:
        import io

        from PIL import Image

        with Image.open(io.BytesIO(data)) as im:
            dpi = im.info.get("dpi")
            if dpi and dpi[0] and float(dpi[0]) >= 72:
                return float(dpi[0])
    except Exception:  # no Pillow, or a file it cannot open: fall back to the default
        return None
    return None
