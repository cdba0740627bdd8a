"""Display names for stored values (request and passcode states, record kinds, staff roles):
the database keeps the English code; the screen shows it in the interface language.

Each literal is marked with QT_TRANSLATE_NOOP so lupdate finds it in its context. Requests and
passcodes have separate contexts: in Spanish a request (la solicitud) is "revocada", a passcode
(el código) "revocado".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

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
STAFF_STATES = (
    QT_TRANSLATE_NOOP("StaffStates", "active"),
    QT_TRANSLATE_NOOP("StaffStates", "disabled"),
)


def request_state(value: Any) -> str:
    return QCoreApplication.translate("RequestStates", str(value)) if value else ""


def kind(value: Any) -> str:
    return QCoreApplication.translate("Kinds", str(value)) if value else ""


def staff_state(value: Any) -> str:
    return QCoreApplication.translate("StaffStates", str(value)) if value else ""


def role(value: Any) -> str:
    """Roles are named in the staff form's context, where the Role box lists them."""
    return QCoreApplication.translate("StaffEditDialog", str(value)) if value else ""


def history_state(row: Any) -> str:
    """A history row's state, in the context of what the row is (a request or a passcode)."""
    context = "PasscodeStates" if row.kind == "passcode" else "RequestStates"
    return QCoreApplication.translate(context, str(row.what)) if row.what else ""


def passcode_state(value: Any) -> str:
    return QCoreApplication.translate("PasscodeStates", str(value)) if value else ""
