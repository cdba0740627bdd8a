"""Save as PDF… for anything that holds a passcode: the file dialog starts in the user's private
slips folder (0700, under the user data dir) and says the file holds a code; the file itself is
written owner-only (0600) by services.delivery.save_slips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from staffdesk.services.context import slips_folder


def ask_private_pdf_path(parent: QWidget, filename: str) -> str:
    """Where to save a PDF that holds a passcode ("" when the person cancels)."""
    translate = QCoreApplication.translate  # lupdate reads translate(context, text)
    folder = slips_folder()  # created, or tightened, to owner-only
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("SavePdf", "Save as PDF — the file holds a passcode: keep it private"),
        str(folder / filename),
        translate("SavePdf", "PDF files (*.pdf)"),
    )
    return str(path or "")
