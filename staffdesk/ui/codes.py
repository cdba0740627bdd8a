"""The codes dashboard: a school's passcodes by state (unused, expiring within N days, expired
unused, locked, used), a small chart of codes issued vs linked per week, and reissuing or
revoking a selection of codes in one step (services/codes.py).

The chart is painted with QPainter (QtCharts is an add-on the desk does not ship). Reissued
codes come back as one PDF of new slips: print it or save it privately before closing, as in
the issue dialog; closing with slips not out asks first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QItemSelection, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from staffdesk.domain.errors import PrintFailed
from staffdesk.domain.workflow import Role
from staffdesk.services import codes, delivery
from staffdesk.ui import operations
from staffdesk.ui.base import Desk, FormDialog
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.models import Column, PagedModel, local_time
from staffdesk.ui.noop import QT_TRANSLATE_NOOP
from staffdesk.ui.savepdf import ask_private_pdf_path
from staffdesk.ui.tables import setup_table

log = logging.getLogger("staffdesk.print")

STATE_LABELS = {
    codes.CodeState.UNUSED: QT_TRANSLATE_NOOP("CodesDashboard", "Unused"),
    codes.CodeState.EXPIRING: QT_TRANSLATE_NOOP("CodesDashboard", "Expiring within {0} days"),
    codes.CodeState.EXPIRED: QT_TRANSLATE_NOOP("CodesDashboard", "Expired, never used"),
    codes.CodeState.LOCKED: QT_TRANSLATE_NOOP("CodesDashboard", "Locked by the portal"),
    codes.CodeState.USED: QT_TRANSLATE_NOOP("CodesDashboard", "Used (linked)"),
}
ISSUED_COLOUR = QColor("#3A6EA5")
LINKED_COLOUR = QColor("#3C8D4F")


def state_label(state: codes.CodeState, within: int) -> str:
    return QCoreApplication.translate("CodesDashboard", STATE_LABELS[state]).format(within)


@dataclass(frozen=True, slots=True)
class _Page:
    rows: tuple[codes.CodeRow, ...]
    more: bool


@dataclass(frozen=True, slots=True)
class _Query:
    school: str
    state: codes.CodeState
    within_days: int


def _used(row: codes.CodeRow) -> str:
    if row.used_at is None:
        return ""
    return f"{local_time(row.used_at)} {row.used_by_account or ''}".strip()


def codes_model(desk: Desk, query: _Query, parent: QWidget | None = None) -> PagedModel:
    def fetch(session: Session, q: _Query, offset: int, limit: int) -> _Page:
        if not q.school:
            return _Page((), False)
        page = codes.list_codes(
            session,
            desk.me(),
            q.school,
            q.state,
            within_days=q.within_days,
            offset=offset,
            limit=limit,
        )
        return _Page(page.rows, page.more)

    return PagedModel(
        desk.worker,
        (
            Column("serial", QT_TRANSLATE_NOOP("Columns", "Serial")),
            Column("student", QT_TRANSLATE_NOOP("Columns", "Student")),
            Column("permanent_id", QT_TRANSLATE_NOOP("Columns", "Permanent ID")),
            Column("guardian", QT_TRANSLATE_NOOP("Columns", "Parent/guardian")),
            Column("issued_at", QT_TRANSLATE_NOOP("Columns", "Issued")),
            Column("expires_at", QT_TRANSLATE_NOOP("Columns", "Expires")),
            Column("failed_attempts", QT_TRANSLATE_NOOP("Columns", "Failed tries")),
            Column("used_at", QT_TRANSLATE_NOOP("Columns", "Used"), row_fmt=_used),
            Column("issued_by", QT_TRANSLATE_NOOP("Columns", "Issued by")),
        ),
        fetch,
        query,
        parent=parent,
    )


class WeeklyChart(QWidget):
    """Bars of codes issued and codes linked per week, oldest week on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: tuple[codes.WeekRow, ...] = ()
        self.setMinimumSize(260, 110)
        self.setAccessibleName(self.tr("Codes issued and linked per week"))

    def sizeHint(self) -> QSize:
        return QSize(520, 130)

    def set_weeks(self, weeks: tuple[codes.WeekRow, ...]) -> None:
        self.weeks = weeks
        self.setAccessibleDescription(
            "; ".join(
                self.tr("week of {0}: {1} issued, {2} linked").format(
                    f"{w.week_of:%Y-%m-%d}", w.issued, w.linked
                )
                for w in weeks
            )
        )
        self.setToolTip(self.accessibleDescription().replace("; ", "\n"))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        metrics = painter.fontMetrics()
        line = metrics.height()
        # legend on top
        x = 0
        for colour, label in (
            (ISSUED_COLOUR, self.tr("issued")),
            (LINKED_COLOUR, self.tr("linked")),
        ):
            painter.fillRect(QRectF(x, 3, 10, 10), colour)
            painter.setPen(text)
            painter.drawText(QRectF(x + 14, 0, 200, line), label)
            x += 14 + metrics.horizontalAdvance(label) + 16
        if not self.weeks:
            painter.drawText(
                QRectF(0, line, self.width(), self.height() - line),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No codes issued in the last weeks."),
            )
            painter.end()
            return
        top, bottom = line + 4, self.height() - line - 2
        height = max(bottom - top, 10)
        most = max(1, *(max(w.issued, w.linked) for w in self.weeks))
        painter.setPen(self.palette().mid().color())
        painter.drawLine(0, int(bottom), self.width(), int(bottom))  # the zero line
        slot = self.width() / len(self.weeks)
        bar = max(3.0, min(18.0, slot / 3))
        for i, w in enumerate(self.weeks):
            left = i * slot + (slot - 2 * bar - 2) / 2
            for j, (value, colour) in enumerate(
                ((w.issued, ISSUED_COLOUR), (w.linked, LINKED_COLOUR))
            ):
                h = height * value / most
                painter.fillRect(QRectF(left + j * (bar + 2), bottom - h, bar, h), colour)
                if value:
                    painter.setPen(text)
                    painter.drawText(
                        QRectF(left + j * (bar + 2) - 8, bottom - h - line, bar + 16, line),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        str(value),
                    )
            painter.setPen(text)
            painter.drawText(
                QRectF(i * slot, bottom + 1, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                f"{w.week_of:%m-%d}",
            )
        painter.end()


class CodesDashboard(FormDialog):
    """Signals: changed(object) — request ids whose codes were reissued or revoked here."""

    changed = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__("codes", self.tr("Codes dashboard"), parent)
        self.desk = desk
        self.school = self.w(QComboBox, "school")
        self.state = self.w(QComboBox, "state")
        self.within = self.w(QSpinBox, "within")
        self.counts = self.w(QLabel, "counts")
        self.table = self.w(QTableView, "table")
        self.status = self.w(QLabel, "status")
        self.selected_label = self.w(QLabel, "selected")
        self.reissue_button = self.w(QPushButton, "reissue")
        self.revoke_button = self.w(QPushButton, "revoke")
        self.print_button = self.w(QPushButton, "print")
        self.save_button = self.w(QPushButton, "save_pdf")
        self.chart = WeeklyChart()
        host = self.w(QWidget, "chart_host")
        layout = host.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.chart)
        self.dashboard: codes.CodesDashboard | None = None
        self.reissued: codes.Reissued | None = None
        self.delivered: set[str] = set()
        for code, name in sorted(desk.schools.items()):
            self.school.addItem(f"{code} — {name}", code)
        self.school.setCurrentIndex(max(0, self.school.findData(desk.school)))
        for state in codes.CodeState:
            self.state.addItem(state_label(state, self.within.value()), state.value)
        self.model = codes_model(desk, self._query(), self)
        self.table.setModel(self.model)
        self.fitter = setup_table(self.table, stretch=1)
        self.model.failed.connect(lambda exc: show_error(self, exc))
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.school.activated.connect(lambda _i: self.refresh())
        self.state.activated.connect(lambda _i: self.refresh())
        self.within.editingFinished.connect(self.refresh)
        self.w(QPushButton, "refresh").clicked.connect(self.refresh)
        self.w(QPushButton, "close").clicked.connect(self.reject)
        self.reissue_button.clicked.connect(lambda: self.reissue())
        self.revoke_button.clicked.connect(lambda: self.revoke())
        self.print_button.clicked.connect(self.print_slips)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.approver = desk.me().role is not Role.CLERK
        if not self.approver:
            tip = self.tr("Only an approver can reissue or revoke codes.")
            self.reissue_button.setToolTip(tip)
            self.revoke_button.setToolTip(tip)
        self._slips_out(False)
        self._selection()
        self.resize(1000, 580)
        self.refresh()

    # ------------------------------------------------------------------ reading
    def _query(self) -> _Query:
        state = codes.CodeState(str(self.state.currentData() or codes.CodeState.UNUSED.value))
        return _Query(str(self.school.currentData() or ""), state, self.within.value())

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): the counts and the chart again."""
        if self.desk.actor is not None:
            self.refresh()

    def refresh(self) -> None:
        q = self._query()
        for i, state in enumerate(codes.CodeState):
            self.state.setItemText(i, state_label(state, q.within_days))
        self.model.set_query(q)
        if not q.school:
            self.counts.setText(self.tr("You have no school to show."))
            return
        actor = self.desk.me()
        operations.codes_dashboard(actor, q.school, q.within_days).success(
            self._show_dashboard
        ).failure(lambda exc: show_error(self, exc)).run(self.desk, owner=self)

    def _show_dashboard(self, board: codes.CodesDashboard) -> None:
        self.dashboard = board
        rows = "".join(
            f"<tr><td>{state_label(s, board.within_days)}</td>"
            f"<td align='right'>&nbsp;<b>{board.counts.get(s.value, 0)}</b></td></tr>"
            for s in codes.CodeState
        )
        self.counts.setText(f"<table cellspacing='2'>{rows}</table>")
        self.chart.set_weeks(board.weeks)

    def selected_rows(self) -> list[codes.CodeRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        found = [self.model.row_at(r) for r in rows]
        return [r for r in found if isinstance(r, codes.CodeRow)]

    def _selection(self, *_args: QItemSelection) -> None:
        n = len(self.selected_rows())
        self.selected_label.setText(self.tr("{0} code(s) selected").format(n) if n else "")
        self.reissue_button.setEnabled(self.approver and n > 0 and not self.slips_waiting())
        self.revoke_button.setEnabled(self.approver and n > 0)

    # ------------------------------------------------------------------ actions
    def reissue(self) -> None:
        rows = self.selected_rows()
        if not rows or self.slips_waiting():
            return
        serials = ", ".join(r.serial for r in rows)
        answer = QMessageBox.question(
            self,
            self.tr("Reissue {0} code(s)?").format(len(rows)),
            self.tr(
                "Serials: {0}.\n\nEach of these codes stops working and a new code is made "
                "for its request, one slip each. Print or save the new slips next: they "
                "cannot be shown again."
            ).format(serials),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        actor, ids = self.desk.me(), [r.passcode_id for r in rows]
        self.reissue_button.setEnabled(False)
        self.status.setText(self.tr("Reissuing…"))
        operations.reissue_codes(actor, ids).success(self._reissued).failure(self._failed).run(
            self.desk, owner=self
        )

    def _reissued(self, result: codes.Reissued) -> None:
        self.reissued = result
        self.delivered.clear()
        self._slips_out(True)
        self.status.setText(
            self.tr(
                "{0} new code(s) made; the old ones (serials {1}) no longer work. Print the "
                "new slips or save them as a PDF now."
            ).format(len(result.issued), ", ".join(result.revoked_serials) or "—")
        )
        self.changed.emit([rid for i in result.issued for rid in i.request_ids])
        self.refresh()
        self.print_button.setFocus()

    def revoke(self, reason: str | None = None) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if reason is None:
            text, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Revoke {0} code(s)").format(len(rows)),
                self.tr(
                    "Serials: {0}. They stop working at once and no new code is made.\n"
                    "Reason (required, kept in the audit trail):"
                ).format(", ".join(r.serial for r in rows)),
            )
            if not ok:
                return
            reason = text
        if not reason.strip():
            self.status.setText(self.tr("Reason: please write why the codes are revoked."))
            return
        actor, ids, why = self.desk.me(), [r.passcode_id for r in rows], reason
        self.revoke_button.setEnabled(False)
        operations.revoke_codes(actor, ids, why).success(self._revoked).failure(self._failed).run(
            self.desk, owner=self
        )

    def _revoked(self, result: codes.Revoked) -> None:
        self.status.setText(
            self.tr("Revoked {0} code(s): {1}.").format(
                len(result.serials), ", ".join(result.serials)
            )
        )
        self.changed.emit(list(result.request_ids))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(describe(exc).text)
        self._selection()
        if describe(exc).bug or describe(exc).environment:
            show_error(self, exc)

    # ------------------------------------------------------------------ the new slips
    def slips_waiting(self) -> bool:
        """New slips neither printed nor saved yet: their codes exist nowhere else."""
        return self.reissued is not None and not self.delivered

    def _slips_out(self, pending: bool) -> None:
        self.print_button.setVisible(pending)
        self.save_button.setVisible(pending)

    def print_slips(self) -> None:
        if self.reissued is None:
            return
        from staffdesk.ui.issue import print_pages
        from staffdesk.ui.printing import PRINT_DPI, make_printer, printer_label

        printer = make_printer()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        pdf = self.reissued.pdf

        def send(pages: list[QImage]) -> None:
            try:
                print_pages(printer, pages)
            except PrintFailed as exc:
                show_error(self, exc)
                return
            name = printer_label(printer) or self.tr("(the system's default printer)")
            self._delivered("print", self.tr("Sent to the printer {0}.").format(name))

        operations.rasterise(pdf, PRINT_DPI).success(send).failure(
            lambda exc: show_error(self, exc)
        ).run(self.desk, owner=self)

    def save_pdf(self, path: str = "") -> None:
        if self.reissued is None:
            return
        path = path or ask_private_pdf_path(self, "reissued-slips.pdf")
        if not path:
            return
        pdf = self.reissued.pdf
        saved = self.tr("Saved to {0}. It holds passcodes: delete it once printed.").format(path)
        operations.save_slips(pdf, path).success(lambda _r: self._delivered("pdf", saved)).failure(
            lambda exc: show_error(self, exc)
        ).run(self.desk, owner=self)

    def _delivered(self, kind: delivery.DeliveryKind, message: str) -> None:
        result, actor = self.reissued, self.desk.me()
        if result is None:
            return
        self.delivered.add(kind)
        self.status.setText(message)
        self._selection()  # the next selection may be reissued now
        log.info("reissued slips %s for %d passcode(s)", kind, len(result.issued))

        operations.record_deliveries(actor, result.issued, kind).failure(
            lambda exc: show_error(self, exc)
        ).run(self.desk, owner=self)

    def done(self, result: int) -> None:
        if self.slips_waiting():
            answer = QMessageBox.question(
                self,
                self.tr("New slips not printed"),
                self.tr(
                    "The new slips were neither printed nor saved. Their codes cannot be shown "
                    "again: the families would need another reissue. Close anyway?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.reissued = None
        super().done(result)
