"""The shared database's password, kept in the OS keyring and nowhere else.

Stored under the service "StaffDesk" with the URL *without* its password as the user name. A
keyring backend that would keep the password in plaintext, or keep nothing (the fail and null
backends, keyrings.alt's files, a chainer with nothing secure behind it), is refused with
SecretStoreUnavailable: StaffDesk never falls back to writing the password somewhere readable.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from staffdesk.domain.errors import SecretStoreUnavailable

SERVICE = "StaffDesk"

HELP = (
    "install or unlock the system keyring (GNOME Keyring/KWallet via Secret Service on Linux, "
    "Keychain on macOS, Credential Manager on Windows)"
)


class MemoryKeyring(KeyringBackend):
    """A keyring held in this process's memory, for tests (StaffDesk's and the UI's).

    Install it with `keyring.set_keyring(MemoryKeyring())`. It is never chosen on its own: it
    is not `viable`, so keyring's automatic backend selection skips it.
    """

    priority = 1  # type: ignore[assignment]
    viable = False  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self._store[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(f"no password for {username}") from None


def _insecure(backend: KeyringBackend) -> str | None:
    """Why this backend must not hold the password, or None if it may."""
    cls = type(backend)
    module, name = cls.__module__, cls.__name__
    if isinstance(backend, fail.Keyring):
        return "no keyring backend is available"
    if module.startswith("keyring.backends.null"):
        return "the null keyring backend stores nothing"
    if module.startswith("keyrings.alt") or "plaintext" in name.lower():
        return f"the keyring backend {module}.{name} keeps passwords in a file, not the OS keyring"
    if isinstance(backend, chainer.ChainerBackend):
        inner = list(backend.backends)
        if not inner:
            return "no keyring backend is available"
        if all(_insecure(b) for b in inner):
            return "every available keyring backend keeps passwords in plaintext or not at all"
    return None


def check_backend() -> KeyringBackend:
    """The keyring in use, or SecretStoreUnavailable saying why it cannot be trusted."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise SecretStoreUnavailable(f"the system keyring cannot be opened: {exc}; {HELP}") from exc
    why = _insecure(backend)
    if why:
        raise SecretStoreUnavailable(
            f"cannot keep the shared-database password safely: {why}; {HELP}"
        )
    return backend


def store_password(url_without_password: str, password: str) -> None:
    backend = check_backend()
    try:
        backend.set_password(SERVICE, url_without_password, password)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(f"the keyring refused the password: {exc}; {HELP}") from exc


def load_password(url_without_password: str) -> str | None:
    backend = check_backend()
    try:
        return backend.get_password(SERVICE, url_without_password)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(
            f"the keyring is locked or unavailable: {exc}; {HELP}"
        ) from exc


def delete_password(url_without_password: str) -> None:
    backend = check_backend()
    try:
        backend.delete_password(SERVICE, url_without_password)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(
            f"the keyring is locked or unavailable: {exc}; {HELP}"
        ) from exc
