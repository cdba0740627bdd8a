"""The typed refusals of StaffDesk. The UI maps each class to what the user sees (ui/errors.py)."""

from __future__ import annotations

from staffdesk.domain.messages import Message, Term, msg


class StaffDeskError(Exception):
    """Base of every refusal StaffDesk means to show a person; anything else is a bug.

    `message` is a catalogued Message (domain/messages.py): its English text, with the code
    and parameters the desk and the command line render in the interface language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    @property
    def code(self) -> str | None:
        """The message's catalogue code (None for a message not yet catalogued)."""
        return self.message.code if isinstance(self.message, Message) else None


class ValidationError(StaffDeskError):
    """Bad input: names the field and what is expected."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(msg("errors.field", field=Term("field", field), detail=message))
        self.field = field
        self.detail = message


class ValidationErrors(StaffDeskError):
    """Several bad inputs at once (a roster file with broken rows, a form with several slips)."""

    def __init__(self, errors: list[ValidationError], summary: str = "") -> None:
        lines = [e.message for e in errors]
        head = summary or msg("errors.several", n=len(errors))
        super().__init__(head + ":\n" + "\n".join(lines))
        self.errors = errors
        self.summary = head


class NotFound(StaffDeskError):
    """A record the user named does not exist (or is outside the schools they may see)."""


class PermissionDenied(StaffDeskError):
    """The signed-in staff member's role or schools do not allow this."""


class AuthenticationFailed(StaffDeskError):
    """Wrong username or password, or an inactive account. Never says which."""


class SignInThrottled(AuthenticationFailed):
    """Too many failed sign-ins for this account or workstation: wait `minutes`."""

    def __init__(self, message: str, minutes: int) -> None:
        super().__init__(message)
        self.minutes = minutes


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


class PossibleRestrictedMatch(StaffDeskError):
    """The guardian's name is close to a restricted contact's (Marcos/Marco): the approver
    acknowledges it with a reason, or rejects the request."""

    def __init__(self, message: str, contact_name: str) -> None:
        super().__init__(message)
        self.contact_name = contact_name


class EnvironmentProblem(StaffDeskError):
    """The machine or the network, not StaffDesk and not the user: a database that cannot be
    reached, a full or read-only disk, a lock held too long, a missing keyring. The command line
    gives these their own exit code (4)."""


class StoreUnavailable(EnvironmentProblem):
    """The database cannot be reached, opened or written: an environment problem, not a bug."""


class SecretStoreUnavailable(EnvironmentProblem):
    """No secure keyring backend (or it is locked): secrets are never stored in plaintext."""


class PrintFailed(StaffDeskError):
    """A slip or form could not be written or sent to the printer."""


class DirectoryUnavailable(EnvironmentProblem):
    """The district directory (LDAP / AD) cannot be reached or its certificate is not trusted:
    an environment problem, told apart from a refused password."""


class AdminLoginRefused(PermissionDenied):
    """The database login given for privileged changes (`sync --admin DBUSER`) may not write
    staff, settings or the roster on the shared database: it lacks staffdesk_admin."""


class WorkstationIdentityProblem(ConflictError):
    """The shared database's audit chain for this workstation is not this store's: the command
    line gives these their own exit code (5). `chain` is the workstation's chain."""

    def __init__(self, message: str, chain: str = "") -> None:
        super().__init__(message)
        self.chain = chain


class RestoredWorkstation(WorkstationIdentityProblem):
    """This store is behind what it already sent to the shared database: restored from a backup
    (or a copy of an older store). `staffdesk sync --new-segment` continues it safely."""


class DuplicateWorkstation(WorkstationIdentityProblem):
    """Another store already writes this workstation's name on the shared database: two desks
    share one name. Give this one its own name (STAFFDESK_WORKSTATION / the site config)."""


class DatabaseRefused(StaffDeskError):
    """The shared database itself refused a change: one of its trust guards (a trigger of
    migration 0008) or the privileges of this database login. Not a bug and not the network:
    the change is not allowed to anyone signed in this way."""
