"""Printers as Qt sees them, and sending a PDF through the desktop app's print path (QtPdf
rasterises the pages, QPainter paints them onto the printer) without a print dialog.

A printer name ending in .pdf means Qt's PDF printer writing that file: the same path, checked
on a machine without a printer (the bundle smoke test, `staffdesk printer test --printer x.pdf`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from staffdesk.domain.errors import PrintFailed, ValidationError

PRINT_DPI = 300


def printer_names() -> list[str]:
    """The printers this computer offers (the system's print queues)."""
    return [str(name) for name in QPrinterInfo.availablePrinterNames()]


def default_printer() -> str:
    return str(QPrinterInfo.defaultPrinterName())


def printer_label(printer: QPrinter) -> str:
    """The name the clerk knows the printer by: the print queue's name, the PDF file a "print
    to file" wrote, or the system default's name when Qt leaves the printer unnamed."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return str(printer.outputFileName())
    return str(printer.printerName() or default_printer())


def make_printer(name: str = "") -> QPrinter:
    """A printer set up for US Letter slips: `name` ("" = the system default), or a .pdf file."""
    if name.lower().endswith(".pdf"):
        out = Path(name).expanduser()
        if not out.parent.is_dir():
            raise ValidationError("printer", f"folder {out.parent} does not exist")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
    else:
        names = printer_names()
        if name and name not in names:
            raise ValidationError(
                "printer",
                f"no printer named {name!r} on this computer; expected one of: "
                + (", ".join(names) or "(none installed)"),
            )
        chosen = name or default_printer()
        if not chosen:
            raise PrintFailed("this computer has no printer: install one, or name a .pdf file")
        printer = QPrinter(QPrinterInfo.printerInfo(chosen), QPrinter.PrinterMode.HighResolution)
    printer.setDocName("StaffDesk slip")
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # the slip's own size
    return printer


def print_pdf(pdf: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Send every page of `pdf` to `printer` as the issue dialog does; returns the page count."""
    from staffdesk.ui.issue import print_pages
    from staffdesk.ui.pdfimage import pdf_pages

    pages = pdf_pages(pdf, dpi)
    print_pages(printer, pages)
    return len(pages)
