"""Printing the estimate: the very PDF letter that an export writes, its pages rendered (pypdfium2) onto the
printer or into the print preview, so that there is no second layout to keep in step. A printer that writes
a PDF file gets the letter itself, text and all."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from estimator.files import atomic_write_bytes
from ui.autosave import FOLDER_LOCK, PRINT_PREFIX, lock_of

POINTS_PER_INCH = 72
MAX_PRINT_DPI = 300  # pages are rendered at the printer's resolution, at most this


def page_images(pdf: Path, dpi: int) -> Iterator[QImage]:
    """The PDF's pages as images at dpi (white paper, RGB), one after the other."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - loaded only when something is printed

    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, fill_color=(255, 255, 255, 255))
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
            yield image.copy()  # the image owns its pixels once the bitmap is gone
            bitmap.close()
            page.close()
    finally:
        document.close()


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Print the PDF on printer; the number of pages printed. A PDF printer with a file name gets the PDF."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        atomic_write_bytes(Path(printer.outputFileName()), pdf.read_bytes())
        return _page_count(pdf)
    return paint_pages(pdf, printer)


def paint_pages(pdf: Path, printer: QPrinter) -> int:
    """Draw the PDF's pages onto the printer (or a preview's), each filling its page as the PDF lays it out."""
    printer.setFullPage(True)  # the letter brings its own margins
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        dpi = min(max(printer.resolution(), 72), MAX_PRINT_DPI)
        for image in page_images(pdf, dpi):
            if pages:
                printer.newPage()
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            size = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), size.toSizeF()), image)
            pages += 1
    finally:
        painter.end()
    return pages


def _page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium  # noqa: PLC0415

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


class PrintFolder:
    """A folder only this user can read, for the PDF that is printed; removed with everything in it, at the
    latest when the program ends (a letter still being written or previewed then)."""

    def __init__(self) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=PRINT_PREFIX))  # the owner's only (mkdtemp)
        self._lock = lock_of(self.path / FOLDER_LOCK)  # while it is held, no other start removes the folder
        atexit.register(self.remove)

    def letter(self) -> Path:
        return self.path / "schaetzung.pdf"

    def remove(self) -> None:
        atexit.unregister(self.remove)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
        shutil.rmtree(self.path, ignore_errors=True)
