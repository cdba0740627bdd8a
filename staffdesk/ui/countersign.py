"""Countersign: an approver approves at the clerk's desk with their own username and password,
without signing the clerk out (services/countersign.py).

Keyboard-first: the dialog opens with the cursor in the approver's username; username, Tab (or
Enter), password, Enter approves. When the rules ask for a written reason (a guardian not on the
contact list, a name close to a restricted contact's, an admin's override) the reason box comes
first and has the cursor. The password is never kept: the field is cleared as soon as it is sent.

`load_countersign(desk, request_id, on_open, parent)` loads the request and the two-person rule off
the UI thread and hands the dialog to `on_open`; its `approved` signal carries the services'
Countersigned result (the desk's own sign-in is untouched).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from staffdesk.domain.errors import (
    AuthenticationFailed,
    SignInThrottled,
    StaffDeskError,
    ValidationError,
)
from staffdesk.services import countersign
from staffdesk.services.context import Actor
from staffdesk.ui import operations
from staffdesk.ui.base import Desk, FormDialog
from staffdesk.ui.discard import AsksBeforeDiscarding
from staffdesk.ui.errors import describe, show_error
from staffdesk.ui.queue import DecisionContext, request_html


class CountersignDialog(AsksBeforeDiscarding, FormDialog):
    """Signals: approved(object) — the services' Countersigned (its request is the new view)."""

    approved = Signal(object)

    def __init__(self, desk: Desk, ctx: DecisionContext, parent: QWidget | None = None) -> None:
        super().__init__("countersign", self.tr("Approve at this desk (countersign)"), parent)
        self.desk, self.ctx = desk, ctx
        self.username = self.w(QLineEdit, "username")
        self.password = self.w(QLineEdit, "password")
        self.reason = self.w(QPlainTextEdit, "reason")
        self.reason_label = self.w(QLabel, "reason_label")
        self.error = self.w(QLabel, "error")
        self.error.setObjectName("error_text")
        self._say()
        self.reason_label.setVisible(bool(self.reason_kind))
        self.reason.setVisible(bool(self.reason_kind))
        buttons = self.w(QDialogButtonBox, "buttons")
        self.submit_button = QPushButton(self.tr("&Approve"))
        self.submit_button.setAccessibleName(self.tr("Approve as the approver named above"))
        self.submit_button.setDefault(True)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        (self.reason if self.reason_kind else self.username).setFocus()
        self.setMinimumWidth(520)
        self.resize(560, 480)  # the whole request in view, well inside a 1093×614 screen

    def _say(self) -> None:
        """The request and the rules that apply, in the interface language (again after a
        switch: retranslate)."""
        v = self.ctx.request
        self.w(QLabel, "summary").setText(request_html(v))
        rules = self.w(QLabel, "rules")
        self.verifier = v.identity.verified_by if v.identity else ""
        self.reason_kind = ""  # "" | "not_a_contact" | "possible_match" | "override"
        notes: list[str] = []
        if self.ctx.two_person_rule:
            notes.append(
                self.tr(
                    "<b>Two-person rule:</b> {0} checked the ID, so someone else approves."
                ).format(escape(self.verifier or self.tr("nobody yet")))
            )
        if v.restricted_match:
            notes.append(
                self.tr(
                    "<b>Restricted contact:</b> {0} is flagged (court order or custody note). "
                    "Only an admin can approve, with a written override reason."
                ).format(escape(v.restricted_match))
            )
            self.reason_kind = "override"
            self.reason_label.setText(self.tr("Admin &override reason (required, kept)"))
        elif v.possible_match:
            notes.append(
                self.tr(
                    "<b>Possible restricted contact:</b> the name is close to {0}, who is "
                    "flagged. Approve only if you are sure they are different people."
                ).format(escape(v.possible_match))
            )
            self.reason_kind = "possible_match"
            self.reason_label.setText(self.tr("&Why they are different people (required, kept)"))
        elif not v.guardian_on_contacts:
            listed = ", ".join(escape(c.name) for c in v.contacts) or self.tr("nobody")
            notes.append(
                self.tr(
                    "<b>Not on the contact list:</b> {0} is not one of the student's contacts "
                    "({1}). At home they could not pick their name in the portal."
                ).format(escape(v.guardian_name), listed)
            )
            self.reason_kind = "not_a_contact"
            self.reason_label.setText(
                self.tr("&Why approve someone not on the contact list (required, kept)")
            )
        rules.setText("<br>".join(notes))
        rules.setVisible(bool(notes))

    def retranslate(self) -> None:
        self._say()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the username goes on to the password; anywhere else it approves (the
        default button)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() is self.username:
            self.password.setFocus(Qt.FocusReason.TabFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def changed(self) -> bool:
        return bool(self.reason.toPlainText().strip() or self.username.text().strip())

    def say(self, text: str) -> None:
        self.error.setText(text)

    def submit(self) -> None:
        text = self.reason.toPlainText().strip()
        username, password = self.username.text().strip(), self.password.text()
        if self.reason_kind and not text:
            self.say(self.tr("Reason: please write why (it is kept with the decision)."))
            self.reason.setFocus()
            return
        if not username:
            self.say(self.tr("Approver's username: the approver types their own username."))
            self.username.setFocus()
            return
        if not password:
            self.say(self.tr("Approver's password: the approver types their password."))
            self.password.setFocus()
            return
        self.password.clear()  # never kept, whatever the answer
        if self.ctx.two_person_rule and username.lower() == self.verifier.lower():
            self.say(
                self.tr("{0} checked this parent's ID: another approver must approve.").format(
                    self.verifier
                )
            )
            self.username.selectAll()
            self.username.setFocus()
            return
        desk_actor: Actor = self.desk.me()
        v = self.ctx.request
        rid, version, kind = v.id, v.version, self.reason_kind

        op = operations.countersign_approve(
            desk_actor,
            rid,
            username=username,
            password=password,
            not_a_contact_reason=text if kind == "not_a_contact" else "",
            possible_match_reason=text if kind == "possible_match" else "",
            override_reason=text if kind == "override" else "",
            expected_version=version,
        )
        self.submit_button.setEnabled(False)
        self.say(self.tr("Checking…"))
        op.success(self._done).failure(self._failed).run(self.desk, owner=self)

    def _done(self, result: countersign.Countersigned) -> None:
        self.submit_button.setEnabled(True)
        self.reason.clear()
        self.username.clear()
        self.approved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        if isinstance(exc, SignInThrottled):
            self.say(
                self.tr(
                    "Too many failed sign-ins: approving here is paused. Try again in {0} minutes."
                ).format(exc.minutes)
            )
            self.password.setFocus()
        elif isinstance(exc, AuthenticationFailed):
            self.say(
                self.tr(
                    "Wrong username or password (or the account is disabled). Nothing was "
                    "approved; the desk stays signed in as {0}."
                ).format(self.desk.me().display_name)
            )
            self.password.setFocus()
        elif isinstance(exc, ValidationError):
            self.say(describe(exc).text)
            (self.reason if self.reason_kind else self.username).setFocus()
        elif isinstance(exc, StaffDeskError):
            self.say(describe(exc).text)  # not an approver, the ID checker, a restricted contact
            self.username.selectAll()
            self.username.setFocus()
        else:
            self.say("")
            show_error(self, exc)


def load_countersign(
    desk: Desk,
    request_id: str,
    on_open: Callable[[CountersignDialog], object],
    parent: QWidget | None = None,
) -> None:
    """Fetch what the dialog shows off the UI thread, then build it and hand it to `on_open`,
    which connects `approved` and opens it (the main window keeps it with its other dialogs)."""
    actor = desk.me()
    operations.decision_context(actor, request_id).success(
        lambda ctx: on_open(CountersignDialog(desk, ctx, parent))
    ).failure(lambda exc: show_error(parent, exc)).run(desk, owner=parent)
