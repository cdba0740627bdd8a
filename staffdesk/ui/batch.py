"""Batch printing a school's slips: progress, cancel, and a plain account of what was done.

Calls the deliver-slips use case (services.delivery.deliver_batch) in the worker's one
transaction; it writes the PDF privately to a side file, moved into place only after the commit
and removed if anything fails.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from staffdesk.domain.errors import PossibleRestrictedMatch, PrintFailed
from staffdesk.ui import operations
from staffdesk.ui.base import Desk, FormDialog
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.issue import ask_possible_match_reason
from staffdesk.ui.languages import slip_language_items
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

PHASES = {  # shown through self.tr, so marked in this dialog's context
    "hash": QT_TRANSLATE_NOOP("BatchPrintDialog", "Generating passcodes"),
    "issue": QT_TRANSLATE_NOOP("BatchPrintDialog", "Recording passcodes"),
    "render": QT_TRANSLATE_NOOP("BatchPrintDialog", "Drawing slips"),
}


class _Progress(QObject):
    """Lives on the UI thread; the worker emits. Signals: moved(str, int, int)."""

    moved = Signal(str, int, int)


class BatchPrintDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("batch", self.tr("Batch print a school's slips"), parent)
        self.desk = desk
        self.school: QComboBox = self.w(QComboBox, "school")
        self.grade: QLineEdit = self.w(QLineEdit, "grade")
        self.language: QComboBox = self.w(QComboBox, "language")
        self.out: QLineEdit = self.w(QLineEdit, "out")
        self.progress: QProgressBar = self.w(QProgressBar, "progress")
        self.status: QLabel = self.w(QLabel, "status")
        self.start_button: QPushButton = self.w(QPushButton, "start")
        self.cancel_button: QPushButton = self.w(QPushButton, "cancel")
        self.close_button: QPushButton = self.w(QPushButton, "close")
        for code, name in sorted(desk.schools.items()):
            self.school.addItem(f"{code} — {name}", code)
        if desk.school:
            self.school.setCurrentIndex(max(0, self.school.findData(desk.school)))
        self.language.addItem(self.tr("Each family's language"), "")
        for code, name in slip_language_items():
            self.language.addItem(name, code)
        self.out.setText(str(Path.home() / "slips.pdf"))
        self.w(QPushButton, "browse").clicked.connect(self.browse)
        self.start_button.clicked.connect(lambda: self.start())
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.setEnabled(False)
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.running = False
        self.result_text = ""
        self.possible_match_reason = ""  # an approver's, when the service held codes back
        self.setMinimumWidth(560)

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the slips as"), self.out.text(), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.out.setText(path)

    def start(self) -> None:
        code = str(self.school.currentData() or "")
        target = Path(self.out.text().strip())
        if not code or not self.out.text().strip():
            self.status.setText(self.tr("Pick a school and a file for the PDF."))
            return
        part = target.with_name(target.name + ".part")
        grade = self.grade.text().strip() or None
        lang = str(self.language.currentData() or "")
        actor, progress, cancel = self.desk.me(), self._progress, self._cancel
        # an acknowledgement answers the codes held back on this run, never a later one's
        reason, self.possible_match_reason = self.possible_match_reason, ""
        cancel.clear()

        op = operations.deliver_batch(
            actor,
            code,
            part,
            grade=grade,
            language=lang,
            progress=lambda phase, done, total: progress.moved.emit(phase, done, total),
            cancelled=cancel.is_set,
            possible_match_reason=reason,
        )
        self.running = True
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)
        self.status.setText(self.tr("Starting…"))
        op.success(lambda r: self._done(r, part, target)).failure(
            lambda e: self._failed(e, part)
        ).run(self.desk, owner=self)

    def cancel(self) -> None:
        self._cancel.set()
        self.status.setText(self.tr("Cancelling…"))

    def _moved(self, phase: str, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(f"{self.tr(PHASES.get(phase, phase))}: {done} / {total}")

    def _finish(self) -> None:
        self.running = False
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)

    def _done(self, result: object, part: Path, target: Path) -> None:
        self._finish()
        try:
            part.replace(target)
        except OSError as exc:
            show_error(
                self,
                PrintFailed(
                    f"the passcodes were issued but the PDF could not be "
                    f"moved to {target}: {exc.strerror}; it is at {part}"
                ),
            )
            return
        issued = getattr(result, "issued", 0)
        self.result_text = self.tr(
            "Done: {0} passcode(s) issued for {1}; {2} page(s) written to {3}. Print that file "
            "now — the codes cannot be shown again."
        ).format(issued, getattr(result, "school_code", ""), getattr(result, "pages", 0), target)
        for tag, count in getattr(result, "language_fallbacks", ()):
            self.result_text += " " + self.tr(
                "{0} slip(s) in English: no slip text ships for the family language {1}."
            ).format(count, tag)
        self.status.setText(self.result_text)

    def _failed(self, exc: BaseException, part: Path) -> None:
        self._finish()
        part.unlink(missing_ok=True)
        self.progress.setValue(0)
        if self._cancel.is_set():
            self.result_text = self.tr("Cancelled: no passcode was issued and no file written.")
            self.status.setText(self.result_text)
            return
        self.result_text = self.tr("Nothing was issued: ") + describe(exc).text
        self.status.setText(self.result_text)
        if isinstance(exc, PossibleRestrictedMatch):
            self.possible_match_reason = ask_possible_match_reason(self, self.desk, exc)
            if self.possible_match_reason:
                self.start()
            return
        show_error(self, exc)

    def reject(self) -> None:
        if self.running:
            return
        super().reject()
