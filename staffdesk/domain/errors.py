"""The typed refusals of StaffDesk. The UI maps each class to what the user sees (ui/errors.py)."""

from __future__ import annotations


class StaffDeskError(Exception):
    """Base of every refusal StaffDesk means to show a person; anything else is a bug."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(StaffDeskError):
    """Bad input: names the field and what is expected."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.detail = message


class ValidationErrors(StaffDeskError):
    """Several bad inputs at once (a roster file with broken rows, a form with several slips)."""

    def __init__(self, errors: list[ValidationError], summary: str = "") -> None:
        lines = [e.message for e in errors]
        head = summary or f"{len(errors)} problem(s) found"
        super().__init__(head + ":\n" + "\n".join(lines))
        self.errors = errors


class NotFound(StaffDeskError):
    """A record the user named does not exist (or is outside the schools they may see)."""


class PermissionDenied(StaffDeskError):
    """The signed-in staff member's role or schools do not allow this."""


class AuthenticationFailed(StaffDeskError):
    """Wrong username or password, or an inactive account. Never says which."""


class ConflictError(StaffDeskError):
    """Someone else changed the record first, or it is in a state that does not allow this."""


class IllegalTransition(ConflictError):
    """The request's state does not allow this action; the message says what is allowed next."""


class RestrictedContact(StaffDeskError):
    """A restricted contact (court order, custody note) blocks approval; an admin may override."""

    def __init__(self, message: str, contact_name: str, note: str) -> None:
        super().__init__(message)
        self.contact_name = contact_name
        self.note = note


class StoreUnavailable(StaffDeskError):
    """The database cannot be reached or opened: an environment problem, not a bug."""


class SecretStoreUnavailable(StaffDeskError):
    """No secure keyring backend (or it is locked): secrets are never stored in plaintext."""


class PrintFailed(StaffDeskError):
    """A slip or form could not be written or sent to the printer."""


class DirectoryUnavailable(StaffDeskError):
    """The district directory (LDAP / AD) cannot be reached or its certificate is not trusted:
    an environment problem, told apart from a refused password."""
