"""The shared database's password, kept in the OS keyring and nowhere else.

Stored under the service "StaffDesk" with the URL *without* its password as the user name. Only
the operating systems' own secure stores are accepted — an allow-list, not a deny-list: Windows
Credential Locker, the macOS Keychain, Secret Service (GNOME Keyring and friends, directly or
through libsecret) and KWallet. Anything else (a plaintext or encrypted file backend, a custom
backend, the fail and null backends, a chainer with anything else behind it) is refused with
SecretStoreUnavailable naming the backend: StaffDesk never falls back to writing the password
somewhere readable. The in-memory backend below is accepted only after a test installed it
with `use_memory_keyring()`.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from staffdesk.domain.errors import SecretStoreUnavailable
from staffdesk.domain.messages import msg

SERVICE = "StaffDesk"

HELP = msg("keyring.help")


class MemoryKeyring(KeyringBackend):
    """A keyring held in this process's memory, for tests (StaffDesk's and the UI's).

    Install it with `keyring.set_keyring(MemoryKeyring())`. It is never chosen on its own: it
    is not `viable`, so keyring's automatic backend selection skips it.
    """

    # keyring declares both as class properties and its __init__ untyped: a plain class
    # attribute and the call are what its own backends do, which mypy cannot see through
    priority = 1  # type: ignore[assignment]  # keyring: a classproperty in the base
    viable = False  # type: ignore[assignment]  # keyring: a classproperty in the base

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring: untyped __init__
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


# (module, class) -> what it is. Exact classes: a subclass may store passwords anywhere.
SECURE_BACKENDS = {
    ("keyring.backends.Windows", "WinVaultKeyring"): "Windows Credential Locker",
    ("keyring.backends.macOS", "Keyring"): "macOS Keychain",
    ("keyring.backends.SecretService", "Keyring"): "Secret Service",
    ("keyring.backends.libsecret", "Keyring"): "Secret Service (libsecret)",
    ("keyring.backends.kwallet", "DBusKeyring"): "KWallet",
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"): "KWallet 4",
}
_memory_for_tests: MemoryKeyring | None = None


def use_memory_keyring() -> MemoryKeyring:
    """For tests only: install a MemoryKeyring and accept that one instance."""
    global _memory_for_tests
    _memory_for_tests = MemoryKeyring()
    keyring.set_keyring(_memory_for_tests)
    return _memory_for_tests


def _refusal(backend: KeyringBackend) -> str | None:
    """Why this backend must not hold the password, or None if it is on the allow-list."""
    cls = type(backend)
    module, name = cls.__module__, cls.__qualname__
    if (module, name) in SECURE_BACKENDS:
        return None
    if _memory_for_tests is not None and backend is _memory_for_tests:
        return None
    if isinstance(backend, fail.Keyring):
        return msg("keyring.none")
    if isinstance(backend, chainer.ChainerBackend):
        inner = list(backend.backends)
        if not inner:
            return msg("keyring.none")
        refused = [why for b in inner if (why := _refusal(b))]
        return refused[0] if refused else None
    return msg(
        "keyring.not_secure",
        backend=f"{module}.{name}",
        accepted=", ".join(sorted(set(SECURE_BACKENDS.values()))),
    )


def check_backend() -> KeyringBackend:
    """The keyring in use, or SecretStoreUnavailable saying why it cannot be trusted."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:
        raise SecretStoreUnavailable(
            msg("keyring.cannot_open", reason=str(exc), help=HELP)
        ) from exc
    why = _refusal(backend)
    if why:
        raise SecretStoreUnavailable(msg("keyring.unsafe", why=why, help=HELP))
    return backend


def store_password(url_without_password: str, password: str) -> None:
    backend = check_backend()
    try:
        backend.set_password(SERVICE, url_without_password, password)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(msg("keyring.refused", reason=str(exc), help=HELP)) from exc


def load_password(url_without_password: str) -> str | None:
    backend = check_backend()
    try:
        return backend.get_password(SERVICE, url_without_password)
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(msg("keyring.locked", reason=str(exc), help=HELP)) from exc


def delete_password(url_without_password: str) -> None:
    backend = check_backend()
    try:
        backend.delete_password(SERVICE, url_without_password)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise SecretStoreUnavailable(msg("keyring.locked", reason=str(exc), help=HELP)) from exc
