"""The review report in the app: the core's content (`reviewer.review_report`) rendered into a QTextDocument,
shown in a print preview (print, or save as PDF) or written straight to a PDF. The DOCX is the same content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFontDatabase, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from reviewer.review_report.content import Document
from reviewer.review_report.html import to_html
from ui.i18n import tr


def text_document(document: Document) -> QTextDocument:
    """The content as a QTextDocument, each role in the first of its fonts that is installed."""
    doc = QTextDocument()
    doc.setHtml(to_html(document, set(QFontDatabase.families())))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, document.title)
    return doc


def _printer(pdf: Path | None = None) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(28, 37, 26, 35), QPageLayout.Unit.Millimeter))
    if pdf is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
    return printer


def _print(doc: QTextDocument, printer: QPrinter) -> None:
    doc.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
    doc.print_(printer)


def save_pdf(document: Document, path: str | Path) -> Path:
    target = Path(path)
    _print(text_document(document), _printer(target))
    return target


class ReportPreview(QPrintPreviewDialog):
    """A print preview of the report; its printer can also be a PDF file. It keeps its document and its printer
    alive (a QPrintPreviewDialog does not own the printer it is given)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        self.report_printer = _printer()
        super().__init__(self.report_printer, parent)
        self.text_document = text_document(document)
        self.setWindowTitle(tr("打印预览：{title}").format(title=document.title))
        self.paintRequested.connect(lambda p: _print(self.text_document, p))


def preview_dialog(document: Document, parent: QWidget | None = None) -> ReportPreview:
    return ReportPreview(document, parent)
