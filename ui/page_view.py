"""The page image of an OCR'd report beside the grid: the chosen cell's box outlined on its page, and a click
on the image choosing the cell read there — the verifier-station view of a scan.

Pages are rendered by the core (`reviewer.reading.pages`) from the stored source, one at a time as they are
shown.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.model import PageBox
from reviewer.reading.pages import PageImage, page_count, render_page
from ui.i18n import tr


class _PageCanvas(QGraphicsView):
    clickedAt = Signal(QPointF)  # scene position, in the page image's pixels

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the grid

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clickedAt.emit(self.mapToScene(event.position().toPoint()))
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_width()

    def fit_width(self) -> None:
        rect = self.scene().itemsBoundingRect()
        if rect.width() > 0:
            self.resetTransform()
            factor = max(0.05, (self.viewport().width() - 4) / rect.width())
            self.scale(factor, factor)


class PageView(QWidget):
    """Pages of the stored source with the boxes OCR read; `cellClicked(cid)` when a cell's box is clicked."""

    cellClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = b""
        self._format = ""
        self._pages = 0
        self._page = 0
        self._image: PageImage | None = None
        self._boxes: dict[str, PageBox] = {}
        self.canvas = _PageCanvas(self)
        self._pixmap = QGraphicsPixmapItem()
        self.canvas.scene().addItem(self._pixmap)
        self._outline = QGraphicsRectItem()
        pen = QPen(QColor(220, 30, 30), 3)
        pen.setCosmetic(True)
        self._outline.setPen(pen)
        self._outline.setBrush(QColor(255, 210, 0, 60))
        self._outline.setZValue(1)
        self.canvas.scene().addItem(self._outline)
        self.previous = QToolButton(self)
        self.previous.setText("◀")
        self.previous.setToolTip(tr("上一页"))
        self.previous.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next = QToolButton(self)
        self.next.setText("▶")
        self.next.setToolTip(tr("下一页"))
        self.next.clicked.connect(lambda: self.show_page(self._page + 1))
        self.label = QLabel(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.previous)
        bar.addWidget(self.label, 1)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.canvas.clickedAt.connect(self._clicked)

    @property
    def page(self) -> int:
        return self._page

    def set_report(self, data: bytes, source_format: str, boxes: dict[str, PageBox]) -> None:
        """Show the first page holding a cell (or page 1) of a newly opened report."""
        self._data, self._format, self._boxes = data, source_format, boxes
        self._pages = page_count(data, source_format) if data else 0
        self._page = 0
        first = min((b.page for b in boxes.values()), default=1)
        self.show_page(first)

    def show_page(self, page: int) -> None:
        if not self._pages or not 1 <= page <= self._pages:
            return
        if page != self._page:
            self._page = page
            self._image = render_page(self._data, self._format, page)
            qimage = QImage(self._image.rgb, self._image.width, self._image.height, self._image.width * 3,
                            QImage.Format.Format_RGB888).copy()  # copy: the bytes are not kept alive by Qt
            self._pixmap.setPixmap(QPixmap.fromImage(qimage))
            self.canvas.setSceneRect(QRectF(0, 0, self._image.width, self._image.height))
            self._outline.hide()
            self.canvas.fit_width()
        self.label.setText(tr("第 {page} / {pages} 页").format(page=page, pages=self._pages))
        self.previous.setEnabled(page > 1)
        self.next.setEnabled(page < self._pages)

    def show_cell(self, cid: str) -> bool:
        """Outline the cell's box on its page and scroll it into view; False when the cell has no box."""
        box = self._boxes.get(cid)
        if box is None:
            self._outline.hide()
            return False
        self.show_page(box.page)
        assert self._image is not None
        s = self._image.scale
        x0, y0, x1, y1 = box.box
        rect = QRectF(x0 * s, y0 * s, (x1 - x0) * s, (y1 - y0) * s)
        self._outline.setRect(rect)
        self._outline.show()
        self.canvas.ensureVisible(rect, 40, 80)
        return True

    def outlined(self) -> QRectF | None:
        return self._outline.rect() if self._outline.isVisible() else None

    def _clicked(self, at: QPointF) -> None:
        if self._image is None:
            return
        s = self._image.scale
        x, y = at.x() / s, at.y() / s
        hits = [(cid, b) for cid, b in self._boxes.items()
                if b.page == self._page and b.box[0] <= x <= b.box[2] and b.box[1] <= y <= b.box[3]]
        if hits:  # the smallest box holding the point: a cell rather than a label spanning several rows
            cid, _ = min(hits, key=lambda h: (h[1].box[2] - h[1].box[0]) * (h[1].box[3] - h[1].box[1]))
            self.cellClicked.emit(cid)


if __name__ == "__main__":
    from ui.preview import run_preview

    def make() -> PageView:
        from pathlib import Path

        from reviewer import parse_bytes

        pdf = Path(__file__).resolve().parent.parent / "tests" / "data" / "huaian-2024.pdf"
        view = PageView()
        record = parse_bytes(pdf.read_bytes(), pdf.name)
        view.set_report(pdf.read_bytes(), "pdf", record.cell_boxes())
        view.show_page(4)
        return view

    run_preview(make, size=(700, 900))
