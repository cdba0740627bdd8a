"""Issue (or reissue) a passcode, preview the slip, print it or save it as a PDF.

The plaintext VPC lives only in this dialog's memory (the Issued result and the PDF bytes) and
on paper; closing without printing or saving means a reissue.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageSize,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from staffdesk import config
from staffdesk.domain.errors import PossibleRestrictedMatch, PrintFailed
from staffdesk.domain.workflow import Role
from staffdesk.services import delivery
from staffdesk.services import requests as req_svc
from staffdesk.ui import i18n, operations, states
from staffdesk.ui.base import Desk, FormDialog
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.languages import slip_language_items
from staffdesk.ui.printing import printer_label
from staffdesk.ui.savepdf import ask_private_pdf_path

log = logging.getLogger("staffdesk.print")

PREVIEW_DPI = 120
PRINT_DPI = 300


IssueContext = delivery.IssueContext


@dataclass(frozen=True, slots=True)
class RenderedSlip:
    pdf: bytes
    preview: list[QImage]
    problem: str = ""


def print_pages(printer: QPrinter, pages: list[QImage]) -> None:
    """Paint each page image onto the printer, scaled to the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("the printer could not be opened (is it switched on and connected?)")
    try:
        for i, page in enumerate(pages):
            if i:
                printer.newPage()
            area = painter.viewport()
            size = page.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(page.rect())
            painter.drawImage(0, 0, page)
            painter.setViewport(area)
    finally:
        painter.end()


def reason_dialog(parent: QWidget, title: str, prompt: str) -> QInputDialog:
    """A multi-line reason under a long prompt, wrapped so the dialog fits the screen."""
    ask = QInputDialog(parent)
    ask.setWindowTitle(title)
    ask.setLabelText(prompt)
    ask.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    for label in ask.findChildren(QLabel):
        label.setWordWrap(True)
    ask.setMinimumWidth(480)
    ask.resize(560, ask.sizeHint().height())
    return ask


def ask_possible_match_reason(parent: QWidget, desk: Desk, exc: PossibleRestrictedMatch) -> str:
    """The service held a code back: a guardian's name is close to a restricted contact and the
    approval did not acknowledge it. An approver may acknowledge it here with a written reason
    (the command line's --possible-match-reason); a clerk is told an approver must. Returns the
    reason, or "" when there is none to issue with."""
    view = describe(exc)
    if desk.me().role is Role.CLERK:
        QMessageBox.information(
            parent,
            view.title,
            view.text
            + "\n\n"
            + QCoreApplication.translate(
                "IssueDialog",
                "An approver must acknowledge this possible match with a written reason before "
                "the code can be issued: ask an approver to issue it.",
            ),
        )
        return ""
    prompt = (
        view.text
        + "\n\n"
        + QCoreApplication.translate(
            "IssueDialog",
            "Issue anyway only if you are sure they are different people. Why are they "
            "(required, kept in the audit trail)?",
        )
    )
    while True:
        ask = reason_dialog(parent, view.title, prompt)
        if ask.exec() != QDialog.DialogCode.Accepted:
            return ""
        reason = ask.textValue()
        if reason.strip():
            return reason.strip()
        prompt = QCoreApplication.translate("IssueDialog", "Reason: please write why.") + (
            "\n\n" + view.text
        )


class IssueDialog(FormDialog):
    """Signals: issued(object) — the request ids issued; printed(str) — "print" or "pdf"."""

    issued_signal = Signal(object)
    printed = Signal(str)

    def __init__(
        self, desk: Desk, request_id: str, *, reissue: bool = False, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Reissue passcode") if reissue else self.tr("Issue passcode and print")
        super().__init__("issue", title, parent)
        self.desk = desk
        self.request_id = request_id
        self.reissue = reissue
        self.context: IssueContext | None = None
        self.issued: req_svc.Issued | None = None
        self.rendered: RenderedSlip | None = None
        self.delivered: set[str] = set()
        self.possible_match_reason = ""  # an approver's, when the service held the code back
        self.summary: QLabel = self.w(QLabel, "summary")
        self.family_box: QGroupBox = self.w(QGroupBox, "family_box")
        self.family_none: QLabel = self.w(QLabel, "family_none")
        self.language: QComboBox = self.w(QComboBox, "language")
        self.issue_button: QPushButton = self.w(QPushButton, "issue")
        self.print_button: QPushButton = self.w(QPushButton, "print")
        self.save_button: QPushButton = self.w(QPushButton, "save_pdf")
        self.close_button: QPushButton = self.w(QPushButton, "close")
        self.status: QLabel = self.w(QLabel, "status")
        self.preview: QLabel = self.w(QLabel, "preview")
        self.siblings: list[tuple[QCheckBox, str]] = []
        self.language.addItem(self.tr("Family's language"), "")
        for code, label in slip_language_items():
            self.language.addItem(label, code)
        if reissue:
            self.issue_button.setText(self.tr("&Reissue passcode"))
        self.issue_button.setDefault(True)
        self.issue_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(self.print_slip)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_slip)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        self.resize(980, 760)
        actor = desk.me()
        operations.issue_context(actor, request_id).success(self._loaded).failure(
            self._load_failed
        ).run(desk, owner=self)

    # ------------------------------------------------------------------ loading
    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): say the summary again."""
        if self.context is not None:
            self.summary.setText(self._summary(self.context))

    def _summary(self, ctx: IssueContext) -> str:
        r = ctx.request
        lines = [
            self.tr("<b>{0}</b> — Permanent ID {1}").format(r.roster_name, r.permanent_id),
            f"{r.school_name} · "
            + self.tr("status: {0}").format(states.request_state(r.status.value)),
            self.tr("Parent/guardian: {0}").format(r.guardian_name),
        ]
        active = [p for p in r.passcodes if p.state.value == "active"]
        if self.reissue and active:
            lines.append(
                "<span style='color:#9A4A00'>"
                + self.tr("Reissuing revokes the active passcode (serial {0}).").format(
                    active[0].serial
                )
                + "</span>"
            )
        return "<br>".join(lines)

    def _loaded(self, ctx: IssueContext) -> None:
        self.context = ctx
        r = ctx.request
        self.summary.setText(self._summary(ctx))
        layout = self.family_box.layout()
        assert isinstance(layout, QVBoxLayout)
        self.family_none.setVisible(not ctx.siblings or self.reissue)
        if not self.reissue:
            for sib in ctx.siblings:
                box = QCheckBox(f"{sib.student} ({sib.permanent_id})")
                box.setAccessibleName(self.tr("Add {0} to the family slip").format(sib.student))
                layout.addWidget(box)
                self.siblings.append((box, sib.request_id))
        idx = self.language.findData(r.language)
        self.language.setCurrentIndex(max(idx, 0))
        self.issue_button.setEnabled(True)
        self.issue_button.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    # ------------------------------------------------------------------ issuing
    def request_ids(self) -> list[str]:
        return [self.request_id] + [rid for box, rid in self.siblings if box.isChecked()]

    def issue(self) -> None:
        if self.context is None or self.issued is not None:
            return
        actor, ids = self.desk.me(), self.request_ids()
        lang, reissue = str(self.language.currentData() or ""), self.reissue
        versions = [self.context.request.version] + [None] * (len(ids) - 1)
        # an acknowledgement answers the slip held back, not one with other siblings ticked
        reason, self.possible_match_reason = self.possible_match_reason, ""
        self.issue_button.setEnabled(False)
        self.status.setText(self.tr("Issuing…"))
        operations.deliver_slips(
            actor,
            ids,
            language=lang,
            reissue=reissue,
            expected_versions=versions,
            possible_match_reason=reason,
        ).success(self._issued).failure(self._issue_failed).run(self.desk, owner=self)

    def _issue_failed(self, exc: BaseException) -> None:
        self.issue_button.setEnabled(True)
        self.status.setText("")
        if isinstance(exc, PossibleRestrictedMatch):
            self.possible_match_reason = ask_possible_match_reason(self, self.desk, exc)
            if self.possible_match_reason:
                self.issue()
            else:
                self.status.setText(self.tr("Not issued: the possible match is not acknowledged."))
            return
        show_error(self, exc)

    def _issued(self, delivered: delivery.Delivery) -> None:
        self.issued = issued = delivered.issued
        self.issued_signal.emit(issued.request_ids)
        for box, _rid in self.siblings:
            box.setEnabled(False)
        self.language.setEnabled(False)
        n = len(issued.slip.students)
        text = self.tr(
            "Passcode issued for {0} student(s). Print the slip or save it as a PDF "
            "now: the code cannot be shown again."
        ).format(n)
        if issued.slip.pending_sync:
            text += " " + self.tr(
                "Pending sync: the portal accepts this code once this workstation has synced."
            )
        if issued.revoked_serials:
            text += " " + self.tr(
                "The old code (serial {0}) was revoked: it no longer works in the portal."
            ).format(", ".join(issued.revoked_serials))
        if issued.language_fallback:
            text += " " + self.tr(
                "The slip is in English: no slip text ships for the family's language {0}."
            ).format(issued.language_fallback)
        self.status.setText(text)
        self.preview.setText(self.tr("Drawing the slip…"))
        pdf = delivered.pdf
        operations.rasterise(pdf, PREVIEW_DPI).success(
            lambda pages: self._rendered(RenderedSlip(pdf, pages))
        ).failure(lambda exc: self._no_preview(pdf, exc)).run(self.desk, owner=self)

    def _no_preview(self, pdf: bytes, exc: BaseException) -> None:
        """A PDF without a preview still prints and saves; the preview says why."""
        if isinstance(exc, PrintFailed):
            self._rendered(RenderedSlip(pdf, [], i18n.core(exc.message)))
        else:
            self._render_failed(exc)

    def _rendered(self, rendered: RenderedSlip) -> None:
        self.rendered = rendered
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.print_button.setDefault(True)
        self.print_button.setFocus()
        if rendered.preview:
            self._fit_preview()
            self.preview.setAccessibleDescription(self.tr("Preview of the credential slip"))
        else:
            assert self.issued is not None
            slip = self.issued.slip
            text = [rendered.problem, "", slip.school_name, slip.guardian_name]
            text += [f"{s.full_name} — {s.permanent_id} — {s.phone_display}" for s in slip.students]
            self.preview.setText("\n".join(text))

    def _fit_preview(self) -> None:
        """The page scaled to the preview's width, so the whole slip reads without scrolling
        sideways."""
        if self.rendered is None or not self.rendered.preview:
            return
        area = self.w(QScrollArea, "preview_area")
        page = self.rendered.preview[0]
        # the room the area gives without any scroll bar, less the vertical bar when the page
        # scaled to that width is taller than the area (the viewport's own width still counts
        # a bar that is about to come or go, which left the page a few pixels too wide)
        frame = 2 * area.frameWidth()
        width, height = area.width() - frame - 8, area.height() - frame
        if page.width() and page.height() * width / page.width() > height:
            bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, area)
            width -= max(bar, area.verticalScrollBar().sizeHint().width())
        scaled = page.scaledToWidth(max(200, width), Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(QPixmap.fromImage(scaled))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_preview()

    def _render_failed(self, exc: BaseException) -> None:
        self.preview.setText(self.tr("The slip could not be drawn."))
        show_error(self, exc)

    # ------------------------------------------------------------------ output
    def print_slip(self) -> None:
        if self.rendered is None or self.issued is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("StaffDesk slip")
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # the slip's own size
        preferred = config.get(config.PRINTER)  # this desk's printer, preselected
        if preferred and not preferred.lower().endswith(".pdf"):
            printer.setPrinterName(preferred)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.status.setText(self.tr("Sending the slip to the printer…"))
        pdf = self.rendered.pdf
        operations.rasterise(pdf, PRINT_DPI).success(
            lambda pages: self._send(printer, pages)
        ).failure(self._output_failed).run(self.desk, owner=self)

    def _send(self, printer: QPrinter, pages: list[QImage]) -> None:
        try:
            print_pages(printer, pages)
        except PrintFailed as exc:
            self._output_failed(exc)
            return
        name = printer_label(printer) or self.tr("(the system's default printer)")
        self._log("print", self.tr("Sent to the printer {0}.").format(name))

    def save_pdf(self, path: str = "") -> None:
        if self.rendered is None or self.issued is None:
            return
        if not path:
            first = self.issued.slip.students[0]
            path = ask_private_pdf_path(self, f"slip-{first.permanent_id}.pdf")
        if not path:
            return
        pdf = self.rendered.pdf
        saved = self.tr("Saved to {0}. It holds a passcode: delete it once printed.").format(path)
        operations.save_slips(pdf, path).success(lambda _r: self._log("pdf", saved)).failure(
            self._output_failed
        ).run(self.desk, owner=self)

    def _output_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Not printed."))
        show_error(self, exc)

    def _log(self, kind: delivery.DeliveryKind, message: str) -> None:
        issued, actor = self.issued, self.desk.me()
        assert issued is not None
        self.delivered.add(kind)
        self.status.setText(message)
        log.info("slip %s for %d passcode(s)", kind, len(issued.passcode_ids))
        operations.record_delivery(actor, issued, kind).success(
            lambda _r: self.printed.emit(kind)
        ).failure(lambda exc: show_error(self, exc)).run(self.desk, owner=self)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        if self.issued is not None and not self.delivered:
            answer = QMessageBox.question(
                self,
                self.tr("Slip not printed"),
                self.tr(
                    "The slip was neither printed nor saved. The passcode cannot be shown "
                    "again: the parent would need a reissue. Close anyway?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.issued = None
        self.rendered = None
        self.preview.clear()
        super().done(result)
