"""What the user sees for each kind of refusal: one mapping, one calm dialog for bugs.

Each StaffDeskError subclass maps to a title, an icon and, for validation errors, the field to
focus. Environment problems (database, keyring, printer) are told apart from bugs; anything
that is not a StaffDeskError is a bug: logged with its traceback, shown once, calmly.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from staffdesk.domain.errors import (
    AuthenticationFailed,
    ConflictError,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    PrintFailed,
    RestrictedContact,
    SecretStoreUnavailable,
    StaffDeskError,
    StoreUnavailable,
    ValidationError,
    ValidationErrors,
)

log = logging.getLogger("staffdesk.ui")

Icon = QMessageBox.Icon


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


@dataclass(frozen=True, slots=True)
class ErrorView:
    title: str
    icon: QMessageBox.Icon
    text: str
    field: str | None = None  # the form field to focus and mark
    environment: bool = False  # not the user's input, not a bug: the machine or network
    bug: bool = False


# most specific first: the first isinstance match wins
_TITLES: tuple[tuple[type[BaseException], str, QMessageBox.Icon, bool], ...] = (
    (ValidationErrors, "Please check these entries", Icon.Warning, False),
    (ValidationError, "Please check this entry", Icon.Warning, False),
    (AuthenticationFailed, "Sign-in refused", Icon.Warning, False),
    (PermissionDenied, "Not allowed", Icon.Information, False),
    (NotFound, "Not found", Icon.Information, False),
    (IllegalTransition, "Not possible now", Icon.Information, False),
    (ConflictError, "Changed by someone else", Icon.Warning, False),
    (RestrictedContact, "Restricted contact", Icon.Warning, False),
    (StoreUnavailable, "Database unreachable", Icon.Critical, True),
    (SecretStoreUnavailable, "No secure password storage", Icon.Critical, True),
    (PrintFailed, "Printing failed", Icon.Critical, True),
    (StaffDeskError, "StaffDesk", Icon.Warning, False),
)

_HINTS: Mapping[type[BaseException], str] = {
    StoreUnavailable: "Check the network cable or Wi-Fi, then try again. Nothing was saved "
    "half-way. If it keeps happening, call the district help desk.",
    SecretStoreUnavailable: "StaffDesk keeps the shared-database password only in the "
    "system's secure keyring, never in a file. Install or unlock a keyring (e.g. GNOME "
    "Keyring, KWallet, Windows Credential Manager, macOS Keychain) and try again.",
    PrintFailed: "Check the printer (paper, power, queue) or save the slip as a PDF instead.",
    ConflictError: "The record has been reloaded. Check it and try again.",
}

FIELD_LABELS = {
    "permanent_id": "Student Permanent ID",
    "school": "School",
    "first_name": "Student first name",
    "middle_name": "Student middle initial",
    "last_name": "Student last name",
    "student name": "Student name",
    "guardian_name": "Parent/guardian name",
    "address": "Address",
    "phone": "Home phone",
    "email": "Email",
    "signed_on": "Signed on",
    "document": "ID document",
    "document description": "ID description",
    "last4": "Last four characters",
    "reason": "Reason",
    "override reason": "Override reason",
    "username": "Username",
    "password": "Password",
    "role": "Role",
    "display name": "Display name",
    "language": "Slip language",
}


def field_label(field: str) -> str:
    return tr(FIELD_LABELS.get(field, field.replace("_", " ").capitalize()))


def describe(exc: BaseException) -> ErrorView:
    for cls, title, icon, env in _TITLES:  # noqa: B007 - used after the loop
        if isinstance(exc, cls):
            break
    else:
        return ErrorView(
            tr("Something went wrong"),
            Icon.Critical,
            tr(
                "StaffDesk hit an unexpected problem and did not finish this action. Nothing "
                "was saved half-way. The details are in the log file; please tell the help desk."
            ),
            bug=True,
        )
    if isinstance(exc, ValidationError):
        text = f"{field_label(exc.field)}: {exc.detail}"
        return ErrorView(tr(title), icon, text, field=exc.field)
    text = exc.message if isinstance(exc, StaffDeskError) else str(exc)
    hint = next((h for c, h in _HINTS.items() if isinstance(exc, c)), "")
    if hint:
        text = f"{text}\n\n{tr(hint)}"
    return ErrorView(tr(title), icon, text, environment=env)


def show_error(parent: QWidget | None, exc: BaseException) -> ErrorView:
    """Show the dialog for `exc` (patched in tests through the QMessageBox static methods)."""
    view = describe(exc)
    if view.bug:
        log.error(
            "unexpected error: %s",
            "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        )
    elif view.environment:
        log.warning("environment problem: %s", type(exc).__name__)
    show = {
        Icon.Critical: QMessageBox.critical,
        Icon.Warning: QMessageBox.warning,
    }.get(view.icon, QMessageBox.information)
    show(parent, view.title, view.text)
    return view


_showing = False


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log any uncaught error and show one calm dialog (never a cascade of them)."""
    global _showing
    log.error("uncaught error: %s", "".join(traceback.format_exception(kind, exc, tb)))
    if isinstance(exc, KeyboardInterrupt) or _showing:
        return
    _showing = True
    try:
        show_error(None, exc)
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = _excepthook
