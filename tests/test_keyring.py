"""The keyring check is an allow-list of the secure system stores (issue 12: a custom file
backend that kept the password in plain text was accepted)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, kwallet, libsecret

from staffdesk.domain.errors import SecretStoreUnavailable
from staffdesk.sync import secrets


class PlainFileKeyring(KeyringBackend):
    """What a careless site might install: the password in a readable file."""

    priority = 1  # type: ignore[assignment]
    # never a viable backend: keyring's chainer would take it in beside the real ones, and
    # every later refusal on this box would name it (seen: the Spanish walk read 'file' in
    # 'keyrings.alt.file.AltFileKeyring')
    viable = False  # type: ignore[assignment]
    folder = Path(".")

    def get_password(self, service: str, username: str) -> str | None:
        path = self.folder / f"{service}-{abs(hash(username))}.txt"
        return path.read_text() if path.exists() else None

    def set_password(self, service: str, username: str, password: str) -> None:
        (self.folder / f"{service}-{abs(hash(username))}.txt").write_text(password)

    def delete_password(self, service: str, username: str) -> None:
        pass


class SneakySecretService(SecretService.Keyring):
    """An allowed class's subclass may store anywhere: not allowed by inheritance."""


@pytest.fixture
def restore_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    yield
    keyring.set_keyring(previous)
    secrets._memory_for_tests = None


@pytest.mark.parametrize(
    "backend",
    [SecretService.Keyring(), libsecret.Keyring(), kwallet.DBusKeyring()],
    ids=["secret-service", "libsecret", "kwallet"],
)
def test_the_system_stores_are_accepted(backend: KeyringBackend, restore_keyring: None) -> None:
    keyring.set_keyring(backend)
    assert secrets.check_backend() is backend


def test_a_plaintext_file_backend_is_refused_with_the_reason(
    restore_keyring: None, tmp_path: Path
) -> None:
    PlainFileKeyring.folder = tmp_path
    keyring.set_keyring(PlainFileKeyring())
    with pytest.raises(SecretStoreUnavailable, match="PlainFileKeyring is not one of the secure"):
        secrets.store_password("postgresql://u@h/db", "s3cret")
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize(
    "backend",
    [
        SneakySecretService(),
        chainer.ChainerBackend(),
        secrets.MemoryKeyring(),  # not installed by use_memory_keyring()
    ],
    ids=["subclass", "empty-chainer", "memory-not-asked-for"],
)
def test_anything_not_on_the_list_is_refused(
    backend: KeyringBackend, restore_keyring: None
) -> None:
    keyring.set_keyring(backend)
    with pytest.raises(SecretStoreUnavailable, match="keyring"):
        secrets.check_backend()


def test_a_chainer_is_accepted_only_when_everything_behind_it_is(
    restore_keyring: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain = chainer.ChainerBackend()
    monkeypatch.setattr(
        chainer.ChainerBackend, "backends", [SecretService.Keyring(), PlainFileKeyring()]
    )
    keyring.set_keyring(chain)
    with pytest.raises(SecretStoreUnavailable, match="PlainFileKeyring"):
        secrets.check_backend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [SecretService.Keyring()])
    assert secrets.check_backend() is chain


def test_the_memory_backend_only_when_a_test_installs_it(restore_keyring: None) -> None:
    ring = secrets.use_memory_keyring()
    secrets.store_password("postgresql://u@h/db", "pw")
    assert ring.get_password(secrets.SERVICE, "postgresql://u@h/db") == "pw"
