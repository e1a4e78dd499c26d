"""Printing from the window, the same for every Print button: labels, the pickup sheet, household
cards, the supplier's order sheet and the door-delivery run.

A click first checks that a printer is installed (if none is, one sentence says so), then opens
the print dialog for the document's paper. Only once the dialog is accepted is anything drawn: a
job writes the PDF (the same writer as Save PDF) and paints its pages onto the chosen printer, one
image a page at the paper's resolution, 1:1 over the whole sheet from its corner — 203 dpi and one
label a page for a thermal roll, 300 dpi for an A4 or Letter sheet — so nothing is scaled on the
way. The page size is the document's whatever the dialog's paper box says. A cancelled dialog, a
queue that is not accepting jobs or a printer that cannot be started leaves one sentence and
nothing printed or recorded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPoint, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from desktop.errors import BadInput, Cancelled
from desktop.printing.stocks import Paper
from desktop.ui.common import arg, show_error
from desktop.ui.forms import named
from desktop.ui.jobs import Job
from desktop.ui.ops import DbOp

# (conn, path, progress, should_cancel) → anything: draws the document's PDF into `path`.
Writer = Callable[[Any, Path, Callable[[int, int], None], Callable[[], bool]], Any]


def printer_names() -> list[str]:
    """The printers this computer knows (a test may put a fake here)."""
    return list(QPrinterInfo.availablePrinterNames())


def page_size(paper: Paper) -> QPageSize:
    if paper.name == "A4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper.name == "Letter":
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QSizeF(*paper.size), QPageSize.Unit.Point, paper.name,
                     QPageSize.SizeMatchPolicy.ExactMatch)


def fit_printer(printer: QPrinter, paper: Paper) -> None:
    """The paper's exact page, no margins, drawn at its own resolution."""
    printer.setFullPage(True)
    printer.setResolution(paper.dpi)
    printer.setPageLayout(QPageLayout(page_size(paper), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))


def make_printer(paper: Paper, doc_name: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    fit_printer(printer, paper)
    printer.setDocName(doc_name)
    return printer


def to_qimage(image) -> QImage:
    """A PIL page image (mode '1' or 'L') as a QImage that owns its pixels."""
    data = image.tobytes()
    if image.mode == "1":
        frame = QImage(data, image.width, image.height, (image.width + 7) // 8,
                       QImage.Format.Format_Mono)
        frame.setColorTable([0xFF000000, 0xFFFFFFFF])  # PIL: 0 black, 1 white
    else:
        frame = QImage(data, image.width, image.height, image.width,
                       QImage.Format.Format_Grayscale8)
    return frame.copy()


def paint_pdf(pdf: Path, printer: QPrinter, paper: Paper, progress, should_cancel) -> int:
    """Every page of `pdf` onto `printer`, pixel for dot; returns how many pages. Runs in a worker
    thread: painting on a QPrinter is allowed there."""
    from desktop.printing.send import page_count, page_images

    total = page_count(pdf)
    painter = QPainter()
    if not painter.begin(printer):
        raise BadInput("printer_failed", "printer")
    done = 0
    try:
        for image in page_images(pdf, paper, should_cancel):
            if should_cancel():
                raise Cancelled()
            if done:
                printer.newPage()
            painter.drawImage(QPoint(0, 0), to_qimage(image))
            done += 1
            progress(done, total)
    except BaseException:
        printer.abort()
        raise
    finally:
        if painter.isActive():
            painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise BadInput("printer_failed", "printer")
    return done


def where_printed(printer: QPrinter) -> str:
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return printer.outputFileName()
    return printer.printerName()


def sent(where: str, pages: int) -> str:
    if pages == 1:
        return arg(QCoreApplication.translate("Printing", "Sent to %1: 1 page."), where)
    return arg(QCoreApplication.translate("Printing", "Sent to %1: %2 pages."), where, pages)


def print_document(parent: QWidget, *, paper: Paper, doc_name: str, title: str, db_path: Path,
                   write: Writer, say: Callable[[str, bool], None],
                   started: Callable[[Job], None]) -> QPrintDialog | None:
    """Ask which printer, then draw and print the document. `say(sentence, warning)` tells the
    page what happened; `started(job)` hands it the job once one runs. Returns the open dialog,
    or None when there is no printer to ask about."""
    if not printer_names():
        show_error(parent, BadInput("printer_none", "printer"))
        return None
    printer = make_printer(paper, doc_name)
    dialog = named(QPrintDialog(printer, parent), "printDialog",
                   QCoreApplication.translate("Printing", "Print"))
    dialog.setWindowTitle(arg(QCoreApplication.translate("Printing", "Print %1"), doc_name))

    def work(conn, progress, should_cancel):
        from desktop.printing.send import check_queue

        if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            check_queue(printer.printerName())  # before anything is drawn or recorded
        with tempfile.TemporaryDirectory(prefix="compound-desk-print-") as folder:
            path = Path(folder) / doc_name
            write(conn, path, progress, should_cancel)
            return paint_pdf(path, printer, paper, progress, should_cancel)

    def accepted() -> None:
        fit_printer(printer, paper)  # the document's own page, whatever the dialog's paper box says
        started(DbOp(parent, db_path, work).progress(title)
                .success(lambda pages: say(sent(where_printed(printer), pages), False)).run())

    dialog.accepted.connect(accepted)
    dialog.rejected.connect(lambda: say(QCoreApplication.translate(
        "Printing", "Printing cancelled: nothing was printed."), False))
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    QDialog.open(dialog)  # QPrintDialog.open(receiver, member) hides QDialog's own open()
    return dialog
