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

from staffdesk import messages
from staffdesk.domain.errors import (
    AuthenticationFailed,
    ConflictError,
    DirectoryUnavailable,
    EnvironmentProblem,
    IllegalTransition,
    NotFound,
    PermissionDenied,
    PossibleRestrictedMatch,
    PrintFailed,
    RestrictedContact,
    SecretStoreUnavailable,
    StaffDeskError,
    StoreUnavailable,
    ValidationError,
    ValidationErrors,
)
from staffdesk.ui import i18n
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

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
    (
        ValidationErrors,
        QT_TRANSLATE_NOOP("errors", "Please check these entries"),
        Icon.Warning,
        False,
    ),
    (ValidationError, QT_TRANSLATE_NOOP("errors", "Please check this entry"), Icon.Warning, False),
    (AuthenticationFailed, QT_TRANSLATE_NOOP("errors", "Sign-in refused"), Icon.Warning, False),
    (PermissionDenied, QT_TRANSLATE_NOOP("errors", "Not allowed"), Icon.Information, False),
    (NotFound, QT_TRANSLATE_NOOP("errors", "Not found"), Icon.Information, False),
    (IllegalTransition, QT_TRANSLATE_NOOP("errors", "Not possible now"), Icon.Information, False),
    (ConflictError, QT_TRANSLATE_NOOP("errors", "Changed by someone else"), Icon.Warning, False),
    (RestrictedContact, QT_TRANSLATE_NOOP("errors", "Restricted contact"), Icon.Warning, False),
    (
        PossibleRestrictedMatch,
        QT_TRANSLATE_NOOP("errors", "Possible restricted contact"),
        Icon.Warning,
        False,
    ),
    (StoreUnavailable, QT_TRANSLATE_NOOP("errors", "Database not available"), Icon.Critical, True),
    (
        SecretStoreUnavailable,
        QT_TRANSLATE_NOOP("errors", "No secure password storage"),
        Icon.Critical,
        True,
    ),
    (PrintFailed, QT_TRANSLATE_NOOP("errors", "Printing failed"), Icon.Critical, True),
    (
        DirectoryUnavailable,
        QT_TRANSLATE_NOOP("errors", "District directory unreachable"),
        Icon.Critical,
        True,
    ),
    (
        EnvironmentProblem,
        QT_TRANSLATE_NOOP("errors", "Database not available"),
        Icon.Critical,
        True,
    ),
    (StaffDeskError, QT_TRANSLATE_NOOP("errors", "StaffDesk"), Icon.Warning, False),
)

_HINTS: Mapping[type[BaseException], str] = {
    StoreUnavailable: QT_TRANSLATE_NOOP(
        "errors",
        "This is the computer, its disk or the network, not what you entered. Check the "
        "network cable or Wi-Fi, then try again. Nothing was saved half-way. If it keeps "
        "happening, call the district help desk.",
    ),
    SecretStoreUnavailable: QT_TRANSLATE_NOOP(
        "errors",
        "StaffDesk keeps the shared-database password only in the "
        "system's secure keyring, never in a file. Install or unlock a keyring (e.g. GNOME "
        "Keyring, KWallet, Windows Credential Manager, macOS Keychain) and try again.",
    ),
    PrintFailed: QT_TRANSLATE_NOOP(
        "errors", "Check the printer (paper, power, queue) or save the slip as a PDF instead."
    ),
    ConflictError: QT_TRANSLATE_NOOP(
        "errors", "The record has been reloaded. Check it and try again."
    ),
    DirectoryUnavailable: QT_TRANSLATE_NOOP(
        "errors",
        "Your district password is checked by the district directory, which did not answer. "
        "Check the network and try again; if it keeps happening, call the district help desk.",
    ),
}


def field_label(field: str) -> str:
    """A field's name in the interface language (the core's catalogue names them)."""
    return i18n.field_label(field)


def describe(exc: BaseException) -> ErrorView:
    if not isinstance(exc, StaffDeskError) and "sqlalchemy" in sys.modules:
        # a driver error outside a unit of work (a sync round, opening the store): sorted as a
        # unit of work sorts it, so the environment's problems are told calmly, bugs as bugs
        from staffdesk.services.storage import known_error

        exc = known_error(exc) or exc
    for cls, title, icon, env in _TITLES:  # noqa: B007 - used after the loop
        if isinstance(exc, cls):
            break
    else:
        return ErrorView(
            QCoreApplication.translate("errors", "Something went wrong"),
            Icon.Critical,
            QCoreApplication.translate(
                "errors",
                "StaffDesk hit an unexpected problem and did not finish this action. Nothing "
                "was saved half-way. The details are in the log file; please tell the help desk.",
            ),
            bug=True,
        )
    if isinstance(exc, ValidationError):
        text = f"{field_label(exc.field)}: {i18n.detail(exc)}"
        return ErrorView(tr(title), icon, text, field=exc.field)
    text = messages.error_text(exc, i18n.current())
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
