"""Display names for stored values (request and passcode states, record kinds, staff roles):
the database keeps the English code; the screen shows it in the interface language.

Each literal is marked with QT_TRANSLATE_NOOP so lupdate finds it in its context. Requests and
passcodes have separate contexts: in Spanish a request (la solicitud) is "revocada", a passcode
(el código) "revocado".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from staffdesk import messages
from staffdesk.domain.workflow import DocumentKind
from staffdesk.ui.noop import QT_TRANSLATE_NOOP

REQUEST_STATES = (
    QT_TRANSLATE_NOOP("RequestStates", "recorded"),
    QT_TRANSLATE_NOOP("RequestStates", "verified"),
    QT_TRANSLATE_NOOP("RequestStates", "approved"),
    QT_TRANSLATE_NOOP("RequestStates", "rejected"),
    QT_TRANSLATE_NOOP("RequestStates", "issued"),
    QT_TRANSLATE_NOOP("RequestStates", "revoked"),
)
PASSCODE_STATES = (
    QT_TRANSLATE_NOOP("PasscodeStates", "active"),
    QT_TRANSLATE_NOOP("PasscodeStates", "used"),
    QT_TRANSLATE_NOOP("PasscodeStates", "expired"),
    QT_TRANSLATE_NOOP("PasscodeStates", "revoked"),
    QT_TRANSLATE_NOOP("PasscodeStates", "locked"),
)
KINDS = (
    QT_TRANSLATE_NOOP("Kinds", "request"),
    QT_TRANSLATE_NOOP("Kinds", "passcode"),
)
# the staff form's Role box names the roles (domain.workflow.Role) in its own context
ROLES = (
    QT_TRANSLATE_NOOP("StaffEditDialog", "clerk"),
    QT_TRANSLATE_NOOP("StaffEditDialog", "approver"),
    QT_TRANSLATE_NOOP("StaffEditDialog", "admin"),
)
STAFF_STATES = (
    QT_TRANSLATE_NOOP("StaffStates", "active"),
    QT_TRANSLATE_NOOP("StaffStates", "disabled"),
)


def _shown_in(context: str) -> Callable[[Any], str]:
    """A column formatter: the stored code, as the context's translation names it."""

    def shown(value: Any) -> str:
        return QCoreApplication.translate(context, str(value)) if value else ""

    return shown


request_state = _shown_in("RequestStates")
passcode_state = _shown_in("PasscodeStates")
kind = _shown_in("Kinds")
staff_state = _shown_in("StaffStates")
role = _shown_in("StaffEditDialog")  # the staff form's Role box names them


def document_kind(value: str) -> str:
    """A document kind's name in the interface language, from the core's message catalogue
    (domain/catalogue.py "document.*", resources/messages/<lang>.json)."""
    return messages.term("document", DocumentKind(value).value, interface_language())


def interface_language() -> str:
    """The language the interface shows (install_translations sets the default locale)."""
    return QLocale().name().split("_")[0]


def history_state(row: Any) -> str:
    """A history row's state, in the context of what the row is (a request or a passcode)."""
    return (passcode_state if row.kind == "passcode" else request_state)(row.what)
