"""The identity check at the counter: which photo ID the parent showed, recorded by the clerk
who saw it (split from ui/intake.py, which keeps the Parent Access Form)."""

from __future__ import annotations

import itertools
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from staffdesk.domain.errors import ValidationError
from staffdesk.domain.workflow import DocumentKind
from staffdesk.services import requests as req_svc
from staffdesk.ui import i18n, operations, states
from staffdesk.ui.base import Desk, FieldErrors, FormDialog
from staffdesk.ui.discard import AsksBeforeDiscarding
from staffdesk.ui.errors import show_error


def document_buttons(layout: QVBoxLayout) -> dict[DocumentKind, QRadioButton]:
    """One radio button per document kind the domain knows, in its order, above the hint;
    each with its own Alt letter (the first of its name not taken on the form)."""
    buttons = {}
    for i, kind in enumerate(DocumentKind):
        button = QRadioButton()
        button.setObjectName(f"kind_{kind.name.lower()}")
        layout.insertWidget(i, button)
        buttons[kind] = button
    name_documents(buttons)
    return buttons


def name_documents(buttons: dict[DocumentKind, QRadioButton]) -> None:
    """Each document kind's name, in the interface language (again after a switch)."""
    taken = set("elvp")  # D&escription, &Last four, &Verify ID; P left free as it always was
    for kind, button in buttons.items():
        name = states.document_kind(kind.value)
        button.setText(with_mnemonic(name, taken))
        button.setAccessibleName(name)


def with_mnemonic(text: str, taken: set[str]) -> str:
    """`text` with & before its first letter not in `taken` (which it then joins)."""
    for i, ch in enumerate(text):
        if ch.isalnum() and ch.casefold() not in taken:
            taken.add(ch.casefold())
            return f"{text[:i]}&{text[i:]}"
    return text


class IdentityCheckDialog(AsksBeforeDiscarding, FormDialog):
    """How the parent proved who they are; "verified by" is the signed-in staff member.

    No document is preselected: Verify ID stays disabled until the clerk picks the one they
    looked at, and Enter before that says so instead of recording a guess.

    Signals: verified(object) — the RequestView after the check.
    """

    verified = Signal(object)

    def __init__(
        self,
        desk: Desk,
        request: req_svc.RequestView,
        warnings: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("identity_check", self.tr("Identity check"), parent)
        self.desk = desk
        self.request = request
        self.kinds = document_buttons(self.w(QVBoxLayout, "kind_layout"))
        self.description: QLineEdit = self.w(QLineEdit, "description")
        order = [*self.kinds.values(), self.description]  # the kinds first, as on the paper
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)
        self.last4: QLineEdit = self.w(QLineEdit, "last4")
        by: QLabel = self.w(QLabel, "verified_by")
        by.setText(f"{desk.me().display_name} ({desk.me().username})")
        self.warnings = warnings
        self._say_summary()
        form: QFormLayout = self.w(QFormLayout, "form")
        self.errors = FieldErrors(
            form,
            {
                "document description": self.description,
                "last4": self.last4,
                "document": self.kinds[DocumentKind.OTHER],
            },
        )
        buttons: QDialogButtonBox = self.w(QDialogButtonBox, "buttons")
        self.submit_button = QPushButton(self.tr("&Verify ID"))
        self.submit_button.setAccessibleName(self.tr("Verify ID"))
        self.submit_button.setToolTip(self.tr("Record the identity check (Enter)"))
        self.submit_button.setDefault(True)
        buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.kind_hint: QLabel = self.w(QLabel, "kind_hint")
        for button in self.kinds.values():
            button.setChecked(False)
            button.toggled.connect(lambda _on: self._kind_changed())
        self._kind_changed()
        self.kinds[DocumentKind.CA_ID].setFocus()
        self.setMinimumWidth(540)

    def _say_summary(self) -> None:
        """Who is checked for whom, and the intake's notices, in the interface language."""
        summary: QLabel = self.w(QLabel, "summary")
        request, warnings = self.request, self.warnings
        text = self.tr(
            "<b>{guardian}</b> for <b>{student}</b> (Permanent ID {pid}, {school}).<br>"
            "Look at the photo ID and make sure it matches the person at the counter."
        ).format(
            guardian=request.guardian_name,
            student=request.roster_name,
            pid=request.permanent_id,
            school=request.school_name,
        )
        if warnings:
            text += (
                "<br><br><span style='color:#9A4A00'>"
                + "<br>".join(escape(i18n.notice(w)) for w in warnings)
                + "</span>"
            )
        summary.setText(text)

    def retranslate(self) -> None:
        """The interface language changed (ui/i18n.py): the summary and the document names."""
        self._say_summary()
        name_documents(self.kinds)

    def kind(self) -> DocumentKind | None:
        return next((k for k, b in self.kinds.items() if b.isChecked()), None)

    def changed(self) -> bool:
        return self.kind() is not None or bool(self.description.text() or self.last4.text())

    def _kind_changed(self) -> None:
        chosen = self.kind() is not None
        self.submit_button.setEnabled(chosen)
        self.kind_hint.setVisible(not chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter with no document chosen says so (it never records a guess)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.kind() is None:
            self._no_kind()
            event.accept()
            return
        super().keyPressEvent(event)

    def _no_kind(self) -> None:
        self.kind_hint.setObjectName("error_text")
        self.kind_hint.style().unpolish(self.kind_hint)
        self.kind_hint.style().polish(self.kind_hint)
        self.kind_hint.setVisible(True)
        self.kinds[DocumentKind.CA_ID].setFocus()

    def submit(self) -> None:
        chosen = self.kind()
        if chosen is None:
            self._no_kind()
            return
        self.errors.clear()
        actor, rid, version = self.desk.me(), self.request.id, self.request.version
        kind, note, last4 = chosen.value, self.description.text(), self.last4.text()
        self.submit_button.setEnabled(False)
        operations.verify_identity(
            actor,
            rid,
            document_kind=kind,
            description=note,
            last4=last4,
            expected_version=version,
        ).success(self._done).failure(self._failed).run(self.desk, owner=self)

    def _done(self, view: req_svc.RequestView) -> None:
        self._kind_changed()
        self.verified.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._kind_changed()
        if isinstance(exc, ValidationError) and self.errors.show(exc.field, i18n.detail(exc)):
            return
        show_error(self, exc)


__all__ = ["IdentityCheckDialog", "document_buttons", "name_documents"]
