"""The Parent Access Form at the counter, then the identity check of the parent's photo ID."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.values import Email, PermanentId, Phone, clean_text
from staffdesk.services import queries
from staffdesk.services import requests as req_svc
from staffdesk.services.duplicates import DuplicateRequest, guardian_key
from staffdesk.ui import i18n, operations
from staffdesk.ui.base import Desk, FieldErrors, FormDialog, grow_to_fit, scroll_the_form
from staffdesk.ui.discard import AsksBeforeDiscarding
from staffdesk.ui.errors import field_label, show_error
from staffdesk.ui.languages import slip_language_items
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

FROM_THE_ROSTER = QT_TRANSLATE_NOOP("Choices", "From the roster")

# what each line of the form must hold before Record form is enabled (the services check the
# same again; these only say it while the clerk types)
CHECKS: dict[str, Callable[[str], object]] = {
    "permanent_id": lambda t: PermanentId.parse(t, "permanent_id"),
    "guardian_name": lambda t: clean_text(t, "guardian_name"),
    "address": lambda t: clean_text(t, "address", max_len=400),
    "phone": lambda t: Phone.parse(t, "phone"),
    "email": lambda t: Email.parse(t, "email"),
}


class AccessFormDialog(AsksBeforeDiscarding, FormDialog):
    """Record a Parent Access Form; on success the identity check follows.

    No field keeps the cursor: leaving an invalid Phone or Email (Tab) shows why under it and the
    cursor goes on. Record form stays disabled until every line is valid and the signed paper
    form is ticked; Enter then says what is still needed. Escape on a changed form asks.

    Signals: recorded(object) — the services' Recorded result.
    """

    _explained = False  # the problems were last shown all at once (Record form), not by Tab
    _lost: str | None = None  # a lost slip's old serial ("" when it no longer works)

    recorded = Signal(object)

    def __init__(
        self, desk: Desk, card: queries.StudentCard | None, parent: QWidget | None = None
    ) -> None:
        super().__init__("access_form", self.tr("New Parent Access Form"), parent)
        self.desk = desk
        self.card: queries.StudentCard | None = None
        self.form_layout: QFormLayout = self.w(QFormLayout, "form")
        self.f: dict[str, QWidget] = {}
        for name in (
            "school",
            "permanent_id",
            "first_name",
            "middle_name",
            "last_name",
            "guardian_name",
            "address",
            "phone",
            "email",
        ):
            self.f[name] = self.w(QLineEdit, name)
        self.signed_on: QDateEdit = self.w(QDateEdit, "signed_on")
        self.language: QComboBox = self.w(QComboBox, "language")
        self.notice: QLabel = self.w(QLabel, "notice")
        self.paper_form_signed: QCheckBox = self.w(QCheckBox, "paper_form_signed")
        self._accepted = (False, False)  # what the clerk confirmed on this submission
        self.replaces_request_id = ""  # a lost slip: the request whose code issuing revokes
        self.f["signed_on"] = self.signed_on
        self.f["paper_form_signed"] = self.paper_form_signed
        self.f["language"] = self.language
        self.f["student name"] = self.f["first_name"]
        self.errors = FieldErrors(self.form_layout, self.f)
        self.signed_on.setDate(QDate.currentDate())
        self.signed_on.setMaximumDate(QDate.currentDate().addDays(1))
        self.language.addItem(QCoreApplication.translate("Choices", FROM_THE_ROSTER), "")
        for code, label in slip_language_items():
            self.language.addItem(label, code)
        buttons: QDialogButtonBox = self.w(QDialogButtonBox, "buttons")
        self.submit_button = QPushButton(self.tr("Re&cord form"))  # Alt+R ticks "&received"
        self.submit_button.setToolTip(
            self.tr("Record the form, then check the parent's ID (Enter)")
        )
        self.submit_button.setAccessibleName(self.tr("Record form"))
        self.submit_button.setDefault(True)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.missing: QLabel = self.w(QLabel, "missing")
        self.contacts_notice: QLabel = self.w(QLabel, "contacts_notice")
        self._left: set[str] = set()  # fields the clerk has left: their problems are shown
        self._busy = False
        pid = self.f["permanent_id"]
        assert isinstance(pid, QLineEdit)
        pid.editingFinished.connect(self._pid_changed)
        for name in CHECKS:
            edit = self.f[name]
            assert isinstance(edit, QLineEdit)
            edit.editingFinished.connect(lambda n=name: self._left_field(n))
            edit.textChanged.connect(lambda _t, n=name: self._edited(n))
        guardian = self.f["guardian_name"]
        assert isinstance(guardian, QLineEdit)
        guardian.editingFinished.connect(self._check_contact)
        self.paper_form_signed.toggled.connect(lambda _on: self._edited("paper_form_signed"))
        if card is not None:
            self.fill(card)
        self._snapshot = self._values()
        self._refresh()
        # after fill(): the scroll area polishes the form, and a notice renamed later would
        # not take its box's padding
        self.form_scroll = scroll_the_form(self, buttons)
        self.ui.installEventFilter(self)  # the form grew (a notice appeared): so does the window
        (self.f["guardian_name"] if card else pid).setFocus()
        self.setMinimumWidth(560)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui and event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self.form_scroll.updateGeometry()  # its size hint is the form's: ask again
            QTimer.singleShot(0, self, lambda: grow_to_fit(self))
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ live checks
    def _values(self) -> tuple[object, ...]:
        texts = tuple(w.text() for w in self.f.values() if isinstance(w, QLineEdit))
        return (
            *texts,
            self.paper_form_signed.isChecked(),
            self.signed_on.date(),
            self.language.currentIndex(),
        )

    def changed(self) -> bool:
        """Something the clerk typed or ticked (a prefill from the roster is not a change)."""
        return self._values() != self._snapshot

    def problems(self) -> dict[str, str]:
        """field -> what is wrong with it ("" when it is only still empty)."""
        out: dict[str, str] = {}
        for name, check in CHECKS.items():
            text = self.text(name).strip()
            if not text:
                out[name] = ""
                continue
            try:
                check(text)
            except ValidationError as exc:
                out[name] = i18n.detail(exc)
        if not self.paper_form_signed.isChecked():
            out["paper_form_signed"] = ""
        return out

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): what the form still needs, its notices
        and the problems shown under the fields."""
        self._refresh()
        self._say_notice()
        if self.contacts_notice.isVisible():
            self._check_contact()
        if self.errors._labels:
            self._mark(explain=self._explained)

    def _refresh(self) -> None:
        problems = {} if self._busy else self.problems()
        self.submit_button.setEnabled(not self._busy and not problems)
        if problems:
            names = ", ".join(field_label(n) for n in problems)
            self.missing.setText(self.tr("To record the form: {0}.").format(names))
        else:
            self.missing.setText("")
        self.missing.setVisible(bool(problems))

    def _mark(self, *, explain: bool = False) -> None:
        """Show each problem under its field: the fields left so far, or all (explain)."""
        self._explained = explain
        self.errors.clear()
        first: QWidget | None = None
        for name, message in self.problems().items():
            if not explain and (name not in self._left or not message):
                continue
            if name == "paper_form_signed":
                message = self.tr("Have the parent sign the paper form, then tick this box.")
            # an empty field is only marked: the line above the buttons names it
            shown = self.errors.show(name, message, focus=False)
            first = first or shown
        if explain and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _left_field(self, name: str) -> None:
        self._left.add(name)
        self._mark()

    def _edited(self, name: str) -> None:
        self._refresh()
        widget = self.f.get(name)
        if widget is not None and widget.property("invalid") and name not in self.problems():
            self._mark()  # fixed: its message goes at once

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter while Record form is disabled says what is still needed, by the fields."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self._busy and not self.submit_button.isEnabled():
            self._mark(explain=True)
            event.accept()
            return
        super().keyPressEvent(event)

    def _check_contact(self) -> None:
        """A guardian who is not on the student's contact list: say so now, with the list."""
        if self.card is None or not self.card.contacts:
            return
        written = self.text("guardian_name").strip()
        if not written:
            return
        key = guardian_key(written)
        if any(guardian_key(c.name) == key for c in self.card.contacts):
            self.contacts_notice.setVisible(False)
            return
        self.show_contact_list(written, self.card.contacts)

    def show_contact_list(
        self,
        guardian: str,
        contacts: Sequence[queries.ContactRow | req_svc.ListedContact],
    ) -> None:
        restricted = escape(self.tr("restricted"))
        lines = "".join(
            f"<li>{escape(c.name)}"
            + (f" ({escape(i18n.term('relationship', c.relationship))})" if c.relationship else "")
            + (f" — <b>{restricted}</b>" if c.restricted else "")
            + "</li>"
            for c in contacts
        )
        self.contacts_notice.setText(
            self.tr(
                "<b>{0} is not on this student's contact list.</b> At home they could not pick "
                "their name in the portal. If they are not one of these, an approver must "
                "write why before approving:<ul>{1}</ul>"
            ).format(escape(guardian), lines)
        )
        self.contacts_notice.setVisible(True)

    def text(self, name: str) -> str:
        widget = self.f[name]
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_text(self, name: str, value: str) -> None:
        widget = self.f[name]
        assert isinstance(widget, QLineEdit)
        widget.setText(value)

    def fill(self, card: queries.StudentCard) -> None:
        """Prefill from the roster: what the clerk then corrects to what the parent wrote."""
        self.card = card
        self.set_text("school", f"{card.school_code} — {card.school_name}")
        self.set_text("permanent_id", card.permanent_id)
        self.set_text("first_name", card.first_name)
        self.set_text("middle_name", card.middle_name)
        self.set_text("last_name", card.last_name)
        self.set_text("phone", card.phone)
        names = [c.name for c in card.contacts]
        guardian = self.f["guardian_name"]
        assert isinstance(guardian, QLineEdit)
        completer = QCompleter(names, guardian)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        guardian.setCompleter(completer)
        completer.activated.connect(self._contact_picked)
        self._restricted = [c.name for c in card.contacts if c.restricted]
        if self._restricted:
            self._say_notice()
            self.notice.setObjectName("notice_warning")
            self.notice.setVisible(True)
        self.language.setCurrentIndex(0)  # the family's language on the roster

    def _say_notice(self) -> None:
        """The restricted contacts and the lost slip's old code, in the interface language."""
        parts = []
        if getattr(self, "_restricted", None):
            parts.append(
                self.tr(
                    "Restricted contact(s) for this student: {0}. Portal access for them "
                    "needs an admin override."
                ).format(", ".join(self._restricted))
            )
        if self._lost is not None:
            parts.append(
                self.tr(
                    "Lost slip: issuing this form's code revokes the old one (serial {0})."
                ).format(self._lost)
                if self._lost
                else self.tr("Lost slip: the old code no longer works; nothing to revoke.")
            )
        if parts:
            self.notice.setText("\n".join(parts))

    def _contact_picked(self, name: str) -> None:
        """The guardian is on the contact list: their phone and email on record fill the
        fields still empty or still the student's (fewer keys at the counter; the clerk
        corrects them to what the parent wrote)."""
        if self.card is None:
            return
        contact = next((c for c in self.card.contacts if c.name == name), None)
        if contact is None:
            return
        if contact.phone and self.text("phone") in ("", self.card.phone):
            self.set_text("phone", contact.phone)
        if contact.email and not self.text("email"):
            self.set_text("email", contact.email)

    def fill_lost_slip(self, form: req_svc.AccessForm, old_serial: str) -> None:
        """Prefill a lost slip from the last form (services.lost_slip): the parent checks each
        field and signs a new paper form."""
        for name in ("guardian_name", "address", "email"):
            self.set_text(name, str(getattr(form, name)))
        try:
            self.set_text("phone", Phone.parse(form.phone, "phone").display())
        except ValidationError:
            self.set_text("phone", form.phone)
        self.language.setCurrentIndex(max(0, self.language.findData(form.language)))
        self.replaces_request_id = form.replaces_request_id
        self.setWindowTitle(self.tr("Lost slip — new Parent Access Form"))
        self._lost = old_serial
        self._say_notice()
        self.notice.setVisible(True)
        self._snapshot = self._values()  # a prefill is not the clerk's change: Escape just closes
        self.paper_form_signed.setFocus()

    def _pid_changed(self) -> None:
        raw = self.text("permanent_id").strip()
        if not raw or (self.card is not None and raw == self.card.permanent_id):
            return
        try:
            pid = PermanentId.parse(raw).value
        except ValidationError:
            return  # said under the field by _left_field; the cursor goes on
        actor, url = self.desk.me(), self.desk.url
        operations.load_card(actor, pid, url).success(self.fill).failure(self._show).run(
            self.desk, owner=self
        )

    def form(self) -> req_svc.AccessForm:
        return req_svc.AccessForm(
            permanent_id=self.text("permanent_id"),
            guardian_name=self.text("guardian_name"),
            address=self.text("address"),
            phone=self.text("phone"),
            email=self.text("email"),
            signed_on=_python_date(self.signed_on.date()),
            first_name=self.text("first_name"),
            middle_name=self.text("middle_name"),
            last_name=self.text("last_name"),
            school_code=self.card.school_code if self.card else "",
            language=str(self.language.currentData() or ""),
            paper_form_signed=self.paper_form_signed.isChecked(),
            replaces_request_id=self.replaces_request_id,
        )

    def submit(self, accept_mismatch: bool = False, accept_duplicate: bool = False) -> None:
        if self._busy:
            return
        if self.problems():
            self._mark(explain=True)
            return
        self.errors.clear()
        form = self.form()
        actor = self.desk.me()
        self._busy = True
        self._refresh()
        self._accepted = (accept_mismatch, accept_duplicate)
        operations.record_form(
            actor, form, accept_name_mismatch=accept_mismatch, accept_duplicate=accept_duplicate
        ).success(self._recorded).failure(self._failed).run(self.desk, owner=self)

    def _recorded(self, result: req_svc.Recorded) -> None:
        self._busy = False
        self._refresh()
        self.recorded.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._refresh()
        if isinstance(exc, req_svc.NameMismatch):
            answer = QMessageBox.question(
                self,
                self.tr("Name differs from the roster"),
                self.tr("{0}.\n\nRecord the form anyway, as written by the parent?").format(
                    i18n.sentence(i18n.detail(exc))
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.submit(accept_mismatch=True, accept_duplicate=self._accepted[1])
            else:
                self.errors.show("student name", i18n.detail(exc))
            return
        if isinstance(exc, DuplicateRequest):
            answer = QMessageBox.question(
                self,
                self.tr("Already requested or linked"),
                self.tr("{0}.\n\nRecord the form anyway?").format(
                    "\n".join(i18n.sentence(i18n.core(r)) for r in exc.reasons)
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.submit(accept_mismatch=self._accepted[0], accept_duplicate=True)
            else:
                self.errors.show("guardian_name", i18n.detail(exc))
            return
        self._show(exc)

    def _show(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field in self.f:
            self.errors.clear()
            self.errors.show(exc.field, i18n.detail(exc))
            return
        show_error(self, exc)


def _python_date(d: QDate) -> datetime.date:
    return datetime.date(d.year(), d.month(), d.day())


__all__ = ["AccessFormDialog", "field_label"]
